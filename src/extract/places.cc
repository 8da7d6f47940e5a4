#include "extract/places.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace dyad::extract {
namespace {

constexpr std::array<std::string_view, 17> kDirections = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern",
};

// Words before a place ("in Everett").
constexpr std::array<std::string_view, 10> kPlacePrepositions = {"in", "at", "from", "near", "to", "outside",
                                                                 "across", "around", "into", "of"};
constexpr uint32_t kSmallTown = 100000;  // below this a one-word town needs a place's context

constexpr double kCountryScore = 10, kFeatureScore = 9, kSubdivisionScore = 4, kContextBonus = 2;

// A name found in the text, with the places it may be.
struct Match {
  uint32_t first = 0, end = 0;
  std::vector<uint32_t> candidates;  // indexes into Gazetteer::places()
  std::string direction;             // "northern" when a direction word made it a region
};

bool IsAllUpper(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letter = letter || std::isupper(static_cast<unsigned char>(c));
  }
  return letter;
}

bool StartsUpperWord(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  return std::isupper(c) || c >= 0x80;
}

class PlaceFinder {
 public:
  PlaceFinder(const Gazetteer& g, Document& doc)
      : g_(g), doc_(doc), n_(static_cast<uint32_t>(doc.tokens().size())) {}

  std::vector<PlaceRow> Run() {
    folded_.resize(n_);
    for (uint32_t i = 0; i < n_; ++i) folded_[i] = FoldWord(doc_.token(i).text());
    MarkNamedMentions();
    CollectSurnames();
    std::vector<Match> matches;
    for (const SentenceRow& s : doc_.sentences()) {
      if (s.kind != Furniture::kBody) continue;
      for (uint32_t i = s.first_token; i < s.end_token;) {
        Match m;
        if (MatchAt(i, s.end_token, &m)) {
          matches.push_back(std::move(m));
          i = matches.back().end;
        } else {
          ++i;
        }
      }
    }
    CountContext(matches);
    std::vector<PlaceRow> out;
    for (size_t k = 0; k < matches.size(); ++k) {
      int best = Choose(matches, k);
      if (best < 0) continue;
      const Place& p = g_.places()[static_cast<size_t>(best)];
      PlaceRow row;
      row.first_token = matches[k].first;
      row.end_token = matches[k].end;
      if (matches[k].direction.empty()) {
        row.name = doc_.Intern(p.name);
        row.feature = doc_.Intern(p.feature);
      } else {
        row.name = doc_.Intern(matches[k].direction + " " + p.name);
        row.feature = doc_.Intern("region");
      }
      row.country = doc_.Intern(p.country);
      row.lat = p.lat, row.lon = p.lon, row.has_coordinates = p.has_coordinates;
      out.push_back(row);
    }
    return out;
  }

 private:
  std::string_view Text(uint32_t i) const { return doc_.token(i).text(); }
  Upos UposOf(uint32_t i) const { return doc_.tokens()[i].upos; }

  // Tokens inside a person's or organisation's name: no place there ("Obama", "Bank of England").
  void MarkNamedMentions() {
    in_name_.assign(n_, 0);
    for (const MentionRow& m : doc_.mentions()) {
      if (m.kind != MentionKind::kPerson && m.kind != MentionKind::kOrganisation) continue;
      for (uint32_t i = m.first_token; i < m.end_token && i < n_; ++i) in_name_[i] = 1;
    }
  }

  // "in X", "at X", "from X" ... or "X, Country/State": the words around say X is a place.
  bool PlaceContext(uint32_t i, uint32_t s_end) const {
    if (i > 0 && std::find(kPlacePrepositions.begin(), kPlacePrepositions.end(), folded_[i - 1]) != kPlacePrepositions.end()) {
      return true;
    }
    return i + 2 < s_end && Text(i + 1) == "," && StartsUpperWord(Text(i + 2));
  }

