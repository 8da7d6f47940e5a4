// Quotations and who said them: the "quotes" stage (requires kLayerMentions, which brings tokens, tags
// and, when the parser ran, heads; provides kLayerQuotes).
//
// Direct quotes are stretches between quote marks in body sentences: curly (“ ” ‘ ’), straight (" '),
// doubled apostrophes ('' as the NYT writes them), guillemets. A quote may run over several sentences
// (the closing mark comes sentences later) and over paragraphs (news opens each paragraph of a long
// quote again without closing the previous one). A quote may be a whole sentence or a few words inside
// one (a partial quote: described Russia as Iran's “most strategic partner”). QuoteRow::begin/end is
// the content inside the marks, trailing commas trimmed.
//
// Indirect quotes are the clausal complements of speech verbs: "X said (that) CLAUSE", "CLAUSE, X said"
// and "according to X, CLAUSE". Indirect rows whose words are mostly inside a direct quote are left out
// (the direct row already says it).
//
// The speaker comes from the cue verb (say, tell, warn, stress, add, note, describe, call, write,
// insist, argue, claim, announce, accuse …): the quote's nearest governing cue in the parse, else a cue
// elsewhere in the quote's sentences, else "according to X", else a previous sentence ending in a cue
// and a colon ("He said:"), else the speaker of a quote just before (continuing paragraphs). The speaker
// is the cue's subject ("said X" inversion is a subject too; "adding …"/"stressing …" take the subject of
// the verb they hang from; a relative "who" takes its noun). speaker_first/end is the speaker as written;
// speaker_mention is the actor mention there, a pronoun or nominal followed through its antecedents to
// the named mention.
//
// Bounded: every climb in the tree is capped, every search window is a sentence or a fixed number of
// sentences, and a quote left open runs to the end of its paragraph at most; linear in the tokens.
// Thread-safety: the stage is immutable and needs no scratch.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/stage.h"

namespace dyad::extract {

// The quotes stage. Works without a parse (then only the cue search by position is used).
std::shared_ptr<const Stage> MakeQuoteStage();

// The same work as a function: the quotes of doc, in order of their content.
// REQUIRES: doc has tokens and tags; heads and mentions are used when present.
std::vector<QuoteRow> FindQuotes(const Document& doc);

// True for the lemma of a verb that introduces a quote ("say", "warn", "tweet" ...).
bool IsQuoteCueLemma(std::string_view lemma);

}  // namespace dyad::extract
