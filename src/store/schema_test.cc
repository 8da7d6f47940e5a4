#include "store/schema.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "store/writer.h"

namespace dyad::store {
namespace {

namespace fs = std::filesystem;

std::string TempPath(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("dyad_store_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path p = dir / name;
  fs::remove(p);
  fs::remove(p.string() + "-wal");
  fs::remove(p.string() + "-shm");
  return p.string();
}

TEST(Schema, NewStoreGetsCurrentVersionAndApplicationId) {
  std::string path = TempPath("new.db");
  auto db = OpenStore(path, OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(*SchemaVersion(*db), kSchemaVersion);
  EXPECT_EQ(*db->QueryInt("PRAGMA application_id"), kApplicationId);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'articles_fts'"), 1);
}

TEST(Schema, ReadOnlyOpenOfMissingFileIsNotFoundAndCreatesNothing) {
  std::string path = TempPath("missing.db");
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(path));
}

TEST(Schema, ForeignFileIsRefusedAndLeftUntouched) {
  std::string path = TempPath("foreign.db");
  {
    std::ofstream out(path);
    out << "this is a text file, not a database\n";
  }
  auto size = fs::file_size(path);
  for (OpenMode mode : {OpenMode::kReadOnly, OpenMode::kReadWrite}) {
    auto db = OpenStore(path, mode);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().code(), StatusCode::kCorrupt);
    EXPECT_NE(db.status().message().find("not a dyad store"), std::string::npos) << db.status().message();
  }
  EXPECT_EQ(fs::file_size(path), size);
}

TEST(Schema, OtherSqliteDatabaseIsRefused) {
  std::string path = TempPath("other.db");
  {
    auto db = Db::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)").ok());
  }
  auto db = OpenStore(path, OpenMode::kReadWrite);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(db.status().message().find("not a dyad store"), std::string::npos);
}

TEST(Schema, TruncatedStoreIsReportedCorrupt) {
  std::string path = TempPath("truncated.db");
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
  }
  // Keep the header, overwrite the rest with garbage: SQLite must report corruption, not crash.
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    std::string junk(3000, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto db = OpenStore(path, OpenMode::kReadOnly);
  if (db.ok()) {
    auto n = db->QueryInt("SELECT count(*) FROM articles");
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.status().code(), StatusCode::kCorrupt);
  } else {
    EXPECT_EQ(db.status().code(), StatusCode::kCorrupt) << db.status().ToString();
  }
}

TEST(Schema, NewerSchemaIsRefused) {
  std::string path = TempPath("newer.db");
  {
    auto db = OpenStore(path, OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1)).ok());
  }
  for (OpenMode mode : {OpenMode::kReadOnly, OpenMode::kReadWrite}) {
    auto db = OpenStore(path, mode);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().code(), StatusCode::kUnsupported);
    EXPECT_NE(db.status().message().find("newer"), std::string::npos);
  }
}

TEST(Schema, OlderSchemaIsUpgradedKeepingData) {
  std::string path = TempPath("old.db");
  ASSERT_TRUE(CreateStoreAtVersion(path, 1).ok());
  {
    auto db = Db::Open(path, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO articles(doc_id, text, text_hash, chars, ingested_at) "
                         "VALUES ('old-1', 'kept text', 1, 9, 'then')").ok());
    EXPECT_EQ(*db->QueryInt("PRAGMA user_version"), 1);
    EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'simhash'"), 0);
  }
  auto db = OpenStore(path, OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(*SchemaVersion(*db), kSchemaVersion);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'simhash'"), 1);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM articles WHERE doc_id = 'old-1'"), 1);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM article_bands"), 0);
}

