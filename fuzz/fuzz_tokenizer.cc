// libFuzzer target for the text stage (normalise + tokenise + split). Arbitrary bytes are repaired
// to valid UTF-8 first (core/utf8.h Repair, as the readers do), then the stage runs and the
// invariants every later stage relies on are checked:
//   - every token lies inside the text, is non-empty, and tokens are ordered and non-overlapping;
//   - sentences are non-empty, cover the tokens in order without gaps, are at most
//     kMaxSentenceTokens long, and every token's sentence index points back at its sentence;
//   - a token's norm, when set, is non-empty.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/utf8.h"
#include "dyad/document.h"
#include "text/sentence_splitter.h"
#include "text/text_stage.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto stage = dyad::MakeTextStage();
  std::string text = dyad::utf8::Repair(std::string_view(reinterpret_cast<const char*>(data), size), nullptr);
  dyad::Document doc(std::move(text));
  auto scratch = stage->NewScratch();
  dyad::Status st = stage->Process(doc, scratch.get());
  Check(st.ok());
  const auto& toks = doc.tokens();
  const auto& sents = doc.sentences();
  uint32_t prev_end = 0;
  for (const auto& t : toks) {
    Check(t.begin < t.end && t.end <= doc.text().size());
    Check(t.begin >= prev_end);
    Check(t.sentence < sents.size());
    if (t.norm != dyad::kNoStr) Check(!doc.Str(t.norm).empty());
    prev_end = t.end;
  }
  uint32_t next = 0;
  for (uint32_t i = 0; i < sents.size(); ++i) {
    const auto& s = sents[i];
    Check(s.first_token == next && s.end_token > s.first_token);
    Check(s.end_token - s.first_token <= dyad::text::kMaxSentenceTokens);
    Check(s.begin == toks[s.first_token].begin && s.end == toks[s.end_token - 1].end);
    for (uint32_t k = s.first_token; k < s.end_token; ++k) Check(toks[k].sentence == i);
    next = s.end_token;
  }
  Check(next == toks.size());
  return 0;
}
