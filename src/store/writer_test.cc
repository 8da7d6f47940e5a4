#include "store/writer.h"

#include <gtest/gtest.h>

#include "store/schema.h"
#include "store/store_test_util.h"
#include "store/test_articles.h"

namespace dyad::store {
namespace {

using testing::FreshStorePath;
using testing::MakeTestArticle;

int64_t Count(const std::string& path, const std::string& sql) {
  auto db = OpenStore(path, OpenMode::kReadOnly);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  auto n = db->QueryInt(sql);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return n.ok() ? *n : -1;
}

TEST(StoreWriter, WritesEveryLayerWithCharacterOffsets) {
  std::string path = FreshStorePath("layers.db");
  auto a = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}, {"TURGOV", "SYRREB", "190"}});
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    ArticleToStore batch[] = {{&a.doc, &a.events}};
    ASSERT_TRUE((*w)->Write(batch).ok());
    EXPECT_EQ((*w)->counts().event_mentions, 2u);
    ASSERT_TRUE((*w)->Close().ok());
  }
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM sentences"), 2);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM mentions"), 4);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM actors"), 4);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM event_mentions"), 2);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events"), 2);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM quotes WHERE text = 'today' AND speaker_code = 'RUSGOV'"), 1);
  // The second sentence starts after the first one's curly quotes: character offsets, so substr()
  // (which counts characters) gives the sentence and the actor.
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  auto s = Stmt::Prepare(db->get(),
                         "SELECT substr(a.text, s.begin + 1, s.end - s.begin), substr(a.text, m.source_begin + 1,"
                         " m.source_end - m.source_begin) FROM sentences s JOIN articles a ON a.id = s.article_id"
                         " JOIN event_mentions m ON m.article_id = a.id AND m.sentence = s.idx WHERE s.idx = 1");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(*s->Step());
  EXPECT_EQ(s->Text(0), "TURGOV met SYRREB \xE2\x80\x9Ctoday\xE2\x80\x9D");
  EXPECT_EQ(s->Text(1), "TURGOV");
}

TEST(StoreWriter, ReingestingAnArticleReplacesIt) {
  std::string path = FreshStorePath("replace.db");
  auto v1 = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}, {"RUSGOV", "IRNGOV", "040"}});
  auto v2 = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "TURGOV", "036"}});
  auto w = StoreWriter::Open(path);
  ASSERT_TRUE(w.ok());
  ArticleToStore b1[] = {{&v1.doc, &v1.events}};
  ASSERT_TRUE((*w)->Write(b1).ok());
  ArticleToStore b2[] = {{&v2.doc, &v2.events}};
  ASSERT_TRUE((*w)->Write(b2).ok());
  ASSERT_TRUE((*w)->Write(b2).ok());  // twice: still one copy
  EXPECT_EQ((*w)->counts().replaced, 2u);
  ASSERT_TRUE((*w)->Close().ok());
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM event_mentions"), 1);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM sentences"), 1);
  // The events only the old version fed are gone; the remaining one counts one mention.
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events"), 1);
  EXPECT_EQ(Count(path, "SELECT num_mentions FROM events WHERE target_code = 'TURGOV'"), 1);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'IRNGOV'"), 0);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'TURGOV'"), 1);
}

TEST(StoreWriter, AnArticleRepeatedInOneBatchIsStoredAndIndexedOnce) {
  std::string path = FreshStorePath("repeat.db");
  auto v1 = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}});
  auto v2 = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "TURGOV", "036"}});
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ArticleToStore batch[] = {{&v1.doc, &v1.events}, {&v2.doc, &v2.events}};
    ASSERT_TRUE((*w)->Write(batch).ok());
    ASSERT_TRUE((*w)->Close().ok());
  }
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events"), 1);  // the last one wins
  EXPECT_EQ(Count(path, "SELECT num_mentions FROM events WHERE target_code = 'TURGOV'"), 1);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'TURGOV'"), 1);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'IRNGOV'"), 0);
  auto db = OpenStore(path, OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok());
  EXPECT_TRUE(db->Exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").ok());
}

TEST(StoreWriter, HasIdenticalSeesOnlyTheSameRecord) {
  std::string path = FreshStorePath("identical.db");
  auto a = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}});
  auto changed = MakeTestArticle("a1", "2022-07-19", {{"RUSGOV", "IRNGOV", "036"}});
  auto w = StoreWriter::Open(path);
  ASSERT_TRUE(w.ok());
  EXPECT_FALSE(*(*w)->HasIdentical(a.doc));
  ArticleToStore b[] = {{&a.doc, &a.events}};
  ASSERT_TRUE((*w)->Write(b).ok());
  EXPECT_TRUE(*(*w)->HasIdentical(a.doc));
  EXPECT_FALSE(*(*w)->HasIdentical(changed.doc));
}

