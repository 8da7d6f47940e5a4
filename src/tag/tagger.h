// The "tagger" pipeline stage: UPOS, XPOS (Penn Treebank), FEATS and LEMMA for every token.
//
// Requires kLayerTokens, provides kLayerTags. Works on Documents from the text stage and from
// ReadConllu (gold tokenisation); any tags already present are overwritten. Features read
// Token::norm(). The stage is immutable and thread-safe; each thread passes its own scratch from
// NewScratch(), so tagging allocates nothing once the scratch has grown to the longest sentence.
//
// Model: models/tagger.dyad in the repository (see docs/tagger.md for how it is trained).
#pragma once

#include <memory>
#include <string>

#include "dyad/stage.h"
#include "dyad/status.h"

namespace dyad {

inline constexpr char kDefaultTaggerModel[] = "models/tagger.dyad";  // relative to the repository root

// Loads a tagger model file and wraps it as a Stage. Fails (NotFound, Corrupt, Unsupported) with
// the path in the message when the file is missing, damaged or from a newer dyad.
Result<std::shared_ptr<const Stage>> LoadTaggerStage(const std::string& model_path);

}  // namespace dyad
