// Discard phrases: words that make a sentence uncodable (sports, weather, "years later"), from a
// PETRARCH discards list or from the "[###]" entries of TABARI/PETRARCH actor dictionaries.
// Bounded: one pass over the lines; phrases of at most 16 words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "events/tabari_verbs.h"

namespace dyad::events {

// A phrase that makes a sentence uncodable (PETRARCH discards, TABARI "[###]" actors), with an optional
// date window in YYYYMMDD (the discard applies on dates inside [from, to]).
struct DiscardPhrase {
  std::vector<DictWord> words;
  int from = 0, to = 99999999;
};

// Discard phrases from a file: a PETRARCH discards list (one phrase a line, '+' story-level, '#'
// comments) or the "[###]" entries of a TABARI/PETRARCH .actors file (dated ones keep their window).
// Appends to *out; returns the number read, or NotFound/IoError.
Result<size_t> ReadDiscardPhrases(const std::string& path, std::vector<DiscardPhrase>* out);
void ParseDiscardPhrases(std::string_view text, bool actors_file, std::vector<DiscardPhrase>* out);

}  // namespace dyad::events