TEST(StoreWriter, FullDatabaseRollsBackTheBatchAndKeepsEarlierOnes) {
  std::string path = FreshStorePath("full.db");
  auto w = StoreWriter::Open(path);
  ASSERT_TRUE(w.ok());
  auto first = MakeTestArticle("first", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}});
  ArticleToStore b1[] = {{&first.doc, &first.events}};
  ASSERT_TRUE((*w)->Write(b1).ok());
  // Cap the file near its current size: the next batch cannot fit, as on a full disk.
  ASSERT_TRUE((*w)->LimitGrowthForTesting(2).ok());
  std::vector<testing::TestArticle> big;
  std::vector<ArticleToStore> batch;
  for (int i = 0; i < 200; ++i)
    big.push_back(MakeTestArticle("big" + std::to_string(i), "2022-07-19", {{"USAGOV", "CHNGOV", "042"}}, "wire",
                                  std::string(4000, 'x') + std::to_string(i) + " "));
  for (auto& a : big) batch.push_back({&a.doc, &a.events});
  Status st = (*w)->Write(batch);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_NE(st.message().find("full"), std::string::npos) << st.message();
  // The writer is still usable for what fits.
  auto small = MakeTestArticle("small", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}});
  ArticleToStore b2[] = {{&small.doc, &small.events}};
  EXPECT_TRUE((*w)->Write(b2).ok());
  ASSERT_TRUE((*w)->Close().ok());
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events"), 1);
  EXPECT_EQ(Count(path, "SELECT num_mentions FROM events"), 2);
}

TEST(StoreWriter, ArticleWithoutIdIsRefusedAndRolledBack) {
  std::string path = FreshStorePath("noid.db");
  auto ok = MakeTestArticle("ok", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}});
  auto noid = MakeTestArticle("", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}});
  auto w = StoreWriter::Open(path);
  ASSERT_TRUE(w.ok());
  ArticleToStore batch[] = {{&ok.doc, &ok.events}, {&noid.doc, &noid.events}};
  Status st = (*w)->Write(batch);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE((*w)->Close().ok());
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles"), 0);
}

int64_t QueryIndexes(const std::string& path) {
  return Count(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('events_by_day',"
                     " 'events_by_source', 'events_by_target')");
}

// A bulk load drops the query indexes while it writes and builds them when it closes; the query a
// series runs uses them again afterwards.
TEST(StoreWriter, BulkLoadBuildsTheQueryIndexesWhenItCloses) {
  std::string path = FreshStorePath("bulk.db");
  auto a = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}, {"TURGOV", "SYRREB", "190"}});
  auto w = StoreWriter::Open(path, {.indexes = IndexMode::kBulk});
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_TRUE((*w)->defers_indexes());
  ArticleToStore batch[] = {{&a.doc, &a.events}};
  ASSERT_TRUE((*w)->Write(batch).ok());
  EXPECT_EQ(QueryIndexes(path), 0);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM deferred_indexes"), 3);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events WHERE target_country = 'IRN'"), 1);  // correct, only slower
  ASSERT_TRUE((*w)->Close().ok());
  EXPECT_EQ(QueryIndexes(path), 3);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM deferred_indexes"), 0);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events WHERE target_country = 'IRN'"), 1);
}

// kAuto defers on a store without events (a first load) and keeps the indexes on a store with some.
TEST(StoreWriter, AutoIndexModeDefersOnlyForAStoreWithoutEvents) {
  std::string path = FreshStorePath("auto.db");
  auto a = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}});
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    EXPECT_TRUE((*w)->defers_indexes());
    ArticleToStore batch[] = {{&a.doc, &a.events}};
    ASSERT_TRUE((*w)->Write(batch).ok());
    ASSERT_TRUE((*w)->Close().ok());
  }
  auto w = StoreWriter::Open(path);
  ASSERT_TRUE(w.ok());
  EXPECT_FALSE((*w)->defers_indexes());
  EXPECT_EQ(QueryIndexes(path), 3);
}

// A bulk load that never closed (killed) leaves its indexes deferred; the next writer that keeps
// indexes builds them before it writes.
TEST(StoreWriter, IndexesLeftDeferredByAKilledLoadAreBuiltByTheNextWriter) {
  std::string path = FreshStorePath("killed-bulk.db");
  auto a = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}});
  {
    auto w = StoreWriter::Open(path, {.indexes = IndexMode::kIncremental});
    ASSERT_TRUE(w.ok());
    ArticleToStore batch[] = {{&a.doc, &a.events}};
    ASSERT_TRUE((*w)->Write(batch).ok());
    ASSERT_TRUE((*w)->Close().ok());
  }
  {
    auto db = OpenStore(path, OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(DeferQueryIndexes(*db, true).ok());  // what a bulk writer does when it opens; then it dies
    ASSERT_TRUE(DeferQueryIndexes(*db, true).ok());  // and a second bulk open finds nothing more to drop
  }
  EXPECT_EQ(QueryIndexes(path), 0);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM deferred_indexes"), 3);
  auto w = StoreWriter::Open(path, {.indexes = IndexMode::kIncremental});
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(QueryIndexes(path), 3);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM deferred_indexes"), 0);
}

