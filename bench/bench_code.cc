// The whole `dyad code` pipeline on real news (BBC politics articles from ../shared/data/news): text,
// furniture, tagger, parser, actors, extraction, events and event context — everything Engine::Analyze
// runs for `dyad code` — timed per document
// from raw text, single thread and with every core (one Engine::Scratch per thread, documents dealt
// round-robin), and once without the extraction stages (their cost is the difference). Counters:
// sentences/s, events/s, tokens/s, and per-core sentences/s.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "dyad/engine.h"

namespace {

const std::string kNews = std::string(DYAD_SHARED_DATA) + "/news/bbc/bbc_politics.jsonl";

struct Corpus {
  std::vector<std::string> texts;
  std::shared_ptr<const dyad::Engine> engine;
  std::string error;
};

// with_extract: as `dyad code` runs (dates, amounts, places, quotes, entities, event context); without,
// the same pipeline up to events, so that the difference is the extraction stages' cost.
Corpus MakeCorpus(bool with_extract) {
  Corpus c;
  dyad::EngineOptions options;
  options.events = true;
  options.extract = with_extract;
  options.default_date = "2005-06-01";  // the BBC set's years; dated roles then resolve
  auto engine = dyad::Engine::Load(options);
  if (!engine.ok()) {
    c.error = engine.status().ToString();
    return c;
  }
  c.engine = *engine;
  std::ifstream in(kNews);
  if (!in) {
    c.error = "no news text at " + kNews;
    return c;
  }
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    c.texts.push_back(j["text"].get<std::string>());
  }
  return c;
}

Corpus& Load(bool with_extract = true) {
  static Corpus full = MakeCorpus(true);
  static Corpus no_extract = MakeCorpus(false);
  return with_extract ? full : no_extract;
}

struct Counts {
  size_t sentences = 0, tokens = 0, events = 0;
};

// Codes texts[worker], texts[worker + stride], ...
Counts CodeShare(const Corpus& c, size_t worker, size_t stride) {
  Counts n;
  dyad::Engine::Scratch scratch(*c.engine);
  for (size_t i = worker; i < c.texts.size(); i += stride) {
    dyad::Document doc(c.texts[i]);
    if (!c.engine->Analyze(doc, scratch).ok()) continue;
    n.sentences += doc.sentences().size();
    n.tokens += doc.tokens().size();
    n.events += doc.events().size();
  }
  return n;
}

void Run(benchmark::State& state, size_t threads, bool with_extract = true) {
  Corpus& c = Load(with_extract);
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  Counts total;
  for (auto _ : state) {
    std::vector<Counts> parts(threads);
    std::vector<std::thread> pool;
    for (size_t w = 1; w < threads; ++w) pool.emplace_back([&, w] { parts[w] = CodeShare(c, w, threads); });
    parts[0] = CodeShare(c, 0, threads);
    for (auto& t : pool) t.join();
    for (const Counts& p : parts) {
      total.sentences += p.sentences;
      total.tokens += p.tokens;
      total.events += p.events;
    }
  }
  using benchmark::Counter;
  state.counters["sentences/s"] = Counter(static_cast<double>(total.sentences), Counter::kIsRate);
  state.counters["events/s"] = Counter(static_cast<double>(total.events), Counter::kIsRate);
  state.counters["tokens/s"] = Counter(static_cast<double>(total.tokens), Counter::kIsRate);
  state.counters["sentences/s/core"] =
      Counter(static_cast<double>(total.sentences) / static_cast<double>(threads), Counter::kIsRate);
  state.counters["threads"] = static_cast<double>(threads);
  state.counters["articles"] = static_cast<double>(c.texts.size());
}

void BM_CodeOneThread(benchmark::State& state) { Run(state, 1); }
void BM_CodeAllCores(benchmark::State& state) { Run(state, std::max(1u, std::thread::hardware_concurrency())); }
void BM_CodeWithoutExtractionOneThread(benchmark::State& state) { Run(state, 1, false); }

}  // namespace

BENCHMARK(BM_CodeOneThread)->Unit(benchmark::kMillisecond)->MinTime(3.0)->UseRealTime();
BENCHMARK(BM_CodeAllCores)->Unit(benchmark::kMillisecond)->MinTime(3.0)->UseRealTime();
BENCHMARK(BM_CodeWithoutExtractionOneThread)->Unit(benchmark::kMillisecond)->MinTime(3.0)->UseRealTime();

BENCHMARK_MAIN();
