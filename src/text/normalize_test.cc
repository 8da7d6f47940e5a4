#include "text/normalize.h"

#include <string>

#include <gtest/gtest.h>

namespace dyad::text {
namespace {

TEST(NormalizeTest, AsciiIsUnchanged) {
  std::string out;
  EXPECT_FALSE(FoldForMatching("Putin's visit -- 4.1", &out));
  EXPECT_EQ(Fold("plain"), "plain");
}

TEST(NormalizeTest, QuotesAndApostrophes) {
  EXPECT_EQ(Fold("Putin’s"), "Putin's");
  EXPECT_EQ(Fold("“most strategic partner”"), "\"most strategic partner\"");
  EXPECT_EQ(Fold("‘quoted’"), "'quoted'");
  EXPECT_EQ(Fold("«bonjour»"), "\"bonjour\"");
  EXPECT_EQ(Fold("``"), "''");
}

TEST(NormalizeTest, DashesEllipsisSpaces) {
  EXPECT_EQ(Fold("–"), "-");   // en dash
  EXPECT_EQ(Fold("‒"), "-");   // figure dash
  EXPECT_EQ(Fold("—"), "--");  // em dash
  EXPECT_EQ(Fold("―"), "--");  // horizontal bar
  EXPECT_EQ(Fold("security…"), "security...");
  EXPECT_EQ(Fold("a\xC2\xA0" "b"), "a b");
  EXPECT_EQ(Fold("co\xC2\xAD" "operate"), "cooperate");  // soft hyphen dropped
}

TEST(NormalizeTest, Nfc) {
  // "e" + combining acute -> precomposed é
  EXPECT_EQ(Fold("Mojmi\xCC\x81r"), "Mojm\xC3\xADr");
  std::string out;
  EXPECT_FALSE(FoldForMatching("Mojm\xC3\xADr", &out));  // already NFC, nothing to fold
}

TEST(NormalizeTest, InvalidBytesAreKept) {
  std::string bad = "a\xFF’";
  std::string out;
  ASSERT_TRUE(FoldForMatching(bad, &out));
  EXPECT_EQ(out, "a\xFF'");
}

}  // namespace
}  // namespace dyad::text
