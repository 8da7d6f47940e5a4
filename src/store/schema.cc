#include "store/schema.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>
#include <sys/stat.h>

namespace dyad::store {
namespace {

// Migration N takes a store from version N-1 to N. DO NOT EDIT a migration once released: append one.
// Conventions: absent text is NULL; offsets are character (code point) offsets into articles.text;
// `day` is days since 1970-01-01 (0: unknown). articles_fts is an external-content FTS5 index that
// the writer keeps in step with articles (no triggers: a trigger would pull the virtual table into
// every statement of the batch's transaction, which costs a savepoint per statement).
constexpr const char* kMigrations[] = {
    // 1: articles (+ FTS5), sentences, actors and mentions, event mentions and deduplicated events,
    //    quotes, dates, amounts, places, entities.
    R"sql(
CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  date TEXT, day INTEGER NOT NULL DEFAULT 0,
  title TEXT, url TEXT, source TEXT,
  text TEXT NOT NULL,
  text_hash INTEGER NOT NULL,
  chars INTEGER NOT NULL,
  ingested_at TEXT NOT NULL);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
CREATE TABLE sentences(
  article_id INTEGER NOT NULL, idx INTEGER NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL, kind INTEGER NOT NULL,
  PRIMARY KEY(article_id, idx)) WITHOUT ROWID;
CREATE TABLE actors(
  code TEXT PRIMARY KEY, country TEXT, sector TEXT, name TEXT) WITHOUT ROWID;
CREATE TABLE mentions(
  article_id INTEGER NOT NULL, idx INTEGER NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT, kind INTEGER NOT NULL,
  code TEXT, country TEXT, sector TEXT, name TEXT, rule TEXT, antecedent INTEGER,
  PRIMARY KEY(article_id, idx)) WITHOUT ROWID;
CREATE TABLE event_mentions(
  id INTEGER PRIMARY KEY,  -- article_id * 2^20 + idx: an article's mentions are one key range
  article_id INTEGER NOT NULL, idx INTEGER NOT NULL, event_id TEXT NOT NULL,
  event_key INTEGER,
  cluster INTEGER NOT NULL, source TEXT NOT NULL,  -- the article's canonical id and publisher ('' unknown)
  sentence INTEGER NOT NULL, date TEXT, day INTEGER NOT NULL,
  source_text TEXT, source_code TEXT, source_country TEXT, source_sector TEXT, source_name TEXT,
  source_begin INTEGER, source_end INTEGER,
  target_text TEXT, target_code TEXT, target_country TEXT, target_sector TEXT, target_name TEXT,
  target_begin INTEGER, target_end INTEGER,
  cameo_code TEXT NOT NULL, cameo_root TEXT, cameo_name TEXT, goldstein REAL, quad_class INTEGER,
  plover_type TEXT, plover_mode TEXT, plover_contexts TEXT,
  trigger_text TEXT, trigger_begin INTEGER, trigger_end INTEGER,
  negated INTEGER NOT NULL, modality INTEGER NOT NULL,
  loc_name TEXT, loc_country TEXT, loc_lat REAL, loc_lon REAL, loc_begin INTEGER, loc_end INTEGER,
  rule TEXT);
CREATE INDEX event_mentions_by_cluster ON event_mentions(event_key, cluster);
CREATE INDEX event_mentions_by_source ON event_mentions(event_key, source);
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  day INTEGER NOT NULL, source_code TEXT NOT NULL, target_code TEXT NOT NULL, cameo_code TEXT NOT NULL,
  date TEXT, source_country TEXT, target_country TEXT, cameo_root TEXT, quad_class INTEGER,
  goldstein REAL, plover_type TEXT,
  first_mention INTEGER, num_mentions INTEGER NOT NULL DEFAULT 0, num_sources INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0,
  UNIQUE(day, source_code, target_code, cameo_code));
CREATE INDEX events_by_countries ON events(source_country, target_country, day, quad_class, goldstein, num_mentions);
CREATE INDEX events_by_source ON events(source_code, target_code, day, quad_class, goldstein, num_mentions);
CREATE INDEX events_by_target ON events(target_code, day, quad_class, goldstein, num_mentions);
CREATE TABLE quotes(
  article_id INTEGER NOT NULL, idx INTEGER NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, direct INTEGER NOT NULL,
  cue TEXT, speaker_text TEXT, speaker_code TEXT, speaker_name TEXT,
  PRIMARY KEY(article_id, idx)) WITHOUT ROWID;
CREATE TABLE dates(
  article_id INTEGER NOT NULL, idx INTEGER NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT, type TEXT, value TEXT,
  PRIMARY KEY(article_id, idx)) WITHOUT ROWID;
CREATE TABLE amounts(
  article_id INTEGER NOT NULL, idx INTEGER NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT, value REAL, unit TEXT, kind TEXT,
  PRIMARY KEY(article_id, idx)) WITHOUT ROWID;
CREATE TABLE places(
  article_id INTEGER NOT NULL, idx INTEGER NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT, name TEXT, country TEXT, feature TEXT,
  lat REAL, lon REAL,
  PRIMARY KEY(article_id, idx)) WITHOUT ROWID;
CREATE TABLE entities(
  article_id INTEGER NOT NULL, idx INTEGER NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT, type TEXT,
  PRIMARY KEY(article_id, idx)) WITHOUT ROWID;
CREATE VIEW events_one_a_day AS
  SELECT min(id) AS event_id, day, min(date) AS date, source_code, target_code, cameo_root,
         min(quad_class) AS quad_class, sum(num_mentions) AS num_mentions, sum(num_articles) AS num_articles
  FROM events GROUP BY day, source_code, target_code, cameo_root;
)sql",
    // 2: near-duplicate articles: a 64-bit simhash per article, its four 16-bit bands for lookup, and
    //    the canonical article a near-duplicate belongs to (NumArticles counts clusters).
    R"sql(
