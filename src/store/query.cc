#include "store/query.h"

#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "store/filter_sql.h"
#include "store/schema.h"

namespace dyad::store {
namespace {

Result<Table> Run(Db& db, const std::string& sql, const Where& w, int64_t limit = 0) {
  auto s = Stmt::Prepare(db.get(), sql);
  if (!s.ok()) return s.status();
  w.Bind(*s);
  Table t;
  int n = s->Columns();
  for (int i = 0; i < n; ++i) t.columns.push_back(sqlite3_column_name(s->get(), i));
  for (;;) {
    auto row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::vector<Cell> cells;
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(s->get(), i)) {
        case SQLITE_NULL: cells.emplace_back(std::monostate{}); break;
        case SQLITE_INTEGER: cells.emplace_back(s->Int(i)); break;
        case SQLITE_FLOAT: cells.emplace_back(s->Real(i)); break;
        case SQLITE_BLOB: cells.emplace_back(std::string("<blob>")); break;
        default: cells.emplace_back(std::string(s->Text(i)));
      }
    }
    t.rows.push_back(std::move(cells));
    if (limit > 0 && static_cast<int64_t>(t.rows.size()) >= limit) break;
  }
  return t;
}

bool CodeLike(const std::string& v) {
  for (char c : v)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  return true;
}

std::string CellText(const Cell& c) {
  if (std::holds_alternative<std::monostate>(c)) return "";
  if (const auto* i = std::get_if<int64_t>(&c)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&c)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", *d);
    return buf;
  }
  return std::get<std::string>(c);
}

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

std::string CutForTable(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  if (Utf8Length(s) <= 80) return s;
  size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xc0) != 0x80 && ++chars > 77) break;
  }
  return s.substr(0, i) + "...";
}

}  // namespace

Status ValidateFilter(const EventFilter& f) {
  for (auto [name, v] : {std::pair<const char*, const std::string*>{"--source", &f.source}, {"--target", &f.target},
                         {"--actor", &f.actor}, {"--country", &f.country}, {"--code", &f.code}, {"--plover", &f.plover}}) {
    if (!CodeLike(*v)) return Status::InvalidArgument(std::string(name) + " takes a code of letters and digits, got '" + *v + "'");
  }
  for (char c : f.code)
    if (!std::isdigit(static_cast<unsigned char>(c))) return Status::InvalidArgument("--code takes CAMEO digits (\"04\", \"042\"), got '" + f.code + "'");
  if (f.code.size() > 4) return Status::InvalidArgument("--code has at most 4 digits, got '" + f.code + "'");
  if (!f.country.empty() && f.country.size() != 3) return Status::InvalidArgument("--country takes a 3-letter code, got '" + f.country + "'");
  if (f.quad_class < 0 || f.quad_class > 4) return Status::InvalidArgument("--quad takes 1..4");
  for (auto [name, v] : {std::pair<const char*, const std::string*>{"--from", &f.from}, {"--to", &f.to}}) {
    if (!v->empty() && DayNumber(*v) == 0) return Status::InvalidArgument(std::string(name) + " takes a YYYY-MM-DD date, got '" + *v + "'");
  }
  if (!f.from.empty() && !f.to.empty() && f.from > f.to) return Status::InvalidArgument("--from " + f.from + " is after --to " + f.to);
  return Status::Ok();
}

void FormatTable(const Table& t, TableFormat format, std::string& out) {
  if (format == TableFormat::kJson) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& row : t.rows) {
      nlohmann::json obj = nlohmann::json::object();
      for (size_t i = 0; i < row.size(); ++i) {
        const Cell& c = row[i];
        if (std::holds_alternative<std::monostate>(c)) obj[t.columns[i]] = nullptr;
        else if (const auto* n = std::get_if<int64_t>(&c)) obj[t.columns[i]] = *n;
        else if (const auto* d = std::get_if<double>(&c)) obj[t.columns[i]] = *d;
        else obj[t.columns[i]] = std::get<std::string>(c);
      }
      arr.push_back(std::move(obj));
    }
    out += arr.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
    return;
  }
  if (format == TableFormat::kCsv) {
    auto field = [&](const std::string& s) {
      if (s.find_first_of(",\"\n\r") == std::string::npos) {
        out += s;
        return;
      }
      out += '"';
      for (char c : s) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    };
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (i) out += ',';
      field(t.columns[i]);
    }
    out += '\n';
    for (const auto& row : t.rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (i) out += ',';
        field(CellText(row[i]));
      }
      out += '\n';
    }
    return;
  }
  std::vector<std::vector<std::string>> text;
  std::vector<size_t> width(t.columns.size());
  for (size_t i = 0; i < t.columns.size(); ++i) width[i] = Utf8Length(t.columns[i]);
  for (const auto& row : t.rows) {
    text.emplace_back();
    for (size_t i = 0; i < row.size(); ++i) {
      text.back().push_back(CutForTable(CellText(row[i])));
      width[i] = std::max(width[i], Utf8Length(text.back().back()));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      out += cells[i];
      if (i + 1 < cells.size()) out.append(width[i] - Utf8Length(cells[i]) + 2, ' ');
    }
    out += '\n';
  };
  line(t.columns);
  for (size_t i = 0; i < t.columns.size(); ++i) {
    out.append(width[i], '-');
    if (i + 1 < t.columns.size()) out += "  ";
  }
  out += '\n';
  for (const auto& r : text) line(r);
}

