// The splitmix64 finaliser: a cheap, well-spread 64-bit mix, the one behind the project's own hash
// tables and fingerprints (actor index, dedup keys, simhash shingles) and the parser's feature keys.
// DO NOT CHANGE: parser model keys depend on it (src/parse/hashing.h).
#pragma once

#include <cstdint>

namespace dyad {

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace dyad
