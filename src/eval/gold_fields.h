// Field checks shared by the readers of dyad's hand-made gold files (eval/events, eval/places): both
// point into ../shared/data by code point offsets and an 8-hex-digit SHA-1 prefix of the span.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

// The columns every gold row opens with: where the span is and how to check it is still the same text.
struct GoldSpan {
  std::string path;             // relative to the shared data folder
  std::string record;           // record key inside the file; empty for a plain text file
  uint32_t begin = 0, end = 0;  // code point offsets into the record text
  std::string sha1;             // first 8 hex digits of SHA-1 of the span's UTF-8 bytes
  std::string date;             // YYYY-MM-DD or empty
};

// Reads columns 0..5 (path, record, begin, end, sha1, date) into *out; returns what is wrong, or
// nullptr. REQUIRES: f.size() >= 6.
inline const char* ParseGoldSpan(const std::vector<std::string_view>& f, GoldSpan* out) {
  out->path = std::string(f[0]);
  out->record = std::string(f[1]);
  if (out->path.empty()) return "empty path";
  if (!ParseGoldUint32(f[2], &out->begin) || !ParseGoldUint32(f[3], &out->end) || out->begin >= out->end)
    return "bad offsets";
  if (!IsGoldHex8(f[4])) return "sha1 must be 8 lower-case hex digits";
  out->sha1 = std::string(f[4]);
  out->date = std::string(f[5]);
  return nullptr;
}

}  // namespace dyad::eval
