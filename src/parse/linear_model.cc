#include "parse/linear_model.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace dyad::parse {
namespace {

size_t TableSize(size_t rows) {
  size_t cap = 16;
  while (cap < rows * 2) cap <<= 1;  // load factor <= 0.5: short probes
  return cap;
}

constexpr size_t kMaxRows = 50'000'000;  // far above any real model; bounds what a file may claim

}  // namespace

// The slot array is written and read as raw bytes (the model format): keep its layout fixed.
static_assert(sizeof(PackedLinear::Slot) == 16 && std::is_trivially_copyable_v<PackedLinear::Slot>);

void PackedLinear::Insert(const Slot& s) {
  size_t i = (s.key >> 17) & mask_;
  while (slots_[i].key != 0) i = (i + 1) & mask_;
  slots_[i] = s;
}

PackedLinear PackedLinear::Build(int num_classes, const std::vector<Row>& rows) {
  PackedLinear m;
  m.num_classes_ = num_classes;
  float max_abs = 0;
  for (const Row& r : rows)
    for (auto& [c, w] : r.weights) max_abs = std::max(max_abs, std::fabs(w));
  m.scale_ = max_abs > 0 ? max_abs / 32000.0f : 1.0f;
  // Quantise; keep only features with some non-zero weight left.
  std::vector<std::pair<uint64_t, std::vector<Entry>>> kept;
  kept.reserve(rows.size());
  for (const Row& r : rows) {
    std::vector<Entry> es;
    for (auto& [c, w] : r.weights) {
      long q = std::lround(w / m.scale_);
      if (q != 0 && c < num_classes) es.push_back({c, static_cast<int16_t>(std::clamp(q, -32767L, 32767L))});
    }
    if (es.empty()) continue;
    std::sort(es.begin(), es.end(), [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
    kept.emplace_back(r.key, std::move(es));
  }
  // Sorted by key, so building (and so the file) does not depend on hash-map iteration order.
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  m.num_rows_ = kept.size();
  m.slots_.assign(TableSize(kept.size()), Slot());
  m.mask_ = m.slots_.size() - 1;
  for (auto& [key, es] : kept) {
    Slot s;
    s.key = key;
    if (m.dense()) {
      for (int c = 0; c < 4; ++c) s.w[c] = 0;
      for (const Entry& e : es) s.w[e.cls] = e.w;
    } else {
      s.span.begin = static_cast<uint32_t>(m.entries_.size());
      s.span.count = static_cast<uint32_t>(es.size());
      m.entries_.insert(m.entries_.end(), es.begin(), es.end());
    }
    m.Insert(s);
  }
  return m;
}

void PackedLinear::Score(const uint64_t* keys, int n, int32_t* scores) const {
  if (slots_.empty()) return;
  size_t idx[kMaxBatch];
  for (int i = 0; i < n; ++i) {
    idx[i] = (keys[i] >> 17) & mask_;
    __builtin_prefetch(&slots_[idx[i]]);
  }
  // A sparse (label) row lives outside its slot: probe every key first, requesting each found row's
  // entries, and add them only afterwards, so those misses overlap too (integer sums: same result).
  const Slot* found[kMaxBatch];
  int nfound = 0;
  for (int i = 0; i < n; ++i) {
    size_t j = idx[i];
    const uint64_t key = keys[i];
    while (slots_[j].key != key) {
      if (slots_[j].key == 0) goto next;  // unseen feature
      j = (j + 1) & mask_;
    }
    if (dense()) {
      const Slot& s = slots_[j];
      for (int c = 0; c < num_classes_; ++c) scores[c] += s.w[c];
    } else {
      const Slot& s = slots_[j];
      const char* p = reinterpret_cast<const char*>(entries_.data() + s.span.begin);
      const size_t bytes = s.span.count * sizeof(Entry);
      for (size_t b = 0; b < bytes; b += 64) __builtin_prefetch(p + b);
      if (bytes > 0) __builtin_prefetch(p + bytes - 1);
      found[nfound++] = &s;
    }
  next:;
  }
  for (int f = 0; f < nfound; ++f) {
    const Entry* e = entries_.data() + found[f]->span.begin;
    for (uint32_t k = 0; k < found[f]->span.count; ++k) scores[e[k].cls] += e[k].w;
  }
}

// Payload (format 2): u32 classes, f32 scale, u64 rows, u64 table size (a power of two), the table's
// occupancy bitmap (u64 words), the occupied slots in table order (16 bytes each: key + 4 x i16, or
// key + entry span), and for sparse tables all (u16 class, i16 weight) entries. Loading is a sequential
// scatter of the stored slots into the zeroed table -- no hashing, no probing -- while the empty half of
// the table costs one bit per slot on disk instead of 16 bytes.
void PackedLinear::Write(ModelWriter& w) const {
  w.U32(static_cast<uint32_t>(num_classes_));
  w.F32(scale_);
  w.U64(num_rows_);
  w.U64(slots_.size());
  std::vector<uint64_t> occupied((slots_.size() + 63) / 64, 0);
  std::vector<Slot> used;
  used.reserve(num_rows_);
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i].key == 0) continue;
    occupied[i / 64] |= uint64_t{1} << (i % 64);
    used.push_back(slots_[i]);
  }
  w.Array(occupied);
  w.Array(used);
  if (!dense()) w.Array(entries_);
}

