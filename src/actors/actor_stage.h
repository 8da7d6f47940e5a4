// The "actors" stage: finds actor mentions in a Document and resolves them to CAMEO codes.
//
// Requires kLayerTags (uses the parse when heads are present); provides kLayerMentions. Fills
// Document::mutable_mentions() (replacing what was there) with MentionRows in token order: token range,
// head, code, country, sector, canonical name, antecedent, and `rule`, a short string saying which table
// row or rule produced the code ("persons/middle_east.tsv:12", "compose:...", "appos:...", "pronoun:...").
// Sentences that are furniture (SentenceRow::kind != kBody) are skipped.
//
// Steps, per body sentence (detail in README.md):
//   1. dictionary matches: longest, then earliest, then priority (person > organisation > country >
//      agent noun; ActorIndex), case-aware;
//   2. composition: country/adjective/metonym/organisation + agent noun ("Russian officials" -> RUSGOV,
//      "Iran's parliament" -> IRNLEG, "the government of Iran"), by adjacency or by the parse (amod,
//      compound, nmod:poss, nmod);
//   3. titles: title + known person (the person's dated role wins) or title + unknown name (the title's
//      code: "Iranian Foreign Minister Hossein Amirabdollahian" -> IRNGOV); "former"/"ex-" before it;
//   4. appositions: "Name Surname, a member of Iran's parliament" -> IRNLEG; domestic agents (police,
//      protesters, ...) left bare take the country where they act ("police in Tehran" on the verb);
//   5. within-document coreference (coref.h): short names, pronouns, role nouns.
// The article date (DocumentMeta::date, else the stage's default date, else today) picks dated roles; in
// an article with no date at all, a person out of office today takes their latest government role (else
// their latest role that is not ELI): undated text was most likely written while they held office.
// Bounded: every search window is a small constant; the whole stage is linear in the tokens.
#pragma once

#include <memory>
#include <string>

#include "actors/actor_index.h"
#include "dyad/stage.h"

namespace dyad::actors {

struct ActorStageOptions {
  std::string default_date;  // YYYY-MM-DD used when a document has none; empty: today
};

std::shared_ptr<const Stage> MakeActorStage(std::shared_ptr<const ActorIndex> index,
                                            ActorStageOptions options = {});

}  // namespace dyad::actors
