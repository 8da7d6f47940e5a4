// The "entities" stage: named entities (PER, ORG, LOC, MISC) by rule, from what the earlier stages
// know. Requires kLayerMentions; provides kLayerEntities (EntityRow: token range and type, in order,
// not overlapping). No statistical model: nothing is trained (CoNLL-2003 is only measured against).
//
// Spans: runs of capitalised proper nouns ("of"/"de"/"&" inside a run when a proper noun follows: "Bank
// of England"), capitalised words of person and organisation mentions, a capitalised adjective before
// an organisation word ("Foreign Ministry"), a sentence's first word that the article capitalises
// elsewhere, and countries and towns in capitals headlines. "May" next to a number or after "in",
// "last" ... is the month. Types, first rule that fires:
//   1. the actor mention covering the whole name: person -> PER, organisation -> ORG; a country named
//      -> LOC when the gazetteer knows the words, MISC for its people ("Russian", "Dutch", "Iraqis"),
//      ORG for an institution ("the Kremlin", "White House"), LOC otherwise ("West Bank");
//   2. a country or named feature in the gazetteer -> LOC; organisation cues: a last word such as Inc,
//      Corp, Party, Ministry, University, Bank, Council, Club, FC ...; a first word such as
//      Ministry/University/Bank + "of";
//   3. person cues: a title before it (Mr, Mrs, Dr, President, Senator, coach ...);
//   4. the gazetteer (gazetteer.h): a place -> LOC; in a sports report or results line a town is a
//      team -> ORG (England, Scotland, Wales are countries, not towns); a small town the article gives
//      no reason for is left to the later rules (more often a surname);
//   5. a place's last word ("Wall Street", "Gaza Strip") -> LOC; the same words typed earlier in the
//      article; peoples ("Rwandans": a gazetteer country + -n/-an/-ian) -> MISC; competitions, prizes,
//      wars -> MISC;
//   6. otherwise: nothing in a capitals headline; after "in", "at", "near" ... -> LOC; before
//      "(Country)" -> PER (results lists); a lone word: nothing unless the tagger calls it a proper
//      noun, PER when it is the subject of "say", "tell" ..., else ORG; a longer name with a country
//      in it -> ORG ("Air France"); anything else -> PER.
// Last, a lone word typed ORG that is a word of a person's full name elsewhere in the article -> PER;
// a person's span keeps only the name after the last title or office word ("Russian President Boris
// Yeltsin" -> "Boris Yeltsin") and before "of" ("Keith O'Neill of Norwich City").
// Thread-safety: immutable; Process() needs no scratch. Linear in the tokens.
#pragma once

#include <memory>
#include <vector>

#include "dyad/document.h"
#include "dyad/stage.h"
#include "extract/gazetteer.h"

namespace dyad::extract {

// gazetteer may be null (then rule 4 is skipped).
std::shared_ptr<const Stage> MakeEntityStage(std::shared_ptr<const Gazetteer> gazetteer);

// The same work as a function (interns the type names into doc).
std::vector<EntityRow> FindEntities(const Gazetteer* gazetteer, Document& doc);

}  // namespace dyad::extract
