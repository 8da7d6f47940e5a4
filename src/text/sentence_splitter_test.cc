#include "text/sentence_splitter.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dyad::text {
namespace {

// The sentences of `text`, each rendered as its original slice.
std::vector<std::string> Split(std::string_view text, uint32_t max_tokens = kMaxSentenceTokens) {
  std::vector<TokenSpan> toks;
  Tokenize(text, &toks);
  std::vector<SentenceSpan> sents;
  SplitterOptions options;
  options.max_tokens = max_tokens;
  SplitSentences(text, toks, &sents, options);
  std::vector<std::string> out;
  for (const SentenceSpan& s : sents) {
    uint32_t b = toks[s.first_token].begin, e = toks[s.end_token - 1].end;
    out.emplace_back(text.substr(b, e - b));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(SentenceSplitterTest, Basic) {
  EXPECT_EQ(Split("It rained. We left! Why? Fine."), (V{"It rained.", "We left!", "Why?", "Fine."}));
  EXPECT_EQ(Split(""), V{});
  EXPECT_EQ(Split("   \n "), V{});
}

TEST(SentenceSplitterTest, Abbreviations) {
  EXPECT_EQ(Split("Gen. Mark Milley met Mr. Smith on Jan. 5 in Washington."), V{"Gen. Mark Milley met Mr. Smith on Jan. 5 in Washington."});
  EXPECT_EQ(Split("Vladimir V. Putin spoke. J. K. Rowling wrote."), (V{"Vladimir V. Putin spoke.", "J. K. Rowling wrote."}));
  EXPECT_EQ(Split("The U.S. Army said it works with Acme Inc. The deal is off."),
            (V{"The U.S. Army said it works with Acme Inc.", "The deal is off."}));
}

TEST(SentenceSplitterTest, QuotesEndSentences) {
  EXPECT_EQ(Split("“We will win.” He left. “Why?” she asked. Then “no.” Done."),
            (V{"“We will win.”", "He left.", "“Why?” she asked.", "Then “no.”", "Done."}));
  EXPECT_EQ(Split("He said \"stop.\" Then he left."), (V{"He said \"stop.\"", "Then he left."}));
  // A quote reopened without being closed: the mark glued to the next word opens that sentence.
  EXPECT_EQ(Split("He said: \"We meet often. \"The key issue is Turkey.\""),
            (V{"He said: \"We meet often.", "\"The key issue is Turkey.\""}));
  EXPECT_EQ(Split("Iran’s “most strategic partner”. His comments"), (V{"Iran’s “most strategic partner”.", "His comments"}));
}

TEST(SentenceSplitterTest, BrokenPunctuationFromTheSeed) {
  EXPECT_EQ(Split("the conflict in Syria and a UN crisis . supported proposal to resume exports."),
            V{"the conflict in Syria and a UN crisis . supported proposal to resume exports."});
  // `” “.`: a stray opening quote and period join the sentence before.
  EXPECT_EQ(Split("and ensure food security.” “.\n\nFadahossein Maleki spoke."),
            (V{"and ensure food security.” “.", "Fadahossein Maleki spoke."}));
}

TEST(SentenceSplitterTest, HeadlinesAndDatelines) {
  std::string text =
      "Putin heads to Tehran for talks with leaders of Iran and Turkey\n\n\n\n"
      "TEHRAN, Iran — Russian President Vladimir Putin’s visit to Iran is intended to deepen ties. It is "
      "his second trip.";
  EXPECT_EQ(Split(text), (V{"Putin heads to Tehran for talks with leaders of Iran and Turkey",
                            "TEHRAN, Iran — Russian President Vladimir Putin’s visit to Iran is intended to deepen ties.",
                            "It is his second trip."}));
}

TEST(SentenceSplitterTest, LineBreaks) {
  // One paragraph per line: a line break ends the sentence even without a full stop.
  EXPECT_EQ(Split("A headline without stop\nThe body starts here and runs on for a long while, well past a "
                  "hundred bytes of text in one line, as paragraphs do."),
            (V{"A headline without stop", "The body starts here and runs on for a long while, well past a "
                                          "hundred bytes of text in one line, as paragraphs do."}));
  // Hard-wrapped text: a line break inside a sentence is a space.
  std::string wrapped =
      "Shares of the company rose sharply on Monday after the board\n"
      "said it would consider an offer from a group of investors led\n"
      "by the former chairman, according to people familiar with it.\n"
      "The stock closed at its highest level in more than a year and\n"
      "analysts said more gains were likely.\n";
  EXPECT_EQ(Split(wrapped).size(), 2u);
  // A short first line that a full line continues is prose whose dateline was cut off; a short line
  // before an indented paragraph is a headline.
  std::string cut =
      "Sweden's ruling Social Democratic\n"
      "Party gave full power to the government to decree unilateral\n"
      "trade sanctions against South Africa, the prime minister said.\n"
      "Short headline here\n"
      "    The party decided the fight against apartheid took priority\n"
      "over its traditional policy of adopting sanctions only with the\n"
      "backing of the United Nations Security Council, he told reporters.\n";
  EXPECT_EQ(Split(cut), (V{"Sweden's ruling Social Democratic\nParty gave full power to the government to decree "
                           "unilateral\ntrade sanctions against South Africa, the prime minister said.",
                           "Short headline here",
                           "The party decided the fight against apartheid took priority\nover its traditional "
                           "policy of adopting sanctions only with the\nbacking of the United Nations Security "
                           "Council, he told reporters."}));
  // Lists: a bullet on a new line starts a sentence.
  EXPECT_EQ(Split("Demands include:\n- a ceasefire\n- talks").size(), 3u);
}

TEST(SentenceSplitterTest, Ellipses) {
  EXPECT_EQ(Split("We waited... Nothing came. It was … quiet."), (V{"We waited...", "Nothing came.", "It was … quiet."}));
}

TEST(SentenceSplitterTest, LongSentencesAreCut) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += i % 40 == 39 ? "word, " : "word ";
  std::vector<TokenSpan> toks;
  Tokenize(text, &toks);
  std::vector<SentenceSpan> sents;
  SplitSentences(text, toks, &sents);
  ASSERT_GT(sents.size(), 5000u / kMaxSentenceTokens);
  uint32_t next = 0;
  for (const SentenceSpan& s : sents) {
    EXPECT_EQ(s.first_token, next);
    EXPECT_LE(s.end_token - s.first_token, kMaxSentenceTokens);
    EXPECT_GT(s.end_token, s.first_token);
    next = s.end_token;
  }
  EXPECT_EQ(next, toks.size());
  // Cuts prefer a comma: every cut sentence but the last ends with ",".
  for (size_t i = 0; i + 1 < sents.size(); ++i) {
    const TokenSpan& last = toks[sents[i].end_token - 1];
    EXPECT_EQ(text.substr(last.begin, last.end - last.begin), ",");
  }
}

TEST(SentenceSplitterTest, SeedArticle) {
  std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/examples/putin-tehran-2022-07-18.txt");
  ASSERT_TRUE(in) << "the bundled example article is missing";
  std::stringstream ss;
  ss << in.rdbuf();
  V sents = Split(ss.str());
  ASSERT_GE(sents.size(), 40u);
  EXPECT_EQ(sents[0], "Putin heads to Tehran for talks with leaders of Iran and Turkey");
  EXPECT_EQ(sents[1].rfind("TEHRAN, Iran — Russian President Vladimir Putin’s visit", 0), 0u);
  EXPECT_EQ(sents.back(), "Comments are closed.");
  EXPECT_EQ(sents[sents.size() - 2], "Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine");
  bool crisis = false, stray = false;
  for (const std::string& s : sents) {
    crisis |= s.find("a UN crisis . supported proposal to resume exports") != std::string::npos;
    stray |= std::string_view(s).ends_with("” “.") && s.find("Iran is (the) center") != std::string::npos;
    EXPECT_NE(s, "“.");
  }
  EXPECT_TRUE(crisis);
  EXPECT_TRUE(stray);
}

}  // namespace
}  // namespace dyad::text
