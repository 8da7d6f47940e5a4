// Training the parser: greedy arc-hybrid with a dynamic oracle and exploration (Goldberg & Nivre 2012,
// 2013), averaged perceptrons for moves and arc labels.
//
// The training Document's tag columns (UPOS, XPOS, FEATS, LEMMA) are what the parser learns to read
// (gold, or a tagger's predictions), and its HEAD/DEPREL columns are the gold trees. The same holds for
// the dev Document, which selects the best epoch (by LAS). Training is deterministic for a given seed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "parse/parser_model.h"

namespace dyad::parse {

struct ParserTrainOptions {
  int epochs = 8;
  uint64_t seed = 1;
  int explore_from_epoch = 2;   // 1-based epoch from which wrong predictions are followed ...
  double explore_prob = 0.9;    // ... with this probability (else the best zero-cost move)
  float min_abs_weight = 0.0f;  // averaged weights below this are dropped when packing
  uint32_t min_updates = 3;     // features with fewer update calls (two per mistake) are dropped when packing
  // Global training of the move classifier with a beam (1 = greedy dynamic-oracle training only): from
  // epoch beam_from_epoch on, each sentence is parsed with a beam of beam_size and the move weights
  // get one max-violation update (Huang et al. 2012; early update when early_update) against the
  // gold sequence (the best-scoring zero-cost move at each step). Earlier epochs train greedily, so
  // the beam warm-starts from the greedy weights. The arc-label classifier trains as in greedy mode,
  // on the gold sequence's arcs. Dev is then parsed with the same beam.
  int beam_size = 1;
  int beam_from_epoch = 1;
  bool early_update = false;
  std::function<void(const std::string&)> log;  // one line per epoch, when set
};

struct ParseScore {
  size_t words = 0, head_correct = 0, labelled_correct = 0;
  double uas() const { return words ? 100.0 * head_correct / words : 0; }
  double las() const { return words ? 100.0 * labelled_correct / words : 0; }
};

// Trains on train, keeps the epoch with the best LAS on dev. Sentences whose gold heads are not a
// tree within the sentence are skipped (and counted in the log).
// train may be split over several Documents (e.g. the jackknife folds).
Result<ParserModel> TrainParser(const std::vector<const Document*>& train, const Document& dev,
                                const ParserTrainOptions& options);
inline Result<ParserModel> TrainParser(const Document& train, const Document& dev, const ParserTrainOptions& options) {
  return TrainParser(std::vector<const Document*>{&train}, dev, options);
}

// Parses every sentence of doc with model (beam_size 1: greedy) and scores against doc's own
// HEAD/DEPREL (all words, punctuation included).
ParseScore ScoreParser(const ParserModel& model, const Document& doc, int beam_size = 1);

}  // namespace dyad::parse
