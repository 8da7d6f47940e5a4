// dyad sql: one read-only SQL statement over a store, for anything dyad query does not ask. The store
// is opened with SQLITE_OPEN_READONLY and the statement must pass an authorizer that only allows
// reading (store/query.h RunReadOnlySql): writes are refused with a clear error before they run.
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "store/query.h"
#include "store/schema.h"

namespace dyad::cli {
namespace {

constexpr char kHelp[] = R"(usage: dyad sql "SELECT ..." [--db FILE] [--format table|csv|json] [--limit N]

Runs one read-only SQL statement (SELECT or WITH ... SELECT) over the store and prints the rows.
The tables are documented in src/store/README.md; `dyad sql "SELECT name, sql FROM sqlite_schema"`
lists them. Statements that would write (INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH, PRAGMA
assignments, ...) are refused: the store only changes through dyad ingest.

options:
  --db FILE      the store (default: dyad.db)
  --format F     table (default) | csv | json
  --limit N      print at most N rows (default: all)

Exit status: 0 ok, 2 bad or writing SQL, 3 no store, 6 not a dyad store or damaged.
)";

int Fail(const Status& st) {
  std::fprintf(stderr, "dyad sql: %s\n", st.ToString().c_str());
  return st.code() == StatusCode::kInvalidArgument ? 2 : static_cast<int>(st.code());
}

}  // namespace

int SqlCommand(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, {"db", "format", "limit"}, {"help"});
  if (!args.ok()) return Fail(args.status());
  if (args->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (args->positional().size() != 1) return Fail(Status::InvalidArgument("give exactly one SQL statement, quoted"));
  store::TableFormat format;
  std::string fmt = args->Get("format", "table");
  if (fmt == "table") format = store::TableFormat::kTable;
  else if (fmt == "csv") format = store::TableFormat::kCsv;
  else if (fmt == "json") format = store::TableFormat::kJson;
  else return Fail(Status::InvalidArgument("unknown --format '" + fmt + "' (table, csv, json)"));
  int64_t limit = 0;
  if (args->Has("limit")) {
    std::string l = args->Get("limit");
    if (l.empty() || l.size() > 12 || l.find_first_not_of("0123456789") != std::string::npos)
      return Fail(Status::InvalidArgument("--limit takes a number, got '" + l + "'"));
    limit = std::stoll(l);
  }
  auto db = store::OpenStore(args->Get("db", "dyad.db"), store::OpenMode::kReadOnly);
  if (!db.ok()) return Fail(db.status());
  auto table = store::RunReadOnlySql(*db, args->positional()[0], limit);
  if (!table.ok()) return Fail(table.status());
  std::string out;
  store::FormatTable(*table, format, out);
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "dyad sql: writing the output failed\n");
    return static_cast<int>(StatusCode::kIoError);
  }
  return 0;
}

}  // namespace dyad::cli
