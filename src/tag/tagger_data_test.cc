// The shipped model (models/tagger.dyad) against the bars on UD English EWT test with gold
// tokenisation: UPOS >= 95.5, lemma >= 97. Also prints XPOS, UFeats, and UPOS on English PUD (news,
// out of domain; no bar here). Runs the real Stage over a CoNLL-U Document whose gold tags it must
// overwrite. Skips when the shared data folder is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "io/conllu.h"
#include "tag/tagger.h"

namespace dyad {
namespace {

const std::string kModel = std::string(DYAD_SOURCE_DIR) + "/" + kDefaultTaggerModel;
const std::string kUd = std::string(DYAD_SHARED_DATA) + "/ud/";

struct Scores {
  double upos = 0, xpos = 0, ufeats = 0, lemma = 0;
  size_t tokens = 0;
};

Scores TagAndScore(const Stage& stage, const std::string& path) {
  auto doc = ReadConlluFile(path);
  auto gold = ReadConlluFile(path);
  EXPECT_TRUE(doc.ok() && gold.ok());
  auto scratch = stage.NewScratch();
  EXPECT_TRUE(stage.Process(*doc, scratch.get()).ok());
  size_t u = 0, x = 0, f = 0, l = 0, n = gold->tokens().size();
  for (uint32_t i = 0; i < n; ++i) {
    Token p = doc->token(i), g = gold->token(i);
    u += p.upos() == g.upos();
    x += p.xpos() == g.xpos();
    f += p.feats() == g.feats();
    l += p.lemma() == g.lemma();
  }
  double d = static_cast<double>(n) / 100.0;
  return {u / d, x / d, f / d, l / d, n};
}

TEST(TaggerData, ShippedModelMeetsTheBarsOnEwtTest) {
  std::string test = kUd + "UD_English-EWT/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(test)) GTEST_SKIP() << "shared data absent: " << test;
  auto stage = LoadTaggerStage(kModel);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  Scores s = TagAndScore(**stage, test);
  std::printf("EWT test (%zu words, gold tokens): UPOS %.2f XPOS %.2f UFeats %.2f Lemma %.2f\n", s.tokens, s.upos,
              s.xpos, s.ufeats, s.lemma);
  EXPECT_GE(s.upos, 95.5);
  EXPECT_GE(s.lemma, 97.0);
  EXPECT_GE(s.xpos, 94.0);    // regression guards, below what the shipped model measures
  EXPECT_GE(s.ufeats, 94.5);
}

TEST(TaggerData, EwtDevForTheRecord) {
  // Dev chose the epochs and the second-pass skip margin, so it is not a fair test; printed so the
  // documentation's dev row can be reproduced.
  std::string dev = kUd + "UD_English-EWT/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(dev)) GTEST_SKIP() << "shared data absent: " << dev;
  auto stage = LoadTaggerStage(kModel);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  Scores s = TagAndScore(**stage, dev);
  std::printf("EWT dev (%zu words, gold tokens): UPOS %.2f XPOS %.2f UFeats %.2f Lemma %.2f\n", s.tokens, s.upos,
              s.xpos, s.ufeats, s.lemma);
  EXPECT_GE(s.upos, 94.5);  // a regression guard
}

TEST(TaggerData, OutOfDomainNewsPud) {
  std::string pud = kUd + "UD_English-PUD/en_pud-ud-test.conllu";
  if (!std::filesystem::exists(pud)) GTEST_SKIP() << "shared data absent: " << pud;
  auto stage = LoadTaggerStage(kModel);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  Scores s = TagAndScore(**stage, pud);
  std::printf("PUD (%zu words, gold tokens): UPOS %.2f XPOS %.2f UFeats %.2f Lemma %.2f\n", s.tokens, s.upos, s.xpos,
              s.ufeats, s.lemma);
  EXPECT_GE(s.upos, 92.0);  // a regression guard; PUD is measure-only, never trained on
}

// Headlines in title case: the shipped model, with the stage's second look at title-case sentences,
// reads the capitalised verb as a verb and leaves the names alone; a signature line stays names.
TEST(TaggerShippedModel, TitleCaseHeadlineVerbIsAVerb) {
  auto stage = LoadTaggerStage(kModel);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  auto tag = [&](const std::vector<const char*>& words) {
    std::string conllu;
    int id = 0;
    for (const char* w : words) conllu += std::to_string(++id) + "\t" + w + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
    auto doc = ReadConllu(conllu + "\n");
    EXPECT_TRUE(doc.ok());
    auto scratch = (*stage)->NewScratch();
    EXPECT_TRUE((*stage)->Process(*doc, scratch.get()).ok());
    return std::move(*doc);
  };
  Document headline = tag({"Chinese", "President", "Meets", "With", "Castro"});
  EXPECT_EQ(headline.token(2).upos(), Upos::VERB);
  EXPECT_EQ(headline.token(2).lemma(), "meet");
  EXPECT_EQ(headline.token(4).upos(), Upos::PROPN);
  Document signature = tag({"John", "Staikos", "Direct", "Dial"});
  EXPECT_NE(signature.token(1).upos(), Upos::VERB);
}

}  // namespace
}  // namespace dyad