TEST(Schema, Version2StoreIsUpgradedToTheCurrentVersion) {
  std::string path = TempPath("v2.db");
  ASSERT_TRUE(CreateStoreAtVersion(path, 2).ok());
  {
    auto db = Db::Open(path, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO articles(id, doc_id, text, text_hash, chars, ingested_at, simhash) "
                         "VALUES (7, 'old-7', 'kept text', 1, 9, 'then', 12345);"
                         "INSERT INTO article_bands(band_key, article_id) VALUES (12345, 7);"
                         "INSERT INTO event_mentions(id, article_id, idx, event_id, event_key, cluster, source, sentence,"
                         " day, cameo_code, negated, modality) VALUES (7340032, 7, 0, 'old-7:0', 1, 7, '', 0, 0, '036', 0, 0)")
                    .ok());
  }
  auto db = OpenStore(path, OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(*SchemaVersion(*db), kSchemaVersion);
  // The band row now carries its article's simhash; event_mentions has one index, by event.
  EXPECT_EQ(*db->QueryInt("SELECT simhash FROM article_bands WHERE band_key = 12345 AND article_id = 7"), 12345);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'event_mentions'"
                          " AND sql IS NOT NULL"), 1);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM event_mentions WHERE event_key = 1"), 1);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM pragma_index_info('events_by_source') WHERE name = 'target_country'"), 1);
}

// Version 5 folds the per-row layer tables into article_layers: a version-4 store keeps every row,
// in order, behind views of the same names, and its event mentions get their sentence's span. A
// read-only open (dyad query) upgrades it first.
TEST(Schema, Version4LayerTablesBecomeOneRowPerArticle) {
  std::string path = TempPath("v4.db");
  ASSERT_TRUE(CreateStoreAtVersion(path, 4).ok());
  {
    auto db = Db::Open(path, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec(
        "INSERT INTO articles(id, doc_id, text, text_hash, chars, ingested_at) VALUES"
        " (3, 'old-3', 'Putin met Raisi. Erdogan said \"no\".', 1, 36, 'then'), (4, 'old-4', 'Nothing.', 2, 8, 'then');"
        // Rows written out of order: the arrays follow idx.
        "INSERT INTO sentences VALUES (3, 1, 17, 36, 0), (3, 0, 0, 16, 1);"
        "INSERT INTO mentions VALUES (3, 0, 0, 5, 'Putin', 1, 'RUSGOV', 'RUS', 'government', 'Vladimir Putin', 'dict', -1),"
        " (3, 1, 10, 15, 'Raisi', 1, 'IRNGOV', 'IRN', NULL, NULL, 'dict', -1);"
        "INSERT INTO dates VALUES (3, 0, 0, 5, 'today', 'DATE', '2022-07-18');"
        "INSERT INTO amounts VALUES (3, 0, 0, 5, 'five', 5.0, NULL, 'count');"
        "INSERT INTO places VALUES (3, 0, 10, 15, 'Tehran', 'Tehran', 'IRN', 'city', 35.69, 51.42);"
        "INSERT INTO entities VALUES (3, 0, 17, 24, 'Erdogan', 'PER');"
        "INSERT INTO event_mentions(id, article_id, idx, event_id, event_key, cluster, source, sentence,"
        " day, cameo_code, negated, modality) VALUES (3145728, 3, 0, 'old-3:0', NULL, 3, '', 1, 0, '036', 0, 0)")
                    .ok());
  }
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(*SchemaVersion(*db), kSchemaVersion);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name IN"
                          " ('sentences', 'mentions', 'dates', 'amounts', 'places', 'entities')"), 6);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM article_layers"), 2);
  auto text = [&](const std::string& sql) {
    auto s = Stmt::Prepare(db->get(), sql);
    EXPECT_TRUE(s.ok()) << sql;
    if (!s.ok() || !*s->Step()) return std::string("<no row>");
    return std::string(s->Text(0));
  };
  EXPECT_EQ(text("SELECT group_concat(article_id || ':' || idx || ':' || begin || '-' || end || ':' || kind, ' ')"
                 " FROM sentences"),
            "3:0:0-16:1 3:1:17-36:0");
  EXPECT_EQ(text("SELECT group_concat(idx || ':' || code || ':' || coalesce(sector, 'NULL') || ':' || antecedent ||"
                 " ':' || partner, ' ') FROM mentions"),
            "0:RUSGOV:government:-1:-1 1:IRNGOV:NULL:-1:-1");
  EXPECT_EQ(text("SELECT value FROM dates"), "2022-07-18");
  EXPECT_EQ(text("SELECT typeof(value) || ':' || value FROM amounts"), "real:5.0");
  EXPECT_EQ(text("SELECT name || ':' || lat || ':' || lon FROM places"), "Tehran:35.69:51.42");
  EXPECT_EQ(text("SELECT text || ':' || type FROM entities"), "Erdogan:PER");
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM article_layers WHERE article_id = 4 AND"
                          " coalesce(sentences, mentions, dates, amounts, places, entities) IS NULL"), 1);
  EXPECT_EQ(text("SELECT substr(a.text, m.sentence_begin + 1, m.sentence_end - m.sentence_begin) FROM event_mentions m"
                 " JOIN articles a ON a.id = m.article_id"),
            "Erdogan said \"no\".");
}

