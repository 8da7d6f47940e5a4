#include "text/text_stage.h"

#include "text/sentence_splitter.h"

#include <string>

#include <gtest/gtest.h>

namespace dyad {
namespace {

Document RunStage(std::string text) {
  Document doc(std::move(text));
  auto stage = MakeTextStage();
  auto scratch = stage->NewScratch();
  Status st = stage->Process(doc, scratch.get());
  EXPECT_TRUE(st.ok()) << st.ToString();
  return doc;
}

TEST(TextStageTest, Declares) {
  auto stage = MakeTextStage();
  EXPECT_EQ(stage->Requires(), kLayerText);
  EXPECT_EQ(stage->Provides(), kLayerTokens);
  Pipeline p;
  EXPECT_TRUE(p.Add(stage).ok());
}

TEST(TextStageTest, EmptyDocument) {
  Document doc = RunStage("");
  EXPECT_TRUE(doc.tokens().empty());
  EXPECT_TRUE(doc.sentences().empty());
}

TEST(TextStageTest, RowsSentencesAndNorm) {
  Document doc = RunStage("Putin’s visit — “Iran” won’t wait.\n\nTalks begin.");
  ASSERT_EQ(doc.sentences().size(), 2u);
  const SentenceRow& s0 = doc.sentences()[0];
  EXPECT_EQ(doc.sentence(0).text(), "Putin’s visit — “Iran” won’t wait.");
  EXPECT_EQ(doc.sentence(1).text(), "Talks begin.");
  EXPECT_EQ(s0.first_token, 0u);
  EXPECT_EQ(doc.sentences()[1].first_token, s0.end_token);
  // Putin + ’s, joined; folded forms where the raw slice differs.
  Token t0 = doc.token(0), t1 = doc.token(1);
  EXPECT_EQ(t0.text(), "Putin");
  EXPECT_TRUE(t0.row().flags & kTokJoinedToNext);
  EXPECT_EQ(t0.row().norm, kNoStr);
  EXPECT_EQ(t1.text(), "’s");
  EXPECT_EQ(t1.norm(), "'s");
  EXPECT_EQ(doc.token(3).norm(), "--");
  EXPECT_EQ(doc.token(4).norm(), "\"");
  EXPECT_EQ(doc.token(7).text(), "wo");
  EXPECT_EQ(doc.token(8).norm(), "n't");
  for (uint32_t i = 0; i < doc.tokens().size(); ++i)
    EXPECT_EQ(doc.tokens()[i].sentence, i < s0.end_token ? 0u : 1u);
}

TEST(TextStageTest, SentenceFinalAbbreviationLosesItsPeriod) {
  Document doc = RunStage("He works for Acme Inc. The deal is off.");
  ASSERT_EQ(doc.sentences().size(), 2u);
  const SentenceRow& s0 = doc.sentences()[0];
  EXPECT_EQ(doc.token(s0.end_token - 2).text(), "Inc");
  EXPECT_EQ(doc.token(s0.end_token - 1).text(), ".");
  EXPECT_TRUE(doc.token(s0.end_token - 1).row().flags & kTokSpaceAfter);
  EXPECT_FALSE(doc.token(s0.end_token - 2).row().flags & kTokSpaceAfter);
}

TEST(TextStageTest, RerunReplacesLayers) {
  Document doc("One. Two.");
  auto stage = MakeTextStage();
  ASSERT_TRUE(stage->Process(doc, nullptr).ok());
  ASSERT_TRUE(stage->Process(doc, nullptr).ok());
  EXPECT_EQ(doc.tokens().size(), 4u);
  EXPECT_EQ(doc.sentences().size(), 2u);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(TextStageTest, HugeSentenceIsBounded) {
  // 5,000 tokens without a full stop, ending in abbreviations whose period may be split off.
  std::string text;
  for (int i = 0; i < 2500; ++i) text += "word Inc. ";
  Document doc = RunStage(text);
  ASSERT_GT(doc.sentences().size(), 1u);
  uint32_t next = 0;
  for (const SentenceRow& s : doc.sentences()) {
    EXPECT_EQ(s.first_token, next);
    EXPECT_LE(s.end_token - s.first_token, text::kMaxSentenceTokens);
    next = s.end_token;
  }
  EXPECT_EQ(next, doc.tokens().size());
}

}  // namespace
}  // namespace dyad
