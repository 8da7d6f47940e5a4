#include "actors/company_names.h"

#include <algorithm>

#include "actors/fold.h"

namespace dyad::actors {

bool IsCompanyWord(std::string_view word) {
  // Legal forms and the trades that name companies ("Airways", "Motors"). Not "Air" ("Iranian Air
  // Force"), not "Bank" ("Bank of England" puts the country after; "Arab Bank" would pass either way).
  static constexpr std::string_view kWords[] = {
      "Corp",      "Corp.",       "Corporation", "Inc",        "Inc.",      "Incorporated", "Ltd",       "Ltd.",
      "Limited",   "Co",          "Co.",         "Cos",        "PLC",       "Plc",          "LLC",       "AG",
      "SA",        "S.A.",        "NV",          "N.V.",       "BV",        "SpA",          "Holdings",  "Airways",
      "Airlines",  "Motors",      "Express",     "Industries", "Petroleum", "Shipping",     "Telecom",   "Steel",
      "Broadcasting", "Insurance", "Securities", "Investments", "Enterprises", "Brands",    "Chemicals", "Electronics"};
  for (std::string_view w : kWords)
    if (word == w) return true;
  return false;
}

int MarkCompanyNames(const Document& doc, const ActorIndex& index, uint32_t end, std::vector<Span>& spans) {
  // Tokens some live span covers (one pass: the scan below stays linear in the sentence).
  uint32_t lo = end;
  for (const Span& o : spans) lo = std::min(lo, o.first);
  std::vector<bool> owned(end > lo ? end - lo : 0, false);
  for (const Span& o : spans) {
    if (o.dead) continue;
    for (uint32_t k = o.first; k < o.end && k < end; ++k) owned[k - lo] = true;
  }
  int changed = 0;
  for (Span& sp : spans) {
    if (sp.dead || sp.kind != MentionKind::kCountry || sp.code.size() != 3) continue;
    uint32_t name_end = 0;
    for (uint32_t k = sp.end, steps = 0; k < end && steps < 6; ++k, ++steps) {
      std::string_view w = doc.token(k).text();
      if ((!StartsUpper(w) && w != "&") || owned[k - lo]) break;
      if (IsCompanyWord(w)) name_end = k + 1;
    }
    if (name_end == 0) continue;
    const uint32_t b = doc.tokens()[sp.first].begin, e = doc.tokens()[name_end - 1].end;
    sp.name = std::string(doc.text().substr(b, e - b));
    sp.end = name_end;
    sp.code += "BUS";
    sp.sector = std::string(index.SectorForCode(sp.code));
    sp.kind = MentionKind::kOrganisation;
    sp.rule = "company name";
    ++changed;
  }
  return changed;
}

}  // namespace dyad::actors
