// HTML input: extracts the article from a news web page with libxml2's HTML parser (recovering from
// broken markup, no network). Drops script/style/nav/header/footer/aside/form and similar elements,
// elements whose class or id names comments, sharing, newsletters and the like, and comments; takes the
// <article> (or else the element holding the most paragraph text) as the body, with paragraphs
// separated by blank lines. Title from og:title, else the first <h1>, else <title>; date from
// article:published_time / date-like <meta> tags. Entities are decoded (the output is UTF-8).
//
// Bounds: input over kMaxRecordBytes is refused; libxml2 stops building the tree below depth 256, and
// every walk over the tree here is iterative (no recursion on the input's structure) and linear.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad {

struct HtmlArticle {
  std::string text;   // article body: paragraphs separated by "\n\n"
  std::string title;
  std::string date;   // YYYY-MM-DD or empty
  std::vector<std::string> warnings;
};

Result<HtmlArticle> ExtractHtmlArticle(std::string_view html);

}  // namespace dyad
