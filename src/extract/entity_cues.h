// Context cues for the entities stage: the words around a name that tell its type, each read in a
// bounded window inside the name's sentence (so the whole stage stays linear). Used by entities.cc.
#pragma once

#include <cstdint>
#include <string_view>

#include "dyad/document.h"

namespace dyad::extract {

// A score or table figure: "2", "103", "2-1", "10-1-40-2" (at most three digits per part).
bool IsScore(std::string_view word);

// A line of a results table or standings: capitalised names and scores only, with at most a few
// short joining words ("Leeds 2 Arsenal 1", "Tranmere 4 2 1 1 6 4 7", "Ajax v PSV 2-1").
bool IsTableRow(const Document& doc, const SentenceRow& s);

// A dateline's place: the sentence's first words followed by a date, a comma and a month, or an
// agency in brackets ("BRUSSELS 1996-08-22", "PARIS, Aug 5", "LONDON (Reuters) -").
bool IsDateline(const Document& doc, const SentenceRow& s, uint32_t first, uint32_t end);

// Words next to [first, end) that make it an organisation: "shares of X", "analysts at X", "X's
// spokesman", "X shares", "X said it", "X Inc." is left to the suffix rule.
bool OrganisationContext(const Document& doc, const SentenceRow& s, uint32_t first, uint32_t end);

// Words before [first, end) that make it a place: "the village of X", "east of X", "towards X".
bool PlaceContext(const Document& doc, const SentenceRow& s, uint32_t first, uint32_t end);

// Words next to [first, end) that make it a person: an age ("X, 35,"), ", who", "X said he",
// "X's wife", cricket scorecards ("c X", "b X", "X c Smith b Jones", bowling figures "X 10-1-40-2").
bool PersonContext(const Document& doc, const SentenceRow& s, uint32_t first, uint32_t end);

}  // namespace dyad::extract
