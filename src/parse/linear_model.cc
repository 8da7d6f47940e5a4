#include "parse/linear_model.h"

#include <algorithm>
#include <cmath>

namespace dyad::parse {
namespace {

size_t TableSize(size_t rows) {
  size_t cap = 16;
  while (cap < rows * 2) cap <<= 1;  // load factor <= 0.5: short probes
  return cap;
}

constexpr size_t kMaxRows = 50'000'000;  // far above any real model; bounds what a file may claim

}  // namespace

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
      const Entry* e = entries_.data() + s.span.begin;
      for (uint32_t k = 0; k < s.span.count; ++k) scores[e[k].cls] += e[k].w;
    }
  next:;
  }
}

// Payload: u32 classes, f32 scale, u64 rows, then per row key (u64); dense: 4 x i16 per row;
// sparse: u32 count per row, then all entries as (u16 class, i16 weight).
void PackedLinear::Write(ModelWriter& w) const {
  w.U32(static_cast<uint32_t>(num_classes_));
  w.F32(scale_);
  std::vector<const Slot*> order;
  order.reserve(num_rows_);
  for (const Slot& s : slots_)
    if (s.key != 0) order.push_back(&s);
  std::sort(order.begin(), order.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  std::vector<uint64_t> keys;
  keys.reserve(order.size());
  for (const Slot* s : order) keys.push_back(s->key);
  w.Array(keys);
  if (dense()) {
    std::vector<int16_t> ws;
    ws.reserve(order.size() * 4);
    for (const Slot* s : order) ws.insert(ws.end(), s->w, s->w + 4);
    w.Array(ws);
  } else {
    std::vector<uint32_t> counts;
    std::vector<Entry> es;
    for (const Slot* s : order) {
      counts.push_back(s->span.count);
      es.insert(es.end(), entries_.begin() + s->span.begin, entries_.begin() + s->span.begin + s->span.count);
    }
    w.Array(counts);
    w.Array(es);
  }
}

Result<PackedLinear> PackedLinear::Read(ModelReader& r) {
  PackedLinear m;
  uint32_t classes;
  std::vector<uint64_t> keys;
  if (!r.U32(&classes) || classes == 0 || classes > 4096 || !r.F32(&m.scale_) || !std::isfinite(m.scale_) ||
      !r.Array(&keys, kMaxRows))
    return Status::Corrupt("parser weight table header is damaged");
  m.num_classes_ = static_cast<int>(classes);
  m.num_rows_ = keys.size();
  m.slots_.assign(TableSize(keys.size()), Slot());
  m.mask_ = m.slots_.size() - 1;
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == 0 || (i > 0 && keys[i] <= keys[i - 1])) return Status::Corrupt("parser feature keys out of order");
  if (m.dense()) {
    std::vector<int16_t> ws;
    if (!r.Array(&ws, kMaxRows * 4) || ws.size() != keys.size() * 4)
      return Status::Corrupt("parser weight rows do not match their keys");
    for (size_t i = 0; i < keys.size(); ++i) {
      Slot s;
      s.key = keys[i];
      std::copy(ws.begin() + i * 4, ws.begin() + i * 4 + 4, s.w);
      m.Insert(s);
    }
  } else {
    std::vector<uint32_t> counts;
    if (!r.Array(&counts, kMaxRows) || counts.size() != keys.size() || !r.Array(&m.entries_, kMaxRows * 64))
      return Status::Corrupt("parser label weights are damaged");
    uint64_t begin = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (counts[i] > classes || begin + counts[i] > m.entries_.size())
        return Status::Corrupt("parser label weight row out of range");
      Slot s;
      s.key = keys[i];
      s.span.begin = static_cast<uint32_t>(begin);
      s.span.count = counts[i];
      begin += counts[i];
      m.Insert(s);
    }
    if (begin != m.entries_.size()) return Status::Corrupt("parser label weights have stray entries");
    for (const Entry& e : m.entries_)
      if (e.cls >= classes) return Status::Corrupt("parser label weight names an unknown class");
  }
  return m;
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