Result<PackedLinear> PackedLinear::Read(ModelReader& r) {
  PackedLinear m;
  uint32_t classes;
  uint64_t rows, size;
  if (!r.U32(&classes) || classes == 0 || classes > 4096 || !r.F32(&m.scale_) || !std::isfinite(m.scale_) ||
      !r.U64(&rows) || !r.U64(&size))
    return Status::Corrupt("parser weight table header is damaged");
  // Exactly the size Build() chooses: a power of two (the mask), at least half empty (a probe for an
  // unseen key ends), and no bigger than the slots the file holds justify (bounds the allocation).
  if (rows > kMaxRows || size != TableSize(rows))
    return Status::Corrupt("parser weight table has an impossible size");
  m.num_classes_ = static_cast<int>(classes);
  m.num_rows_ = rows;
  m.mask_ = size - 1;
  std::vector<uint64_t> occupied;
  uint64_t stored;
  if (!r.Array(&occupied, size / 64 + 1) || occupied.size() != (size + 63) / 64 || !r.U64(&stored) ||
      stored != rows || rows * sizeof(Slot) > r.Remaining())
    return Status::Corrupt("parser weight table is truncated");
  // Scatter the stored slots straight from the file bytes into the zeroed table, in table order.
  m.slots_.assign(size, Slot());
  size_t next = 0;
  for (size_t word = 0; word < occupied.size(); ++word) {
    for (uint64_t bits = occupied[word]; bits != 0; bits &= bits - 1) {
      size_t i = word * 64 + static_cast<size_t>(__builtin_ctzll(bits));
      if (i >= size || next++ >= rows || !r.Raw(&m.slots_[i], sizeof(Slot)) || m.slots_[i].key == 0)
        return Status::Corrupt("parser weight table occupancy does not match its slots");
    }
  }
  if (next != rows) return Status::Corrupt("parser weight table occupancy does not match its slots");
  if (!m.dense() && !r.Array(&m.entries_, kMaxRows * 64)) return Status::Corrupt("parser label weights are damaged");
  DYAD_RETURN_IF_ERROR(m.CheckConsistent());
  return m;
}

// Every stored key must be reachable by linear probing from its home slot (no empty slot between), and
// sparse spans must lie inside the entry array. One pass, starting just after an empty slot.
Status PackedLinear::CheckConsistent() const {
  const size_t size = slots_.size();
  size_t empty = 0;
  while (empty < size && slots_[empty].key != 0) ++empty;
  if (empty == size) return Status::Corrupt("parser weight table has no empty slot");
  size_t run = 0;  // occupied slots in a row, ending at the current one
  for (size_t step = 1; step <= size; ++step) {
    const size_t i = (empty + step) & mask_;
    const Slot& s = slots_[i];
    if (s.key == 0) {
      run = 0;
      continue;
    }
    ++run;
    const size_t home = (s.key >> 17) & mask_;
    if (((i - home) & mask_) >= run) return Status::Corrupt("parser weight table has a misplaced key");
    if (!dense()) {
      if (s.span.count > static_cast<uint32_t>(num_classes_) ||
          uint64_t{s.span.begin} + s.span.count > entries_.size())
        return Status::Corrupt("parser label weight row out of range");
    }
  }
  for (const Entry& e : entries_)
    if (e.cls >= num_classes_) return Status::Corrupt("parser label weight names an unknown class");
  return Status::Ok();
}

void AveragedPerceptron::Score(const uint64_t* keys, int n, float* scores) const {
  for (int i = 0; i < n; ++i) {
    auto it = index_.find(keys[i]);
    if (it == index_.end()) continue;
    for (const Entry& e : rows_[it->second]) scores[e.cls] += e.w;
  }
}

void AveragedPerceptron::Update(const uint64_t* keys, int n, int cls, float delta) {
  for (int i = 0; i < n; ++i) {
    auto [it, inserted] = index_.try_emplace(keys[i], static_cast<uint32_t>(rows_.size()));
    if (inserted) {
      rows_.emplace_back();
      keys_.push_back(keys[i]);
      updates_.push_back(0);
    }
    ++updates_[it->second];
    std::vector<Entry>& row = rows_[it->second];
    Entry* e = nullptr;
    for (Entry& x : row)
      if (x.cls == cls) e = &x;
    if (e == nullptr) {
      row.push_back({static_cast<uint16_t>(cls), 0.0f, 0.0, now_});
      e = &row.back();
    }
    e->total += static_cast<double>(e->w) * static_cast<double>(now_ - e->ts);
    e->ts = now_;
    e->w += delta;
  }
}

PackedLinear AveragedPerceptron::Pack(float min_abs, uint32_t min_updates) const {
  std::vector<PackedLinear::Row> rows;
  rows.reserve(rows_.size());
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (updates_[i] < min_updates) continue;
    PackedLinear::Row r{keys_[i], {}};
    for (const Entry& e : rows_[i]) {
      double total = e.total + static_cast<double>(e.w) * static_cast<double>(now_ - e.ts);
      auto avg = static_cast<float>(total / static_cast<double>(now_));
      if (std::fabs(avg) >= min_abs && avg != 0.0f) r.weights.emplace_back(e.cls, avg);
    }
    if (!r.weights.empty()) rows.push_back(std::move(r));
  }
  return PackedLinear::Build(num_classes_, rows);
}

}  // namespace dyad::parse
