#include "io/conllu.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace dyad {
namespace {

constexpr char kSample[] =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "1\tgonna\t_\t_\t_\t_\t_\t_\t_\t_\n"  // not an MWT here: a plain word
    "\n";

TEST(Conllu, ReadsWordsMultiwordTokensAndHeads) {
  ConlluStats stats;
  auto doc = ReadConllu(kSample, &stats);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(stats.sentences, 2u);
  EXPECT_EQ(stats.words, 6u);
  EXPECT_EQ(stats.multiword_tokens, 1u);
  EXPECT_EQ(doc->text(), "I don't know.\ngonna");
  Token n_t = doc->token(2);
  EXPECT_EQ(n_t.text(), "n't");
  EXPECT_EQ(n_t.lemma(), "not");
  EXPECT_TRUE(doc->token(1).row().flags & kTokJoinedToNext);
  EXPECT_EQ(doc->token(0).head(), 3);  // "know", document index
  EXPECT_EQ(doc->token(3).head(), kNoHead);
  EXPECT_EQ(doc->token(3).deprel(), "root");
  EXPECT_EQ(doc->Str(doc->sentences()[0].id), "s1");
  EXPECT_EQ(doc->token(5).head(), kNoHead);
  EXPECT_EQ(doc->token(5).deprel(), "");
}

TEST(Conllu, WritesWhatItReads) {
  auto doc = ReadConllu(kSample);
  ASSERT_TRUE(doc.ok());
  std::string out;
  WriteConllu(*doc, out);
  EXPECT_NE(out.find("# text = I don't know.\n"), std::string::npos) << out;
  EXPECT_NE(out.find("2-3\tdon't\t"), std::string::npos) << out;
  EXPECT_NE(out.find("3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"), std::string::npos) << out;
  EXPECT_NE(out.find("4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"), std::string::npos) << out;
  auto again = ReadConllu(out);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->text(), doc->text().substr(0, 13) + "\ngonna");
}

TEST(Conllu, SentenceFinalSpaceAfterComesFromTheText) {
  Document doc("Headline\n\nBody.Next");
  auto add = [&](uint32_t b, uint32_t e, uint32_t sent) {
    TokenRow r;
    r.begin = b;
    r.end = e;
    r.sentence = sent;
    doc.mutable_tokens().push_back(r);
  };
  add(0, 8, 0);
  add(10, 14, 1);
  add(14, 15, 1);
  add(15, 19, 2);
  auto sent = [&](uint32_t first, uint32_t end) {
    SentenceRow s;
    s.first_token = first;
    s.end_token = end;
    s.begin = doc.tokens()[first].begin;
    s.end = doc.tokens()[end - 1].end;
    doc.mutable_sentences().push_back(s);
  };
  sent(0, 1);
  sent(1, 3);
  sent(3, 4);
  std::string out;
  WriteConllu(doc, out);
  EXPECT_NE(out.find("1\tHeadline\t_\t_\t_\t_\t_\t_\t_\t_\n"), std::string::npos) << out;  // "\n\n" follows
  EXPECT_NE(out.find("2\t.\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"), std::string::npos) << out;  // "Next" follows
  EXPECT_NE(out.find("1\tNext\t_\t_\t_\t_\t_\t_\t_\t_\n"), std::string::npos) << out;  // end of text
}

TEST(Conllu, ErrorsNameTheLine) {
  auto bad = ReadConllu("# sent_id = x\n1\tonly\tthree\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(ReadConllu("1\ta\ta\tX\tX\t_\t9\tdep\t_\t_\n").ok());        // head outside sentence
  EXPECT_FALSE(ReadConllu("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n").ok());       // ids must start at 1
  EXPECT_FALSE(ReadConllu("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n").ok());
  EXPECT_FALSE(ReadConllu("1\t\xFF\ta\tX\tX\t_\t0\troot\t_\t_\n").ok());    // invalid UTF-8
}

TEST(Conllu, ReadsEwtTestWhenPresent) {
  std::filesystem::path p = std::filesystem::path(DYAD_SHARED_DATA) / "ud/UD_English-EWT/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(p)) GTEST_SKIP() << "shared data not present: " << p;
  ConlluStats stats;
  auto doc = ReadConlluFile(p.string(), &stats);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(stats.sentences, 2077u);
  EXPECT_GT(stats.multiword_tokens, 300u);
  for (const auto& t : doc->tokens()) ASSERT_LE(t.end, doc->text().size());
}

}  // namespace
}  // namespace dyad
