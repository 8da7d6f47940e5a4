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

// Loads models/parser.dyad (or any parser model file). Fails closed: NotFound, Corrupt, Unsupported.
Result<std::shared_ptr<const Stage>> LoadParserStage(const std::string& model_path);

}  // namespace dyad
