// Hashing helpers for the parser's sparse features.
//
// Features are never stored as strings: a token's word, lemma, XPOS and FEATS are hashed once per
// sentence, and a feature is the mix of its template id with up to three attribute values. The mix is
// fixed (not std::hash) so that a model trained on one machine scores the same on another.
// DO NOT CHANGE these functions without bumping the parser format version: model keys depend on them.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/mix64.h"

namespace dyad::parse {

using dyad::Mix64;  // core/mix64.h

// FNV-1a over bytes, then mixed.
inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return Mix64(h);
}

// Word key: ASCII lower case, every digit folded to '0' ("1999" and "2022" share statistics).
inline uint64_t HashWord(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    else if (c >= '0' && c <= '9') c = '0';
    h = (h ^ c) * 1099511628211ULL;
  }
  return Mix64(h);
}

// A feature key from a template id and up to three values: a polynomial over the values (injective in
// each value for fixed others) and one final mix. Never 0 (0 marks an empty table slot).
inline uint64_t FeatureKey(uint32_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = (templ + 1) * 0x9E3779B97F4A7C15ULL + a;
  h = h * 0xC2B2AE3D27D4EB4FULL + b;
  h = h * 0x165667B19E3779F9ULL + c;
  return Mix64(h) | 1;
}

}  // namespace dyad::parse
