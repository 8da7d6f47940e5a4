#include "text/furniture.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dyad {
namespace {

// Builds a Document by hand: tokens at whitespace, a sentence ending after a token that ends in
// '.', '?' or '!' (or at a blank line). Crude on purpose: the furniture rules must not depend on the
// real splitter's finer decisions.
Document Split(std::string text, DocumentMeta meta = {}) {
  Document doc(std::move(text), std::move(meta));
  std::string_view t = doc.text();
  auto& toks = doc.mutable_tokens();
  auto& sents = doc.mutable_sentences();
  auto close_sentence = [&] {
    if (toks.empty()) return;
    uint32_t first = sents.empty() ? 0 : sents.back().end_token;
    if (first == toks.size()) return;
    SentenceRow s;
    s.first_token = first;
    s.end_token = static_cast<uint32_t>(toks.size());
    s.begin = toks[first].begin;
    s.end = toks.back().end;
    sents.push_back(s);
  };
  size_t i = 0;
  while (i < t.size()) {
    size_t newlines = 0;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) newlines += t[i++] == '\n';
    if (newlines >= 2) close_sentence();
    if (i >= t.size()) break;
    size_t b = i;
    while (i < t.size() && !(t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
    TokenRow r;
    r.begin = static_cast<uint32_t>(b);
    r.end = static_cast<uint32_t>(i);
    r.sentence = static_cast<uint32_t>(sents.size());
    toks.push_back(r);
    char last = t[i - 1];
    if (last == '.' || last == '?' || last == '!') close_sentence();
  }
  close_sentence();
  return doc;
}

std::string Slice(const Document& doc, const FurnitureSpan& s) { return doc.text().substr(s.begin, s.end - s.begin); }

std::vector<std::pair<Furniture, std::string>> Spans(const Document& doc) {
  std::vector<std::pair<Furniture, std::string>> out;
  for (const auto& s : doc.furniture()) out.emplace_back(s.kind, Slice(doc, s));
  return out;
}

Document Mark(Document doc) {
  auto stage = MakeFurnitureStage();
  EXPECT_EQ(stage->name(), "furniture");
  Status s = stage->Process(doc, nullptr);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

TEST(Furniture, SeedArticle) {
  std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/examples/putin-tehran-2022-07-18.txt", std::ios::binary);
  ASSERT_TRUE(in) << "examples/putin-tehran-2022-07-18.txt missing";
  std::stringstream ss;
  ss << in.rdbuf();
  Document doc = Mark(Split(ss.str()));
  auto spans = Spans(doc);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0].first, Furniture::kHeadline);
  EXPECT_EQ(spans[0].second, "Putin heads to Tehran for talks with leaders of Iran and Turkey");
  EXPECT_EQ(spans[1].first, Furniture::kDateline);
  EXPECT_EQ(spans[1].second, "TEHRAN, Iran \xE2\x80\x94");
  // The tail: credits, then boilerplate.
  auto credit = spans[spans.size() - 2];
  EXPECT_EQ(credit.first, Furniture::kCredit);
  EXPECT_EQ(credit.second.rfind("Isachenkov reported from Moscow.", 0), 0u) << credit.second;
  EXPECT_NE(credit.second.find("Associated Press writers"), std::string::npos);
  EXPECT_TRUE(credit.second.ends_with("contributed."));
  auto boiler = spans.back();
  EXPECT_EQ(boiler.first, Furniture::kBoilerplate);
  EXPECT_EQ(boiler.second.rfind("Follow AP\xE2\x80\x99s coverage", 0), 0u) << boiler.second;
  EXPECT_TRUE(boiler.second.ends_with("Comments are closed."));
  EXPECT_EQ(spans.size(), 4u);

  // Sentence kinds: the headline and the tail are furniture; the dateline sentence and all the
  // reporting in between stay body.
  const auto& sents = doc.sentences();
  EXPECT_EQ(sents.front().kind, Furniture::kHeadline);
  EXPECT_EQ(sents[1].kind, Furniture::kBody);  // "TEHRAN, Iran — Russian President ..."
  EXPECT_EQ(sents.back().kind, Furniture::kBoilerplate);
  size_t body = 0, furniture = 0;
  for (size_t i = 0; i < sents.size(); ++i) {
    std::string text(doc.sentence(static_cast<uint32_t>(i)).text());
    if (sents[i].kind == Furniture::kBody) {
      ++body;
      EXPECT_EQ(text.find("contributed."), std::string::npos) << text;
      EXPECT_EQ(text.find("Comments are closed"), std::string::npos) << text;
    } else {
      ++furniture;
    }
    if (text.find("Putin is trying to strengthen ties") != std::string::npos) {
      EXPECT_EQ(sents[i].kind, Furniture::kBody);
    }
  }
  EXPECT_EQ(furniture, 5u);  // headline, 2 credit sentences, follow line, comments line
  EXPECT_GT(body, 30u);
}

TEST(Furniture, DatelineShapes) {
  EXPECT_EQ(DatelineLength("MOSCOW (Reuters) - Russia said"), std::string_view("MOSCOW (Reuters) -").size());
  EXPECT_EQ(DatelineLength("WASHINGTON \xE2\x80\x94 The Senate"), std::string_view("WASHINGTON \xE2\x80\x94").size());
  EXPECT_EQ(DatelineLength("MEXICO CITY, Feb. 8 (UPI) \xE2\x80\x94 Count"),
            std::string_view("MEXICO CITY, Feb. 8 (UPI) \xE2\x80\x94").size());
  EXPECT_EQ(DatelineLength("SALVADOR, Feb 26 - Showers continued"), std::string_view("SALVADOR, Feb 26 -").size());
  EXPECT_EQ(DatelineLength("ST. LOUIS -- Voters"), std::string_view("ST. LOUIS --").size());
  // Not datelines.
  EXPECT_EQ(DatelineLength("The U.S. - led coalition struck"), 0u);
  EXPECT_EQ(DatelineLength("Russian President Vladimir Putin \xE2\x80\x94 who"), 0u);
  EXPECT_EQ(DatelineLength("WINSTON-SALEM voters went"), 0u);
  EXPECT_EQ(DatelineLength("A - B"), 0u);
  EXPECT_EQ(DatelineLength(""), 0u);
}

TEST(Furniture, Bylines) {
  EXPECT_TRUE(IsByline("By Jane Doe, Associated Press"));
  EXPECT_TRUE(IsByline("By VLADIMIR ISACHENKOV and SUZAN FRASER"));
  EXPECT_TRUE(IsByline("By Jane Doe and John Roe of The Times"));
  EXPECT_FALSE(IsByline("By contrast, many voters stayed home."));
  EXPECT_FALSE(IsByline("By Monday morning, the grim ritual had begun."));
  EXPECT_FALSE(IsByline("By 2026, the deficit would surpass $1 trillion."));
  EXPECT_FALSE(IsByline("Jane Doe, Associated Press"));
}

TEST(Furniture, TrailingLines) {
  EXPECT_EQ(ClassifyTrailing("Comments are closed."), Furniture::kBoilerplate);
  EXPECT_EQ(ClassifyTrailing("Sign up for our newsletter."), Furniture::kBoilerplate);
  EXPECT_EQ(ClassifyTrailing("Copyright 2022 The Associated Press. All rights reserved."), Furniture::kBoilerplate);
  EXPECT_EQ(ClassifyTrailing("This material may not be published, broadcast, rewritten or redistributed."),
            Furniture::kBoilerplate);
  EXPECT_EQ(ClassifyTrailing("Follow Jane Doe on Twitter @janedoe."), Furniture::kBoilerplate);
  EXPECT_EQ(ClassifyTrailing("https://example.com/story"), Furniture::kBoilerplate);
  EXPECT_EQ(ClassifyTrailing("(Reporting by Jane Doe; Editing by John Roe)"), Furniture::kCredit);
  EXPECT_EQ(ClassifyTrailing("Jane Doe contributed to this report."), Furniture::kCredit);
  EXPECT_EQ(ClassifyTrailing("Doe reported from Ankara."), Furniture::kCredit);
  EXPECT_EQ(ClassifyTrailing("Reuter"), Furniture::kCredit);
  EXPECT_EQ(ClassifyTrailing("Reporting by Jane Doe; Editing by John Roe."), Furniture::kCredit);
  // Body sentences with the same words.
  EXPECT_EQ(ClassifyTrailing("Follow the money, the senator said."), Furniture::kBody);
  EXPECT_EQ(ClassifyTrailing("Soros contributed more than $2 million to the group."), Furniture::kBody);
  EXPECT_EQ(ClassifyTrailing("The ministry said the attack was reported from several villages."), Furniture::kBody);
  EXPECT_EQ(ClassifyTrailing("Talks to restore the deal have stalled."), Furniture::kBody);
  EXPECT_EQ(ClassifyTrailing("Editing by the agency's staff in the capital was slow because the censors, who "
                             "read every line, asked for many changes to the report."),
            Furniture::kBody);
}

TEST(Furniture, TrailingScanStopsAtBody) {
  // "Sign up" mid-article is body: only the run of furniture at the very end is marked.
  Document doc = Mark(Split(
      "Sign up for the draft was slow, officials said.\n\nThe army said more would come.\n\n"
      "Jane Doe contributed.\n\nComments are closed."));
  auto spans = Spans(doc);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], std::make_pair(Furniture::kCredit, std::string("Jane Doe contributed.")));
  EXPECT_EQ(spans[1], std::make_pair(Furniture::kBoilerplate, std::string("Comments are closed.")));
  EXPECT_EQ(doc.sentences()[0].kind, Furniture::kBody);
}

