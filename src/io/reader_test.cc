#include "io/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

namespace fs = std::filesystem;

// A fresh temporary folder per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("dyad_reader_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, std::string_view data) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary).write(data.data(), static_cast<std::streamsize>(data.size()));
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

std::vector<InputRecord> ReadAll(std::vector<std::string> paths, const ReaderOptions& options = {}) {
  auto reader = OpenReader(std::move(paths), options);
  std::vector<InputRecord> out;
  InputRecord rec;
  while (reader->Next(&rec)) out.push_back(std::move(rec));
  return out;
}

TEST(Reader, NormalizeDate) {
  EXPECT_EQ(*NormalizeDate("2022-07-18"), "2022-07-18");
  EXPECT_EQ(*NormalizeDate("2022-07-18T10:00:00Z"), "2022-07-18");
  EXPECT_EQ(*NormalizeDate("2024-02-29"), "2024-02-29");
  for (const char* bad : {"2022-7-18", "2022-13-01", "2023-02-29", "2022-04-31", "18/07/2022", "", "2022-07-18x",
                          "0999-01-01", "abcd-ef-gh"}) {
    auto r = NormalizeDate(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
    }
  }
}

TEST(Reader, KindFromPath) {
  EXPECT_EQ(InputKindFromPath("a/b.jsonl"), InputKind::kJsonl);
  EXPECT_EQ(InputKindFromPath("x.JSON"), InputKind::kJsonl);
  EXPECT_EQ(InputKindFromPath("page.htm"), InputKind::kHtml);
  EXPECT_EQ(InputKindFromPath("gold.conllu"), InputKind::kConllu);
  EXPECT_EQ(InputKindFromPath("notes.txt"), InputKind::kText);
  EXPECT_EQ(InputKindFromPath("v1.2/README"), InputKind::kText);
  EXPECT_EQ(InputKindFromName("html"), InputKind::kHtml);
  EXPECT_FALSE(InputKindFromName("pdf").has_value());
}

TEST(Reader, SanitizeRepairsAndReports) {
  std::vector<std::string> warnings;
  std::string in("ok \xFF\xFE x\0y", 9);
  std::string out = SanitizeText(in, &warnings);
  EXPECT_EQ(out, "ok \xEF\xBF\xBD\xEF\xBF\xBD x y");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("2 invalid UTF-8"), std::string::npos);
  EXPECT_NE(warnings[1].find("1 NUL"), std::string::npos);
  warnings.clear();
  EXPECT_EQ(SanitizeText("clean \xE2\x80\x94 text", &warnings), "clean \xE2\x80\x94 text");
  EXPECT_TRUE(warnings.empty());
}

TEST(Reader, TextFileIsOneDocumentWithHeadlineTitle) {
  TempDir dir;
  std::string path = dir.Write("story.txt", "Leaders meet in Tehran\n\nTEHRAN, Iran \xE2\x80\x94 Talks began.\n");
  ReaderOptions opt;
  opt.default_date = "2022-07-18";
  auto recs = ReadAll({path}, opt);
  ASSERT_EQ(recs.size(), 1u);
  ASSERT_TRUE(recs[0].status.ok()) << recs[0].status.ToString();
  EXPECT_EQ(recs[0].doc.meta().id, path);
  EXPECT_EQ(recs[0].doc.meta().title, "Leaders meet in Tehran");
  EXPECT_EQ(recs[0].doc.meta().date, "2022-07-18");
  EXPECT_EQ(recs[0].doc.text(), "Leaders meet in Tehran\n\nTEHRAN, Iran \xE2\x80\x94 Talks began.\n");
  EXPECT_TRUE(recs[0].warnings.empty());
  EXPECT_FALSE(recs[0].pretokenized);
}

TEST(Reader, BadTextBytesAreRepairedAndReported) {
  TempDir dir;
  std::string path = dir.Write("bad.txt", std::string("caf\xE9 au lait\0!", 14));  // latin-1 e-acute, NUL
  auto recs = ReadAll({path});
  ASSERT_EQ(recs.size(), 1u);
  ASSERT_TRUE(recs[0].status.ok());
  EXPECT_EQ(recs[0].doc.text(), "caf\xEF\xBF\xBD au lait !");
  EXPECT_EQ(recs[0].warnings.size(), 2u);
}

