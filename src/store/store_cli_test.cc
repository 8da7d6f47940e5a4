// Runs the built dyad binary against stores and checks what users see: exit codes, clear messages,
// untouched files after refused operations, and export round trips (GDELT column count and types on
// every row, PLOVER JSON that parses with the required fields, CSV with a header).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "store/schema.h"
#include "store/store_test_util.h"
#include "store/test_articles.h"
#include "store/writer.h"

namespace dyad::store {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

RunResult RunDyad(const std::string& args) {
  std::string dir = fs::temp_directory_path() / ("dyad_store_cli_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string out = dir + "/out", err = dir + "/err";
  std::string cmd = std::string(DYAD_BIN) + " " + args + " >" + out + " 2>" + err;
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream o(out), e(err);
  std::stringstream so, se;
  so << o.rdbuf();
  se << e.rdbuf();
  r.out = so.str();
  r.err = se.str();
  return r;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::stringstream ss(s);
  for (std::string l; std::getline(ss, l);) lines.push_back(l);
  return lines;
}

class StoreCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(testing::FreshStorePath("cli.db"));
    std::vector<testing::TestArticle> arts;
    arts.push_back(testing::MakeTestArticle("m1", "2022-07-18", {{"RUSMIL", "UKRMIL", "190"}, {"RUSGOV", "IRNGOV", "036"}}, "ap"));
    arts.push_back(testing::MakeTestArticle("m2", "2022-07-18", {{"RUSMIL", "UKRMIL", "190"}, {"USAGOV", "", "010"}}, "bbc", "Two. "));
    arts.push_back(testing::MakeTestArticle("m3", "2022-08-01", {{"TURGOV", "SYRREB", "042"}}, "ap", "Three, \"quoted\"\tand tabbed. "));
    auto w = StoreWriter::Open(*path_);
    ASSERT_TRUE(w.ok());
    std::vector<ArticleToStore> batch;
    for (auto& a : arts) batch.push_back({&a.doc, &a.events});
    ASSERT_TRUE((*w)->Write(batch).ok());
    ASSERT_TRUE((*w)->Close().ok());
  }
  static std::string* path_;
  std::string Db() const { return " --db " + *path_; }
};
std::string* StoreCli::path_ = nullptr;

TEST_F(StoreCli, GdeltExportHas61TypedColumnsOnEveryRow) {
  auto r = RunDyad("export --format gdelt" + Db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 4u);  // 5 mentions, the two RUSMIL->UKRMIL 190 of 2022-07-18 are one event
  for (const auto& line : lines) {
    std::vector<std::string> c;
    std::string cur;
    for (char ch : line) {
      if (ch == '\t') {
        c.push_back(cur);
        cur.clear();
      } else {
        cur += ch;
      }
    }
    c.push_back(cur);
    ASSERT_EQ(c.size(), 61u) << line;
    auto is_int = [](const std::string& s) { return !s.empty() && s.find_first_not_of("-0123456789") == std::string::npos; };
    EXPECT_TRUE(is_int(c[0])) << c[0];                    // GLOBALEVENTID
    EXPECT_EQ(c[1].size(), 8u);                            // SQLDATE
    EXPECT_TRUE(is_int(c[1]) && is_int(c[2]) && is_int(c[3]));
    EXPECT_NE(c[4].find('.'), std::string::npos);          // FractionDate
    EXPECT_TRUE(c[26].size() >= 2 && c[26].size() <= 4);  // EventCode
    EXPECT_EQ(c[28], c[26].substr(0, 2));                  // EventRootCode
    EXPECT_TRUE(is_int(c[29]) && std::stoi(c[29]) >= 1 && std::stoi(c[29]) <= 4);  // QuadClass
    EXPECT_NO_THROW(std::stod(c[30]));                     // GoldsteinScale
    EXPECT_TRUE(is_int(c[31]) && is_int(c[32]) && is_int(c[33]));
    EXPECT_EQ(c[59].size(), 14u);                          // DATEADDED
    if (c[26] == "190") {
      EXPECT_EQ(c[31], "2");  // NumMentions
      EXPECT_EQ(c[32], "2");  // NumSources: ap, bbc
      EXPECT_EQ(c[33], "2");  // NumArticles
    }
  }
  auto m = RunDyad("export --format gdelt-mentions" + Db());
  ASSERT_EQ(m.exit_code, 0) << m.err;
  ASSERT_EQ(Lines(m.out).size(), 5u);
  for (const auto& line : Lines(m.out)) EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 15) << line;
}

