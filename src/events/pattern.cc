#include "events/pattern.h"

#include <algorithm>
#include <array>

#include "core/split.h"
#include "ontology/ontology_tables.h"

namespace dyad::events {
namespace {

// Prepositions that introduce a slot or a prepositional word. Particles ("down", "off", "out", "up",
// "back", "away") are not here: after a trigger they are words (compound:prt) of their own.
constexpr std::array<std::string_view, 47> kPrepositions = {
    "about",   "across",  "after",    "against", "along",   "alongside", "amid",   "among",
    "amongst", "around",  "as",       "at",      "before",  "behind",    "beside", "between",
    "beyond",  "by",      "concerning", "despite", "during", "for",      "from",   "in",
    "inside",  "into",    "near",     "of",      "off",     "on",        "onto",   "outside",
    "over",    "past",    "regarding", "through", "throughout", "to",    "toward", "towards",
    "under",   "until",   "upon",     "via",     "with",    "within",    "without"};

// Particles ("carry out", "back down", "call off"): words of their own that never become the anchor of
// the next word, so "carry out attack on $TGT" hangs "attack" from "carry".
constexpr std::array<std::string_view, 12> kParticles = {"up", "down", "out", "off", "back", "away",
                                                         "in", "on", "over", "through", "forth", "aside"};

// The particles that are never prepositions in a pattern's position right after the trigger.
bool AllStrictParticles(const std::vector<std::string>& alts) {
  return !alts.empty() && std::all_of(alts.begin(), alts.end(), [](const std::string& a) {
    return a == "up" || a == "down" || a == "out" || a == "off" || a == "back" || a == "away" ||
           a == "forth" || a == "aside";
  });
}

bool AllParticles(const std::vector<std::string>& alts) {
  return !alts.empty() && std::all_of(alts.begin(), alts.end(), [](const std::string& a) {
    return std::find(kParticles.begin(), kParticles.end(), a) != kParticles.end();
  });
}

bool IsLemmaChars(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'' || c == '.';
  });
}


bool AllPrepositions(const std::vector<std::string>& alts) {
  return !alts.empty() && std::all_of(alts.begin(), alts.end(), [](const std::string& a) {
    return IsPatternPreposition(a);
  });
}

Status Bad(std::string message) { return Status::InvalidInput(std::move(message)); }

}  // namespace

uint64_t LemmaHash(std::string_view lemma) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a: short words, stable across runs
  for (unsigned char c : lemma) h = (h ^ c) * 1099511628211ull;
  return h;
}

bool IsPatternPreposition(std::string_view word) {
  return std::find(kPrepositions.begin(), kPrepositions.end(), word) != kPrepositions.end();
}

bool EventPattern::has_source_slot() const {
  return std::any_of(slots.begin(), slots.end(), [](const PatternSlot& s) { return s.role == SlotRole::kSource; });
}

Result<EventPattern> ParsePattern(std::string_view cameo, std::string_view kind, std::string_view pattern,
                                  std::string_view flags, std::string_view id_prefix) {
  EventPattern p;
  if (!IsCameoCode(cameo)) return Bad("cameo '" + std::string(cameo) + "' is not a 2-4 digit code");
  p.cameo = std::string(cameo);
  if (kind == "verb") {
    p.kind = TriggerKind::kVerb;
  } else if (kind == "noun") {
    p.kind = TriggerKind::kNoun;
  } else {
    return Bad("kind must be 'verb' or 'noun', not '" + std::string(kind) + "'");
  }

  std::vector<std::string_view> elements;
  for (std::string_view e : SplitFields(pattern, ' '))
    if (!e.empty()) elements.push_back(e);
  if (elements.empty()) return Bad("empty pattern");
  if (elements.size() > 12) return Bad("pattern has more than 12 elements");

  p.trigger = SplitList(elements[0]);
  for (const std::string& t : p.trigger)
    if (!IsLemmaChars(t)) return Bad("trigger '" + std::string(elements[0]) + "' must be lower-case lemmas");

  int anchor = -1;
  std::vector<std::string> pending;  // prepositions waiting for their word or slot
  for (size_t i = 1; i < elements.size(); ++i) {
    std::string_view e = elements[i];
    if (e == "$TGT" || e == "$SRC") {
      SlotRole role = e == "$SRC" ? SlotRole::kSource : SlotRole::kTarget;
      for (const PatternSlot& s : p.slots)
        if (s.role == role) return Bad("pattern has two " + std::string(e) + " slots");
      p.slots.push_back(PatternSlot{role, pending, anchor});
      pending.clear();
      continue;
    }
    if (e.front() == '$') return Bad("unknown slot '" + std::string(e) + "' (use $SRC or $TGT)");
    std::vector<std::string> alts = SplitList(e);
    for (const std::string& a : alts)
      if (!IsLemmaChars(a)) return Bad("'" + std::string(e) + "' must be lower-case lemmas");
    const bool last = i + 1 == elements.size();
    // A preposition before another one is a particle: "weigh in on $TGT", "pull out of $TGT".
    const bool before_preposition = !last && AllPrepositions(SplitList(elements[i + 1]));
    // "off" right after the trigger and before a word is the particle of a phrasal verb ("call off
    // talk"), not a preposition.
    const bool phrasal = p.words.empty() && p.slots.empty() && AllStrictParticles(alts) && !last &&
                         elements[i + 1].front() != '$';
    if (AllPrepositions(alts) && !last && !before_preposition && !phrasal) {
      if (!pending.empty()) return Bad("two prepositions in a row before '" + std::string(e) + "'");
      pending = std::move(alts);
      continue;
    }
    // A word: object, particle (also a preposition at the end, "give in", or before another one) or
    // prepositional noun.
    const bool particle = pending.empty() && AllParticles(alts);
    p.words.push_back(PatternWord{std::move(alts), pending, anchor, {}});
    pending.clear();
    if (!particle) anchor = static_cast<int>(p.words.size()) - 1;
  }
  if (!pending.empty()) return Bad("pattern ends with a preposition waiting for its word");

  for (std::string_view f : SplitFields(flags, '|')) {
    if (f.empty()) continue;
    if (f == "sym") {
      p.symmetric = true;
    } else if (f == "notarget") {
      p.needs_target = false;
    } else if (f == "intransitive") {
      if (p.kind != TriggerKind::kVerb) return Bad("flag 'intransitive' is for verb patterns");
      p.intransitive = true;
    } else if (f == "official") {
      p.official = true;
    } else if (f == "armed") {
      p.armed = true;
    } else if (f == "unarmed") {
      p.unarmed = true;
    } else if (f == "speakers") {
      p.speakers = true;
    } else if (f.substr(0, 5) == "pair=" && IsCameoCode(f.substr(5))) {
      p.pair_code = std::string(f.substr(5));
    } else {
      return Bad("unknown flag '" + std::string(f) + "' (sym, notarget, intransitive, official, armed, unarmed, speakers, pair=CODE)");
    }
  }
  for (PatternWord& w : p.words)
    for (const std::string& l : w.lemmas) w.hashes.push_back(LemmaHash(l));
  p.id = std::string(id_prefix) + ":" + std::string(pattern);
  return p;
}

}  // namespace dyad::events
