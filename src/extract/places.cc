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
constexpr std::array<std::string_view, 17> kPlacePrepositions = {
    "in", "at", "from", "near", "to", "outside", "across", "around", "into", "of", "towards", "toward", "between",
    "via", "through", "inside", "beyond"};
constexpr uint32_t kSmallTown = 100000;  // below this a one-word town needs a place's context

// Words after the first of a feature name that news may write in lower case ("the Falkland islands",
// "the Red sea").
constexpr std::array<std::string_view, 20> kGenericTails = {
    "islands", "island", "sea", "ocean", "river", "strait", "gulf", "lake", "mountains", "desert",
    "peninsula", "region", "province", "state", "canal", "bay", "valley", "heights", "coast", "strip",
};

// Prefixes the tokeniser keeps on a name ("anti-Iran rhetoric", "pro-Russia separatists").
constexpr std::array<std::string_view, 5> kNamePrefixes = {"anti-", "pro-", "post-", "pre-", "ex-"};

// A place name followed by a currency word names the currency ("US dollar", "Hong Kong dollar").
constexpr std::array<std::string_view, 32> kCurrencyWords = {
    "dollar", "dollars", "rand", "peso", "pesos", "yuan", "rupee", "rupees", "dinar", "dinars", "riyal",
    "riyals", "rial", "rials", "franc", "francs", "lira", "ruble", "rubles", "rouble", "roubles", "yen",
    "krona", "krone", "shekel", "shekels", "dirham", "dirhams", "ringgit", "baht", "naira", "shilling",
};

// Heads of organisation names that take "of"/"for" + a place ("Bank of England", "University of
// London", "Economic Commission for Latin America"): the place is part of the name.
constexpr std::array<std::string_view, 22> kOrgHeads = {
    "bank", "commission", "council", "committee", "organisation", "organization", "university",
    "institute", "association", "federation", "foundation", "fund", "league", "court", "agency",
    "authority", "academy", "museum", "chamber", "society", "school", "college",
};

// Last words of company names that start with a place ("China Eastern Airlines", "Lesotho Bank").
constexpr std::array<std::string_view, 18> kOrgTails = {
    "airlines", "airways", "air", "bank", "corp", "corporation", "group", "inc", "ltd", "co", "company",
    "railway", "railways", "telecom", "petroleum", "holdings", "motors", "industries",
};

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
};

// AP-style US state abbreviations as written after "Town," ("COLUMBIA, S.C.", "PARKFIELD, Calif."),
// folded and without their final dot, with the state's name in the gazetteer.
constexpr std::array<std::pair<std::string_view, std::string_view>, 42> kUsStateAbbreviations = {{
    {"ala", "alabama"}, {"ariz", "arizona"}, {"ark", "arkansas"}, {"calif", "california"},
    {"colo", "colorado"}, {"conn", "connecticut"}, {"del", "delaware"}, {"fla", "florida"},
    {"ga", "georgia"}, {"ill", "illinois"}, {"ind", "indiana"}, {"kan", "kansas"}, {"ky", "kentucky"},
    {"la", "louisiana"}, {"md", "maryland"}, {"mass", "massachusetts"}, {"mich", "michigan"},
    {"minn", "minnesota"}, {"miss", "mississippi"}, {"mo", "missouri"}, {"mont", "montana"},
    {"neb", "nebraska"}, {"nev", "nevada"}, {"n.h", "new hampshire"}, {"n.j", "new jersey"},
    {"n.m", "new mexico"}, {"n.y", "new york"}, {"n.c", "north carolina"}, {"n.d", "north dakota"},
    {"okla", "oklahoma"}, {"ore", "oregon"}, {"pa", "pennsylvania"}, {"r.i", "rhode island"},
    {"s.c", "south carolina"}, {"s.d", "south dakota"}, {"tenn", "tennessee"}, {"tex", "texas"},
    {"vt", "vermont"}, {"va", "virginia"}, {"wash", "washington"}, {"wis", "wisconsin"},
    {"wyo", "wyoming"},
}};

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// "2022-07-18" -> 20220718; 0 when not a date.
uint32_t DateNumber(std::string_view d) {
  if (d.size() < 10 || d[4] != '-' || d[7] != '-') return 0;
  uint32_t v = 0;
  for (size_t k = 0; k < 10; ++k) {
    if (k == 4 || k == 7) continue;
    if (!std::isdigit(static_cast<unsigned char>(d[k]))) return 0;
    v = v * 10 + static_cast<uint32_t>(d[k] - '0');
  }
  return v;
}

