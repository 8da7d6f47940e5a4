// Tagger throughput and model load time. Text: UD English EWT test with its gold tokenisation
// (src/io/conllu.h), so the number is the tagger alone (features, two greedy passes, lemmas,
// interning), single thread. Run from the release build: build/release/bench/bench_tagger.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "io/conllu.h"
#include "tag/tagger.h"
#include "tag/tagger_model.h"

namespace {

const std::string kModel = std::string(DYAD_SOURCE_DIR) + "/models/tagger.dyad";
const std::string kEwtTest = std::string(DYAD_SHARED_DATA) + "/ud/UD_English-EWT/en_ewt-ud-test.conllu";

void BM_TaggerModelLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto stage = dyad::LoadTaggerStage(kModel);
    if (!stage.ok()) {
      state.SkipWithError(stage.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(stage);
  }
}
BENCHMARK(BM_TaggerModelLoad)->Unit(benchmark::kMillisecond);

void BM_TagEwtTest(benchmark::State& state) {
  if (!std::filesystem::exists(kEwtTest)) {
    state.SkipWithError("shared data absent");
    return;
  }
  auto stage = dyad::LoadTaggerStage(kModel);
  auto doc = dyad::ReadConlluFile(kEwtTest);
  if (!stage.ok() || !doc.ok()) {
    state.SkipWithError("model or data did not load");
    return;
  }
  auto scratch = (*stage)->NewScratch();
  size_t tokens = 0;
  for (auto _ : state) {
    auto st = (*stage)->Process(*doc, scratch.get());
    benchmark::DoNotOptimize(st);
    tokens += doc->tokens().size();
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagEwtTest)->Unit(benchmark::kMillisecond);

// The model without the Stage's writing of rows: features and the two decoding passes only.
void BM_TagSentencesOnly(benchmark::State& state) {
  auto model = dyad::tag::TaggerModel::Load(kModel);
  auto doc = dyad::ReadConlluFile(kEwtTest);
  if (!model.ok() || !doc.ok()) {
    state.SkipWithError("model or data did not load");
    return;
  }
  std::vector<std::vector<std::string_view>> sentences;
  for (const auto& s : doc->sentences()) {
    sentences.emplace_back();
    for (uint32_t t = s.first_token; t < s.end_token; ++t) sentences.back().push_back(doc->token(t).norm());
  }
  dyad::tag::TaggerScratch scratch;
  std::vector<uint32_t> out(4096);
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& s : sentences) {
      if (s.size() > out.size()) out.resize(s.size());
      model->TagSentence(s.data(), s.size(), scratch, out.data());
      tokens += s.size();
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagSentencesOnly)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
