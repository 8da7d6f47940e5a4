#include "core/utf8.h"

#include <gtest/gtest.h>

namespace dyad::utf8 {
namespace {

TEST(Utf8, ValidAsciiAndMultibyte) {
  EXPECT_TRUE(IsValid("plain ascii text that is long enough for the fast path"));
  EXPECT_TRUE(IsValid("Putin\xE2\x80\x99s visit \xE2\x80\x94 Tehran"));  // ’ and —
  EXPECT_TRUE(IsValid("\xF0\x9F\x98\x80"));                             // emoji
}

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(FirstInvalid("abc\xFF" "def"), 3u);
  EXPECT_EQ(FirstInvalid("ab\xC3"), 2u);                   // truncated 2-byte sequence
  EXPECT_EQ(FirstInvalid("\xC0\xAF"), 0u);                 // overlong '/'
  EXPECT_EQ(FirstInvalid("x\xED\xA0\x80"), 1u);            // UTF-16 surrogate
  EXPECT_EQ(FirstInvalid("0123456789\xE9tude"), 10u);      // latin-1 é after the fast path
}

TEST(Utf8, RepairReplacesEachBadByteAndCounts) {
  size_t n = 0;
  std::string fixed = Repair("caf\xE9 ok \xFF\xFE", &n);
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(fixed, "caf\xEF\xBF\xBD ok \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(IsValid(fixed));
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  for (char32_t cp : {U'a', U'\u00e9', U'\u2019', U'\U0001F600'}) {
    std::string s;
    Append(s, cp);
    int len = 0;
    EXPECT_EQ(Decode(s, 0, &len), cp);
    EXPECT_EQ(static_cast<size_t>(len), s.size());
  }
  EXPECT_EQ(CountCodePoints("a\xE2\x80\x99" "b"), 3u);
}

}  // namespace
}  // namespace dyad::utf8
