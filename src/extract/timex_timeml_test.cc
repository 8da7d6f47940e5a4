#include "extract/timex_timeml.h"

#include <gtest/gtest.h>

namespace dyad::extract {
namespace {

constexpr const char* kDoc =
    "<?xml version=\"1.0\" ?><TimeML><DOCID>doc_1</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2020-05-04\" functionInDocument=\"CREATION_TIME\">May 4, "
    "2020</TIMEX3></DCT>\n"
    "<TEXT>The council <EVENT eid=\"e1\">met</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-05-01\">on "
    "Friday</TIMEX3> &amp; agreed to meet <TIMEX3 tid=\"t2\" type=\"SET\" value=\"P1W\">weekly</TIMEX3>.</TEXT>"
    "</TimeML>\n";

TEST(TimeMlTest, ReadsTextTimexesAndDct) {
  auto doc = ReadTimeMl(kDoc);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->id, "doc_1");
  EXPECT_EQ(doc->dct, "2020-05-04");
  EXPECT_EQ(doc->text, "The council met on Friday & agreed to meet weekly.");
  ASSERT_EQ(doc->timexes.size(), 2u);
  const GoldTimex& t = doc->timexes[0];
  EXPECT_EQ(doc->text.substr(t.begin, t.end - t.begin), "on Friday");
  EXPECT_EQ(t.value, "2020-05-01");
  EXPECT_EQ(doc->timexes[1].type, "SET");
}

TEST(TimeMlTest, RefusesBrokenMarkup) {
  EXPECT_FALSE(ReadTimeMl("<TimeML>no text</TimeML>").ok());
  EXPECT_FALSE(ReadTimeMl("<TEXT><TIMEX3 value=\"1\">a <TIMEX3>b</TIMEX3></TIMEX3></TEXT>").ok());
  EXPECT_FALSE(ReadTimeMl("<TEXT><TIMEX3 value=\"1\">a</TEXT>").ok());
  EXPECT_FALSE(ReadTimeMl("<TEXT>a <b</TEXT>").ok());
}

TEST(TimeMlTest, ScoresRelaxedStrictAndValue) {
  std::vector<GoldTimex> gold = {{3, 12, "DATE", "2020-05-01"}, {20, 26, "SET", "P1W"}, {40, 44, "DATE", "2019"}};
  std::vector<GoldTimex> sys = {{6, 12, "DATE", "2020-05-01"}, {20, 26, "SET", "P1D"}, {30, 35, "DATE", "2018"}};
  TimexScores s = ScoreTimexes(gold, sys);
  EXPECT_EQ(s.relaxed, 2u);
  EXPECT_EQ(s.strict, 1u);
  EXPECT_EQ(s.value_right, 1u);
  EXPECT_DOUBLE_EQ(s.RelaxedF1(), 2.0 * 2 / 6);
  EXPECT_DOUBLE_EQ(s.ValueAccuracy(), 0.5);
}

}  // namespace
}  // namespace dyad::extract
