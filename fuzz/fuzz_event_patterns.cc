// Fuzzes the event lexicon readers (patterns, intent and governors tables) with the same bytes.
// Properties: no crash; a failed read says why; every loaded pattern is reachable from its trigger.
#include <cstdint>
#include <string>

#include "events/lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  dyad::events::EventLexicon lex;
  dyad::Status s = lex.AddPatterns(text, "fuzz.tsv");
  if (!s.ok() && s.message().empty()) __builtin_trap();
  for (uint32_t i = 0; i < lex.patterns().size(); ++i) {
    const auto& p = lex.pattern(i);
    if (p.trigger.empty()) __builtin_trap();
    const auto* list = lex.Triggered(p.kind, p.trigger.front());
    if (list == nullptr) __builtin_trap();
  }
  if (dyad::Status g = lex.AddGovernors(text, "g.tsv"); !g.ok() && g.message().empty()) __builtin_trap();
  if (dyad::Status i = lex.AddIntents(text, "i.tsv"); !i.ok() && i.message().empty()) __builtin_trap();
  (void)lex.IntentCode("0421", true);
  return 0;
}
