// Feature extraction for the tagger: word-level descriptions of each token (folded word, affixes,
// shape, flags) and the hashed sparse feature keys the perceptron scores.
//
// Every feature is a 64-bit key: a template id mixed with the hashes of the values it looks at. The
// same code runs at training and at tagging time, so what the model learnt is what it sees.
// Word folding (FoldWord) lower-cases ASCII, maps every digit to '0' and folds curly quotes to
// straight ones, so the model is indifferent to whether the text stage already folded them (raw
// CoNLL-U forms are not folded).
//
// Thread-safety: free functions over caller-owned buffers; no shared state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::tag {

// Bits of WordInfo::flags.
enum WordFlag : uint8_t {
  kWordInitialCap = 1 << 0,   // first letter upper-case
  kWordAllCaps = 1 << 1,      // at least two letters, all upper-case
  kWordHasDigit = 1 << 2,
  kWordHasHyphen = 1 << 3,
  kWordSentenceStart = 1 << 4,
  kWordNoLetters = 1 << 5,    // punctuation, symbols, numbers
};

// The context-free description of one token.
struct WordInfo {
  uint64_t word = 0;       // hash of the folded form
  uint64_t cased = 0;      // hash of the form with its case (digits and quotes still folded)
  uint64_t suffix[4] = {};  // hashes of the last 1..4 bytes of the folded form (shorter words repeat)
  uint64_t prefix[3] = {};  // hashes of the first 1..3 bytes
  uint64_t shape = 0;      // hash of the word shape ("Xxx", "dd", "x-x" ...)
  uint32_t ambiguity = 0;  // tag-dictionary class of the word (0: not in the dictionary)
  uint8_t flags = 0;
};

// 64-bit FNV-1a over bytes, then a final mix: the string hash every table of the tagger uses.
uint64_t HashBytes(std::string_view s, uint64_t seed = 0);

// Mixes values into one feature key (splitmix64 finaliser steps).
inline uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t x = a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2));
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

// Appends the folded form of word to out (see the header comment); lower_case=false keeps case.
void FoldWord(std::string_view word, std::string* out, bool lower_case = true);

// Shape: X for upper, x for lower, d for digit, other bytes as themselves, runs capped at two.
void WordShape(std::string_view word, std::string* out);

// Fills info (all but ambiguity) from the token's form. buffer is scratch space (reused, no
// allocation once grown).
void DescribeWord(std::string_view form, bool sentence_start, std::string* buffer, WordInfo* info);

// Number of feature keys ExtractFeatures writes without, and with, right-context tags.
inline constexpr int kNumFeatures = 34;
inline constexpr int kNumRightFeatures = 5;
inline constexpr int kMaxFeatures = kNumFeatures + kNumRightFeatures;

// Context that the greedy decoder supplies: the classes predicted for the two previous tokens
// (kStartTag before the sentence). Classes here are "tag history" ids: the UPOS|XPOS pair.
inline constexpr uint32_t kStartTag = 0xFFFF;

// Writes the keys for token i of words[0..n) into keys (room for kMaxFeatures) and returns how
// many: kNumFeatures, plus kNumRightFeatures when right_tags (the first pass's tag-history ids for
// the whole sentence) is given. In order: the word keys, the static context keys, the tag context
// keys (the split extractors below, so each key is defined once), then the right-context keys.
// REQUIRES: i < n.
int ExtractFeatures(const WordInfo* words, size_t n, size_t i, uint32_t prev_tag, uint32_t prev2_tag,
                    const uint32_t* right_tags, uint64_t* keys);

// The same keys as ExtractFeatures split in two: the ones that depend on the word alone (bias,
// word, cased word, affixes, shape, flags, ambiguity class: kNumWordFeatures of them), whose summed
// weights a tagger can cache per word type, and all the others. Together they are exactly
// ExtractFeatures's keys.
inline constexpr int kNumWordFeatures = 13;
int ExtractWordFeatures(const WordInfo& w, uint64_t* keys);
int ExtractContextFeatures(const WordInfo* words, size_t n, size_t i, uint32_t prev_tag, uint32_t prev2_tag,
                           const uint32_t* right_tags, uint64_t* keys);

// The first pass's context keys split once more: those that depend on the words alone (neighbouring
// words, affixes, shapes, ambiguity classes: kNumStaticContextFeatures), which a tagger can score for
// the whole sentence before decoding, with their memory lookups overlapping, and those that depend on
// the previous two decisions (kNumTagContextFeatures). Word + static + tag keys are exactly
// ExtractFeatures's keys without right-context tags (tested).
inline constexpr int kNumStaticContextFeatures = 14;
inline constexpr int kNumTagContextFeatures = kNumFeatures - kNumWordFeatures - kNumStaticContextFeatures;
int ExtractStaticContextFeatures(const WordInfo* words, size_t n, size_t i, uint64_t* keys);
int ExtractTagContextFeatures(const WordInfo* words, size_t n, size_t i, uint32_t prev_tag, uint32_t prev2_tag,
                              uint64_t* keys);

}  // namespace dyad::tag