TEST(Furniture, HeadlineRules) {
  EXPECT_EQ(HeadlineCandidate("Iran and Russia sign deal\n\nTEHRAN \xE2\x80\x94 The two ..."), "Iran and Russia sign deal");
  EXPECT_EQ(HeadlineCandidate("\n  Two-line headline\nwith a second line  \n\nBody."), "Two-line headline\nwith a second line");
  EXPECT_EQ(HeadlineCandidate("A sentence with a full stop.\n\nBody."), "");
  EXPECT_EQ(HeadlineCandidate("No blank line after this\nso it is body."), "");
  EXPECT_EQ(HeadlineCandidate("Only one paragraph"), "");
  EXPECT_EQ(HeadlineCandidate("A first line that ends a sentence.\nThen a line without (one)\n\nBody."), "");
  EXPECT_EQ(HeadlineCandidate(std::string(400, 'x') + "\n\nBody."), "");
  // A first paragraph with a full stop is still the headline when the record's title says so.
  DocumentMeta meta;
  meta.title = "Poll: Trump a big turnoff for Florida voters.";
  Document doc = Mark(Split("Poll: Trump a big turnoff for Florida voters.\n\nTALLAHASSEE \xE2\x80\x94 Donald Trump's views.", meta));
  auto spans = Spans(doc);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].first, Furniture::kHeadline);
  EXPECT_EQ(spans[1], std::make_pair(Furniture::kDateline, std::string("TALLAHASSEE \xE2\x80\x94")));
}