int64_t KeyIndexes(const std::string& path) {
  return Count(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'events_by_source'");
}

// A bulk load into a store that has events keeps the key index: the writer probes it for events it
// has not seen, and an event told again is counted once.
TEST(StoreWriter, BulkLoadIntoAStoreWithEventsKeepsTheKeyIndex) {
  std::string path = FreshStorePath("bulk-more.db");
  auto a = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}});
  auto b = MakeTestArticle("b1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}, {"TURGOV", "SYRREB", "190"}});
  {
    auto w = StoreWriter::Open(path, {.indexes = IndexMode::kIncremental});
    ASSERT_TRUE(w.ok());
    ArticleToStore batch[] = {{&a.doc, &a.events}};
    ASSERT_TRUE((*w)->Write(batch).ok());
    ASSERT_TRUE((*w)->Close().ok());
  }
  auto w = StoreWriter::Open(path, {.indexes = IndexMode::kBulk});
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(KeyIndexes(path), 1);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM deferred_indexes"), 2);
  ArticleToStore batch[] = {{&b.doc, &b.events}};
  ASSERT_TRUE((*w)->Write(batch).ok());
  ASSERT_TRUE((*w)->Close().ok());
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events"), 2);
  EXPECT_EQ(Count(path, "SELECT num_mentions FROM events WHERE cameo_code = '036'"), 2);
  EXPECT_EQ(QueryIndexes(path), 3);
}

// A first load leaves even the key index out while its memory knows every event. A replaced article
// that takes events away makes it forget them: the next batch builds the key index before it looks
// an event up, and the counts stay right.
TEST(StoreWriter, BulkLoadBuildsTheKeyIndexWhenItsMemoryStopsKnowingEveryEvent) {
  std::string path = FreshStorePath("bulk-forget.db");
  auto a = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}, {"TURGOV", "SYRREB", "190"}});
  auto a2 = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}});  // a1 again, one event fewer
  auto b = MakeTestArticle("b1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}, {"TURGOV", "SYRREB", "190"}});
  auto w = StoreWriter::Open(path, {.indexes = IndexMode::kBulk});
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(KeyIndexes(path), 0);
  ArticleToStore first[] = {{&a.doc, &a.events}};
  ASSERT_TRUE((*w)->Write(first).ok());
  EXPECT_EQ(KeyIndexes(path), 0);
  ArticleToStore replace[] = {{&a2.doc, &a2.events}};
  ASSERT_TRUE((*w)->Write(replace).ok());
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events"), 1);  // the 190 lost its only mention
  ArticleToStore more[] = {{&b.doc, &b.events}};
  ASSERT_TRUE((*w)->Write(more).ok());
  EXPECT_EQ(KeyIndexes(path), 1);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM deferred_indexes"), 2);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events"), 2);
  EXPECT_EQ(Count(path, "SELECT num_mentions FROM events WHERE cameo_code = '036'"), 2);
  EXPECT_EQ(Count(path, "SELECT num_mentions FROM events WHERE cameo_code = '190'"), 1);
  ASSERT_TRUE((*w)->Close().ok());
  EXPECT_EQ(QueryIndexes(path), 3);
}

// Country filters read actor_countries: every (country, code) pair of the stored events, including
// codes that do not start with their country (a company: MNCUSAAPL is American).
TEST(StoreWriter, ActorCountriesHoldEveryCountryAndCodeOfTheEvents) {
  std::string path = FreshStorePath("countries.db");
  auto a = MakeTestArticle("a1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}, {"MNCUSAAPL", "RUSGOV", "190"}});
  auto w = StoreWriter::Open(path);
  ASSERT_TRUE(w.ok());
  ArticleToStore batch[] = {{&a.doc, &a.events}};
  ASSERT_TRUE((*w)->Write(batch).ok());
  ASSERT_TRUE((*w)->Close().ok());
  EXPECT_EQ(Count(path, "SELECT count(*) FROM actor_countries"), 3);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM actor_countries WHERE country = 'USA' AND code = 'MNCUSAAPL'"), 1);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM actor_countries WHERE country = 'RUS' AND code = 'RUSGOV'"), 1);
}

}  // namespace
}  // namespace dyad::store