TEST_F(StoreCli, PloverExportParsesWithRequiredFields) {
  auto r = RunDyad("export --format plover" + Db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = Lines(r.out);
  ASSERT_FALSE(lines.empty());
  for (const auto& line : lines) {
    auto j = nlohmann::json::parse(line);
    for (const char* field : {"id", "date", "actor", "event"}) EXPECT_TRUE(j.contains(field)) << field << " in " << line;
    EXPECT_EQ(j["date"].get<std::string>().size(), 10u);
    EXPECT_FALSE(j["actor"].empty());
    EXPECT_EQ(j["event"].size(), 1u);
  }
  auto csv = RunDyad("export --format csv" + Db());
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.out.substr(0, 14), "doc_id,event_i");
  auto jsonl = RunDyad("export --format jsonl --mentions" + Db());
  ASSERT_EQ(jsonl.exit_code, 0);
  EXPECT_EQ(Lines(jsonl.out).size(), 5u);
  for (const auto& line : Lines(jsonl.out)) EXPECT_NO_THROW(nlohmann::json::parse(line));
}

TEST_F(StoreCli, QueryFormats) {
  auto r = RunDyad("query series --dyad RUS:UKR --bucket day --format json" + Db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["period"], "2022-07-18");
  EXPECT_EQ(j[0]["events"], 1);
  EXPECT_EQ(j[0]["mentions"], 2);
  r = RunDyad("query top-dyads --format csv" + Db());
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(Lines(r.out)[1], "RUSMIL,UKRMIL,1,2,-5");
}

TEST_F(StoreCli, BadArgumentsAreUsageErrors) {
  for (const char* bad : {"query", "query sideways", "query series --bucket year", "query events --limit 0",
                          "query events --from 2022-02-30", "query events --code 0x", "query events --dyad RUS",
                          "query quotes --code 19", "query series --format xml", "export --format gdelt2",
                          "export", "sql", "query events --nonsense 1"}) {
    auto r = RunDyad(std::string(bad) + Db());
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    EXPECT_FALSE(r.err.empty()) << bad;
  }
}

TEST_F(StoreCli, SqlRefusesWritesAndLeavesTheStoreAlone) {
  auto before = fs::file_size(*path_);
  for (const char* sql : {"DELETE FROM events", "DROP TABLE articles", "UPDATE events SET goldstein = 0",
                          "INSERT INTO actors(code) VALUES ('X')", "PRAGMA user_version = 99"}) {
    auto r = RunDyad(std::string("sql \"") + sql + "\"" + Db());
    EXPECT_EQ(r.exit_code, 2) << sql;
    EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
  }
  EXPECT_EQ(fs::file_size(*path_), before);
  auto r = RunDyad("sql \"SELECT count(*) AS n FROM events\" --format csv" + Db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "n\n4\n");
}

TEST(StoreCliFaults, ForeignMissingAndUnwritableStores) {
  std::string foreign = testing::FreshStorePath("foreign.txt");
  std::ofstream(foreign) << "not a database\n";
  for (const char* cmd : {"query events", "export --format csv", "sql \"SELECT 1\"", "ingest -"}) {
    auto r = RunDyad(std::string(cmd) + " --db " + foreign + " </dev/null");
    EXPECT_EQ(r.exit_code, 6) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("not a dyad store"), std::string::npos) << r.err;
  }
  EXPECT_EQ(fs::file_size(foreign), 15u);
  auto missing = RunDyad("query events --db " + testing::FreshStorePath("missing.db"));
  EXPECT_EQ(missing.exit_code, 3) << missing.err;
  // A folder nobody may create files in (even root: /proc).
  auto unwritable = RunDyad("ingest --db /proc/dyad-store-test.db - </dev/null");
  EXPECT_EQ(unwritable.exit_code, 8) << unwritable.err;
  EXPECT_FALSE(unwritable.err.empty());
  if (::geteuid() != 0) {
    std::string dir = testing::FreshStorePath("ro_dir");
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    auto ro = RunDyad("ingest --db " + dir + "/x.db - </dev/null");
    EXPECT_EQ(ro.exit_code, 8) << ro.err;
    fs::permissions(dir, fs::perms::owner_all);
  }
}

TEST(StoreCliFaults, IngestStoresAndARerunSkipsWhatIsStored) {
  std::string db = testing::FreshStorePath("ingest.db");
  std::string input = testing::FreshStorePath("in.jsonl");
  std::ofstream(input) << "{\"id\":\"a\",\"date\":\"2022-07-19\",\"text\":\"Russian President Vladimir Putin met Iranian "
                          "President Ebrahim Raisi in Tehran on Tuesday.\"}\n"
                          "{\"id\":\"b\",\"date\":\"2022-07-19\",\"text\":\"Turkey attacked Kurdish militants in Syria.\"}\n"
                          "{\"id\":\"c\",\"text\":\n";
  auto r = RunDyad("ingest " + input + " --db " + db + " --threads 2 --quiet");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the broken third line is an error record; the rest is stored
  EXPECT_NE(r.err.find("2 articles stored"), std::string::npos) << r.err;
  auto again = RunDyad("ingest " + input + " --db " + db + " --threads 2 --quiet");
  EXPECT_NE(again.err.find("0 articles stored"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("2 unchanged skipped"), std::string::npos) << again.err;
  auto n = RunDyad("sql \"SELECT count(*) AS n FROM articles\" --format csv --db " + db);
  EXPECT_EQ(n.out, "n\n2\n");
}

}  // namespace
}  // namespace dyad::store