TEST(Furniture, BylineBetweenHeadlineAndDateline) {
  Document doc = Mark(Split("Talks stall in Vienna\n\nBy Jane Doe, Associated Press\n\nVIENNA (AP) \xE2\x80\x94 Talks stalled."));
  auto spans = Spans(doc);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[1], std::make_pair(Furniture::kByline, std::string("By Jane Doe, Associated Press")));
  EXPECT_EQ(spans[2], std::make_pair(Furniture::kDateline, std::string("VIENNA (AP) \xE2\x80\x94")));
  EXPECT_EQ(doc.sentences()[1].kind, Furniture::kByline);
}

TEST(Furniture, EmptyAndTokenlessDocuments) {
  Document empty = Mark(Document(""));
  EXPECT_TRUE(empty.furniture().empty());
  Document blank = Mark(Split("   \n\n  "));
  EXPECT_TRUE(blank.furniture().empty());
}

TEST(Furniture, LinearOnHugeInput) {
  // One 20 MB "sentence" without breaks, and 200,000 short paragraphs: both must finish quickly.
  auto t0 = std::chrono::steady_clock::now();
  std::string big;
  for (int i = 0; i < 2'000'000; ++i) big += "word word ";
  Document one(big);
  SentenceRow s;
  s.end = static_cast<uint32_t>(big.size());
  one.mutable_sentences().push_back(s);
  Mark(std::move(one));
  std::string many;
  for (int i = 0; i < 200'000; ++i) many += "Short line.\n\n";
  Mark(Split(many));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(seconds, 30.0);  // generous: catches quadratic behaviour, not speed
}

// Real articles: furniture marks a small share of sentences, never the bulk of the body.
TEST(Furniture, PolnearArticlesMostlyBody) {
  std::filesystem::path dir = std::filesystem::path(DYAD_SHARED_DATA) / "quotes/PolNeAR/train/text";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no " << dir << " (shared data absent)";
  size_t docs = 0, sentences = 0, marked = 0, headlines = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (docs >= 300) break;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    DocumentMeta meta;
    meta.title = text.substr(0, text.find("\n\n"));  // PolNeAR's first paragraph is the title
    Document doc = Mark(Split(text, meta));
    ++docs;
    sentences += doc.sentences().size();
    for (const auto& s : doc.sentences()) marked += s.kind != Furniture::kBody;
    headlines += !doc.furniture().empty() && doc.furniture()[0].kind == Furniture::kHeadline;
  }
  ASSERT_GT(docs, 0u);
  EXPECT_GT(headlines, docs * 9 / 10);
  EXPECT_LT(marked, sentences / 10) << marked << " of " << sentences;
}

}  // namespace
}  // namespace dyad
