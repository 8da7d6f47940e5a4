// Fuzzes the event matcher over arbitrary parses: the input is read as CoNLL-U (any heads, including
// cycles and self-loops the parser never makes), every PROPN becomes an actor mention, and the events
// stage and the event-context stage run with a small built-in lexicon. Properties: no crash, no hang;
// every event points at real mentions and tokens of its own sentence.
#include <cstdint>
#include <string>

#include "events/event_context.h"
#include "events/event_stage.h"
#include "io/conllu.h"

namespace {

std::shared_ptr<const dyad::events::EventLexicon> Lexicon() {
  auto lex = std::make_shared<dyad::events::EventLexicon>();
  (void)lex->AddPatterns(
      "cameo\tkind\tpattern\tflags\n"
      "042\tverb\tvisit $TGT\tpair=043\n046\tverb\thold talk with $TGT\tsym\n163\tverb\timpose sanction on $TGT\n"
      "073\tverb\treceive aid from $SRC\n190\tverb\tlaunch offensive against $TGT\n042\tnoun\tvisit to $TGT\n"
      "081\tverb\tback down\tnotarget\n010\tverb\tweigh in on $TGT\n",
      "fuzz.tsv");
  (void)lex->AddIntents("cameo\tintent\tthreat\tnote\n04\t036\t\t\n19\t\t138\t\n", "intent.tsv");
  (void)lex->AddGovernors("lemma\teffect\tcameo\tnote\nplan\tintended\t\t\nthreaten\tthreatened\t13\t\n"
                          "refuse\trefused\t12\t\n",
                          "governors.tsv");
  return lex;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto lexicon = Lexicon();
  static const auto stage = dyad::events::MakeEventStage(lexicon);
  static const auto context = dyad::events::MakeEventContextStage();
  auto doc = dyad::ReadConllu(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) return 0;
  dyad::Document& d = *doc;
  for (uint32_t t = 0; t < d.tokens().size(); ++t) {
    if (d.tokens()[t].upos != dyad::Upos::PROPN) continue;
    dyad::MentionRow m;
    m.first_token = t;
    m.end_token = t + 1;
    m.head_token = t;
    m.code = d.Intern(t % 2 ? "IRN" : "RUS");
    d.mutable_mentions().push_back(m);
    d.mutable_places().push_back(dyad::PlaceRow{t, t + 1, m.code, m.code, dyad::kNoStr, 0, 0, false});
  }
  auto scratch = stage->NewScratch();
  if (!stage->Process(d, scratch.get()).ok()) __builtin_trap();
  if (!context->Process(d, nullptr).ok()) __builtin_trap();
  for (const auto& e : d.events()) {
    const auto& s = d.sentences()[e.sentence];
    if (e.source < 0 || static_cast<size_t>(e.source) >= d.mentions().size()) __builtin_trap();
    if (e.target >= static_cast<int32_t>(d.mentions().size())) __builtin_trap();
    if (e.trigger_first >= e.trigger_end || e.trigger_first < s.first_token || e.trigger_end > s.end_token)
      __builtin_trap();
    if (e.place >= static_cast<int32_t>(d.places().size())) __builtin_trap();
  }
  for (uint32_t s = 0; s < d.sentences().size() && s < 4; ++s) (void)dyad::events::ExplainSentence(*lexicon, d, s);
  return 0;
}