ALTER TABLE articles ADD COLUMN simhash INTEGER;
ALTER TABLE articles ADD COLUMN duplicate_of INTEGER;
CREATE TABLE article_bands(band_key INTEGER NOT NULL, article_id INTEGER NOT NULL,
  PRIMARY KEY(band_key, article_id)) WITHOUT ROWID;
CREATE INDEX articles_by_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
)sql",
    // 3: a cheaper write path. The writer now keeps who told each event in memory, so event_mentions
    //    needs one narrow index (event -> its mentions) instead of two probe indexes; a band row carries
    //    its article's simhash (no lookup per candidate). The code indexes also carry the other side's
    //    country, so a mixed code/country dyad (GBRGOV:USA) is answered from the index alone.
    R"sql(
DROP INDEX events_by_source;
DROP INDEX events_by_target;
CREATE INDEX events_by_source ON events(source_code, target_code, day, quad_class, goldstein, num_mentions, target_country);
CREATE INDEX events_by_target ON events(target_code, day, quad_class, goldstein, num_mentions, source_country);
DROP INDEX event_mentions_by_cluster;
DROP INDEX event_mentions_by_source;
CREATE INDEX event_mentions_by_event ON event_mentions(event_key);
CREATE TABLE article_bands_v3(band_key INTEGER NOT NULL, article_id INTEGER NOT NULL, simhash INTEGER,
  PRIMARY KEY(band_key, article_id)) WITHOUT ROWID;
INSERT INTO article_bands_v3(band_key, article_id, simhash)
  SELECT b.band_key, b.article_id, a.simhash FROM article_bands b LEFT JOIN articles a ON a.id = b.article_id;
DROP TABLE article_bands;
ALTER TABLE article_bands_v3 RENAME TO article_bands;
)sql",
    // 4: the query indexes of events may be dropped for a bulk load and built once at its end
    //    (store/writer.h); their definitions wait here meanwhile, so a killed load is completed by the
    //    next writer. A series over one country on the target side gets its own index.
    R"sql(
