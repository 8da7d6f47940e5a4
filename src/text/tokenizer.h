// Tokenizer: splits raw text into tokens the way UD English EWT does.
//
// Conventions (checked against EWT train/dev; see README.md):
//   - clitics are separate syntactic words of one surface token: "don't" -> do + n't, "Putin’s" ->
//     Putin + ’s, "parents'" -> parents + ', "cannot" -> can + not, "gonna" -> gon + na, "dont" ->
//     do + nt. Every word but the last of such a group carries kTokJoinedToNext;
//   - punctuation is split off; runs of the same mark stay one token ("...", "--", "!!!", "?!");
//   - numbers keep their inner . , : / ("4.1", "22,000", "7:30", "9/11"); a unit after a number is
//     split ("$3bn" -> $ 3 bn, "35mm" -> 35 mm), ordinals and decades are not ("21st", "1970s");
//   - abbreviations keep their period ("U.S.", "Gen.", "Jan.", "J."), from lexicon.h;
//   - URLs, e-mail addresses, @handles, #hashtags and emoticons are single tokens;
//   - hyphens split ("search-engine" -> search - engine) except after a prefix EWT keeps attached
//     ("e-mail", "co-workers", "non-white") and inside phone numbers ("713-853-3989").
// kTokSpaceAfter is set when whitespace follows the token in the original text.
//
// Cost: one pass over the bytes with bounded look-ahead inside a whitespace-delimited chunk (each
// look-ahead stops at the chunk end and each chunk is scanned a constant number of times), so time
// is linear in the input. No regular expressions. Thread-safe: Tokenize() has no state.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad::text {

struct TokenSpan {
  uint32_t begin = 0, end = 0;  // byte range in the text passed to Tokenize
  uint8_t flags = 0;            // kTokSpaceAfter | kTokJoinedToNext (include/dyad/document.h)
};

// Appends the tokens of `text` to *out (which is not cleared). REQUIRES: text.size() < 4 GiB.
// Invalid UTF-8 bytes are treated as symbols (one token per run), never dropped.
void Tokenize(std::string_view text, std::vector<TokenSpan>* out);

}  // namespace dyad::text
