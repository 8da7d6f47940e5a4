#include "parse/parser_model.h"

#include <fstream>

#include "parse/beam_search.h"
#include "parse/hashing.h"

namespace dyad::parse {
namespace {

constexpr uint32_t kMaxLabels = 250;

Result<ParserModel> ReadPayload(ModelReader& r) {
  if (r.header().format_version != kParserFormatVersion)
    return Status::Unsupported("parser model format version " + std::to_string(r.header().format_version) +
                               " is older than this build reads (" + std::to_string(kParserFormatVersion) +
                               "); retrain it with `dyad train parser`");
  ParserModel m;
  uint32_t count;
  if (!r.U32(&count) || count == 0 || count > kMaxLabels) return Status::Corrupt("parser label list is damaged");
  m.labels.resize(count);
  for (auto& l : m.labels)
    if (!r.Str(&l, 256)) return Status::Corrupt("parser label list is truncated");
  uint32_t root;
  if (!r.U32(&root) || root >= count) return Status::Corrupt("parser root label is out of range");
  m.root_label = static_cast<int>(root);
  auto moves = PackedLinear::Read(r);
  if (!moves.ok()) return moves.status();
  auto labels = PackedLinear::Read(r);
  if (!labels.ok()) return labels.status();
  if (moves->num_classes() != kNumMoves || labels->num_classes() != static_cast<int>(count))
    return Status::Corrupt("parser weight tables do not match the transition system and labels");
  m.moves = std::move(moves).value();
  m.arc_labels = std::move(labels).value();
  DYAD_RETURN_IF_ERROR(r.Finish());
  return m;
}

// Last three bytes, lower-cased, plus whether the word starts upper case / has a digit.
uint64_t WordShape(std::string_view form) {
  std::string_view tail = form.size() > 3 ? form.substr(form.size() - 3) : form;
  uint64_t flags = 0;
  if (!form.empty() && form[0] >= 'A' && form[0] <= 'Z') flags |= 1;
  for (char c : form)
    if (c >= '0' && c <= '9') flags |= 2;
  return Mix64(HashWord(tail) + flags);
}

}  // namespace

Status ParserModel::Save(const std::string& path, const std::string& training_data) const {
  ModelWriter w({"parser", kParserFormatVersion, training_data, std::string(kParserFeatureSet)});
  w.U32(static_cast<uint32_t>(labels.size()));
  for (const auto& l : labels) w.Str(l);
  w.U32(static_cast<uint32_t>(root_label));
  moves.Write(w);
  arc_labels.Write(w);
  return w.WriteFile(path);
}

Result<ParserModel> ParserModel::Load(const std::string& path) {
  // One sized read (not a growing stream copy): the file is ~20 MB and load time is a bar.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::NotFound("cannot open model " + path);
  const std::streamoff size = in.tellg();
  if (size < 0) return Status::Corrupt(path + ": cannot read the model file");
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return Status::Corrupt(path + ": cannot read the model file");
  auto r = ModelReader::FromBytes(std::move(bytes), "parser", kParserFormatVersion);
  if (!r.ok()) return Status(r.status().code(), path + ": " + r.status().message());
  auto m = ReadPayload(*r);
  if (!m.ok()) return Status(m.status().code(), path + ": " + m.status().message());
  return m;
}

Result<ParserModel> ParserModel::FromBytes(std::string bytes) {
  auto r = ModelReader::FromBytes(std::move(bytes), "parser", kParserFormatVersion);
  if (!r.ok()) return r.status();
  return ReadPayload(*r);
}

template <class State>
int ParserModel::PredictLabel(const State& s, const SentenceAttrs& a, int head, int dep) const {
  if (head == 0) return root_label;
  uint64_t keys[kMaxLabelFeatures];
  int n = ExtractLabelFeatures(s, a, head, dep, keys);
  int32_t scores[kMaxLabels] = {};
  arc_labels.Score(keys, n, scores);
  int best = -1;
  for (int c = 0; c < static_cast<int>(labels.size()); ++c)
    if (c != root_label && (best < 0 || scores[c] > scores[best])) best = c;
  return best < 0 ? root_label : best;
}

template int ParserModel::PredictLabel<ParseState>(const ParseState&, const SentenceAttrs&, int, int) const;
template int ParserModel::PredictLabel<BeamView>(const BeamView&, const SentenceAttrs&, int, int) const;

void ParserModel::Parse(const SentenceAttrs& a, ParseState& state) const {
  state.Reset(a.n);
  uint64_t keys[kMaxMoveFeatures];
  while (!state.Terminal()) {  // exactly 2n iterations
    int legal = 0, only = -1;
    for (int m = 0; m < kNumMoves; ++m)
      if (state.Legal(static_cast<Move>(m))) ++legal, only = m;
    int best = -1;
    if (legal == 1) {
      best = only;  // forced (first SHIFT, RIGHTs once the buffer is empty): scores cannot matter
    } else {
      int n = ExtractMoveFeatures(state, a, keys);
      int32_t scores[kNumMoves] = {0, 0, 0};
      moves.Score(keys, n, scores);
      for (int m = 0; m < kNumMoves; ++m)
        if (state.Legal(static_cast<Move>(m)) && (best < 0 || scores[m] > scores[best])) best = m;
    }
    auto move = static_cast<Move>(best);
    int label = -1;
    if (move != kShift) label = PredictLabel(state, a, state.Head(move), state.Dependent(move));
    state.Apply(move, label);
  }
}

void FillSentenceAttrs(const Document& doc, uint32_t sentence, std::vector<WordAttrs>* out) {
  const SentenceRow& s = doc.sentences()[sentence];
  out->resize(s.end_token - s.first_token + 1);
  (*out)[0] = RootAttrs();
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    Token tok = doc.token(t);
    WordAttrs& w = (*out)[t - s.first_token + 1];
    w.word = HashWord(tok.norm());
    w.lemma = HashBytes(tok.lemma());
    w.xpos = HashBytes(tok.xpos());
    w.feats = HashBytes(tok.feats());
    w.upos = static_cast<uint32_t>(tok.upos());
    w.word_upos = Mix64(w.word + w.upos);
    w.shape = WordShape(tok.norm());
  }
}

}  // namespace dyad::parse
