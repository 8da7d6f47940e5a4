// The case marker of a nominal in a parsed Document: the preposition that introduces it ("of" in "the
// government of Iran", "in" in "in Tehran"). Stages that ask "which preposition?" share this one reading.
#pragma once

#include <cstdint>
#include <string_view>

#include "dyad/document.h"

namespace dyad {

// The folded form of the token attached to `head` as "case" among the few tokens before it (case markers
// precede their noun in English), lower-cased ASCII by the caller's comparison; "" when there is none.
inline std::string_view CaseMarker(const Document& doc, uint32_t head) {
  const int32_t h = static_cast<int32_t>(head);
  for (uint32_t k = head, steps = 0; k > 0 && steps < 6; --k, ++steps) {
    const TokenRow& r = doc.tokens()[k - 1];
    if (r.head == h && doc.Str(r.deprel) == "case") return doc.token(k - 1).norm();
  }
  return {};
}

}  // namespace dyad
