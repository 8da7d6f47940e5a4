#include "text/tokenizer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dyad/document.h"

namespace dyad::text {
namespace {

// Renders tokens as "a b|c": space between surface tokens, "|" between words of one surface token,
// "_" between tokens with no space in the text.
std::string Render(std::string_view text) {
  std::vector<TokenSpan> toks;
  Tokenize(text, &toks);
  std::string out;
  for (size_t i = 0; i < toks.size(); ++i) {
    out.append(text.substr(toks[i].begin, toks[i].end - toks[i].begin));
    if (i + 1 == toks.size()) break;
    if (toks[i].flags & kTokJoinedToNext) out += '|';
    else if (toks[i].flags & kTokSpaceAfter) out += ' ';
    else out += '_';
  }
  return out;
}

TEST(TokenizerTest, Clitics) {
  EXPECT_EQ(Render("I don't know."), "I do|n't know_.");
  EXPECT_EQ(Render("I can't, we won't"), "I ca|n't_, we wo|n't");
  EXPECT_EQ(Render("It's Putin's visit"), "It|'s Putin|'s visit");
  EXPECT_EQ(Render("Putin’s visit and Moscow’s challenge"), "Putin|’s visit and Moscow|’s challenge");
  EXPECT_EQ(Render("they're, we'll, I've, he'd, I'm"), "they|'re_, we|'ll_, I|'ve_, he|'d_, I|'m");
  EXPECT_EQ(Render("DON'T STOP"), "DO|N'T STOP");
  EXPECT_EQ(Render("the parents' house"), "the parents|' house");
  EXPECT_EQ(Render("O'Brien and rock'n'roll"), "O'Brien and rock'n'roll");
}

TEST(TokenizerTest, ContractionsWithoutApostrophe) {
  EXPECT_EQ(Render("I cannot go"), "I can|not go");
  EXPECT_EQ(Render("dont gonna im wanna"), "do|nt gon|na i|m wan|na");
  EXPECT_EQ(Render("Cannot"), "Can|not");
}

TEST(TokenizerTest, Numbers) {
  EXPECT_EQ(Render("4.1 million people"), "4.1 million people");
  EXPECT_EQ(Render("22,000 troops"), "22,000 troops");
  EXPECT_EQ(Render("a $3bn deal"), "a $_3_bn deal");
  EXPECT_EQ(Render("at 7:30PM on 9/11"), "at 7:30_PM on 9/11");
  EXPECT_EQ(Render("rose 5% to 35mm"), "rose 5_% to 35_mm");
  EXPECT_EQ(Render("the 21st century, the 1970s"), "the 21st century_, the 1970s");
  EXPECT_EQ(Render("call 713-853-3989 now"), "call 713-853-3989 now");
}

TEST(TokenizerTest, Abbreviations) {
  EXPECT_EQ(Render("the U.S. and Gen. Smith"), "the U.S. and Gen. Smith");
  EXPECT_EQ(Render("on Jan. 5 by J. Doe"), "on Jan. 5 by J. Doe");
  EXPECT_EQ(Render("Acme Inc. said"), "Acme Inc. said");
  EXPECT_EQ(Render("at 8 a.m. sharp"), "at 8 a.m. sharp");
  EXPECT_EQ(Render("he said no."), "he said no_.");
  EXPECT_EQ(Render("No. 5"), "No. 5");
  EXPECT_EQ(Render("He was ill."), "He was ill_.");
}

TEST(TokenizerTest, Punctuation) {
  EXPECT_EQ(Render("Wait... what?!"), "Wait_... what_?!");
  EXPECT_EQ(Render("“Iran is (the) center,” he said."), "“_Iran is (_the_) center_,_” he said_.");
  EXPECT_EQ(Render("yes -- no"), "yes -- no");
  EXPECT_EQ(Render("security… and"), "security_… and");
}

TEST(TokenizerTest, Hyphens) {
  EXPECT_EQ(Render("search-engine"), "search_-_engine");
  EXPECT_EQ(Render("a six-month cut in north-west Syria"), "a six_-_month cut in north_-_west Syria");
  EXPECT_EQ(Render("e-mail co-workers non-white"), "e-mail co-workers non-white");
  EXPECT_EQ(Render("US-backed"), "US_-_backed");
}

TEST(TokenizerTest, WebForms) {
  EXPECT_EQ(Render("Follow AP at https://apnews.com/hub/russia-ukraine."),
            "Follow AP at https://apnews.com/hub/russia-ukraine_.");
  EXPECT_EQ(Render("(see www.example.com)"), "(_see www.example.com_)");
  EXPECT_EQ(Render("mail john.doe@example.org, or"), "mail john.doe@example.org_, or");
  EXPECT_EQ(Render("@AP #Ukraine"), "@AP #Ukraine");
  EXPECT_EQ(Render("great :) see you :-("), "great :) see you :-(");
  EXPECT_EQ(Render("<http://x.org/a>"), "<_http://x.org/a_>");
}

TEST(TokenizerTest, SpaceAfterFollowsTheText) {
  std::string text = "Hi, you.\n\nOk";
  std::vector<TokenSpan> toks;
  Tokenize(text, &toks);
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_FALSE(toks[0].flags & kTokSpaceAfter);  // "Hi" before ","
  EXPECT_TRUE(toks[1].flags & kTokSpaceAfter);
  EXPECT_TRUE(toks[3].flags & kTokSpaceAfter);   // "." before the blank line
  EXPECT_FALSE(toks[4].flags & kTokSpaceAfter);  // end of text
}

TEST(TokenizerTest, UnicodeSpacesSeparate) {
  EXPECT_EQ(Render("a\xC2\xA0" "b\xE2\x80\x89" "c"), "a b c");
}

TEST(TokenizerTest, InvalidBytesAndControlsStayTokens) {
  std::string text = "ab\xFF\xFE cd";
  std::vector<TokenSpan> toks;
  Tokenize(text, &toks);
  ASSERT_GE(toks.size(), 3u);
  EXPECT_EQ(toks.front().begin, 0u);
  EXPECT_EQ(toks.back().end, text.size());
}

TEST(TokenizerTest, LongInputIsLinear) {
  // 2 MB of one chunk without spaces and 2 MB of dashes finish quickly and cover all bytes.
  std::string text(2 << 20, 'a');
  text += std::string(2 << 20, '-');
  std::vector<TokenSpan> toks;
  Tokenize(text, &toks);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[1].end, text.size());
}

}  // namespace
}  // namespace dyad::text
