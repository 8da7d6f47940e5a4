// The "entities" stage: named entities (PER, ORG, LOC, MISC) by rule, from what the earlier stages
// know. Requires kLayerMentions; provides kLayerEntities (EntityRow: token range and type, in order,
// not overlapping). No statistical model: nothing is trained (CoNLL-2003 is only measured against).
// Word lists: entity_words.h (cue words), data/entities/given_names.txt (entity_lexicon.h); context
// cues: entity_cues.h; gazetteer look-ups: entity_gazetteer.h.
//
// Spans: runs of capitalised proper nouns ("of"/"de"/"&"/"van der" inside a run when a proper noun
// follows: "Bank of England"), capitalised words of person and organisation mentions, a capitalised
// adjective opening a name that ends in an organisation word ("Central Narcotics Bureau"), a club's
// first word or colour ("Real Madrid", "White Sox"), acronyms, every capitalised word of a results
// table or standings row ("Tranmere 4 2 1 1 6 4 7"), a dateline's place, a sentence's first word that
// the article capitalises elsewhere. A gazetteer name goes on into the proper noun after it ("New York
// Yankees"); a capitals headline splits at its countries and towns and keeps only words the text
// writes as names. A run is cut at an "of" between two names ("Karlsruhe of Germany", "John Casesa of
// Schroder Wertheim & Co") and before a given name after a role ("Engineer John Greiner"); a
// sentence's "The" and "Ohio-based" compounds stand apart. Types, in three passes, first rule that fires:
//   settled: a dateline -> LOC; a club's first word -> ORG; the actor mention covering the name
//      (person -> PER, organisation -> ORG but a place after "in" -> LOC, country -> LOC / MISC for
//      its people / ORG for an institution); a country or named feature -> LOC; organisation cues
//      (last word Inc, Corp, SpA, Bank, Bureau, Daily ...; first word Ministry/Bank + "of"; an
//      organisation's word before "of" or "&" inside: "National Bank of Poland", "Procter & Gamble";
//      a club's last word in a sports report); a title before it or a given name or initial opening
//      it -> PER; the gazetteer's places (towns are teams in sports reports); a results table's name
//      -> ORG unless a person's; scorecard and age cues -> PER; teams with scores; a place's last word;
//      the same name typed before (also a company's own words: "Pirelli" after "Pirelli SpA"); peoples,
//      compounds ("Brazilian-born"), events -> MISC;
//   context (entity_cues.h): "shares of X", "news agency X", "X's spokesman", "X said it" -> ORG;
//      "X, 35,", ", who", "X's wife", "c X b Y" -> PER; "in X", "the village of X", "towards X" -> LOC;
//      the subject of "say" -> PER;
//   fallback (text first, capitals headlines last so they find the text's types): nothing in a
//      capitals headline; a lone word: nothing unless a proper noun and, at a sentence's start,
//      written as a name elsewhere; a given name -> PER; an acronym or anything else -> ORG; a longer
//      name with a country in it, a company's word or a town opening it, a club's last word -> ORG;
//      anything else -> PER.
// Last, a lone word typed ORG (or left out) that is a word of a person's full name elsewhere in the
// article -> PER (also a town, or a country when the full name opens with a given name: "Michael
// Jordan"); a person's span keeps only the name after the last title or office word, and the words
// before the titles and after "of" become names of their own ("Cofinec CEO Stephen Frater").
// Thread-safety: immutable; Process() needs no scratch. Linear in the tokens (each rule reads a
// bounded window; per-article sets and maps are hashed by name).
#pragma once

#include <memory>
#include <vector>

#include "dyad/document.h"
#include "dyad/stage.h"
#include "extract/entity_lexicon.h"
#include "extract/gazetteer.h"

namespace dyad::extract {

// gazetteer may be null (then rule 4 is skipped).
std::shared_ptr<const Stage> MakeEntityStage(std::shared_ptr<const Gazetteer> gazetteer);

// The same work as a function (interns the type names into doc), with EntityLexicon::Default() or
// the given word lists.
std::vector<EntityRow> FindEntities(const Gazetteer* gazetteer, Document& doc);
std::vector<EntityRow> FindEntities(const Gazetteer* gazetteer, const EntityLexicon& lexicon, Document& doc);

}  // namespace dyad::extract
