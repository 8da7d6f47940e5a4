#include "extract/tone.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <fstream>

#include "actors/actor_loader.h"
#include "core/split.h"

namespace dyad::extract {
namespace {

constexpr std::array<std::string_view, 7> kNegators = {"not", "no", "never", "n't", "without", "nor", "neither"};
constexpr uint32_t kNegationWindow = 3;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Result<std::shared_ptr<const ToneLexicon>> ToneLexicon::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  auto lex = std::make_shared<ToneLexicon>();
  std::string line;
  size_t no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || IsBlank(line) || line.starts_with("word\t")) continue;
    auto f = SplitFields(line);
    auto bad = [&](const std::string& why) { return Status::InvalidInput(path + ":" + std::to_string(no) + ": " + why); };
    if (f.size() < 2 || f[0].empty()) return bad("expected word and weight");
    std::string w(f[1]);
    char* end = nullptr;
    double weight = std::strtod(w.c_str(), &end);
    if (end == w.c_str() || *end != '\0' || weight == 0 || weight < -5 || weight > 5) return bad("bad weight '" + w + "'");
    if (!lex->weights_.emplace(Lower(f[0]), weight).second) return bad("'" + std::string(f[0]) + "' twice");
  }
  return std::shared_ptr<const ToneLexicon>(std::move(lex));
}

const ToneLexicon& ToneLexicon::Default() {
  static const std::shared_ptr<const ToneLexicon> lexicon = [] {
    auto loaded = Load(actors::DefaultDataDir() + "/tone/lexicon.tsv");
    return loaded.ok() ? *loaded : std::make_shared<const ToneLexicon>();
  }();
  return *lexicon;
}

double ToneLexicon::Weight(std::string_view word) const {
  auto it = weights_.find(word);
  return it == weights_.end() ? 0 : it->second;
}

Tone ComputeTone(const Document& doc, const ToneLexicon& lexicon) {
  Tone t;
  double pos = 0, neg = 0;
  for (const SentenceRow& s : doc.sentences()) {
    if (s.kind != Furniture::kBody) continue;
    uint32_t last_negator = UINT32_MAX;
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      std::string_view text = doc.token(i).text();
      if (text.empty() || !std::isalpha(static_cast<unsigned char>(text[0]))) continue;
      ++t.words;
      std::string form = Lower(text);
      if (std::find(kNegators.begin(), kNegators.end(), form) != kNegators.end()) {
        last_negator = t.words;
        continue;
      }
      double w = lexicon.Weight(Lower(doc.token(i).lemma()));
      if (w == 0) w = lexicon.Weight(form);
      if (w == 0) continue;
      if (last_negator != UINT32_MAX && t.words - last_negator <= kNegationWindow) w = -w;
      if (w > 0) {
        pos += w;
        ++t.positive_words;
      } else {
        neg -= w;
        ++t.negative_words;
      }
    }
  }
  if (t.words == 0) return t;
  t.positive = 100 * pos / t.words;
  t.negative = 100 * neg / t.words;
  t.tone = t.positive - t.negative;
  t.polarity = t.positive + t.negative;
  return t;
}

Tone ComputeTone(const Document& doc) { return ComputeTone(doc, ToneLexicon::Default()); }

}  // namespace dyad::extract
