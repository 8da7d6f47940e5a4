// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) and its dynamic oracle
// (Goldberg & Nivre 2013).
//
// Words of a sentence are numbered 1..n; 0 is the artificial root, which sits at the bottom of the
// stack. The buffer is always a suffix [b..n] of the sentence, so it is a single index.
//   SHIFT  move b0 onto the stack
//   LEFT   add the arc b0 -> s0, pop s0
//   RIGHT  add the arc s1 -> s0, pop s0
// RIGHT with s1 = root is only legal once the buffer is empty, so every terminal state is a tree with
// exactly one word attached to the root. Every sentence takes exactly 2n transitions: linear time.
// The system is projective; non-projective gold trees are trained with the same oracle, which then
// picks the cheapest reachable tree (see docs/parser.md).
//
// ParseState keeps, per word, what the feature templates read: head, label, the two leftmost and two
// rightmost children, left/right valency and left/right label sets. Reset() reuses capacity, so
// parsing allocates nothing once a scratch has grown to the longest sentence seen.
// Thread-safety: a ParseState belongs to one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dyad::parse {

enum Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kNumMoves = 3;
inline constexpr int kNone = -1;  // "no such word" for stack/buffer/child positions

struct WordState {
  int head = kNone;
  int label = kNone;
  int lc1 = kNone, lc2 = kNone;  // leftmost and second leftmost child
  int rc1 = kNone, rc2 = kNone;  // rightmost and second rightmost child
  uint16_t left_count = 0, right_count = 0;
  uint64_t left_labels = 0, right_labels = 0;  // bit (label % 64) for each child's label
};

class ParseState {
 public:
  // Starts a sentence of n words (n >= 0). Reuses memory.
  void Reset(int n);
  int size() const { return n_; }
  bool Terminal() const { return b_ > n_ && stack_.size() == 1; }
  bool Legal(Move m) const;
  // REQUIRES: Legal(m). label is stored on the new arc (ignored for SHIFT).
  void Apply(Move m, int label);
  // The word the arc of move m would attach (dependent) and to what (head). REQUIRES: m is LEFT/RIGHT, legal.
  int Dependent(Move m) const { (void)m; return S(0); }
  int Head(Move m) const { return m == kLeft ? b_ : S(1); }

  int S(int k) const {  // k-th stack word from the top, kNone past the bottom
    int i = static_cast<int>(stack_.size()) - 1 - k;
    return i >= 0 ? stack_[i] : kNone;
  }
  int B(int k) const { return b_ + k <= n_ ? b_ + k : kNone; }  // k-th buffer word
  int buffer_front() const { return b_; }
  size_t stack_size() const { return stack_.size(); }
  bool OnStack(int w) const { return on_stack_[w] != 0; }
  const WordState& word(int w) const { return words_[w]; }  // REQUIRES: 0 <= w <= n

 private:
  void AddArc(int head, int dep, int label);

  int n_ = 0;
  int b_ = 1;
  std::vector<int> stack_;
  std::vector<uint8_t> on_stack_;
  std::vector<WordState> words_;
};

// Dynamic oracle: the number of gold arcs a move makes unreachable. Arc-decomposable for arc-hybrid,
// so a move of cost 0 keeps the best reachable tree reachable.
class DynamicOracle {
 public:
  // gold_heads[w] for w = 1..n (index 0 unused); values in 0..n.
  void Reset(const std::vector<int>& gold_heads);
  // REQUIRES: s.Legal(m).
  int Cost(const ParseState& s, Move m) const;

 private:
  int LostDependents(const ParseState& s, int w) const;  // gold children of w still in the buffer
  std::vector<int> heads_;
  std::vector<int> child_begin_, children_;  // CSR lists of gold children
};

}  // namespace dyad::parse
