// dyad query: the common questions over a store (series, top actors and dyads, events, quotes,
// articles), printed as a table, CSV or JSON. Filters are bound parameters (store/query.h); a bad
// argument is a usage error (exit 2) naming the flag.
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/filter_flags.h"
#include "store/query.h"
#include "store/schema.h"

namespace dyad::cli {
namespace {

constexpr char kHelp[] = R"(usage: dyad query KIND [options]

Answers the common questions about a store that dyad ingest filled.

kinds:
  series       events per period: count, mentions, Goldstein sum and mean, QuadClass 1-4 split
  top-actors   the actors in most events (--side source|target|any, default any)
  top-dyads    the source -> target pairs in most events
  events       the events themselves, newest first, with the sentence of their first mention
  quotes       quotations, optionally by speaker (--speaker NAME|CODE)
  articles     articles, optionally by full-text search (--search "words or \"a phrase\"")

filters (series, top-actors, top-dyads, events):
  --source A / --target A / --actor A   an actor on that side / either side: a 3-letter value
                                        matches the country (RUS), a longer one the code prefix (RUSGOV)
  --dyad A:B          same as --source A --target B
  --country C         the country on either side
  --code CAMEO        CAMEO code prefix: 19, 190, 0421
  --plover TYPE       PLOVER type: CONSULT, ASSAULT, ...
  --quad N            QuadClass 1-4
  --from YYYY-MM-DD   inclusive date range (quotes and articles use --from/--to too)
  --to YYYY-MM-DD
  --place P           an event mention located in P (place name or country code)

options:
  --db FILE           the store (default: dyad.db)
  --bucket B          day | week (Monday start, default) | month   (series)
  --limit N           rows (default: 20 for top-*, 100 otherwise)
  --format F          table (default) | csv | json

Events are the deduplicated ones (one per day, source, target and CAMEO code); mentions count every
article sentence that told them. Exit status: 0 ok, 2 bad arguments, 3 no store, 6 not a dyad
store or damaged, 7 store from a newer dyad.
)";

int Fail(const Status& st) {
  std::fprintf(stderr, "dyad query: %s\n", st.ToString().c_str());
  return st.code() == StatusCode::kInvalidArgument ? 2 : static_cast<int>(st.code());
}

int Usage(const std::string& message) {
  std::fprintf(stderr, "dyad query: %s\nRun 'dyad query --help' for the options.\n", message.c_str());
  return 2;
}

}  // namespace

int QueryCommand(int argc, char** argv) {
  auto args = Args::Parse(argc, argv,
                          {"db", "source", "target", "actor", "dyad", "country", "code", "plover", "quad", "from",
                           "to", "place", "bucket", "side", "limit", "format", "speaker", "search"},
                          {"help"});
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("help") || (argc > 0 && std::string(argv[0]) == "-h")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (args->positional().size() != 1) return Usage("name one KIND: series, top-actors, top-dyads, events, quotes, articles");
  const std::string kind = args->positional()[0];
  store::EventFilter f;
  if (Status st = ReadFilterFlags(*args, &f); !st.ok()) return Usage(st.message());
  if (args->Has("dyad")) {
    std::string d = args->Get("dyad");
    size_t colon = d.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == d.size())
      return Usage("--dyad takes SOURCE:TARGET, e.g. RUS:UKR, got '" + d + "'");
    if (!f.source.empty() || !f.target.empty()) return Usage("--dyad replaces --source/--target: give one or the other");
    f.source = d.substr(0, colon);
    f.target = d.substr(colon + 1);
  }
  int limit = kind.rfind("top-", 0) == 0 ? 20 : 100;
  if (args->Has("limit")) {
    std::string l = args->Get("limit");
    if (l.empty() || l.size() > 7 || l.find_first_not_of("0123456789") != std::string::npos || std::stoi(l) == 0)
      return Usage("--limit takes a number from 1 to 9999999, got '" + l + "'");
    limit = std::stoi(l);
  }
  store::TableFormat format;
  std::string fmt = args->Get("format", "table");
  if (fmt == "table") format = store::TableFormat::kTable;
  else if (fmt == "csv") format = store::TableFormat::kCsv;
  else if (fmt == "json") format = store::TableFormat::kJson;
  else return Usage("unknown --format '" + fmt + "' (table, csv, json)");
  store::Bucket bucket = store::Bucket::kWeek;
  std::string b = args->Get("bucket", "week");
  if (b == "day") bucket = store::Bucket::kDay;
  else if (b == "month") bucket = store::Bucket::kMonth;
  else if (b != "week") return Usage("unknown --bucket '" + b + "' (day, week, month)");
  // Flags that only some kinds read: refuse them elsewhere rather than ignore them silently.
  bool event_kind = kind == "series" || kind == "top-actors" || kind == "top-dyads" || kind == "events";
  if (!event_kind) {
    for (const char* flag : {"source", "target", "actor", "dyad", "country", "code", "plover", "quad", "place"})
      if (args->Has(flag)) return Usage(std::string("--") + flag + " does not apply to '" + kind + "'");
  }
  if (args->Has("bucket") && kind != "series") return Usage("--bucket applies to series only");
  if (args->Has("side") && kind != "top-actors") return Usage("--side applies to top-actors only");
  if (args->Has("speaker") && kind != "quotes") return Usage("--speaker applies to quotes only");
  if (args->Has("search") && kind != "articles") return Usage("--search applies to articles only");
  if (kind != "series" && kind != "top-actors" && kind != "top-dyads" && kind != "events" && kind != "quotes" &&
      kind != "articles")
    return Usage("unknown kind '" + kind + "' (series, top-actors, top-dyads, events, quotes, articles)");
  if (Status st = store::ValidateFilter(f); !st.ok()) return Fail(st);

  auto db = store::OpenStore(args->Get("db", "dyad.db"), store::OpenMode::kReadOnly);
  if (!db.ok()) return Fail(db.status());
  Result<store::Table> table = Status::Internal("no query ran");
  if (kind == "series") table = store::QuerySeries(*db, f, bucket);
  else if (kind == "top-actors") table = store::QueryTopActors(*db, f, args->Get("side", "any"), limit);
  else if (kind == "top-dyads") table = store::QueryTopDyads(*db, f, limit);
  else if (kind == "events") table = store::QueryEvents(*db, f, limit);
  else if (kind == "quotes") table = store::QueryQuotes(*db, args->Get("speaker"), f.from, f.to, limit);
  else table = store::QueryArticles(*db, args->Get("search"), limit);
  if (!table.ok()) return Fail(table.status());
  std::string out;
  store::FormatTable(*table, format, out);
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "dyad query: writing the output failed\n");
    return static_cast<int>(StatusCode::kIoError);
  }
  return 0;
}

}  // namespace dyad::cli
