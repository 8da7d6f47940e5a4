// Measures the text stage against UD gold from raw text and asserts the bars of issue 2:
// Tokens F1 >= 98.5 on UD_English-EWT test and UD_English-PUD, Sentences F1 >= 97 on PUD.
// Skips when ../shared/data is absent.
#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "eval/ud_eval.h"
#include "io/conllu.h"
#include "text/text_stage.h"

namespace dyad::eval {
namespace {

Result<TokenizationScores> Measure(const std::string& relative) {
  std::string path = std::string(DYAD_SHARED_DATA) + "/ud/" + relative;
  auto gold = ReadConlluFile(path);
  if (!gold.ok()) return gold.status();
  Document sys(RunningTextFromGold(*gold));
  auto stage = MakeTextStage();
  auto scratch = stage->NewScratch();
  DYAD_RETURN_IF_ERROR(stage->Process(sys, scratch.get()));
  auto s = EvaluateTokenization(*gold, sys);
  if (s.ok())
    std::printf("%s: Tokens F1 %.2f  Words F1 %.2f  Sentences F1 %.2f\n", relative.c_str(), s->tokens.F1(),
                s->words.F1(), s->sentences.F1());
  return s;
}

bool HaveData(const char* relative) {
  return std::filesystem::exists(std::string(DYAD_SHARED_DATA) + "/ud/" + relative);
}

TEST(UdDataTest, EwtTest) {
  const char* file = "UD_English-EWT/en_ewt-ud-test.conllu";
  if (!HaveData(file)) GTEST_SKIP() << "shared data not found: " << DYAD_SHARED_DATA << "/ud/" << file;
  auto s = Measure(file);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_GE(s->tokens.F1(), 98.5);
  EXPECT_GE(s->words.F1(), 98.0);
}

TEST(UdDataTest, Pud) {
  const char* file = "UD_English-PUD/en_pud-ud-test.conllu";
  if (!HaveData(file)) GTEST_SKIP() << "shared data not found: " << DYAD_SHARED_DATA << "/ud/" << file;
  auto s = Measure(file);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_GE(s->tokens.F1(), 98.5);
  EXPECT_GE(s->sentences.F1(), 97.0);
}

}  // namespace
}  // namespace dyad::eval
