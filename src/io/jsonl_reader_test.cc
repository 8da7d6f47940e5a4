#include "io/jsonl_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

InputRecord Parse(std::string_view line, const JsonlFields& fields = {}, const std::string& date = "") {
  InputRecord rec;
  rec.where = "test:1";
  ParseJsonlLine(line, fields, date, &rec);
  return rec;
}

TEST(JsonlLine, DefaultFields) {
  auto r = Parse(R"({"id":"a1","text":"Body \u2014 text.","date":"2022-07-18","title":"T","url":"http://x","extra":[1,{"a":2}]})");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.doc.meta().id, "a1");
  EXPECT_EQ(r.doc.text(), "Body \xE2\x80\x94 text.");
  EXPECT_EQ(r.doc.meta().date, "2022-07-18");
  EXPECT_EQ(r.doc.meta().title, "T");
  EXPECT_EQ(r.doc.meta().url, "http://x");
  EXPECT_TRUE(r.warnings.empty());
}

TEST(JsonlLine, ConfigurableFieldsAndNestedSameNamesIgnored) {
  JsonlFields f;
  f.text = "body";
  f.id = "uid";
  auto r = Parse(R"({"meta":{"body":"nested, not this"},"uid":42,"body":"This one.","text":"not the text field"})", f);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.doc.text(), "This one.");
  EXPECT_EQ(r.doc.meta().id, "42");
}

TEST(JsonlLine, WrongTypesAndMissingText) {
  auto missing = Parse(R"({"id":"x","body":"no text field"})");
  EXPECT_EQ(missing.status.code(), StatusCode::kInvalidInput);
  EXPECT_NE(missing.status.message().find("missing field 'text'"), std::string::npos);
  EXPECT_EQ(missing.doc.meta().id, "x");  // the error record can name the record

  auto number = Parse(R"({"text":12})");
  EXPECT_EQ(number.status.code(), StatusCode::kInvalidInput);
  EXPECT_NE(number.status.message().find("a number"), std::string::npos);
  EXPECT_EQ(Parse(R"({"text":null})").status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(Parse(R"({"text":["a"]})").status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(Parse(R"(["text","a"])").status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(Parse(R"("just a string")").status.code(), StatusCode::kInvalidInput);

  // Optional fields of the wrong type are dropped with a warning; the record still goes through.
  auto odd = Parse(R"({"text":"ok","title":["a"],"url":false,"date":20220718,"id":{"x":1}})");
  ASSERT_TRUE(odd.status.ok());
  EXPECT_EQ(odd.doc.meta().title, "");
  EXPECT_EQ(odd.warnings.size(), 4u);
}

TEST(JsonlLine, BrokenJsonGivesAShortReason) {
  for (const char* bad : {"{\"text\":\"unterminated", "{\"text\":\"a\",}", "{text:1}", "}", "{\"text\":\"a\"} trailing"}) {
    auto r = Parse(bad);
    EXPECT_EQ(r.status.code(), StatusCode::kInvalidInput) << bad;
    EXPECT_EQ(r.status.message().rfind("invalid JSON: ", 0), 0u) << r.status.message();
    EXPECT_EQ(r.status.message().find("[json.exception"), std::string::npos);
  }
  std::string huge_token = "{\"text\":\"" + std::string(100000, 'a');
  EXPECT_LT(Parse(huge_token).status.message().size(), 400u);
}

TEST(JsonlLine, DatesValidatedAndDefaulted) {
  EXPECT_EQ(Parse(R"({"text":"a","date":"2022-07-18T09:30:00Z"})").doc.meta().date, "2022-07-18");
  auto bad = Parse(R"({"text":"a","date":"yesterday"})", {}, "2020-01-02");
  EXPECT_EQ(bad.doc.meta().date, "2020-01-02");
  EXPECT_EQ(bad.warnings.size(), 1u);
  EXPECT_EQ(Parse(R"({"text":"a"})", {}, "2020-01-02").doc.meta().date, "2020-01-02");
}

TEST(JsonlLine, BadBytesRepairedNulBecomesSpace) {
  auto r = Parse(std::string("{\"text\":\"caf\xE9 \\u0000x\"}"));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.doc.text(), "caf\xEF\xBF\xBD  x");
  EXPECT_EQ(r.warnings.size(), 2u);
  auto raw_nul = Parse(std::string("{\"text\":\"a\0b\"}", 14));
  ASSERT_TRUE(raw_nul.status.ok()) << raw_nul.status.ToString();
  EXPECT_EQ(raw_nul.doc.text(), "a b");
}

TEST(JsonlLine, DeepNestingIsSkippedWithoutRecursion) {
  std::string deep = "{\"text\":\"ok\",\"x\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
  auto r = Parse(deep);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.doc.text(), "ok");
}

class JsonlFile : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("dyad_jsonl_test_" + std::to_string(::getpid()) + ".jsonl")).string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::vector<InputRecord> Read(std::string_view data, ReaderOptions opt = {}) {
    std::ofstream(path_, std::ios::binary).write(data.data(), static_cast<std::streamsize>(data.size()));
    auto reader = OpenJsonlReader(path_, opt);
    std::vector<InputRecord> out;
    InputRecord rec;
    while (reader->Next(&rec)) out.push_back(std::move(rec));
    return out;
  }
  std::string path_;
};

