#include "tag/tagger_model.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <cmath>
#include <limits>
#include <string>

#include "tag/finite_verb.h"

namespace dyad::tag {
namespace {

constexpr uint32_t kMaxClasses = 4096;
constexpr StrId kUnset = 0xFFFFFFFFu;  // a per-class string not interned in this document yet
constexpr size_t kWordCacheSlots = 4096;  // word types whose word-only scores a scratch keeps

}  // namespace

Result<TaggerModel> TaggerModel::Load(const std::string& path) {
  auto r = ModelReader::Open(path, "tagger", kTaggerFormatVersion);
  if (!r.ok()) return r.status();
  auto m = FromReader(*r);
  if (!m.ok()) return Status(m.status().code(), path + ": " + m.status().message());
  return m;
}

Result<TaggerModel> TaggerModel::FromBytes(std::string bytes) {
  auto r = ModelReader::FromBytes(std::move(bytes), "tagger", kTaggerFormatVersion);
  if (!r.ok()) return r.status();
  return FromReader(*r);
}

uint32_t FeatsModel::Predict(const WordInfo* words, const uint32_t* classes, size_t i) const {
  const uint32_t cls = classes[i];
  const uint64_t word = words[i].word;
  const uint64_t prev_word = i > 0 ? words[i - 1].word : 0;
  const uint32_t prev_class = i > 0 ? classes[i - 1] : kStartTag;
  uint32_t v = Find(Key(kWordPrevWord, cls, word, prev_word));
  if (v != FlatTable64::kMissing) return v;
  v = Find(Key(kWordPrevClass, cls, word, prev_class));
  if (v != FlatTable64::kMissing) return v;
  v = Find(Key(kWord, cls, word, 0));
  if (v != FlatTable64::kMissing) return v;
  v = Find(Key(kPrevClass, cls, 0, prev_class));
  if (v != FlatTable64::kMissing) return v;
  v = Find(Key(kClass, cls, 0, 0));
  return v != FlatTable64::kMissing ? v : 0;  // Load checked every class has one; 0 is ""
}

FeatsModel FeatsModel::Make(std::vector<std::string> values, std::vector<uint64_t> keys,
                            std::vector<uint32_t> value_index) {
  FeatsModel f;
  f.values_ = std::move(values);
  f.keys_ = std::move(keys);
  f.value_index_ = std::move(value_index);
  f.table_.Build(f.keys_, f.value_index_);
  return f;
}

void FeatsModel::Save(ModelWriter& w) const {
  w.U32(static_cast<uint32_t>(values_.size()));
  for (const std::string& v : values_) w.Str(v);
  w.Array(keys_);
  w.Array(value_index_);
}

Status FeatsModel::Load(ModelReader& r, uint32_t num_classes) {
  constexpr uint32_t kMaxValues = 1 << 16;
  constexpr size_t kMaxEntries = size_t{1} << 24;
  uint32_t n = 0;
  if (!r.U32(&n) || n == 0 || n > kMaxValues) return Status::Corrupt("tagger feats: bad value count");
  values_.resize(n);
  for (std::string& v : values_)
    if (!r.Str(&v, 1024)) return Status::Corrupt("tagger feats: truncated values");
  if (!r.Array(&keys_, kMaxEntries) || !r.Array(&value_index_, kMaxEntries) || keys_.size() != value_index_.size())
    return Status::Corrupt("tagger feats: truncated table");
  for (uint32_t v : value_index_)
    if (v >= n) return Status::Corrupt("tagger feats: bad value index");
  table_.Build(keys_, value_index_);
  for (uint32_t c = 0; c < num_classes; ++c)
    if (Find(Key(kClass, c, 0, 0)) == FlatTable64::kMissing) return Status::Corrupt("tagger feats: class without FEATS");
  return Status::Ok();
}

Result<TaggerModel> TaggerModel::FromReader(ModelReader& r) {
  if (r.header().format_version != kTaggerFormatVersion)
    return Status::Unsupported("tagger: model format version " + std::to_string(r.header().format_version) +
                               " is older than this build's " + std::to_string(kTaggerFormatVersion) + "; retrain it");
  TaggerModel m;
  uint32_t n = 0;
  if (!r.U32(&n) || n == 0 || n > kMaxClasses) return Status::Corrupt("tagger: bad class count");
  m.classes_.resize(n);
  for (TagClass& c : m.classes_) {
    uint32_t upos = 0;
    if (!r.U32(&upos) || !r.Str(&c.xpos, 64) || !r.U32(&c.history))
      return Status::Corrupt("tagger: truncated class table");
    if (upos >= static_cast<uint32_t>(Upos::kCount)) return Status::Corrupt("tagger: bad UPOS value");
    if (c.history >= kStartTag) return Status::Corrupt("tagger: bad history id");
    c.upos = static_cast<Upos>(upos);
  }
  constexpr size_t kMaxWords = size_t{1} << 24;
  if (!r.Array(&m.dict_keys_, kMaxWords) || !r.Array(&m.dict_values_, kMaxWords))
    return Status::Corrupt("tagger: truncated tag dictionary");
  if (m.dict_keys_.size() != m.dict_values_.size()) return Status::Corrupt("tagger: tag dictionary sizes differ");
  m.tag_dict_.Build(m.dict_keys_, m.dict_values_);
  DYAD_RETURN_IF_ERROR(m.feats_.Load(r, n));
  DYAD_RETURN_IF_ERROR(m.weights_.Load(r, n));
  uint32_t has_second = 0;
  if (!r.U32(&has_second) || has_second > 1) return Status::Corrupt("tagger: bad second-pass flag");
  m.has_second_ = has_second == 1;
  if (m.has_second_) {
    if (!r.F32(&m.skip_margin_) || !std::isfinite(m.skip_margin_)) return Status::Corrupt("tagger: bad skip margin");
    DYAD_RETURN_IF_ERROR(m.second_.Load(r, n));
  }
  DYAD_RETURN_IF_ERROR(m.lemmatizer_.Load(r));
  DYAD_RETURN_IF_ERROR(r.Finish());
  return m;
}

Status TaggerModel::Save(const std::string& path, const std::string& training_data) const {
  ModelWriter w({"tagger", kTaggerFormatVersion, training_data, kTaggerFeatureSet});
  w.U32(static_cast<uint32_t>(classes_.size()));
  for (const TagClass& c : classes_) {
    w.U32(static_cast<uint32_t>(c.upos));
    w.Str(c.xpos);
    w.U32(c.history);
  }
  w.Array(dict_keys_);
  w.Array(dict_values_);
  feats_.Save(w);
  weights_.Save(w);
  w.U32(has_second_ ? 1 : 0);
  if (has_second_) {
    w.F32(skip_margin_);
    second_.Save(w);
  }
  lemmatizer_.Save(w);
  return w.WriteFile(path);
}

void GreedyDecode(const WeightTable& weights, const std::vector<TagClass>& classes, const WordInfo* words,
                  size_t n, const uint32_t* right_tags, std::vector<int32_t>& scores, uint32_t* out,
                  int32_t* margins, SkipRule skip, const int32_t* word_rows) {
  const size_t c = classes.size();
  const size_t width = std::max(weights.stride(), c);
  scores.resize(width);
  uint32_t prev = kStartTag, prev2 = kStartTag;
  uint64_t keys[kMaxFeatures];
  for (size_t i = 0; i < n; ++i) {
    if (skip.margins == nullptr || skip.margins[i] < skip.threshold) {
      int nkeys = 0;
      if (word_rows != nullptr) {
        nkeys = ExtractContextFeatures(words, n, i, prev, prev2, right_tags, keys);
        std::memcpy(scores.data(), word_rows + i * width, width * sizeof(int32_t));
      } else {
        nkeys = ExtractFeatures(words, n, i, prev, prev2, right_tags, keys);
        std::fill(scores.begin(), scores.end(), 0);
      }
      weights.Score(keys, nkeys, scores.data());
      uint32_t best = 0;
      int32_t second = std::numeric_limits<int32_t>::min();
      for (uint32_t k = 1; k < c; ++k) {
        if (scores[k] > scores[best]) {
          second = scores[best];
          best = k;
        } else if (scores[k] > second) {
          second = scores[k];
        }
      }
      out[i] = best;
      if (margins != nullptr) margins[i] = c > 1 ? scores[best] - second : std::numeric_limits<int32_t>::max();
    }
    const uint32_t best = out[i];
    prev2 = prev;
    prev = classes[best].history;
  }
}

uint64_t TaggerModel::NewInstanceId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

namespace {

// The best class of scores[0..c) (the first of equal maxima, as GreedyDecode picks) and its margin
// over the best other class (max int32 when there is only one class). Branch-free max loops.
uint32_t BestClass(const int32_t* scores, size_t c, int32_t* margin) {
  int32_t top = scores[0];
  for (size_t k = 1; k < c; ++k) top = std::max(top, scores[k]);
  uint32_t best = 0;
  while (scores[best] != top) ++best;
  int32_t second = std::numeric_limits<int32_t>::min();
  for (size_t k = 0; k < best; ++k) second = std::max(second, scores[k]);
  for (size_t k = best + 1; k < c; ++k) second = std::max(second, scores[k]);
  *margin = c > 1 ? top - second : std::numeric_limits<int32_t>::max();
  return best;
}

}  // namespace

void TaggerModel::FirstPassRows(size_t n, TaggerScratch& s) const {
  // Rows are weights' stride wide (>= the class count), as GreedyDecode's scores are.
  const size_t w1 = std::max(weights_.stride(), classes_.size());
  if (s.cache_owner != instance_id_ || s.cache_keys.size() != kWordCacheSlots ||
      s.cache_rows.size() != kWordCacheSlots * w1) {
    s.cache_owner = instance_id_;
    s.cache_keys.assign(kWordCacheSlots, 0);  // key 0: empty (word keys are never 0, see below)
    s.cache_rows.assign(kWordCacheSlots * w1, 0);
  }
  constexpr uint32_t kNoSlot = 0xFFFFFFFFu;
  s.word_rows1.resize(n * w1);
  s.pipe_keys.resize(n * (kNumWordFeatures + kNumStaticContextFeatures));
  s.pipe_rows.resize(s.pipe_keys.size());
  s.pipe_word_end.resize(n);
  s.pipe_static_begin.resize(n);
  s.pipe_slot.resize(n);
  // 1. Keys. A word type found in the cache (as it was before this sentence) starts from its cached
  //    word-only sum; any other word looks its word-only features up too, and its sum is written back
  //    to the cache in step 2 (hits have all been copied by then, so the order of writes is safe).
  size_t nk = 0;
  for (size_t i = 0; i < n; ++i) {
    const WordInfo& w = s.words[i];
    int32_t* out = s.word_rows1.data() + i * w1;
    // Everything ExtractWordFeatures reads: the cased form (hence the folded form, affixes and
    // ambiguity class), the shape and the flags.
    uint64_t key = Mix(Mix(Mix(0xCAC4E0ULL, w.cased), w.shape), w.flags) | 1;
    size_t slot = static_cast<size_t>(key >> 52) % kWordCacheSlots;
    if (s.cache_keys[slot] == key) {
      std::memcpy(out, s.cache_rows.data() + slot * w1, w1 * sizeof(int32_t));
      s.pipe_slot[i] = kNoSlot;
    } else {
      std::fill(out, out + w1, 0);
      nk += static_cast<size_t>(ExtractWordFeatures(w, s.pipe_keys.data() + nk));
      s.pipe_slot[i] = static_cast<uint32_t>(slot);
      s.cache_keys[slot] = 0;  // now stale; refilled in step 2
    }
    s.pipe_static_begin[i] = static_cast<uint32_t>(nk);
    nk += static_cast<size_t>(ExtractStaticContextFeatures(s.words.data(), n, i, s.pipe_keys.data() + nk));
    s.pipe_word_end[i] = static_cast<uint32_t>(nk);
  }
  // 2. Lookups, software-pipelined over the whole sentence so that memory latencies overlap: the
  //    index slot of key k is requested kLead keys before it is probed, and its row kLead keys
  //    before it is added.
  constexpr size_t kLead = 32;
  const uint64_t* keys = s.pipe_keys.data();
  uint32_t* rows = s.pipe_rows.data();
  for (size_t k = 0; k < nk && k < kLead; ++k) weights_.PrefetchKey(keys[k]);
  for (size_t k = 0; k < nk && k < kLead; ++k) {
    if (k + kLead < nk) weights_.PrefetchKey(keys[k + kLead]);
    rows[k] = weights_.FindRow(keys[k]);
  }
  size_t k = 0;
  for (size_t i = 0; i < n; ++i) {
    int32_t* out = s.word_rows1.data() + i * w1;
    for (; k < s.pipe_word_end[i]; ++k) {
      const size_t ahead = k + kLead;
      if (ahead < nk) {
        if (ahead + kLead < nk) weights_.PrefetchKey(keys[ahead + kLead]);
        rows[ahead] = weights_.FindRow(keys[ahead]);
      }
      if (k == s.pipe_static_begin[i] && s.pipe_slot[i] != kNoSlot) {
        // The word-only sum is complete: remember it for this word type.
        const WordInfo& w = s.words[i];
        s.cache_keys[s.pipe_slot[i]] = Mix(Mix(Mix(0xCAC4E0ULL, w.cased), w.shape), w.flags) | 1;
        std::memcpy(s.cache_rows.data() + s.pipe_slot[i] * w1, out, w1 * sizeof(int32_t));
      }
      weights_.AddFoundRow(rows[k], out);
    }
  }
}

void TaggerModel::TagSentence(const std::string_view* forms, size_t n, TaggerScratch& s, uint32_t* out) const {
  if (n == 0) return;
  if (s.words.size() < n) s.words.resize(n);
  for (size_t i = 0; i < n; ++i) {
    DescribeWord(forms[i], i == 0, &s.buffer, &s.words[i]);
    s.words[i].ambiguity = Ambiguity(s.words[i].word);
  }
  // Pass 1: the features that do not depend on earlier decisions are summed for the whole sentence
  // first (FirstPassRows); the greedy loop then adds only the tag-history features. Integer sums, so
  // this is exactly GreedyDecode over all features.
  FirstPassRows(n, s);
  const size_t c = classes_.size();
  const size_t w1 = std::max(weights_.stride(), c);
  s.margins.resize(n);
  uint64_t keys[kMaxFeatures];
  uint32_t prev = kStartTag, prev2 = kStartTag;
  for (size_t i = 0; i < n; ++i) {
    int32_t* scores = s.word_rows1.data() + i * w1;
    int nkeys = ExtractTagContextFeatures(s.words.data(), n, i, prev, prev2, keys);
    weights_.ScoreBatch(keys, nkeys, scores);
    out[i] = BestClass(scores, c, &s.margins[i]);
    prev2 = prev;
    prev = classes_[out[i]].history;
  }
  if (!has_second_) return;
  // Pass 2 rescores the words whose first-pass margin is below the skip margin, seeing the first
  // pass's tags of the next two words; the others keep their first-pass class (GreedyDecode's
  // SkipRule, with every feature looked up in one batch per word).
  s.right_tags.resize(n);
  for (size_t i = 0; i < n; ++i) s.right_tags[i] = classes_[out[i]].history;
  bool skipping = false;
  int32_t threshold = 0;
  if (skip_margin_ > 0) {
    // The margin in the first pass's integer units; beyond int32 range means "never skip".
    double t = static_cast<double>(skip_margin_) * weights_.scale();
    threshold = t >= 2e9 ? std::numeric_limits<int32_t>::max() : static_cast<int32_t>(std::lround(t));
    skipping = true;
  }
  const size_t w2 = std::max(second_.stride(), c);
  s.scores.resize(w2);
  prev = prev2 = kStartTag;
  for (size_t i = 0; i < n; ++i) {
    if (!skipping || s.margins[i] < threshold) {
      std::fill(s.scores.begin(), s.scores.end(), 0);
      int nkeys = ExtractFeatures(s.words.data(), n, i, prev, prev2, s.right_tags.data(), keys);
      second_.ScoreBatch(keys, nkeys, s.scores.data());
      int32_t unused;
      out[i] = BestClass(s.scores.data(), c, &unused);
    }
    prev2 = prev;
    prev = classes_[out[i]].history;
  }
}

TaggerModel TaggerModelBuilder::Make(std::vector<TagClass> classes, std::vector<uint64_t> dict_keys,
                                     std::vector<uint32_t> dict_values, FeatsModel feats, WeightTable weights,
                                     Lemmatizer lemmatizer) {
  TaggerModel m;
  m.feats_ = std::move(feats);
  m.classes_ = std::move(classes);
  m.dict_keys_ = std::move(dict_keys);
  m.dict_values_ = std::move(dict_values);
  m.tag_dict_.Build(m.dict_keys_, m.dict_values_);
  m.weights_ = std::move(weights);
  m.lemmatizer_ = std::move(lemmatizer);
  return m;
}

namespace {

bool StartsAsciiUpper(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }
bool StartsAsciiLetter(std::string_view w) {
  return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || (w[0] >= 'a' && w[0] <= 'z'));
}
bool AllCapitals(std::string_view w) {
  for (char c : w)
    if (c >= 'a' && c <= 'z') return false;
  return true;
}

// See TagDocument in the header: a headline in title case.
bool TitleCase(const std::vector<std::string_view>& forms) {
  size_t letters = 0, capitals = 0;
  for (size_t i = 1; i < forms.size(); ++i) {
    if (!StartsAsciiLetter(forms[i])) continue;
    ++letters;
    if (StartsAsciiUpper(forms[i])) ++capitals;
  }
  return letters >= 3 && capitals * 10 >= letters * 7;
}

// Retags a title-case sentence with its capitalised words lower-cased. When the first pass found no finite
// verb, the first word it called a proper noun that the lower-cased pass reads as a finite verb, and that
// the tag dictionary knows, becomes that verb ("Taiwan's Leader Urges China"; not the signature line
// "John Staikos Direct Dial"). Returns the index taken, or n.
size_t RetagTitleCase(const TaggerModel& model, size_t n, TaggerScratch& s) {
  for (size_t i = 0; i < n; ++i)
    if (IsFiniteVerbTag(model.tag_class(s.classes[i]).xpos)) return n;
  s.lowered.resize(n);
  s.lowered_forms.resize(n);
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = s.forms[i];
    s.lowered[i].assign(w);
    if (StartsAsciiUpper(w) && !AllCapitals(w)) s.lowered[i][0] = static_cast<char>(w[0] - 'A' + 'a');
    s.lowered_forms[i] = s.lowered[i];
  }
  s.lowered_classes.resize(n);
  model.TagSentence(s.lowered_forms.data(), n, s, s.lowered_classes.data());
  for (size_t i = 1; i < n; ++i) {
    if (model.tag_class(s.classes[i]).upos != Upos::PROPN) continue;
    const std::string_view xpos = model.tag_class(s.lowered_classes[i]).xpos;
    if (!IsFiniteVerbTag(xpos)) continue;
    // The word, or its lemma as that verb ("urges" -> "urge"), must be one the tag dictionary knows.
    bool known = s.words[i].ambiguity != 0;
    if (!known) {
      model.lemmatizer().Lemmatize(s.lowered_forms[i], xpos, &s.lemma);
      WordInfo lemma_info;
      DescribeWord(s.lemma, false, &s.buffer, &lemma_info);
      known = model.Ambiguity(lemma_info.word) != 0;
    }
    if (!known) continue;
    s.classes[i] = s.lowered_classes[i];
    return i;
  }
  return n;
}