bool IsNumber(std::string_view w) {
  return !w.empty() && std::isdigit(static_cast<unsigned char>(w[0]));
}

constexpr double kCountryScore = 10, kFeatureScore = 9, kSubdivisionScore = 4, kContextBonus = 2;
// News names a US town below a big city's size with its state ("Manchester, N.H.", AP style); a bare
// "Manchester" or "Durham" is more likely the namesake abroad. Pinned towns ("City, State") are not
// affected: the pin outweighs this.
constexpr double kBareUsTownPenalty = 1.5;
constexpr uint32_t kBigUsCity = 300000;

// Prepositions that make a name a place beyond doubt (not "in", "of", "to": "shares in Wembley").
constexpr std::array<std::string_view, 14> kConfirmingPrepositions = {
    "at", "from", "near", "outside", "towards", "toward", "between", "via", "through", "inside", "beyond",
    "across", "around", "into"};

// "<country> town of X".
constexpr std::array<std::string_view, 7> kSettlementWords = {"town", "city", "village", "port", "capital", "province", "state"};

// Titles after a place at the start of a person's name: the place is the office's ("Madhya Pradesh
// Chief Minister Uma Bharti", "London Mayor Ken Livingstone", "Texas Governor Rick Perry").
constexpr std::array<std::string_view, 12> kOfficeTitles = {
    "chief", "governor", "mayor", "minister", "premier", "president", "prime", "senator", "secretary",
    "police", "commissioner", "attorney",
};

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
      : g_(g), doc_(doc), n_(static_cast<uint32_t>(doc.tokens().size())), date_(DateNumber(doc.meta().date)) {}

  std::vector<PlaceRow> Run() {
    folded_.resize(n_);
    skip_.assign(n_, 0);
    for (uint32_t i = 0; i < n_; ++i) {
      folded_[i] = FoldWord(doc_.token(i).text());
      std::string_view text = doc_.token(i).text();
      for (std::string_view prefix : kNamePrefixes) {
        // Only a prefix written in ASCII, so that it has the same bytes in the text and folded.
        if (folded_[i].size() > prefix.size() + 1 && folded_[i].starts_with(prefix) && text.size() > prefix.size() &&
            FoldWord(text.substr(0, prefix.size())) == prefix) {
          skip_[i] = static_cast<uint8_t>(prefix.size());
          folded_[i].erase(0, prefix.size());
          break;
        }
      }
    }
    MarkNamedMentions();
    CollectSurnames();
    CollectConfirmedTowns();
    std::vector<Match> matches;
    for (const SentenceRow& s : doc_.sentences()) {
      // Headlines and datelines name places as the story does; bylines, credits and boilerplate
      // say where reporters were or what a web page links to.
      if (s.kind != Furniture::kBody && s.kind != Furniture::kHeadline && s.kind != Furniture::kDateline) continue;
      bool prev_in_org = false;
      uint32_t prev_end = 0;
      for (uint32_t i = s.first_token; i < s.end_token;) {
        Match m;
        if (StateAbbreviationAt(i, s.first_token, &m)) {
          matches.push_back(std::move(m));
          i = matches.back().end;
        } else if (MatchAt(i, s.end_token, &m)) {
          const bool in_org = InOrganisationName(m, s.first_token, s.end_token, prev_in_org, prev_end);
          const bool currency = m.end < s.end_token && OneOf(kCurrencyWords, folded_[m.end]);
          prev_in_org = in_org;
          prev_end = m.end;
          i = m.end;
          if (!in_org && !currency) matches.push_back(std::move(m));
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
  // A token's text, without a prefix such as "anti-" that the tokeniser kept on a name.
  std::string_view Text(uint32_t i) const { return doc_.token(i).text().substr(skip_[i]); }
  Upos UposOf(uint32_t i) const { return doc_.tokens()[i].upos; }

  // Tokens inside a person's or organisation's name: no place there ("Obama", "Bank of England").
  void MarkNamedMentions() {
    mention_at_.assign(n_, -1);
    for (size_t k = 0; k < doc_.mentions().size(); ++k) {
      const MentionRow& m = doc_.mentions()[k];
      if (m.kind != MentionKind::kPerson && m.kind != MentionKind::kOrganisation) continue;
      for (uint32_t i = m.first_token; i < m.end_token && i < n_; ++i) {
        if (mention_at_[i] < 0) mention_at_[i] = static_cast<int32_t>(k);
      }
    }
  }

  // One-word names the article once marks as a place beyond doubt ("the city of Afrin", "towards
  // Manbij"): its other mentions of them ("the Afrin operation") need no context. "in" and "of" alone
  // do not confirm ("shares in Wembley", "in Java" before "Java software").
  void CollectConfirmedTowns() {
    for (const SentenceRow& s : doc_.sentences()) {
      for (uint32_t i = s.first_token + 1; i < s.end_token; ++i) {
        const bool settlement_of = i >= s.first_token + 2 && folded_[i - 1] == "of" && OneOf(kSettlementWords, folded_[i - 2]);
        if (!StartsUpperWord(Text(i)) || !(settlement_of || OneOf(kConfirmingPrepositions, folded_[i - 1])) ||
            g_.Find(folded_[i]) == nullptr) {
          continue;
        }
        if (i + 1 < s.end_token && UposOf(i + 1) == Upos::PROPN && StartsUpperWord(Text(i + 1))) continue;
        confirmed_.insert(folded_[i]);
      }
    }
  }

  // A title word ("Chief", "Governor") within the first words of a person's name from i: the name
  // opens with the place of an office.
  bool OfficeTitleWithin(uint32_t i, uint32_t mention_end) const {
    for (uint32_t k = i + 1; k < mention_end && k <= i + Gazetteer::kMaxWords; ++k) {
      if (OneOf(kOfficeTitles, folded_[k])) return StartsUpperWord(Text(k));
    }
    return false;
  }

  // "COLUMBIA, S.C.", "PARKFIELD, Calif.": a US state abbreviation after a capitalised word and a
  // comma is the state.
  bool StateAbbreviationAt(uint32_t i, uint32_t s_first, Match* m) const {
    if (i < s_first + 2 || Text(i - 1) != "," || !StartsUpperWord(Text(i - 2)) || !StartsUpperWord(Text(i))) {
      return false;
    }
    std::string_view w = folded_[i];
    if (w.ends_with('.')) w.remove_suffix(1);
    for (auto [abbreviation, state] : kUsStateAbbreviations) {
      if (w != abbreviation) continue;
      const auto* names = g_.Find(state);
      if (names == nullptr) return false;
      for (const PlaceName& pn : *names) {
        const Place& p = g_.places()[pn.place];
        if (p.kind == PlaceKind::kSubdivision && p.country == "USA") {
          m->first = i, m->end = i + 1, m->candidates = {pn.place};
          return true;
        }
      }
      return false;
    }
    return false;
  }

  // The match is part of an organisation's name: "Bank of England", "Economic Commission for Latin
  // America and the Caribbean", "China Eastern Airlines".
  bool InOrganisationName(const Match& m, uint32_t s_first, uint32_t s_end, bool prev_in_org, uint32_t prev_end) const {
    uint32_t k = m.first;
    if (k > s_first && folded_[k - 1] == "the") --k;
    if (k >= s_first + 2 && (folded_[k - 1] == "of" || folded_[k - 1] == "for") && StartsUpperWord(Text(k - 2)) &&
        OneOf(kOrgHeads, folded_[k - 2])) {
      return true;
    }
    if (prev_in_org && prev_end < m.first && folded_[prev_end] == "and") {
      uint32_t j = prev_end + 1;
      if (j < m.first && folded_[j] == "the") ++j;
      if (j == m.first) return true;
    }
    for (uint32_t j = m.end; j < s_end && j < m.end + 3; ++j) {
      if (!StartsUpperWord(Text(j))) break;
      if (OneOf(kOrgTails, folded_[j])) return true;
    }
    return false;
  }

  // "in X", "at X", "from X" ... or "X, Country/State": the words around say X is a place.
  bool PlaceContext(uint32_t i, uint32_t s_end) const {
    // "in X", or a direction before it ("southern Mindanao").
    if (i > 0 && (OneOf(kPlacePrepositions, folded_[i - 1]) || OneOf(kDirections, folded_[i - 1]))) return true;
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
      const uint32_t i = first + static_cast<uint32_t>(w);
      std::string_view t = Text(i);
      if (name.shape[w] == 2 && !IsAllUpper(t)) return false;
      if (name.shape[w] == 1 && !StartsUpperWord(t) && !(w > 0 && OneOf(kGenericTails, folded_[i]))) return false;
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
    const SentenceRow& s = doc_.sentences()[doc_.tokens()[i].sentence];
    uint32_t max_len = std::min<uint32_t>(Gazetteer::kMaxWords, s_end - i);
    // "BEIJING -- ...", "BHOPAL (PTI) -": a capitalised word opening a sentence before a dash, comma or
    // bracket is a dateline, a place whatever the tagger or the actor mentions made of it.
    const bool dateline = i == s.first_token && i + 1 < s_end && IsAllUpper(Text(i)) &&
                          (Text(i + 1) == "-" || Text(i + 1) == "--" || Text(i + 1) == "\u2014" ||
                           Text(i + 1) == "," || Text(i + 1) == "(");
    // Inside a person's or organisation's name only these readings are places: a country opening a
    // longer name ("US President Joe Biden", "Iran's supreme leader ..."), any place before an office
    // title ("Madhya Pradesh Chief Minister ..."), and a one-word organisation after a place
    // preposition or as a dateline ("the summit in Brussels", where Brussels is the EU).
    bool countries_only = false;
    if (int32_t k = mention_at_[i]; k >= 0) {
      const MentionRow& named = doc_.mentions()[static_cast<size_t>(k)];
      if (named.kind == MentionKind::kOrganisation && named.end_token == named.first_token + 1 &&
          (dateline || (i > s.first_token && OneOf(kPlacePrepositions, folded_[i - 1])))) {
        max_len = 1;
      } else if (named.first_token == i && named.end_token > i + 1) {
        countries_only = !OfficeTitleWithin(i, named.end_token);
        max_len = std::min(max_len, named.end_token - i - 1);
      } else {
        return false;
      }
    }
    std::string key;
    struct Found {
      uint32_t len;
      const std::vector<PlaceName>* names;
      std::string key;
    };
    std::vector<Found> found;
    for (uint32_t len = 1; len <= max_len; ++len) {
      if (mention_at_[i] < 0 && mention_at_[i + len - 1] >= 0) break;
      if (len > 1) key += ' ';
      key += folded_[i + len - 1];
      if (const auto* names = g_.Find(key)) {
        found.push_back({len, names, key});
      } else if (i + len < s_end && Text(i + len) == "." && key.find('.') != std::string::npos) {
        // "with the U.S." at a sentence end: the tokeniser gave the abbreviation's last dot to the
        // sentence.
        if (const auto* dotted = g_.Find(key + ".")) found.push_back({len, dotted, key + "."});
      }
      if (!g_.IsPrefix(key)) break;
    }
    for (size_t f = found.size(); f-- > 0;) {
      const uint32_t len = found[f].len;
      // "Madhya Pradesh Chief Minister": a title after the place is not a longer name.
      bool longer = InsideLongerName(i, i + len, s.first_token, s_end) &&
                    !(i + len < s_end && OneOf(kOfficeTitles, folded_[i + len]));
      bool proper = dateline;
      for (uint32_t k = i; k < i + len; ++k) proper = proper || UposOf(k) == Upos::PROPN;
      // "March 14", "14 May": a month, not the town.
      bool month = len == 1 && OneOf(kMonths, folded_[i]) &&
                   ((i + 1 < s_end && IsNumber(Text(i + 1))) || (i > s.first_token && IsNumber(Text(i - 1))));
      std::string_view metonym_of = g_.MetonymCountry(found[f].key);
      // A month needs "March, Cambridgeshire" to be the town: "in March" and "March 14" are dates.
      month = month || (len == 1 && OneOf(kMonths, folded_[i]) && !(i + 2 < s_end && Text(i + 1) == ","));
      m->candidates.clear();
      std::vector<uint32_t> small_towns;  // candidates that would need a place's context on their own
      for (const PlaceName& pn : *found[f].names) {
        const Place& p = g_.places()[pn.place];
        if (countries_only && p.kind != PlaceKind::kCountry) continue;
        if (pn.since != 0 && date_ != 0 && date_ < pn.since) continue;  // not yet this place's name
        // dyad's own towns and islands (features.tsv) follow the rules of the city list's towns.
        const bool island = p.kind == PlaceKind::kFeature && p.feature == "island";
        bool local = p.kind == PlaceKind::kCity || p.kind == PlaceKind::kSubdivision || island ||
                     (p.kind == PlaceKind::kFeature && (p.feature == "city" || p.feature == "camp"));
        bool surname = len == 1 && surnames_.count(folded_[i]) > 0;
        // A small town or an island named by one word needs a place's context ("in Everett", "Holiday,
        // Florida", "flooding in Java"; not "Java software").
        bool unsure = (island || (p.kind == PlaceKind::kCity && p.population < kSmallTown)) && len == 1 &&
                      !PlaceContext(i, s_end) && confirmed_.count(folded_[i]) == 0;
        // "Whitehall" is the British government, not the town in Ohio.
        bool foreign_metonym = p.kind == PlaceKind::kCity && p.population < kSmallTown && !metonym_of.empty() &&
                               metonym_of != p.country;
        const bool needs_proper = p.kind == PlaceKind::kCity || p.kind == PlaceKind::kSubdivision;
        if (!ShapeFits(pn, i) ||
            (local && (longer || (needs_proper && !proper) || surname || month || foreign_metonym))) {
          continue;
        }
        (local && unsure ? small_towns : m->candidates).push_back(pn.place);
      }
      // Context decides whether the word is a place; once a bigger namesake says it is, the small
      // towns of that name compete too ("its Durham headquarters" in a story from north-east England).
      if (!m->candidates.empty()) m->candidates.insert(m->candidates.end(), small_towns.begin(), small_towns.end());
      small_towns.clear();
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
        // An unambiguous town counts half a country ("KINSHASA" before "Congo").
        if (!p.country.empty()) weight_[p.country] += p.kind == PlaceKind::kCountry ? 1.0 : 0.5;
      }
    }
    for (const MentionRow& m : doc_.mentions()) {
      std::string_view c = doc_.Str(m.country);
      if (c.size() == 3) ++weight_[std::string(c)];
    }
    for (const auto& [code, w] : weight_) max_weight_ = std::max(max_weight_, w);
  }

  double Score(const Place& p) const {
    double base;
    switch (p.kind) {
      case PlaceKind::kCountry: base = kCountryScore; break;  // the bonus only orders countries ("Congo")
      case PlaceKind::kFeature: return kFeatureScore;
      case PlaceKind::kCity:
        base = std::log10(static_cast<double>(p.population) + 1);
        if (p.country == "USA" && p.population < kBigUsCity) base -= kBareUsTownPenalty;
        break;
      default: base = kSubdivisionScore; break;
    }
    auto it = weight_.find(p.country);
    if (it != weight_.end() && max_weight_ > 0) base += kContextBonus * it->second / max_weight_;
    return base;
  }

  // The place a match stands for; "Ankara, Turkey" and "Springfield, Illinois" keep the candidates
  // of the country the next match names.
  int Choose(const std::vector<Match>& matches, size_t k) const {
    const Match& m = matches[k];
    std::string required;
    bool names_country = false;  // "Mexico, Philippines, Indonesia" is a list, not "Town, Country"
    for (uint32_t c : m.candidates) names_country = names_country || g_.places()[c].kind == PlaceKind::kCountry;
    if (!names_country && k + 1 < matches.size() && m.end + 1 == matches[k + 1].first && Text(m.end) == ",") {
      const auto& next = matches[k + 1].candidates;
      if (!next.empty()) {
        const Place& p = g_.places()[next[0]];
        if (p.kind == PlaceKind::kCountry || p.kind == PlaceKind::kSubdivision) required = p.country;
      }
    }
    // "the US town of Paris": a country right before "town of" pins the town as "Paris, Texas" does
    // (a demonym, "the Syrian town of", is no match and pins nothing).
    if (required.empty() && k > 0 && m.first >= 2 && matches[k - 1].end + 2 == m.first && folded_[m.first - 1] == "of" &&
        OneOf(kSettlementWords, folded_[m.first - 2]) && !matches[k - 1].candidates.empty()) {
      const Place& p = g_.places()[matches[k - 1].candidates[0]];
      if (p.kind == PlaceKind::kCountry) required = p.country;
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
  uint32_t date_;  // the article's date as YYYYMMDD; 0 when unknown
  std::vector<std::string> folded_;  // folded token, without a kNamePrefixes prefix
  std::vector<uint8_t> skip_;        // bytes of that prefix in the token's text
  std::vector<int32_t> mention_at_;  // the person or organisation mention a token is in, or -1
  std::unordered_set<std::string> surnames_;
  std::unordered_set<std::string> confirmed_;  // see CollectConfirmedTowns
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
