// The accuracy bars, measured with the shipped models (models/tagger.dyad + models/parser.dyad)
// on the shared UD data. Skips when the data or the models are absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "eval/parse_scores.h"
#include "eval/ud_eval.h"
#include "io/conllu.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/text_stage.h"

namespace dyad {
namespace {

const std::string kUd = std::string(DYAD_SHARED_DATA) + "/ud/";
const std::string kModels = std::string(DYAD_SOURCE_DIR) + "/models/";

class ParserDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kModels + "parser.dyad") || !std::filesystem::exists(kModels + "tagger.dyad"))
      GTEST_SKIP() << "models/parser.dyad or models/tagger.dyad not built";
    auto tagger = LoadTaggerStage(kModels + "tagger.dyad");
    auto parser = LoadParserStage(kModels + "parser.dyad");
    ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
    ASSERT_TRUE(parser.ok()) << parser.status().ToString();
    tagger_ = *tagger;
    parser_ = *parser;
  }

  // Gold tokenisation, predicted tags: the tagger and the parser re-annotate the gold words.
  eval::ParseScores GoldTokens(const std::string& path) {
    auto gold = ReadConlluFile(path);
    auto system = ReadConlluFile(path);
    EXPECT_TRUE(gold.ok() && system.ok());
    EXPECT_TRUE(tagger_->Process(*system, tagger_->NewScratch().get()).ok());
    EXPECT_TRUE(parser_->Process(*system, parser_->NewScratch().get()).ok());
    auto s = eval::ScoreGoldTokens(*gold, *system);
    EXPECT_TRUE(s.ok());
    return *s;
  }

  std::shared_ptr<const Stage> tagger_, parser_;
};

TEST_F(ParserDataTest, EwtTestGoldTokensPredictedTags) {
  std::string path = kUd + "UD_English-EWT/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  eval::ParseScores s = GoldTokens(path);
  RecordProperty("UAS", std::to_string(s.uas.F1()));
  RecordProperty("LAS", std::to_string(s.las_full.F1()));
  EXPECT_GE(s.uas.F1(), 86.0);
  EXPECT_GE(s.las_full.F1(), 83.0) << "full labels";
}

TEST_F(ParserDataTest, PudGoldTokensPredictedTags) {
  std::string path = kUd + "UD_English-PUD/en_pud-ud-test.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  eval::ParseScores s = GoldTokens(path);
  EXPECT_GE(s.uas.F1(), 85.0);
}

TEST_F(ParserDataTest, EwtTestFromRawText) {
  std::string path = kUd + "UD_English-EWT/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  auto gold = ReadConlluFile(path);
  ASSERT_TRUE(gold.ok());
  Document system(eval::RunningTextFromGold(*gold));
  Pipeline p;
  ASSERT_TRUE(p.Add(MakeTextStage()).ok());
  ASSERT_TRUE(p.Add(tagger_).ok());
  ASSERT_TRUE(p.Add(parser_).ok());
  Pipeline::Scratch scratch(p);
  ASSERT_TRUE(p.Process(system, scratch).ok());
  auto s = eval::ScoreAligned(*gold, system);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_GE(s->las.F1(), 77.0) << "CoNLL 2018 LAS F1";
}

}  // namespace
}  // namespace dyad
