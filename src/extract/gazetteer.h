// The gazetteer behind the places stage: place names with country, kind and coordinates, compiled once
// into a phrase index (folded words -> candidate places) and shared read-only by every thread.
//
// Sources, read at load time (nothing of theirs is copied into the repository):
//   countries     iso-codes' ISO 3166-1 (name, common and official names), with dyad's own names for
//                 them from data/actors/countries.tsv ("Britain", "the US", "U.S."); the code is the
//                 CAMEO code there (ISO alpha-3 otherwise). Coordinates: the population-weighted centre
//                 of the country's cities in libgeonames (approximate, as GDELT's country centroids are).
//   subdivisions  iso-codes' ISO 3166-2 names (states, provinces, governorates, oblasts ...), generic
//                 words left out ("Central", "Northern"); coordinates from their cities when libgeonames
//                 names the state the same way, else none.
//   cities        Debian's libgeonames (about 24,000 cities of 15,000 people or more, with population).
//                 Cities and subdivisions also get the spellings news uses: without an Arabic article
//                 ("Al Qamishli" -> "Qamishli"), "-ah" as "-a" ("Fallujah" -> "Falluja"), the name before
//                 its river ("Newcastle upon Tyne" -> "Newcastle", "Frankfurt am Main" -> "Frankfurt").
//   features      dyad's data/places/features.tsv: regions, seas, rivers, territories, islands,
//                 former names and war-zone towns the lists lack ("northern Syria", "Black Sea", "Gaza
//                 Strip", "Donbas", "Luzon", "Bombay", "Raqqa").
// countries.tsv's metonyms ("Whitehall") are kept to tell a government from a small namesake town;
// "Congo" is also the DR Congo's name from 1997 (PlaceName::since).
// Names are matched as token sequences with the words folded (case, diacritics); each candidate keeps
// the case shape of its name so "US" needs capitals and "Nice" needs a capital. A leading "the" is
// not part of a name ("the Gaza Strip" matches "Gaza Strip").
//
// Thread-safety: immutable after Load(); lookups are const.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/string_hash.h"
#include "dyad/status.h"

namespace dyad::extract {

enum class PlaceKind : uint8_t { kCountry = 0, kSubdivision = 1, kCity = 2, kFeature = 3 };
std::string_view PlaceKindName(PlaceKind k);  // "country", "subdivision", "city", "feature"

struct Place {
  std::string name;     // canonical name ("Tehran", "Black Sea")
  std::string country;  // CAMEO / ISO alpha-3 code; empty for international features (seas, regions)
  std::string feature;  // PlaceRow::feature: "country", "subdivision", "city", "water", "region", ...
  PlaceKind kind = PlaceKind::kCity;
  uint32_t population = 0;  // cities only
  double lat = 0, lon = 0;
  bool has_coordinates = false;
};

// One way of writing a place: its words (as the tokeniser cuts them) and which must be capitalised.
struct PlaceName {
  uint32_t place = 0;               // index into Gazetteer::places()
  std::vector<uint8_t> shape;       // per word: 0 any case, 1 starts upper, 2 all upper (acronym)
  uint32_t since = 0;               // YYYYMMDD from which news uses the name for this place; 0: always
};

struct GazetteerOptions {
  std::string data_dir;        // holds places/features.tsv and actors/countries.tsv; empty: dyad's data/
  std::string iso_codes_dir = "/usr/share/iso-codes/json";  // empty: no iso-codes
  bool cities = true;          // read libgeonames
};

struct GazetteerStats {
  size_t countries = 0, subdivisions = 0, cities = 0, features = 0, names = 0;
  double seconds = 0;
};

class Gazetteer {
 public:
  // Fails when features.tsv or countries.tsv is malformed (InvalidInput, "file:line: ..."); a missing
  // iso-codes folder only leaves out what it would give (countries then come from countries.tsv).
  static Result<std::shared_ptr<const Gazetteer>> Load(const GazetteerOptions& options,
                                                       GazetteerStats* stats = nullptr);
  // Built from explicit places (tests): each place's name and aliases ('|'-separated in `aliases`).
  static std::shared_ptr<const Gazetteer> FromPlaces(std::vector<Place> places,
                                                     const std::vector<std::string>& aliases);

  const std::vector<Place>& places() const { return places_; }
  // The names written exactly as these folded words, joined by single spaces ("black sea"); null
  // when none.
  const std::vector<PlaceName>* Find(std::string_view folded_words) const;
  // True when some longer name starts with these folded words ("new" for "new york"): matching stops
  // extending a phrase as soon as this is false, so most tokens cost one lookup.
  bool IsPrefix(std::string_view folded_words) const { return prefixes_.count(std::string(folded_words)) > 0; }
  // A country's index in places() by its code ("IRN"), or -1.
  int CountryByCode(std::string_view code) const;
  // The country whose government a folded one-word-or-more name stands for in countries.tsv
  // ("whitehall" -> "GBR", "kremlin" -> "RUS"); empty when none.
  std::string_view MetonymCountry(std::string_view folded_words) const {
    auto it = metonyms_.find(folded_words);
    return it == metonyms_.end() ? std::string_view() : std::string_view(it->second);
  }
  static constexpr uint32_t kMaxWords = 6;  // longest name, in words

 private:
  void AddName(uint32_t place, std::string_view name, uint32_t since = 0);
  std::vector<Place> places_;
  StringMap<std::vector<PlaceName>> names_;
  std::unordered_set<std::string> prefixes_;
  StringMap<int> country_by_code_;
  StringMap<std::string> metonyms_;  // folded metonym -> country code
};

// The folded form of one word as the gazetteer compares it (case folded, diacritics stripped, quotes
// and dashes straightened).
std::string FoldWord(std::string_view word);

}  // namespace dyad::extract