Result<Table> QuerySeries(Db& db, const EventFilter& f, Bucket bucket) {
  DYAD_RETURN_IF_ERROR(ValidateFilter(f));
  Where w = BuildWhere(f);
  w.And("e.day <> 0");
  std::string key, label;
  switch (bucket) {
    case Bucket::kDay: key = "e.day"; label = "date(k * 86400, 'unixepoch')"; break;
    case Bucket::kWeek: key = "(e.day - ((e.day + 3) % 7))"; label = "date(k * 86400, 'unixepoch')"; break;
    // From the day number, not substr(date): day is in every index, date only in the table, so a
    // monthly series reads no table row (10M events: 12 s -> the weekly series' time).
    case Bucket::kMonth: key = "strftime('%Y-%m', e.day * 86400, 'unixepoch')"; label = "k"; break;
  }
  std::string sql =
      "SELECT " + label + " AS period, events, mentions, goldstein_sum, round(goldstein_sum * 1.0 / events, 3) AS goldstein_mean,"
      " quad1, quad2, quad3, quad4 FROM (SELECT " + key + " AS k, count(*) AS events, sum(e.num_mentions) AS mentions,"
      " round(sum(e.goldstein), 3) AS goldstein_sum,"
      " sum(e.quad_class = 1) AS quad1, sum(e.quad_class = 2) AS quad2, sum(e.quad_class = 3) AS quad3,"
      " sum(e.quad_class = 4) AS quad4 FROM events e" + w.sql + " GROUP BY k) ORDER BY k";
  return Run(db, sql, w);
}

Result<Table> QueryTopActors(Db& db, const EventFilter& f, const std::string& side, int limit) {
  DYAD_RETURN_IF_ERROR(ValidateFilter(f));
  if (side != "source" && side != "target" && side != "any")
    return Status::InvalidArgument("--side takes source, target or any, got '" + side + "'");
  if (limit <= 0) return Status::InvalidArgument("--limit must be positive");
  Where w = BuildWhere(f);
  std::string inner;
  for (const char* s : {"source", "target"}) {
    if (side != "any" && side != s) continue;
    if (!inner.empty()) inner += " UNION ALL ";
    Where cw = w;
    cw.And(std::string("e.") + s + "_code <> ''");
    inner += std::string("SELECT e.") + s + "_code AS actor, e.num_mentions AS m FROM events e" + cw.sql;
  }
  std::string sql = "SELECT actor, count(*) AS events, sum(m) AS mentions FROM (" + inner +
                    ") GROUP BY actor ORDER BY events DESC, mentions DESC, actor LIMIT " + std::to_string(limit);
  return Run(db, sql, w);
}

Result<Table> QueryTopDyads(Db& db, const EventFilter& f, int limit) {
  DYAD_RETURN_IF_ERROR(ValidateFilter(f));
  if (limit <= 0) return Status::InvalidArgument("--limit must be positive");
  Where w = BuildWhere(f);
  w.And("e.source_code <> '' AND e.target_code <> ''");
  std::string sql = "SELECT e.source_code AS source, e.target_code AS target, count(*) AS events,"
                    " sum(e.num_mentions) AS mentions, round(avg(e.goldstein), 3) AS goldstein_mean FROM events e" +
                    w.sql + " GROUP BY 1, 2 ORDER BY events DESC, mentions DESC, 1, 2 LIMIT " + std::to_string(limit);
  return Run(db, sql, w);
}

Result<Table> QueryEvents(Db& db, const EventFilter& f, int limit) {
  DYAD_RETURN_IF_ERROR(ValidateFilter(f));
  if (limit <= 0) return Status::InvalidArgument("--limit must be positive");
  Where w = BuildWhere(f);
  std::string sql =
      "SELECT e.id AS event_id, e.date, nullif(e.source_code, '') AS source, nullif(e.target_code, '') AS target,"
      " e.cameo_code AS code, e.plover_type AS plover, e.quad_class, e.goldstein, e.num_mentions, e.num_sources,"
      " e.num_articles, a.doc_id, substr(a.text, fm.sentence_begin + 1, fm.sentence_end - fm.sentence_begin) AS sentence"
      // The newest ids first (from an index alone where the filter's index covers it), then their rows.
      " FROM (SELECT e.* FROM (SELECT e.id FROM events e" + w.sql + " ORDER BY e.day DESC, e.id DESC LIMIT " +
      std::to_string(limit) + ") newest JOIN events e ON e.id = newest.id) e"
      " LEFT JOIN event_mentions fm ON fm.id = e.first_mention"
      " LEFT JOIN articles a ON a.id = fm.article_id"
      " ORDER BY e.day DESC, e.id DESC";
  return Run(db, sql, w);
}