  // Words the article uses as the last word of a longer proper name that is no place ("Elizabeth
  // Warren"): alone later ("Warren said") they are that person, not a town.
  void CollectSurnames() {
    for (const SentenceRow& s : doc_.sentences()) {
      for (uint32_t i = s.first_token; i < s.end_token;) {
        uint32_t j = i;
        while (j < s.end_token && UposOf(j) == Upos::PROPN && StartsUpperWord(Text(j))) ++j;
        if (j - i >= 2 && j - i <= Gazetteer::kMaxWords && g_.IsPrefix(folded_[i])) {
          std::string key;
          for (uint32_t k = i; k < j; ++k) key += (k > i ? " " : "") + folded_[k];
          if (g_.Find(key) == nullptr) surnames_.insert(folded_[j - 1]);
        } else if (j - i >= 2) {
          surnames_.insert(folded_[j - 1]);  // no name starts with its first word: not a place
        }
        i = j > i ? j : i + 1;
      }
    }
  }

  bool ShapeFits(const PlaceName& name, uint32_t first) const {
    for (size_t w = 0; w < name.shape.size(); ++w) {
      std::string_view t = Text(first + static_cast<uint32_t>(w));
      if (name.shape[w] == 2 && !IsAllUpper(t)) return false;
      if (name.shape[w] == 1 && !StartsUpperWord(t)) return false;
    }
    return true;
  }

  // A capitalised proper noun right outside [first, end) in the same sentence: the name is part of a
  // longer one ("New York Times", "Elizabeth Warren").
  bool InsideLongerName(uint32_t first, uint32_t end, uint32_t s_first, uint32_t s_end) const {
    auto proper = [&](uint32_t i) { return UposOf(i) == Upos::PROPN && StartsUpperWord(Text(i)); };
    return (first > s_first && proper(first - 1)) || (end < s_end && proper(end));
  }

  // Tokens that spell a direction at i ("northern", "north-west", "north - western"): their count, or 0.
  uint32_t DirectionAt(uint32_t i, uint32_t s_end, std::string* word) const {
    for (uint32_t len : {3u, 1u}) {
      if (i + len > s_end) continue;
      std::string w;
      for (uint32_t k = i; k < i + len; ++k) {
        if (folded_[k] != "-") w += folded_[k];
      }
      if (std::find(kDirections.begin(), kDirections.end(), w) != kDirections.end() &&
          (len == 1 || folded_[i + 1] == "-")) {
        *word = std::string(Text(i));
        for (uint32_t k = i + 1; k < i + len; ++k) *word += Text(k);
        return len;
      }
    }
    return 0;
  }

  // The longest gazetteer name at i, or a direction + country, with its possible places.
  bool MatchAt(uint32_t i, uint32_t s_end, Match* m) const {
    if (MatchNameAt(i, s_end, m)) return true;
    // "northern Syria", "north-west Syria": a direction, then a country.
    std::string direction;
    Match c;
    if (uint32_t d = DirectionAt(i, s_end, &direction); d > 0 && i + d < s_end && MatchNameAt(i + d, s_end, &c)) {
      for (uint32_t p : c.candidates) {
        if (g_.places()[p].kind != PlaceKind::kCountry) continue;
        m->first = i, m->end = c.end, m->candidates = {p};
        for (char& ch : direction) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        m->direction = direction;
        return true;
      }
    }
    return false;
  }

  // The longest gazetteer name at i whose capitals and context fit.
  bool MatchNameAt(uint32_t i, uint32_t s_end, Match* m) const {
    if (in_name_[i]) return false;
    const SentenceRow& s = doc_.sentences()[doc_.tokens()[i].sentence];
    uint32_t max_len = std::min<uint32_t>(Gazetteer::kMaxWords, s_end - i);
    std::string key;
    std::vector<std::pair<uint32_t, const std::vector<PlaceName>*>> found;  // (length, names)
    for (uint32_t len = 1; len <= max_len; ++len) {
      if (in_name_[i + len - 1]) break;
      if (len > 1) key += ' ';
      key += folded_[i + len - 1];
      if (const auto* names = g_.Find(key)) found.emplace_back(len, names);
      if (!g_.IsPrefix(key)) break;
    }
    for (size_t f = found.size(); f-- > 0;) {
      auto [len, names] = found[f];
      bool longer = InsideLongerName(i, i + len, s.first_token, s_end);
      bool proper = false;
      for (uint32_t k = i; k < i + len; ++k) proper = proper || UposOf(k) == Upos::PROPN;
      m->candidates.clear();
      for (const PlaceName& pn : *names) {
        const Place& p = g_.places()[pn.place];
        bool local = p.kind == PlaceKind::kCity || p.kind == PlaceKind::kSubdivision;
        bool surname = len == 1 && surnames_.count(folded_[i]) > 0;
        // A small town named by one word needs a place's context ("in Everett", "Holiday, Florida").
        bool unsure = p.kind == PlaceKind::kCity && p.population < kSmallTown && len == 1 && !PlaceContext(i, s_end);
        if (!ShapeFits(pn, i) || (local && (longer || !proper || surname || unsure))) continue;
        m->candidates.push_back(pn.place);
      }
      if (!m->candidates.empty()) {
        m->first = i, m->end = i + len;
        return true;
      }
    }
    return false;
  }

