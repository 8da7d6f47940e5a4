#include "parse/features.h"

#include <algorithm>

#include "parse/beam_search.h"
#include "parse/hashing.h"

namespace dyad::parse {
namespace {

WordAttrs Special(std::string_view name, uint32_t upos) {
  uint64_t h = HashBytes(name);
  return {h, h, h, h, h, Mix64(h + upos), upos};
}
const WordAttrs kRoot = Special("<root>", 100);
const WordAttrs kNoneW = Special("<none>", 101);

// A word position as the templates see it: attributes plus its parse-state summary.
struct Pos {
  const WordAttrs* a;
  uint64_t w, p, x, l, sh;  // word, upos, xpos, lemma, shape
  uint64_t wp;          // word+upos
  int label;            // label of the arc into it (-1 none)
};

template <class State>
Pos At(const SentenceAttrs& a, const State& s, int w) {
  const WordAttrs* wa = w < 0 ? &kNoneW : w == 0 ? &kRoot : &a.words[w];
  Pos p;
  p.a = wa;
  p.w = wa->word;
  p.p = wa->upos;
  p.x = wa->xpos;
  p.l = wa->lemma;
  p.sh = wa->shape;
  p.wp = wa->word_upos;
  p.label = w > 0 ? s.word(w).label : -1;
  return p;
}

uint64_t Dist(int a, int b) {
  if (a < 0 || b < 0) return 0;
  int d = b > a ? b - a : a - b;
  return static_cast<uint64_t>(d >= 10 ? (d >= 20 ? 11 : 10) : d);
}

uint64_t Lab(int label) { return static_cast<uint64_t>(label + 2); }

uint64_t Valency(int count) { return static_cast<uint64_t>(std::min(count, 6)); }

}  // namespace

WordAttrs RootAttrs() { return kRoot; }
WordAttrs NoneAttrs() { return kNoneW; }

template <class State>
int ExtractMoveFeatures(const State& s, const SentenceAttrs& a, uint64_t* keys) {
  const int s0i = s.S(0), s1i = s.S(1), s2i = s.S(2), b0i = s.B(0), b1i = s.B(1), b2i = s.B(2);
  static const WordState kEmpty;
  const WordState& s0s = s0i > 0 ? s.word(s0i) : kEmpty;
  const WordState& s1s = s1i > 0 ? s.word(s1i) : kEmpty;
  const WordState& b0s = b0i > 0 ? s.word(b0i) : kEmpty;
  Pos s0 = At(a, s, s0i), s1 = At(a, s, s1i), s2 = At(a, s, s2i);
  Pos b0 = At(a, s, b0i), b1 = At(a, s, b1i), b2 = At(a, s, b2i);
  Pos s0l = At(a, s, s0s.lc1), s0l2 = At(a, s, s0s.lc2), s0r = At(a, s, s0s.rc1), s0r2 = At(a, s, s0s.rc2);
  Pos s1l = At(a, s, s1s.lc1), s1r = At(a, s, s1s.rc1), s1r2 = At(a, s, s1s.rc2);
  Pos b0l = At(a, s, b0s.lc1), b0l2 = At(a, s, b0s.lc2);
  const uint64_t d = Dist(s0i, b0i), d1 = Dist(s1i, s0i);

  int k = 0;
  uint32_t t = 0;
  auto F = [&](uint64_t x, uint64_t y = 0, uint64_t z = 0) { keys[k++] = FeatureKey(++t, x, y, z); };
  // Single words.
  F(s0.w); F(s0.p); F(s0.wp); F(s0.x); F(s0.l);
  F(s1.w); F(s1.p); F(s1.wp); F(s1.x);
  F(s2.p); F(s2.w);
  F(b0.w); F(b0.p); F(b0.wp); F(b0.x); F(b0.l);
  F(b1.w); F(b1.p); F(b1.wp);
  F(b2.w); F(b2.p);
  // Pairs.
  F(s0.wp, b0.wp); F(s0.wp, b0.w); F(s0.w, b0.wp); F(s0.wp, b0.p); F(s0.p, b0.wp);
  F(s0.w, b0.w); F(s0.p, b0.p); F(b0.p, b1.p); F(s0.x, b0.x); F(s0.l, b0.l);
  F(s1.wp, s0.wp); F(s1.w, s0.w); F(s1.p, s0.p); F(s1.p, s0.w); F(s1.w, s0.p); F(s1.x, s0.x); F(s1.l, s0.l);
  F(s1.p, b0.p); F(s1.w, b0.w);
  // Triples of tags.
  F(b0.p, b1.p, b2.p); F(s0.p, b0.p, b1.p); F(s1.p, s0.p, b0.p); F(s2.p, s1.p, s0.p);
  F(s0.p, s0l.p, b0.p); F(s0.p, s0r.p, b0.p); F(s0.p, b0.p, b0l.p);
  F(s1.p, s1r.p, s0.p); F(s1.p, s1l.p, s0.p); F(s1.p, s0.p, s0l.p); F(s1.p, s0.p, s0r.p);
  F(s0.x, b0.x, b1.x); F(s1.x, s0.x, b0.x);
  // Distance.
  F(s0.w, d); F(s0.p, d); F(b0.w, d); F(b0.p, d); F(s0.w, b0.w, d); F(s0.p, b0.p, d);
  F(s1.p, s0.p, d1); F(s1.w, d1); F(s0.w, d1); F(s1.w, s0.w, d1);
  // Valency.
  F(s0.w, Valency(s0s.right_count)); F(s0.p, Valency(s0s.right_count));
  F(s0.w, Valency(s0s.left_count)); F(s0.p, Valency(s0s.left_count));
  F(b0.w, Valency(b0s.left_count)); F(b0.p, Valency(b0s.left_count));
  F(s1.p, Valency(s1s.right_count), Valency(s1s.left_count));
  // Children: words, tags, labels.
  F(s0l.w); F(s0l.p); F(Lab(s0l.label)); F(s0r.w); F(s0r.p); F(Lab(s0r.label));
  F(b0l.w); F(b0l.p); F(Lab(b0l.label));
  F(s1r.p, Lab(s1r.label)); F(s1l.p, Lab(s1l.label)); F(s1r.w);
  F(s0l2.w); F(s0l2.p); F(Lab(s0l2.label)); F(s0r2.w); F(s0r2.p); F(Lab(s0r2.label));
  F(b0l2.w); F(b0l2.p); F(Lab(b0l2.label));
  F(s0.p, s0l.p, s0l2.p); F(s0.p, s0r.p, s0r2.p); F(b0.p, b0l.p, b0l2.p); F(s1.p, s1r.p, s1r2.p);
  F(s0.p, Lab(s0l.label), Lab(s0r.label)); F(s1.p, s0.p, Lab(s0r.label));
  // Label sets.
  F(s0.w, s0s.right_labels); F(s0.p, s0s.right_labels); F(s0.w, s0s.left_labels); F(s0.p, s0s.left_labels);
  F(b0.w, b0s.left_labels); F(b0.p, b0s.left_labels); F(s1.p, s1s.right_labels, s0.p);
  // Word shapes (suffix + capitalisation): what the tags say, from the letters.
  F(s0.sh); F(s1.sh); F(b0.sh); F(s0.sh, b0.sh); F(s0.sh, b0.p); F(s0.p, b0.sh);
  F(s1.sh, s0.sh); F(s1.sh, s0.p); F(s1.p, s0.sh);
  // Buffer/stack shape: how many words remain, coarsely (sentence-final decisions).
  F(s0.p, b1i < 0 ? 1 : 0, b0i < 0 ? 1 : 0);
  return k;
}

template <class State>
int ExtractLabelFeatures(const State& s, const SentenceAttrs& a, int head, int dep, uint64_t* keys) {
  const WordState& ds = s.word(dep);
  const WordState& hs = s.word(head);
  Pos d = At(a, s, dep), h = At(a, s, head);
  Pos dl = At(a, s, ds.lc1), dr = At(a, s, ds.rc1);
  Pos dprev = At(a, s, dep - 1 >= 1 ? dep - 1 : kNone), dnext = At(a, s, dep + 1 <= a.n ? dep + 1 : kNone);
  Pos hprev = At(a, s, head - 1 >= 1 ? head - 1 : kNone), hnext = At(a, s, head + 1 <= a.n ? head + 1 : kNone);
  const uint64_t dir = dep < head ? 1 : 2;
  const uint64_t dist = Dist(head, dep);
  const uint64_t df = d.a->feats, hf = h.a->feats;
  int k = 0;
  uint32_t t = 500;  // disjoint from the move templates (they use a different table anyway)
  auto F = [&](uint64_t x, uint64_t y = 0, uint64_t z = 0) { keys[k++] = FeatureKey(++t, Mix64(x + dir), y, z); };
  F(d.w); F(d.p); F(d.x); F(d.l); F(df);
  F(h.w); F(h.p); F(h.x); F(h.l); F(hf);
  F(d.p, h.p); F(d.w, h.p); F(d.p, h.w); F(d.w, h.w); F(d.l, h.l); F(d.x, h.x);
  F(d.p, h.p, dist); F(d.x, h.x, dist); F(df, h.p); F(d.p, hf); F(df, hf);
  F(Lab(dl.label), d.p); F(Lab(dr.label), d.p); F(ds.left_labels, d.p); F(ds.right_labels, d.p);
  F(ds.left_labels, ds.right_labels, d.x);
  F(dl.w, h.p); F(dl.w, d.p, h.p); F(dl.w, h.w); F(dl.w); F(dr.w, d.p);
  F(hs.left_labels, d.p, h.p); F(hs.right_labels, d.p, h.p); F(hs.left_labels, hs.right_labels, d.x);
  F(dprev.p, d.p, h.p); F(d.p, dnext.p, h.p); F(hprev.p, h.p, d.p); F(h.p, hnext.p, d.p);
  F(dprev.w, d.p); F(dep == 1 ? 1 : 0, h.p, d.p);
  F(d.w, h.x, dist); F(dl.w, dl.p, d.x);
  F(d.sh, h.p); F(d.p, h.sh); F(d.sh, h.sh);
  return k;
}

// The greedy parser's state and the beam's view of a persistent item: the same templates, so a beam of
// one scores exactly what the greedy parser scores.
template int ExtractMoveFeatures<ParseState>(const ParseState&, const SentenceAttrs&, uint64_t*);
template int ExtractMoveFeatures<BeamView>(const BeamView&, const SentenceAttrs&, uint64_t*);
template int ExtractLabelFeatures<ParseState>(const ParseState&, const SentenceAttrs&, int, int, uint64_t*);
template int ExtractLabelFeatures<BeamView>(const BeamView&, const SentenceAttrs&, int, int, uint64_t*);

}  // namespace dyad::parse
