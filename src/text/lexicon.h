// The word lists the tokeniser and the sentence splitter consult: abbreviations, measurement units
// that split from a number, hyphen prefixes that EWT keeps attached, and contractions written without
// an apostrophe. The lists are written by the project (from knowledge of English and of the UD English
// EWT guidelines), not copied from any corpus. Lookups take a lower-cased ASCII key; thread-safe
// (immutable tables built on first use).
#pragma once

#include <cstddef>
#include <string_view>

namespace dyad::text {

enum class AbbrevKind : unsigned char {
  kNone = 0,
  kTitle,       // "Mr.", "Gen.", "Jan.", "No.": a capitalised word after it is not a new sentence
  kMaybeFinal,  // "Inc.", "etc.", "U.S.": may end a sentence when a sentence-starter follows
};

// key: the word before the period, lower-cased, without the period ("gen", "u.s", "e.g").
AbbrevKind LookupAbbreviation(std::string_view lower_key);

// key: lower-cased letters after a number ("bn", "km", "pm"): "$3bn" -> 3 + bn, "35mm" -> 35 + mm.
bool IsUnitAfterNumber(std::string_view lower_key);

// key: lower-cased segment before a hyphen that EWT keeps attached ("e", "co", "pre", "non").
bool IsHyphenPrefix(std::string_view lower_key);

// Contractions without apostrophe (and a few with): returns the byte length of the first word when
// the lower-cased whole word splits into two syntactic words, else 0. "cannot" -> 3, "dont" -> 2,
// "gonna" -> 3, "im" -> 1.
size_t SplitContraction(std::string_view lower_word);

// Common sentence-initial words (lower-cased): after "Inc." or "U.S." a capitalised one of these
// starts a new sentence.
bool IsSentenceStarter(std::string_view lower_word);

// Lower-cases ASCII letters of s into buf (capacity cap); returns the view, or an empty view when s
// does not fit or holds non-ASCII bytes.
std::string_view LowerAscii(std::string_view s, char* buf, size_t cap);

}  // namespace dyad::text
