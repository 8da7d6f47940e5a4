// The "entities" stage: named entities (PER, ORG, LOC, MISC) by rule, from what the earlier stages
// know. Requires kLayerMentions; provides kLayerEntities (EntityRow: token range and type, in order,
// not overlapping). No statistical model: nothing is trained (CoNLL-2003 is only measured against).
//
// Spans: runs of capitalised proper nouns ("of"/"de"/"&" inside a run when a proper noun follows: "Bank
// of England") and capitalised words of person and organisation mentions. Types, first rule that fires:
//   1. the actor mention there: person -> PER, organisation -> ORG, country named -> LOC, a country's
//      adjective or demonym ("Russian", "Iranians") -> MISC;
//   2. organisation cues: a last word such as Inc, Corp, Ltd, Party, Ministry, University, Bank,
//      Council, Agency, Club, FC, Airlines, Times, News ...; a first word such as Ministry/University/
//      Bank + "of";
//   3. person cues: a title before it (Mr, Mrs, Dr, President, Senator, coach ...);
//   4. the gazetteer (gazetteer.h): a country, city, subdivision or feature -> LOC; in a results line
//      (a number right after the name: "Leeds 2 Arsenal 1") a town is a team -> ORG;
//   5. the same words typed earlier in the article (a surname after the full name: "Clinton" after
//      "Hillary Clinton" -> PER);
//   6. otherwise: a single all-capital word of up to 6 letters in ordinary text -> ORG (an acronym);
//      a single word in an all-capitals headline -> nothing; anything else -> PER.
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
