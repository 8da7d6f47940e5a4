#include "extract/quote_eval.h"

#include <gtest/gtest.h>

namespace dyad::extract {
namespace {

// Offsets are code points: the curly quotes are one each.
//                        0         1         2         3         4         5         6
//                        0123456789012345678901234567890123456789012345678901234567890123456
const std::string kText = "He said: \xE2\x80\x9CWe win.\xE2\x80\x9D Bob claimed that taxes rose.";
// "We win." is at 10..17 inside the marks (9 and 17); the content with marks is 9..18.

TEST(QuoteEvalTest, ParsesBratAttributionsAndMarksDirect) {
  std::string ann =
      "T1\tSource 0 2\tHe\n"
      "T2\tCue 3 7\tsaid\n"
      "T3\tContent 9 18\t\xE2\x80\x9CWe win.\xE2\x80\x9D\n"
      "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
      "T4\tSource 19 22\tBob\n"
      "T5\tContent 31 41;42 46\tthat taxes rose\n"
      "a continuation line of a span text\n"
      "E2\tContent:T5 Source:T4\n";
  auto gold = ParseBratAttributions(ann, kText);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_EQ(gold->size(), 2u);
  EXPECT_TRUE((*gold)[0].direct);
  EXPECT_EQ((*gold)[0].source.front(), CharRange(0, 2));
  EXPECT_FALSE((*gold)[1].direct);
  EXPECT_EQ((*gold)[1].content.size(), 2u);  // discontinuous span kept as two ranges

  EXPECT_FALSE(ParseBratAttributions("T1\tContent 0 999\tx\n", kText).ok());   // past the text
  EXPECT_FALSE(ParseBratAttributions("E1\tContent:T9\n", kText).ok());          // unknown span
}

TEST(QuoteEvalTest, WordOverlapAndSpeaker) {
  std::string ann =
      "T1\tSource 0 2\tHe\nT3\tContent 9 18\tx\nE1\tContent:T3 Source:T1\n"
      "T4\tSource 19 22\tBob\nT5\tContent 31 46\tx\nE2\tContent:T5 Source:T4\n";
  auto gold = ParseBratAttributions(ann, kText);
  ASSERT_TRUE(gold.ok());
  // System: the direct quote right with speaker "He"; a partial quote of "taxes" inside Bob's indirect
  // content (left out of precision); a spurious direct quote on "claimed" (wrong).
  std::vector<SystemQuote> sys = {{{10, 16}, {0, 2}, true}, {{36, 41}, {19, 22}, true}, {{23, 30}, {}, true}};
  QuoteScores s;
  std::vector<std::string> errors;
  ScoreQuotes(kText, *gold, sys, &s, &errors);
  EXPECT_EQ(s.gold_words, 2u);      // We win
  EXPECT_EQ(s.recall_hits, 2u);
  EXPECT_EQ(s.left_out_words, 1u);  // taxes
  EXPECT_EQ(s.system_words, 3u);    // We win claimed
  EXPECT_EQ(s.precision_hits, 2u);
  EXPECT_NEAR(s.F1(), 2 * (2.0 / 3) * 1.0 / (2.0 / 3 + 1.0), 1e-9);
  EXPECT_EQ(s.speaker_total, 1u);
  EXPECT_EQ(s.speaker_right, 1u);
  EXPECT_TRUE(errors.empty());

  // The same quote with the wrong speaker is counted and reported.
  sys[0].speaker = {19, 22};
  QuoteScores wrong;
  ScoreQuotes(kText, *gold, sys, &wrong, &errors);
  EXPECT_EQ(wrong.speaker_found, 1u);
  EXPECT_EQ(wrong.speaker_right, 0u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("'Bob'"), std::string::npos) << errors[0];
}

}  // namespace
}  // namespace dyad::extract
