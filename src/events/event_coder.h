// The event coder behind the "events" stage (event_stage.h): one Coder per document codes its sentences
// one at a time. Split by concern: event_coder.cc (patterns, matching, emitting rows), event_slots.cc
// (source and target), event_modality.cc (negation and modality). Internal to src/events.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/document.h"
#include "events/lexicon.h"
#include "events/sentence_graph.h"

namespace dyad::events::coder {

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view w) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

inline bool AnyEqual(const std::vector<std::string>& alts, std::string_view w) {
  return std::find(alts.begin(), alts.end(), w) != alts.end();
}

// How an event is told: asserted, intended, hypothetical or reported; negated; threatened; and the
// governor or auxiliary that made it so (their tokens widen the trigger span).
struct Modal {
  Modality modality = Modality::kAsserted;
  bool negated = false;
  bool threatened = false;
  bool attempted = false;  // an attempt governs it ("tried to storm", "sought to push back")
  const Governor* governor = nullptr;
  int32_t governor_token = -1;
  int32_t aux_token = -1;
  std::string why;  // for explain
};

// One pattern matched at one trigger.
struct Match {
  const EventPattern* pattern = nullptr;
  std::vector<int32_t> words;            // token per pattern word
  std::vector<int32_t> sources, targets;  // mention indexes
  std::string source_how, target_how;
};

class Coder {
 public:
  Coder(const EventLexicon& lexicon, Document& doc, SentenceGraph& graph, std::vector<std::string>* trace)
      : lex_(lexicon), doc_(doc), g_(graph), trace_(trace) {}
  void Code(uint32_t s, std::vector<EventRow>* out);

 private:
  // event_coder.cc: patterns and rows.
  const std::vector<uint32_t>* Candidates(uint32_t t, TriggerKind kind);
  // event_slots.cc: actors' kinds.
  bool IsMedia(int32_t mention) const;
  bool IsCapitalCompound(uint32_t c) const;
  static bool AllCapitals(std::string_view w);
  int32_t PlaceAt(uint32_t t) const;
  int32_t PlaceMention(int32_t p);
  std::string_view Role(int32_t mention) const;
  bool ArmedFight(const Match& m) const;
  bool PoliticalDispute(const Match& m, bool any_border) const;
  static bool IsOfficial(std::string_view code);
  // event_coder.cc: trying a trigger's patterns and emitting its events.
  bool HasObjectOrClause(uint32_t t) const;
  void Say(uint32_t t, const std::string& line);
  void TryTrigger(uint32_t s, uint32_t t, TriggerKind kind, const std::vector<uint32_t>& candidates,
                  size_t first_event, std::vector<EventRow>* out);
  bool Reciprocal(const EventPattern& p, const Match& m) const;
  std::string Names(const std::vector<int32_t>& ms) const;
  void MarkUsed(uint32_t t, const Match& m);
  // event_coder.cc: a pattern's words in the parse.
  bool HasCase(uint32_t c, const std::vector<std::string>& preps) const;
  bool HasAnyCase(uint32_t c) const;  // a preposition before c ("alongside the Americans")
  int32_t Particle(uint32_t a, const std::vector<std::string>& preps) const;
  static bool BareWordRel(std::string_view r);
  int32_t FindWord(uint32_t anchor, const PatternWord& w, bool anchor_is_trigger) const;
  bool MatchWords(uint32_t t, const EventPattern& p, std::vector<int32_t>* words, std::string* why) const;
  // event_slots.cc: source and target.
  bool IsPassive(uint32_t v) const;
  bool HeadlinePassive(uint32_t v) const;
  int32_t SubjectChild(uint32_t v) const;
  int32_t ChildWithRel(uint32_t v, std::string_view rel) const;
  int32_t ByAgent(uint32_t v) const;
  int32_t Subject(uint32_t v, std::string* how) const;
  bool NonFinite(uint32_t v) const;
  int32_t ActorBefore(uint32_t v, std::string* how) const;
  int32_t ViolentClauseDoer(uint32_t v, std::string* how) const;
  int32_t DirectObject(uint32_t a, bool trigger_is_verb) const;
  int32_t PrepPhrase(uint32_t t, const Match& m, const std::vector<std::string>& preps) const;
  void Actors(int32_t x, std::vector<int32_t>* out) const;
  int32_t NounSource(uint32_t n, const EventPattern& p, std::string* how) const;
  void FillSlots(uint32_t t, TriggerKind kind, Match& m);
  // event_modality.cc.
  Modal VerbModality(uint32_t t) const;
  Modal NounModality(uint32_t n) const;
  bool AfterArticleDate(uint32_t t) const;
  const Governor* NounGovernor(uint32_t n) const;
  void ApplyGovernor(const Governor& gov, uint32_t h, Modal& md) const;

  // Places as targets (see FillSlots): Match::targets holds kPlaceTarget - (index into doc.places()) until
  // an event is emitted, when the place becomes a country mention of its own (made once per place).
  static constexpr int32_t kPlaceTarget = -2;
  const EventLexicon& lex_;
  Document& doc_;
  SentenceGraph& g_;
  std::vector<std::string>* trace_;
  std::vector<uint8_t> used_;
  std::vector<int32_t> slot_tokens_;
  std::vector<std::pair<int32_t, int32_t>> place_mentions_;  // (place, mention made for it)
  std::string variant_;
  Match scratch_match_;
};

}  // namespace dyad::events::coder
