// Text stage throughput: normalise + tokenise + split sentences (MakeTextStage) on every file under
// ${DYAD_SHARED_DATA}/news, read into memory once (invalid UTF-8 repaired first, as the readers do),
// one Document per file, single thread. Reports bytes_per_second (MB/s). The files are processed
// raw (Reuters SGML/XML, CSV, JSONL as they are): the stage must be fast on markup-heavy input too.
// Run from the release build: build/release/bench/bench_text.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "text/text_stage.h"

namespace {

std::vector<dyad::Document>& NewsDocuments() {
  static auto* docs = [] {
    auto* out = new std::vector<dyad::Document>();
    std::filesystem::path root = std::string(DYAD_SHARED_DATA) + "/news";
    std::error_code ec;
    if (!std::filesystem::exists(root, ec)) return out;
    std::vector<std::filesystem::path> files;
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file()) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out->emplace_back(dyad::utf8::Repair(ss.str(), nullptr));
    }
    return out;
  }();
  return *docs;
}

void BM_TextStageNews(benchmark::State& state) {
  auto& docs = NewsDocuments();
  if (docs.empty()) {
    state.SkipWithError("no news files under DYAD_SHARED_DATA/news");
    return;
  }
  auto stage = dyad::MakeTextStage();
  auto scratch = stage->NewScratch();
  size_t bytes = 0, tokens = 0, sentences = 0;
  for (auto& d : docs) {
    bytes += d.text().size();
    // Warm-up pass: steady state, as in a long-running batch where the allocator reuses memory.
    if (!stage->Process(d, scratch.get()).ok()) break;
  }
  for (auto _ : state) {
    tokens = sentences = 0;
    for (auto& d : docs) {
      dyad::Status st = stage->Process(d, scratch.get());
      if (!st.ok()) {
        state.SkipWithError(st.ToString().c_str());
        return;
      }
      tokens += d.tokens().size();
      sentences += d.sentences().size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["files"] = static_cast<double>(docs.size());
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["sentences"] = static_cast<double>(sentences);
}
BENCHMARK(BM_TextStageNews)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
