// TaggerModel: everything the tagger needs at run time, and its model-file format.
//
// The tagger is a greedy left-to-right averaged perceptron over hashed sparse features
// (tag_features.h). Each class is a whole (UPOS, XPOS, FEATS) triple seen often enough in training,
// so one decision gives all three columns; the tag-history features see only the (UPOS, XPOS) part
// of earlier decisions. With a second pass, a first greedy pass tags the sentence and a second one
// decides again seeing the first pass's tags of the next two words too (right context that a
// left-to-right decoder otherwise lacks). Lemmas come from the Lemmatizer given form and XPOS.
//
// Model file: src/core/model_file.h container, kind "tagger", format version kTaggerFormatVersion.
// Payload v1 (DO NOT CHANGE without bumping the version):
//   u32 class count; per class: u32 upos, str xpos, str feats, u32 history id
//   array<u64> tag-dictionary word keys, array<u32> their ambiguity classes
//   WeightTable of the first pass (array<u64> keys, array<u32> row offsets,
//     array<{f32 weight, u32 class}> cells, array<u64> dense keys, array<f32> dense rows)
//   u32 has_second_pass; WeightTable of the second pass when 1
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

inline constexpr uint32_t kTaggerFormatVersion = 1;
inline constexpr char kTaggerFeatureSet[] = "tagger-v1: word,affix1-4/1-3,shape,flags,words+-2,tags-2,ambiguity0..2";

struct TagClass {
  Upos upos = Upos::kNone;
  std::string xpos;
  std::string feats;
  uint32_t history = 0;  // id of the (UPOS, XPOS) pair, what later decisions see
};

// Per-thread working memory of TagSentence (grows to the longest sentence seen, then reused).
struct TaggerScratch {
  std::vector<WordInfo> words;
  std::vector<int32_t> scores;
  std::string buffer;
  // TagDocument's own: the sentence's forms and classes, per-class interned ids for this document.
  std::vector<std::string_view> forms;
  std::vector<uint32_t> classes;
  std::vector<StrId> xpos_ids, feats_ids;
  std::string lemma;
  std::vector<uint32_t> first_pass, right_tags;  // two-pass decoding
};

// Greedy left-to-right decoding of one sentence with one weight table: out[i] = class of word i.
// right_tags: tag-history ids from an earlier pass (nullptr for a first pass). scores is scratch.
void GreedyDecode(const WeightTable& weights, const std::vector<TagClass>& classes, const WordInfo* words,
                  size_t n, const uint32_t* right_tags, std::vector<int32_t>& scores, uint32_t* out);

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

  std::vector<TagClass> classes_;
  std::vector<uint64_t> dict_keys_;
  std::vector<uint32_t> dict_values_;
  FlatTable64 tag_dict_;
  WeightTable weights_;
  WeightTable second_;
  bool has_second_ = false;
  Lemmatizer lemmatizer_;
};

// Assembles a TaggerModel from trained parts (used by the trainer).
class TaggerModelBuilder {
 public:
  static TaggerModel Make(std::vector<TagClass> classes, std::vector<uint64_t> dict_keys,
                          std::vector<uint32_t> dict_values, WeightTable weights, Lemmatizer lemmatizer);
  // Replaces the weights of an existing model (the trainer re-freezes them every epoch).
  static void SetWeights(TaggerModel& m, WeightTable weights) { m.weights_ = std::move(weights); }
  static void SetSecondPass(TaggerModel& m, WeightTable weights) {
    m.second_ = std::move(weights);
    m.has_second_ = true;
  }
};

// Tags every sentence of doc and writes UPOS, XPOS, FEATS and LEMMA into its token rows,
// overwriting what was there (a document without sentences is tagged as one sequence). Interns
// strings in doc.
// Shared by the Stage and by code that tags with an in-memory model (trainer, evaluation).
void TagDocument(const TaggerModel& model, Document& doc, TaggerScratch& scratch);

}  // namespace dyad::tag
