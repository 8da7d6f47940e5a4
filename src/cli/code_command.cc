// dyad code: the main job. Reads articles, runs the whole pipeline (text, tags, parse, actors, events)
// and writes one line per coded event. Documents are coded by --threads workers in batches; output
// keeps input order. Every record in gives its events or an error record; a bad record never stops the
// batch. Diagnostics and the final summary go to stderr.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "actors/actor_loader.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/output.h"
#include "dyad/engine.h"
#include "events/event_record.h"
#include "extract/tone.h"
#include "io/article_jsonl_writer.h"
#include "io/csv_writer.h"
#include "io/event_jsonl_writer.h"
#include "io/gdelt_writer.h"
#include "io/plover_writer.h"
#include "io/jsonl_writer.h"
#include "io/reader.h"

namespace dyad::cli {
namespace {

constexpr char kHelp[] = R"(usage: dyad code [FILES|DIRS|-] [options]

Codes political events in news articles: who did what to whom, with CAMEO and PLOVER codes, actor
codes, date, place, trigger words and the rule that coded each event — or, with --emit docs, one
record per article with its events, quotes, dates, amounts, places, entities and tone. With no FILES,
reads stdin.

)";

constexpr char kHelpTail[] = R"(
coding:
  --data DIR          dyad's data folder (actors/, ontology/, events/); default: $DYAD_DATA, else
                      the source tree's data/
  --dict FILE         add a TABARI/PETRARCH .actors or .agents dictionary (repeatable)
  --dict-only         use only the --dict actor dictionaries, not dyad's tables
  --verbs FILE        code events with a TABARI/PETRARCH verb dictionary instead of dyad's own
                      pattern lexicon (repeatable)
  --models DIR        folder with tagger.dyad and parser.dyad
  --keep-negated      also write negated events ("has not imposed sanctions"), with "negated": true
  --keep-hypothetical also write hypothetical events ("should apologise", "could strike"), with their
                      "modality"; by default only events told as happening or intended are written
  --threads N         worker threads (default: all cores)

output:
  --emit WHAT         events (default): one record per event; docs: one JSON line per article
                      with everything extracted (--format is then jsonl)
  --format FORMAT     jsonl (default): one event per line, character offsets | gdelt: GDELT 2.0
                      event table (61 tab-separated columns) | plover: PLOVER/POLECAT JSON lines |
                      csv: one row per event with a header
  -o, --output FILE   write here instead of stdout
  --quiet             no per-record warning lines on stderr (errors and the summary stay)

exit status: 0 every record ok, 1 some records were errors (the batch still completed),
2 usage error, 8 output could not be written.
)";

int Usage(const std::string& message) {
  std::fprintf(stderr, "dyad code: %s\nRun 'dyad code --help' for the options.\n", message.c_str());
  return 2;
}

struct Totals {
  size_t records = 0, documents = 0, errors = 0, warnings = 0, sentences = 0, events = 0;
};

}  // namespace

