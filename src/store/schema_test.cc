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
