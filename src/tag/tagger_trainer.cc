#include "tag/tagger_trainer.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <tuple>

namespace dyad {
namespace {

using tag::TagClass;

// FEATS without the features nobody can predict from text.
std::string CleanFeats(std::string_view feats) {
  std::string out;
  size_t pos = 0;
  while (pos <= feats.size() && !feats.empty()) {
    size_t bar = feats.find('|', pos);
    std::string_view item = feats.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos);
    if (!item.empty() && item != "Typo=Yes") {
      if (!out.empty()) out += '|';
      out += item;
    }
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return out;
}

// A class is a (UPOS, XPOS) pair, except that the verb forms whose FEATS depend on the syntax
// (VB: Inf or Imp; VBG: Ger or Part; VBN: passive or not) are split by FEATS too: the tagger's
// context features decide those far better than the FEATS tables can. Other FEATS come from the
// tables (tag::FeatsModel).
using TagKey = std::tuple<int, std::string, std::string>;  // upos, xpos, feats ("" unless split)

bool SplitByFeats(std::string_view xpos) { return xpos == "VB" || xpos == "VBG" || xpos == "VBN"; }

TagKey KeyOf(const Token& t) {
  return {static_cast<int>(t.upos()), std::string(t.xpos()), SplitByFeats(t.xpos()) ? CleanFeats(t.feats()) : ""};
}

// The class inventory and the mapping from every training key to a class.
struct ClassInventory {
  std::vector<TagClass> classes;
  std::map<TagKey, uint32_t> of_key;

