// Fuzzes the HTML article extractor (libxml2's HTML parser plus our tree walks).
// Properties: no crash, leak or stack overflow (the walks are iterative); text, title and date are
// valid UTF-8 without NUL bytes; a date, when found, is YYYY-MM-DD.
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "io/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto a = dyad::ExtractHtmlArticle(input);
  if (!a.ok()) return 0;
  for (const std::string* s : {&a->text, &a->title, &a->date}) {
    if (!dyad::utf8::IsValid(*s)) __builtin_trap();
    if (s->find('\0') != std::string::npos) __builtin_trap();
  }
  if (!a->date.empty() && a->date.size() != 10) __builtin_trap();
  return 0;
}
