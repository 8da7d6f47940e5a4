// Document tone in GDELT's manner: how positive and how negative an article's words are.
//
// Words are the body's word tokens (furniture and punctuation left out), compared by lemma (lower
// case) and, failing that, by lower-case form, with data/tone/lexicon.tsv (dyad's own list: word and
// weight, negative for bad news). A negator (not, no, never, n't, without) up to three words before a
// tone word flips it ("did not condemn"). Scores are per 100 words, weighted:
//   positive = 100 * sum of positive weights / words      negative = 100 * sum of |negative weights| / words
//   tone = positive - negative (GDELT's Tone)              polarity = positive + negative
// Thread-safety: a loaded ToneLexicon is immutable; ComputeTone is a pure function.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/string_hash.h"
#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::extract {

struct Tone {
  double tone = 0;      // positive - negative, per 100 words
  double positive = 0;  // weighted positive words per 100 words
  double negative = 0;  // weighted negative words per 100 words (as a positive number)
  double polarity = 0;  // positive + negative
  uint32_t words = 0, positive_words = 0, negative_words = 0;
};

class ToneLexicon {
 public:
  // Reads "word<TAB>weight" lines (# comments, a "word" header). InvalidInput "file:line: ..." on a bad
  // line (no weight, weight 0 or outside -5..5, a word twice).
  static Result<std::shared_ptr<const ToneLexicon>> Load(const std::string& path);
  // dyad's lexicon (data/tone/lexicon.tsv under the data folder), loaded once; an empty lexicon when
  // it cannot be read (then every tone is 0).
  static const ToneLexicon& Default();

  double Weight(std::string_view word) const;  // 0 when not a tone word
  size_t size() const { return weights_.size(); }

 private:
  StringMap<double> weights_;
};

Tone ComputeTone(const Document& doc, const ToneLexicon& lexicon);
Tone ComputeTone(const Document& doc);  // with ToneLexicon::Default()

}  // namespace dyad::extract