  // How often the article names each country: as a place (unambiguous countries) and as the
  // country of an actor mention.
  void CountContext(const std::vector<Match>& matches) {
    for (const Match& m : matches) {
      if (m.candidates.size() == 1) {
        const Place& p = g_.places()[m.candidates[0]];
        if (p.kind == PlaceKind::kCountry) ++weight_[p.country];
      }
    }
    for (const MentionRow& m : doc_.mentions()) {
      std::string_view c = doc_.Str(m.country);
      if (c.size() == 3) ++weight_[std::string(c)];
    }
    for (const auto& [code, w] : weight_) max_weight_ = std::max(max_weight_, w);
  }

  double Score(const Place& p) const {
    switch (p.kind) {
      case PlaceKind::kCountry: return kCountryScore;
      case PlaceKind::kFeature: return kFeatureScore;
      default: break;
    }
    double base = p.kind == PlaceKind::kCity ? std::log10(static_cast<double>(p.population) + 1) : kSubdivisionScore;
    auto it = weight_.find(p.country);
    if (it != weight_.end() && max_weight_ > 0) base += kContextBonus * it->second / max_weight_;
    return base;
  }

  // The place a match stands for; "Ankara, Turkey" and "Springfield, Illinois" keep the candidates
  // of the country the next match names.
  int Choose(const std::vector<Match>& matches, size_t k) const {
    const Match& m = matches[k];
    std::string required;
    if (k + 1 < matches.size() && m.end + 1 == matches[k + 1].first && Text(m.end) == ",") {
      const auto& next = matches[k + 1].candidates;
      if (!next.empty()) {
        const Place& p = g_.places()[next[0]];
        if (p.kind == PlaceKind::kCountry || p.kind == PlaceKind::kSubdivision) required = p.country;
      }
    }
    int best = -1;
    double best_score = -1;
    for (uint32_t c : m.candidates) {
      const Place& p = g_.places()[c];
      double score = Score(p) + (!required.empty() && p.country == required && p.kind != PlaceKind::kCountry ? 20 : 0);
      if (score > best_score) best = static_cast<int>(c), best_score = score;
    }
    return best;
  }

  const Gazetteer& g_;
  Document& doc_;
  uint32_t n_;
  std::vector<std::string> folded_;
  std::vector<uint8_t> in_name_;
  std::unordered_set<std::string> surnames_;
  std::unordered_map<std::string, double> weight_;
  double max_weight_ = 0;
};

class PlaceStage : public Stage {
 public:
  explicit PlaceStage(std::shared_ptr<const Gazetteer> g) : g_(std::move(g)) {}
  std::string_view name() const override { return "places"; }
  uint32_t Requires() const override { return kLayerMentions; }
  uint32_t Provides() const override { return kLayerPlaces; }
  Status Process(Document& doc, StageScratch*) const override {
    doc.mutable_places() = FindPlaces(*g_, doc);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const Gazetteer> g_;
};

}  // namespace

std::vector<PlaceRow> FindPlaces(const Gazetteer& gazetteer, Document& doc) {
  if (doc.tokens().empty()) return {};
  return PlaceFinder(gazetteer, doc).Run();
}

std::shared_ptr<const Stage> MakePlaceStage(std::shared_ptr<const Gazetteer> gazetteer) {
  return std::make_shared<PlaceStage>(std::move(gazetteer));
}

}  // namespace dyad::extract
