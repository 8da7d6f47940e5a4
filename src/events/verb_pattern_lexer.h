// The lexer for TABARI / PETRARCH2 pattern text (internal to tabari_verbs.cc): "- SAID $ * { A | B_C }"
// becomes items — words (exact, stem or inflected), synset references, alternative groups, the verb
// '*' and the slots $ + % ^ — each knowing whether '_' joins it to the next. Bounded: at most
// kMaxPatternElements items, one pass over the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "events/tabari_verbs.h"

namespace dyad::events {

// Words as dyad's tokeniser cuts them: "DIDN'T" is "DID" "N'T", "CAN'T" is "CA" "N'T" (UD style),
// "ANTI-" is "ANTI" "-".
std::vector<DictWord> SplitClitics(DictWord w);

// One lexical item of a pattern or phrase.
struct Item {
  enum class Kind : uint8_t { kWord, kSynset, kGroup, kVerb, kSource, kTarget, kCompound, kSkip };
  Kind kind = Kind::kWord;
  DictWord word;                                    // kWord
  std::string name;                                 // kSynset: label without '&' and trailing '_'
  std::vector<std::vector<DictWord>> alternatives;  // kGroup: "{ A | B_C }"
  bool joined_next = false;
};

struct Lexed {
  std::vector<Item> items;
  std::string error;  // non-empty: the text is malformed (the items are incomplete)
};

// Splits pattern text into items. `plain`: how a word without markers matches (TABARI: a stem;
// PETRARCH: exact in patterns, with regular plurals in synsets). `petrarch`: '_' only joins words.
Lexed Lex(std::string_view s, bool petrarch, DictWord::Match plain);

}  // namespace dyad::events
