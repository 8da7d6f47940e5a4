// Internal to the actors stage: the working form of a mention before it becomes a MentionRow.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "actors/actor_index.h"
#include "dyad/document.h"

namespace dyad::actors {

struct Span {
  uint32_t first = 0, end = 0;  // token range
  uint32_t head = 0;
  uint32_t entry = UINT32_MAX;  // dictionary entry when one matched
  EntryKind entry_kind = EntryKind::kCountry;
  MentionKind kind = MentionKind::kCountry;
  std::string code, country, sector, name, rule;
  std::string role;            // agents: role block of the agent noun
  bool plural = false;         // plural agent ("officials") or demonym plural
  bool bare_agent = false;     // agent noun with no actor to compose with (coref may resolve it)
  bool dead = false;           // consumed by a larger span
  bool titled_role = false;    // persons: coded by the office the text gives them, not by the date
  int antecedent = -1;         // index into the document's span list
  int partner = -1;            // "the two leaders": the other member of the pair (index into the span list)
  MentionKind resolved_kind = MentionKind::kPronoun;  // pronouns: the kind of what they stand for
};

// Token helpers shared by the stage and coreference.
// "Mr", "Mrs", "Dr", ... (any case, with or without the full stop).
inline bool IsHonorific(std::string_view word) {
  static constexpr std::string_view kHonorifics[] = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame",
                                                     "prof", "mr.", "mrs.", "ms.", "dr.", "prof."};
  if (word.size() > 5) return false;
  char lower[5];
  for (size_t i = 0; i < word.size(); ++i)
    lower[i] = word[i] >= 'A' && word[i] <= 'Z' ? static_cast<char>(word[i] - 'A' + 'a') : word[i];
  const std::string_view folded(lower, word.size());
  for (std::string_view h : kHonorifics)
    if (folded == h) return true;
  return false;
}

inline bool HasParse(const Document& doc) {
  for (const auto& t : doc.tokens()) {
    if (t.head != kNoHead) return true;
  }
  return false;
}

}  // namespace dyad::actors