CREATE TABLE deferred_indexes(name TEXT PRIMARY KEY, sql TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX events_by_target_country ON events(target_country, day, quad_class, goldstein, num_mentions);
)sql",
    // 5: an article's annotation layers (sentences, actor mentions, dates, amounts, places, entities)
    //    as one JSON array each in one article_layers row (store/article_layers.h), instead of ~140
    //    rows per news article; views of the old names give the same rows and columns (mentions gains
    //    `partner`). An event mention carries its sentence's span, so lists and exports need no layer.
    R"sql(
CREATE TABLE article_layers(
  article_id INTEGER PRIMARY KEY,
  sentences TEXT, mentions TEXT, dates TEXT, amounts TEXT, places TEXT, entities TEXT);
INSERT INTO article_layers(article_id, sentences, mentions, dates, amounts, places, entities)
SELECT a.id,
  (SELECT nullif(json_group_array(json_array(begin, end, kind)), '[]')
     FROM (SELECT * FROM sentences WHERE article_id = a.id ORDER BY idx)),
  (SELECT nullif(json_group_array(json_array(begin, end, text, kind, code, country, sector, name, rule,
                                             antecedent, -1)), '[]')
     FROM (SELECT * FROM mentions WHERE article_id = a.id ORDER BY idx)),
  (SELECT nullif(json_group_array(json_array(begin, end, text, type, value)), '[]')
     FROM (SELECT * FROM dates WHERE article_id = a.id ORDER BY idx)),
  (SELECT nullif(json_group_array(json_array(begin, end, text, value, unit, kind)), '[]')
     FROM (SELECT * FROM amounts WHERE article_id = a.id ORDER BY idx)),
  (SELECT nullif(json_group_array(json_array(begin, end, text, name, country, feature, lat, lon)), '[]')
     FROM (SELECT * FROM places WHERE article_id = a.id ORDER BY idx)),
  (SELECT nullif(json_group_array(json_array(begin, end, text, type)), '[]')
     FROM (SELECT * FROM entities WHERE article_id = a.id ORDER BY idx))
FROM articles a;
ALTER TABLE event_mentions ADD COLUMN sentence_begin INTEGER;
ALTER TABLE event_mentions ADD COLUMN sentence_end INTEGER;
UPDATE event_mentions SET (sentence_begin, sentence_end) = (
  SELECT s.begin, s.end FROM sentences s WHERE s.article_id = event_mentions.article_id AND s.idx = event_mentions.sentence);
DROP TABLE sentences;
DROP TABLE mentions;
DROP TABLE dates;
DROP TABLE amounts;
DROP TABLE places;
DROP TABLE entities;
CREATE VIEW sentences(article_id, idx, begin, end, kind) AS
  SELECT l.article_id, j.key, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]')
  FROM article_layers l, json_each(l.sentences) j;
CREATE VIEW mentions(article_id, idx, begin, end, text, kind, code, country, sector, name, rule, antecedent, partner) AS
  SELECT l.article_id, j.key, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
         json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]'),
         json_extract(j.value, '$[6]'), json_extract(j.value, '$[7]'), json_extract(j.value, '$[8]'),
         json_extract(j.value, '$[9]'), json_extract(j.value, '$[10]')
  FROM article_layers l, json_each(l.mentions) j;
CREATE VIEW dates(article_id, idx, begin, end, text, type, value) AS
  SELECT l.article_id, j.key, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
         json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]')
  FROM article_layers l, json_each(l.dates) j;
CREATE VIEW amounts(article_id, idx, begin, end, text, value, unit, kind) AS
  SELECT l.article_id, j.key, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
         json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]')
  FROM article_layers l, json_each(l.amounts) j;
CREATE VIEW places(article_id, idx, begin, end, text, name, country, feature, lat, lon) AS
  SELECT l.article_id, j.key, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
         json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]'),
         json_extract(j.value, '$[6]'), json_extract(j.value, '$[7]')
  FROM article_layers l, json_each(l.places) j;
