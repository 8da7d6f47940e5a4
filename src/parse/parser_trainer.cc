#include "parse/parser_trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "parse/beam_search.h"
#include "parse/hashing.h"

namespace dyad::parse {
namespace {

struct TrainSentence {
  std::vector<WordAttrs> attrs;  // [0] = root
  std::vector<int> heads;        // [w] gold head in 0..n; [0] unused
  std::vector<int> labels;       // [w] gold label id (-1 when not in the vocabulary)
};

// Deterministic random numbers (splitmix64), independent of the standard library's engines.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() { return Mix64(s_ += 0x9E3779B97F4A7C15ULL); }
  double Uniform() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }

 private:
  uint64_t s_;
};

// Gold heads of sentence si as 0..n, or false when some head points outside the sentence.
bool GoldHeads(const Document& doc, uint32_t si, std::vector<int>* heads) {
  const SentenceRow& s = doc.sentences()[si];
  int n = static_cast<int>(s.end_token - s.first_token);
  heads->assign(n + 1, 0);
  int roots = 0;
  for (int w = 1; w <= n; ++w) {
    int32_t h = doc.tokens()[s.first_token + w - 1].head;
    if (h == kNoHead) {
      ++roots;
      continue;
    }
    int rel = h - static_cast<int32_t>(s.first_token) + 1;
    if (rel < 1 || rel > n || rel == w) return false;
    (*heads)[w] = rel;
  }
  if (roots != 1) return false;
  // Reject cycles: follow heads from every word at most n steps.
  for (int w = 1; w <= n; ++w) {
    int x = w, steps = 0;
    while (x != 0 && steps++ <= n) x = (*heads)[x];
    if (x != 0) return false;
  }
  return true;
}

void Collect(const Document& doc, const std::map<std::string, int, std::less<>>& label_ids, size_t* skipped,
             std::vector<TrainSentence>* out_set) {
  std::vector<TrainSentence>& out = *out_set;
  out.reserve(out.size() + doc.sentences().size());
  for (uint32_t si = 0; si < doc.sentences().size(); ++si) {
    TrainSentence ts;
    if (doc.sentences()[si].end_token == doc.sentences()[si].first_token) continue;
    if (!GoldHeads(doc, si, &ts.heads)) {
      ++*skipped;
      continue;
    }
    FillSentenceAttrs(doc, si, &ts.attrs);
    ts.labels.assign(ts.heads.size(), -1);
    const SentenceRow& s = doc.sentences()[si];
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      auto it = label_ids.find(doc.token(t).deprel());
      if (it != label_ids.end()) ts.labels[t - s.first_token + 1] = it->second;
    }
    out.push_back(std::move(ts));
  }
}

