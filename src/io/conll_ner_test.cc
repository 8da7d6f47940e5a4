#include "io/conll_ner.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dyad {
namespace {

std::vector<NerDocument> Read(const std::string& text, uint32_t per_doc = 0) {
  std::istringstream in(text);
  return ReadConllNer(in, per_doc);
}

TEST(ConllNerTest, Iob1SpansStartWhereTheTypeChangesOrAtB) {
  // CoNLL-2003 layout: word POS chunk TAG; IOB1 ("I-" opens a span unless it continues one).
  auto docs = Read(
      "-DOCSTART- -X- -X- O\n\n"
      "Putin NNP B-NP I-PER\nmet VBD B-VP O\nRaisi NNP B-NP I-PER\nErdogan NNP I-NP B-PER\nin IN B-PP O\n"
      "Tehran NNP B-NP I-LOC\n\n"
      "-DOCSTART- -X- -X- O\n\nNew NNP B-NP I-ORG\nYork NNP I-NP I-ORG\nTimes NNP I-NP I-ORG\n\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].tokens, 6u);
  std::vector<NerSpan> want = {{0, 1, "PER"}, {2, 3, "PER"}, {3, 4, "PER"}, {5, 6, "LOC"}};
  EXPECT_EQ(docs[0].spans, want);
  EXPECT_EQ(docs[1].spans, (std::vector<NerSpan>{{0, 3, "ORG"}}));
  EXPECT_NE(docs[0].conllu.find("1\tPutin\t"), std::string::npos);
}

TEST(ConllNerTest, MapsOtherSetsTypeNamesAndDropsTheRest) {
  auto docs = Read(
      "Apple\tB-corporation\nsaid\tO\nSteve\tB-person\nJobs\tI-person\nin\tO\n2011\tB-Temporal\n"
      "the\tO\nSyrian\tB-Nationality\narmy\tO\n\n");
  ASSERT_EQ(docs.size(), 1u);
  std::vector<NerSpan> want = {{0, 1, "ORG"}, {2, 4, "PER"}, {7, 8, "MISC"}};
  EXPECT_EQ(docs[0].spans, want);
  EXPECT_EQ(CanonicalNerType("creative-work"), "MISC");
  EXPECT_EQ(CanonicalNerType("Weapon"), "");
}

TEST(ConllNerTest, FilesWithoutDocstartAreCutEveryNSentences) {
  auto docs = Read("a O\n\nb O\n\nc B-LOC\n\n", 2);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].tokens, 2u);
  EXPECT_EQ(docs[1].spans, (std::vector<NerSpan>{{0, 1, "LOC"}}));
}

TEST(ConllNerTest, JunkLinesAndEmptyInputLoseNothingAndDoNotCrash) {
  EXPECT_TRUE(Read("").empty());
  EXPECT_TRUE(Read("\n\n\n-DOCSTART- O\n\n").empty());
  // A word without a tag column counts as outside; a bad tag is outside; CRLF is tolerated.
  auto docs = Read("lonely\r\nX I-\r\nY B-PER\r\n\r\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].tokens, 3u);
  EXPECT_EQ(docs[0].spans, (std::vector<NerSpan>{{2, 3, "PER"}}));
  // An I- after a span of another type opens a new span.
  docs = Read("A B-PER\nB I-ORG\n\n");
  EXPECT_EQ(docs[0].spans, (std::vector<NerSpan>{{0, 1, "PER"}, {1, 2, "ORG"}}));
}

}  // namespace
}  // namespace dyad
