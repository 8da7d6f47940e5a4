// The store's write path (store/writer.h) on its own, without coding: articles with hand-made events
// (store/test_articles.h) written in batches into a fresh store under /tmp, as dyad ingest's writer
// thread does. The bar (issue 7): >= 100,000 event rows/s. Two shapes: every event distinct (each
// mention makes an events row: the worst case for the indexes) and heavy duplication (many articles
// telling the same events: the dedup path). The rates are per CPU second of the writing thread (Google
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

void BM_StoreWrite(benchmark::State& state) {
  const bool distinct = state.range(0) != 0;
  std::string path = FreshPath(distinct ? "distinct" : "dup");
  auto writer = StoreWriter::Open(path);
  if (!writer.ok()) {
    state.SkipWithError(writer.status().ToString().c_str());
    return;
  }
  int b = 0;
  int64_t events = 0, articles = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<TestArticle> arts = MakeBatch(b++, distinct);
    std::vector<ArticleToStore> batch;
    for (auto& a : arts) batch.push_back({&a.doc, &a.events});
    state.ResumeTiming();
    auto st = (*writer)->Write(batch);
    if (!st.ok()) {
      state.SkipWithError(st.ToString().c_str());
      break;
    }
    events += kArticlesPerBatch * kEventsPerArticle;
    articles += kArticlesPerBatch;
  }
  state.counters["event_rows/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(articles), benchmark::Counter::kIsRate);
  (void)(*writer)->Close();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}
BENCHMARK(BM_StoreWrite)->Arg(1)->Arg(0)->ArgName("distinct")->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
