// dyad ingest: read articles (like dyad parse), code them with the Engine on --threads workers, and
// store them (store/writer.h) from one writer thread, one transaction per batch. Coding batch k+1
// overlaps with writing batch k. A rerun skips articles already stored unchanged (--force recodes),
// so a killed ingest is completed by running the same command again.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "actors/actor_loader.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "dyad/engine.h"
#include "events/event_record.h"
#include "io/reader.h"
#include "store/schema.h"
#include "store/writer.h"

namespace dyad::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr char kHelp[] = R"(usage: dyad ingest [FILES|DIRS|-] [--db FILE] [options]

Codes news articles (actors, CAMEO/PLOVER events) and stores them, with their sentences, mentions,
events, quotes, dates, amounts and places, in a SQLite store that dyad query, dyad sql and dyad export
read. Re-ingesting an article id replaces it; articles already stored unchanged are skipped, so after
an interrupted run the same command completes the store.

store:
  --db FILE           the store (default: dyad.db); created when absent, upgraded when older
  --batch N           articles per transaction (default 256)
  --force             recode and replace articles even when stored unchanged
  --bulk              build the query indexes once at the end instead of with every batch; done
                      without asking for a store without events and for input larger than the store

coding:
  --threads N         coding threads (default: all cores); one more thread writes
  --models DIR        tagger/parser models (default as in dyad parse)
  --data DIR          dyad's data folder (default: $DYAD_DATA, else the source tree's data/)
  --dict FILE         TABARI/PETRARCH .actors/.agents file to add (repeatable)
  --dict-only         actors from --dict files only
  --keep-negated      store negated events too (they never count in deduplicated events)
  --keep-hypothetical store hypothetical events too ("should apologise"; never counted either)

progress:
  --progress          progress bar on stderr even when it is not a terminal
  --quiet             no per-record warnings or periodic lines (errors and the summary stay)
)";

constexpr char kHelpTail[] = R"(
Progress: a bar with rate and ETA when stderr is a terminal; otherwise a summary line every 10 s.
The last line sums up: records, articles stored/skipped/replaced, sentences, events, errors, time.

exit status: 0 all records stored, 1 some records were errors (the rest is stored), 2 usage error,
6 the store is damaged or not a dyad store, 7 the store is from a newer dyad, 8 cannot write the
store (read-only folder, disk full: what was committed before stays).
)";

int Usage(const std::string& message) {
  std::fprintf(stderr, "dyad ingest: %s\nRun 'dyad ingest --help' for the options.\n", message.c_str());
  return 2;
}

struct Coded {
  std::vector<InputRecord> records;
  std::vector<std::vector<events::EventRecord>> events;
  std::vector<bool> store;  // false: error record or skipped
};

// The writer thread: takes coded batches from a queue of at most two and stores them.
class WriterThread {
 public:
  explicit WriterThread(store::StoreWriter* w) : writer_(w), thread_([this] { Loop(); }) {}
  ~WriterThread() { Finish(); }

  // Blocks while two batches are waiting (bounded memory). Returns the first write error seen.
  Status Push(std::unique_ptr<Coded> batch) {
    std::unique_lock<std::mutex> lock(mu_);
    space_.wait(lock, [&] { return queue_.size() < 2 || !status_.ok(); });
    if (!status_.ok()) return status_;
    queue_.push_back(std::move(batch));
    ready_.notify_one();
    return Status::Ok();
  }
  Status Finish() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
      ready_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
    return status_;
  }
  double busy_seconds() const { return busy_.load(); }
  uint64_t events_stored() const { return events_.load(); }
  uint64_t articles_stored() const { return articles_.load(); }

 private:
  void Loop() {
    for (;;) {
      std::unique_ptr<Coded> batch;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_.wait(lock, [&] { return !queue_.empty() || done_; });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
      }
      std::vector<store::ArticleToStore> items;
      uint64_t n_events = 0;
      for (size_t i = 0; i < batch->records.size(); ++i) {
        if (!batch->store[i]) continue;
        items.push_back({&batch->records[i].doc, &batch->events[i]});
        n_events += batch->events[i].size();
      }
      auto start = Clock::now();
      Status st = items.empty() ? Status::Ok() : writer_->Write(items);
      busy_ = busy_.load() + std::chrono::duration<double>(Clock::now() - start).count();
      std::lock_guard<std::mutex> lock(mu_);
      if (!st.ok()) {
        status_ = st;
        queue_.clear();
        space_.notify_all();
        return;
      }
      articles_ += items.size();
      events_ += n_events;
      space_.notify_all();
    }
  }

  store::StoreWriter* writer_;
  std::mutex mu_;
  std::condition_variable ready_, space_;
  std::deque<std::unique_ptr<Coded>> queue_;
  bool done_ = false;
  Status status_;
  std::atomic<double> busy_{0};
  std::atomic<uint64_t> events_{0}, articles_{0};
  std::thread thread_;
};

