// The "surface-coder" stage: codes events with imported TABARI/PETRARCH verb dictionaries the way those
// dictionaries were written — sparse matching over a sentence's words, not over the parse.
//
// Requires kLayerMentions (and the tags before it; uses the parse for clauses when present); provides
// kLayerEvents. Appends EventRows to Document::mutable_events(). Per body sentence:
//   1. Candidate verbs: tokens whose form or lemma (upper case) matches a dictionary verb (exact, stem
//      or regular ending; multi-word verbs need their other words around it), looked up by the word and
//      its prefixes in a hash index, so the cost does not grow with the dictionary. PETRARCH files:
//      VERB/AUX tokens only. TABARI files: any word not shifted to a noun by a determiner before it or
//      by a capital inside a mixed-case sentence. Words in a comma aside are not verbs. The most
//      specific form wins; entries tied on it pool their patterns.
//   2. Patterns, heaviest first (a literal word outweighs a set): words before '*' are found right to
//      left from the verb, those after it left to right, with gaps unless joined by '_'. '$' binds the
//      source, '+' the target, '%' a compound actor, '^' skips one word or actor (with its article).
//      No pattern: the verb's own code.
//   3. Defaults: source = the first actor of the verb's clause before it (else of the sentence; after
//      the verb when '+' took the one before); target = the first actor after the verb that is not the
//      source, else (TABARI) the nearest between source and verb. Passive "was X-ed by A": A is the
//      source. '%' alone: TABARI codes among the compound's members, PETRARCH codes subject -> each.
//      Actors joined by ',', and/or/nor (articles and adjectives allowed after the conjunction) form a
//      group: one row per (source, target) pair, none when both have the same code. Possessive
//      pronouns and actors inside comma asides are no defaults.
//   4. One verb per clause (clauses split at ';' and at and/but/or that join verbs): the first that
//      yields a row. Codes: "---" none; "###" / "+++" drop the whole sentence; "a:b" gives
//      source->target a and target->source b; a subordinate code ("023?", TABARI's SAID) only when no
//      other verb codes; a verb matched as a pattern word of another ("SAID $ *") is part of that event.
//   5. A sentence that contains a discard phrase (SurfaceCoderOptions) codes nothing.
// Each EventRow's rule is "<verb file>:<line>" of the pattern (or of the verb for its own code);
// trigger_first..trigger_end covers the verb and every pattern word matched.
// Bounded: per verb, each pattern element scans at most the sentence once; sentences over
// kMaxSentenceTokens tokens are skipped.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/stage.h"
#include "dyad/status.h"
#include "events/discard_phrases.h"
#include "events/tabari_verbs.h"

namespace dyad::events {

inline constexpr uint32_t kMaxSentenceTokens = 400;

struct SurfaceCoderOptions {
  std::vector<DiscardPhrase> discards;
};

std::shared_ptr<const Stage> MakeSurfaceCoderStage(std::shared_ptr<const VerbDictionary> dict,
                                                   SurfaceCoderOptions options = {});

// Loads the verb files (TABARI or PETRARCH2, detected per file) and builds the stage.
Result<std::shared_ptr<const Stage>> LoadImportedVerbStage(const std::vector<std::string>& verb_files,
                                                           SurfaceCoderOptions options = {});

}  // namespace dyad::events
