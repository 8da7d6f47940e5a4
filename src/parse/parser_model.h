// ParserModel: the trained parser (label vocabulary, move classifier, arc-label classifier), its model
// file, and greedy parsing of one sentence.
//
// Model file: kind "parser", format version kParserFormatVersion, payload:
//   u32 label count, then each label (str); u32 root label index;
//   move table (PackedLinear, 3 classes); label table (PackedLinear, one class per label).
// Loading fails closed (Corrupt/Unsupported) on anything it does not understand.
//
// Parsing is greedy arc-hybrid: at each state the highest-scoring legal move; when a move makes an arc,
// the label classifier names it ("root" for the arc from the root, never elsewhere).
// Thread-safety: a loaded ParserModel is immutable and shared; each thread brings its own ParseState.
#pragma once

#include <string>
#include <vector>

#include "core/model_file.h"
#include "dyad/document.h"
#include "dyad/status.h"
#include "parse/features.h"
#include "parse/linear_model.h"
#include "parse/transition_system.h"

namespace dyad::parse {

// 2: weight tables stored as laid out in memory (occupancy bitmap + slots), loaded without hashing.
// Only this exact version is read: older files are refused (Unsupported) and must be retrained.
inline constexpr uint32_t kParserFormatVersion = 2;

struct ParserModel {
  std::vector<std::string> labels;
  int root_label = 0;
  PackedLinear moves;
  PackedLinear arc_labels;

  Status Save(const std::string& path, const std::string& training_data) const;
  static Result<ParserModel> Load(const std::string& path);
  static Result<ParserModel> FromBytes(std::string bytes);  // tests and fuzzers

  // Greedy parse of the words in attrs; afterwards state.word(w).head / .label hold the tree
  // (head 0 = root). Linear in a.n; allocates only when the state grows.
  void Parse(const SentenceAttrs& a, ParseState& state) const;
  // The best label for head -> dep given the state (root_label when head is 0).
  // The best non-root label for head -> dep in a greedy state or a beam item's view (BeamView).
  template <class State>
  int PredictLabel(const State& s, const SentenceAttrs& a, int head, int dep) const;
};

// Hashes the attributes of sentence `sentence` of doc into out (out[0] = root, out[1..n] = words).
void FillSentenceAttrs(const Document& doc, uint32_t sentence, std::vector<WordAttrs>* out);

}  // namespace dyad::parse
