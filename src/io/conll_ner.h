// CoNLL-2003-style named-entity files: one "word ... TAG" line per token, a blank line between
// sentences, -DOCSTART- lines between documents. Reads CoNLL-2003 and wikigold (IOB1: a span starts
// at B- or where the type changes), WNUT-17 and re3d (IOB2, their own type names) into documents of
// gold spans; used by `dyad eval ner` (scoring) and `dyad train ner` (training).
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

struct NerSpan {
  uint32_t first = 0, end = 0;  // token range in the document, end exclusive
  std::string type;             // PER, ORG, LOC or MISC
  bool operator<(const NerSpan& o) const {
    return first != o.first ? first < o.first : end != o.end ? end < o.end : type < o.type;
  }
  bool operator==(const NerSpan& o) const { return first == o.first && end == o.end && type == o.type; }
};

struct NerDocument {
  std::string conllu;           // the words as CoNLL-U (ID and FORM only), for ReadConllu
  std::vector<NerSpan> spans;   // in order of first token
  uint32_t tokens = 0;
};

// The four CoNLL types for a set's own type names (person, corporation, group, Organisation,
// Nationality, creative-work ...); "" for types that are not named entities here (re3d's Temporal,
// Quantity, Money, Weapon, DocumentReference, MilitaryPlatform).
std::string CanonicalNerType(std::string_view type);

// Reads the whole stream. Files without -DOCSTART- (WNUT-17, re3d) have no document boundaries: a
// new document starts every `sentences_per_doc` sentences there (0: never). Lines that are not
// "word TAG" (no tag column) count as O; a line longer than 1 MiB is cut.
std::vector<NerDocument> ReadConllNer(std::istream& in, uint32_t sentences_per_doc = 0);

}  // namespace dyad
