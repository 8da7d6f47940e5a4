// Tag + parse throughput on real news (BBC politics articles from ../shared/data/news), single thread.
// The text stage tokenises every article once, outside the timed loops; the loops run the tagger and
// the parser (or the parser alone, or the tagger alone) over all articles. Also: model load time, and
// peak RSS (getrusage).
// Models: models/tagger.dyad and models/parser.dyad in the source tree.
#include <cstdlib>
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/text_stage.h"

namespace {

const std::string kNews = std::string(DYAD_SHARED_DATA) + "/news/bbc/bbc_politics.jsonl";
// DYAD_MODELS=DIR/ benchmarks the models in DIR (candidates) instead of the shipped ones.
const std::string kModels = std::getenv("DYAD_MODELS") ? std::string(std::getenv("DYAD_MODELS")) + "/"
                                                       : std::string(DYAD_SOURCE_DIR) + "/models/";

struct Corpus {
  std::vector<dyad::Document> docs;
  size_t tokens = 0;
  std::shared_ptr<const dyad::Stage> tagger, parser;
  std::string error;
};

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

Corpus& Load() {
  static Corpus c = [] {
    Corpus c;
    auto tagger = dyad::LoadTaggerStage(kModels + "tagger.dyad");
    dyad::ParserOptions popt;  // DYAD_BEAM=K parses with a beam of K (models trained with --beam K)
    if (std::getenv("DYAD_BEAM")) popt.beam_size = std::atoi(std::getenv("DYAD_BEAM"));
    auto parser = dyad::LoadParserStage(kModels + "parser.dyad", popt);
    if (!tagger.ok() || !parser.ok()) {
      c.error = "models not found/loadable under " + kModels;
      return c;
    }
    c.tagger = *tagger;
    c.parser = *parser;
    std::ifstream in(kNews);
    if (!in) {
      c.error = "no news text at " + kNews;
      return c;
    }
    auto text = dyad::MakeTextStage();
    auto scratch = text->NewScratch();
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
      dyad::Document doc(j["text"].get<std::string>());
      if (!text->Process(doc, scratch.get()).ok()) continue;
      c.tokens += doc.tokens().size();
      c.docs.push_back(std::move(doc));
    }
    return c;
  }();
  return c;
}

void RunStages(benchmark::State& state, bool with_tagger, bool with_parser = true) {
  Corpus& c = Load();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  auto ts = c.tagger->NewScratch();
  auto ps = c.parser->NewScratch();
  for (auto& d : c.docs) c.tagger->Process(d, ts.get());  // tags for the parser-only run
  for (auto _ : state) {
    for (auto& d : c.docs) {
      if (with_tagger) c.tagger->Process(d, ts.get());
      if (with_parser) c.parser->Process(d, ps.get());
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(c.tokens) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.counters["tokens"] = static_cast<double>(c.tokens);
  state.counters["peak_rss_MB"] = PeakRssMb();
}

void BM_TagParse(benchmark::State& state) { RunStages(state, true); }
void BM_ParseOnly(benchmark::State& state) { RunStages(state, false); }
void BM_TagOnly(benchmark::State& state) { RunStages(state, true, false); }

void BM_LoadParserModel(benchmark::State& state) {
  for (auto _ : state) {
    auto p = dyad::LoadParserStage(kModels + "parser.dyad");
    if (!p.ok()) {
      state.SkipWithError(p.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(p);
  }
  state.counters["peak_rss_MB"] = PeakRssMb();
}

void BM_LoadTaggerAndParserModels(benchmark::State& state) {
  for (auto _ : state) {
    auto t = dyad::LoadTaggerStage(kModels + "tagger.dyad");
    auto p = dyad::LoadParserStage(kModels + "parser.dyad");
    if (!t.ok() || !p.ok()) {
      state.SkipWithError("models not found/loadable");
      return;
    }
    benchmark::DoNotOptimize(t);
    benchmark::DoNotOptimize(p);
  }
}

}  // namespace

BENCHMARK(BM_LoadParserModel)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_LoadTaggerAndParserModels)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_TagParse)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_TagOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);

BENCHMARK_MAIN();
