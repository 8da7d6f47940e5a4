#include "actors/fold.h"

#include <gtest/gtest.h>

namespace dyad::actors {
namespace {

TEST(FoldTest, CaseAndDiacriticsFold) {
  EXPECT_EQ(FoldKey("Erdoğan"), "erdogan");
  EXPECT_EQ(FoldKey("ERDOGAN"), "erdogan");
  EXPECT_EQ(FoldKey("Türkiye"), "turkiye");
  EXPECT_EQ(FoldKey("Iran\xE2\x80\x99s"), "iran's");  // curly apostrophe straightened
}

TEST(FoldTest, SplitPhraseMatchesTokeniserShapes) {
  EXPECT_EQ(SplitPhrase("Iran's parliament"), (std::vector<std::string>{"Iran", "'s", "parliament"}));
  EXPECT_EQ(SplitPhrase("U.S."), (std::vector<std::string>{"U.S."}));
  EXPECT_EQ(SplitPhrase("US-backed"), (std::vector<std::string>{"US", "-", "backed"}));
  EXPECT_EQ(SplitPhrase("AFGHAN_NATIONAL_ARMY_"), (std::vector<std::string>{"AFGHAN", "NATIONAL", "ARMY"}));
}

TEST(FoldTest, CaseShapes) {
  EXPECT_TRUE(IsAcronym("US"));
  EXPECT_FALSE(IsAcronym("us"));
  EXPECT_FALSE(IsAcronym("Us"));
  EXPECT_TRUE(StartsUpper("Turkey"));
  EXPECT_FALSE(StartsUpper("turkey"));
  EXPECT_TRUE(StartsUpper("Özil"));
}

}  // namespace
}  // namespace dyad::actors
