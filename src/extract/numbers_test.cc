#include "extract/numbers.h"

#include <gtest/gtest.h>


namespace dyad::extract {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t sp = s.find(' ', start);
    if (sp == std::string_view::npos) sp = s.size();
    if (sp > start) out.emplace_back(s.substr(start, sp - start));
    start = sp + 1;
  }
  return out;
}

TEST(NumbersTest, Numerals) {
  EXPECT_EQ(ParseNumeral("9,000"), 9000);
  EXPECT_DOUBLE_EQ(*ParseNumeral("4.1"), 4.1);
  EXPECT_EQ(ParseNumeral("1,234,567"), 1234567);
  EXPECT_FALSE(ParseNumeral("1,23").has_value());
  EXPECT_FALSE(ParseNumeral("3pm").has_value());
  EXPECT_FALSE(ParseNumeral("1st").has_value());
  EXPECT_FALSE(ParseNumeral("").has_value());
  EXPECT_FALSE(ParseNumeral("4.").has_value());
}

TEST(NumbersTest, WordsAndScales) {
  struct Case {
    const char* text;
    double value;
    size_t end;
    bool approximate;
  } cases[] = {
      {"22 million tons", 22e6, 2, false},   {"4.1 million people", 4.1e6, 2, false},
      {"twenty - five soldiers", 25, 3, false}, {"two hundred and fifty", 250, 4, false},
      {"two hundred thousand", 2e5, 3, false},  {"a dozen", 12, 2, false},
      {"two dozen", 24, 2, false},           {"half a million", 5e5, 3, false},
      {"hundreds of people", 200, 1, true},   {"tens of thousands", 1e4, 3, true},
      {"a few thousand", 3000, 3, true},      {"hundreds of thousands", 2e5, 3, true},
  };
  for (const Case& c : cases) {
    auto n = ParseNumberAt(Words(c.text), 0);
    ASSERT_TRUE(n.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(n->value, c.value) << c.text;
    EXPECT_EQ(n->end, c.end) << c.text;
    EXPECT_EQ(n->approximate, c.approximate) << c.text;
  }
  EXPECT_FALSE(ParseNumberAt(Words("a man"), 0).has_value());
  EXPECT_FALSE(ParseNumberAt(Words("the"), 0).has_value());
}

TEST(NumbersTest, ShortScalesOnlyWhenAllowed) {
  auto words = Words("20 m");
  EXPECT_DOUBLE_EQ(ParseNumberAt(words, 0)->value, 20);
  EXPECT_DOUBLE_EQ(ParseNumberAt(words, 0, {false, true})->value, 20e6);
}

TEST(NumbersTest, Ordinals) {
  EXPECT_EQ(OrdinalValue("1st"), 1);
  EXPECT_EQ(OrdinalValue("22nd"), 22);
  EXPECT_EQ(OrdinalValue("twentieth"), 20);
  EXPECT_FALSE(OrdinalValue("32nd").has_value());
  EXPECT_FALSE(OrdinalValue("first-").has_value());
}

}  // namespace
}  // namespace dyad::extract
