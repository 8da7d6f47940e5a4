// Feature extraction for the parser: per-word attributes, and the sparse feature keys of a parser
// state (for the move classifier) and of a candidate arc (for the label classifier).
//
// Templates follow Zhang & Nivre (2011), adapted to arc-hybrid positions: words, UPOS, XPOS and lemmas
// of s0..s2 and b0..b2; leftmost/rightmost children and their labels; valency; distance; the label
// sets of s0 and b0; pairs and triples of these. Every feature is one 64-bit key (hashing.h); a key
// the model never saw scores nothing. The template lists are part of the model format: changing them
// means a new parser format version (kParserFeatureSet names the current set).
// Thread-safety: free functions over caller-owned memory; no allocation.
#pragma once

#include <cstdint>
#include <string_view>

#include "parse/transition_system.h"

namespace dyad::parse {

inline constexpr std::string_view kParserFeatureSet = "arc-hybrid zn2011-v2 + arc-label-v2";
inline constexpr int kMaxMoveFeatures = 128;
inline constexpr int kMaxLabelFeatures = 48;

// What the templates know about one word, hashed once per sentence.
struct WordAttrs {
  uint64_t word = 0;   // HashWord(form)
  uint64_t lemma = 0;  // HashBytes(lemma)
  uint64_t xpos = 0;   // HashBytes(xpos)
  uint64_t feats = 0;  // HashBytes(feats)
  uint64_t shape = 0;  // last three letters (lower case) + capitalisation: robust to tagger errors
  uint64_t word_upos = 0;  // Mix64(word + upos): the word/tag pair, mixed once per sentence
  uint32_t upos = 0;   // Upos value
};

// attrs[0] is the root; attrs[1..n] the words. Positions outside the sentence read a fixed "none".
struct SentenceAttrs {
  const WordAttrs* words = nullptr;  // n + 1 entries
  int n = 0;
};

// Attributes for the artificial root and for "no word": distinct constants.
WordAttrs RootAttrs();
WordAttrs NoneAttrs();

// Fills keys (at least kMaxMoveFeatures entries); returns how many were written. State is ParseState
// (greedy) or BeamView (beam_search.h); both are instantiated in features.cc.
template <class State>
int ExtractMoveFeatures(const State& s, const SentenceAttrs& a, uint64_t* keys);
// Features for labelling the arc head -> dep (head 0 is the root). REQUIRES: dep's children are final.
template <class State>
int ExtractLabelFeatures(const State& s, const SentenceAttrs& a, int head, int dep, uint64_t* keys);

}  // namespace dyad::parse