CREATE VIEW entities(article_id, idx, begin, end, text, type) AS
  SELECT l.article_id, j.key, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
         json_extract(j.value, '$[3]')
  FROM article_layers l, json_each(l.entities) j;
)sql",
    // 6: a cheaper write path for new events: three indexes on events instead of five. The dedup key
    //    (day, source, target, CAMEO code) is no longer a UNIQUE constraint: the one writer keeps keys
    //    unique (store/dedup.h) and probes the source-code index, which leads with the codes and holds
    //    the day and CAMEO code. The two country indexes go: a country filter reads the code indexes
    //    for the codes that country's events have used (actor_countries, kept by the writer). A narrow
    //    day index serves date ranges and newest-first lists. Both code indexes hold both sides' codes
    //    and countries, so a series over any dyad (codes, countries or mixed) reads no table row. The
    //    table is rebuilt (SQLite cannot drop a constraint); its rows, ids and columns stay.
    R"sql(
DROP VIEW events_one_a_day;
CREATE TABLE events_v6(
  id INTEGER PRIMARY KEY,
  day INTEGER NOT NULL, source_code TEXT NOT NULL, target_code TEXT NOT NULL, cameo_code TEXT NOT NULL,
  date TEXT, source_country TEXT, target_country TEXT, cameo_root TEXT, quad_class INTEGER,
  goldstein REAL, plover_type TEXT,
  first_mention INTEGER, num_mentions INTEGER NOT NULL DEFAULT 0, num_sources INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0);
INSERT INTO events_v6(id, day, source_code, target_code, cameo_code, date, source_country, target_country,
                      cameo_root, quad_class, goldstein, plover_type, first_mention, num_mentions, num_sources,
                      num_articles)
  SELECT id, day, source_code, target_code, cameo_code, date, source_country, target_country, cameo_root,
         quad_class, goldstein, plover_type, first_mention, num_mentions, num_sources, num_articles
  FROM events ORDER BY id;
DROP TABLE events;
ALTER TABLE events_v6 RENAME TO events;
DELETE FROM deferred_indexes;
CREATE INDEX events_by_day ON events(day);
CREATE INDEX events_by_source ON events(source_code, target_code, day, cameo_code, quad_class, goldstein,
                                        num_mentions, source_country, target_country);
CREATE INDEX events_by_target ON events(target_code, day, quad_class, goldstein, num_mentions, source_code,
                                        source_country, target_country);
CREATE TABLE actor_countries(country TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY(country, code)) WITHOUT ROWID;
INSERT OR IGNORE INTO actor_countries(country, code)
  SELECT source_country, source_code FROM events WHERE source_country IS NOT NULL AND source_code <> ''
  UNION SELECT target_country, target_code FROM events WHERE target_country IS NOT NULL AND target_code <> '';
CREATE VIEW events_one_a_day AS
  SELECT min(id) AS event_id, day, min(date) AS date, source_code, target_code, cameo_root,
         min(quad_class) AS quad_class, sum(num_mentions) AS num_mentions, sum(num_articles) AS num_articles
  FROM events GROUP BY day, source_code, target_code, cameo_root;
ANALYZE events;
)sql",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion,
              "kSchemaVersion must equal the number of migrations");

bool FileExists(const std::string& path, off_t* size) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  *size = st.st_size;
  return true;
}

// Refuses a file that is not SQLite before SQLite touches it (it would otherwise fail late, or a
// writable open of an empty-looking file could start writing into a foreign file).
Status CheckHeader(const std::string& path, off_t size) {
  if (size == 0) return Status::Ok();  // an empty file is a new store
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + path);
  char head[16] = {};
  in.read(head, sizeof head);
  if (in.gcount() < 16 || std::memcmp(head, "SQLite format 3", 16) != 0)
    return Status::Corrupt(path + " is not a dyad store (not a SQLite database file)");
  return Status::Ok();
}

Status InTransaction(Db& db, const std::function<Status()>& body) {
  DYAD_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status st = body();
  if (st.ok()) st = db.Exec("COMMIT");
  if (!st.ok()) db.Exec("ROLLBACK");
  return st;
}

