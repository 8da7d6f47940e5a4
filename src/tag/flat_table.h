// FlatTable64: an open-addressing hash table from 64-bit keys (already well-mixed hashes) to uint32
// values, built once and then read-only. It backs the tagger's weight index, tag dictionary and lemma
// tables: one probe sequence over a contiguous array, no allocation on lookup, safe to share between
// threads after Build().
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace dyad::tag {

class FlatTable64 {
 public:
  static constexpr uint32_t kMissing = 0xFFFFFFFFu;

  // Builds the table from parallel arrays. Duplicate keys: the first wins. Load factor <= 2/3: the
  // capacity is not a power of two (the home slot comes from a multiply-shift of the low key bits),
  // so the table stays small, and a probe run rarely leaves its cache line.
  void Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& values) {
    size_t cap = std::max<size_t>(16, keys.size() + keys.size() / 2 + 1);
    slots_.assign(cap, Slot{kEmpty, kMissing});
    for (size_t i = 0; i < keys.size() && i < values.size(); ++i) {
      uint32_t tag = Tag(keys[i]);
      for (size_t p = Home(keys[i]);; p = p + 1 == slots_.size() ? 0 : p + 1) {
        if (slots_[p].tag == kEmpty) {
          slots_[p] = Slot{tag, values[i]};
          break;
        }
        if (slots_[p].tag == tag) break;
      }
    }
  }

  uint32_t Find(uint64_t key) const {
    if (slots_.empty()) return kMissing;
    uint32_t tag = Tag(key);
    for (size_t p = Home(key);; p = p + 1 == slots_.size() ? 0 : p + 1) {  // ends: the table has empty slots
      const Slot& s = slots_[p];
      if (s.tag == tag) return s.value;
      if (s.tag == kEmpty) return kMissing;
    }
  }

  // Asks for the cache line of key's home slot, so that a later Find(key) overlaps its memory
  // latency with other work (lookups of a batch are issued before any is read).
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(key)]);
  }

  size_t capacity() const { return slots_.size(); }

 private:
  // A slot keeps only the high 32 bits of the key (the low bits chose the home slot), so the table
  // is 8 bytes a slot and cache-friendly. Two keys that share their home bucket region and their
  // high 32 bits would alias: with well-mixed keys a chance of about 2^-32 per lookup, accepted.
  static constexpr uint32_t kEmpty = 0;
  size_t Home(uint64_t k) const { return static_cast<size_t>(((k & 0xFFFFFFFFu) * slots_.size()) >> 32); }
  static uint32_t Tag(uint64_t k) {
    auto t = static_cast<uint32_t>(k >> 32);
    return t == kEmpty ? 1 : t;
  }
  struct Slot {
    uint32_t tag;
    uint32_t value;
  };
  std::vector<Slot> slots_;
};

}  // namespace dyad::tag
