// Open-addressing hash tables for the actor index's hot lookups (word -> id, (node, word) -> child).
// Flat arrays with linear probing: one or two cache lines per lookup, where node-based
// std::unordered_map costs a pointer chase per bucket, which is what made matching slower with a
// big imported dictionary. Insert-only (the index is built once); load factor kept <= 1/2.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/mix64.h"

namespace dyad::actors {

inline uint64_t StringHash(std::string_view s) {  // FNV-1a, then mixed
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return Mix64(h);
}

// uint64 key -> uint32 value. Keys must not be UINT64_MAX (the empty marker).
class FlatMap64 {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;
  FlatMap64() { Rehash(64); }

  uint32_t Find(uint64_t key) const {
    for (size_t i = Mix64(key) & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == kEmpty) return kMissing;
    }
  }
  void Insert(uint64_t key, uint32_t value) {  // REQUIRES: key not present
    if ((size_ + 1) * 2 > keys_.size()) Rehash(keys_.size() * 2);
    size_t i = Mix64(key) & mask_;
    while (keys_[i] != kEmpty) i = (i + 1) & mask_;
    keys_[i] = key;
    values_[i] = value;
    ++size_;
  }
  size_t size() const { return size_; }

 private:
  static constexpr uint64_t kEmpty = UINT64_MAX;
  void Rehash(size_t capacity) {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<uint32_t> old_values = std::move(values_);
    keys_.assign(capacity, kEmpty);
    values_.assign(capacity, 0);
    mask_ = capacity - 1;
    size_ = 0;
    for (size_t i = 0; i < old_keys.size(); ++i) {
      if (old_keys[i] != kEmpty) Insert(old_keys[i], old_values[i]);
    }
  }
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  size_t mask_ = 0, size_ = 0;
};

// Interned strings: string -> dense id (0, 1, 2, ...). Each slot holds the id and 32 bits of the
// hash, so a probe touches the string only when those bits agree.
class FlatStringIds {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;
  FlatStringIds() { Rehash(64); }

  uint32_t Find(std::string_view s) const {
    uint64_t h = StringHash(s);
    uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.id == kMissing) return kMissing;
      if (slot.tag == tag && strings_[slot.id] == s) return slot.id;
    }
  }
  uint32_t Intern(std::string_view s) {
    uint32_t id = Find(s);
    if (id != kMissing) return id;
    if ((strings_.size() + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    id = static_cast<uint32_t>(strings_.size());
    strings_.emplace_back(s);
    Place(id, StringHash(s));
    return id;
  }
  size_t size() const { return strings_.size(); }

 private:
  struct Slot {
    uint32_t id = kMissing;
    uint32_t tag = 0;
  };
  void Place(uint32_t id, uint64_t h) {
    size_t i = h & mask_;
    while (slots_[i].id != kMissing) i = (i + 1) & mask_;
    slots_[i] = {id, static_cast<uint32_t>(h >> 32)};
  }
  void Rehash(size_t capacity) {
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (uint32_t id = 0; id < strings_.size(); ++id) Place(id, StringHash(strings_[id]));
  }
  std::vector<Slot> slots_;
  std::vector<std::string> strings_;
  size_t mask_ = 0;
};

}  // namespace dyad::actors