void TagRange(const TaggerModel& model, Document& doc, uint32_t first, uint32_t end, TaggerScratch& s) {
  if (end <= first) return;
  size_t n = end - first;
  s.forms.clear();
  for (uint32_t t = first; t < end; ++t) s.forms.push_back(doc.token(t).norm());
  s.classes.resize(n);
  model.TagSentence(s.forms.data(), n, s, s.classes.data());
  const size_t verb = TitleCase(s.forms) ? RetagTitleCase(model, n, s) : n;
  for (size_t i = 0; i < n; ++i) {
    uint32_t c = s.classes[i];
    const TagClass& tc = model.tag_class(c);
    if (s.xpos_ids[c] == kUnset) s.xpos_ids[c] = doc.Intern(tc.xpos);
    // TagSentence left the word descriptions (of the last pass) in s.words.
    uint32_t f = model.feats().Predict(s.words.data(), s.classes.data(), i);
    if (s.feats_ids[f] == kUnset) s.feats_ids[f] = doc.Intern(model.feats().values()[f]);
    model.lemmatizer().Lemmatize(i == verb ? std::string_view(s.lowered[i]) : s.forms[i], tc.xpos, &s.lemma);
    // Interning may grow the string pool, but views into it stay valid (stable storage).
    StrId lemma = doc.Intern(s.lemma);
    TokenRow& row = doc.mutable_tokens()[first + i];
    row.upos = tc.upos;
    row.xpos = s.xpos_ids[c];
    row.feats = s.feats_ids[f];
    row.lemma = lemma;
  }
}

}  // namespace

void TagDocument(const TaggerModel& model, Document& doc, TaggerScratch& s) {
  // Interned ids are per document: forget the previous document's.
  s.xpos_ids.assign(model.num_classes(), kUnset);
  s.feats_ids.assign(model.feats().values().size(), kUnset);
  if (doc.sentences().empty()) {
    TagRange(model, doc, 0, static_cast<uint32_t>(doc.tokens().size()), s);
    return;
  }
  for (const SentenceRow& sent : doc.sentences()) {
    uint32_t end = std::min<uint32_t>(sent.end_token, static_cast<uint32_t>(doc.tokens().size()));
    TagRange(model, doc, sent.first_token, end, s);
  }
  RepairMissingFiniteVerbs(doc);
  RepairIrregularPastTense(doc);
}

}  // namespace dyad::tag
