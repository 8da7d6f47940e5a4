#include "extract/entity_gazetteer.h"

#include "extract/entity_words.h"

namespace dyad::extract {

using entity_words::StartsUpper;

// "Rwandan", "Zairean", "Kenyans": a country's name plus -n, -an, -ian (plural -s).
bool IsDemonymOfCountry(const Gazetteer* g, std::string word) {
  if (g == nullptr || word.size() < 5) return false;
  if (word.back() == 's') word.pop_back();
  if (!word.ends_with("n")) return false;
  for (size_t cut : {1, 2, 3}) {
    if (word.size() <= cut + 2) break;
    const auto* names = g->Find(word.substr(0, word.size() - cut));
    if (names == nullptr) continue;
    for (const PlaceName& pn : *names) {
      if (g->places()[pn.place].kind == PlaceKind::kCountry) return true;
    }
  }
  return false;
}

// The length of the longest gazetteer name at i written with capitals (0 when none).
uint32_t GazetteerLength(const Gazetteer* g, const Document& doc, uint32_t i, uint32_t s_end) {
  if (g == nullptr || !StartsUpper(doc.token(i).text())) return 0;
  std::string key;
  uint32_t best = 0;
  for (uint32_t len = 1; len <= Gazetteer::kMaxWords && i + len <= s_end; ++len) {
    std::string_view w = doc.token(i + len - 1).text();
    if (len > 1) key += ' ';
    key += FoldWord(w);
    if (!StartsUpper(w) && w != "of" && w != "and") break;
    if (StartsUpper(w) && g->Find(key) != nullptr) best = len;
    if (!g->IsPrefix(key)) break;
  }
  return best;
}

// The gazetteer's place for the exact words [first, end), or null.
const Place* GazetteerPlace(const Gazetteer* g, const Document& doc, uint32_t first, uint32_t end) {
  if (g == nullptr || end - first > Gazetteer::kMaxWords) return nullptr;
  std::string key;
  for (uint32_t i = first; i < end; ++i) {
    if (i > first) key += ' ';
    std::string_view w = doc.token(i).text();
    // a possessive the tokeniser left on the word ("Iran’s", "Iran's")
    for (std::string_view s : {std::string_view("\xE2\x80\x99s"), std::string_view("'s")}) {
      if (i + 1 == end && w.size() > s.size() + 1 && w.ends_with(s)) w.remove_suffix(s.size());
    }
    key += FoldWord(w);
  }
  const auto* names = g->Find(key);
  if (names == nullptr) return nullptr;
  const Place* best = nullptr;
  for (const PlaceName& pn : *names) {
    const Place& p = g->places()[pn.place];
    if (best == nullptr || static_cast<int>(p.kind) < static_cast<int>(best->kind) ||
        (p.kind == best->kind && p.population > best->population)) {
      best = &p;
    }
  }
  return best;
}

}  // namespace dyad::extract
