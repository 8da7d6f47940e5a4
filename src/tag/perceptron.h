// The tagger's linear model: hashed sparse features, one short row of (class, weight) cells per
// feature.
//
// WeightTable is the frozen, averaged model used for tagging: a FlatTable64 from feature key to row,
// rows stored back to back in one array so that scoring a feature touches one contiguous run of
// memory. AveragedPerceptron is the trainer's mutable model (Collins' averaged perceptron with lazy
// averaging); Average() freezes it, dropping cells whose averaged weight is below a threshold.
//
// Thread-safety: WeightTable is const after Load()/Average() and may be shared; AveragedPerceptron is
// single-threaded.
#pragma once

#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "core/model_file.h"
#include "dyad/status.h"
#include "tag/flat_table.h"

namespace dyad::tag {

// Frozen weights are 16-bit integers (the averaged float weights times WeightTable::scale(), which
// maps the largest one to 32000): half the memory traffic of floats, and integer score sums are
// exact, so the result never depends on summation order.
struct WeightCell {
  int16_t weight;
  uint16_t cls;
};

// Rows with many cells (bias, tag history, short suffixes) are stored dense, as stride() weights,
// so the add is a straight vectorisable loop; the long tail of rare features stays sparse.
class WeightTable {
 public:
  // Number of elements in a scores array passed to Score (the class count rounded up to 8).
  size_t stride() const { return stride_; }
  size_t num_classes() const { return num_classes_; }

  // Adds the weights of every known feature in keys[0..n) to scores[class].
  // REQUIRES: scores has stride() elements.
  void Score(const uint64_t* keys, int n, int32_t* __restrict scores) const {
    for (int k = 0; k < n; ++k) {
      uint32_t row = index_.Find(keys[k]);
      if (row != FlatTable64::kMissing) AddRow(row, scores);
    }
  }
  // The same sums as Score, for up to kMaxBatch keys, with the memory of every feature requested
  // before any is read (all index slots, then all rows), so the ~n random lookups overlap in memory
  // instead of queueing one after the other. Integer sums: the result equals Score's exactly.
  static constexpr int kMaxBatch = 64;
  void ScoreBatch(const uint64_t* keys, int n, int32_t* __restrict scores) const {
    uint32_t rows[kMaxBatch];
    n = n < kMaxBatch ? n : kMaxBatch;
    for (int k = 0; k < n; ++k) index_.Prefetch(keys[k]);
    for (int k = 0; k < n; ++k) {
      rows[k] = index_.Find(keys[k]);
      if (rows[k] != FlatTable64::kMissing) PrefetchRow(rows[k]);
    }
    for (int k = 0; k < n; ++k)
      if (rows[k] != FlatTable64::kMissing) AddRow(rows[k], scores);
  }
  // The three steps of ScoreBatch, for callers that pipeline lookups over many keys themselves:
  // PrefetchKey(key) early; FindRow(key) later (it also requests the row's memory); AddFoundRow
  // later still. FindRow returns kNoRow for an unknown feature.
  static constexpr uint32_t kNoRow = FlatTable64::kMissing;
  void PrefetchKey(uint64_t key) const { index_.Prefetch(key); }
  uint32_t FindRow(uint64_t key) const {
    uint32_t row = index_.Find(key);
    if (row != kNoRow) PrefetchRow(row);
    return row;
  }
  void AddFoundRow(uint32_t row, int32_t* __restrict scores) const {
    if (row != kNoRow) AddRow(row, scores);
  }

  size_t features() const { return keys_.size() + dense_keys_.size(); }
  size_t cells() const { return cells_.size(); }
  size_t dense_rows() const { return dense_keys_.size(); }
  float scale() const { return scale_; }  // integer weight = float weight * scale

  void Save(ModelWriter& w) const;
  // num_classes bounds the class ids the file may hold (Corrupt otherwise).
  Status Load(ModelReader& r, uint32_t num_classes);

