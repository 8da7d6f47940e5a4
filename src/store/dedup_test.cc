#include "store/dedup.h"

#include <gtest/gtest.h>

#include "store/schema.h"
#include "store/store_test_util.h"
#include "store/test_articles.h"
#include "store/writer.h"

namespace dyad::store {
namespace {

using testing::FreshStorePath;
using testing::MakeTestArticle;
using testing::TestArticle;

struct Counts {
  int64_t mentions = -1, sources = -1, articles = -1;
};

Counts EventCounts(const std::string& path, const std::string& where) {
  auto db = OpenStore(path, OpenMode::kReadOnly);
  EXPECT_TRUE(db.ok());
  auto s = Stmt::Prepare(db->get(), "SELECT num_mentions, num_sources, num_articles FROM events WHERE " + where);
  EXPECT_TRUE(s.ok());
  Counts c;
  auto row = s->Step();
  if (row.ok() && *row) c = {s->Int(0), s->Int(1), s->Int(2)};
  return c;
}

void WriteAll(const std::string& path, std::vector<TestArticle>& arts) {
  auto w = StoreWriter::Open(path);
  ASSERT_TRUE(w.ok());
  for (auto& a : arts) {  // one batch per article, as separate ingests would
    ArticleToStore b[] = {{&a.doc, &a.events}};
    ASSERT_TRUE((*w)->Write(b).ok());
  }
  ASSERT_TRUE((*w)->Close().ok());
}

TEST(SimHash, NearTextsAreCloseAndDifferentTextsFar) {
  std::string base =
      "Russian President Vladimir Putin arrived in Tehran on Tuesday for talks with the leaders of Iran and Turkey "
      "about the war in Syria, the grain corridor from Ukraine and the nuclear deal, officials in both capitals said.";
  std::string edited = base + " (Reporting by a wire desk)";
  std::string other =
      "The central bank raised interest rates by half a point on Wednesday, citing inflation that has stayed above "
      "its target for a year, and signalled further increases were likely before the end of the summer.";
  EXPECT_LE(HammingDistance(SimHash(base), SimHash(edited)), kNearDuplicateBits);
  EXPECT_GT(HammingDistance(SimHash(base), SimHash(other)), 12);
  EXPECT_EQ(SimHash("Word word WORD"), SimHash("word word word"));
}

TEST(Dedup, SameDaySourceTargetCodeIsOneEventCountedAsGdeltDoes) {
  std::string path = FreshStorePath("dedup.db");
  std::vector<TestArticle> arts;
  // a1 tells it twice, a2 (another publisher) once; a3 is the same day but another code.
  arts.push_back(MakeTestArticle("a1", "2022-07-19", {{"RUSGOV", "IRNGOV", "036"}, {"RUSGOV", "IRNGOV", "036"}}, "ap"));
  arts.push_back(MakeTestArticle("a2", "2022-07-19", {{"RUSGOV", "IRNGOV", "036"}}, "reuters", "Different intro. "));
  arts.push_back(MakeTestArticle("a3", "2022-07-19", {{"RUSGOV", "IRNGOV", "040"}}, "ap", "Another story. "));
  // Next day: another event.
  arts.push_back(MakeTestArticle("a4", "2022-07-20", {{"RUSGOV", "IRNGOV", "036"}}, "ap", "Day two. "));
  WriteAll(path, arts);
  Counts c = EventCounts(path, "day = 19192 AND cameo_code = '036'");
  EXPECT_EQ(c.mentions, 3);
  EXPECT_EQ(c.sources, 2);
  EXPECT_EQ(c.articles, 2);
  EXPECT_EQ(EventCounts(path, "cameo_code = '040'").mentions, 1);
  EXPECT_EQ(EventCounts(path, "day = 19193").mentions, 1);
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM events"), 3);
  // Every non-negated mention is linked to its event.
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM event_mentions WHERE event_key IS NULL"), 0);
  EXPECT_EQ(*db->QueryInt("SELECT sum(num_mentions) FROM events"), 5);
  // One-a-day view at root level: the 036 and 040 of day one share root 03/04? no: 03 and 04 differ.
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM events_one_a_day"), 3);
}

TEST(Dedup, NearDuplicateArticlesCountOnceInNumArticles) {
  std::string path = FreshStorePath("neardup.db");
  // A wire story of some length (news articles run to hundreds of words); the reprint adds a credit line.
  std::string story;
  const char* words[] = {"talks", "grain", "Syria", "sanctions", "drones", "Tehran", "Ankara", "Moscow", "oil", "gas"};
  for (int i = 0; i < 40; ++i)
    story += std::string("Paragraph ") + std::to_string(i) + " covers the " + words[i % 10] + " question and the " +
             words[(i * 7 + 3) % 10] + " file as officials said. ";
  std::vector<TestArticle> arts;
  arts.push_back(MakeTestArticle("wire", "2022-07-19", {{"RUSGOV", "IRNGOV", "036"}}, "ap", story));
  arts.push_back(MakeTestArticle("reprint", "2022-07-19", {{"RUSGOV", "IRNGOV", "036"}}, "localpaper", "By Staff Reporter. " + story));
  arts.push_back(MakeTestArticle("own", "2022-07-19", {{"RUSGOV", "IRNGOV", "036"}}, "guardian",
                                 "An entirely different report written by our own correspondent in the Iranian capital, "
                                 "with interviews of shopkeepers about prices, sanctions and the summit traffic. "));
  WriteAll(path, arts);
  Counts c = EventCounts(path, "cameo_code = '036'");
  EXPECT_EQ(c.mentions, 3);
  EXPECT_EQ(c.sources, 3);
  EXPECT_EQ(c.articles, 2);  // wire + reprint are one story
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM articles a JOIN articles w ON w.id = a.duplicate_of "
                          "WHERE a.doc_id = 'reprint' AND w.doc_id = 'wire'"), 1);
}

