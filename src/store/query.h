// Queries over a dyad store for `dyad query` and `dyad sql`: the common questions as functions with
// typed filters (never SQL pasted from arguments: every value is a bound parameter), results as a
// small table that FormatTable prints as an aligned table, CSV or JSON.
//
// Actor filters: a 3-letter value ("RUS") matches the actor's country (RUS, RUSGOV, RUSMIL, and a
// person coded RUSGOV); a longer one ("RUSGOV") matches codes that start with it (RUSGOV, RUSGOVMIL). Dates are inclusive YYYY-MM-DD. Queries read the deduplicated events
// (one row per day, source, target and CAMEO code; see dedup.h) unless said otherwise.
//
// Thread-safety: one Db per thread.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "dyad/status.h"
#include "store/sqlite.h"

namespace dyad::store {

struct EventFilter {
  std::string source, target;  // actor on that side
  std::string actor;           // actor on either side
  std::string country;         // country on either side (3 letters)
  std::string code;            // CAMEO code prefix: "04", "042", "0421"
  std::string plover;          // PLOVER type, "CONSULT"
  int quad_class = 0;          // 1..4, 0 = any
  std::string from, to;        // YYYY-MM-DD, inclusive; empty = open
  std::string place;           // a mention of the event located here (place name or country code)
};

// Checks every field (codes are letters/digits, dates are real dates, quad class 0..4, from <= to)
// and returns kInvalidArgument naming the bad one.
Status ValidateFilter(const EventFilter& f);

enum class Bucket { kDay, kWeek, kMonth };  // weeks start on Monday

using Cell = std::variant<std::monostate, int64_t, double, std::string>;
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

enum class TableFormat { kTable, kCsv, kJson };
// Aligned text table (cells over 80 characters are cut with "..."), CSV with a header (RFC 4180
// quoting), or a JSON array of objects (one per row; numbers stay numbers, NULL is null).
void FormatTable(const Table& t, TableFormat format, std::string& out);

// period, events, mentions, goldstein_sum, goldstein_mean, quad1..quad4 (event counts per QuadClass).
Result<Table> QuerySeries(Db& db, const EventFilter& f, Bucket bucket);
// actor, events, mentions. side: "source", "target" or "any".
Result<Table> QueryTopActors(Db& db, const EventFilter& f, const std::string& side, int limit);
// source, target, events, mentions, goldstein_mean.
Result<Table> QueryTopDyads(Db& db, const EventFilter& f, int limit);
// Newest first: event_id, date, source, target, code, plover, quad_class, goldstein, num_mentions,
// num_sources, num_articles, doc_id and sentence of the first mention.
Result<Table> QueryEvents(Db& db, const EventFilter& f, int limit);
// Quotes whose speaker code starts with, or whose speaker name/text contains, `speaker` (empty: all).
Result<Table> QueryQuotes(Db& db, const std::string& speaker, const std::string& from, const std::string& to, int limit);
// Full-text search over titles and texts (FTS5 query syntax); empty: newest articles.
Result<Table> QueryArticles(Db& db, const std::string& search, int limit);

// Runs one read-only SQL statement (`dyad sql`). Anything that would write, attach or change settings
// is refused with kInvalidArgument before it runs (sqlite3_stmt_readonly + an authorizer), on top of
// the read-only connection the CLI opens. At most `limit` rows are returned (0: no limit).
Result<Table> RunReadOnlySql(Db& db, const std::string& sql, int64_t limit);

}  // namespace dyad::store