 private:
  friend class AveragedPerceptron;
  static constexpr uint32_t kDenseBit = 0x80000000u;
  // What the index maps a key to. Dense rows: kDenseBit | dense row number. Sparse rows, when every
  // row fits (spans_packed_): (first cell << kCountBits) | cell count, so a lookup goes straight from
  // the index to the cells (one dependent memory access fewer than via row_begin_); otherwise the
  // row number. Built at load time: the file format does not depend on it.
  static constexpr uint32_t kCountBits = 7;
  static constexpr uint32_t kMaxPackedBegin = uint32_t{1} << (31 - kCountBits);
  const WeightCell* SparseBegin(uint32_t row) const {
    return cells_.data() + (spans_packed_ ? row >> kCountBits : row_begin_[row]);
  }
  const WeightCell* SparseEnd(uint32_t row) const {
    return spans_packed_ ? cells_.data() + (row >> kCountBits) + (row & ((1u << kCountBits) - 1))
                         : cells_.data() + row_begin_[row + 1];
  }
  void AddRow(uint32_t row, int32_t* __restrict scores) const {
    if (row & kDenseBit) {
      AddDense(dense_.data() + static_cast<size_t>(row & ~kDenseBit) * stride_, scores);
      return;
    }
    for (const WeightCell *c = SparseBegin(row), *end = SparseEnd(row); c != end; ++c) scores[c->cls] += c->weight;
  }
  void PrefetchRow(uint32_t row) const {
    const char* p;
    size_t bytes;
    if (row & kDenseBit) {
      p = reinterpret_cast<const char*>(dense_.data() + static_cast<size_t>(row & ~kDenseBit) * stride_);
      bytes = stride_ * sizeof(int16_t);
    } else {
      if (!spans_packed_) return;  // the row's span is itself one more lookup away
      p = reinterpret_cast<const char*>(SparseBegin(row));
      bytes = (row & ((1u << kCountBits) - 1)) * sizeof(WeightCell);
    }
    for (size_t b = 0; b < bytes; b += 64) __builtin_prefetch(p + b);
    if (bytes > 0) __builtin_prefetch(p + bytes - 1);
  }
  // scores[0..stride_) += row[0..stride_), eight at a time (stride_ is a multiple of 8).
  void AddDense(const int16_t* row, int32_t* scores) const {
    typedef int16_t Short8 __attribute__((vector_size(16)));
    typedef int32_t Int8 __attribute__((vector_size(32)));
    for (size_t c = 0; c < stride_; c += 8) {
      Short8 w;
      Int8 a;
      std::memcpy(&w, row + c, sizeof w);
      std::memcpy(&a, scores + c, sizeof a);
      a += __builtin_convertvector(w, Int8);
      std::memcpy(scores + c, &a, sizeof a);
    }
  }
  void SetClasses(uint32_t num_classes) {
    num_classes_ = num_classes;
    stride_ = (num_classes + 7) / 8 * 8;
  }
  void BuildIndex();
  size_t num_classes_ = 0, stride_ = 0;
  float scale_ = 1.0f;
  std::vector<uint64_t> keys_;       // sorted keys of the sparse rows
  std::vector<uint32_t> row_begin_{0};  // keys_.size() + 1 offsets into cells_
  std::vector<WeightCell> cells_;
  std::vector<uint64_t> dense_keys_;  // sorted keys of the dense rows
  std::vector<int16_t> dense_;        // dense_keys_.size() * stride_ weights
  FlatTable64 index_;
  bool spans_packed_ = false;
};

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(uint32_t num_classes) : num_classes_(num_classes) {}
  // Current (not averaged) weights, for decoding during training.
  void Score(const uint64_t* keys, int n, float* scores) const;
  // Adds delta to the weight of class cls for every feature in keys.
  void Update(const uint64_t* keys, int n, uint32_t cls, float delta);
  // One training instance has been seen (the averaging clock).
  void Tick() { ++now_; }
  // The averaged weights; cells with |weight| < prune are dropped; rows keeping at least
  // dense_min_cells cells are stored dense.
  WeightTable Average(float prune, size_t dense_min_cells) const;
  size_t features() const { return rows_.size(); }

 private:
  struct Cell {
    uint32_t cls;
    float weight;
    double total;    // sum of weight over the clock, up to stamp
    uint64_t stamp;  // clock value when total was last brought up to date
  };
  uint32_t num_classes_;
  uint64_t now_ = 0;
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<uint64_t> row_keys_;
  std::vector<std::vector<Cell>> rows_;
};

}  // namespace dyad::tag
