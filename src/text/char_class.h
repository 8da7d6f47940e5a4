// Character classes for the text stage: one small table for ASCII (the hot path) and utf8proc for
// everything else. Internal to src/text.
//
// A "code point view" CharAt(text, i) decodes at byte i; invalid bytes decode as U+FFFD with length 1,
// so every loop advances and stays linear on any input.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/utf8.h"

namespace dyad::text {

struct CodePoint {
  char32_t cp;
  int len;  // bytes, >= 1
};

inline CodePoint CharAt(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  int len;
  char32_t cp = utf8::Decode(s, i, &len);
  return {cp, len};
}

// Whitespace that separates tokens: ASCII space and controls, NBSP, the Unicode space separators,
// line/paragraph separators, and the zero-width space / BOM (which only ever hide a boundary).
bool IsSpace(char32_t c);
// Letters and digits, any script (utf8proc categories L*, N*, and combining marks M*, which belong
// to the letter before them). ASCII is answered inline (the hot path).
bool IsAlnumSlow(char32_t c);
inline bool IsAlnum(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return IsAlnumSlow(c);
}
bool IsLetter(char32_t c);
bool IsUpper(char32_t c);  // Lu / Lt
bool IsLower(char32_t c);  // Ll

inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Apostrophe-like characters that may start a clitic: ' ’ ` ʼ
inline bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == '`' || c == 0x02BC; }
inline bool IsNewline(char32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C || c == 0x85; }

// Quote and bracket classes used by the sentence splitter.
inline bool IsClosingPunct(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x203A;
}
inline bool IsOpeningPunct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x2039 ||
         c == 0x201E;
}
inline bool IsAmbiguousQuote(char32_t c) { return c == '"' || c == '\''; }

}  // namespace dyad::text
