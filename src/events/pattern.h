// Event patterns: dyad's own lexicon lines (data/events/patterns/*.tsv; format in data/README.md) read
// into a small dependency frame: a trigger lemma, the words that must hang from it, and the slots where
// the source and target actors are found.
//
//   "hold talk with $TGT"         trigger hold; word talk (object); slot TGT = with-phrase
//   "impose sanction on|against $TGT"
//   "receive aid from $SRC"       source from the from-phrase; the subject becomes the target
//   "visit $TGT"                  slot TGT = direct object (passive subject in a passive clause)
//   "back down"                   word down (particle)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::events {

enum class TriggerKind : uint8_t { kVerb, kNoun };
enum class SlotRole : uint8_t { kSource, kTarget };

// A word that must be a dependent of the trigger or of an earlier word.
struct PatternWord {
  std::vector<std::string> lemmas;  // alternatives
  std::vector<std::string> preps;   // required case marker(s); empty: object / particle / plain dependent
  int anchor = -1;                  // -1: the trigger; else index into EventPattern::words
  std::vector<uint64_t> hashes;     // LemmaHash of each alternative (a sentence without any cannot match)
};

// Where an actor is found.
struct PatternSlot {
  SlotRole role = SlotRole::kTarget;
  std::vector<std::string> preps;   // empty: the direct object of the anchor
  int anchor = -1;                  // for the direct object: -1 trigger, else a word index
};

struct EventPattern {
  std::string cameo;                 // "036"
  TriggerKind kind = TriggerKind::kVerb;
  std::vector<std::string> trigger;  // trigger lemma alternatives
  std::vector<PatternWord> words;
  std::vector<PatternSlot> slots;
  std::string pair_code;             // flags pair=CODE: also target -> source with this code
  bool symmetric = false;            // flag sym: both directions, same code
  bool needs_target = true;          // flag notarget clears it
  // flag intransitive: only a trigger verb without an object or clausal complement codes ("they
  // demonstrated" is a protest, "demonstrated its resolve" and "demonstrated that ..." are not).
  bool intransitive = false;
  // flag official: only an official actor (government, military, legislature, judiciary, party,
  // opposition, elite, intelligence, police, or an IGO) can be the source ("the minister flew to
  // Ankara" is a visit; "a teenager who travelled to Syria", "fighters arrived in Syria" are not).
  bool official = false;
  // flag armed: a fight between armed actors. It codes only when one side is armed (military, rebels,
  // insurgents, militants, peacekeepers) and neither side is civilian ("troops clashed with rebels" is
  // a fight; "protesters clashed with police" is left to the protest row with the same words).
  bool armed = false;
  // flag unarmed: words of force used figuratively between political actors. It codes only when both
  // sides are named and every one of them speaks rather than fights: a government, legislature, party,
  // opposition, elite or court of one country, or, across a border, with media, business, an NGO, a
  // union, a school, clergy or an IGO other than peacekeepers on one side ("Kerry attacked President
  // Bush" is criticism; "Russia attacked Ukraine", "Trump will launch an attack against the Assad
  // regime", "rebels attacked a convoy", "protesters attacked the embassy" are left to the force row).
  bool unarmed = false;
  // flag speakers: as unarmed, across any border. For words that between governments are talk unless
  // forces are named ("Erdogan clashed with Putin"; "Turkish and Russian troops clashed" is armed).
  bool speakers = false;
  std::string id;                    // "<file stem>:<pattern text>"
  std::string file;                  // for messages
  int line = 0;

  bool has_source_slot() const;
  // More required words = more specific; the matcher prefers the most specific pattern that matches.
  // A pattern limited to armed actors comes before the same words without the limit.
  int specificity() const {
    return static_cast<int>(words.size() * 4 + slots.size() * 2 + (armed || unarmed || speakers ? 1 : 0));
  }
};

// The hash patterns and sentences agree on for a lower-case lemma.
uint64_t LemmaHash(std::string_view lemma);

// True for the prepositions a pattern may use before a slot or a word.
bool IsPatternPreposition(std::string_view word);

// Parses one row (cameo, kind, pattern, flags). `id_prefix` is the file stem. Errors name what is wrong
// without file:line (the caller adds them).
Result<EventPattern> ParsePattern(std::string_view cameo, std::string_view kind, std::string_view pattern,
                                  std::string_view flags, std::string_view id_prefix);

}  // namespace dyad::events
