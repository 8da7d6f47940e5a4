// Gazetteer look-ups of the entities stage over a document's words: the longest place name at a
// word, the place a run of words names, and the demonyms of countries ("Rwandans"). A null gazetteer
// finds nothing. Each look-up reads at most Gazetteer::kMaxWords words.
#pragma once

#include <cstdint>
#include <string>

#include "dyad/document.h"
#include "extract/gazetteer.h"

namespace dyad::extract {

// The length of the longest gazetteer name at word i written with capitals (0 when none).
uint32_t GazetteerLength(const Gazetteer* g, const Document& doc, uint32_t i, uint32_t s_end);

// The gazetteer's place for exactly the words [first, end), or null: countries before
// subdivisions before cities, then the most populous.
const Place* GazetteerPlace(const Gazetteer* g, const Document& doc, uint32_t first, uint32_t end);

// "Rwandan", "Zairean", "Kenyans": a country's name plus -n, -an, -ian (plural -s); `word` in lower case.
bool IsDemonymOfCountry(const Gazetteer* g, std::string word);

}  // namespace dyad::extract
