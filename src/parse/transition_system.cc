#include "parse/transition_system.h"

#include <cassert>

namespace dyad::parse {

void ParseState::Reset(int n) {
  n_ = n;
  b_ = 1;
  stack_.clear();
  stack_.push_back(0);
  on_stack_.assign(n + 1, 0);
  on_stack_[0] = 1;
  words_.assign(n + 1, WordState());
}

bool ParseState::Legal(Move m) const {
  switch (m) {
    case kShift:
      return b_ <= n_;
    case kLeft:
      return b_ <= n_ && stack_.size() >= 2;
    case kRight:
      // The root takes its one dependent only at the very end.
      if (stack_.size() < 2) return false;
      return stack_.size() > 2 || b_ > n_;
  }
  return false;
}

void ParseState::AddArc(int head, int dep, int label) {
  WordState& d = words_[dep];
  d.head = head;
  d.label = label;
  WordState& h = words_[head];
  uint64_t bit = label >= 0 ? (1ULL << (label & 63)) : 0;
  if (dep < head) {
    ++h.left_count;
    h.left_labels |= bit;
    if (h.lc1 == kNone || dep < h.lc1) {
      h.lc2 = h.lc1;
      h.lc1 = dep;
    } else if (h.lc2 == kNone || dep < h.lc2) {
      h.lc2 = dep;
    }
  } else {
    ++h.right_count;
    h.right_labels |= bit;
    if (h.rc1 == kNone || dep > h.rc1) {
      h.rc2 = h.rc1;
      h.rc1 = dep;
    } else if (h.rc2 == kNone || dep > h.rc2) {
      h.rc2 = dep;
    }
  }
}

void ParseState::Apply(Move m, int label) {
  assert(Legal(m));
  if (m == kShift) {
    stack_.push_back(b_);
    on_stack_[b_] = 1;
    ++b_;
    return;
  }
  int dep = stack_.back();
  int head = m == kLeft ? b_ : stack_[stack_.size() - 2];
  AddArc(head, dep, label);
  on_stack_[dep] = 0;
  stack_.pop_back();
}

void DynamicOracle::Reset(const std::vector<int>& gold_heads) {
  heads_ = gold_heads;
  int n = static_cast<int>(heads_.size()) - 1;
  child_begin_.assign(n + 2, 0);
  for (int w = 1; w <= n; ++w) ++child_begin_[heads_[w] + 1];
  for (int w = 1; w <= n + 1; ++w) child_begin_[w] += child_begin_[w - 1];
  children_.assign(n, 0);
  std::vector<int> fill(child_begin_.begin(), child_begin_.end() - 1);
  for (int w = 1; w <= n; ++w) children_[fill[heads_[w]]++] = w;
}

int DynamicOracle::LostDependents(const ParseState& s, int w) const {
  int lost = 0;
  for (int k = child_begin_[w]; k < child_begin_[w + 1]; ++k) lost += children_[k] >= s.buffer_front();
  return lost;
}

int DynamicOracle::Cost(const ParseState& s, Move m) const {
  int b = s.buffer_front();
  if (m == kShift) {
    // b0 can still get its head from s0 (by RIGHT) or from the buffer; not from deeper stack words,
    // and no stack word can become its dependent any more.
    int cost = 0;
    int h = heads_[b];
    if (h != s.S(0) && h < b && s.OnStack(h)) ++cost;
    for (int k = child_begin_[b]; k < child_begin_[b + 1]; ++k) cost += s.OnStack(children_[k]);
    return cost;
  }
  int s0 = s.S(0);
  int h = heads_[s0];
  int cost = LostDependents(s, s0);
  if (m == kLeft) {
    if (h != b && (h == s.S(1) || h > b)) ++cost;
  } else {
    if (h >= b) ++cost;
  }
  return cost;
}

}  // namespace dyad::parse