Status Migrate(Db& db, int from, int to) {
  for (int v = from; v < to; ++v) {
    Status st = InTransaction(db, [&]() -> Status {
      DYAD_RETURN_IF_ERROR(db.Exec(kMigrations[v]));
      DYAD_RETURN_IF_ERROR(db.Exec("PRAGMA user_version = " + std::to_string(v + 1)));
      return db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    });
    if (!st.ok())
      return Status(st.code(), "upgrading the store to schema version " + std::to_string(v + 1) + ": " + st.message());
  }
  return Status::Ok();
}

// `upgrade_to_read`: a read-only open of an older store upgrades it first (once: the reopen says false).
Result<Db> OpenAt(const std::string& path, OpenMode mode, int target_version, bool upgrade_to_read = true) {
  off_t size = 0;
  bool exists = FileExists(path, &size);
  if (!exists && mode == OpenMode::kReadOnly) return Status::NotFound("no store at " + path + " (run dyad ingest first)");
  if (exists) DYAD_RETURN_IF_ERROR(CheckHeader(path, size));
  int flags = mode == OpenMode::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  auto opened = Db::Open(path, flags);
  if (!opened.ok()) return opened.status();
  Db db = std::move(*opened);
  auto app = db.QueryInt("PRAGMA application_id");
  if (!app.ok()) return Status(app.status().code(), path + ": " + app.status().message());
  auto version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  auto tables = db.QueryInt("SELECT count(*) FROM sqlite_schema");
  if (!tables.ok()) return Status(tables.status().code(), path + ": " + tables.status().message());
  if (*app != kApplicationId && (*tables > 0 || *version != 0)) {
    return Status::Corrupt(path + " is a SQLite database but not a dyad store (application_id " +
                           std::to_string(*app) + ")");
  }
  if (*version > kSchemaVersion) {
    return Status::Unsupported(path + " has schema version " + std::to_string(*version) +
                               ", newer than this dyad understands (" + std::to_string(kSchemaVersion) +
                               "): use a newer dyad");
  }
  if (mode == OpenMode::kReadOnly) {
    if (*version == 0) return Status::Corrupt(path + " is an empty database, not a dyad store");
    if (*version >= target_version) return db;
    if (!upgrade_to_read) return Status::Unsupported(path + " is still at schema version " + std::to_string(*version));
    // Reading needs the current tables (query and export read the version 5 columns): upgrade the
    // store first, as a writer would, then open it read-only again.
    db.Close();
    auto upgraded = OpenAt(path, OpenMode::kReadWrite, target_version);
    if (!upgraded.ok()) {
      return Status::Unsupported(path + " has schema version " + std::to_string(*version) + ", older than this dyad reads (" +
                                 std::to_string(target_version) + "), and upgrading it failed (" +
                                 upgraded.status().message() + "): open it once with dyad ingest where it is writable");
    }
    upgraded->Close();
    return OpenAt(path, OpenMode::kReadOnly, target_version, false);
  }
  // Larger pages: fewer B-tree levels and page writes for the wide event rows. Only takes effect on
  // a new, empty file (before WAL is switched on).
  if (*tables == 0) DYAD_RETURN_IF_ERROR(db.Exec("PRAGMA page_size = 16384"));
  // WAL: readers never block the one writer; a kill -9 loses at most the uncommitted batch.
  DYAD_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
  DYAD_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = NORMAL"));
  // Checkpoint every 8192 pages (128 MiB of WAL) rather than 1000: pages rewritten by many batches
  // are copied back once.
  DYAD_RETURN_IF_ERROR(db.Exec("PRAGMA wal_autocheckpoint = 8192"));
  if (*version < target_version) DYAD_RETURN_IF_ERROR(Migrate(db, static_cast<int>(*version), target_version));
  return db;
}

}  // namespace

Result<Db> OpenStore(const std::string& path, OpenMode mode) {
  auto db = OpenAt(path, mode, kSchemaVersion);
  if (!db.ok()) return db.status();
  if (mode == OpenMode::kReadWrite) {
    DYAD_RETURN_IF_ERROR(db->Exec("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536"));
  } else {
    db->Exec("PRAGMA cache_size = -262144");
  }
  return db;
}

