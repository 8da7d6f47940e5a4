#include "tag/tag_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace dyad::tag {
namespace {

std::string Fold(std::string_view w) {
  std::string out;
  FoldWord(w, &out);
  return out;
}

std::string Shape(std::string_view w) {
  std::string out;
  WordShape(w, &out);
  return out;
}

WordInfo Describe(std::string_view w, bool start = false) {
  std::string buf;
  WordInfo info;
  DescribeWord(w, start, &buf, &info);
  return info;
}

TEST(TagFeatures, FoldLowercasesMapsDigitsAndStraightensQuotes) {
  EXPECT_EQ(Fold("Hello"), "hello");
  EXPECT_EQ(Fold("1984"), "0000");
  EXPECT_EQ(Fold("\xE2\x80\x9CHi\xE2\x80\x9D"), "\"hi\"");
  EXPECT_EQ(Fold("don\xE2\x80\x99t"), "don't");
  EXPECT_EQ(Fold("caf\xC3\xA9"), "caf\xC3\xA9");  // non-ASCII letters pass through
}

TEST(TagFeatures, ShapeCapsRunsAtTwo) {
  EXPECT_EQ(Shape("Hello"), "Xxx");
  EXPECT_EQ(Shape("NASA"), "XX");
  EXPECT_EQ(Shape("1,234"), "d,dd");
  EXPECT_EQ(Shape("well-known"), "xx-xx");
  EXPECT_EQ(Shape("."), ".");
}

TEST(TagFeatures, FlagsDescribeTheForm) {
  EXPECT_TRUE(Describe("Hello").flags & kWordInitialCap);
  EXPECT_FALSE(Describe("Hello").flags & kWordAllCaps);
  EXPECT_TRUE(Describe("NASA").flags & kWordAllCaps);
  EXPECT_TRUE(Describe("well-known").flags & kWordHasHyphen);
  EXPECT_TRUE(Describe("3rd").flags & kWordHasDigit);
  EXPECT_TRUE(Describe("...").flags & kWordNoLetters);
  EXPECT_FALSE(Describe("word").flags & kWordNoLetters);
  EXPECT_TRUE(Describe("The", true).flags & kWordSentenceStart);
  EXPECT_FALSE(Describe("The", false).flags & kWordSentenceStart);
}

TEST(TagFeatures, WordHashIgnoresCaseButShapeDoesNot) {
  EXPECT_EQ(Describe("Bank").word, Describe("bank").word);
  EXPECT_NE(Describe("Bank").shape, Describe("bank").shape);
  EXPECT_NE(Describe("bank").word, Describe("banks").word);
  EXPECT_EQ(Describe("walking").suffix[2], Describe("talking").suffix[2]);
  EXPECT_EQ(Describe("walking").suffix[3], Describe("talking").suffix[3]);  // "king"
  EXPECT_NE(Describe("walking").prefix[0], Describe("talking").prefix[0]);
}

TEST(TagFeatures, ExtractFeaturesIsDeterministicAndSeesContext) {
  std::vector<WordInfo> words = {Describe("The", true), Describe("dog"), Describe("barks"), Describe(".")};
  uint64_t a[kMaxFeatures], b[kMaxFeatures], c[kMaxFeatures];
  ExtractFeatures(words.data(), words.size(), 1, 5, kStartTag, nullptr, a);
  ExtractFeatures(words.data(), words.size(), 1, 5, kStartTag, nullptr, b);
  EXPECT_TRUE(std::equal(a, a + kNumFeatures, b));
  // A different previous tag changes some keys but not the word's own.
  ExtractFeatures(words.data(), words.size(), 1, 6, kStartTag, nullptr, c);
  EXPECT_FALSE(std::equal(a, a + kNumFeatures, c));
  EXPECT_EQ(a[1], c[1]);
  // All keys of one token differ from each other (templates are mixed in).
  std::set<uint64_t> distinct(a, a + kNumFeatures);
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kNumFeatures));
  // The same word in another position shares its word feature but not its context features.
  std::vector<WordInfo> other = {Describe("dog", true), Describe("days")};
  uint64_t d[kMaxFeatures];
  ExtractFeatures(other.data(), other.size(), 0, kStartTag, kStartTag, nullptr, d);
  EXPECT_EQ(a[1], d[1]);
  EXPECT_NE(a[kNumWordFeatures], d[kNumWordFeatures]);  // the first context key, the previous word: "The" vs nothing
}

