// Fuzzes ReadConllNer (CoNLL-2003-style NER files), then hands every document's words to ReadConllu
// as `dyad eval ner` does. Properties: no crash or leak; spans are non-empty, in order, inside their
// document; the CoNLL-U handoff either reads or fails with a message.
#include <cstdint>
#include <sstream>
#include <string>

#include "io/conll_ner.h"
#include "io/conllu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  for (const dyad::NerDocument& d : dyad::ReadConllNer(in, 3)) {
    uint32_t last_end = 0;
    for (const dyad::NerSpan& s : d.spans) {
      if (s.first >= s.end || s.end > d.tokens || s.first < last_end || s.type.empty()) __builtin_trap();
      last_end = s.end;
    }
    auto doc = dyad::ReadConllu(d.conllu);
    if (!doc.ok() && doc.status().message().empty()) __builtin_trap();
  }
  return 0;
}
