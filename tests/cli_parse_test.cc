// Runs the built dyad binary on small inputs and checks what users see: exit codes, one output
// line per record (JSONL), records in = documents out + errors, and offsets that slice the input.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "core/utf8.h"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

class CliParse : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad_cli_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, std::string_view data) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary).write(data.data(), static_cast<std::streamsize>(data.size()));
    return p.string();
  }

  static std::string Slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  // Runs `dyad parse ARGS` (a shell fragment) with stdout and stderr captured.
  RunResult Parse(const std::string& args, const std::string& stdin_file = "/dev/null") {
    return Dyad("parse " + args, stdin_file);
  }

  // Runs `dyad ARGS` (a shell fragment) with stdout and stderr captured.
  RunResult Dyad(const std::string& args, const std::string& stdin_file = "/dev/null") {
    std::string cmd = std::string("'") + DYAD_BIN + "' " + args + " <'" + stdin_file + "' >'" +
                      (dir_ / "stdout").string() + "' 2>'" + (dir_ / "stderr").string() + "'";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(dir_ / "stdout");
    r.err = Slurp(dir_ / "stderr");
    return r;
  }

  static std::vector<json> Lines(const std::string& out) {
    std::vector<json> v;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
      EXPECT_TRUE(json::accept(line)) << line.substr(0, 200);
      if (json::accept(line)) v.push_back(json::parse(line));
    }
    return v;
  }

  // The summary's numbers: records in, documents out, errors.
  static std::array<long, 3> Summary(const std::string& err) {
    std::smatch m;
    std::regex re(R"((\d+) records in, (\d+) documents out, (\d+) errors)");
    EXPECT_TRUE(std::regex_search(err, m, re)) << err;
    if (m.empty()) return {-1, -1, -1};
    return {std::stol(m[1]), std::stol(m[2]), std::stol(m[3])};
  }

  fs::path dir_;
};

// Code point slice, as Python's text[begin:end].
std::string CharSlice(std::string_view text, size_t begin, size_t end) {
  std::string out;
  size_t cp = 0;
  for (size_t i = 0; i < text.size(); ++cp) {
    int len;
    dyad::utf8::Decode(text, i, &len);
    if (cp >= begin && cp < end) out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

TEST_F(CliParse, SeedArticleJsonl) {
  std::string seed = std::string(DYAD_SOURCE_DIR) + "/examples/putin-tehran-2022-07-18.txt";
  RunResult r = Parse("--format jsonl --date 2022-07-18 '" + seed + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  const json& d = lines[0];
  EXPECT_EQ(d["date"], "2022-07-18");
  EXPECT_EQ(d["title"], "Putin heads to Tehran for talks with leaders of Iran and Turkey");
  std::string text = Slurp(seed);
  std::vector<std::string> kinds;
  for (const auto& f : d["furniture"]) {
    kinds.push_back(f["kind"]);
    EXPECT_EQ(CharSlice(text, f["begin"], f["end"]), f["text"].get<std::string>());
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"headline", "dateline", "credit", "boilerplate"}));
  size_t tokens = 0;
  for (const auto& s : d["sentences"]) {
    EXPECT_EQ(CharSlice(text, s["begin"], s["end"]), s["text"].get<std::string>());
    for (const auto& t : s["tokens"]) {
      ++tokens;
      ASSERT_EQ(CharSlice(text, t["begin"], t["end"]), t["text"].get<std::string>()) << t.dump();
    }
  }
  EXPECT_GT(tokens, 1000u);
  EXPECT_EQ(d["sentences"].back()["kind"], "boilerplate");
  EXPECT_EQ(Summary(r.err), (std::array<long, 3>{1, 1, 0}));
}

TEST_F(CliParse, BadJsonlRecordsAreCountedAndTheBatchCompletes) {
  std::string data =
      "{\"id\":\"a\",\"text\":\"Iran and Russia met. Talks went on.\",\"date\":\"2022-07-18\"}\n"
      "{\"id\":\"b\",\"text\":\"broken\n"                        // 2: broken JSON
      "\n"                                                     // blank: not a record
      "{\"id\":\"c\",\"body\":\"no text\"}\n"                    // 4: missing text
      "{\"id\":\"d\",\"text\":17}\n"                             // 5: wrong type
      "{\"id\":\"e\",\"text\":\"caf\xE9 \\u0000 ok.\",\"extra\":{\"x\":[1]}}\n"  // 6: repaired, warned
      "{\"id\":\"f\",\"text\":\"\"}\n"                           // 7: empty document
      "[1,2]\n";                                               // 8: not an object
  std::string path = Write("news.jsonl", data);
  RunResult r = Parse("--format jsonl '" + path + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 7u);
  size_t docs = 0, errors = 0;
  for (const auto& l : lines) {
    if (l.contains("error")) {
      ++errors;
      EXPECT_TRUE(l["error"].contains("code"));
      EXPECT_TRUE(l["error"].contains("reason"));
    } else {
      ++docs;
    }
  }
  EXPECT_EQ(docs, 3u);
  EXPECT_EQ(errors, 4u);
  EXPECT_EQ(lines[1]["error"]["where"], path + ":2");
  EXPECT_EQ(lines[2]["error"]["id"], "c");
  EXPECT_EQ(lines[3]["error"]["code"], "invalid_input");
  EXPECT_EQ(lines[4]["id"], "e");
  EXPECT_EQ(lines[4]["warnings"].size(), 2u);
  EXPECT_EQ(lines[5]["sentences"].size(), 0u);
  EXPECT_EQ(Summary(r.err), (std::array<long, 3>{7, 3, 4}));
  EXPECT_NE(r.err.find(path + ":2"), std::string::npos) << r.err;

  // Field names are configurable.
  std::string other = Write("other.jsonl", "{\"uid\":\"z\",\"body\":\"Hello there.\"}\n");
  r = Parse("--format jsonl --text-field body --id-field uid '" + other + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], "z");
}

