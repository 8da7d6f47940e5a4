// Fuzzes ReadConllu, then pushes what it read through the furniture stage and both writers.
// Properties: no crash or leak; every token and sentence is a valid slice of the text; the JSONL
// output is valid JSON; writing CoNLL-U terminates.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "io/conllu.h"
#include "io/jsonl_writer.h"
#include "text/furniture.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto doc = dyad::ReadConllu(input);
  if (!doc.ok()) {
    if (doc.status().message().empty()) __builtin_trap();
    return 0;
  }
  size_t n = doc->text().size();
  for (const auto& t : doc->tokens())
    if (t.begin > t.end || t.end > n || t.sentence >= doc->sentences().size()) __builtin_trap();
  for (const auto& s : doc->sentences())
    if (s.begin > s.end || s.end > n || s.first_token > s.end_token || s.end_token > doc->tokens().size())
      __builtin_trap();
  static const auto furniture = dyad::MakeFurnitureStage();
  if (!furniture->Process(*doc, nullptr).ok()) __builtin_trap();
  for (const auto& f : doc->furniture())
    if (f.begin > f.end || f.end > n) __builtin_trap();
  std::string out;
  dyad::WriteConllu(*doc, out);
  out.clear();
  dyad::WriteJsonl(*doc, {}, out);
  if (!nlohmann::json::accept(out)) __builtin_trap();
  return 0;
}