// Labels by descending frequency, then by name: a deterministic vocabulary.
std::vector<std::string> LabelVocabulary(const std::vector<const Document*>& docs) {
  std::map<std::string, size_t, std::less<>> freq;
  for (const Document* doc : docs)
    for (uint32_t t = 0; t < doc->tokens().size(); ++t) {
      std::string_view l = doc->token(t).deprel();
      if (!l.empty()) ++freq[std::string(l)];
    }
  freq.try_emplace("root", 0);
  std::vector<std::pair<std::string, size_t>> v(freq.begin(), freq.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  for (auto& [l, f] : v) out.push_back(l);
  return out;
}

class Trainer {
 public:
  Trainer(int num_labels, int root_label, const ParserTrainOptions& o)
      : moves_(kNumMoves), labels_(num_labels), num_labels_(num_labels), root_label_(root_label), opt_(o) {}

  // One pass of dynamic-oracle training over one sentence.
  void TrainOn(const TrainSentence& ts, bool explore, Rng& rng) {
    SentenceAttrs a{ts.attrs.data(), static_cast<int>(ts.attrs.size()) - 1};
    oracle_.Reset(ts.heads);
    state_.Reset(a.n);
    uint64_t keys[kMaxMoveFeatures];
    while (!state_.Terminal()) {
      int nf = ExtractMoveFeatures(state_, a, keys);
      float scores[kNumMoves] = {0, 0, 0};
      moves_.Score(keys, nf, scores);
      int cost[kNumMoves];
      int min_cost = 1 << 30;
      for (int m = 0; m < kNumMoves; ++m) {
        cost[m] = state_.Legal(static_cast<Move>(m)) ? oracle_.Cost(state_, static_cast<Move>(m)) : -1;
        if (cost[m] >= 0) min_cost = std::min(min_cost, cost[m]);
      }
      int pred = -1, gold = -1;
      for (int m = 0; m < kNumMoves; ++m) {
        if (cost[m] < 0) continue;
        if (pred < 0 || scores[m] > scores[pred]) pred = m;
        if (cost[m] == min_cost && (gold < 0 || scores[m] > scores[gold])) gold = m;
      }
      moves_.Tick();
      int next = gold;
      if (cost[pred] != min_cost) {
        moves_.Update(keys, nf, gold, 1.0f);
        moves_.Update(keys, nf, pred, -1.0f);
        if (explore && rng.Uniform() < opt_.explore_prob) next = pred;
      } else {
        next = pred;
      }
      auto move = static_cast<Move>(next);
      int label = -1;
      if (move != kShift) label = TrainLabel(ts, a, state_.Head(move), state_.Dependent(move));
      state_.Apply(move, label);
    }
  }

  // One sentence of global training: a beam search run beside the gold sequence, then one update of
  // the move weights at the step of maximum violation (or the first step the gold sequence left the
  // beam, with early_update). Labels train on the gold sequence's arcs, as in TrainOn.
  void TrainOnBeam(const TrainSentence& ts) {
    SentenceAttrs a{ts.attrs.data(), static_cast<int>(ts.attrs.size()) - 1};
    oracle_.Reset(ts.heads);
    state_.Reset(a.n);
    beam_.Start(a.n, opt_.beam_size, /*keep_keys=*/true);
    gold_steps_.clear();
    gold_keys_.clear();
    auto score = [&](const uint64_t* keys, int n, double* out) {
      float f[kNumMoves] = {0, 0, 0};
      moves_.Score(keys, n, f);
      for (int m = 0; m < kNumMoves; ++m) out[m] = f[m];
    };
    auto label = [&](const BeamView& v, int head, int dep) {
      if (head == 0) return root_label_;
      uint64_t keys[kMaxLabelFeatures];
      return PredictLabel(v, a, head, dep, keys, nullptr);
    };
    double gold_score = 0, worst = 0;
    int update_step = -1, update_hist = -1;
    for (int t = 0; beam_.steps_left() > 0; ++t) {
      // The gold move: the best-scoring move of least cost (a latent choice among equally good ones).
      int legal = 0;
      for (int m = 0; m < kNumMoves; ++m) legal += state_.Legal(static_cast<Move>(m));
      const auto begin = static_cast<uint32_t>(gold_keys_.size());
      int nf = 0;
      double s[kNumMoves] = {0, 0, 0};
      if (legal > 1) {
        gold_keys_.resize(begin + kMaxMoveFeatures);
        nf = ExtractMoveFeatures(state_, a, gold_keys_.data() + begin);
        gold_keys_.resize(begin + nf);
        score(gold_keys_.data() + begin, nf, s);
      }
      int gold = -1, min_cost = 1 << 30;
      for (int m = 0; m < kNumMoves; ++m) {
        if (!state_.Legal(static_cast<Move>(m))) continue;
        int c = oracle_.Cost(state_, static_cast<Move>(m));
        if (c < min_cost || (c == min_cost && s[m] > s[gold])) gold = m, min_cost = c;
      }
      gold_score += s[gold];
      gold_steps_.push_back({gold, begin, nf});
      beam_.Step(a, score, label, gold);
      auto move = static_cast<Move>(gold);
      int lab = -1;
      if (move != kShift) lab = TrainLabel(ts, a, state_.Head(move), state_.Dependent(move));
      state_.Apply(move, lab);

      const BeamItem& best = beam_.items()[0];
      bool gold_in_beam = false;
      for (const BeamItem& it : beam_.items()) gold_in_beam |= it.gold;
      const double violation = best.score - gold_score;  // >= 0: the gold sequence does not win here
      if (!best.gold && violation >= 0 && (update_step < 0 || violation > worst)) {
        worst = violation;
        update_step = t;
        update_hist = best.hist;
      }
      if (opt_.early_update && !gold_in_beam) break;
    }
    for (int t = 0; t < 2 * a.n; ++t) moves_.Tick();
    if (update_step >= 0) UpdateTowardsGold(update_step, update_hist);
  }

  PackedLinear PackMoves() const { return moves_.Pack(opt_.min_abs_weight, opt_.min_updates); }
  PackedLinear PackLabels() const { return labels_.Pack(opt_.min_abs_weight, opt_.min_updates); }
  size_t move_features() const { return moves_.num_features(); }
  size_t label_features() const { return labels_.num_features(); }

 private:
  // The best non-root label for the arc head -> dep in state s (a ParseState or a beam item's view);
  // its feature keys are left in keys[0..*num_keys).
  template <typename State>
  int PredictLabel(const State& s, const SentenceAttrs& a, int head, int dep, uint64_t* keys, int* num_keys) {
    int nf = ExtractLabelFeatures(s, a, head, dep, keys);
    if (num_keys != nullptr) *num_keys = nf;
    scores_.assign(num_labels_, 0.0f);
    labels_.Score(keys, nf, scores_.data());
    int pred = -1;
    for (int c = 0; c < num_labels_; ++c)
      if (c != root_label_ && (pred < 0 || scores_[c] > scores_[pred])) pred = c;
    return pred;
  }

  // Predicts the arc's label; learns from it when the head is right. Returns the label to follow.
  int TrainLabel(const TrainSentence& ts, const SentenceAttrs& a, int head, int dep) {
    if (head == 0) return root_label_;
    uint64_t keys[kMaxLabelFeatures];
    int nf = 0;
    const int pred = PredictLabel(state_, a, head, dep, keys, &nf);
    int gold = ts.labels[dep];
    if (ts.heads[dep] != head || gold < 0 || gold == root_label_) return pred;
    labels_.Tick();
    if (pred != gold) {
      labels_.Update(keys, nf, gold, 1.0f);
      labels_.Update(keys, nf, pred, -1.0f);
    }
    return pred;  // follow the prediction: later features see labels as the parser will
  }

  // +1 for the gold sequence's features, -1 for the predicted item's, over steps 0..last where the two
  // sequences differ (the shared prefix would cancel).
  void UpdateTowardsGold(int last, int pred_hist) {
    pred_.assign(last + 1, -1);
    for (int h = pred_hist, t = last; h >= 0 && t >= 0; h = beam_.step(h).prev, --t) pred_[t] = h;
    int t = 0;
    while (t <= last && beam_.step(pred_[t]).move == gold_steps_[t].move) ++t;
    for (; t <= last; ++t) {
      const GoldStep& g = gold_steps_[t];
      if (g.num_keys > 0) moves_.Update(gold_keys_.data() + g.keys_begin, g.num_keys, g.move, 1.0f);
      const BeamStep& p = beam_.step(pred_[t]);
      if (p.num_keys > 0) moves_.Update(beam_.keys().data() + p.keys_begin, p.num_keys, p.move, -1.0f);
    }
  }

  struct GoldStep {
    int move;
    uint32_t keys_begin;
    int num_keys;
  };

  AveragedPerceptron moves_, labels_;
  int num_labels_, root_label_;
  const ParserTrainOptions& opt_;
  ParseState state_;
  DynamicOracle oracle_;
  std::vector<float> scores_;
  BeamSearch beam_;
  std::vector<GoldStep> gold_steps_;
  std::vector<uint64_t> gold_keys_;
  std::vector<int> pred_;
};

void Score(const ParserModel& model, const std::vector<TrainSentence>& sentences, int beam_size, ParseScore* score) {
  ParseState state;
  BeamSearch beam;
  for (const TrainSentence& ts : sentences) {
    SentenceAttrs a{ts.attrs.data(), static_cast<int>(ts.attrs.size()) - 1};
    if (beam_size <= 1) {
      model.Parse(a, state);
    } else {
      BeamParse(model, a, beam_size, beam, state);
    }
    for (int w = 1; w <= a.n; ++w) {
      ++score->words;
      if (state.word(w).head != ts.heads[w]) continue;
      ++score->head_correct;
      score->labelled_correct += state.word(w).label == ts.labels[w];
    }
  }
}

}  // namespace

