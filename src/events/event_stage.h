// The "events" stage: codes CAMEO events from the parse and the actor mentions with dyad's pattern
// lexicon (events/lexicon.h), one EventRow per (source, target) pair, each with its trigger span,
// modality, negation and the id of the pattern that coded it.
//
// Requires kLayerParse and kLayerMentions; provides kLayerEvents. Negated events are kept with
// negated = true (writers drop them unless asked). Furniture sentences are skipped.
//
// How a sentence is coded (detail in README.md):
//   1. each VERB whose lemma triggers patterns tries them, most specific first; the first whose words
//      are all found in the dependency tree wins. Then each event NOUN not already used by a verb event.
//   2. slots: the subject (by-agent in a passive; inherited through xcomp/conj/advcl; the noun of a
//      relative clause), the direct object (passive subject), prepositional phrases on the trigger or
//      its words; a slot that is not itself an actor looks one or two steps down (possessor, compound,
//      "by"/"of" phrase); coordination gives every conjunct.
//   3. modality: will/shall, governors ("plan to", "is scheduled to", "threatened to"), could/might, "if",
//      ccomp of a speech verb; intended and threatened events take their intent/threat code.
// Linear in the tokens: every search is over a token's children, bounded depth.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/stage.h"
#include "events/lexicon.h"

namespace dyad::events {

std::shared_ptr<const Stage> MakeEventStage(std::shared_ptr<const EventLexicon> lexicon);

// Why each trigger in sentence `s` of `doc` (tagged, parsed, with mentions) did or did not code an event:
// human-readable lines for `dyad explain`. Adds no events (it may intern strings).
std::vector<std::string> ExplainSentence(const EventLexicon& lexicon, Document& doc, uint32_t s);

}  // namespace dyad::events
