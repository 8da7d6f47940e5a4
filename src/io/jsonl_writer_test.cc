#include "io/jsonl_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace dyad {
namespace {

using json = nlohmann::json;

// Code point slice, as Python's text[begin:end] would give it.
std::string CharSlice(std::string_view text, size_t begin, size_t end) {
  std::string out;
  size_t cp = 0;
  for (size_t i = 0; i < text.size();) {
    int len;
    utf8::Decode(text, i, &len);
    if (cp >= begin && cp < end) out.append(text.substr(i, len));
    ++cp;
    i += len;
  }
  return out;
}

// "Él dijo “hola” — 東京." tokenised by hand at spaces, one sentence, plus a furniture span.
Document NonAsciiDoc() {
  DocumentMeta meta;
  meta.id = "doc\"1";
  meta.date = "2022-07-18";
  meta.title = "T\u00edtulo";
  Document doc("\xC3\x89l dijo \xE2\x80\x9Chola\xE2\x80\x9D \xE2\x80\x94 \xE6\x9D\xB1\xE4\xBA\xAC.", meta);
  std::string_view t = doc.text();
  size_t i = 0;
  while (i < t.size()) {
    size_t e = t.find(' ', i);
    if (e == std::string_view::npos) e = t.size();
    TokenRow r;
    r.begin = static_cast<uint32_t>(i);
    r.end = static_cast<uint32_t>(e);
    doc.mutable_tokens().push_back(r);
    i = e + 1;
  }
  doc.mutable_tokens()[1].norm = doc.Intern("dijo!");
  doc.mutable_tokens()[0].upos = Upos::PRON;
  doc.mutable_tokens()[0].lemma = doc.Intern("\xC3\xA9l");
  doc.mutable_tokens()[0].head = 1;
  doc.mutable_tokens()[0].deprel = doc.Intern("nsubj");
  doc.mutable_tokens()[1].deprel = doc.Intern("root");
  SentenceRow s;
  s.begin = 0;
  s.end = static_cast<uint32_t>(t.size());
  s.first_token = 0;
  s.end_token = static_cast<uint32_t>(doc.tokens().size());
  doc.mutable_sentences().push_back(s);
  doc.mutable_furniture().push_back({doc.tokens()[2].begin, doc.tokens()[2].end, Furniture::kDateline});
  return doc;
}

TEST(JsonlWriter, ParsesBackAndCharOffsetsSliceTheText) {
  Document doc = NonAsciiDoc();
  std::string out;
  WriteJsonl(doc, {"a warning"}, out);
  ASSERT_EQ(out.back(), '\n');
  ASSERT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
  ASSERT_TRUE(json::accept(out)) << out;
  json j = json::parse(out);
  EXPECT_EQ(j["id"], "doc\"1");
  EXPECT_EQ(j["date"], "2022-07-18");
  EXPECT_EQ(j["title"], "T\u00edtulo");
  EXPECT_EQ(j["warnings"][0], "a warning");
  ASSERT_EQ(j["sentences"].size(), 1u);
  const json& s = j["sentences"][0];
  EXPECT_EQ(s["kind"], "body");
  EXPECT_EQ(s["text"], doc.text());
  EXPECT_EQ(s["begin"], 0);
  EXPECT_EQ(s["end"], utf8::CountCodePoints(doc.text()));
  ASSERT_EQ(s["tokens"].size(), doc.tokens().size());
  for (size_t k = 0; k < doc.tokens().size(); ++k) {
    const json& t = s["tokens"][k];
    EXPECT_EQ(t["i"], k + 1);
    EXPECT_EQ(CharSlice(doc.text(), t["begin"], t["end"]), t["text"].get<std::string>()) << t.dump();
  }
  EXPECT_EQ(s["tokens"][2]["text"], "\xE2\x80\x9Chola\xE2\x80\x9D");
  EXPECT_EQ(s["tokens"][2]["begin"], 8);  // "Él dijo " is 8 code points, 9 bytes
  EXPECT_EQ(s["tokens"][1]["norm"], "dijo!");
  EXPECT_FALSE(s["tokens"][2].contains("norm"));
  EXPECT_EQ(s["tokens"][0]["upos"], "PRON");
  EXPECT_EQ(s["tokens"][0]["lemma"], "\xC3\xA9l");
  EXPECT_EQ(s["tokens"][0]["head"], 2);
  EXPECT_EQ(s["tokens"][1]["head"], 0);
  EXPECT_EQ(s["tokens"][1]["deprel"], "root");
  EXPECT_FALSE(s["tokens"][2].contains("head"));
  ASSERT_EQ(j["furniture"].size(), 1u);
  EXPECT_EQ(j["furniture"][0]["kind"], "dateline");
  EXPECT_EQ(CharSlice(doc.text(), j["furniture"][0]["begin"], j["furniture"][0]["end"]),
            j["furniture"][0]["text"].get<std::string>());
}

TEST(JsonlWriter, EscapesEverythingJsonNeeds) {
  std::string raw("q\" b\\ nl\n cr\r tab\t bell\x07 nul", 28);
  raw += '\0';
  raw += " del\x7F bad\xFF end";
  std::string out;
  AppendJsonString(out, raw);
  EXPECT_EQ(out.find('\n'), std::string::npos);
  ASSERT_TRUE(json::accept(out)) << out;
  std::string back = json::parse(out).get<std::string>();
  std::string expected = raw;
  expected.replace(expected.find('\xFF'), 1, "\xEF\xBF\xBD");
  EXPECT_EQ(back, expected);
  EXPECT_NE(out.find("\\u0007"), std::string::npos);
  EXPECT_NE(out.find("\\u0000"), std::string::npos);
}

TEST(JsonlWriter, EmptyDocumentAndErrorRecord) {
  Document empty("", DocumentMeta{"e", "", "", "", ""});
  std::string out;
  WriteJsonl(empty, {}, out);
  json j = json::parse(out);
  EXPECT_TRUE(j["sentences"].empty());
  EXPECT_TRUE(j["furniture"].empty());
  EXPECT_FALSE(j.contains("warnings"));

  out.clear();
  WriteJsonlError("rec-7", "news.jsonl:7", Status::InvalidInput("missing field 'text'"), out);
  j = json::parse(out);
  EXPECT_EQ(j["error"]["id"], "rec-7");
  EXPECT_EQ(j["error"]["where"], "news.jsonl:7");
  EXPECT_EQ(j["error"]["code"], "invalid_input");
  EXPECT_EQ(j["error"]["reason"], "missing field 'text'");
}

}  // namespace
}  // namespace dyad