  uint32_t ClassOf(const Token& t) const {
    auto it = of_key.find(KeyOf(t));
    return it == of_key.end() ? 0 : it->second;
  }
};

ClassInventory BuildClasses(const Document& train, int min_count) {
  std::map<TagKey, int> counts;
  for (uint32_t i = 0; i < train.tokens().size(); ++i) counts[KeyOf(train.token(i))]++;
  std::vector<std::pair<int, TagKey>> order;
  for (const auto& [t, c] : counts) order.push_back({-c, t});
  std::sort(order.begin(), order.end());  // most frequent first; ties by name: deterministic
  ClassInventory inv;
  std::map<std::pair<int, std::string>, uint32_t> history_ids, pair_class;
  std::map<int, uint32_t> upos_class;
  for (const auto& [neg, t] : order) {
    if (-neg < min_count && !inv.classes.empty()) continue;
    auto id = static_cast<uint32_t>(inv.classes.size());
    auto pair = std::make_pair(std::get<0>(t), std::get<1>(t));
    auto [h, added] = history_ids.emplace(pair, static_cast<uint32_t>(history_ids.size()));
    inv.classes.push_back(TagClass{static_cast<Upos>(std::get<0>(t)), std::get<1>(t), h->second});
    inv.of_key[t] = id;
    pair_class.emplace(pair, id);  // first = most frequent with that (UPOS, XPOS)
    upos_class.emplace(std::get<0>(t), id);
  }
  // Rare keys: the most frequent class with the same (UPOS, XPOS), else the same UPOS, else 0.
  for (const auto& [t, c] : counts) {
    if (inv.of_key.count(t)) continue;
    auto p = pair_class.find({std::get<0>(t), std::get<1>(t)});
    if (p != pair_class.end()) {
      inv.of_key[t] = p->second;
      continue;
    }
    auto u = upos_class.find(std::get<0>(t));
    inv.of_key[t] = u != upos_class.end() ? u->second : 0;
  }
  return inv;
}

struct TrainSentence {
  std::vector<tag::WordInfo> words;
  std::vector<uint32_t> gold;
};

// Forms of each sentence (token ranges) of a document.
template <typename Fn>
void ForEachSentence(const Document& doc, Fn&& fn) {
  std::vector<std::string_view> forms;
  for (const SentenceRow& s : doc.sentences()) {
    forms.clear();
    uint32_t end = std::min<uint32_t>(s.end_token, static_cast<uint32_t>(doc.tokens().size()));
    for (uint32_t t = s.first_token; t < end; ++t) forms.push_back(doc.token(t).norm());
    if (!forms.empty()) fn(s.first_token, forms);
  }
}

void BuildTagDictionary(const Document& train, const ClassInventory& inv, int min_count,
                        std::vector<uint64_t>* keys, std::vector<uint32_t>* values) {
  std::map<uint64_t, std::pair<int, std::set<uint32_t>>> seen;
  std::string buf;
  tag::WordInfo info;
  ForEachSentence(train, [&](uint32_t first, const std::vector<std::string_view>& forms) {
    for (size_t i = 0; i < forms.size(); ++i) {
      tag::DescribeWord(forms[i], i == 0, &buf, &info);
      Token t = train.token(first + static_cast<uint32_t>(i));
      uint32_t cls = inv.ClassOf(t);
      auto& entry = seen[info.word];
      entry.first++;
      entry.second.insert(inv.classes[cls].history);
    }
  });
  for (const auto& [word, entry] : seen) {
    if (entry.first < min_count) continue;
    uint64_t h = 0xA3B1C0DEULL;
    for (uint32_t id : entry.second) h = tag::Mix(h, id);
    keys->push_back(word);
    values->push_back(static_cast<uint32_t>(h) | 1u);  // never 0: 0 means "not in the dictionary"
  }
}

// The FEATS backoff table (tag::FeatsModel) from the gold classes and FEATS of the training data.
tag::FeatsModel BuildFeatsModel(const Document& train, const std::vector<TrainSentence>& sentences,
                                const std::vector<uint32_t>& first_tokens) {
  using Feats = tag::FeatsModel;
  std::set<std::string> value_set;
  for (uint32_t i = 0; i < train.tokens().size(); ++i) value_set.insert(CleanFeats(train.token(i).feats()));
  std::vector<std::string> values(value_set.begin(), value_set.end());  // sorted: deterministic ids
  std::map<std::string, uint32_t> value_id;
  for (uint32_t v = 0; v < values.size(); ++v) value_id[values[v]] = v;
  using Counts = std::map<uint32_t, int>;
  using K2 = std::pair<uint64_t, uint64_t>;
  using K3 = std::tuple<uint64_t, uint64_t, uint64_t>;
  std::map<uint64_t, Counts> by_class;                // cls
  std::map<K2, Counts> by_prev_class, by_word;        // (cls, prev cls), (cls, word)
  std::map<K3, Counts> by_word_prev_class, by_word_prev_word;  // (cls, word, prev cls / prev word)
  for (size_t si = 0; si < sentences.size(); ++si) {
    const TrainSentence& s = sentences[si];
    for (size_t i = 0; i < s.words.size(); ++i) {
      uint32_t v = value_id[CleanFeats(train.token(first_tokens[si] + static_cast<uint32_t>(i)).feats())];
      uint64_t cls = s.gold[i], word = s.words[i].word;
      uint64_t prev_word = i > 0 ? s.words[i - 1].word : 0;
      uint64_t prev_class = i > 0 ? s.gold[i - 1] : tag::kStartTag;
      by_class[cls][v]++;
      by_prev_class[{cls, prev_class}][v]++;
      by_word[{cls, word}][v]++;
      by_word_prev_class[{cls, word, prev_class}][v]++;
      by_word_prev_word[{cls, word, prev_word}][v]++;
    }
  }
  // Most frequent value (ties: the smaller id) and how often the key was seen.
  auto best = [](const Counts& c) {
    std::pair<uint32_t, int> b{0, -1};
    int total = 0;
    for (const auto& [v, n] : c) {
      total += n;
      if (n > b.second) b = {v, n};
    }
    return std::make_pair(b.first, total);
  };
  constexpr int kMinContext = 2;  // a context entry needs this many training tokens behind it
  std::vector<uint64_t> keys;
  std::vector<uint32_t> index;
  auto add = [&](uint64_t key, uint32_t v) {
    keys.push_back(key);
    index.push_back(v);
  };
  std::map<uint64_t, uint32_t> class_best;
  for (const auto& [cls, c] : by_class) {
    class_best[cls] = best(c).first;
    add(Feats::Key(Feats::kClass, static_cast<uint32_t>(cls), 0, 0), class_best[cls]);
  }
  for (const auto& [k, c] : by_prev_class) {
    auto [v, total] = best(c);
    if (total >= kMinContext && v != class_best[k.first])
      add(Feats::Key(Feats::kPrevClass, static_cast<uint32_t>(k.first), 0, k.second), v);
  }
  std::map<K2, uint32_t> word_best;
  for (const auto& [k, c] : by_word) {
    word_best[k] = best(c).first;
    add(Feats::Key(Feats::kWord, static_cast<uint32_t>(k.first), k.second, 0), word_best[k]);
  }
  std::set<K2> has_prev_class_entry;
  for (const auto& [k, c] : by_word_prev_class) {
    auto [v, total] = best(c);
    K2 cw{std::get<0>(k), std::get<1>(k)};
    if (total >= kMinContext && v != word_best[cw]) {
      add(Feats::Key(Feats::kWordPrevClass, static_cast<uint32_t>(cw.first), cw.second, std::get<2>(k)), v);
      has_prev_class_entry.insert(cw);
    }
  }
  // Kept when it differs from (class, word), or when a (class, word, previous class) entry exists
  // that it must be able to override.
  for (const auto& [k, c] : by_word_prev_word) {
    auto [v, total] = best(c);
    K2 cw{std::get<0>(k), std::get<1>(k)};
    if (total >= kMinContext && (v != word_best[cw] || has_prev_class_entry.count(cw)))
      add(Feats::Key(Feats::kWordPrevWord, static_cast<uint32_t>(cw.first), cw.second, std::get<2>(k)), v);
  }
  return Feats::Make(std::move(values), std::move(keys), std::move(index));
}

// Trains one pass of the averaged perceptron on sentences[subset] for `epochs` passes over the data.
// right: first-pass tag-history ids per sentence for a second pass (nullptr for a first pass).
// eval (may be empty) installs the frozen weights, scores dev and returns dev UPOS; the best epoch
// is kept (the last one without eval).
tag::WeightTable TrainPass(const std::vector<TrainSentence>& sentences, const std::vector<std::vector<uint32_t>>* right,
                           std::vector<size_t> order, const ClassInventory& inv, const TaggerTrainOptions& opts,
                           int epochs, int pass, int fold,
                           const std::function<double(tag::WeightTable, TaggerEpochReport&)>& eval, int* best_epoch) {
  const auto num_classes = static_cast<uint32_t>(inv.classes.size());
  tag::AveragedPerceptron perceptron(num_classes);
  std::mt19937_64 rng(opts.seed + static_cast<uint64_t>(pass) * 1000 + static_cast<uint64_t>(fold));
  std::vector<float> scores(num_classes);
  uint64_t keys[tag::kMaxFeatures];
  tag::WeightTable best;
  double best_score = -1;
  epochs = std::max(1, epochs);
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    auto start = std::chrono::steady_clock::now();
    // Fisher-Yates with the raw generator: std::shuffle's algorithm differs between libraries.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t correct = 0, total = 0;
    for (size_t si : order) {
      const TrainSentence& s = sentences[si];
      const uint32_t* right_tags = right != nullptr ? (*right)[si].data() : nullptr;
      uint32_t prev = tag::kStartTag, prev2 = tag::kStartTag;
      for (size_t i = 0; i < s.words.size(); ++i) {
        int n = tag::ExtractFeatures(s.words.data(), s.words.size(), i, prev, prev2, right_tags, keys);
        std::fill(scores.begin(), scores.end(), 0.0f);
        perceptron.Score(keys, n, scores.data());
        uint32_t guess = 0;
        for (uint32_t k = 1; k < num_classes; ++k)
          if (scores[k] > scores[guess]) guess = k;
        perceptron.Tick();
        if (guess != s.gold[i]) {
          perceptron.Update(keys, n, s.gold[i], 1.0f);
          perceptron.Update(keys, n, guess, -1.0f);
        } else {
          ++correct;
        }
        ++total;
        prev2 = prev;
        prev = inv.classes[guess].history;
      }
    }
    TaggerEpochReport report;
    report.pass = pass;
    report.fold = fold;
    report.epoch = epoch;
    report.train_accuracy = total ? 100.0 * static_cast<double>(correct) / static_cast<double>(total) : 0;
    tag::WeightTable frozen = perceptron.Average(opts.prune, opts.dense_min_cells);
    report.features = frozen.features();
    if (eval) {
      report.has_dev = true;
      double score = eval(frozen, report);
      if (score > best_score) {
        best_score = score;
        best = std::move(frozen);
        *best_epoch = epoch;
      }
    } else if (epoch == epochs) {
      best = std::move(frozen);
      *best_epoch = epoch;
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (opts.on_epoch) opts.on_epoch(report);
  }
  return best;
}

// Chooses the first-pass margin above which a word skips the second pass: the largest skipped
// share of dev words whose dev UPOS stays within opts.skip_tolerance of running pass 2 everywhere.
void TuneSkipMargin(tag::TaggerModel& model, const Document& dev, const TaggerTrainOptions& opts) {
  std::vector<float> margins;
  tag::TaggerScratch s;
  std::vector<uint32_t> classes;
  std::vector<int32_t> m;
  ForEachSentence(dev, [&](uint32_t, const std::vector<std::string_view>& forms) {
    s.words.resize(forms.size());
    for (size_t i = 0; i < forms.size(); ++i) {
      tag::DescribeWord(forms[i], i == 0, &s.buffer, &s.words[i]);
      s.words[i].ambiguity = model.Ambiguity(s.words[i].word);
    }
    classes.resize(forms.size());
    m.resize(forms.size());
    tag::GreedyDecode(model.weights(), model.classes(), s.words.data(), forms.size(), nullptr, s.scores,
                      classes.data(), m.data());
    for (int32_t x : m) margins.push_back(static_cast<float>(x) / model.weights().scale());
  });
  tag::TaggerModelBuilder::SetSkipMargin(model, 0);
  if (margins.empty()) return;
  std::sort(margins.begin(), margins.end());
  const double full = EvaluateTagger(model, dev).upos;
  float chosen = 0;
  for (double skip : {0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5}) {
    // Words with margin >= t skip; t just above the (1 - skip) quantile.
    float t = margins[static_cast<size_t>((1.0 - skip) * static_cast<double>(margins.size() - 1))];
    if (t <= 0) continue;
    tag::TaggerModelBuilder::SetSkipMargin(model, t);
    TaggerEpochReport report;
    report.pass = 3;
    report.has_dev = true;
    report.dev = EvaluateTagger(model, dev);
    report.skip_margin = t;
    report.skipped = 100.0 * static_cast<double>(margins.end() - std::lower_bound(margins.begin(), margins.end(), t)) /
                     static_cast<double>(margins.size());
    if (opts.on_epoch) opts.on_epoch(report);
    if (report.dev.upos >= full - opts.skip_tolerance) {
      chosen = t;
      break;
    }
  }
  tag::TaggerModelBuilder::SetSkipMargin(model, chosen);
}

}  // namespace

TagAccuracy EvaluateTagger(const tag::TaggerModel& model, const Document& gold) {
  TagAccuracy acc;
  size_t upos = 0, xpos = 0, feats = 0, lemma = 0, all = 0;
  tag::TaggerScratch scratch;
  std::vector<uint32_t> classes;
  std::string lem;
  ForEachSentence(gold, [&](uint32_t first, const std::vector<std::string_view>& forms) {
    classes.resize(forms.size());
    model.TagSentence(forms.data(), forms.size(), scratch, classes.data());
    for (size_t i = 0; i < forms.size(); ++i) {
      Token t = gold.token(first + static_cast<uint32_t>(i));
      const TagClass& c = model.tag_class(classes[i]);
      model.lemmatizer().Lemmatize(forms[i], c.xpos, &lem);
      const std::string& pf = model.feats().values()[model.feats().Predict(scratch.words.data(), classes.data(), i)];
      bool u = c.upos == t.upos(), x = c.xpos == t.xpos(), f = pf == t.feats();
      upos += u;
      xpos += x;
      feats += f;
      lemma += lem == t.lemma();
      all += u && x && f;
      acc.tokens++;
    }
  });
  if (acc.tokens > 0) {
    double n = static_cast<double>(acc.tokens) / 100.0;
    acc.upos = upos / n;
    acc.xpos = xpos / n;
    acc.ufeats = feats / n;
    acc.lemma = lemma / n;
    acc.all_tags = all / n;
  }
  return acc;
}

Result<tag::TaggerModel> TrainTaggerModel(const Document& train, const Document* dev, const TaggerTrainOptions& opts) {
  if (train.tokens().empty() || train.sentences().empty())
    return Status::InvalidArgument("training data has no tokens");
  ClassInventory inv = BuildClasses(train, std::max(1, opts.min_class_count));
  std::vector<uint64_t> dict_keys;
  std::vector<uint32_t> dict_values;
  BuildTagDictionary(train, inv, opts.min_dict_count, &dict_keys, &dict_values);
  tag::LemmatizerBuilder lemmas;
  for (uint32_t i = 0; i < train.tokens().size(); ++i) {
    Token t = train.token(i);
    lemmas.Add(t.norm(), t.xpos(), t.lemma());
  }
  tag::TaggerModel model =
      tag::TaggerModelBuilder::Make(inv.classes, std::move(dict_keys), std::move(dict_values), tag::FeatsModel(),
                                    tag::WeightTable(), lemmas.Build(opts.min_lemma_rule_count));

  // Precompute the context-free word descriptions once.
  std::vector<TrainSentence> sentences;
  std::vector<uint32_t> first_tokens;
  std::string buf;
  ForEachSentence(train, [&](uint32_t first, const std::vector<std::string_view>& forms) {
    first_tokens.push_back(first);
    TrainSentence s;
    s.words.resize(forms.size());
    for (size_t i = 0; i < forms.size(); ++i) {
      tag::DescribeWord(forms[i], i == 0, &buf, &s.words[i]);
      s.words[i].ambiguity = model.Ambiguity(s.words[i].word);
      Token t = train.token(first + static_cast<uint32_t>(i));
      s.gold.push_back(inv.ClassOf(t));
    }
    sentences.push_back(std::move(s));
  });
  tag::TaggerModelBuilder::SetFeats(model, BuildFeatsModel(train, sentences, first_tokens));

  // Pass 1 on all the training data, epochs chosen on dev.
  std::vector<size_t> all(sentences.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  int best_epoch = 0;
  auto eval_first = [&](tag::WeightTable frozen, TaggerEpochReport& report) {
    tag::TaggerModelBuilder::SetWeights(model, std::move(frozen));
    report.dev = EvaluateTagger(model, *dev);
    return report.dev.upos;
  };
  std::function<double(tag::WeightTable, TaggerEpochReport&)> no_eval;
  tag::WeightTable first = TrainPass(sentences, nullptr, all, inv, opts, opts.epochs, 1, 0,
                                     dev != nullptr ? eval_first : no_eval, &best_epoch);
  tag::TaggerModelBuilder::SetWeights(model, first);
  if (!opts.two_pass) return model;

  // Right-context tags for pass 2's training data: each fold tagged by a pass-1 model that did not
  // see it (jackknifing), so pass 2 learns how far to trust pass 1 on unseen text.
  const int folds = std::max(2, opts.jackknife_folds);
  std::vector<std::vector<uint32_t>> right(sentences.size());
  std::vector<int32_t> scores;
  for (int f = 0; f < folds; ++f) {
    std::vector<size_t> train_part, held_out;
    for (size_t i = 0; i < sentences.size(); ++i) (static_cast<int>(i % folds) == f ? held_out : train_part).push_back(i);
    int unused = 0;
    tag::WeightTable fold = TrainPass(sentences, nullptr, train_part, inv, opts, best_epoch, 1, f + 1, no_eval, &unused);
    std::vector<uint32_t> classes;
    for (size_t si : held_out) {
      const TrainSentence& s = sentences[si];
      classes.resize(s.words.size());
      tag::GreedyDecode(fold, inv.classes, s.words.data(), s.words.size(), nullptr, scores, classes.data());
      for (uint32_t c : classes) right[si].push_back(inv.classes[c].history);
    }
  }
  auto eval_second = [&](tag::WeightTable frozen, TaggerEpochReport& report) {
    tag::TaggerModelBuilder::SetSecondPass(model, std::move(frozen));
    report.dev = EvaluateTagger(model, *dev);
    return report.dev.upos;
  };
  int unused = 0;
  tag::WeightTable second = TrainPass(sentences, &right, all, inv, opts, opts.epochs, 2, 0,
                                      dev != nullptr ? eval_second : no_eval, &unused);
  tag::TaggerModelBuilder::SetSecondPass(model, std::move(second));
  if (dev != nullptr) TuneSkipMargin(model, *dev, opts);
  return model;
}

Status TrainTagger(const Document& train, const Document* dev, const TaggerTrainOptions& opts,
                   const std::string& out_path) {
  auto model = TrainTaggerModel(train, dev, opts);
  if (!model.ok()) return model.status();
  return model->Save(out_path, opts.training_data);
}

}  // namespace dyad