TEST(TagFeatures, WordAndContextFeaturesTogetherAreExactlyTheFullSet) {
  const char* forms[] = {"The", "Leaders", "met", "in", "Tehran", "."};
  std::vector<WordInfo> words(6);
  std::string buf;
  for (size_t i = 0; i < words.size(); ++i) {
    DescribeWord(forms[i], i == 0, &buf, &words[i]);
    words[i].ambiguity = static_cast<uint32_t>(i * 7 + 1);
  }
  std::vector<uint32_t> right = {3, 4, 5, 6, 7, 8};
  for (const uint32_t* r : {static_cast<const uint32_t*>(nullptr), static_cast<const uint32_t*>(right.data())}) {
    for (size_t i = 0; i < words.size(); ++i) {
      uint64_t all[kMaxFeatures], word[kMaxFeatures], context[kMaxFeatures];
      int n = ExtractFeatures(words.data(), words.size(), i, 5, 9, r, all);
      int nw = ExtractWordFeatures(words[i], word);
      int nc = ExtractContextFeatures(words.data(), words.size(), i, 5, 9, r, context);
      ASSERT_EQ(nw, kNumWordFeatures);
      ASSERT_EQ(nw + nc, n);
      std::multiset<uint64_t> expected(all, all + n), got(word, word + nw);
      got.insert(context, context + nc);
      EXPECT_EQ(got, expected) << "word " << i;
      // Word-only keys really depend on the word alone: another sentence position gives the same.
      uint64_t again[kMaxFeatures];
      ExtractWordFeatures(words[i], again);
      EXPECT_TRUE(std::equal(word, word + nw, again));
    }
  }
}

TEST(TagFeatures, WordStaticAndTagFeaturesTogetherAreExactlyTheFirstPassSet) {
  const char* forms[] = {"Leaders", "met", "in", "Tehran", "on", "Monday", "."};
  std::vector<WordInfo> words(7);
  std::string buf;
  for (size_t i = 0; i < words.size(); ++i) {
    DescribeWord(forms[i], i == 0, &buf, &words[i]);
    words[i].ambiguity = static_cast<uint32_t>(i * 5 + 2);
  }
  for (size_t n : {size_t{1}, size_t{2}, words.size()}) {
    for (size_t i = 0; i < n; ++i) {
      uint64_t all[kMaxFeatures], keys[kMaxFeatures];
      int total = ExtractFeatures(words.data(), n, i, 11, kStartTag, nullptr, all);
      int k = ExtractWordFeatures(words[i], keys);
      int ns = ExtractStaticContextFeatures(words.data(), n, i, keys + k);
      ASSERT_EQ(ns, kNumStaticContextFeatures);
      k += ns;
      k += ExtractTagContextFeatures(words.data(), n, i, 11, kStartTag, keys + k);
      ASSERT_EQ(k, total);
      EXPECT_EQ(std::multiset<uint64_t>(keys, keys + k), std::multiset<uint64_t>(all, all + total))
          << "n " << n << " word " << i;
      // The static keys do not depend on the previous tags; the tag keys do.
      uint64_t other[kMaxFeatures];
      ExtractTagContextFeatures(words.data(), n, i, 12, kStartTag, other);
      EXPECT_NE(other[0], keys[kNumWordFeatures + kNumStaticContextFeatures]);
    }
  }
}

TEST(TagFeatures, RightContextTagsAddFeatures) {
  std::vector<WordInfo> words = {Describe("Fish", true), Describe("swim"), Describe(".")};
  uint64_t a[kMaxFeatures], b[kMaxFeatures], c[kMaxFeatures];
  std::vector<uint32_t> right1 = {1, 2, 3}, right2 = {1, 4, 3};
  EXPECT_EQ(ExtractFeatures(words.data(), words.size(), 0, kStartTag, kStartTag, nullptr, a), kNumFeatures);
  EXPECT_EQ(ExtractFeatures(words.data(), words.size(), 0, kStartTag, kStartTag, right1.data(), b), kMaxFeatures);
  ExtractFeatures(words.data(), words.size(), 0, kStartTag, kStartTag, right2.data(), c);
  EXPECT_TRUE(std::equal(a, a + kNumFeatures, b));  // the first-pass features are unchanged
  EXPECT_NE(b[kNumFeatures], c[kNumFeatures]);       // the next word's first-pass tag is seen
}

TEST(TagFeatures, SingleTokenSentenceHasNoOutOfRangeReads) {
  std::vector<WordInfo> one = {Describe("!", true)};
  uint64_t k[kMaxFeatures];
  ExtractFeatures(one.data(), one.size(), 0, kStartTag, kStartTag, nullptr, k);
  std::set<uint64_t> distinct(k, k + kNumFeatures);
  EXPECT_GT(distinct.size(), 20u);
}

}  // namespace
}  // namespace dyad::tag