// The writer remembers who told an event; a new writer (a later ingest) learns it from the store, and a
// replaced article makes its events recount. Each step's counts must equal a recount from the mentions.
TEST(Dedup, CountsStayExactAcrossWritersAndReplacements) {
  std::string path = FreshStorePath("across.db");
  auto write = [&](TestArticle a, TestArticle b = TestArticle{}) {
    std::vector<TestArticle> arts;
    arts.push_back(std::move(a));
    if (!b.doc.meta().id.empty()) arts.push_back(std::move(b));
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    std::vector<ArticleToStore> batch;
    for (auto& a : arts) batch.push_back({&a.doc, &a.events});
    ASSERT_TRUE((*w)->Write(batch).ok());
    ASSERT_TRUE((*w)->Close().ok());
  };
  const testing::TestEvent told{"RUSGOV", "IRNGOV", "036"};
  write(MakeTestArticle("a1", "2022-07-19", {told, told}, "ap", "First. "));
  write(MakeTestArticle("a2", "2022-07-19", {told}, "ap", "Second story. "),
        MakeTestArticle("a3", "2022-07-19", {told}, "reuters", "Third story here. "));
  Counts c = EventCounts(path, "cameo_code = '036'");
  EXPECT_EQ(c.mentions, 4);
  EXPECT_EQ(c.sources, 2);
  EXPECT_EQ(c.articles, 3);
  // a3 no longer tells it (replaced), a4 from ap does, in the same batch.
  write(MakeTestArticle("a3", "2022-07-19", {{"RUSGOV", "IRNGOV", "040"}}, "reuters", "Third story here. "),
        MakeTestArticle("a4", "2022-07-19", {told}, "ap", "Fourth report. "));
  c = EventCounts(path, "cameo_code = '036'");
  EXPECT_EQ(c.mentions, 4);
  EXPECT_EQ(c.sources, 1);
  EXPECT_EQ(c.articles, 3);
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM events e WHERE num_mentions <> (SELECT count(*) FROM event_mentions m"
                          " WHERE m.event_key = e.id) OR num_sources <> (SELECT count(DISTINCT source) FROM"
                          " event_mentions m WHERE m.event_key = e.id) OR num_articles <> (SELECT count(DISTINCT"
                          " cluster) FROM event_mentions m WHERE m.event_key = e.id)"),
            0);
}

