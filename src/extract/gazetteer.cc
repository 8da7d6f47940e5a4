#include "extract/gazetteer.h"

#include <geonames/geonames.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>

#include "actors/actor_loader.h"
#include "actors/fold.h"
#include "core/split.h"

namespace dyad::extract {
namespace {

namespace fs = std::filesystem;

// Subdivision names that are ordinary words in news text ("Central", "Northern" are regions of
// several countries): never matched as places.
constexpr std::array<std::string_view, 24> kGenericNames = {
    "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
    "capital", "centre", "center", "coast", "coastal", "islands", "lakes", "upper", "lower",
    "north east", "north west", "south east", "south west", "city", "federal",
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Population-weighted centre of points on the sphere (unit vectors, so it is right across 180°).
struct Centre {
  double x = 0, y = 0, z = 0;
  void Add(double lat, double lon, double weight) {
    double la = lat * std::numbers::pi / 180, lo = lon * std::numbers::pi / 180;
    x += weight * std::cos(la) * std::cos(lo);
    y += weight * std::cos(la) * std::sin(lo);
    z += weight * std::sin(la);
  }
  bool Get(double* lat, double* lon) const {
    double h = std::sqrt(x * x + y * y);
    if (h == 0 && z == 0) return false;
    *lat = std::atan2(z, h) * 180 / std::numbers::pi;
    *lon = std::atan2(y, x) * 180 / std::numbers::pi;
    return true;
  }
};

struct City {
  std::string name, state, iso2;
  double lat = 0, lon = 0;
  uint32_t population = 0;
};

std::vector<City> ReadGeonamesCities() {
  std::vector<City> out;
  gint n = geonames_get_n_cities();
  out.reserve(static_cast<size_t>(std::max(n, 0)));
  for (gint i = 0; i < n; ++i) {
    GeonamesCity* c = geonames_get_city(i);
    if (c == nullptr) continue;
    City city;
    const gchar* name = geonames_city_get_name(c);
    const gchar* state = geonames_city_get_state(c);
    const gchar* iso2 = geonames_city_get_country_code(c);
    city.name = name ? name : "";
    city.state = state ? state : "";
    city.iso2 = iso2 ? iso2 : "";
    city.lat = geonames_city_get_latitude(c);
    city.lon = geonames_city_get_longitude(c);
    city.population = geonames_city_get_population(c);
    geonames_city_free(c);
    if (!city.name.empty() && city.iso2.size() == 2) out.push_back(std::move(city));
  }
  return out;
}

// Calls row(line_number, cells) for every data row of a dyad TSV table (comments, blanks and the
// header line skipped).
template <typename F>
Status ForEachRow(const fs::path& path, std::string_view header_first, F row) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path.string() + ": cannot open");
  std::string line;
  size_t no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || IsBlank(line) || line.starts_with(header_first)) continue;
    DYAD_RETURN_IF_ERROR(row(no, SplitFields(line)));
  }
  return Status::Ok();
}

// A name iso-codes gives to one country that news also uses for another, from a date on: bare
// "Congo" is the Democratic Republic of the Congo too since Zaire took that name (17 May 1997).
struct SharedCountryName {
  std::string_view name, code;
  uint32_t since;  // YYYYMMDD
};
constexpr std::array<SharedCountryName, 1> kSharedCountryNames = {{
    {"Congo", "COD", 19970517},
}};

// Arabic article prefixes as romanised in gazetteers ("Al Qamishli", "Ar Raqqah", "As-Suwayda").
constexpr std::array<std::string_view, 13> kArticlePrefixes = {
    "al ", "al-", "ar ", "ar-", "as ", "as-", "ash ", "ad ", "an ", "at ", "az ", "el ", "el-",
};

constexpr std::array<std::string_view, 6> kRiverSeparators = {" upon ", "-upon-", " am ", " an der ", "-on-", " on "};

