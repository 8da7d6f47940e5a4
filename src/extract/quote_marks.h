// Quote marks paired into quoted stretches: the first half of the quotes stage (quotes.h), on its own
// so it can be read and tested alone.
//
// Marks: curly “ ” ‘ ’ and „ « », straight " and ', and the doubled apostrophes '' `` some papers use.
// Straight marks take their direction from their neighbours (after a space: opening; after a word:
// closing). Double marks may span sentences; a blank line closes a quote left open, and a quote mark
// opening the next paragraph continues it (news reopens each paragraph of a long quote). Single marks
// pair only inside one sentence and only outside double quotes (nested quotes stay in their quote).
// Furniture sentences (headline, byline ...) are skipped. Bounded: one pass over the tokens; a single
// mark looks ahead to the end of its sentence at most.
#pragma once

#include <cstdint>
#include <vector>

#include "dyad/document.h"

namespace dyad::extract {

struct QuoteStretch {
  uint32_t first = 0, end = 0;  // content tokens [first, end): inside the marks, trailing commas trimmed
  int32_t open_mark = -1;       // token index of the opening mark
  int32_t close_mark = -1;      // token index of the closing mark; -1 when the paragraph ended first
  bool continues = false;       // reopened at a new paragraph: the same quote as the stretch before
};

// Stretches with at least one word, in text order, not overlapping.
std::vector<QuoteStretch> FindQuoteStretches(const Document& doc);

// A token that is a word (not punctuation, not a symbol, not a quote mark).
bool IsWordToken(const Document& doc, uint32_t token);

// A token that is a quote mark of any kind.
bool IsQuoteMarkToken(const Document& doc, uint32_t token);

}  // namespace dyad::extract
