// Jackknifed tags for parser training: the parser should learn from tags as noisy as the tagger's
// output at run time, not from gold tags (nor from a tagger's tags on its own training data, which
// are almost gold).
//
// JackknifeTags splits a CoNLL-U treebank into k contiguous folds of sentences, trains a tagger on the
// other k-1 folds (TrainTaggerModel) and re-tags the held-out fold with it (TagDocument). HEAD and
// DEPREL stay gold. The result is k Documents, one per fold, for TrainParser.
// Cost: k tagger trainings. Deterministic for fixed options.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "tag/tagger_trainer.h"

namespace dyad::parse {

Result<std::vector<Document>> JackknifeTags(std::string_view conllu, int folds, const TaggerTrainOptions& options,
                                            const std::function<void(const std::string&)>& log);

// Splits CoNLL-U text into sentence blocks (each block keeps its comment lines). Exposed for tests.
std::vector<std::string_view> SplitSentenceBlocks(std::string_view conllu);

}  // namespace dyad::parse