int CodeCommand(int argc, char** argv) {
  std::vector<std::string> dicts;
  std::vector<std::string> verbs;
  std::vector<char*> after_dicts = actors::TakeRepeatedFlag(argc, argv, "dict", &dicts);
  std::vector<char*> rest =
      actors::TakeRepeatedFlag(static_cast<int>(after_dicts.size()), after_dicts.data(), "verbs", &verbs);
  ReaderOptions options;
  auto args = ParseDocumentCommandArgs(rest, {"format", "output", "models", "data", "threads", "emit"},
                                       {"help", "quiet", "keep-negated", "keep-hypothetical", "dict-only"}, &options);
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("help")) {
    std::fputs(kHelp, stdout);
    std::fputs(kInputFlagsHelp, stdout);
    std::fputs(kHelpTail, stdout);
    return 0;
  }
  const std::string format = args->Get("format", "jsonl");
  if (format != "jsonl" && format != "gdelt" && format != "plover" && format != "csv")
    return Usage("unknown --format '" + format + "' (jsonl, gdelt, plover, csv)");
  const std::string emit = args->Get("emit", "events");
  if (emit != "events" && emit != "docs") return Usage("unknown --emit '" + emit + "' (events, docs)");
  if (emit == "docs" && format != "jsonl") return Usage("--emit docs writes JSON lines: leave --format out");
  if (args->Has("dict-only") && dicts.empty()) return Usage("--dict-only needs at least one --dict FILE");
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  if (args->Has("threads")) {
    const std::string t = args->Get("threads");
    if (t.empty() || t.size() > 4 || !std::all_of(t.begin(), t.end(), ::isdigit) || std::stoi(t) < 1)
      return Usage("--threads needs a number from 1 to 9999, got '" + t + "'");
    threads = static_cast<unsigned>(std::stoi(t));
  }
  const events::KeepEvents keep{args->Has("keep-negated"), args->Has("keep-hypothetical")};
  const bool quiet = args->Has("quiet");
  std::vector<std::string> paths = args->positional();
  if (paths.empty()) paths.push_back("-");

  EngineOptions engine_options;
  engine_options.models_dir = args->Get("models");
  engine_options.data_dir = args->Get("data");
  engine_options.events = true;
  engine_options.extract = true;
  engine_options.dicts = dicts;
  engine_options.verb_dicts = verbs;
  engine_options.dict_only = args->Has("dict-only");
  engine_options.default_date = options.default_date;
  auto engine = Engine::Load(engine_options);
  if (!engine.ok()) {
    std::fprintf(stderr, "dyad code: %s\n", engine.status().ToString().c_str());
    return static_cast<int>(engine.status().code());
  }
  auto out_file = Output::Open(args->Get("output"));
  if (!out_file.ok()) {
    std::fprintf(stderr, "dyad code: %s\n", out_file.status().message().c_str());
    return static_cast<int>(StatusCode::kIoError);
  }
  Output out(*out_file);
  if (format == "csv") WriteEventCsvHeader(out.buffer());
  int64_t next_event_id = 1;  // GDELT GLOBALEVENTID: one per event written, in output order

  std::vector<Engine::Scratch> scratch;
  scratch.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) scratch.emplace_back(**engine);

  const auto start = std::chrono::steady_clock::now();
  Totals totals;
  auto reader = OpenReader(paths, options);
  constexpr size_t kBatch = 64;
  std::vector<InputRecord> batch(kBatch);
  std::vector<Status> status(kBatch);
  bool more = true;
  while (more && !out.failed()) {
    size_t n = 0;
    while (n < kBatch && (more = reader->Next(&batch[n]))) ++n;
    if (n == 0) break;
    auto work = [&](unsigned worker) {
      for (size_t i = worker; i < n; i += threads) {
        InputRecord& rec = batch[i];
        status[i] = rec.status;
        if (status[i].ok())
          status[i] = rec.pretokenized ? (*engine)->AnalyzeTokenized(rec.doc, scratch[worker])
                                       : (*engine)->Analyze(rec.doc, scratch[worker]);
      }
    };
    std::vector<std::thread> pool;
    const unsigned used = static_cast<unsigned>(std::min<size_t>(threads, n));
    for (unsigned w = 1; w < used; ++w) pool.emplace_back(work, w);
    work(0);
    for (auto& t : pool) t.join();

    for (size_t i = 0; i < n; ++i) {
      InputRecord& rec = batch[i];
      ++totals.records;
      for (const auto& w : rec.warnings) {
        ++totals.warnings;
        if (!quiet) std::fprintf(stderr, "dyad code: warning: %s: %s\n", rec.where.c_str(), w.c_str());
      }
      if (!status[i].ok()) {
        ++totals.errors;
        std::fprintf(stderr, "dyad code: error: %s: %s\n", rec.where.c_str(), status[i].ToString().c_str());
        WriteJsonlError(rec.id(), rec.where, status[i], out.buffer());
        continue;
      }
      ++totals.documents;
      totals.sentences += rec.doc.sentences().size();
      const auto records = events::MakeEventRecords(rec.doc, *(*engine)->ontology());
      if (emit == "docs") {
        const extract::Tone tone = extract::ComputeTone(rec.doc);
        ArticleScores scores{true, tone.tone, tone.positive, tone.negative, tone.polarity, tone.words};
        WriteArticleJsonl(rec.doc, records, scores, keep, out.buffer());
      }
      for (const events::EventRecord& e : records) {
        if (!keep(e)) continue;
        ++totals.events;
        if (emit == "docs") continue;
        if (format == "jsonl") {
          WriteEventJsonl(e, out.buffer());
        } else if (format == "gdelt") {
          GdeltEventInfo info;
          info.global_event_id = next_event_id++;
          info.source_url = rec.doc.meta().url.empty() ? rec.doc.meta().id : rec.doc.meta().url;
          WriteGdeltEvent(e, info, out.buffer());
        } else if (format == "plover") {
          PloverInfo info;
          info.url = rec.doc.meta().url;
          info.source = rec.doc.meta().source;
          WritePloverJson(e, info, out.buffer());
        } else {
          WriteEventCsv(e, EventCounts{}, out.buffer());
        }
      }
      out.MaybeFlush();
    }
  }
  const bool wrote = out.Close();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "dyad code: %zu records in, %zu documents out, %zu errors, %zu warnings; %zu sentences, %zu events "
               "in %.2f s (%.0f sentences/s, %u threads)\n",
               totals.records, totals.documents, totals.errors, totals.warnings, totals.sentences, totals.events,
               seconds, seconds > 0 ? totals.sentences / seconds : 0.0, threads);
  if (!wrote) {
    std::fprintf(stderr, "dyad code: writing the output failed\n");
    return static_cast<int>(StatusCode::kIoError);
  }
  return totals.errors == 0 ? 0 : 1;
}

}  // namespace dyad::cli
