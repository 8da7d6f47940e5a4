// UD evaluation from raw text, in the manner of the CoNLL 2018 shared task (conll18_ud_eval.py).
//
// Two Documents over the same characters — a gold one (from ReadConllu) and a system one (from running
// stages on raw text) — may differ in whitespace only: everything here works in "stripped character"
// coordinates, i.e. code point offsets into the text with all whitespace removed, so a token's
// position does not depend on how the two texts were spaced.
//
//   Tokens     surface tokens (a multiword token such as "don't" counts once) matched by span;
//   Words      syntactic words, aligned as conll18_ud_eval.py does: by span outside multiword tokens,
//              and by longest common subsequence of lower-cased forms inside a region of overlapping
//              multiword tokens;
//   Sentences  sentence spans.
//
// AlignWords() exposes the word alignment (gold word index -> system word index or -1) so other
// evaluations (UPOS, LAS on aligned words: `dyad eval parse --raw`) reuse it. A word is a token row
// of the Document; multiword tokens are runs of rows joined by kTokJoinedToNext. A word's form is its
// text slice, or its norm when the rows of a multiword token share one slice (ReadConllu does that
// when the words do not spell the surface token).
//
// Bounds: linear in the number of tokens, except the LCS inside one multiword region, which is
// skipped (its words stay unaligned) when the region has more than 10^6 word pairs.
// Thread-safety: plain functions over const Documents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::eval {

struct Prf {
  size_t gold = 0, system = 0, correct = 0;
  double Precision() const { return system ? 100.0 * static_cast<double>(correct) / static_cast<double>(system) : 0; }
  double Recall() const { return gold ? 100.0 * static_cast<double>(correct) / static_cast<double>(gold) : 0; }
  double F1() const {
    return gold + system ? 200.0 * static_cast<double>(correct) / static_cast<double>(gold + system) : 0;
  }
};

struct WordAlignment {
  std::vector<int32_t> gold_to_system;  // one entry per gold token row; -1 when unaligned
  size_t aligned = 0;
};

struct TokenizationScores {
  Prf tokens, words, sentences;
};

// Fails (InvalidInput) when the two texts differ in anything but whitespace.
Result<WordAlignment> AlignWords(const Document& gold, const Document& system);

// Tokens / Words / Sentences scores of `system` against `gold`. Same precondition as AlignWords.
Result<TokenizationScores> EvaluateTokenization(const Document& gold, const Document& system);

// Human-readable differences for developing a tokeniser: up to `max` lines "token: gold [a b] system
// [ab]" and "sentence: ..." around the first mismatches. Empty when the texts differ.
std::vector<std::string> DescribeDifferences(const Document& gold, const Document& system, size_t max);

// The raw text to feed a system when evaluating against `gold`: each gold sentence's text joined by
// one space, and a blank line where the gold file had "# newpar" / "# newdoc" (ReadConllu leaves a
// blank line there in its own rebuilt text, which is how they are found).
std::string RunningTextFromGold(const Document& gold);

}  // namespace dyad::eval
