// Beam search over arc-hybrid transitions, for parsing with a beam and for global (max-violation /
// early-update) training of the move classifier.
//
// The greedy parser keeps one mutable ParseState; a beam keeps k states that share their history.
// Copying a ParseState per item and step would cost O(n) each, O(k n^2) a sentence; instead an item is
// persistent: its stack is a linked list of nodes in an arena (a node = a stack word and the children
// summary that the templates read), the buffer is an index, and b0's summary lives in the item. A
// SHIFT or RIGHT adds one node, LEFT none, so a sentence costs O(k n) time and memory: every item
// takes exactly 2n transitions, as in the greedy parser. Moves and labels are kept as a back-pointer
// history, replayed into a ParseState for the output.
//
// An item's score is the sum of its move scores; a forced move (the only legal one) scores 0 and has
// no features, as in the greedy parser. Candidates are ranked by score, then by item, then by move,
// so a beam of one takes exactly the greedy parser's moves. Labels are not part of the beam score:
// the arc-label classifier names each arc of a surviving candidate, as the greedy parser does.
// Thread-safety: a BeamSearch belongs to one thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "parse/features.h"
#include "parse/transition_system.h"

namespace dyad::parse {

inline constexpr int kMaxBeam = 64;

// A word's children summary on a persistent stack, plus the labels of its four outermost children
// (a ParseState reads those from the children's own WordState).
struct BeamNode {
  WordState ws;
  int16_t child_label[4] = {kNone, kNone, kNone, kNone};  // labels of ws.lc1, lc2, rc1, rc2
  int word = kNone;
  int prev = -1;  // the node below on the stack (-1 under the root)
};

struct BeamItem {
  double score = 0;
  int top = 0;    // node of s0 (node 0 = the root)
  int depth = 1;  // stack size, root included
  int b = 1;      // buffer front
  BeamNode b0;    // b0's left children so far
  int hist = -1;  // last step of the history (-1: none yet)
  bool gold = true;  // training: every move so far was the gold move
};

// One transition of one item: what it did, and (training) where its move features are kept.
struct BeamStep {
  int prev;
  uint8_t move;
  int16_t label;
  uint32_t keys_begin;  // into BeamSearch::keys()
  uint16_t num_keys;    // 0 for a forced move
};

// What the feature templates read from a beam item: the same interface as ParseState (S, B, word),
// exact for every value the templates use (stack/buffer words, their children, the children's labels).
class BeamView {
 public:
  BeamView(const std::vector<BeamNode>& nodes, const BeamItem& item, int n);
  int S(int k) const { return k < 3 ? s_[k] : kNone; }  // the templates read s0..s2
  int B(int k) const { return b_ + k <= n_ ? b_ + k : kNone; }
  WordState word(int w) const;

 private:
  const BeamNode* node_[3];  // s0, s1, b0 (nullptr when absent)
  int s_[3];
  int b_, n_;
};

class BeamSearch {
 public:
  // Starts a sentence of n words with a beam of k (1..kMaxBeam). keep_keys: keep every step's move
  // features for training updates (else only the current step's). Reuses memory.
  void Start(int n, int k, bool keep_keys);
  int steps_left() const { return steps_left_; }

  // One transition for every item. score(keys, n, scores[3]) adds move scores for a state's
  // features; label(view, head, dep) names an arc. gold_move >= 0 marks which candidate continues the
  // gold sequence (training); -1 otherwise. REQUIRES: steps_left() > 0.
  template <class ScoreFn, class LabelFn>
  void Step(const SentenceAttrs& a, ScoreFn&& score, LabelFn&& label, int gold_move);

  const std::vector<BeamItem>& items() const { return beam_; }  // best first
  const BeamStep& step(int h) const { return hist_[h]; }
  const std::vector<uint64_t>& keys() const { return keys_; }
  BeamView View(int i) const { return BeamView(nodes_, beam_[i], n_); }  // valid until the next Step
  // The moves and labels of item i's history, replayed into out (a terminal state once steps_left() == 0).
  void Replay(int i, ParseState& out);

 private:
  struct Candidate {
    double score;
    int item;
    int move;
  };
  bool Legal(const BeamItem& it, int m) const;
  void Apply(const BeamItem& parent, int move, int label, BeamItem* child);
  static void AddChild(BeamNode& head, int dep, int label);

  int n_ = 0, k_ = 1, steps_left_ = 0;
  bool keep_keys_ = false;
  std::vector<BeamNode> nodes_;
  std::vector<BeamItem> beam_, next_;
  std::vector<BeamStep> hist_;
  std::vector<uint64_t> keys_;
  std::vector<Candidate> cand_;
  std::vector<uint32_t> item_keys_;  // per item of this step: where its features start
  std::vector<int> replay_;
};

struct ParserModel;

// Parses the words in a with a beam of k (1..kMaxBeam) using model's move and label tables; afterwards
// out holds the best item's tree, as ParserModel::Parse leaves it. k = 1 gives the greedy parse.
void BeamParse(const ParserModel& model, const SentenceAttrs& a, int k, BeamSearch& beam, ParseState& out);

template <class ScoreFn, class LabelFn>
void BeamSearch::Step(const SentenceAttrs& a, ScoreFn&& score, LabelFn&& label, int gold_move) {
  cand_.clear();
  item_keys_.assign(beam_.size() * 2, 0);
  if (!keep_keys_) keys_.clear();
  for (int i = 0; i < static_cast<int>(beam_.size()); ++i) {
    const BeamItem& it = beam_[i];
    int legal = 0;
    for (int m = 0; m < kNumMoves; ++m) legal += Legal(it, m);
    double s[kNumMoves] = {0, 0, 0};
    uint32_t begin = static_cast<uint32_t>(keys_.size()), nk = 0;
    if (legal > 1) {
      keys_.resize(begin + kMaxMoveFeatures);
      nk = static_cast<uint32_t>(ExtractMoveFeatures(BeamView(nodes_, it, n_), a, keys_.data() + begin));
      keys_.resize(begin + nk);
      score(keys_.data() + begin, static_cast<int>(nk), s);
    }
    item_keys_[2 * i] = begin;
    item_keys_[2 * i + 1] = nk;
    for (int m = 0; m < kNumMoves; ++m)
      if (Legal(it, m)) cand_.push_back({it.score + s[m], i, m});
  }
  const size_t keep = std::min(cand_.size(), static_cast<size_t>(k_));
  auto better = [](const Candidate& x, const Candidate& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.item != y.item ? x.item < y.item : x.move < y.move;
  };
  std::partial_sort(cand_.begin(), cand_.begin() + static_cast<std::ptrdiff_t>(keep), cand_.end(), better);
  next_.resize(keep);
  for (size_t c = 0; c < keep; ++c) {
    const Candidate& cd = cand_[c];
    const BeamItem& parent = beam_[cd.item];
    int lab = kNone;
    if (cd.move != kShift) {
      BeamView v(nodes_, parent, n_);
      int dep = v.S(0), head = cd.move == kLeft ? v.B(0) : v.S(1);
      lab = label(v, head, dep);
    }
    hist_.push_back({parent.hist, static_cast<uint8_t>(cd.move), static_cast<int16_t>(lab),
                     item_keys_[2 * cd.item], static_cast<uint16_t>(item_keys_[2 * cd.item + 1])});
    Apply(parent, cd.move, lab, &next_[c]);
    next_[c].score = cd.score;
    next_[c].hist = static_cast<int>(hist_.size()) - 1;
    next_[c].gold = parent.gold && cd.move == gold_move;
  }
  beam_.swap(next_);
  --steps_left_;
}

}  // namespace dyad::parse
