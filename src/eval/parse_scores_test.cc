#include "eval/parse_scores.h"

#include <gtest/gtest.h>

#include "io/conllu.h"

namespace dyad::eval {
namespace {

constexpr char kGold[] =
    "1\tPutin\tPutin\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
    "2\tvisited\tvisit\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n"
    "3\tTehran\tTehran\tPROPN\tNNP\tNumber=Sing\t2\tobj\t_\t_\n"
    "4\tby\tby\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tplane\tplane\tNOUN\tNN\tNumber=Sing\t2\tobl:agent\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

Document Read(const char* text) { return std::move(ReadConllu(text)).value(); }

TEST(ParseScores, GoldTokensCountEachColumn) {
  // System: word 3 attached to 5 (head wrong), word 5 "obl" (universal part right, subtype wrong),
  // word 1 tagged NOUN, word 2 lemma "visited".
  constexpr char kSystem[] =
      "1\tPutin\tPutin\tNOUN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
      "2\tvisited\tvisited\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n"
      "3\tTehran\tTehran\tPROPN\tNNP\tNumber=Sing\t5\tobj\t_\t_\n"
      "4\tby\tby\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tplane\tplane\tNOUN\tNN\tNumber=Sing\t2\tobl\t_\tSpaceAfter=No\n"
      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  auto s = ScoreGoldTokens(Read(kGold), Read(kSystem));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->words.gold, 6u);
  EXPECT_EQ(s->upos.correct, 5u);
  EXPECT_EQ(s->xpos.correct, 6u);
  EXPECT_EQ(s->lemma.correct, 5u);
  EXPECT_EQ(s->uas.correct, 5u);
  EXPECT_EQ(s->las.correct, 5u);       // obl == obl:agent in the universal part
  EXPECT_EQ(s->las_full.correct, 4u);  // ... but not in full
  EXPECT_NEAR(s->uas.F1(), 100.0 * 5 / 6, 1e-9);
}

TEST(ParseScores, GoldTokensRefuseDifferentWordCounts) {
  constexpr char kShort[] = "1\tPutin\tPutin\tPROPN\tNNP\t_\t0\troot\t_\t_\n\n";
  EXPECT_FALSE(ScoreGoldTokens(Read(kGold), Read(kShort)).ok());
}

TEST(ParseScores, AlignedScoresAreF1OverAlignedWords) {
  // The system merged "plane." into one word: 5 system words, 4 of them aligned.
  constexpr char kSystem[] =
      "1\tPutin\tPutin\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
      "2\tvisited\tvisit\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n"
      "3\tTehran\tTehran\tPROPN\tNNP\tNumber=Sing\t2\tobj\t_\t_\n"
      "4\tby\tby\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tplane.\tplane.\tNOUN\tNN\tNumber=Sing\t2\tobl\t_\t_\n\n";
  auto s = ScoreAligned(Read(kGold), Read(kSystem));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->words.gold, 6u);
  EXPECT_EQ(s->words.system, 5u);
  EXPECT_EQ(s->words.correct, 4u);
  // Words 1-3 have aligned heads; "by" points at a word that is not aligned: wrong.
  EXPECT_EQ(s->uas.correct, 3u);
  EXPECT_EQ(s->upos.correct, 4u);
  EXPECT_NEAR(s->uas.F1(), 200.0 * 3 / 11, 1e-9);
}

}  // namespace
}  // namespace dyad::eval
