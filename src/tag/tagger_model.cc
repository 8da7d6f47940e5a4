#include "tag/tagger_model.h"

#include <algorithm>

namespace dyad::tag {
namespace {

constexpr uint32_t kMaxClasses = 4096;
constexpr StrId kUnset = 0xFFFFFFFFu;  // a per-class string not interned in this document yet

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

Result<TaggerModel> TaggerModel::FromReader(ModelReader& r) {
  TaggerModel m;
  uint32_t n = 0;
  if (!r.U32(&n) || n == 0 || n > kMaxClasses) return Status::Corrupt("tagger: bad class count");
  m.classes_.resize(n);
  for (TagClass& c : m.classes_) {
    uint32_t upos = 0;
    if (!r.U32(&upos) || !r.Str(&c.xpos, 64) || !r.Str(&c.feats, 1024) || !r.U32(&c.history))
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
  DYAD_RETURN_IF_ERROR(m.weights_.Load(r, n));
  uint32_t has_second = 0;
  if (!r.U32(&has_second) || has_second > 1) return Status::Corrupt("tagger: bad second-pass flag");
  m.has_second_ = has_second == 1;
  if (m.has_second_) DYAD_RETURN_IF_ERROR(m.second_.Load(r, n));
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
    w.Str(c.feats);
    w.U32(c.history);
  }
  w.Array(dict_keys_);
  w.Array(dict_values_);
  weights_.Save(w);
  w.U32(has_second_ ? 1 : 0);
  if (has_second_) second_.Save(w);
  lemmatizer_.Save(w);
  return w.WriteFile(path);
}

void GreedyDecode(const WeightTable& weights, const std::vector<TagClass>& classes, const WordInfo* words,
                  size_t n, const uint32_t* right_tags, std::vector<int32_t>& scores, uint32_t* out) {
  const size_t c = classes.size();
  const size_t width = std::max(weights.stride(), c);
  scores.resize(width);
  uint32_t prev = kStartTag, prev2 = kStartTag;
  uint64_t keys[kMaxFeatures];
  for (size_t i = 0; i < n; ++i) {
    int nkeys = ExtractFeatures(words, n, i, prev, prev2, right_tags, keys);
    std::fill(scores.begin(), scores.end(), 0);
    weights.Score(keys, nkeys, scores.data());
    uint32_t best = 0;
    for (uint32_t k = 1; k < c; ++k)
      if (scores[k] > scores[best]) best = k;
    out[i] = best;
    prev2 = prev;
    prev = classes[best].history;
  }
}

void TaggerModel::TagSentence(const std::string_view* forms, size_t n, TaggerScratch& s, uint32_t* out) const {
  if (n == 0) return;
  if (s.words.size() < n) s.words.resize(n);
  for (size_t i = 0; i < n; ++i) {
    DescribeWord(forms[i], i == 0, &s.buffer, &s.words[i]);
    s.words[i].ambiguity = Ambiguity(s.words[i].word);
  }
  if (!has_second_) {
    GreedyDecode(weights_, classes_, s.words.data(), n, nullptr, s.scores, out);
    return;
  }
  s.first_pass.resize(n);
  s.right_tags.resize(n);
  GreedyDecode(weights_, classes_, s.words.data(), n, nullptr, s.scores, s.first_pass.data());
  for (size_t i = 0; i < n; ++i) s.right_tags[i] = classes_[s.first_pass[i]].history;
  GreedyDecode(second_, classes_, s.words.data(), n, s.right_tags.data(), s.scores, out);
}

TaggerModel TaggerModelBuilder::Make(std::vector<TagClass> classes, std::vector<uint64_t> dict_keys,
                                     std::vector<uint32_t> dict_values, WeightTable weights, Lemmatizer lemmatizer) {
  TaggerModel m;
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
    if (s.feats_ids[c] == kUnset) s.feats_ids[c] = doc.Intern(tc.feats);
    model.lemmatizer().Lemmatize(s.forms[i], tc.xpos, &s.lemma);
    // Interning may grow the string pool, but views into it stay valid (stable storage).
    StrId lemma = doc.Intern(s.lemma);
    TokenRow& row = doc.mutable_tokens()[first + i];
    row.upos = tc.upos;
    row.xpos = s.xpos_ids[c];
    row.feats = s.feats_ids[c];
    row.lemma = lemma;
  }
}

}  // namespace

void TagDocument(const TaggerModel& model, Document& doc, TaggerScratch& s) {
  // Interned ids are per document: forget the previous document's.
  s.xpos_ids.assign(model.num_classes(), kUnset);
  s.feats_ids.assign(model.num_classes(), kUnset);
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
