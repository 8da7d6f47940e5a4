#include "parse/beam_search.h"

#include <cassert>

#include "parse/parser_model.h"

namespace dyad::parse {

BeamView::BeamView(const std::vector<BeamNode>& nodes, const BeamItem& item, int n) : b_(item.b), n_(n) {
  int node = item.top;
  for (int k = 0; k < 3; ++k) {
    s_[k] = node >= 0 ? nodes[node].word : kNone;
    if (k < 2) node_[k] = node >= 0 ? &nodes[node] : nullptr;
    if (node >= 0) node = nodes[node].prev;
  }
  node_[2] = item.b <= n ? &item.b0 : nullptr;
}

WordState BeamView::word(int w) const {
  for (const BeamNode* nd : node_)
    if (nd != nullptr && nd->word == w) return nd->ws;
  // A child of s0, s1 or b0: attached, so its own state only matters for its label.
  WordState child;
  for (const BeamNode* nd : node_) {
    if (nd == nullptr) continue;
    const int c[4] = {nd->ws.lc1, nd->ws.lc2, nd->ws.rc1, nd->ws.rc2};
    for (int j = 0; j < 4; ++j)
      if (c[j] == w && w != kNone) {
        child.head = nd->word;
        child.label = nd->child_label[j];
        return child;
      }
  }
  return child;  // a word the templates read no state of (s2, b1, b2, neighbours): unattached
}

void BeamSearch::Start(int n, int k, bool keep_keys) {
  assert(k >= 1 && k <= kMaxBeam);
  n_ = n;
  k_ = k;
  steps_left_ = 2 * n;
  keep_keys_ = keep_keys;
  nodes_.clear();
  BeamNode root;
  root.word = 0;
  nodes_.push_back(root);
  hist_.clear();
  keys_.clear();
  beam_.assign(1, BeamItem());
  beam_[0].b0.word = 1;
}

bool BeamSearch::Legal(const BeamItem& it, int m) const {
  switch (m) {
    case kShift:
      return it.b <= n_;
    case kLeft:
      return it.b <= n_ && it.depth >= 2;
    case kRight:
      return it.depth > 2 || (it.depth == 2 && it.b > n_);  // the root's one dependent comes last
  }
  return false;
}

// The same bookkeeping as ParseState::AddArc, with the children's labels kept beside their indices.
void BeamSearch::AddChild(BeamNode& h, int dep, int label) {
  WordState& ws = h.ws;
  const uint64_t bit = label >= 0 ? (1ULL << (label & 63)) : 0;
  const auto lab = static_cast<int16_t>(label);
  if (dep < h.word) {
    ++ws.left_count;
    ws.left_labels |= bit;
    if (ws.lc1 == kNone || dep < ws.lc1) {
      ws.lc2 = ws.lc1, h.child_label[1] = h.child_label[0];
      ws.lc1 = dep, h.child_label[0] = lab;
    } else if (ws.lc2 == kNone || dep < ws.lc2) {
      ws.lc2 = dep, h.child_label[1] = lab;
    }
  } else {
    ++ws.right_count;
    ws.right_labels |= bit;
    if (ws.rc1 == kNone || dep > ws.rc1) {
      ws.rc2 = ws.rc1, h.child_label[3] = h.child_label[2];
      ws.rc1 = dep, h.child_label[2] = lab;
    } else if (ws.rc2 == kNone || dep > ws.rc2) {
      ws.rc2 = dep, h.child_label[3] = lab;
    }
  }
}

void BeamSearch::Apply(const BeamItem& parent, int move, int label, BeamItem* child) {
  *child = parent;
  if (move == kShift) {
    BeamNode pushed = parent.b0;
    pushed.prev = parent.top;
    nodes_.push_back(pushed);
    child->top = static_cast<int>(nodes_.size()) - 1;
    ++child->depth;
    ++child->b;
    child->b0 = BeamNode();
    child->b0.word = child->b;
    return;
  }
  const BeamNode s0 = nodes_[parent.top];
  if (move == kLeft) {
    AddChild(child->b0, s0.word, label);
    child->top = s0.prev;
  } else {
    BeamNode s1 = nodes_[s0.prev];  // a new version of s1, with s0 as its rightmost child
    AddChild(s1, s0.word, label);
    nodes_.push_back(s1);
    child->top = static_cast<int>(nodes_.size()) - 1;
  }
  --child->depth;
}

void BeamSearch::Replay(int i, ParseState& out) {
  replay_.clear();
  for (int h = beam_[i].hist; h >= 0; h = hist_[h].prev) replay_.push_back(h);
  out.Reset(n_);
  for (auto it = replay_.rbegin(); it != replay_.rend(); ++it)
    out.Apply(static_cast<Move>(hist_[*it].move), hist_[*it].label);
}

void BeamParse(const ParserModel& model, const SentenceAttrs& a, int k, BeamSearch& beam, ParseState& out) {
  beam.Start(a.n, k, /*keep_keys=*/false);
  auto score = [&](const uint64_t* keys, int n, double* s) {
    int32_t q[kNumMoves] = {0, 0, 0};
    model.moves.Score(keys, n, q);
    for (int m = 0; m < kNumMoves; ++m) s[m] = q[m];
  };
  auto label = [&](const BeamView& v, int head, int dep) { return model.PredictLabel(v, a, head, dep); };
  while (beam.steps_left() > 0) beam.Step(a, score, label, -1);
  beam.Replay(0, out);
}

}  // namespace dyad::parse
