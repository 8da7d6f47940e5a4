// EventKeyMap: the writer's memory of dedup keys (day, source code, target code, CAMEO code) -> events.id.
//
// A key is kept as a 128-bit fingerprint (two independently seeded 64-bit hashes of its fields), in
// one flat open-addressing table: no string or node per key, one cache line per lookup. Two different
// keys share a fingerprint with probability about n^2 / 2^129 (below 10^-26 for a million keys), so
// the fingerprint stands for the key. The node map it replaces spent more time hashing and chasing
// nodes than SQLite spent finding the row, and about 130 bytes per key; this one takes 24 bytes per
// slot at most half full.
//
// Thread-safety: one thread (the writer's).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "core/huge_pages.h"
#include "core/mix64.h"

namespace dyad::store {

struct EventKey {
  uint64_t a = 0, b = 0;
  bool operator==(const EventKey&) const = default;
};

class EventKeyMap {
 public:
  static EventKey Fingerprint(int64_t day, std::string_view source, std::string_view target, std::string_view cameo) {
    EventKey k{Mix64(static_cast<uint64_t>(day) ^ 0x243f6a8885a308d3ull), Mix64(static_cast<uint64_t>(day) ^ 0x13198a2e03707344ull)};
    for (std::string_view f : {source, target, cameo}) {
      // The length first, so that field boundaries count ("AB","C" differs from "A","BC").
      k.a = Mix64(k.a ^ f.size());
      k.b = Mix64(k.b + f.size() * 0x9e3779b97f4a7c15ull);
      size_t i = 0;
      for (; i + 8 <= f.size(); i += 8) Absorb(k, Load(f.data() + i, 8));
      if (i < f.size()) Absorb(k, Load(f.data() + i, f.size() - i));
    }
    return k;
  }

  // The id stored for `k`, or 0 when none is (ids are >= 1).
  int64_t Find(const EventKey& k) const {
    if (slots_.empty()) return 0;
    for (size_t i = Home(k);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == 0) return 0;
      if (s.key == k) return s.id;
    }
  }

  // REQUIRES: id >= 1 and `k` not stored.
  void Insert(const EventKey& k, int64_t id) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    size_t i = Home(k);
    while (slots_[i].id != 0) i = (i + 1) & mask_;
    slots_[i] = {k, id};
    ++size_;
  }

  size_t size() const { return size_; }
  void clear() {
    slots_.clear();
    slots_.shrink_to_fit();
    size_ = 0;
    mask_ = 0;
  }

 private:
  struct Slot {
    EventKey key;
    int64_t id = 0;  // 0: empty
  };

  static uint64_t Load(const char* p, size_t n) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    return w;
  }
  static void Absorb(EventKey& k, uint64_t w) {
    k.a = Mix64(k.a ^ w);
    k.b = Mix64(k.b + w * 0xc2b2ae3d27d4eb4full);
  }
  size_t Home(const EventKey& k) const { return static_cast<size_t>(k.a) & mask_; }

  void Grow() {
    std::vector<Slot, HugePageAllocator<Slot>> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.id == 0) continue;
      size_t i = Home(s.key);
      while (slots_[i].id != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // a million keys: 48 MiB, probed at random
  size_t size_ = 0;
  size_t mask_ = 0;
};

}  // namespace dyad::store
