// The surface coder's view of one body sentence, and the sparse matcher over it (internal to
// src/events: surface_coder.cc is the only user). Words and lemmas are upper case; actor mentions are
// units with a group (compound actors) and may be marked as inside a comma aside.
// Bounded: every function is linear in the sentence length times the pattern length.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "events/tabari_verbs.h"

namespace dyad::events {

struct LocalMention {
  uint32_t first = 0, end = 0;  // sentence-local token range
  int32_t doc_index = -1;
  int32_t group = -1;
};

// What one pattern (or a verb alone) bound.
struct Binding {
  int32_t source = -1, target = -1, compound = -1;  // groups
  uint32_t first = 0, last = 0;                     // matched token range (local, inclusive)
  std::vector<uint32_t> words;                      // local tokens matched by pattern words
};

struct SurfaceSentence {
  std::vector<std::string> words, lemmas;     // upper case, per local token
  std::vector<Upos> upos;
  bool all_caps = false;                      // most words upper case: capitals say nothing
  std::vector<int32_t> starts_at, ends_at;    // local token -> LocalMention index or -1
  std::vector<LocalMention> mentions;         // this sentence's coded mentions, in order
  std::vector<std::vector<int32_t>> groups;   // group -> LocalMention indexes
  std::vector<uint32_t> clause;               // local token -> clause number (MarkClauses)
  std::vector<bool> marked;                   // local token inside a comma aside (", rumored to ...,")
};

// Fills `s` from the sentence's tokens and the mentions [m_begin, m_end) of doc.mentions().
void Prepare(const Document& doc, const SentenceRow& row, size_t m_begin, size_t m_end, SurfaceSentence& s);

// Clauses: ';' and "and"/"but" joining verbs start a new one (by the parse when present).
void MarkClauses(const Document& doc, const SentenceRow& row, SurfaceSentence& s);

// Does the dictionary word match the word or the lemma at local token i?
bool WordAt(const SurfaceSentence& s, const DictWord& w, uint32_t i);
// Does the run of words match at local tokens [at, at + size)?
bool RunAt(const SurfaceSentence& s, const std::vector<DictWord>& run, int64_t at);
// The verb form at local token i (head there): sets the verb's token range [*first, *end).
bool FormAt(const SurfaceSentence& s, const VerbForm& f, uint32_t i, uint32_t* first, uint32_t* end);
// The pattern around the verb at [verb_first, verb_end): words before '*' right to left, after it
// left to right, gaps allowed unless joined; binds slots into *b.
bool MatchPattern(const SurfaceSentence& s, const VerbPattern& p, uint32_t verb_first, uint32_t verb_end, Binding* b);

}  // namespace dyad::events
