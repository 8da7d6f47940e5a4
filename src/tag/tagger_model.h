// TaggerModel: everything the tagger needs at run time, and its model-file format.
//
// The tagger is a greedy left-to-right averaged perceptron over hashed sparse features
// (tag_features.h). Each class is a (UPOS, XPOS) pair (~50 classes: a small class set keeps the
// weight rows short, which is what tagging speed depends on). FEATS come afterwards from a backoff
// table learned from training data (FeatsModel below). With a second pass, a first greedy pass tags
// the sentence and a second one decides again seeing the first pass's tags of the next two words too
// (right context that a left-to-right decoder otherwise lacks); words whose first-pass decision won
// by a wide margin keep it and skip the second pass. Lemmas come from the Lemmatizer given form and
// XPOS.
//
// Model file: src/core/model_file.h container, kind "tagger", format version kTaggerFormatVersion.
// Payload v2 (DO NOT CHANGE without bumping the version; v1 files are refused as Unsupported):
//   u32 class count; per class: u32 upos, str xpos, u32 history id
//   array<u64> tag-dictionary word keys, array<u32> their ambiguity classes
//   FeatsModel: u32 value count, str per value; array<u64> keys, array<u32> value index
//   WeightTable of the first pass (f32 scale, array<u64> keys, array<u32> row offsets,
//     array<{i16 weight, u16 class}> cells, array<u64> dense keys, array<i16> dense rows)
//   u32 has_second_pass; when 1: f32 skip margin, WeightTable of the second pass
//   Lemmatizer (see lemmatizer.cc Save)
// Loading fails closed (Corrupt / Unsupported / NotFound with the path), never crashes.
//
// Thread-safety: const after loading; TagSentence keeps its working memory in a caller-owned
// TaggerScratch (one per thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "tag/flat_table.h"
#include "tag/lemmatizer.h"
#include "tag/perceptron.h"
#include "tag/tag_features.h"

namespace dyad::tag {

inline constexpr uint32_t kTaggerFormatVersion = 2;
inline constexpr char kTaggerFeatureSet[] =
    "tagger-v2: (UPOS,XPOS) classes; word,affix1-4/1-3,shape,flags,words+-2,tags-2,ambiguity0..2; feats backoff";

struct TagClass {
  Upos upos = Upos::kNone;
  std::string xpos;
  uint32_t history = 0;  // id of the (UPOS, XPOS) pair, what later decisions see
};

// FEATS given the predicted classes: the most frequent FEATS in training for, most specific first,
//   1. (class, word, previous word)      "are" after "you" vs after "they"
//   2. (class, word, previous class)     "given" after a form of "be" (Voice=Pass)
//   3. (class, word)
//   4. (class, previous class)           unknown words: VBN after "be", VB at sentence start
//   5. (class)                           NNS -> Number=Plur, VBD -> Mood=Ind|Tense=Past|VerbForm=Fin
// Levels 1, 2 and 4 keep only entries seen at least twice whose answer differs from the next level's,
// so the table is small and a rare context never overrides a well-attested answer. "word" is the
// folded form's hash (WordInfo::word).
class FeatsModel {
 public:
  enum Level : uint64_t { kWordPrevWord = 0xFEA7001, kWordPrevClass, kWord, kPrevClass, kClass };
  static uint64_t Key(Level level, uint32_t cls, uint64_t word, uint64_t context) {
    return Mix(Mix(Mix(level, cls), word), context);
  }
  // Index into values() of the FEATS of word i given classes[0..i].
  uint32_t Predict(const WordInfo* words, const uint32_t* classes, size_t i) const;
  const std::vector<std::string>& values() const { return values_; }

  void Save(ModelWriter& w) const;
  Status Load(ModelReader& r, uint32_t num_classes);
  // keys[k] -> values[value_index[k]]; every class needs its kClass entry.
  static FeatsModel Make(std::vector<std::string> values, std::vector<uint64_t> keys, std::vector<uint32_t> value_index);
  size_t entries() const { return keys_.size(); }