TEST_F(CliParse, DirectoriesStdinConlluAndMissingFiles) {
  Write("in/a.txt", "Headline here\n\nWASHINGTON \xE2\x80\x94 The vote passed.");
  Write("in/b.html", "<html><head><title>Page</title></head><body><nav>Menu</nav><p>Body text.</p></body></html>");
  Write("in/c.conllu", "# sent_id = g1\n1\tGold\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t-\t_\t_\t_\t_\t_\t_\t_\t_\n3\ttokens\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  Write("in/d.jsonl", "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n");
  RunResult r = Parse("'" + (dir_ / "in").string() + "' '" + (dir_ / "missing.txt").string() + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(Summary(r.err), (std::array<long, 3>{6, 5, 1}));
  EXPECT_NE(r.out.find("# text = Gold- tokens"), std::string::npos) << r.out;  // tokenisation kept
  EXPECT_NE(r.out.find("1\tGold\t"), std::string::npos);
  EXPECT_NE(r.out.find("2\t-\t"), std::string::npos);
  EXPECT_NE(r.out.find("# text = Body text."), std::string::npos);
  EXPECT_EQ(r.out.find("Menu"), std::string::npos);
  EXPECT_NE(r.err.find("not_found"), std::string::npos);

  std::string in = Write("stdin.txt", "Iran and Turkey met in Tehran.\n");
  r = Parse("-", in);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# text = Iran and Turkey met in Tehran."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("# newdoc id = stdin"), std::string::npos);
  r = Parse("", in);  // no FILES: stdin
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Tehran"), std::string::npos);
}

TEST_F(CliParse, UsageErrorsAndHelp) {
  std::string f = Write("a.txt", "Text.");
  EXPECT_EQ(Parse("--format xml '" + f + "'").exit_code, 2);
  EXPECT_EQ(Parse("--input pdf '" + f + "'").exit_code, 2);
  EXPECT_EQ(Parse("--date 2022-13-01 '" + f + "'").exit_code, 2);
  EXPECT_EQ(Parse("--date 18/07/2022 '" + f + "'").exit_code, 2);
  EXPECT_EQ(Parse("--no-such-flag '" + f + "'").exit_code, 2);
  EXPECT_EQ(Parse("--text-field").exit_code, 2);
  RunResult help = Parse("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("usage: dyad parse"), std::string::npos);
  EXPECT_EQ(Parse("-h").exit_code, 0);
  EXPECT_EQ(Parse("-o /nonexistent-dir/x.txt '" + f + "'").exit_code, 8);
  RunResult to_file = Parse("--format jsonl -o '" + (dir_ / "out.jsonl").string() + "' '" + f + "'");
  EXPECT_EQ(to_file.exit_code, 0);
  EXPECT_TRUE(to_file.out.empty());
  EXPECT_EQ(Lines(Slurp(dir_ / "out.jsonl")).size(), 1u);
}

TEST_F(CliParse, EvalCountFlagsRejectNonNumbersWithAUsageError) {
  std::string gold = Write("g.conll", "-DOCSTART- O\n\nPutin B-PER\nspoke O\n\n");
  for (const std::string& args : {"eval ner --gold '" + gold + "' --errors x", "eval ner --gold '" + gold + "' --limit 1e3",
                                  "eval timex --gold '" + gold + "' --errors 2x"}) {
    RunResult r = Dyad(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find("wants a number"), std::string::npos) << args << ": " << r.err;
  }
}

TEST_F(CliParse, EvalParseBeamSizeOutOfRangeIsRefused) {
  std::string gold = Write("g.conllu", "1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                       "2\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
  for (const char* beam : {"0", "65"}) {
    RunResult r = Dyad("eval parse --gold '" + gold + "' --beam " + beam);
    EXPECT_NE(r.exit_code, 0) << beam;
    EXPECT_NE(r.err.find("beam size must be 1..64"), std::string::npos) << beam << ": " << r.err;
  }
  RunResult ok = Dyad("eval parse --gold '" + gold + "' --beam 2");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("UAS"), std::string::npos);
}

TEST_F(CliParse, BadBytesEmptyAndPathologicalDocuments) {
  Write("p/1-empty.txt", "");
  Write("p/2-nul-latin1.txt", std::string("Caf\xE9\0 society.", 15));
  std::string words;
  for (int i = 0; i < 5000; ++i) words += "word ";
  Write("p/3-long-sentence.txt", words);
  Write("p/4-deep.html", std::string(50000, '<') + "p>x");
  std::string nested;
  for (int i = 0; i < 20000; ++i) nested += "<div>";
  Write("p/5-nested.html", nested + "<p>Deep.</p>");
  RunResult r = Parse("--format jsonl '" + (dir_ / "p").string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_TRUE(lines[0]["sentences"].empty());
  EXPECT_EQ(lines[1]["warnings"].size(), 2u);
  EXPECT_EQ(lines[1]["sentences"][0]["text"], "Caf\xEF\xBF\xBD  society.");
  size_t tokens = 0;
  for (const auto& s : lines[2]["sentences"]) tokens += s["tokens"].size();
  EXPECT_EQ(tokens, 5000u);
  EXPECT_EQ(Summary(r.err), (std::array<long, 3>{5, 5, 0}));
}

TEST_F(CliParse, FiftyMegabyteDocument) {
  std::string big;
  big.reserve(size_t{51} << 20);
  while (big.size() < (size_t{50} << 20)) big += "The minister said talks would resume next week in Vienna.\n\n";
  std::string path = Write("big.txt", big);
  // The front end's bounds are what this checks; tagging and parsing 10 million tokens would only make
  // the test slow (their bounds are per sentence and tested in src/tag and src/parse).
  RunResult r = Parse("--tokenize-only -o /dev/null '" + path + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Summary(r.err), (std::array<long, 3>{1, 1, 0}));
}

}  // namespace

// The named-entity bar of issue 6, measured as users measure it: `dyad eval ner` on CoNLL-2003
// (read from the shared data folder, never copied; skipped where it is absent). CoNLL test is the
// bar (PER/ORG/LOC micro F1 >= 0.80); valid is where the rules were developed (floor: today's score
// minus a little).
TEST_F(CliParse, EvalNerOnConll2003MeetsTheIssueBar) {
  const fs::path conll = fs::path(DYAD_SHARED_DATA) / "ner" / "conll2003";
  if (!fs::exists(conll / "test.txt")) GTEST_SKIP() << "no " << (conll / "test.txt").string();
  for (const auto& [file, floor] : {std::pair<const char*, double>{"test.txt", 0.80}, {"valid.txt", 0.88}}) {
    RunResult r = Dyad("eval ner --gold '" + (conll / file).string() + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::smatch m;
    std::regex re(R"(PER/ORG/LOC\s+P\s+([0-9.]+)\s+R\s+([0-9.]+)\s+F1\s+([0-9.]+))");
    ASSERT_TRUE(std::regex_search(r.out, m, re)) << r.out.substr(0, 500);
    const double f1 = std::stod(m[3]);
    std::printf("CoNLL-2003 %s PER/ORG/LOC F1 %.3f (floor %.2f)\n", file, f1, floor);
    EXPECT_GE(f1, floor) << file;
  }
}

// dyad ingest builds the query indexes once at the end for a first load and for input larger than the
// store, and keeps them up to date for a small addition (the "building" line says which it did).
TEST_F(CliParse, IngestDefersIndexesForFirstAndLargeLoadsOnly) {
  const std::string db = (dir_ / "s.db").string();
  const std::string kBuilding = "building the query indexes";
  std::string first = Write("first.txt", "Russia attacked Ukraine on Monday, officials in Kyiv said.\n");
  RunResult r = Dyad("ingest --db '" + db + "' --threads 1 '" + first + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(kBuilding), std::string::npos) << r.err;  // a store without events
  std::string small = Write("small.txt", "Iran welcomed the decision on Tuesday.\n");
  r = Dyad("ingest --db '" + db + "' --threads 1 '" + small + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find(kBuilding), std::string::npos) << r.err;  // small against the store
  std::string big;
  while (big.size() < fs::file_size(db) + 4096) big += "The minister said talks would resume next week in Vienna.\n\n";
  std::string large = Write("large.txt", big);
  r = Dyad("ingest --db '" + db + "' --threads 2 '" + large + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(kBuilding), std::string::npos) << r.err;  // larger than the store
  r = Dyad("sql --db '" + db + "' \"SELECT count(*) FROM sqlite_schema WHERE name LIKE 'events_by_%'\"");
  EXPECT_NE(r.out.find("3"), std::string::npos) << r.out;
}
