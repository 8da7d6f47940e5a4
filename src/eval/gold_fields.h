// Field checks shared by the readers of dyad's hand-made gold files (eval/events, eval/places): both
// point into ../shared/data by code point offsets and an 8-hex-digit SHA-1 prefix of the span.
#pragma once

#include <cstdint>
#include <string_view>

namespace dyad::eval {

// A decimal of at most 9 digits (offsets, row numbers): no sign, no spaces.
inline bool ParseGoldUint32(std::string_view s, uint32_t* out) {
  if (s.empty() || s.size() > 9) return false;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  *out = v;
  return true;
}

// Eight lower-case hex digits (the SHA-1 prefix of a span).
inline bool IsGoldHex8(std::string_view s) {
  if (s.size() != 8) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace dyad::eval
