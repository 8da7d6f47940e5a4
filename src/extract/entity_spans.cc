#include "extract/entity_spans.h"

#include <algorithm>
#include <string>

#include "extract/entity_gazetteer.h"
#include "extract/entity_words.h"

namespace dyad::extract {
namespace {

using namespace entity_words;

// [first, end) whole, or in two at an "of" between two names.
void CutAtOf(const NameRun& r, uint32_t first, uint32_t end, std::vector<std::pair<uint32_t, uint32_t>>& spans) {
  for (uint32_t o = first + 1; o + 1 < end; ++o) {
    if (Lower(r.Text(o)) != "of") continue;
    std::string before = Lower(r.Text(o - 1));
    if ((In(kOrgLast, before) && !In(kLegalForms, before)) || In(kOrgFirst, before) || In(kPersonTitles, before) ||
        In(kRoleWords, before) || In(kOfNames, before)) {
      break;
    }
    const Place* right = GazetteerPlace(r.g, r.doc, o + 1, end);
    bool person_left = r.lexicon.IsGivenName(r.Text(first)) ||
                       (r.mention_at[first] >= 0 && r.doc.mentions()[r.mention_at[first]].kind == MentionKind::kPerson);
    bool org_right = In(kOrgLast, Lower(r.Text(end - 1))) || In(kTeamLast, Lower(r.Text(end - 1)));
    if ((right != nullptr && right->kind != PlaceKind::kFeature) || (person_left && (org_right || right != nullptr))) {
      spans.emplace_back(first, o);
      spans.emplace_back(o + 1, end);
      return;
    }
    break;
  }
  spans.emplace_back(first, end);
}

}  // namespace

void AddNameSpans(const NameRun& r, uint32_t first, uint32_t end, std::vector<std::pair<uint32_t, uint32_t>>& spans) {
  // A person's given name inside a longer run after a role or place ("County Coroner William
  // McLaughlin", "Engineer John Greiner"): the person's name starts there.
  if (end - first >= 3 && !r.lexicon.IsGivenName(r.Text(first)) && !IsInitial(r.Text(first))) {
    // not inside a place's name ("San Francisco Giants")
    for (uint32_t p = first + std::max<uint32_t>(1, GazetteerLength(r.g, r.doc, first, end)); p + 1 < end && p <= first + 8; ++p) {
      if (Lower(r.Text(p)) == "of" || r.Text(p) == "&") break;
      if (r.lexicon.IsGivenName(r.Text(p)) && StartsUpper(r.Text(p + 1)) && Lower(r.Text(p + 1)) != "of" &&
          (In(kPersonTitles, Lower(r.Text(p - 1))) || In(kRoleWords, Lower(r.Text(p - 1))) || r.mention_at[p - 1] < 0)) {
        // "Engineer", "County Coroner", "Foreign Minister" are no names of their own
        const uint32_t titles = TitlesStart(first, p, [&r](uint32_t i) { return r.Text(i); });
        if (titles > first) CutAtOf(r, first, titles, spans);
        first = p;
        break;
      }
    }
  }
  CutAtOf(r, first, end, spans);
}

}  // namespace dyad::extract
