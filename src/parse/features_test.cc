#include "parse/features.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "parse/hashing.h"

namespace dyad::parse {
namespace {

std::vector<WordAttrs> Words(int n) {
  std::vector<WordAttrs> w(n + 1);
  w[0] = RootAttrs();
  for (int i = 1; i <= n; ++i) {
    w[i].word = HashWord("w" + std::to_string(i));
    w[i].lemma = HashBytes("l");
    w[i].xpos = HashBytes("NN");
    w[i].upos = 8;
    w[i].word_upos = Mix64(w[i].word + 8);
  }
  return w;
}

TEST(Hashing, WordKeyFoldsCaseAndDigits) {
  EXPECT_EQ(HashWord("Tehran"), HashWord("TEHRAN"));
  EXPECT_EQ(HashWord("1999"), HashWord("2022"));
  EXPECT_NE(HashWord("Tehran"), HashWord("Tehrani"));
  EXPECT_NE(FeatureKey(1, 5), FeatureKey(2, 5));
  EXPECT_NE(FeatureKey(1, 5, 6), FeatureKey(1, 6, 5));
  EXPECT_EQ(FeatureKey(3, 0) & 1, 1u) << "keys are never 0";
}

TEST(Features, CountsStayWithinBoundsAndKeysAreDistinctTemplates) {
  auto w = Words(5);
  SentenceAttrs a{w.data(), 5};
  ParseState s;
  s.Reset(5);
  uint64_t keys[kMaxMoveFeatures];
  int n = ExtractMoveFeatures(s, a, keys);
  ASSERT_GT(n, 50);
  ASSERT_LE(n, kMaxMoveFeatures);
  std::set<uint64_t> distinct(keys, keys + n);
  EXPECT_GT(distinct.size(), static_cast<size_t>(n) * 9 / 10) << "templates should not collide";
  s.Apply(kShift, -1);
  s.Apply(kShift, -1);
  uint64_t lkeys[kMaxLabelFeatures];
  int ln = ExtractLabelFeatures(s, a, 3, 2, lkeys);
  ASSERT_GT(ln, 20);
  ASSERT_LE(ln, kMaxLabelFeatures);
}

TEST(Features, DependOnTheStateAndAreDeterministic) {
  auto w = Words(4);
  SentenceAttrs a{w.data(), 4};
  ParseState s1, s2;
  s1.Reset(4);
  s2.Reset(4);
  for (ParseState* s : {&s1, &s2}) {
    s->Apply(kShift, -1);
    s->Apply(kShift, -1);
  }
  uint64_t k1[kMaxMoveFeatures], k2[kMaxMoveFeatures];
  int n1 = ExtractMoveFeatures(s1, a, k1), n2 = ExtractMoveFeatures(s2, a, k2);
  ASSERT_EQ(n1, n2);
  EXPECT_TRUE(std::equal(k1, k1 + n1, k2));
  // Attaching a child with a label changes the child/label-set features of the state.
  s2.Apply(kLeft, 3);  // 3 -> 2
  s1.Apply(kLeft, 4);  // same arc, another label
  n1 = ExtractMoveFeatures(s1, a, k1);
  n2 = ExtractMoveFeatures(s2, a, k2);
  ASSERT_EQ(n1, n2);
  EXPECT_FALSE(std::equal(k1, k1 + n1, k2));
  // A different word changes the word features.
  auto w2 = w;
  w2[3].word = HashWord("other");
  SentenceAttrs a2{w2.data(), 4};
  n2 = ExtractMoveFeatures(s1, a2, k2);
  EXPECT_FALSE(std::equal(k1, k1 + n1, k2));
}

}  // namespace
}  // namespace dyad::parse
