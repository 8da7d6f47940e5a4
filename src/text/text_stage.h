// The text stage: normalise, tokenise and split a Document into sentences.
//
// Requires kLayerText, provides kLayerTokens: fills Document tokens (byte offsets into the original
// text, kTokSpaceAfter / kTokJoinedToNext flags, sentence index, and the folded form as `norm` when it
// differs from the raw slice) and sentences. Any tokens or sentences already present are replaced.
// An empty document gives zero tokens and zero sentences. A document of 4 GiB or more is TooLarge
// (offsets are 32-bit). Immutable and thread-safe; working memory lives in the per-thread scratch.
#pragma once

#include <memory>

#include "dyad/stage.h"

namespace dyad {

std::shared_ptr<const Stage> MakeTextStage();

}  // namespace dyad