Result<int> SchemaVersion(Db& db) {
  auto v = db.QueryInt("PRAGMA user_version");
  if (!v.ok()) return v.status();
  return static_cast<int>(*v);
}

Status CreateStoreAtVersion(const std::string& path, int version) {
  if (version < 1 || version > kSchemaVersion) return Status::InvalidArgument("no schema version " + std::to_string(version));
  auto db = OpenAt(path, OpenMode::kReadWrite, version);
  return db.status();
}

namespace {

// The indexes on events that a bulk load may leave out while it writes. The key index among them is
// also what the writer probes for an event it does not remember (store/dedup.h), so a load defers it
// only while its memory knows every event.
constexpr const char* kQueryIndexes[] = {"events_by_day", kEventKeyIndex, "events_by_target"};

}  // namespace

Status DeferQueryIndexes(Db& db, bool with_key_index) {
  return InTransaction(db, [&]() -> Status {
    auto find = Stmt::Prepare(db.get(), "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1");
    if (!find.ok()) return find.status();
    auto keep = Stmt::Prepare(db.get(), "INSERT OR REPLACE INTO deferred_indexes(name, sql) VALUES (?1, ?2)");
    if (!keep.ok()) return keep.status();
    for (const char* name : kQueryIndexes) {
      if (!with_key_index && std::string_view(name) == kEventKeyIndex) continue;
      find->Bind(1, std::string_view(name));
      auto row = find->Step();
      if (!row.ok()) return row.status();
      if (!*row) {  // already deferred (or never made): nothing to drop
        find->Reset();
        continue;
      }
      keep->Bind(1, std::string_view(name));
      keep->Bind(2, find->Text(0));
      find->Reset();
      DYAD_RETURN_IF_ERROR(keep->Run());
      keep->Reset();
      DYAD_RETURN_IF_ERROR(db.Exec(std::string("DROP INDEX ") + name));
    }
    return Status::Ok();
  });
}

Result<int> BuildDeferredIndexes(Db& db, std::string_view only) {
  auto list = Stmt::Prepare(db.get(), "SELECT name, sql FROM deferred_indexes WHERE ?1 = '' OR name = ?1 ORDER BY name");
  if (!list.ok()) return list.status();
  list->Bind(1, only);
  std::vector<std::string> names, sqls;
  for (;;) {
    auto row = list->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    names.emplace_back(list->Text(0));
    sqls.emplace_back(list->Text(1));
  }
  list->Reset();
  if (sqls.empty()) return 0;  // the usual case: a writer asks before every batch that may probe
  auto done = Stmt::Prepare(db.get(), "DELETE FROM deferred_indexes WHERE name = ?1");
  if (!done.ok()) return done.status();
  for (size_t i = 0; i < sqls.size(); ++i) {
    DYAD_RETURN_IF_ERROR(db.Exec(sqls[i]));
    done->Bind(1, std::string_view(names[i]));
    DYAD_RETURN_IF_ERROR(done->Run());
    done->Reset();
  }
  return static_cast<int>(sqls.size());
}

Result<int> RestoreDeferredIndexes(Db& db) {
  auto waiting = db.QueryInt("SELECT count(*) FROM deferred_indexes");
  if (!waiting.ok()) return waiting.status();
  if (*waiting == 0) return 0;
  int built = 0;
  Status st = InTransaction(db, [&]() -> Status {
    auto n = BuildDeferredIndexes(db, "");
    if (!n.ok()) return n.status();
    built = *n;
    return Status::Ok();
  });
  if (!st.ok()) return Status(st.code(), "building the store's query indexes: " + st.message());
  return built;
}

int64_t DayNumber(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return 0;
  auto num = [&](size_t b, size_t n) {
    int v = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), day = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || day < 1) return 0;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int month_days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > month_days[m - 1]) return 0;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + static_cast<int64_t>(doe) - 719468;
}

}  // namespace dyad::store
