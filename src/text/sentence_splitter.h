// SentenceSplitter: groups the tokens of a text into sentences, robust to news.
//
// Rules, in order (see README.md for the examples each one is tested with):
//   1. A blank line (a line break, optional spaces, another line break) always ends a sentence:
//      headlines, bylines and list items without a full stop end there.
//   2. A single line break ends a sentence when the text is written one paragraph per line; in
//      hard-wrapped text (every line short, as in Reuters) it ends one only after a short line
//      without final punctuation (a headline) that an indented or another short line follows, or
//      before a list bullet.
//   3. ". ! ? ... …" end a sentence, taking following closing quotes and brackets with them
//      (`said.”`, `?”`, `.)`), unless the next word starts in lower case or the next token is , ; :
//      — "a UN crisis . supported proposal" stays one sentence.
//   4. A period glued to an abbreviation ("Gen.", "Jan.", "J.") does not end a sentence; one glued
//      to "Inc." / "U.S." / "etc." does when a capitalised sentence starter (The, He, But ...) or a
//      line break follows. The text stage then splits that period off, as EWT does ("Inc" + ".").
//   5. A would-be sentence made only of punctuation (the seed's stray `“.`) joins the sentence
//      before it, unless a blank line separates them.
//   6. No sentence exceeds max_tokens: a longer run is cut at the last ; : , or dash in the second
//      half of the window, else hard at max_tokens. So a 5,000-token "sentence" gives bounded ones.
// Time is linear in the number of tokens plus the text length. Thread-safe: no state.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace dyad::text {

// Documented bound: the longest sentence later stages ever see, in tokens.
inline constexpr uint32_t kMaxSentenceTokens = 300;

struct SentenceSpan {
  uint32_t first_token = 0, end_token = 0;  // [first, end) into the token array
  bool ends_with_abbreviation = false;      // the last token is "Inc." / "etc." whose period ends it
  bool starts_paragraph = false;            // the text start or a blank line precedes it
};

struct SplitterOptions {
  uint32_t max_tokens = kMaxSentenceTokens;  // >= 2
};

// Appends the sentences of `tokens` (from Tokenize(text)) to *out, covering every token in order.
void SplitSentences(std::string_view text, const std::vector<TokenSpan>& tokens, std::vector<SentenceSpan>* out,
                    const SplitterOptions& options = {});

}  // namespace dyad::text
