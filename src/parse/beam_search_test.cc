#include "parse/beam_search.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/conllu.h"
#include "parse/hashing.h"
#include "parse/parser_model.h"
#include "parse/parser_trainer.h"
#include "parse/test_treebank.h"

namespace dyad::parse {
namespace {

const std::string kEwt = std::string(DYAD_SHARED_DATA) + "/ud/UD_English-EWT/";

std::vector<std::vector<WordAttrs>> AllAttrs(const Document& doc) {
  std::vector<std::vector<WordAttrs>> out(doc.sentences().size());
  for (uint32_t si = 0; si < doc.sentences().size(); ++si) FillSentenceAttrs(doc, si, &out[si]);
  return out;
}

// Every word has a head in 0..n, exactly one word hangs from the root, and following heads from any
// word reaches the root (no cycles).
void ExpectTree(const ParseState& s, int n) {
  int roots = 0;
  for (int w = 1; w <= n; ++w) {
    ASSERT_GE(s.word(w).head, 0) << "word " << w;
    ASSERT_LE(s.word(w).head, n);
    ASSERT_NE(s.word(w).head, w);
    roots += s.word(w).head == 0;
    int x = w, steps = 0;
    while (x != 0 && steps++ <= n) x = s.word(x).head;
    EXPECT_EQ(x, 0) << "cycle through word " << w;
  }
  EXPECT_EQ(roots, n > 0 ? 1 : 0);
}

// A beam of one driven by arbitrary (hashed) scores and labels visits many different states; at each
// one, the persistent item's view must give exactly the features a ParseState in the same place gives.
TEST(BeamSearch, ViewGivesTheParseStateFeatures) {
  // The tiny treebank, and longer real sentences when the shared data is there.
  std::string text = std::string(testing::kTinyTreebank) + testing::HeadOfConllu(kEwt + "en_ewt-ud-dev.conllu", 60);
  auto doc = ReadConllu(text);
  ASSERT_TRUE(doc.ok());
  auto attrs = AllAttrs(*doc);
  size_t second_left_children = 0;
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    for (uint32_t si = 0; si < attrs.size(); ++si) {
      auto& words = attrs[si];
      SentenceAttrs a{words.data(), static_cast<int>(words.size()) - 1};
      const SentenceRow& row = doc->sentences()[si];
      std::vector<int> heads(a.n + 1, 0);
      for (int w = 1; w <= a.n; ++w) {
        int32_t h = doc->tokens()[row.first_token + w - 1].head;
        heads[w] = h == kNoHead ? 0 : h - static_cast<int32_t>(row.first_token) + 1;
      }
      DynamicOracle oracle;
      oracle.Reset(heads);
      BeamSearch beam;
      beam.Start(a.n, 1, false);
      ParseState mirror;
      mirror.Reset(a.n);
      // Mostly the gold tree's moves (deep stacks, several children per word), with hashed noise that
      // sometimes wins (states off the gold path).
      auto score = [&](const uint64_t* keys, int n, double* s) {
        for (int m = 0; m < kNumMoves; ++m) {
          s[m] = static_cast<double>(Mix64(keys[0] + seed * 7 + m + n) & 0xff);
          if (mirror.Legal(static_cast<Move>(m)) && oracle.Cost(mirror, static_cast<Move>(m)) == 0) s[m] += 200;
        }
      };
      auto label = [&](const BeamView& v, int head, int dep) {
        uint64_t bk[kMaxLabelFeatures], mk[kMaxLabelFeatures];
        int nb = ExtractLabelFeatures(v, a, head, dep, bk);
        int nm = ExtractLabelFeatures(mirror, a, head, dep, mk);
        EXPECT_EQ(std::vector<uint64_t>(bk, bk + nb), std::vector<uint64_t>(mk, mk + nm));
        return static_cast<int>((Mix64(seed + dep * 31 + head) % 5));
      };
      while (beam.steps_left() > 0) {
        // Before the step: the item's features equal the mirror's.
        uint64_t bk[kMaxMoveFeatures], mk[kMaxMoveFeatures];
        BeamView view = beam.View(0);
        int nb = ExtractMoveFeatures(view, a, bk);
        int nm = ExtractMoveFeatures(mirror, a, mk);
        ASSERT_EQ(std::vector<uint64_t>(bk, bk + nb), std::vector<uint64_t>(mk, mk + nm));
        beam.Step(a, score, label, -1);
        const BeamStep& st = beam.step(beam.items()[0].hist);
        mirror.Apply(static_cast<Move>(st.move), st.label);
        if (mirror.B(0) > 0) second_left_children += mirror.word(mirror.B(0)).lc2 != kNone;
      }
      EXPECT_TRUE(mirror.Terminal());
      ExpectTree(mirror, a.n);
    }
  }
  EXPECT_GT(second_left_children, 0u);  // the states the test visits include the harder bookkeeping
}

TEST(BeamSearch, BeamOfOneIsTheGreedyParse) {
  std::string train_text = testing::HeadOfConllu(kEwt + "en_ewt-ud-train.conllu", 300);
  std::string dev_text = testing::HeadOfConllu(kEwt + "en_ewt-ud-dev.conllu", 200);
  if (train_text.empty()) train_text = dev_text = testing::kTinyTreebank;  // no shared data: tiny only
  auto train = ReadConllu(train_text);
  auto dev = ReadConllu(dev_text);
  ASSERT_TRUE(train.ok() && dev.ok());
  ParserTrainOptions opt;
  opt.epochs = 2;
  auto model = TrainParser(*train, *dev, opt);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ParseState greedy, beamed;
  BeamSearch beam;
  size_t differ = 0, words = 0;
  for (auto& words_attrs : AllAttrs(*dev)) {
    SentenceAttrs a{words_attrs.data(), static_cast<int>(words_attrs.size()) - 1};
    model->Parse(a, greedy);
    BeamParse(*model, a, 1, beam, beamed);
    for (int w = 1; w <= a.n; ++w, ++words)
      differ += greedy.word(w).head != beamed.word(w).head || greedy.word(w).label != beamed.word(w).label;
  }
  EXPECT_GT(words, 0u);
  EXPECT_EQ(differ, 0u);
  // A wider beam may parse differently, but scored the same way as greedy it finds trees too.
  ParseScore g = ScoreParser(*model, *dev, 1), b = ScoreParser(*model, *dev, 4);
  EXPECT_EQ(g.words, b.words);
}

TEST(BeamSearch, WiderBeamsGiveTreesAndStayLinear) {
  Document doc = testing::TinyTreebank();
  ParserTrainOptions opt;
  opt.epochs = 3;
  auto model = TrainParser(doc, doc, opt);
  ASSERT_TRUE(model.ok());
  BeamSearch beam;
  ParseState out;
  for (int k : {2, 4, 8, kMaxBeam}) {
    for (auto& words : AllAttrs(doc)) {
      SentenceAttrs a{words.data(), static_cast<int>(words.size()) - 1};
      BeamParse(*model, a, k, beam, out);
      EXPECT_TRUE(out.Terminal());
      ExpectTree(out, a.n);
    }
  }
  // A 2,000-word sentence of one repeated word and a one-word sentence: trees, in bounded time.
  for (int n : {1, 2000}) {
    Document d = testing::UniformSentence("the", Upos::DET, n);
    std::vector<WordAttrs> words;
    FillSentenceAttrs(d, 0, &words);
    SentenceAttrs a{words.data(), n};
    auto t0 = std::chrono::steady_clock::now();
    BeamParse(*model, a, 8, beam, out);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ExpectTree(out, n);
    EXPECT_LT(secs, 2.0);
  }
}

TEST(BeamSearch, TrainingFitsTheTinyTreebankAndIsDeterministic) {
  Document train = testing::TinyTreebank();
  ParserTrainOptions opt;
  opt.epochs = 8;
  opt.beam_size = 4;
  opt.min_updates = 1;
  auto m1 = TrainParser(train, train, opt);
  auto m2 = TrainParser(train, train, opt);
  ASSERT_TRUE(m1.ok() && m2.ok()) << m1.status().ToString();
  // Global training must learn its own training set (four short sentences) with the same beam.
  ParseScore s = ScoreParser(*m1, train, 4);
  EXPECT_EQ(s.head_correct, s.words);
  EXPECT_TRUE(testing::SameSavedBytes(*m1, *m2, "beam_det"));
  // Early update trains too, and so does a warm start from greedy epochs.
  opt.early_update = true;
  opt.beam_from_epoch = 3;
  auto m3 = TrainParser(train, train, opt);
  ASSERT_TRUE(m3.ok());
  EXPECT_EQ(ScoreParser(*m3, train, 4).words, s.words);
}

TEST(BeamSearch, RefusesBeamSizesOutOfRange) {
  Document train = testing::TinyTreebank();
  ParserTrainOptions opt;
  opt.epochs = 1;
  opt.beam_size = kMaxBeam + 1;
  EXPECT_FALSE(TrainParser(train, train, opt).ok());
  opt.beam_size = 0;
  EXPECT_FALSE(TrainParser(train, train, opt).ok());
}

}  // namespace
}  // namespace dyad::parse