ParseScore ScoreParser(const ParserModel& model, const Document& doc, int beam_size) {
  std::map<std::string, int, std::less<>> ids;
  for (size_t i = 0; i < model.labels.size(); ++i) ids[model.labels[i]] = static_cast<int>(i);
  size_t skipped = 0;
  ParseScore score;
  std::vector<TrainSentence> set;
  Collect(doc, ids, &skipped, &set);
  Score(model, set, beam_size, &score);
  return score;
}

Result<ParserModel> TrainParser(const std::vector<const Document*>& train, const Document& dev,
                                const ParserTrainOptions& options) {
  using Clock = std::chrono::steady_clock;
  ParserModel best;
  best.labels = LabelVocabulary(train);
  if (best.labels.size() > 250) return Status::InvalidInput("more than 250 dependency labels in the training data");
  std::map<std::string, int, std::less<>> ids;
  for (size_t i = 0; i < best.labels.size(); ++i) ids[best.labels[i]] = static_cast<int>(i);
  best.root_label = ids.at("root");
  size_t skipped_train = 0, skipped_dev = 0;
  std::vector<TrainSentence> train_set, dev_set;
  for (const Document* doc : train) Collect(*doc, ids, &skipped_train, &train_set);
  Collect(dev, ids, &skipped_dev, &dev_set);
  if (options.beam_size < 1 || options.beam_size > kMaxBeam)
    return Status::InvalidInput("parser beam size must be 1.." + std::to_string(kMaxBeam));
  if (train_set.empty()) return Status::InvalidInput("no usable training sentences (need gold HEAD/DEPREL)");
  auto log = [&](const std::string& s) {
    if (options.log) options.log(s);
  };
  log("parser training: " + std::to_string(train_set.size()) + " sentences (" + std::to_string(skipped_train) +
      " skipped: not a tree), dev " + std::to_string(dev_set.size()) + ", " + std::to_string(best.labels.size()) +
      " labels");

  Trainer trainer(static_cast<int>(best.labels.size()), best.root_label, options);
  Rng rng(options.seed);
  std::vector<uint32_t> order(train_set.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  double best_las = -1;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    auto t0 = Clock::now();
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Next() % i]);  // Fisher-Yates
    bool explore = epoch >= options.explore_from_epoch;
    const bool beam = options.beam_size > 1 && epoch >= options.beam_from_epoch;
    if (beam && epoch == std::max(1, options.beam_from_epoch)) best_las = -1;  // keep a beam-trained epoch
    for (uint32_t i : order) {
      if (beam) {
        trainer.TrainOnBeam(train_set[i]);
      } else {
        trainer.TrainOn(train_set[i], explore, rng);
      }
    }
    ParserModel m;
    m.labels = best.labels;
    m.root_label = best.root_label;
    m.moves = trainer.PackMoves();
    m.arc_labels = trainer.PackLabels();
    ParseScore dev_score;
    Score(m, dev_set, beam ? options.beam_size : 1, &dev_score);
    double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    char line[256];
    std::snprintf(line, sizeof line,
                  "epoch %2d  %s  dev UAS %.2f  LAS %.2f  (%zu move / %zu label features, %.1f s)%s", epoch,
                  beam ? ("beam " + std::to_string(options.beam_size)).c_str() : "greedy",
                  dev_score.uas(), dev_score.las(), m.moves.num_features(), m.arc_labels.num_features(), secs,
                  dev_score.las() > best_las ? "  best" : "");
    log(line);
    if (dev_score.las() > best_las || dev_set.empty()) {
      best_las = dev_score.las();
      best = std::move(m);
    }
  }
  return best;
}

}  // namespace dyad::parse
