#include "tag/perceptron.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dyad::tag {

void WeightTable::BuildIndex() {
  std::vector<uint64_t> keys = keys_;
  std::vector<uint32_t> rows(keys_.size());
  spans_packed_ = cells_.size() < kMaxPackedBegin;
  for (size_t i = 0; i < keys_.size() && spans_packed_; ++i)
    spans_packed_ = row_begin_[i + 1] - row_begin_[i] < (1u << kCountBits);
  for (size_t i = 0; i < keys_.size(); ++i)
    rows[i] = spans_packed_ ? (row_begin_[i] << kCountBits) | (row_begin_[i + 1] - row_begin_[i])
                            : static_cast<uint32_t>(i);
  for (size_t i = 0; i < dense_keys_.size(); ++i) {
    keys.push_back(dense_keys_[i]);
    rows.push_back(kDenseBit | static_cast<uint32_t>(i));
  }
  index_.Build(keys, rows);
}

void WeightTable::Save(ModelWriter& w) const {
  w.F32(scale_);
  w.Array(keys_);
  w.Array(row_begin_);
  w.Array(cells_);
  w.Array(dense_keys_);
  w.Array(dense_);
}

Status WeightTable::Load(ModelReader& r, uint32_t num_classes) {
  constexpr size_t kMaxCells = size_t{1} << 28;
  SetClasses(num_classes);
  if (!r.F32(&scale_) || !std::isfinite(scale_) || scale_ <= 0) return Status::Corrupt("tagger weights: bad scale");
  if (!r.Array(&keys_, kMaxCells) || !r.Array(&row_begin_, kMaxCells + 1) || !r.Array(&cells_, kMaxCells) ||
      !r.Array(&dense_keys_, kMaxCells / 1024) || !r.Array(&dense_, kMaxCells))
    return Status::Corrupt("tagger weights: truncated");
  if (row_begin_.size() != keys_.size() + 1 || row_begin_.front() != 0 || row_begin_.back() != cells_.size())
    return Status::Corrupt("tagger weights: row offsets do not match the cells");
  for (size_t i = 0; i + 1 < row_begin_.size(); ++i)
    if (row_begin_[i] > row_begin_[i + 1]) return Status::Corrupt("tagger weights: row offsets decrease");
  for (const WeightCell& c : cells_)
    if (c.cls >= num_classes) return Status::Corrupt("tagger weights: bad cell");
  if (dense_.size() != dense_keys_.size() * stride_) return Status::Corrupt("tagger weights: dense rows truncated");
  BuildIndex();
  return Status::Ok();
}

void AveragedPerceptron::Score(const uint64_t* keys, int n, float* scores) const {
  for (int k = 0; k < n; ++k) {
    auto it = index_.find(keys[k]);
    if (it == index_.end()) continue;
    for (const Cell& c : rows_[it->second]) scores[c.cls] += c.weight;
  }
}

void AveragedPerceptron::Update(const uint64_t* keys, int n, uint32_t cls, float delta) {
  for (int k = 0; k < n; ++k) {
    auto [it, added] = index_.emplace(keys[k], static_cast<uint32_t>(rows_.size()));
    if (added) {
      rows_.emplace_back();
      row_keys_.push_back(keys[k]);
    }
    std::vector<Cell>& row = rows_[it->second];
    auto c = std::find_if(row.begin(), row.end(), [&](const Cell& x) { return x.cls == cls; });
    if (c == row.end()) {
      row.push_back(Cell{cls, 0.0f, 0.0, now_});
      c = row.end() - 1;
    }
    c->total += static_cast<double>(now_ - c->stamp) * c->weight;
    c->stamp = now_;
    c->weight += delta;
  }
}

WeightTable AveragedPerceptron::Average(float prune, size_t dense_min_cells) const {
  std::vector<uint32_t> order(rows_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return row_keys_[a] < row_keys_[b]; });
  double clock = std::max<double>(1.0, static_cast<double>(now_));
  auto average = [&](const Cell& c) {
    return static_cast<float>((c.total + static_cast<double>(now_ - c.stamp) * c.weight) / clock);
  };
  float max_abs = 0;
  for (const auto& row : rows_)
    for (const Cell& c : row) max_abs = std::max(max_abs, std::fabs(average(c)));
  WeightTable t;
  t.SetClasses(num_classes_);
  t.scale_ = max_abs > 0 ? 32000.0f / max_abs : 1.0f;
  std::vector<WeightCell> row;
  for (uint32_t r : order) {
    row.clear();
    for (const Cell& c : rows_[r]) {
      float avg = average(c);
      long q = std::lround(avg * t.scale_);
      if (std::fabs(avg) >= prune && q != 0)
        row.push_back(WeightCell{static_cast<int16_t>(q), static_cast<uint16_t>(c.cls)});
    }
    if (row.empty()) continue;
    if (row.size() >= dense_min_cells) {
      t.dense_keys_.push_back(row_keys_[r]);
      size_t base = t.dense_.size();
      t.dense_.resize(base + t.stride_, 0);
      for (const WeightCell& c : row) t.dense_[base + c.cls] = c.weight;
      continue;
    }
    std::sort(row.begin(), row.end(), [](const WeightCell& a, const WeightCell& b) { return a.cls < b.cls; });
    t.keys_.push_back(row_keys_[r]);
    t.cells_.insert(t.cells_.end(), row.begin(), row.end());
    t.row_begin_.push_back(static_cast<uint32_t>(t.cells_.size()));
  }
  t.BuildIndex();
  return t;
}

}  // namespace dyad::tag
