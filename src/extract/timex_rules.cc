// Driver of the timex rules: scans a sentence left to right and keeps the longest match at each
// position. The rules themselves are in timex_rule_set.cc.
#include "extract/timex_rules.h"

namespace dyad::extract {

void FindTimexes(const std::vector<TimexWord>& words, const CivilDate* anchor, std::vector<TimexMatch>* out) {
  timex_internal::Rules rules(words, anchor);
  size_t i = 0;
  while (i < words.size()) {
    std::optional<timex_internal::Hit> hit = rules.At(i);
    if (!hit || hit->end <= i) {
      ++i;
      continue;
    }
    out->push_back(TimexMatch{static_cast<uint32_t>(i), static_cast<uint32_t>(hit->end), hit->type, hit->value});
    i = hit->end;
  }
}

}  // namespace dyad::extract