// Two writers open on one store take turns (SQLite serialises their batches). Each must see what the
// other committed: the first writer's memory of an empty store is no longer the whole store.
TEST(Dedup, WritersTakingTurnsOnOneStoreShareEvents) {
  std::string path = FreshStorePath("turns.db");
  auto first = StoreWriter::Open(path);
  auto second = StoreWriter::Open(path);
  ASSERT_TRUE(first.ok() && second.ok());
  const testing::TestEvent told{"RUSGOV", "IRNGOV", "036"};
  auto write = [](StoreWriter& w, TestArticle a) {
    ArticleToStore b[] = {{&a.doc, &a.events}};
    return w.Write(b);
  };
  ASSERT_TRUE(write(**second, MakeTestArticle("b1", "2022-07-19", {told}, "reuters", "Second writer. ")).ok());
  ASSERT_TRUE(write(**first, MakeTestArticle("a1", "2022-07-19", {told}, "ap", "First writer. ")).ok());
  ASSERT_TRUE(write(**second, MakeTestArticle("b2", "2022-07-19", {told}, "afp", "Second writer again. ")).ok());
  ASSERT_TRUE((*first)->Close().ok());
  ASSERT_TRUE((*second)->Close().ok());
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM events"), 1);
  Counts c = EventCounts(path, "cameo_code = '036'");
  EXPECT_EQ(c.mentions, 3);
  EXPECT_EQ(c.sources, 3);
  EXPECT_EQ(c.articles, 3);
}

TEST(Dedup, EventsWithoutTargetDeduplicateToo) {
  std::string path = FreshStorePath("notarget.db");
  std::vector<TestArticle> arts;
  arts.push_back(MakeTestArticle("a1", "2022-07-19", {{"RUSGOV", "", "010"}}, "ap"));
  arts.push_back(MakeTestArticle("a2", "2022-07-19", {{"RUSGOV", "", "010"}}, "bbc", "Other words. "));
  WriteAll(path, arts);
  Counts c = EventCounts(path, "target_code = '' AND cameo_code = '010'");
  EXPECT_EQ(c.mentions, 2);
  EXPECT_EQ(c.sources, 2);
}

TEST(Dedup, NegatedMentionsBelongToNoEvent) {
  std::string path = FreshStorePath("negated.db");
  std::vector<TestArticle> arts;
  testing::TestEvent neg{"RUSGOV", "IRNGOV", "036", "", true};
  arts.push_back(MakeTestArticle("a1", "2022-07-19", {neg, {"RUSGOV", "IRNGOV", "036"}}));
  WriteAll(path, arts);
  EXPECT_EQ(EventCounts(path, "cameo_code = '036'").mentions, 1);
}

// "Russia could meet Iran": stored (when kept) but, like a negated mention, not an event.
TEST(Dedup, HypotheticalMentionsBelongToNoEvent) {
  std::string path = FreshStorePath("hypothetical.db");
  std::vector<TestArticle> arts;
  arts.push_back(MakeTestArticle("a1", "2022-07-19", {{"RUSGOV", "IRNGOV", "036"}, {"RUSGOV", "IRNGOV", "036"}}));
  arts[0].events[0].modality = Modality::kHypothetical;
  WriteAll(path, arts);
  EXPECT_EQ(EventCounts(path, "cameo_code = '036'").mentions, 1);
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM event_mentions WHERE event_key IS NULL AND modality = 2"), 1);
}

TEST(Dedup, EventDateComesFromTheRecordOrTheArticle) {
  std::string path = FreshStorePath("dates.db");
  std::vector<TestArticle> arts;
  testing::TestEvent dated{"RUSGOV", "IRNGOV", "036", "2022-07-01"};
  testing::TestEvent month_only{"RUSGOV", "IRNGOV", "040", "2022-07"};
  arts.push_back(MakeTestArticle("a1", "2022-07-19", {dated, month_only}));
  WriteAll(path, arts);
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*db->QueryInt("SELECT day FROM events WHERE cameo_code = '036'"), DayNumber("2022-07-01"));
  EXPECT_EQ(*db->QueryInt("SELECT day FROM events WHERE cameo_code = '040'"), DayNumber("2022-07-19"));
}

}  // namespace
}  // namespace dyad::store