TEST(Reader, EmptyFileIsAnEmptyDocumentWithAWarning) {
  TempDir dir;
  auto recs = ReadAll({dir.Write("empty.txt", ""), dir.Write("blank.txt", " \n\t\n"),
                       dir.Write("docs.jsonl", "{\"id\":\"a\",\"text\":\"\"}\n{\"id\":\"b\",\"text\":\"Words.\"}\n")});
  ASSERT_EQ(recs.size(), 4u);
  for (const auto& r : recs) EXPECT_TRUE(r.status.ok()) << r.where;
  EXPECT_EQ(recs[0].doc.text(), "");  // in the order given: empty.txt, blank.txt, docs.jsonl (a, b)
  for (size_t i : {0, 1, 2}) {
    ASSERT_EQ(recs[i].warnings.size(), 1u) << recs[i].where;
    EXPECT_EQ(recs[i].warnings[0], "no text: the document is empty");
  }
  EXPECT_TRUE(recs[3].warnings.empty());
}

TEST(Reader, MissingFileIsAnErrorRecordAndTheBatchGoesOn) {
  TempDir dir;
  std::string good = dir.Write("good.txt", "Body text.");
  auto recs = ReadAll({dir.path() + "/nope.txt", good, dir.path() + "/nope.jsonl", dir.path() + "/nope.html"});
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].status.code(), StatusCode::kNotFound);
  EXPECT_NE(recs[0].where.find("nope.txt"), std::string::npos);
  EXPECT_TRUE(recs[1].status.ok());
  EXPECT_EQ(recs[2].status.code(), StatusCode::kNotFound);
  EXPECT_EQ(recs[3].status.code(), StatusCode::kNotFound);
}

TEST(Reader, DirectoryIsSortedRecursiveByExtension) {
  TempDir dir;
  dir.Write("b.txt", "Second.");
  dir.Write("a.txt", "First.");
  dir.Write("sub/c.jsonl", "{\"id\":\"j1\",\"text\":\"From JSON.\"}\n{\"id\":\"j2\",\"text\":\"Again.\"}\n");
  dir.Write("sub/d.html", "<html><body><p>From HTML.</p></body></html>");
  dir.Write("sub/e.conllu", "1\tGold\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  dir.Write(".hidden.txt", "never read");
  dir.Write(".git/x.txt", "never read");
  auto recs = ReadAll({dir.path()});
  ASSERT_EQ(recs.size(), 6u);
  EXPECT_EQ(recs[0].doc.text(), "First.");
  EXPECT_EQ(recs[1].doc.text(), "Second.");
  EXPECT_EQ(recs[2].doc.meta().id, "j1");
  EXPECT_EQ(recs[3].doc.meta().id, "j2");
  EXPECT_EQ(recs[4].doc.text(), "From HTML.");
  EXPECT_EQ(recs[5].doc.text(), "Gold");
  EXPECT_TRUE(recs[5].pretokenized);
  EXPECT_EQ(recs[5].doc.tokens().size(), 1u);
  for (const auto& r : recs) EXPECT_TRUE(r.status.ok()) << r.where << ": " << r.status.ToString();

  // --input forces one kind on every file.
  ReaderOptions opt;
  opt.kind = InputKind::kText;
  auto as_text = ReadAll({dir.path()}, opt);
  ASSERT_EQ(as_text.size(), 5u);
  EXPECT_FALSE(as_text[4].pretokenized);
}

TEST(Reader, BadConlluIsAnErrorRecord) {
  TempDir dir;
  auto recs = ReadAll({dir.Write("bad.conllu", "1\tonly three\tcolumns\n")});
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].status.code(), StatusCode::kInvalidInput);
  EXPECT_NE(recs[0].status.message().find("line 1"), std::string::npos);
}

TEST(Reader, FiftyMegabyteDocumentIsReadAndOversizeIsRefused) {
  TempDir dir;
  std::string para = "The minister said talks would resume next week in Vienna. ";
  std::string big;
  big.reserve(size_t{50} << 20);
  while (big.size() < (size_t{50} << 20)) big += para;
  std::string path = dir.Write("big.txt", big);
  auto t0 = std::chrono::steady_clock::now();
  auto recs = ReadAll({path});
  ASSERT_EQ(recs.size(), 1u);
  ASSERT_TRUE(recs[0].status.ok());
  EXPECT_EQ(recs[0].doc.text().size(), big.size());
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 20.0);

  // Over the bound: a clear TooLarge error record, and the next file is still read.
  ReaderOptions small;
  small.max_record_bytes = 1 << 20;
  std::string next = dir.Write("next.txt", "Small.");
  recs = ReadAll({path, next}, small);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].status.code(), StatusCode::kTooLarge);
  EXPECT_TRUE(recs[1].status.ok());
  EXPECT_GE(kMaxRecordBytes, size_t{64} << 20);
}

}  // namespace
}  // namespace dyad
