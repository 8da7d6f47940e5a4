#include "io/html_reader.h"

#include <gtest/gtest.h>

#include <chrono>

#include "core/utf8.h"

namespace dyad {
namespace {

constexpr char kPage[] = R"(<!DOCTYPE html>
<html><head>
<title>Putin visits Tehran | Example News</title>
<meta property="og:title" content="Putin visits Tehran">
<meta property="article:published_time" content="2022-07-18T08:00:00Z">
<script>var x = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav><h1>Site banner</h1></header>
<div class="layout">
 <aside><p>Most read: something else entirely, a long teaser paragraph that is not the story.</p></aside>
 <article>
  <h1>Putin visits   Tehran</h1>
  <p>TEHRAN, Iran &mdash; Russian President Vladimir Putin&#8217;s visit to Iran
     is intended to deepen ties.</p>
  <!-- an HTML comment that must not appear -->
  <p>Putin will meet <b>Ebrahim Raisi</b> and <a href="#">Recep Tayyip Erdogan</a>.<br>A second line.</p>
  <div class="share-buttons"><p>Share on Facebook</p></div>
  <form><p>Leave a comment</p></form>
 </article>
 <div id="comments"><p>Comment by a reader, quite a long comment paragraph about everything and nothing.</p></div>
</div>
<footer><p>Copyright Example News. All rights reserved.</p></footer>
</body></html>)";

TEST(Html, ExtractsArticleTitleDate) {
  auto a = ExtractHtmlArticle(kPage);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Putin visits Tehran");
  EXPECT_EQ(a->date, "2022-07-18");
  EXPECT_EQ(a->text,
            "Putin visits Tehran\n\n"
            "TEHRAN, Iran \xE2\x80\x94 Russian President Vladimir Putin\xE2\x80\x99s visit to Iran is intended to deepen ties.\n\n"
            "Putin will meet Ebrahim Raisi and Recep Tayyip Erdogan.\nA second line.");
  EXPECT_TRUE(a->warnings.empty());
}

TEST(Html, WithoutArticleTakesTheElementWithMostParagraphText) {
  auto a = ExtractHtmlArticle(
      "<html><head><title>Plain title</title></head><body>"
      "<div id='teaser'><p>Short teaser.</p></div>"
      "<div id='main'><p>First long paragraph of the story, with plenty of words in it.</p>"
      "<p>Second long paragraph of the story, also with plenty of words.</p></div>"
      "</body></html>");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Plain title");
  EXPECT_EQ(a->date, "");
  EXPECT_EQ(a->text,
            "First long paragraph of the story, with plenty of words in it.\n\n"
            "Second long paragraph of the story, also with plenty of words.");
}

TEST(Html, TitleFallsBackToH1ThenTitle) {
  auto a = ExtractHtmlArticle("<title>T</title><h1>Heading &amp; more</h1><p>x</p>");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Heading & more");
  auto b = ExtractHtmlArticle("<title> Only\n title </title><p>x</p>");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->title, "Only title");
}

TEST(Html, NoParagraphsKeepsBlockBreaks) {
  auto a = ExtractHtmlArticle("<body><div>One</div><div>Two <span>three</span></div>four</body>");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "One\n\nTwo three\n\nfour");
}

TEST(Html, EmptyAndBrokenInput) {
  for (const char* in : {"", "   ", "<", "<html", "</p></div>", "<p", "&#xFFFFFFF;", "<![CDATA[x"}) {
    auto a = ExtractHtmlArticle(in);
    ASSERT_TRUE(a.ok()) << in << ": " << a.status().ToString();
  }
  auto unclosed = ExtractHtmlArticle("<p>one<p>two<div><b>three");
  ASSERT_TRUE(unclosed.ok());
  EXPECT_NE(unclosed->text.find("two"), std::string::npos);
}

TEST(Html, InvalidUtf8RepairedAndDeclaredCharsetDecoded) {
  auto bad = ExtractHtmlArticle("<p>caf\xE9 \xFF</p>");
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->text, "caf\xEF\xBF\xBD \xEF\xBF\xBD");
  EXPECT_EQ(bad->warnings.size(), 1u);
  auto latin1 = ExtractHtmlArticle("<meta charset=\"iso-8859-1\"><p>caf\xE9</p>");
  ASSERT_TRUE(latin1.ok());
  EXPECT_EQ(latin1->text, "caf\xC3\xA9");
  auto nul = ExtractHtmlArticle(std::string("<p>a\0b</p>", 10));
  ASSERT_TRUE(nul.ok());
  EXPECT_EQ(nul->text, "a b");
}

TEST(Html, DeepNestingIsBounded) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>deep text</p>";
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  std::string inline_deep;
  for (int i = 0; i < 100000; ++i) inline_deep += "<b><i>";
  inline_deep += "bold";
  auto t0 = std::chrono::steady_clock::now();
  auto a = ExtractHtmlArticle(deep);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto b = ExtractHtmlArticle(inline_deep);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 20.0);
}

TEST(Html, ManyParagraphsIsLinear) {
  std::string page = "<article>";
  for (int i = 0; i < 200000; ++i) page += "<p>Paragraph text here.</p>";
  page += "</article>";
  auto t0 = std::chrono::steady_clock::now();
  auto a = ExtractHtmlArticle(page);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text.size(), 200000 * std::string("Paragraph text here.\n\n").size() - 2);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 20.0);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// Regression (fuzz_html): a page declaring a charset libxml2 does not know, with invalid bytes in its
// <title>, gave a title that was not UTF-8.
TEST(Html, UnknownCharsetStillGivesUtf8Everywhere) {
  std::string page =
      "<html><head><meta charset=\"iso-4429-1\"><title>T \xff\xc4\xff ok</title></head>"
      "<body><p>Body \x80\x81 text.</p></body></html>";
  auto a = ExtractHtmlArticle(page);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_TRUE(utf8::IsValid(a->title)) << a->title;
  EXPECT_TRUE(utf8::IsValid(a->text)) << a->text;
  EXPECT_NE(a->title.find("ok"), std::string::npos);
}

}  // namespace
}  // namespace dyad
