#include "eval/ud_eval.h"

#include <string>

#include <gtest/gtest.h>

#include "io/conllu.h"
#include "text/text_stage.h"

namespace dyad::eval {
namespace {

// A small gold file: a multiword token (don't), a newpar and two sentences in the second paragraph.
constexpr const char* kGold =
    "# newdoc id = d1\n"
    "# sent_id = 1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\t_\t_\t3\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\t_\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\t_\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# newpar id = p2\n"
    "# sent_id = 2\n"
    "# text = Go home.\n"
    "1\tGo\tgo\tVERB\t_\t_\t0\troot\t_\t_\n"
    "2\thome\thome\tADV\t_\t_\t1\tadvmod\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n"
    "\n"
    "# sent_id = 3\n"
    "# text = Now.\n"
    "1\tNow\tnow\tADV\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n"
    "\n";

Document Gold() {
  auto gold = ReadConllu(kGold);
  EXPECT_TRUE(gold.ok()) << gold.status().ToString();
  return std::move(gold).value();
}

// A system Document over `text` with tokens at the given byte ranges and joined flags.
Document System(std::string text, const std::vector<std::tuple<uint32_t, uint32_t, bool>>& toks,
                const std::vector<std::pair<uint32_t, uint32_t>>& sents) {
  Document doc(std::move(text));
  for (auto [b, e, joined] : toks) {
    TokenRow r;
    r.begin = b;
    r.end = e;
    r.flags = joined ? kTokJoinedToNext : 0;
    doc.mutable_tokens().push_back(r);
  }
  for (auto [f, e] : sents) {
    SentenceRow s;
    s.first_token = f;
    s.end_token = e;
    s.begin = doc.tokens()[f].begin;
    s.end = doc.tokens()[e - 1].end;
    doc.mutable_sentences().push_back(s);
    for (uint32_t i = f; i < e; ++i) doc.mutable_tokens()[i].sentence = static_cast<uint32_t>(doc.sentences().size() - 1);
  }
  return doc;
}

TEST(UdEvalTest, RunningText) {
  EXPECT_EQ(RunningTextFromGold(Gold()), "I don't know.\n\nGo home. Now.");
}

TEST(UdEvalTest, PerfectSystemScoresHundred) {
  Document gold = Gold();
  Document sys(RunningTextFromGold(gold));
  ASSERT_TRUE(MakeTextStage()->Process(sys, nullptr).ok());
  auto s = EvaluateTokenization(gold, sys);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->tokens.gold, 9u);  // I don't know . Go home . Now .
  EXPECT_DOUBLE_EQ(s->tokens.F1(), 100.0);
  EXPECT_DOUBLE_EQ(s->words.F1(), 100.0);
  EXPECT_DOUBLE_EQ(s->sentences.F1(), 100.0);
  auto a = AlignWords(gold, sys);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->aligned, gold.tokens().size());
  for (size_t i = 0; i < a->gold_to_system.size(); ++i) EXPECT_EQ(a->gold_to_system[i], static_cast<int32_t>(i));
}

TEST(UdEvalTest, ScoresErrors) {
  Document gold = Gold();
  // Different spacing on purpose; "don't" not split into words, "home." kept whole, and the last two
  // sentences merged.
  std::string text = "I  don't know.\nGo home. Now.";
  Document sys = System(text, {{0, 1, false}, {3, 8, false}, {9, 13, false}, {13, 14, false},
                               {15, 17, false}, {18, 23, false}, {24, 27, false}, {27, 28, false}},
                        {{0, 4}, {4, 8}});
  auto s = EvaluateTokenization(gold, sys);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  // Gold surface tokens: I don't know . Go home . Now . (9); system: 8; correct: all but "home."
  EXPECT_EQ(s->tokens.gold, 9u);
  EXPECT_EQ(s->tokens.system, 8u);
  EXPECT_EQ(s->tokens.correct, 7u);
  // Gold words 10 (do + n't); system words 8. "don't" vs do|n't: no word matches inside by LCS.
  EXPECT_EQ(s->words.gold, 10u);
  EXPECT_EQ(s->words.system, 8u);
  EXPECT_EQ(s->words.correct, 6u);
  EXPECT_EQ(s->sentences.gold, 3u);
  EXPECT_EQ(s->sentences.correct, 1u);
  auto a = AlignWords(gold, sys);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->gold_to_system[0], 0);
  EXPECT_EQ(a->gold_to_system[1], -1);  // do
  EXPECT_EQ(a->gold_to_system[2], -1);  // n't
  EXPECT_EQ(a->gold_to_system[3], 2);   // know
  EXPECT_EQ(a->gold_to_system[6], -1);  // home
}

TEST(UdEvalTest, MultiwordWordsAlignByForm) {
  Document gold = Gold();
  // System splits "don't" as do + n't but does not mark them as one surface token.
  std::string text = RunningTextFromGold(gold);
  Document sys(text);
  ASSERT_TRUE(MakeTextStage()->Process(sys, nullptr).ok());
  sys.mutable_tokens()[1].flags &= static_cast<uint8_t>(~kTokJoinedToNext);
  auto s = EvaluateTokenization(gold, sys);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->tokens.correct, s->tokens.gold - 1);  // "don't" is now two tokens
  EXPECT_EQ(s->words.correct, s->words.gold);        // but the words still align
}

TEST(UdEvalTest, DifferentTextIsAnError) {
  Document gold = Gold();
  Document sys("I do not know.");
  ASSERT_TRUE(MakeTextStage()->Process(sys, nullptr).ok());
  auto s = EvaluateTokenization(gold, sys);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace dyad::eval
