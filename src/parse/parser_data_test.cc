// Accuracy of the shipped models (models/tagger.dyad + models/parser.dyad) on the shared UD data.
//
// The *Floor tests are regression floors: what the shipped pair measured when it was last retrained
// (docs/parser.md), minus a small margin. They catch a broken parser, feature or tagger hand-off; they do
// NOT say the issue's bars are met. Each prints the measured value next to the issue-3 bar, and
// IssueBarsStatus only reports which bars are met (it never fails because of a bar, and never claims
// one). Skips when the data or the models are absent.
#include <gtest/gtest.h>

#include <cstdio>
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

  eval::ParseScores RawText(const std::string& path) {
    auto gold = ReadConlluFile(path);
    EXPECT_TRUE(gold.ok());
    Document system(eval::RunningTextFromGold(*gold));
    Pipeline p;
    EXPECT_TRUE(p.Add(MakeTextStage()).ok());
    EXPECT_TRUE(p.Add(tagger_).ok());
    EXPECT_TRUE(p.Add(parser_).ok());
    Pipeline::Scratch scratch(p);
    EXPECT_TRUE(p.Process(system, scratch).ok());
    auto s = eval::ScoreAligned(*gold, system);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return *s;
  }

  std::shared_ptr<const Stage> tagger_, parser_;
};

// Measured / floor / issue bar on one line, so the gap to the bar is visible in every test run.
void Report(const char* what, double measured, double floor, double bar) {
  std::printf("  %-32s measured %6.2f  floor %6.2f  issue-3 bar %6.2f  %s\n", what, measured, floor, bar,
              measured >= bar ? "(bar met)" : "(bar NOT met)");
}

const std::string kEwtTest = kUd + "UD_English-EWT/en_ewt-ud-test.conllu";
const std::string kPudTest = kUd + "UD_English-PUD/en_pud-ud-test.conllu";

// Floors: the shipped models' numbers (docs/parser.md, "Results": EWT 85.04 / 81.99, PUD 81.59, raw
// LAS 79.50 with models/tagger.dyad of 04:58) minus 0.3. Raise them when a better pair is shipped.
constexpr double kEwtUasFloor = 84.74, kEwtLasFloor = 81.69;
constexpr double kPudUasFloor = 81.29;
constexpr double kRawLasFloor = 79.20;
// The issue's bars (issue 3).
constexpr double kEwtUasBar = 86.0, kEwtLasBar = 83.0, kPudUasBar = 85.0, kRawLasBar = 77.0;

TEST_F(ParserDataTest, EwtTestGoldTokensPredictedTagsFloor) {
  if (!std::filesystem::exists(kEwtTest)) GTEST_SKIP() << "no " << kEwtTest;
  eval::ParseScores s = GoldTokens(kEwtTest);
  RecordProperty("UAS", std::to_string(s.uas.F1()));
  RecordProperty("LAS", std::to_string(s.las.F1()));
  Report("EWT test UAS (gold tokens)", s.uas.F1(), kEwtUasFloor, kEwtUasBar);
  Report("EWT test LAS (gold tokens)", s.las.F1(), kEwtLasFloor, kEwtLasBar);
  EXPECT_GE(s.uas.F1(), kEwtUasFloor);
  EXPECT_GE(s.las.F1(), kEwtLasFloor) << "CoNLL 2018 LAS";
}

TEST_F(ParserDataTest, PudGoldTokensPredictedTagsFloor) {
  if (!std::filesystem::exists(kPudTest)) GTEST_SKIP() << "no " << kPudTest;
  eval::ParseScores s = GoldTokens(kPudTest);
  RecordProperty("UAS", std::to_string(s.uas.F1()));
  Report("PUD UAS (gold tokens)", s.uas.F1(), kPudUasFloor, kPudUasBar);
  EXPECT_GE(s.uas.F1(), kPudUasFloor);
}

TEST_F(ParserDataTest, EwtTestFromRawTextFloor) {
  if (!std::filesystem::exists(kEwtTest)) GTEST_SKIP() << "no " << kEwtTest;
  eval::ParseScores s = RawText(kEwtTest);
  RecordProperty("LAS", std::to_string(s.las.F1()));
  Report("EWT test LAS (raw text, F1)", s.las.F1(), kRawLasFloor, kRawLasBar);
  EXPECT_GE(s.las.F1(), kRawLasFloor) << "CoNLL 2018 LAS F1";
}

// Not a pass/fail check of the bars: it records which of issue 3's accuracy bars the shipped models meet
// (test properties + stdout) so that a green run cannot be read as "bars met". The floors above are the
// regression checks. Fails only if the models cannot be evaluated at all.
TEST_F(ParserDataTest, IssueBarsStatus) {
  if (!std::filesystem::exists(kEwtTest) || !std::filesystem::exists(kPudTest)) GTEST_SKIP() << "no EWT/PUD test";
  eval::ParseScores ewt = GoldTokens(kEwtTest), pud = GoldTokens(kPudTest);
  const bool ewt_uas = ewt.uas.F1() >= kEwtUasBar, ewt_las = ewt.las.F1() >= kEwtLasBar;
  const bool pud_uas = pud.uas.F1() >= kPudUasBar;
  RecordProperty("EwtUasBarMet", ewt_uas ? "yes" : "no");
  RecordProperty("EwtLasBarMet", ewt_las ? "yes" : "no");
  RecordProperty("PudUasBarMet", pud_uas ? "yes" : "no");
  std::printf("  issue-3 bars: EWT UAS>=86 %s, EWT LAS>=83 %s, PUD UAS>=85 %s (raw LAS>=77: see floor test)\n",
              ewt_uas ? "MET" : "NOT MET", ewt_las ? "MET" : "NOT MET", pud_uas ? "MET" : "NOT MET");
  EXPECT_GT(ewt.uas.F1(), 0.0);
  EXPECT_GT(pud.uas.F1(), 0.0);
}

}  // namespace
}  // namespace dyad
