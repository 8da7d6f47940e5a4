// Lemmatizer: English lemmas from (form, XPOS), learned from the UD LEMMA column.
//
// A lemma is produced as an edit of the form: a case change (lower-case it, keep it, or lower-case it
// and capitalise the first letter), then strip N trailing bytes and append a string ("running" ->
// lower, strip 4, append "n"). Sources are consulted in order:
//   1. the exact tables: (form, XPOS), then (lower-cased form, XPOS) -> the edit seen most often in
//      training;
//   2. the project's own list of English irregulars (IrregularLemma: went -> go, men -> man,
//      better/JJR -> good ...), for forms the training data never showed with that XPOS;
//   3. numbers written with digit-group commas lose them ("6,363,217" -> "6363217"), as in EWT;
//   4. suffix rules learned per (XPOS, case pattern, suffix of up to kMaxRuleSuffix bytes): the
//      longest matching suffix wins (NNS "-ies" -> "-y", VBG "-ing" -> "", NNP keeps its form).
// Case follows EWT: common words are lower-cased, proper nouns and "I" keep their form.
//
// Thread-safety: const after Build()/Load(); Lemmatize() writes only to the caller's string.
#pragma once

#include <cstdint>
#include <map>
#include <tuple>
#include <string>
#include <string_view>
#include <vector>

#include "core/model_file.h"
#include "dyad/status.h"
#include "tag/flat_table.h"

namespace dyad::tag {

inline constexpr int kMaxRuleSuffix = 6;

// DO NOT CHANGE the values: model files store them.
enum class LemmaCase : uint8_t { kLower = 0, kKeep = 1, kTitle = 2 };

struct LemmaEdit {
  LemmaCase case_mode = LemmaCase::kLower;
  uint8_t strip = 0;  // bytes removed from the end
  std::string append;
  bool operator<(const LemmaEdit& o) const {
    return std::tie(case_mode, strip, append) < std::tie(o.case_mode, o.strip, o.append);
  }
  bool operator==(const LemmaEdit& o) const {
    return case_mode == o.case_mode && strip == o.strip && append == o.append;
  }
};

// The edit that turns form into lemma (prefers lower-casing, then keeping, then title case).
LemmaEdit EditFor(std::string_view form, std::string_view lemma);

// The hand-written English irregulars. lower_form must be ASCII lower-case. Returns false when the
// (form, XPOS) pair is not an irregular the list knows.
bool IrregularLemma(std::string_view lower_form, std::string_view xpos, std::string_view* lemma);

class Lemmatizer {
 public:
  // Writes the lemma of form (with XPOS xpos) to *out (replacing its contents).
  void Lemmatize(std::string_view form, std::string_view xpos, std::string* out) const;

  void Save(ModelWriter& w) const;
  // Reads what Save wrote; Corrupt when the payload is inconsistent.
  Status Load(ModelReader& r);

  size_t table_size() const { return exact_keys_.size() + table_keys_.size(); }
  size_t rule_count() const { return rule_keys_.size(); }

 private:
  friend class LemmatizerBuilder;
  bool Apply(const LemmaEdit& e, std::string_view form, std::string_view lower, std::string* out) const;
  void BuildIndexes();

  std::vector<LemmaEdit> edits_;
  std::vector<uint64_t> exact_keys_, table_keys_, rule_keys_;
  std::vector<uint32_t> exact_edits_, table_edits_, rule_edits_;
  FlatTable64 exact_, table_, rules_;
};

// Collects (form, XPOS, lemma) triples and builds a Lemmatizer.
class LemmatizerBuilder {
 public:
  void Add(std::string_view form, std::string_view xpos, std::string_view lemma);
  // min_rule_count: a suffix rule needs this many training tokens behind it.
  Lemmatizer Build(int min_rule_count = 2) const;

 private:
  std::map<uint64_t, std::map<LemmaEdit, int>> exact_counts_, table_counts_;
  std::map<uint64_t, uint64_t> exact_to_table_;  // exact-form key -> its lower-cased key
  std::map<uint64_t, std::map<LemmaEdit, int>> rule_counts_;
  std::map<uint64_t, uint64_t> rule_parent_;  // rule key -> key of the one-byte-shorter suffix
  std::map<uint64_t, int> rule_length_;       // rule key -> suffix length
};

}  // namespace dyad::tag
