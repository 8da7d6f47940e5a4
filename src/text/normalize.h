// Folding for matching: the form of a token that dictionaries and models compare against.
//
// The original text is never changed. FoldForMatching() maps a slice of it to NFC (utf8proc) and then
// folds typographic variants to their plain ASCII spelling:
//   ‘ ’ ‚ ‛ ′ ` ʼ  -> '        “ ” „ ‟ ″ « »  -> "
//   ‐ ‑ – ‒ −      -> -        — ―            -> --
//   …              -> ...      NBSP and other Unicode spaces -> ' '
//   soft hyphen, zero-width space/joiners, BOM -> removed
// Letters are not lower-cased (case is a feature the tagger wants).
//
// Fast path: a pure-ASCII slice without a backtick folds to itself; callers see `false` and keep the
// raw slice, so nothing is allocated for most tokens. Thread-safe (no state).
#pragma once

#include <string>
#include <string_view>

namespace dyad::text {

// True when `in` may fold to something else (it has a non-ASCII byte or a backtick). Inline: the
// text stage asks this for every token.
inline bool MayNeedFolding(std::string_view in) {
  for (char ch : in)
    if (static_cast<unsigned char>(ch) >= 0x80 || ch == '`') return true;
  return false;
}

// Sets *out to the folded form and returns true when it differs from `in`; returns false (and leaves
// *out unspecified) when `in` is already folded. Invalid UTF-8 bytes are kept as they are.
bool FoldForMatching(std::string_view in, std::string* out);

// Convenience: the folded form (a copy of `in` when nothing changes).
std::string Fold(std::string_view in);

}  // namespace dyad::text