// Version 6 rebuilds events without the UNIQUE dedup key and with three indexes: every row keeps its
// id and values, actor_countries holds the countries' codes, and definitions a killed bulk load
// left waiting are dropped with the indexes they named.
TEST(Schema, Version5EventsKeepTheirRowsWithThreeIndexes) {
  std::string path = TempPath("v5.db");
  ASSERT_TRUE(CreateStoreAtVersion(path, 5).ok());
  {
    auto db = Db::Open(path, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec(
        "INSERT INTO events(id, day, source_code, target_code, cameo_code, date, source_country, target_country,"
        " cameo_root, quad_class, goldstein, plover_type, first_mention, num_mentions, num_sources, num_articles) VALUES"
        " (5, 19191, 'RUSGOV', 'IRNGOV', '036', '2022-07-18', 'RUS', 'IRN', '03', 1, 4.0, 'CONSULT', 10, 3, 2, 2),"
        " (9, 19192, 'MNCUSAAPL', '', '190', '2022-07-19', 'USA', NULL, '19', 4, -10.0, 'ASSAULT', 11, 1, 1, 1);"
        "INSERT INTO deferred_indexes(name, sql) VALUES ('events_by_countries', 'CREATE INDEX events_by_countries"
        " ON events(source_country)');"
        "DROP INDEX events_by_countries")
                    .ok());
  }
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(*SchemaVersion(*db), kSchemaVersion);
  auto text = [&](const std::string& sql) {
    auto s = Stmt::Prepare(db->get(), sql);
    EXPECT_TRUE(s.ok()) << sql;
    if (!s.ok() || !*s->Step()) return std::string("<no row>");
    return std::string(s->Text(0));
  };
  EXPECT_EQ(text("SELECT group_concat(id || ':' || day || ':' || source_code || ':' || target_code || ':' || cameo_code"
                 " || ':' || date || ':' || coalesce(target_country, '-') || ':' || goldstein || ':' || plover_type ||"
                 " ':' || first_mention || ':' || num_mentions || ':' || num_sources || ':' || num_articles, ' ')"
                 " FROM (SELECT * FROM events ORDER BY id)"),
            "5:19191:RUSGOV:IRNGOV:036:2022-07-18:IRN:4.0:CONSULT:10:3:2:2 "
            "9:19192:MNCUSAAPL::190:2022-07-19:-:-10.0:ASSAULT:11:1:1:1");
  EXPECT_EQ(text("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = 'index'"
                 " AND tbl_name = 'events' ORDER BY name)"),
            "events_by_day events_by_source events_by_target");
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM deferred_indexes"), 0);
  EXPECT_EQ(text("SELECT group_concat(country || ':' || code, ' ') FROM (SELECT * FROM actor_countries ORDER BY 1, 2)"),
            "IRN:IRNGOV RUS:RUSGOV USA:MNCUSAAPL");
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM events_one_a_day"), 2);
}

TEST(Schema, DayNumberCountsFromTheEpoch) {
  EXPECT_EQ(DayNumber("1970-01-02"), 1);
  EXPECT_EQ(DayNumber("2022-07-18"), 19191);
  EXPECT_EQ(DayNumber("2000-03-01") - DayNumber("2000-02-28"), 2);  // 2000 is a leap year
  EXPECT_EQ(DayNumber("2022-07"), 0);
  EXPECT_EQ(DayNumber("2022-13-01"), 0);
  EXPECT_EQ(DayNumber("2022-02-29"), 0);
  EXPECT_EQ(DayNumber("2024-02-29") - DayNumber("2024-02-28"), 1);
  EXPECT_EQ(DayNumber(""), 0);
}

}  // namespace
}  // namespace dyad::store
