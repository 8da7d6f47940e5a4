#include "store/query.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/records.h"
#include "store/schema.h"
#include "store/store_test_util.h"
#include "store/test_articles.h"
#include "store/writer.h"

namespace dyad::store {
namespace {

using testing::FreshStorePath;
using testing::MakeTestArticle;

class QueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(FreshStorePath("query.db"));
    std::vector<testing::TestArticle> arts;
    // Week of 2022-07-18 (a Monday): RUS->UKR 190 twice (two days), RUS->IRN 036.
    arts.push_back(MakeTestArticle("m1", "2022-07-18", {{"RUSMIL", "UKRMIL", "190"}, {"RUSGOV", "IRNGOV", "036"}}, "ap"));
    arts.push_back(MakeTestArticle("m2", "2022-07-20", {{"RUSMIL", "UKRMIL", "190"}}, "reuters", "Second. "));
    // Next week (Sunday 2022-07-31 still belongs to the week of 07-25), and August.
    arts.push_back(MakeTestArticle("m3", "2022-07-31", {{"RUSMIL", "UKRCVL", "180"}, {"UKRGOV", "RUSGOV", "111"}}, "ap", "Third. "));
    arts.push_back(MakeTestArticle("m4", "2022-08-02", {{"USAGOV", "CHNGOV", "042"}}, "ap", "Fourth. "));
    auto w = StoreWriter::Open(*path_);
    ASSERT_TRUE(w.ok());
    std::vector<ArticleToStore> batch;
    for (auto& a : arts) batch.push_back({&a.doc, &a.events});
    ASSERT_TRUE((*w)->Write(batch).ok());
    ASSERT_TRUE((*w)->Close().ok());
  }
  void SetUp() override {
    auto db = OpenStore(*path_, OpenMode::kReadOnly);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }
  static std::string* path_;
  Db db_;
};
std::string* QueryTest::path_ = nullptr;

std::string Csv(const Table& t) {
  std::string out;
  FormatTable(t, TableFormat::kCsv, out);
  return out;
}

TEST_F(QueryTest, WeeklyDyadSeriesByCountry) {
  EventFilter f;
  f.source = "RUS";
  f.target = "UKR";
  auto t = QuerySeries(db_, f, Bucket::kWeek);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(Csv(*t),
            "period,events,mentions,goldstein_sum,goldstein_mean,quad1,quad2,quad3,quad4\n"
            "2022-07-18,2,2,-10,-5,0,0,0,2\n"
            "2022-07-25,1,1,-5,-5,0,0,0,1\n");
}

TEST_F(QueryTest, MonthlySeriesAndCodePrefix) {
  EventFilter f;
  f.actor = "RUS";
  auto t = QuerySeries(db_, f, Bucket::kMonth);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(t->rows[0][0]), "2022-07");  // the month of the day number
  EXPECT_EQ(std::get<int64_t>(t->rows[0][1]), 5);
  f.code = "1";  // roots 10-19
  t = QuerySeries(db_, f, Bucket::kDay);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows.size(), 3u);  // 07-18, 07-20, 07-31
}

TEST_F(QueryTest, ActorCodePrefixAndDateRange) {
  EventFilter f;
  f.source = "RUSMIL";
  f.from = "2022-07-19";
  f.to = "2022-07-31";
  auto t = QueryEvents(db_, f, 10);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(t->rows[0][1]), "2022-07-31");  // newest first
  EXPECT_EQ(std::get<std::string>(t->rows[0][12]), "RUSMIL met UKRCVL \xE2\x80\x9Ctoday\xE2\x80\x9D");
}

TEST_F(QueryTest, TopActorsAndDyads) {
  auto t = QueryTopActors(db_, EventFilter{}, "any", 2);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(t->rows[0][0]), "RUSMIL");
  EXPECT_EQ(std::get<int64_t>(t->rows[0][1]), 3);
  auto d = QueryTopDyads(db_, EventFilter{}, 1);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(std::get<std::string>(d->rows[0][1]), "UKRMIL");
}

TEST_F(QueryTest, PlaceQuotesAndArticleSearch) {
  EventFilter f;
  f.place = "tehran";
  auto t = QueryEvents(db_, f, 100);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows.size(), 6u);
  f.place = "Paris";
  EXPECT_EQ(QueryEvents(db_, f, 100)->rows.size(), 0u);
  auto q = QueryQuotes(db_, "USAGOV", "", "", 10);
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(q->rows[0][6]), "today");
  auto a = QueryArticles(db_, "Fourth", 10);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(a->rows[0][0]), "m4");
}

