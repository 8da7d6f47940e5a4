#include "events/sentence_graph.h"


#include <algorithm>

namespace dyad::events {

void SentenceGraph::IndexMentions(const Document& doc) {
  token_mention_.assign(doc.tokens().size(), -1);
  const auto& mentions = doc.mentions();
  for (size_t m = 0; m < mentions.size(); ++m) {
    const MentionRow& r = mentions[m];
    for (uint32_t t = r.first_token; t < r.end_token && t < token_mention_.size(); ++t)
      if (token_mention_[t] < 0) token_mention_[t] = static_cast<int32_t>(m);
  }
  for (size_t m = 0; m < mentions.size(); ++m)
    if (mentions[m].head_token < token_mention_.size()) token_mention_[mentions[m].head_token] = static_cast<int32_t>(m);
}

void SentenceGraph::Build(const Document& doc, uint32_t s) {
  doc_ = &doc;
  const SentenceRow& sr = doc.sentences()[s];
  first_ = sr.first_token;
  n_ = sr.end_token - sr.first_token;
  heads_.assign(n_, -1);
  lower_.resize(std::max<size_t>(lower_.size(), n_));
  for (uint32_t t = 0; t < n_; ++t) {
    std::string_view l = doc.Str(doc.tokens()[first_ + t].lemma);
    std::string& out = lower_[t];
    out.assign(l);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::memset(bloom_, 0, sizeof bloom_);
  for (uint32_t t = 0; t < n_; ++t) {
    const uint64_t h = LemmaHash(lower_[t]);
    bloom_[(h >> 6) & 15] |= uint64_t{1} << (h & 63);
  }
  child_begin_.assign(n_ + 1, 0);
  for (uint32_t t = 0; t < n_; ++t) {
    int32_t h = doc.tokens()[first_ + t].head;
    if (h >= static_cast<int32_t>(first_) && h < static_cast<int32_t>(first_ + n_) && h != static_cast<int32_t>(first_ + t)) {
      heads_[t] = h - static_cast<int32_t>(first_);
      ++child_begin_[heads_[t] + 1];
    }
  }
  for (uint32_t t = 0; t < n_; ++t) child_begin_[t + 1] += child_begin_[t];
  child_list_.assign(child_begin_[n_], 0);
  std::vector<uint32_t>& fill = fill_;
  fill.assign(child_begin_.begin(), child_begin_.end() - 1);
  for (uint32_t t = 0; t < n_; ++t)
    if (heads_[t] >= 0) child_list_[fill[heads_[t]]++] = t;  // children in token order
}

}  // namespace dyad::events
