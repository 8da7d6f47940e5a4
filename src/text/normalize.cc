#include "text/normalize.h"

#include <cstdlib>
#include <cstring>

#include <utf8proc.h>

#include "core/utf8.h"

namespace dyad::text {
namespace {

// The fold for one code point: nullptr = keep as is, "" = drop.
const char* FoldCodePoint(char32_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case '`':
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
      return "-";
    case 0x2014: case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return " ";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return "";
    default:
      if (c >= 0x2000 && c <= 0x200A) return " ";
      return nullptr;
  }
}

// NFC of a valid UTF-8 slice; falls back to the input when utf8proc refuses it.
std::string Nfc(std::string_view in) {
  if (!utf8::IsValid(in)) return std::string(in);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(in.data()),
                                    static_cast<utf8proc_ssize_t>(in.size()), &mapped,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0 || mapped == nullptr) return std::string(in);
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  return out;
}

}  // namespace

bool FoldForMatching(std::string_view in, std::string* out) {
  if (!MayNeedFolding(in)) return false;
  std::string nfc = Nfc(in);
  out->clear();
  out->reserve(nfc.size());
  std::string_view s = nfc;
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80 && b != '`') {
      out->push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    int len;
    char32_t cp = utf8::Decode(s, i, &len);
    const char* folded = (cp == utf8::kReplacement && len == 1) ? nullptr : FoldCodePoint(cp);
    if (folded) out->append(folded);
    else out->append(s.data() + i, static_cast<size_t>(len));
    i += static_cast<size_t>(len);
  }
  return *out != in;
}

std::string Fold(std::string_view in) {
  std::string out;
  if (!FoldForMatching(in, &out)) return std::string(in);
  return out;
}

}  // namespace dyad::text
