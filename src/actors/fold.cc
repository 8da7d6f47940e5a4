#include "actors/fold.h"

#include <utf8proc.h>

#include <cctype>
#include <cstdlib>

namespace dyad::actors {
namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Typographic variants the text stage folds too (text/normalize.h); repeated here so that the actors
// module does not depend on the text module.
void StraightenInPlace(std::string* s) {
  static constexpr std::string_view kApostrophes[] = {"\xE2\x80\x98", "\xE2\x80\x99", "\xCA\xBC"};
  static constexpr std::string_view kDashes[] = {"\xE2\x80\x90", "\xE2\x80\x91", "\xE2\x80\x93"};
  for (auto a : kApostrophes) {
    for (size_t p = s->find(a); p != std::string::npos; p = s->find(a, p + 1)) s->replace(p, a.size(), "'");
  }
  for (auto d : kDashes) {
    for (size_t p = s->find(d); p != std::string::npos; p = s->find(d, p + 1)) s->replace(p, d.size(), "-");
  }
}

bool IsSplitPunct(char c) {
  return c == ',' || c == '(' || c == ')' || c == '"' || c == ';' || c == ':' || c == '-' || c == '/';
}

}  // namespace

void FoldKey(std::string_view in, std::string* out) {
  out->clear();
  if (IsAscii(in)) {
    out->resize(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
      char c = in[i];
      (*out)[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
    }
    return;
  }
  utf8proc_uint8_t* mapped = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(in.data()),
                                    static_cast<utf8proc_ssize_t>(in.size()), &mapped, options);
  if (n < 0) {  // invalid UTF-8: keep the bytes, lower-casing ASCII
    for (char c : in) out->push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return;
  }
  out->assign(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  StraightenInPlace(out);
}

std::string FoldKey(std::string_view in) {
  std::string out;
  FoldKey(in, &out);
  return out;
}

std::vector<std::string> SplitPhrase(std::string_view phrase) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    // Possessive clitic: "Iran's" -> "Iran" "'s" (also the curly apostrophe, already straightened).
    if (cur.size() > 2 && (cur.ends_with("'s") || cur.ends_with("'S"))) {
      words.push_back(cur.substr(0, cur.size() - 2));
      words.push_back(cur.substr(cur.size() - 2));
    } else {
      words.push_back(cur);
    }
    cur.clear();
  };
  std::string text(phrase);
  StraightenInPlace(&text);
  for (char c : text) {
    if (c == ' ' || c == '_' || c == '\t') {
      flush();
    } else if (IsSplitPunct(c)) {
      flush();
      words.emplace_back(1, c);
    } else {
      cur.push_back(c);
    }
  }
  flush();
  return words;
}

bool StartsUpper(std::string_view word) {
  for (unsigned char c : word) {
    if (c >= 0x80) return true;
    if (std::isalpha(c)) return std::isupper(c) != 0;
  }
  return false;
}

bool IsAcronym(std::string_view word) {
  if (word.size() < 2 || word.size() > 5) return false;
  for (unsigned char c : word) {
    if (!std::isupper(c)) return false;
  }
  return true;
}

}  // namespace dyad::actors
