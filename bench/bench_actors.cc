// Actor index build time and matching throughput, with dyad's own tables and with the Phoenix
// dictionaries imported on top (../shared/data/dictionaries/petrarch2). The bar: Phoenix loads in
// <= 1 s and matching stays within 20% of the small-dictionary throughput. Matching runs the actors
// stage over tokenised BBC politics articles (no tagger: tags are not what is measured here).
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "actors/actor_loader.h"
#include "actors/actor_stage.h"
#include "text/text_stage.h"

namespace {

const std::string kPhoenix = std::string(DYAD_SHARED_DATA) + "/dictionaries/petrarch2/";
const std::string kNews = std::string(DYAD_SHARED_DATA) + "/news/bbc/bbc_politics.jsonl";

dyad::actors::ActorLoadOptions Options(bool phoenix) {
  dyad::actors::ActorLoadOptions o;
  o.data_dir = std::string(DYAD_SOURCE_DIR) + "/data";
  if (phoenix) {
    for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                          "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"}) {
      o.dicts.push_back(kPhoenix + f);
    }
  }
  return o;
}

void BM_BuildIndex(benchmark::State& state) {
  const bool phoenix = state.range(0) != 0;
  size_t phrases = 0;
  for (auto _ : state) {
    auto index = dyad::actors::LoadActorIndex(Options(phoenix));
    if (!index.ok()) {
      state.SkipWithError(index.status().ToString().c_str());
      return;
    }
    phrases = (*index)->phrase_count();
  }
  state.counters["phrases"] = static_cast<double>(phrases);
  state.SetLabel(phoenix ? "dyad+phoenix" : "dyad");
}
BENCHMARK(BM_BuildIndex)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Phoenix alone through the import path (the 1 s bar).
void BM_ImportPhoenixOnly(benchmark::State& state) {
  for (auto _ : state) {
    auto o = Options(true);
    o.dict_only = true;
    auto index = dyad::actors::LoadActorIndex(o);
    if (!index.ok()) {
      state.SkipWithError(index.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_ImportPhoenixOnly)->Unit(benchmark::kMillisecond);

class NoTags : public dyad::Stage {
 public:
  std::string_view name() const override { return "no-tags"; }
  uint32_t Requires() const override { return dyad::kLayerTokens; }
  uint32_t Provides() const override { return dyad::kLayerTags; }
  dyad::Status Process(dyad::Document&, dyad::StageScratch*) const override { return dyad::Status::Ok(); }
};

std::vector<dyad::Document> TokenisedNews(size_t max_docs) {
  std::vector<dyad::Document> docs;
  std::ifstream in(kNews);
  auto text_stage = dyad::MakeTextStage();
  auto scratch = text_stage->NewScratch();
  for (std::string line; docs.size() < max_docs && std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    dyad::Document doc(j.value("text", ""));
    doc.meta().date = "2005-01-15";
    if (!text_stage->Process(doc, scratch.get()).ok()) continue;
    docs.push_back(std::move(doc));
  }
  return docs;
}

void BM_MatchNews(benchmark::State& state) {
  const bool phoenix = state.range(0) != 0;
  static std::vector<dyad::Document> docs = TokenisedNews(200);
  if (docs.empty()) {
    state.SkipWithError(("no news text at " + kNews).c_str());
    return;
  }
  auto index = dyad::actors::LoadActorIndex(Options(phoenix));
  if (!index.ok()) {
    state.SkipWithError(index.status().ToString().c_str());
    return;
  }
  auto stage = dyad::actors::MakeActorStage(*index);
  size_t tokens = 0, mentions = 0;
  for (auto _ : state) {
    for (auto& doc : docs) {
      if (!stage->Process(doc, nullptr).ok()) state.SkipWithError("actors stage failed");
      tokens += doc.tokens().size();
      mentions += doc.mentions().size();
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["mentions/doc"] =
      static_cast<double>(mentions) / static_cast<double>(docs.size() * state.iterations());
  state.SetLabel(phoenix ? "dyad+phoenix" : "dyad");
}
BENCHMARK(BM_MatchNews)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
