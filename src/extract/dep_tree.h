// Dependency-tree helpers over a parsed Document for the extract stages: children lists and the
// token span of every subtree. Built in one linear pass with an explicit stack (no recursion; a head
// cycle from a broken input cannot loop). Internal to src/extract.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/document.h"

namespace dyad::extract {

class DepTree {
 public:
  explicit DepTree(const Document& doc) : doc_(doc), n_(static_cast<uint32_t>(doc.tokens().size())) {
    child_begin_.assign(n_ + 1, 0);
    for (uint32_t i = 0; i < n_; ++i) {
      if (int32_t h = Head(i); h >= 0) ++child_begin_[h + 1];
    }
    for (uint32_t i = 0; i < n_; ++i) child_begin_[i + 1] += child_begin_[i];
    children_.assign(child_begin_[n_], 0);
    std::vector<uint32_t> fill(child_begin_.begin(), child_begin_.end() - 1);
    for (uint32_t i = 0; i < n_; ++i) {
      if (int32_t h = Head(i); h >= 0) children_[fill[h]++] = i;
    }
    sub_first_.resize(n_);
    sub_end_.resize(n_);
    for (uint32_t i = 0; i < n_; ++i) sub_first_[i] = i, sub_end_[i] = i + 1;
    std::vector<uint8_t> seen(n_, 0);
    std::vector<std::pair<uint32_t, uint32_t>> stack;  // (token, next child)
    for (uint32_t r = 0; r < n_; ++r) {
      if (Head(r) >= 0 || seen[r]) continue;
      stack.push_back({r, 0});
      seen[r] = 1;
      while (!stack.empty()) {
        auto& [t, k] = stack.back();
        auto kids = Children(t);
        if (k < kids.size()) {
          uint32_t c = kids[k++];
          if (!seen[c]) {
            seen[c] = 1;
            stack.push_back({c, 0});
          }
          continue;
        }
        uint32_t done = t;
        stack.pop_back();
        if (!stack.empty()) {
          uint32_t p = stack.back().first;
          sub_first_[p] = std::min(sub_first_[p], sub_first_[done]);
          sub_end_[p] = std::max(sub_end_[p], sub_end_[done]);
        }
      }
    }
  }

  // Document-level head of token i, or -1 (root, unparsed, or out of range).
  int32_t Head(uint32_t i) const {
    int32_t h = doc_.tokens()[i].head;
    return h >= 0 && static_cast<uint32_t>(h) < n_ ? h : -1;
  }
  std::string_view Rel(uint32_t i) const { return doc_.Str(doc_.tokens()[i].deprel); }
  std::span<const uint32_t> Children(uint32_t i) const {
    return {children_.data() + child_begin_[i], children_.data() + child_begin_[i + 1]};
  }
  // Token span [first, end) of the subtree under i (its leftmost and rightmost descendants).
  uint32_t SubtreeFirst(uint32_t i) const { return sub_first_[i]; }
  uint32_t SubtreeEnd(uint32_t i) const { return sub_end_[i]; }

 private:
  const Document& doc_;
  uint32_t n_;
  std::vector<uint32_t> child_begin_, children_, sub_first_, sub_end_;
};

}  // namespace dyad::extract