Result<Table> QueryQuotes(Db& db, const std::string& speaker, const std::string& from, const std::string& to, int limit) {
  if (limit <= 0) return Status::InvalidArgument("--limit must be positive");
  EventFilter dates;
  dates.from = from;
  dates.to = to;
  DYAD_RETURN_IF_ERROR(ValidateFilter(dates));
  Where w;
  if (!speaker.empty()) {
    std::string code = w.Param(speaker), like = w.Param("%" + speaker + "%");
    w.And("(q.speaker_code = " + code + " OR q.speaker_name LIKE " + like + " OR q.speaker_text LIKE " + like + ")");
  }
  if (!from.empty()) w.And("a.day >= " + w.Param(DayNumber(from)));
  if (!to.empty()) w.And("a.day <= " + w.Param(DayNumber(to)));
  std::string sql =
      "SELECT a.doc_id, a.date, coalesce(q.speaker_name, q.speaker_text) AS speaker, q.speaker_code, q.cue,"
      " q.direct, q.text AS quote FROM quotes q JOIN articles a ON a.id = q.article_id" + w.sql +
      " ORDER BY a.day DESC, a.id, q.idx LIMIT " + std::to_string(limit);
  return Run(db, sql, w);
}

Result<Table> QueryArticles(Db& db, const std::string& search, int limit) {
  if (limit <= 0) return Status::InvalidArgument("--limit must be positive");
  Where w;
  std::string sql;
  if (search.empty()) {
    sql = "SELECT a.doc_id, a.date, a.title, a.source, a.duplicate_of IS NOT NULL AS near_duplicate,"
          " (SELECT count(*) FROM event_mentions m WHERE m.article_id = a.id) AS event_mentions"
          " FROM articles a ORDER BY a.day DESC, a.id DESC LIMIT " + std::to_string(limit);
  } else {
    sql = "SELECT a.doc_id, a.date, a.title, snippet(articles_fts, 1, '[', ']', '...', 12) AS snippet"
          " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH " + w.Param(search) +
          " ORDER BY rank LIMIT " + std::to_string(limit);
  }
  auto t = Run(db, sql, w);
  if (!t.ok() && t.status().code() == StatusCode::kInvalidArgument)
    return Status::InvalidArgument("bad --search '" + search + "' (FTS5 syntax: words, \"phrases\", AND/OR/NOT, prefix*): " +
                                   t.status().message());
  return t;
}

namespace {
int DenyWrites(void*, int action, const char*, const char*, const char*, const char*) {
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    default:
      return SQLITE_DENY;
  }
}
}  // namespace

Result<Table> RunReadOnlySql(Db& db, const std::string& sql, int64_t limit) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  sqlite3_set_authorizer(db.get(), DenyWrites, nullptr);
  int rc = sqlite3_prepare_v2(db.get(), sql.c_str(), static_cast<int>(sql.size()), &raw, &tail);
  sqlite3_set_authorizer(db.get(), nullptr, nullptr);
  if (rc == SQLITE_AUTH) {
    return Status::InvalidArgument("dyad sql is read-only: only SELECT (and WITH ... SELECT) may run; "
                                   "use dyad ingest to change the store");
  }
  if (rc != SQLITE_OK) return SqliteError(db.get(), rc, "sql");
  sqlite3_finalize(raw);
  if (raw == nullptr) return Status::InvalidArgument("dyad sql: no statement given");
  for (const char* p = tail; p != nullptr && *p; ++p) {
    if (!std::isspace(static_cast<unsigned char>(*p)) && *p != ';')
      return Status::InvalidArgument("dyad sql runs one statement at a time");
  }
  // Prepare again for real (the authorizer was only for the check) and refuse anything not read-only.
  std::string one(sql.c_str(), static_cast<size_t>(tail - sql.c_str()));
  auto check = Stmt::Prepare(db.get(), one);
  if (!check.ok()) return check.status();
  if (!sqlite3_stmt_readonly(check->get()))
    return Status::InvalidArgument("dyad sql is read-only: this statement would change the store");
  return Run(db, one, Where{}, limit);
}

}  // namespace dyad::store
