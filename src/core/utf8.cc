#include "core/utf8.h"

namespace dyad::utf8 {

char32_t Decode(std::string_view s, size_t i, int* len) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  *len = 1;
  if (c < 0x80) return c;
  int n;
  char32_t cp;
  char32_t min;
  if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; min = 0x10000; }
  else return kReplacement;
  if (i + n > s.size()) return kReplacement;
  for (int k = 1; k < n; ++k) {
    unsigned char cc = b(i + k);
    if ((cc & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  *len = n;
  return cp;
}

size_t FirstInvalid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII, 8 bytes at a time.
    while (i + 8 <= s.size()) {
      uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    int len;
    char32_t cp = Decode(s, i, &len);
    if (cp == kReplacement && len == 1) return i;
    i += len;
  }
  return std::string_view::npos;
}

void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string Repair(std::string_view s, size_t* replaced) {
  std::string out;
  out.reserve(s.size());
  size_t n = 0;
  size_t i = 0;
  while (i < s.size()) {
    int len;
    char32_t cp = Decode(s, i, &len);
    if (cp == kReplacement && len == 1 && static_cast<unsigned char>(s[i]) >= 0x80) {
      Append(out, kReplacement);
      ++n;
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
  if (replaced) *replaced = n;
  return out;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  size_t i = 0;
  while (i < s.size()) {
    int len;
    Decode(s, i, &len);
    i += len;
    ++n;
  }
  return n;
}

}  // namespace dyad::utf8
