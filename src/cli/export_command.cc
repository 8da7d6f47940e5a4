// dyad export: a store's events in the formats the field reads: GDELT 2.0 events and mentions (tab-
// separated), PLOVER JSON lines, CSV with a header, and dyad's own event JSON lines. Streams from one
// query, so memory stays flat on large stores; the writers are the ones `dyad code` uses.
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/filter_flags.h"
#include "cli/output.h"
#include "io/csv_writer.h"
#include "io/event_jsonl_writer.h"
#include "io/gdelt_writer.h"
#include "io/plover_writer.h"
#include "store/records.h"
#include "store/schema.h"

namespace dyad::cli {
namespace {

constexpr char kHelp[] = R"(usage: dyad export --format FORMAT [--db FILE] [-o FILE] [filters]

Writes the store's events.

formats:
  gdelt           GDELT 2.0 Event table: 61 tab-separated columns, one deduplicated event a line,
                  with NumMentions / NumSources / NumArticles (see src/io/gdelt_writer.h for where
                  dyad's values differ from GDELT's: no tone, 3-letter geo country codes)
  gdelt-mentions  GDELT 2.0 Mentions table: 16 columns, one line per article mention of an event
  plover          PLOVER JSON lines (id, date, actor, recipient, event, mode, context, ...); events
                  without a PLOVER type, a source actor or a full date are left out (counted on stderr)
  csv             CSV with a header, one deduplicated event a row (with its counts)
  jsonl           dyad's event JSON lines (as dyad code writes them)

options:
  --db FILE       the store (default: dyad.db)
  -o, --output F  write here instead of stdout
  --mentions      plover/csv/jsonl: one record per mention instead of per deduplicated event
  --no-text       plover: leave out the "text" field (the sentence)
  filters as in dyad query: --source --target --actor --country --code --plover --quad --from --to --place

Exit status: 0 ok, 2 bad arguments, 3 no store, 6 not a dyad store or damaged, 8 write failed.
)";

int Fail(const Status& st) {
  std::fprintf(stderr, "dyad export: %s\n", st.ToString().c_str());
  return st.code() == StatusCode::kInvalidArgument ? 2 : static_cast<int>(st.code());
}

// "2026-11-30T06:00:00Z" -> "20261130060000"
std::string GdeltTimestamp(const std::string& iso) {
  std::string out;
  for (char c : iso)
    if (c >= '0' && c <= '9') out += c;
  return out.size() == 14 ? out : std::string();
}

}  // namespace

int ExportCommand(int argc, char** argv) {
  std::vector<std::string> words;
  for (int i = 0; i < argc; ++i) words.push_back(std::string(argv[i]) == "-o" ? "--output" : argv[i]);
  std::vector<char*> cargv;
  for (auto& w : words) cargv.push_back(w.data());
  auto args = Args::Parse(static_cast<int>(cargv.size()), cargv.data(),
                          {"db", "format", "output", "source", "target", "actor", "country", "code", "plover", "quad",
                           "from", "to", "place"},
                          {"help", "mentions", "no-text"});
  if (!args.ok()) return Fail(args.status());
  if (args->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (!args->positional().empty()) return Fail(Status::InvalidArgument("unexpected argument '" + args->positional()[0] + "'"));
  const std::string format = args->Get("format");
  if (format != "gdelt" && format != "gdelt-mentions" && format != "plover" && format != "csv" && format != "jsonl")
    return Fail(Status::InvalidArgument("--format takes gdelt, gdelt-mentions, plover, csv or jsonl" +
                                        (format.empty() ? std::string() : ", got '" + format + "'")));
  store::EventFilter f;
  if (Status st = ReadFilterFlags(*args, &f); !st.ok()) return Fail(st);
  bool per_mention = format == "gdelt-mentions" || args->Has("mentions");
  if (args->Has("mentions") && format == "gdelt") return Fail(Status::InvalidArgument("gdelt is one line per event; use --format gdelt-mentions"));

  auto db = store::OpenStore(args->Get("db", "dyad.db"), store::OpenMode::kReadOnly);
  if (!db.ok()) return Fail(db.status());
  auto reader = store::EventRecordReader::Open(
      *db, per_mention ? store::EventRecordReader::Unit::kMentions : store::EventRecordReader::Unit::kEvents, f);
  if (!reader.ok()) return Fail(reader.status());
  auto file = Output::Open(args->Get("output"));
  if (!file.ok()) return Fail(file.status());
  Output out(*file);
  if (format == "csv") WriteEventCsvHeader(out.buffer());

  size_t written = 0, skipped = 0;
  events::EventRecord r;
  store::StoredEventInfo info;
  Status failure;
  for (;;) {
    auto more = reader->Next(&r, &info);
    if (!more.ok()) {
      failure = more.status();
      break;
    }
    if (!*more) break;
    if (format == "gdelt") {
      GdeltEventInfo g;
      g.global_event_id = info.event_key;
      g.num_mentions = info.num_mentions;
      g.num_sources = info.num_sources;
      g.num_articles = info.num_articles;
      g.date_added = GdeltTimestamp(info.ingested_at);
      g.source_url = info.url.empty() ? r.doc_id : info.url;
      WriteGdeltEvent(r, g, out.buffer());
    } else if (format == "gdelt-mentions") {
      if (info.event_key == 0) {  // negated or hypothetical: no event to point at
        ++skipped;
        continue;
      }
      GdeltMentionInfo g;
      g.global_event_id = info.event_key;
      g.mention_time = GdeltTimestamp(info.ingested_at);
      g.source_name = info.source;
      g.identifier = info.url.empty() ? r.doc_id : info.url;
      g.doc_len = info.doc_chars;
      WriteGdeltMention(r, g, out.buffer());
    } else if (format == "plover") {
      PloverInfo p;
      p.id = per_mention ? r.event_id : "dyad-" + std::to_string(info.event_key);
      p.url = info.url;
      p.source = info.source;
      p.num_mentions = info.num_mentions;
      p.num_sources = info.num_sources;
      p.num_articles = info.num_articles;
      p.include_text = !args->Has("no-text");
      if (!WritePloverJson(r, p, out.buffer())) {
        ++skipped;
        continue;
      }
    } else if (format == "csv") {
      WriteEventCsv(r, EventCounts{info.num_mentions, info.num_sources, info.num_articles}, out.buffer());
    } else {
      WriteEventJsonl(r, out.buffer());
    }
    ++written;
    out.MaybeFlush();
    if (out.failed()) break;
  }
  bool ok = out.Close();
  if (!failure.ok()) return Fail(failure);
  if (!ok) return Fail(Status::IoError("writing the output failed (disk full?)"));
  std::fprintf(stderr, "dyad export: %zu %s written", written, per_mention ? "mentions" : "events");
  if (skipped > 0) std::fprintf(stderr, ", %zu left out (%s)", skipped,
                                format == "plover" ? "no PLOVER type, source actor or full date" : "negated or hypothetical");
  std::fprintf(stderr, "\n");
  return 0;
}

}  // namespace dyad::cli