TEST_F(QueryTest, BadArgumentsAreClearErrors) {
  EventFilter f;
  f.from = "2022-13-01";
  EXPECT_EQ(QuerySeries(db_, f, Bucket::kWeek).status().code(), StatusCode::kInvalidArgument);
  f = {};
  f.code = "abc";
  EXPECT_NE(QueryEvents(db_, f, 10).status().message().find("--code"), std::string::npos);
  f = {};
  f.source = "RUS'; DROP TABLE events; --";
  EXPECT_EQ(QueryEvents(db_, f, 10).status().code(), StatusCode::kInvalidArgument);
  f = {};
  f.from = "2022-08-01";
  f.to = "2022-07-01";
  EXPECT_EQ(QueryEvents(db_, f, 10).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(QueryTopActors(db_, {}, "sideways", 10).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(QueryArticles(db_, "\"unbalanced", 10).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(QueryTest, SqlIsReadOnly) {
  auto ok = RunReadOnlySql(db_, "SELECT count(*) AS n FROM events", 0);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(std::get<int64_t>(ok->rows[0][0]), 6);
  for (const char* bad : {"DELETE FROM events", "DROP TABLE events", "INSERT INTO actors(code) VALUES ('X')",
                          "UPDATE events SET goldstein = 0", "PRAGMA user_version = 9", "ATTACH '/tmp/x.db' AS x",
                          "CREATE TABLE t(x)", "SELECT 1; DELETE FROM events"}) {
    auto r = RunReadOnlySql(db_, bad, 0);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_EQ(std::get<int64_t>(RunReadOnlySql(db_, "SELECT count(*) FROM events", 0)->rows[0][0]), 6);
  EXPECT_EQ(RunReadOnlySql(db_, "SELEC nonsense", 0).status().code(), StatusCode::kInvalidArgument);
}

// A country is the events' own country column, also where the code does not start with it (a
// multinational: MNCUSAAPL is American); one side, either side, and mixed with a code.
TEST(QueryCountries, CountryFiltersFindEveryCodeOfTheCountry) {
  std::string path = FreshStorePath("query-countries.db");
  auto a = MakeTestArticle("c1", "2022-08-01", {{"MNCUSAAPL", "CHNGOV", "042"}, {"USAGOV", "CHNGOV", "042"},
                                                {"CHNGOV", "MNCUSAAPL", "111"}, {"CHNGOV", "RUSGOV", "036"}});
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ArticleToStore batch[] = {{&a.doc, &a.events}};
    ASSERT_TRUE((*w)->Write(batch).ok());
    ASSERT_TRUE((*w)->Close().ok());
  }
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  auto filter = [](const std::string& source, const std::string& target, const std::string& country = "") {
    EventFilter f;
    f.source = source;
    f.target = target;
    f.country = country;
    return f;
  };
  auto count = [&](const EventFilter& f) -> int64_t {
    auto t = QueryEvents(*db, f, 100);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? static_cast<int64_t>(t->rows.size()) : -1;
  };
  EXPECT_EQ(count(filter("USA", "")), 2);
  EXPECT_EQ(count(filter("", "USA")), 1);
  EXPECT_EQ(count(filter("", "", "USA")), 3);
  EXPECT_EQ(count(filter("USA", "CHN")), 2);
  EXPECT_EQ(count(filter("USAGOV", "CHN")), 1);
  EXPECT_EQ(count(filter("CHN", "MNCUSA")), 1);
  EXPECT_EQ(count(filter("CHN", "USA")), 1);
  EXPECT_EQ(count(filter("RUS", "")), 0);
  auto series = QuerySeries(*db, filter("USA", "CHN"), Bucket::kDay);
  ASSERT_TRUE(series.ok());
  ASSERT_EQ(series->rows.size(), 1u);
  EXPECT_EQ(std::get<int64_t>(series->rows[0][1]), 2);
}

TEST_F(QueryTest, ExportReaderGivesRecordsBack) {
  EventFilter f;
  f.source = "RUSMIL";
  auto reader = EventRecordReader::Open(db_, EventRecordReader::Unit::kEvents, f);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  events::EventRecord r;
  StoredEventInfo info;
  int n = 0;
  while (true) {
    auto more = reader->Next(&r, &info);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    ++n;
    EXPECT_EQ(r.source.code, "RUSMIL");
    EXPECT_TRUE(r.has_target);
    EXPECT_EQ(r.trigger_text, "met");
    EXPECT_EQ(r.plover_contexts, std::vector<std::string>{"diplomatic"});
    EXPECT_TRUE(r.location.has_coordinates);
    EXPECT_EQ(r.sentence_text.substr(0, 10), "RUSMIL met");
    EXPECT_GT(info.event_key, 0);
  }
  EXPECT_EQ(n, 3);
  auto all = EventRecordReader::Open(db_, EventRecordReader::Unit::kMentions, EventFilter{});
  ASSERT_TRUE(all.ok());
  n = 0;
  while (*all->Next(&r, &info)) ++n;
  EXPECT_EQ(n, 6);
}

TEST(FormatTable, JsonCsvAndTable) {
  Table t{{"name", "n", "x"}, {{std::string("a,\"b\""), int64_t{3}, std::monostate{}}, {std::string("c"), 2.5, 1.0}}};
  std::string csv, json, table;
  FormatTable(t, TableFormat::kCsv, csv);
  EXPECT_EQ(csv, "name,n,x\n\"a,\"\"b\"\"\",3,\nc,2.5,1\n");
  FormatTable(t, TableFormat::kJson, json);
  auto j = nlohmann::json::parse(json);
  EXPECT_EQ(j[0]["n"], 3);
  EXPECT_TRUE(j[0]["x"].is_null());
  EXPECT_EQ(j[1]["n"], 2.5);
  FormatTable(t, TableFormat::kTable, table);
  EXPECT_EQ(table.substr(0, table.find('\n')), "name   n    x");
}

}  // namespace
}  // namespace dyad::store