// Total input bytes, for the ETA (stdin: unknown).
uint64_t InputBytes(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& p : paths) {
    if (p == "-") return 0;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    } else {
      total += fs::file_size(p, ec);
    }
  }
  return total;
}

std::string Duration(double s) {
  char buf[32];
  if (s < 60) std::snprintf(buf, sizeof buf, "%.0fs", s);
  else if (s < 3600) std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(s) / 60, static_cast<int>(s) % 60);
  else std::snprintf(buf, sizeof buf, "%dh%02dm", static_cast<int>(s) / 3600, static_cast<int>(s) / 60 % 60);
  return buf;
}

struct Totals {
  uint64_t records = 0, coded = 0, skipped = 0, errors = 0, warnings = 0, sentences = 0, events = 0, bytes = 0;
};

}  // namespace

int IngestCommand(int argc, char** argv) {
  std::vector<std::string> dicts;
  std::vector<char*> rest = actors::TakeRepeatedFlag(argc, argv, "dict", &dicts);
  ReaderOptions options;
  auto args = ParseDocumentCommandArgs(rest, {"db", "batch", "threads", "models", "data"},
                                       {"help", "quiet", "force", "bulk", "progress", "keep-negated", "keep-hypothetical", "dict-only"}, &options);
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("help")) {
    std::fputs(kHelp, stdout);
    std::fputs(kInputFlagsHelp, stdout);
    std::fputs(kHelpTail, stdout);
    return 0;
  }
  auto number = [&](const char* flag, unsigned fallback, unsigned max) -> int64_t {
    if (!args->Has(flag)) return fallback;
    std::string t = args->Get(flag);
    if (t.empty() || t.size() > 6 || t.find_first_not_of("0123456789") != std::string::npos) return -1;
    int64_t v = std::stoll(t);
    return v >= 1 && v <= max ? v : -1;
  };
  int64_t threads = number("threads", std::max(1u, std::thread::hardware_concurrency()), 1024);
  if (threads < 0) return Usage("--threads needs a number from 1 to 1024, got '" + args->Get("threads") + "'");
  int64_t batch_size = number("batch", 256, 100000);
  if (batch_size < 0) return Usage("--batch needs a number from 1 to 100000, got '" + args->Get("batch") + "'");
  if (args->Has("dict-only") && dicts.empty()) return Usage("--dict-only needs at least one --dict FILE");
  const bool quiet = args->Has("quiet"), force = args->Has("force");
  const events::KeepEvents keep{args->Has("keep-negated"), args->Has("keep-hypothetical")};
  const bool bar = args->Has("progress") || isatty(STDERR_FILENO);
  const std::string db_path = args->Get("db", "dyad.db");
  std::vector<std::string> paths = args->positional();
  if (paths.empty()) paths.push_back("-");

  // The store first: a bad store is reported before minutes of model loading. Its query indexes are
  // built once at the end (a sort) rather than row by row when the load is large against the store:
  // more input bytes than the store file holds means about as many new events as old ones. A store
  // without events is loaded so anyway (IndexMode::kAuto).
  const uint64_t total_bytes = InputBytes(paths);
  store::WriterOptions writer_options;
  std::error_code store_size_error;
  const uint64_t store_bytes = std::filesystem::file_size(db_path, store_size_error);
  if (args->Has("bulk") || (!store_size_error && total_bytes > store_bytes))
    writer_options.indexes = store::IndexMode::kBulk;
  auto writer = store::StoreWriter::Open(db_path, writer_options);
  if (!writer.ok()) {
    std::fprintf(stderr, "dyad ingest: %s\n", writer.status().ToString().c_str());
    return static_cast<int>(writer.status().code());
  }
  EngineOptions engine_options;
  engine_options.models_dir = args->Get("models");
  engine_options.data_dir = args->Get("data");
  engine_options.events = true;
  engine_options.extract = true;  // quotes, dates, amounts, places for the store; event dates and places
  engine_options.dicts = dicts;
  engine_options.dict_only = args->Has("dict-only");
  engine_options.default_date = options.default_date;
  auto engine = Engine::Load(engine_options);
  if (!engine.ok()) {
    std::fprintf(stderr, "dyad ingest: %s\n", engine.status().ToString().c_str());
    return static_cast<int>(engine.status().code());
  }
  const Ontology* ontology = (*engine)->ontology();
  // A read connection for "already stored unchanged?" (WAL: it never blocks the writer).
  auto check_db = store::OpenStore(db_path, store::OpenMode::kReadOnly);
  if (!check_db.ok()) {
    std::fprintf(stderr, "dyad ingest: %s\n", check_db.status().ToString().c_str());
    return static_cast<int>(check_db.status().code());
  }
  auto check = store::Stmt::Prepare(check_db->get(), "SELECT text_hash FROM articles WHERE doc_id = ?1");
  if (!check.ok()) {
    std::fprintf(stderr, "dyad ingest: %s\n", check.status().ToString().c_str());
    return static_cast<int>(check.status().code());
  }

  std::vector<Engine::Scratch> scratch;
  for (int64_t i = 0; i < threads; ++i) scratch.emplace_back(**engine);
  WriterThread writer_thread(writer->get());
  const auto start = Clock::now();
  auto last_report = start;
  Totals t;
  double coding_seconds = 0;
  auto report = [&](bool final_line) {
    double s = std::chrono::duration<double>(Clock::now() - start).count();
    double rate = s > 0 ? t.records / s : 0;
    if (bar) {
      // Text bytes over input bytes: approximate (markup and JSON escapes are not text), exact at the end.
      double frac = final_line ? 1.0 : total_bytes > 0 ? std::min(1.0, static_cast<double>(t.bytes) / total_bytes) : 0;
      int filled = static_cast<int>(frac * 30);
      std::string b(static_cast<size_t>(filled), '=');
      b.resize(30, ' ');
      double eta = frac > 0.001 ? s * (1 - frac) / frac : 0;
      std::fprintf(stderr, "\r[%s] %3.0f%% %llu articles %llu events  %.1f art/s %.0f ev/s  ETA %s   ",
                   b.c_str(), frac * 100, static_cast<unsigned long long>(t.records),
                   static_cast<unsigned long long>(writer_thread.events_stored()), rate, s > 0 ? t.events / s : 0,
                   total_bytes > 0 ? Duration(eta).c_str() : "?");
      if (final_line) std::fputc('\n', stderr);
    } else if (!quiet && !final_line) {
      std::fprintf(stderr, "dyad ingest: %llu records, %llu events coded, %llu articles stored, %.1f articles/s, %s\n",
                   static_cast<unsigned long long>(t.records), static_cast<unsigned long long>(t.events),
                   static_cast<unsigned long long>(writer_thread.articles_stored()), rate, Duration(s).c_str());
    }
  };

  auto reader = OpenReader(paths, options);
  bool more = true;
  Status write_status;
  while (more && write_status.ok()) {
    auto batch = std::make_unique<Coded>();
    batch->records.resize(static_cast<size_t>(batch_size));
    size_t n = 0;
    while (n < batch->records.size() && (more = reader->Next(&batch->records[n]))) ++n;
    if (n == 0) break;
    batch->records.resize(n);
    batch->events.resize(n);
    batch->store.assign(n, false);
    std::vector<Status> status(n);
    std::vector<char> unchanged(n, 0);  // stored before with the same fingerprint: skipped
    for (size_t i = 0; i < n; ++i) {
      InputRecord& rec = batch->records[i];
      status[i] = rec.status;
      if (!status[i].ok()) continue;
      if (rec.doc.meta().id.empty()) rec.doc.meta().id = rec.where;
      t.bytes += rec.doc.text().size();
      if (force) continue;
      check->Bind(1, std::string_view(rec.doc.meta().id));
      auto row = check->Step();
      unchanged[i] = row.ok() && *row && check->Int(0) == static_cast<int64_t>(store::ArticleFingerprint(rec.doc));
      check->Reset();
    }
    auto code_start = Clock::now();
    auto work = [&](unsigned worker) {
      for (size_t i = worker; i < n; i += static_cast<size_t>(threads)) {
        InputRecord& rec = batch->records[i];
        if (!status[i].ok() || unchanged[i]) continue;
        status[i] = rec.pretokenized ? (*engine)->AnalyzeTokenized(rec.doc, scratch[worker])
                                     : (*engine)->Analyze(rec.doc, scratch[worker]);
        if (status[i].ok() && ontology != nullptr) {
          auto evs = events::MakeEventRecords(rec.doc, *ontology);
          std::erase_if(evs, [&](const events::EventRecord& e) { return !keep(e); });
          batch->events[i] = std::move(evs);
        }
      }
    };
    std::vector<std::thread> pool;
    const unsigned used = static_cast<unsigned>(std::min<size_t>(static_cast<size_t>(threads), n));
    for (unsigned w = 1; w < used; ++w) pool.emplace_back(work, w);
    work(0);
    for (auto& th : pool) th.join();
    coding_seconds += std::chrono::duration<double>(Clock::now() - code_start).count();

    for (size_t i = 0; i < n; ++i) {
      InputRecord& rec = batch->records[i];
      ++t.records;
      for (const auto& w : rec.warnings) {
        ++t.warnings;
        if (!quiet) std::fprintf(stderr, "%sdyad ingest: warning: %s: %s\n", bar ? "\r" : "", rec.where.c_str(), w.c_str());
      }
      if (!status[i].ok()) {
        ++t.errors;
        std::fprintf(stderr, "%sdyad ingest: error: %s: %s\n", bar ? "\r" : "", rec.where.c_str(), status[i].ToString().c_str());
        continue;
      }
      if (unchanged[i]) {
        ++t.skipped;
        continue;
      }
      ++t.coded;
      t.sentences += rec.doc.sentences().size();
      t.events += batch->events[i].size();
      batch->store[i] = true;
    }
    write_status = writer_thread.Push(std::move(batch));
    auto now = Clock::now();
    if (now - last_report >= (bar ? std::chrono::milliseconds(200) : std::chrono::milliseconds(10000))) {
      report(false);
      last_report = now;
    }
  }
  if (write_status.ok()) write_status = writer_thread.Finish();
  else writer_thread.Finish();
  // Closing builds the query indexes a bulk load deferred (a sort per index: seconds per million
  // events), so it counts as store time.
  const auto close_start = Clock::now();
  if (write_status.ok()) {
    if ((*writer)->defers_indexes() && !quiet && !bar) std::fprintf(stderr, "dyad ingest: building the query indexes\n");
    write_status = (*writer)->Close();
  }
  const double close_seconds = std::chrono::duration<double>(Clock::now() - close_start).count();
  report(true);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const auto& c = (*writer)->counts();
  std::fprintf(stderr,
               "dyad ingest: %llu records: %llu articles stored (%llu replaced, %llu near-duplicates), %llu unchanged "
               "skipped, %llu errors, %llu warnings; %llu sentences, %llu events in %.2f s (%.1f articles/s, %.0f "
               "events/s; coding %.2f s, store writes %.2f s, %lld threads) -> %s\n",
               static_cast<unsigned long long>(t.records), static_cast<unsigned long long>(c.articles),
               static_cast<unsigned long long>(c.replaced), static_cast<unsigned long long>(c.near_duplicates),
               static_cast<unsigned long long>(t.skipped), static_cast<unsigned long long>(t.errors),
               static_cast<unsigned long long>(t.warnings), static_cast<unsigned long long>(c.sentences),
               static_cast<unsigned long long>(c.event_mentions), seconds, seconds > 0 ? c.articles / seconds : 0.0,
               seconds > 0 ? c.event_mentions / seconds : 0.0, coding_seconds, writer_thread.busy_seconds() + close_seconds,
               static_cast<long long>(threads), db_path.c_str());
  if (!write_status.ok()) {
    std::fprintf(stderr, "dyad ingest: %s\n", write_status.ToString().c_str());
    std::fprintf(stderr, "dyad ingest: the store keeps every batch committed before the failure; fix the cause and "
                         "run the same command again to complete it\n");
    return static_cast<int>(write_status.code());
  }
  return t.errors == 0 ? 0 : 1;
}

}  // namespace dyad::cli
