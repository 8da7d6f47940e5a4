#include "parse/parser_trainer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/conllu.h"
#include "parse/test_treebank.h"

namespace dyad::parse {
namespace {

const std::string kEwt = std::string(DYAD_SHARED_DATA) + "/ud/UD_English-EWT/";

// Attach every word to the word before it (the first to the root): the trivial baseline.
double AttachToPreviousUas(const Document& doc) {
  size_t words = 0, right = 0;
  for (const SentenceRow& s : doc.sentences())
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      ++words;
      int32_t guess = t == s.first_token ? kNoHead : static_cast<int32_t>(t) - 1;
      right += doc.tokens()[t].head == guess;
    }
  return words ? 100.0 * right / words : 0;
}

TEST(ParserTrainer, SmallEwtSampleBeatsAttachToPrevious) {
  std::string train_text = testing::HeadOfConllu(kEwt + "en_ewt-ud-train.conllu", 400);
  std::string dev_text = testing::HeadOfConllu(kEwt + "en_ewt-ud-dev.conllu", 300);
  if (train_text.empty() || dev_text.empty()) GTEST_SKIP() << "UD_English-EWT not found under " << kEwt;
  auto train = ReadConllu(train_text);
  auto dev = ReadConllu(dev_text);
  ASSERT_TRUE(train.ok() && dev.ok());
  ParserTrainOptions opt;
  opt.epochs = 2;
  auto t0 = std::chrono::steady_clock::now();
  auto model = TrainParser(*train, *dev, opt);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ParseScore s = ScoreParser(*model, *dev);
  double baseline = AttachToPreviousUas(*dev);
  EXPECT_GT(s.uas(), baseline + 15.0) << "baseline UAS " << baseline;
  EXPECT_GT(s.las(), 50.0);
  EXPECT_LT(secs, 60.0);
}

TEST(ParserTrainer, SameSeedSameModelBytes) {
  Document train = testing::TinyTreebank();
  ParserTrainOptions opt;
  opt.epochs = 4;
  opt.seed = 3;
  auto m1 = TrainParser(train, train, opt);
  auto m2 = TrainParser(train, train, opt);
  ASSERT_TRUE(m1.ok() && m2.ok());
  EXPECT_TRUE(testing::SameSavedBytes(*m1, *m2, "parser_det"));
}

TEST(ParserTrainer, RefusesDataWithoutTrees) {
  // Two words and no HEAD column: two roots, not a tree.
  auto doc = ReadConllu("1\tHello\thello\tINTJ\tUH\t_\t_\t_\t_\t_\n2\tthere\tthere\tADV\tRB\t_\t_\t_\t_\t_\n\n");
  ASSERT_TRUE(doc.ok());
  auto m = TrainParser(*doc, *doc, ParserTrainOptions());
  EXPECT_FALSE(m.ok());
}

}  // namespace
}  // namespace dyad::parse
