// How the entities stage cuts a run of name words into names: at an "of" that joins two names
// ("Keith O'Neill of Norwich City", "Karlsruhe of Germany"; but "Bank of England", "University of
// Michigan", "Duke of Norfolk" stay whole), and before a given name that follows a role or other
// words ("Engineer John Greiner", "County Coroner William McLaughlin": the roles are dropped). Reads
// at most a few words past the run's start for the given name; no recursion.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/document.h"
#include "extract/entity_lexicon.h"
#include "extract/gazetteer.h"

namespace dyad::extract {

// What the cutting reads: the document, the gazetteer (may be null), the given names, and the actor
// mention at each token (-1 where none).
struct NameRun {
  const Document& doc;
  const Gazetteer* g;
  const EntityLexicon& lexicon;
  const std::vector<int>& mention_at;
  std::string_view Text(uint32_t i) const { return doc.token(i).text(); }
};

// Appends the names in the run [first, end) to spans, in order.
void AddNameSpans(const NameRun& r, uint32_t first, uint32_t end, std::vector<std::pair<uint32_t, uint32_t>>& spans);

}  // namespace dyad::extract