// Other spellings news uses for a gazetteer name: without the Arabic article ("Al Qamishli" ->
// "Qamishli") and with a final "-ah" written "-a" ("Fallujah" -> "Falluja"). Each variant keeps at
// least four letters, so no short common word becomes a place.
std::vector<std::string> SpellingVariants(std::string_view name) {
  std::vector<std::string> out;
  std::string lower = FoldWord(name);
  std::string base(name);
  for (std::string_view prefix : kArticlePrefixes) {
    if (lower.size() >= prefix.size() + 4 && lower.starts_with(prefix) && name.size() > prefix.size() &&
        FoldWord(name.substr(0, prefix.size())) == prefix) {
      base = std::string(name.substr(prefix.size()));
      out.push_back(base);
      break;
    }
  }
  if (base.size() >= 6 && base.ends_with("ah") && base.find(' ') == std::string::npos) {
    out.push_back(base.substr(0, base.size() - 1));
  }
  // The short name of a town named after its river: "Newcastle upon Tyne", "Frankfurt am Main",
  // "Stoke-on-Trent", "Rostov-on-Don".
  for (std::string_view sep : kRiverSeparators) {
    size_t at = base.find(sep);
    if (at != std::string::npos && at >= 4) {
      out.push_back(base.substr(0, at));
      break;
    }
  }
  return out;
}

}  // namespace

std::string_view PlaceKindName(PlaceKind k) {
  switch (k) {
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kSubdivision: return "subdivision";
    case PlaceKind::kCity: return "city";
    case PlaceKind::kFeature: return "feature";
  }
  return "";
}

std::string FoldWord(std::string_view word) { return actors::FoldKey(word); }

void Gazetteer::AddName(uint32_t place, std::string_view name, uint32_t since) {
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  if (name.starts_with("the ") || name.starts_with("The ")) name.remove_prefix(4);
  if (name.empty()) return;
  std::vector<std::string> words = actors::SplitPhrase(name);
  if (words.empty() || words.size() > kMaxWords) return;
  std::string key;
  PlaceName pn;
  pn.place = place;
  pn.since = since;
  for (const std::string& w : words) {
    if (!key.empty()) {
      prefixes_.insert(key);
      key += ' ';
    }
    key += FoldWord(w);
    pn.shape.push_back(actors::IsAcronym(w) ? 2 : actors::StartsUpper(w) ? 1 : 0);
  }
  auto& list = names_[key];
  for (const PlaceName& other : list) {
    if (other.place == place) return;
  }
  list.push_back(std::move(pn));
}

const std::vector<PlaceName>* Gazetteer::Find(std::string_view folded_words) const {
  auto it = names_.find(folded_words);
  return it == names_.end() ? nullptr : &it->second;
}

int Gazetteer::CountryByCode(std::string_view code) const {
  auto it = country_by_code_.find(code);
  return it == country_by_code_.end() ? -1 : it->second;
}

