// Tagging and parsing scores against UD gold, in the manner of the CoNLL 2018 shared task.
//
// Two entry points:
//   ScoreGoldTokens  the system Document has exactly the gold words (it was built from the same
//                    CoNLL-U with the tags and trees re-predicted); scores are accuracies over all
//                    words, punctuation included.
//   ScoreAligned     the system Document was produced from raw text; words are aligned with
//                    AlignWords (ud_eval.h) and each score is an F1 over words: a system word is
//                    correct when it is aligned and its value matches (for heads: its head is aligned
//                    to the gold head, or both are the root).
// As in conll18_ud_eval.py, LAS compares the universal part of the relation ("obl" for "obl:agent");
// LAS-full compares the whole label. UFeats compares the FEATS strings; lemma is skipped ("correct")
// where the gold lemma is "_".
// Thread-safety: plain functions over const Documents.
#pragma once

#include <string>

#include "dyad/document.h"
#include "dyad/status.h"
#include "eval/ud_eval.h"

namespace dyad::eval {

struct ParseScores {
  Prf words;  // word segmentation (gold == system == correct with gold tokens)
  Prf upos, xpos, ufeats, lemma, uas, las, las_full;
};

// REQUIRES nothing; fails (InvalidInput) when the two Documents do not have the same number of words.
Result<ParseScores> ScoreGoldTokens(const Document& gold, const Document& system);

// Fails when the two texts differ in anything but whitespace (see AlignWords).
Result<ParseScores> ScoreAligned(const Document& gold, const Document& system);

// "UPOS 95.61  XPOS ...": one line per score, value = F1 (accuracy with gold tokens).
std::string FormatParseScores(const ParseScores& s);

}  // namespace dyad::eval