TEST_F(JsonlFile, BrokenLineMidFileDoesNotStopTheBatch) {
  auto recs = Read(
      "{\"id\":\"a\",\"text\":\"One.\"}\r\n"
      "{\"id\":\"b\",\"text\":\"Two\n"  // broken: the string runs into the next line
      "\n"
      "   \n"
      "{\"text\":\"Three.\"}\n"
      "{\"id\":\"d\",\"text\":4}\n"
      "{\"id\":\"e\",\"text\":\"Five, no final newline.\"}");
  ASSERT_EQ(recs.size(), 5u);
  EXPECT_TRUE(recs[0].status.ok());
  EXPECT_EQ(recs[0].doc.text(), "One.");
  EXPECT_EQ(recs[1].status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(recs[1].where, path_ + ":2");
  EXPECT_TRUE(recs[2].status.ok());
  EXPECT_EQ(recs[2].where, path_ + ":5");
  EXPECT_EQ(recs[2].doc.meta().id, path_ + ":5");  // no id field: file:line
  EXPECT_EQ(recs[3].status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(recs[3].id(), "d");
  EXPECT_TRUE(recs[4].status.ok());
  EXPECT_EQ(recs[4].doc.text(), "Five, no final newline.");
}

TEST_F(JsonlFile, OverlongLineIsTooLargeAndSkipped) {
  ReaderOptions opt;
  opt.max_record_bytes = 1000;
  std::string data = "{\"text\":\"" + std::string(300000, 'x') + "\"}\n{\"text\":\"after\"}\n" +
                     "{\"text\":\"" + std::string(5000, 'y') + "\"}";
  auto recs = Read(data, opt);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].status.code(), StatusCode::kTooLarge);
  EXPECT_TRUE(recs[1].status.ok());
  EXPECT_EQ(recs[1].doc.text(), "after");
  EXPECT_EQ(recs[1].where, path_ + ":2");
  EXPECT_EQ(recs[2].status.code(), StatusCode::kTooLarge);
}

TEST_F(JsonlFile, LinesAcrossReadChunks) {
  std::string data;
  for (int i = 0; i < 5000; ++i) data += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"" + std::string(i % 97, 'z') + "\"}\n";
  auto recs = Read(data);
  ASSERT_EQ(recs.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    ASSERT_TRUE(recs[i].status.ok()) << i;
    ASSERT_EQ(recs[i].doc.meta().id, std::to_string(i));
    ASSERT_EQ(recs[i].doc.text().size(), static_cast<size_t>(i % 97));
  }
}

TEST(JsonlReal, BbcFilesReadWithoutErrors) {
  std::filesystem::path p = std::filesystem::path(DYAD_SHARED_DATA) / "news/bbc/bbc_politics.jsonl";
  if (!std::filesystem::exists(p)) GTEST_SKIP() << "no " << p << " (shared data absent)";
  auto reader = OpenJsonlReader(p.string(), {});
  InputRecord rec;
  size_t docs = 0, errors = 0, titled = 0;
  while (reader->Next(&rec)) {
    if (rec.status.ok()) ++docs;
    else ++errors;
    titled += !rec.doc.meta().title.empty();
  }
  EXPECT_EQ(errors, 0u);
  EXPECT_EQ(docs, 417u);
  EXPECT_EQ(titled, 0u);  // BBC records have no title field
}

}  // namespace
}  // namespace dyad
