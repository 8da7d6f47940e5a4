// SentenceGraph: one parsed sentence as the event matcher walks it — sentence-local token indexes,
// each token's children, and the actor mention it belongs to. Rebuilt per sentence in reused buffers,
// so coding allocates nothing once the buffers have grown.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "events/pattern.h"

namespace dyad::events {

class SentenceGraph {
 public:
  // Maps every token of `doc` to the mention that covers it (its head token wins). Once per document.
  void IndexMentions(const Document& doc);
  // Builds the graph of sentence s. REQUIRES: IndexMentions(doc) was called for this document.
  void Build(const Document& doc, uint32_t s);

  uint32_t size() const { return n_; }
  uint32_t doc_token(uint32_t t) const { return first_ + t; }
  Upos upos(uint32_t t) const { return row(t).upos; }
  // Lower-cased: patterns are written in lower case and proper-noun lemmas keep their capitals.
  std::string_view lemma(uint32_t t) const { return lower_[t]; }
  std::string_view rel(uint32_t t) const { return doc_->Str(row(t).deprel); }
  std::string_view xpos(uint32_t t) const { return doc_->Str(row(t).xpos); }
  std::string_view text(uint32_t t) const { return doc_->token(first_ + t).text(); }
  int32_t head(uint32_t t) const { return heads_[t]; }  // sentence-local; -1 for the root
  std::span<const uint32_t> children(uint32_t t) const {
    return {child_list_.data() + child_begin_[t], child_list_.data() + child_begin_[t + 1]};
  }
  int32_t mention(uint32_t t) const { return token_mention_[first_ + t]; }  // index into mentions(), -1
  // False when, for some word, none of its alternatives' lemma hashes is in this sentence (a 1024-bit
  // Bloom filter over the sentence's lemmas: false positives possible, false negatives not).
  bool MayHaveAll(const std::vector<PatternWord>& words) const {
    for (const PatternWord& w : words) {
      bool any = false;
      for (uint64_t h : w.hashes) any = any || (bloom_[(h >> 6) & 15] >> (h & 63) & 1);
      if (!any) return false;
    }
    return true;
  }

 private:
  const TokenRow& row(uint32_t t) const { return doc_->tokens()[first_ + t]; }

  const Document* doc_ = nullptr;
  uint32_t first_ = 0, n_ = 0;
  std::vector<int32_t> heads_;
  std::vector<uint32_t> child_begin_, child_list_;
  std::vector<int32_t> token_mention_;  // document-level
  std::vector<uint32_t> fill_;          // Build's cursor per token
  std::vector<std::string> lower_;      // lower-cased lemma per token (short: no heap for most)
  uint64_t bloom_[16] = {};             // lemma hashes of the sentence (MayHaveAll)
};

}  // namespace dyad::events
