// The "parser" pipeline stage: labelled dependency trees (UD relations) for every sentence.
//
// Requires kLayerTags (UPOS, XPOS, FEATS, LEMMA of every token) and provides kLayerParse: it sets
// TokenRow::head (document-level token index, kNoHead for the root word) and TokenRow::deprel (an
// interned UD relation) of every token, sentence by sentence. The stage is immutable after loading and
// shared between threads; each thread uses its own scratch from NewScratch().
#pragma once

#include <memory>
#include <string>

#include "dyad/stage.h"
#include "dyad/status.h"

namespace dyad {

struct ParserOptions {
  // 1: greedy (the shipped model's training). > 1: beam search over the moves (beam_search.h), k times
  // the parser's work; meant for models trained with the same beam (`dyad train parser --beam N`).
  int beam_size = 1;
};

// Loads models/parser.dyad (or any parser model file). Fails closed: NotFound, Corrupt, Unsupported;
// InvalidInput for a beam size outside 1..64.
Result<std::shared_ptr<const Stage>> LoadParserStage(const std::string& model_path,
                                                     const ParserOptions& options = ParserOptions());

}  // namespace dyad