 private:
  uint32_t Find(uint64_t key) const { return table_.Find(key); }
  std::vector<std::string> values_;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> value_index_;
  FlatTable64 table_;
};

// Per-thread working memory of TagSentence (grows to the longest sentence seen, then reused).
struct TaggerScratch {
  std::vector<WordInfo> words;
  std::vector<int32_t> scores;
  std::string buffer;
  // TagDocument's own: the sentence's forms and classes, per-class interned ids for this document.
  std::vector<std::string_view> forms;
  std::vector<uint32_t> classes;
  std::vector<StrId> xpos_ids, feats_ids;  // per class / per FEATS value
  std::string lemma;
  // Title-case sentences ("Chinese President Meets With Castro") are tagged a second time with their
  // capitalised words lower-cased (TagDocument); these hold that pass.
  std::vector<std::string> lowered;
  std::vector<std::string_view> lowered_forms;
  std::vector<uint32_t> lowered_classes;
  std::vector<uint32_t> first_pass, right_tags;  // two-pass decoding
  std::vector<int32_t> margins;                   // first-pass score margins
  // Per word type, the summed first-pass weights of its word-only features (ExtractWordFeatures):
  // a direct-mapped cache, valid for the model whose instance id is cache_owner.
  uint64_t cache_owner = 0;
  std::vector<uint64_t> cache_keys;
  std::vector<int32_t> cache_rows;  // per slot: one first-pass row
  std::vector<int32_t> word_rows1;  // this sentence's first-pass scores, n * stride
  // FirstPassRows's lookup pipeline: every key of the sentence, the row it found, and per word the
  // end of its keys and of its word-only keys (those of a word type missing from the cache).
  std::vector<uint64_t> pipe_keys;
  std::vector<uint32_t> pipe_rows;
  std::vector<uint32_t> pipe_word_end, pipe_static_begin;
  std::vector<uint32_t> pipe_slot;  // cache slot to fill from a word (kNoSlot: a cache hit)
};

// Greedy left-to-right decoding of one sentence with one weight table: out[i] = class of word i.
// right_tags: tag-history ids from an earlier pass (nullptr for a first pass). scores is scratch.
// margins (may be null): margins[i] = best score minus second-best score of word i.
// skip: words whose earlier-pass margin is >= skip.threshold (when skip.margins is set) are not
// rescored; out[i] must already hold their class.
struct SkipRule {
  const int32_t* margins = nullptr;  // the earlier pass's margins
  int32_t threshold = 0;
};
// word_rows (may be null): n rows of weights.stride() partial scores of the word-only features;
// then only the context features are looked up.
void GreedyDecode(const WeightTable& weights, const std::vector<TagClass>& classes, const WordInfo* words,
                  size_t n, const uint32_t* right_tags, std::vector<int32_t>& scores, uint32_t* out,
                  int32_t* margins = nullptr, SkipRule skip = {}, const int32_t* word_rows = nullptr);

class TaggerModel {
 public:
  // Reads a model file written by Save. Errors name the path.
  static Result<TaggerModel> Load(const std::string& path);
  // Same from bytes in memory (tests, fuzzing).
  static Result<TaggerModel> FromBytes(std::string bytes);
  Status Save(const std::string& path, const std::string& training_data) const;

  // Predicts a class for each of forms[0..n) into out[0..n). Bounded: linear in n.
  void TagSentence(const std::string_view* forms, size_t n, TaggerScratch& scratch, uint32_t* out) const;

  size_t num_classes() const { return classes_.size(); }
  const TagClass& tag_class(uint32_t c) const { return classes_[c]; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  const FeatsModel& feats() const { return feats_; }
  // Second pass is skipped for words whose first-pass margin is at least this (float weight units;
  // <= 0: never skipped).
  float skip_margin() const { return skip_margin_; }
  const WeightTable& weights() const { return weights_; }
  const WeightTable& second_pass() const { return second_; }
  bool has_second_pass() const { return has_second_; }
  const std::vector<TagClass>& classes() const { return classes_; }
  // Ambiguity class of a word hash (0 when the word is not in the tag dictionary).
  uint32_t Ambiguity(uint64_t word_hash) const {
    uint32_t a = tag_dict_.Find(word_hash);
    return a == FlatTable64::kMissing ? 0 : a;
  }

 private:
  friend class TaggerModelBuilder;
  static Result<TaggerModel> FromReader(ModelReader& r);
  // Fills scratch.word_rows1 for words[0..n): the first-pass sums of the word-only features
  // (through the scratch's word cache) and of the static context features.
  void FirstPassRows(size_t n, TaggerScratch& s) const;
  static uint64_t NewInstanceId();

  uint64_t instance_id_ = NewInstanceId();  // changes whenever the weights do (cache validity)
  std::vector<TagClass> classes_;
  std::vector<uint64_t> dict_keys_;
  std::vector<uint32_t> dict_values_;
  FlatTable64 tag_dict_;
  WeightTable weights_;
  WeightTable second_;
  bool has_second_ = false;
  float skip_margin_ = 0;
  FeatsModel feats_;
  Lemmatizer lemmatizer_;
};

// Assembles a TaggerModel from trained parts (used by the trainer).
class TaggerModelBuilder {
 public:
  static TaggerModel Make(std::vector<TagClass> classes, std::vector<uint64_t> dict_keys,
                          std::vector<uint32_t> dict_values, FeatsModel feats, WeightTable weights,
                          Lemmatizer lemmatizer);
  // Replaces the weights of an existing model (the trainer re-freezes them every epoch).
  static void SetWeights(TaggerModel& m, WeightTable weights) {
    m.weights_ = std::move(weights);
    m.instance_id_ = TaggerModel::NewInstanceId();
  }
  static void SetSecondPass(TaggerModel& m, WeightTable weights) {
    m.second_ = std::move(weights);
    m.has_second_ = true;
    m.instance_id_ = TaggerModel::NewInstanceId();
  }
  static void SetSkipMargin(TaggerModel& m, float margin) { m.skip_margin_ = margin; }
  static void SetFeats(TaggerModel& m, FeatsModel feats) { m.feats_ = std::move(feats); }
};

// Tags every sentence of doc and writes UPOS, XPOS, FEATS and LEMMA into its token rows,
// overwriting what was there (a document without sentences is tagged as one sequence). Interns
// strings in doc.
// Shared by the Stage and by code that tags with an in-memory model (trainer, evaluation).
// Title-case sentences (headlines: at least three words after the first start with a letter, and 70%
// of them with a capital) with no finite verb are tagged once more with every capitalised word that is
// not all capitals lower-cased; the first word the first pass called PROPN that this pass reads as a
// finite verb (and that the tag dictionary knows) takes that tag: "Taiwan's Leader Urges China" reads
// Urges as a verb, while China stays a name. Then RepairMissingFiniteVerbs (finite_verb.h) runs over the
// document, so the trainer's jackknifed tags and run-time tags get the same repairs.
void TagDocument(const TaggerModel& model, Document& doc, TaggerScratch& scratch);

}  // namespace dyad::tag
