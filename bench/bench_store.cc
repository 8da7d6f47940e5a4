// The store's write path (store/writer.h) on its own, without coding: articles with hand-made events
// (store/test_articles.h) written in batches into a fresh store under /tmp, as dyad ingest's writer
// thread does, from opening a fresh store to closing it. The bar (issue 7): >= 100,000 event rows/s.
// Two shapes: every event distinct (each mention makes an events row: the worst case for the indexes)
// and heavy duplication (many articles telling the same events: the dedup path); and two ways of
// keeping the query indexes: incremental (every batch) and bulk (built once at Close; what
// dyad ingest does on a store without events, or with --bulk). The rates are per CPU second of the writing thread (Google
// Benchmark's default), so other load on a shared machine matters less than for wall time.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store/test_articles.h"
#include "store/writer.h"

namespace {

using dyad::store::ArticleToStore;
using dyad::store::StoreWriter;
using dyad::store::testing::MakeTestArticle;
using dyad::store::testing::TestArticle;
using dyad::store::testing::TestEvent;

constexpr int kArticlesPerBatch = 256;
constexpr int kEventsPerArticle = 20;

std::string FreshPath(const char* name) {
  std::string p = std::filesystem::temp_directory_path() / (std::string("dyad_bench_store_") + name + "_" +
                                                           std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p + suffix);
  return p;
}

const char* kActors[] = {"RUSGOV", "UKRMIL", "IRNGOV", "TURGOV", "USAGOV", "CHNGOV", "SYRREB", "ISRMIL",
                         "FRAGOV", "DEUGOV", "GBRGOV", "IGOUNO", "PSEREB", "EGYGOV", "INDGOV", "PAKMIL"};
const char* kCodes[] = {"010", "036", "042", "043", "051", "057", "061", "112", "120", "130", "173", "190", "193"};

// Batch b of articles; `distinct`: dates spread over years so every event is its own events row.
std::vector<TestArticle> MakeBatch(int b, bool distinct) {
  std::vector<TestArticle> arts;
  for (int a = 0; a < kArticlesPerBatch; ++a) {
    int n = b * kArticlesPerBatch + a;
    int day = distinct ? n % 3650 : n % 7;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2015 + day / 365, 1 + day % 365 / 31 % 12, 1 + day % 28);
    std::vector<TestEvent> evs;
    for (int e = 0; e < kEventsPerArticle; ++e) {
      int k = distinct ? n * kEventsPerArticle + e : e;
      evs.emplace_back(kActors[k % 16], kActors[(k / 16 + 1 + k % 16) % 16], kCodes[k / 7 % 13]);
    }
    arts.push_back(MakeTestArticle("bench-" + std::to_string(n), date, evs, distinct ? "wire" : "src" + std::to_string(a % 9),
                                   "Story number " + std::to_string(n) + " opens with its own words. "));
  }
  return arts;
}

// One load: a fresh store, `batches` batches (made outside the timing), Close() (which builds
// deferred indexes and checkpoints the WAL): the whole cost of the rows, whichever way the indexes
// are kept. Arguments: distinct (1) or duplicated (0) events, bulk (1) or incremental (0) indexes,
// batches per load (20: 102,400 event rows; 200: a million, where the B-trees outgrow the caches).
void BM_StoreLoad(benchmark::State& state) {
  const bool distinct = state.range(0) != 0;
  dyad::store::WriterOptions options;
  options.indexes = state.range(1) != 0 ? dyad::store::IndexMode::kBulk : dyad::store::IndexMode::kIncremental;
  const int batches = static_cast<int>(state.range(2));
  int64_t events = 0, articles = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string path = FreshPath(distinct ? "distinct" : "dup");
    state.ResumeTiming();
    auto writer = StoreWriter::Open(path, options);
    if (!writer.ok()) {
      state.SkipWithError(writer.status().ToString().c_str());
      return;
    }
    for (int b = 0; b < batches; ++b) {
      state.PauseTiming();
      std::vector<TestArticle> arts = MakeBatch(b, distinct);
      std::vector<ArticleToStore> batch;
      for (auto& a : arts) batch.push_back({&a.doc, &a.events});
      state.ResumeTiming();
      auto st = (*writer)->Write(batch);
      if (!st.ok()) {
        state.SkipWithError(st.ToString().c_str());
        return;
      }
      events += kArticlesPerBatch * kEventsPerArticle;
      articles += kArticlesPerBatch;
    }
    auto st = (*writer)->Close();
    if (!st.ok()) state.SkipWithError(st.ToString().c_str());
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    state.ResumeTiming();
  }
  state.counters["event_rows/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(articles), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StoreLoad)
    ->ArgsProduct({{1, 0}, {1, 0}, {20}})
    ->Args({1, 1, 200})
    ->Args({1, 0, 200})
    ->ArgNames({"distinct", "bulk", "batches"})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
