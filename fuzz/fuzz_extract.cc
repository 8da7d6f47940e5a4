// libFuzzer target for the time-expression and amount extractors and the TimeML gold reader.
// Arbitrary bytes are (1) read as TimeML, whose spans must lie inside the text it returns, and (2)
// repaired to UTF-8 and run through the text stage, then the timex and amount annotators (untagged:
// the rules must cope without XPOS) with a fixed article date. Checked: rows are ordered, do not
// overlap, lie inside the sentence's tokens, and carry a non-empty type/kind and value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "dyad/document.h"
#include "extract/amounts.h"
#include "extract/timex.h"
#include "extract/timex_timeml.h"
#include "text/text_stage.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto gold = dyad::extract::ReadTimeMl(bytes); gold.ok()) {
    size_t last_end = 0;
    for (const auto& t : gold->timexes) {
      Check(t.begin < t.end && t.end <= gold->text.size() && t.begin >= last_end);
      last_end = t.end;
    }
  }
  static const auto stage = dyad::MakeTextStage();
  dyad::DocumentMeta meta;
  meta.date = "2022-07-18";
  dyad::Document doc(dyad::utf8::Repair(bytes, nullptr), meta);
  auto scratch = stage->NewScratch();
  if (!stage->Process(doc, scratch.get()).ok()) return 0;
  dyad::extract::AnnotateTimexes(doc);
  dyad::extract::AnnotateAmounts(doc);
  const auto& tokens = doc.tokens();
  uint32_t end = 0;
  for (const dyad::TimexRow& t : doc.timexes()) {
    Check(t.first_token < t.end_token && t.end_token <= tokens.size() && t.first_token >= end);
    Check(tokens[t.first_token].sentence == tokens[t.end_token - 1].sentence);
    Check(!doc.Str(t.type).empty() && !doc.Str(t.value).empty());
    end = t.end_token;
  }
  std::vector<bool> in_timex(tokens.size(), false);
  for (const dyad::TimexRow& t : doc.timexes())
    for (uint32_t k = t.first_token; k < t.end_token; ++k) in_timex[k] = true;
  end = 0;
  for (const dyad::AmountRow& a : doc.amounts()) {
    Check(a.first_token < a.end_token && a.end_token <= tokens.size() && a.first_token >= end);
    Check(tokens[a.first_token].sentence == tokens[a.end_token - 1].sentence);
    Check(!doc.Str(a.kind).empty());
    for (uint32_t k = a.first_token; k < a.end_token; ++k) Check(!in_timex[k]);
    end = a.end_token;
  }
  return 0;
}
