// Linear classifiers over hashed sparse features: the packed, read-only form used for parsing, and the
// averaged perceptron that trains it.
//
// PackedLinear is an open-addressing table from feature key to weights, with 16-bit weights and one
// float scale. A table for up to 4 classes keeps each feature's whole weight row inside its 16-byte slot
// (one cache line touch per feature: the move classifier); a wider table keeps (class, weight) entries
// of a feature contiguous in one array (the label classifier, where most features touch few labels).
// Score() computes all slot addresses first and prefetches them, so lookups overlap in memory.
//
// AveragedPerceptron keeps sparse rows with lazy averaging (Collins 2002; Daumé's trick) and packs its
// averaged weights into a PackedLinear.
// Thread-safety: PackedLinear is immutable after Load/Build and safe to share; AveragedPerceptron is
// single-threaded.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <new>
#include <unordered_map>
#include <vector>

#include "core/huge_pages.h"
#include "core/model_file.h"
#include "dyad/status.h"

namespace dyad::parse {

// The tables are big (the move table is ~32 MiB) and faulting them in 4 KiB pages was most of the
// model's load time: they live in huge pages (core/huge_pages.h).
using dyad::HugePageAllocator;

class PackedLinear {
 public:
  // One feature's averaged weights, before quantisation.
  struct Row {
    uint64_t key;
    std::vector<std::pair<uint16_t, float>> weights;  // (class, weight)
  };
  static PackedLinear Build(int num_classes, const std::vector<Row>& rows);

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_rows_; }
  // scores[0..num_classes) += sum of the features' weights, in quantised units (compare, don't scale).
  // REQUIRES: n <= kMaxBatch.
  void Score(const uint64_t* keys, int n, int32_t* scores) const;
  static constexpr int kMaxBatch = 128;

  void Write(ModelWriter& w) const;
  // Reads what Write() wrote (the table as laid out in memory, so loading does no hashing); fails
  // (Corrupt) on anything inconsistent, including keys a probe could not reach.
  static Result<PackedLinear> Read(ModelReader& r);

 public:
  // One hash-table slot; stored in the model file exactly as laid out here (16 bytes, little-endian).
  struct Slot {
    struct Span {  // a sparse row: entries_[begin, begin + count)
      uint32_t begin;
      uint32_t count;
    };
    uint64_t key = 0;  // 0 = empty
    union {
      int16_t w[4];  // a dense row: the weights of up to four classes
      Span span;
    };
    Slot() : span{0, 0} {}
  };

 private:
  struct Entry {
    uint16_t cls;
    int16_t w;
  };
  bool dense() const { return num_classes_ <= 4; }
  void Insert(const Slot& s);
  Status CheckConsistent() const;

  int num_classes_ = 0;
  size_t num_rows_ = 0;
  float scale_ = 1.0f;
  uint64_t mask_ = 0;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::vector<Entry> entries_;
};

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(int num_classes) : num_classes_(num_classes) {}
  // scores[c] = sum of current (not averaged) weights. scores has num_classes entries.
  void Score(const uint64_t* keys, int n, float* scores) const;
  // Adds delta to class cls for every feature. Call Tick() once per training example.
  void Update(const uint64_t* keys, int n, int cls, float delta);
  void Tick() { ++now_; }
  // The averaged weights packed for parsing, without features updated fewer than min_updates times
  // (rare features: most of the table, little of the accuracy) and weights with |w| < min_abs.
  PackedLinear Pack(float min_abs, uint32_t min_updates) const;
  size_t num_features() const { return rows_.size(); }

 private:
  struct Entry {
    uint16_t cls;
    float w;
    double total;  // sum of w over time up to ts
    int64_t ts;
  };
  int num_classes_;
  int64_t now_ = 1;
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<uint64_t> keys_;
  std::vector<std::vector<Entry>> rows_;
  std::vector<uint32_t> updates_;  // per row: how many examples updated it
};

}  // namespace dyad::parse