std::shared_ptr<const Gazetteer> Gazetteer::FromPlaces(std::vector<Place> places,
                                                       const std::vector<std::string>& aliases) {
  auto g = std::make_shared<Gazetteer>();
  g->places_ = std::move(places);
  for (uint32_t i = 0; i < g->places_.size(); ++i) {
    g->AddName(i, g->places_[i].name);
    if (i < aliases.size()) {
      for (const std::string& a : SplitList(aliases[i])) g->AddName(i, a);
    }
    if (g->places_[i].kind == PlaceKind::kCountry) g->country_by_code_[g->places_[i].country] = static_cast<int>(i);
  }
  return g;
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const GazetteerOptions& options, GazetteerStats* stats) {
  auto t0 = std::chrono::steady_clock::now();
  auto g = std::make_shared<Gazetteer>();
  fs::path data = options.data_dir.empty() ? fs::path(actors::DefaultDataDir()) : fs::path(options.data_dir);
  std::vector<City> cities;
  if (options.cities) cities = ReadGeonamesCities();

  // Countries: dyad's table first (codes and the names news uses), then iso-codes' names.
  std::unordered_map<std::string, int> country_by_iso2;
  std::vector<std::vector<std::string>> country_names;
  Status s = ForEachRow(data / "actors" / "countries.tsv", "code\t", [&](size_t no, const auto& f) -> Status {
    if (f.size() < 4) {
      return Status::InvalidInput("countries.tsv:" + std::to_string(no) + ": expected code, iso2, name, aliases");
    }
    if (f[0].size() != 3) return Status::Ok();  // a breakaway entity under its claimant (CYPTRK): not a country
    Place p;
    p.name = std::string(f[2]);
    p.country = std::string(f[0]);
    p.kind = PlaceKind::kCountry;
    p.feature = "country";
    int index = static_cast<int>(g->places_.size());
    if (g->country_by_code_.count(p.country) != 0) return Status::Ok();  // a second trio of the same code
    g->country_by_code_[p.country] = index;
    if (f[1].size() == 2) country_by_iso2[std::string(f[1])] = index;
    std::vector<std::string> names = {p.name};
    for (const std::string& a : SplitList(f[3])) names.push_back(a);
    if (f.size() > 5) {
      for (const std::string& m : SplitList(f[5])) g->metonyms_.emplace(FoldWord(m), p.country);
    }
    country_names.push_back(std::move(names));
    g->places_.push_back(std::move(p));
    return Status::Ok();
  });
  if (!s.ok() && s.code() != StatusCode::kNotFound) return s;

  fs::path iso = options.iso_codes_dir;
  std::unordered_map<std::string, std::string> alpha3_of_iso2;
  if (!options.iso_codes_dir.empty() && fs::exists(iso / "iso_3166-1.json")) {
    auto j = nlohmann::json::parse(ReadAll(iso / "iso_3166-1.json"), nullptr, false);
    if (j.is_discarded() || !j.contains("3166-1")) return Status::Corrupt((iso / "iso_3166-1.json").string() + ": not JSON");
    for (const auto& c : j["3166-1"]) {
      std::string a2 = c.value("alpha_2", ""), a3 = c.value("alpha_3", "");
      if (a2.size() != 2 || a3.size() != 3) continue;
      alpha3_of_iso2[a2] = a3;
      int index;
      auto it = country_by_iso2.find(a2);
      if (it != country_by_iso2.end()) {
        index = it->second;
      } else {
        Place p;
        p.name = c.value("common_name", c.value("name", ""));
        p.country = a3;
        p.kind = PlaceKind::kCountry;
        p.feature = "country";
        index = static_cast<int>(g->places_.size());
        country_by_iso2[a2] = index;
        g->country_by_code_.emplace(a3, index);
        country_names.push_back({p.name});
        g->places_.push_back(std::move(p));
      }
      for (const char* key : {"name", "common_name", "official_name"}) {
        std::string n = c.value(key, "");
        // "Korea, Republic of" and "Bolivia (Plurinational State of)" are catalogue forms, not text.
        if (!n.empty() && n.find(',') == std::string::npos && n.find('(') == std::string::npos) {
          country_names[static_cast<size_t>(index)].push_back(n);
        }
      }
    }
  }
  // Short names two countries share in news: both are candidates and the article's context chooses
  // (iso-codes gives bare "Congo" to the Republic of the Congo only). Added first, so that without
  // context the country news usually means wins the tie.
  for (const SharedCountryName& shared : kSharedCountryNames) {
    if (int index = g->CountryByCode(shared.code); index >= 0) {
      g->AddName(static_cast<uint32_t>(index), shared.name, shared.since);
    }
  }
  for (size_t i = 0; i < country_names.size(); ++i) {
    for (const std::string& n : country_names[i]) g->AddName(static_cast<uint32_t>(i), n);
  }
  // Country centres from their cities.
  {
    std::unordered_map<int, Centre> centres;
    for (const City& c : cities) {
      auto it = country_by_iso2.find(c.iso2);
      if (it != country_by_iso2.end()) centres[it->second].Add(c.lat, c.lon, c.population);
    }
    for (auto& [index, centre] : centres) {
      Place& p = g->places_[static_cast<size_t>(index)];
      p.has_coordinates = centre.Get(&p.lat, &p.lon);
    }
  }
  size_t n_countries = g->places_.size();
  auto code_of_iso2 = [&](const std::string& a2) -> std::string {
    auto it = country_by_iso2.find(a2);
    if (it != country_by_iso2.end()) return g->places_[static_cast<size_t>(it->second)].country;
    auto a3 = alpha3_of_iso2.find(a2);
    return a3 == alpha3_of_iso2.end() ? "" : a3->second;
  };

  // Subdivisions, with centres from the cities libgeonames places in a state of the same name.
  size_t n_subdivisions = 0;
  if (!options.iso_codes_dir.empty() && fs::exists(iso / "iso_3166-2.json")) {
    auto j = nlohmann::json::parse(ReadAll(iso / "iso_3166-2.json"), nullptr, false);
    if (j.is_discarded() || !j.contains("3166-2")) return Status::Corrupt((iso / "iso_3166-2.json").string() + ": not JSON");
    std::unordered_map<std::string, Centre> state_centres;  // "US|california"
    for (const City& c : cities) state_centres[c.iso2 + "|" + FoldWord(c.state)].Add(c.lat, c.lon, c.population);
    for (const auto& d : j["3166-2"]) {
      std::string code = d.value("code", ""), name = d.value("name", "");
      if (code.size() < 4 || name.size() < 4 || name.find_first_of(",([") != std::string::npos) continue;
      std::string folded = FoldWord(name);
      if (std::find(kGenericNames.begin(), kGenericNames.end(), folded) != kGenericNames.end()) continue;
      Place p;
      p.name = name;
      p.country = code_of_iso2(code.substr(0, 2));
      p.kind = PlaceKind::kSubdivision;
      p.feature = "subdivision";
      auto it = state_centres.find(code.substr(0, 2) + "|" + folded);
      if (it != state_centres.end()) p.has_coordinates = it->second.Get(&p.lat, &p.lon);
      uint32_t index = static_cast<uint32_t>(g->places_.size());
      g->AddName(index, name);
      for (const std::string& v : SpellingVariants(name)) g->AddName(index, v);
      g->places_.push_back(std::move(p));
      ++n_subdivisions;
    }
  }

  // Cities.
  for (City& c : cities) {
    if (c.name.size() < 3) continue;
    Place p;
    p.name = std::move(c.name);
    p.country = code_of_iso2(c.iso2);
    p.kind = PlaceKind::kCity;
    p.feature = "city";
    p.population = c.population;
    p.lat = c.lat, p.lon = c.lon, p.has_coordinates = true;
    uint32_t index = static_cast<uint32_t>(g->places_.size());
    g->AddName(index, p.name);
    for (const std::string& v : SpellingVariants(p.name)) g->AddName(index, v);
    g->places_.push_back(std::move(p));
  }
  size_t n_cities = g->places_.size() - n_countries - n_subdivisions;

  // dyad's own regions and features.
  size_t n_features = 0;
  DYAD_RETURN_IF_ERROR(ForEachRow(data / "places" / "features.tsv", "name\t", [&](size_t no, const auto& f) -> Status {
    auto bad = [&](const std::string& why) {
      return Status::InvalidInput("places/features.tsv:" + std::to_string(no) + ": " + why);
    };
    if (f.size() < 6) return bad("expected name, aliases, country, feature, lat, lon");
    Place p;
    p.name = std::string(f[0]);
    p.country = std::string(f[2]);
    p.kind = PlaceKind::kFeature;
    p.feature = std::string(f[3]);
    if (p.name.empty() || p.feature.empty()) return bad("empty name or feature");
    if (!p.country.empty() && g->CountryByCode(p.country) < 0) return bad("unknown country code " + p.country);
    char* end = nullptr;
    std::string lat(f[4]), lon(f[5]);
    p.lat = std::strtod(lat.c_str(), &end);
    if (end == lat.c_str() || p.lat < -90 || p.lat > 90) return bad("bad latitude '" + lat + "'");
    p.lon = std::strtod(lon.c_str(), &end);
    if (end == lon.c_str() || p.lon < -180 || p.lon > 180) return bad("bad longitude '" + lon + "'");
    p.has_coordinates = true;
    uint32_t index = static_cast<uint32_t>(g->places_.size());
    g->AddName(index, p.name);
    for (const std::string& a : SplitList(f[1])) g->AddName(index, a);
    g->places_.push_back(std::move(p));
    ++n_features;
    return Status::Ok();
  }));

  if (stats != nullptr) {
    stats->countries = n_countries;
    stats->subdivisions = n_subdivisions;
    stats->cities = n_cities;
    stats->features = n_features;
    stats->names = g->names_.size();
    stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

}  // namespace dyad::extract
