// Training and evaluating the tagger from code (the `dyad train tagger` command is a thin wrapper).
//
// TrainTaggerModel learns a TaggerModel from a gold CoNLL-U Document (ReadConllu): the class
// inventory ((UPOS, XPOS) pairs, VB/VBG/VBN split by FEATS), the FEATS backoff table ("Typo=Yes" is
// dropped from FEATS since no tagger can see it),
// the tag dictionary, the lemmatizer, and the averaged-perceptron weights, trained for opts.epochs
// passes in an order shuffled with opts.seed. When dev is given, the model is frozen and scored on it
// after every epoch and the epoch with the best dev UPOS accuracy is kept (per pass; the jackknife
// folds train for pass 1's best epoch count), and the first-pass margin above which a word skips the
// second pass is tuned on it (opts.skip_tolerance). Deterministic: the same inputs and options give
// the same model bytes.
//
// For jackknifed training data (e.g. the parser's): train on k-1 folds with TrainTaggerModel, then
// overwrite the gold tags of the held-out fold with tag::TagDocument (tagger_model.h).
//
// Thread-safety: single-threaded; no shared state.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "dyad/document.h"
#include "dyad/status.h"
#include "tag/tagger_model.h"

namespace dyad {

struct TagAccuracy {
  size_t tokens = 0;
  double upos = 0, xpos = 0, ufeats = 0, lemma = 0, all_tags = 0;  // percentages
};

struct TaggerEpochReport {
  int pass = 1;              // 1: first pass; 2: second pass (right-context tags); 3: skip tuning
  int fold = 0;              // 0: all training data; k > 0: jackknife fold k (pass-1 tags for pass 2)
  int epoch = 0;             // 1-based
  double train_accuracy = 0;  // class accuracy of the greedy decoder during the pass (percent)
  size_t features = 0;       // features in the frozen model
  bool has_dev = false;
  TagAccuracy dev;
  double seconds = 0;        // wall time of the pass
  // pass 3: tuning the second-pass skip margin (float weight units) and the share of dev words
  // (percent) whose first-pass margin is at least that.
  float skip_margin = 0;
  double skipped = 0;
};

struct TaggerTrainOptions {
  int epochs = 12;
  uint64_t seed = 1;
  int min_class_count = 5;       // rarer classes fold into their closest class
  int min_dict_count = 3;        // words seen this often enter the tag dictionary
  int min_lemma_rule_count = 2;  // training tokens behind a lemma suffix rule
  float prune = 0.01f;           // averaged weights smaller than this are dropped at freezing
  size_t dense_min_cells = 24;   // rows with this many weights are stored dense (speed, not accuracy)
  bool two_pass = true;          // train the second, right-context pass
  int jackknife_folds = 4;       // folds that produce pass 2's training-time right context
  double skip_tolerance = 0.02;  // dev UPOS points the second-pass skip may cost (tuned on dev)
  std::string training_data = "UD_English-EWT train";  // recorded in the model header
  std::function<void(const TaggerEpochReport&)> on_epoch;  // progress callback (may be empty)
};

// Scores model on the gold annotation of doc (gold tokenisation). doc is not modified.
TagAccuracy EvaluateTagger(const tag::TaggerModel& model, const Document& gold);

// Trains a model in memory. InvalidArgument when train has no tagged tokens.
Result<tag::TaggerModel> TrainTaggerModel(const Document& train, const Document* dev, const TaggerTrainOptions& opts);

// Trains and writes the model to out_path (the model-file container, kind "tagger").
Status TrainTagger(const Document& train, const Document* dev, const TaggerTrainOptions& opts,
                   const std::string& out_path);

}  // namespace dyad
