#include "tag/tagger_model.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <cmath>
#include <limits>
#include <string>

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

void TaggerModel::WordRows(size_t n, TaggerScratch& s) const {
  // Rows are weights' stride wide (>= the class count), as GreedyDecode's scores are.
  const size_t w1 = std::max(weights_.stride(), classes_.size());
  const size_t w2 = has_second_ ? std::max(second_.stride(), classes_.size()) : 0;
  const size_t slot_width = w1 + w2;
  if (s.cache_owner != instance_id_ || s.cache_keys.size() != kWordCacheSlots ||
      s.cache_rows.size() != kWordCacheSlots * slot_width) {
    s.cache_owner = instance_id_;
    s.cache_keys.assign(kWordCacheSlots, 0);  // key 0: empty (word keys are never 0, see below)
    s.cache_rows.assign(kWordCacheSlots * slot_width, 0);
  }
  s.word_rows1.resize(n * w1);
  s.word_rows2.resize(n * w2);
  uint64_t keys[kNumWordFeatures];
  for (size_t i = 0; i < n; ++i) {
    const WordInfo& w = s.words[i];
    // Everything ExtractWordFeatures reads: the cased form (hence the folded form, affixes and
    // ambiguity class), the shape and the flags.
    uint64_t key = Mix(Mix(Mix(0xCAC4E0ULL, w.cased), w.shape), w.flags) | 1;
    size_t slot = static_cast<size_t>(key >> 52) % kWordCacheSlots;
    int32_t* row = s.cache_rows.data() + slot * slot_width;
    if (s.cache_keys[slot] != key) {
      s.cache_keys[slot] = key;
      std::fill(row, row + slot_width, 0);
      int nkeys = ExtractWordFeatures(w, keys);
      weights_.Score(keys, nkeys, row);
      if (has_second_) second_.Score(keys, nkeys, row + w1);
    }
    std::memcpy(s.word_rows1.data() + i * w1, row, w1 * sizeof(int32_t));
    if (has_second_) std::memcpy(s.word_rows2.data() + i * w2, row + w1, w2 * sizeof(int32_t));
  }
}

void TaggerModel::TagSentence(const std::string_view* forms, size_t n, TaggerScratch& s, uint32_t* out) const {
  if (n == 0) return;
  if (s.words.size() < n) s.words.resize(n);
  for (size_t i = 0; i < n; ++i) {
    DescribeWord(forms[i], i == 0, &s.buffer, &s.words[i]);
    s.words[i].ambiguity = Ambiguity(s.words[i].word);
  }
  WordRows(n, s);
  if (!has_second_) {
    GreedyDecode(weights_, classes_, s.words.data(), n, nullptr, s.scores, out, nullptr, {}, s.word_rows1.data());
    return;
  }
  s.right_tags.resize(n);
  s.margins.resize(n);
  GreedyDecode(weights_, classes_, s.words.data(), n, nullptr, s.scores, out, s.margins.data(), {},
               s.word_rows1.data());
  for (size_t i = 0; i < n; ++i) s.right_tags[i] = classes_[out[i]].history;
  SkipRule skip;
  if (skip_margin_ > 0) {
    // The margin in the first pass's integer units; beyond int32 range means "never skip".
    double t = static_cast<double>(skip_margin_) * weights_.scale();
    skip.threshold = t >= 2e9 ? std::numeric_limits<int32_t>::max() : static_cast<int32_t>(std::lround(t));
    skip.margins = s.margins.data();
  }
  GreedyDecode(second_, classes_, s.words.data(), n, s.right_tags.data(), s.scores, out, nullptr, skip,
               s.word_rows2.data());
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

void TagRange(const TaggerModel& model, Document& doc, uint32_t first, uint32_t end, TaggerScratch& s) {
  if (end <= first) return;
  size_t n = end - first;
  s.forms.clear();
  for (uint32_t t = first; t < end; ++t) s.forms.push_back(doc.token(t).norm());
  s.classes.resize(n);
  model.TagSentence(s.forms.data(), n, s, s.classes.data());
  for (size_t i = 0; i < n; ++i) {
    uint32_t c = s.classes[i];
    const TagClass& tc = model.tag_class(c);
    if (s.xpos_ids[c] == kUnset) s.xpos_ids[c] = doc.Intern(tc.xpos);
    // TagSentence left the word descriptions in s.words.
    uint32_t f = model.feats().Predict(s.words.data(), s.classes.data(), i);
    if (s.feats_ids[f] == kUnset) s.feats_ids[f] = doc.Intern(model.feats().values()[f]);
    model.lemmatizer().Lemmatize(s.forms[i], tc.xpos, &s.lemma);
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
}

}  // namespace dyad::tag
