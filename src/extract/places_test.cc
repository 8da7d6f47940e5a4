#include "extract/places.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "actors/actor_loader.h"
#include "actors/actor_stage.h"
#include "io/conllu.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/furniture.h"
#include "text/text_stage.h"

namespace dyad::extract {
namespace {

Place P(std::string name, std::string country, PlaceKind kind, uint32_t population = 0, double lat = 1, double lon = 2) {
  Place p;
  p.name = std::move(name);
  p.country = std::move(country);
  p.kind = kind;
  p.feature = kind == PlaceKind::kFeature ? "water" : std::string(PlaceKindName(kind));
  p.population = population;
  p.lat = lat, p.lon = lon, p.has_coordinates = true;
  return p;
}

std::shared_ptr<const Gazetteer> Small() {
  return Gazetteer::FromPlaces(
      {P("Iran", "IRN", PlaceKind::kCountry), P("United States", "USA", PlaceKind::kCountry),
       P("France", "FRA", PlaceKind::kCountry), P("Tehran", "IRN", PlaceKind::kCity, 7000000, 35.69, 51.42),
       P("Paris", "FRA", PlaceKind::kCity, 2100000, 48.85, 2.35), P("Paris", "USA", PlaceKind::kCity, 25000, 33.66, -95.55),
       P("Warren", "USA", PlaceKind::kCity, 134000), P("Black Sea", "", PlaceKind::kFeature, 0, 43.4, 34.0),
       P("Springfield", "USA", PlaceKind::kCity, 160000), P("Springfield", "GBR", PlaceKind::kCity, 20000)},
      {"Persia", "US|U.S.|America", "", "", "", "", "", "", "", ""});
}

// Words of one sentence: form and UPOS (no parse needed).
using W = std::pair<const char*, const char*>;

Document Doc(const std::vector<std::vector<W>>& sentences) {
  std::ostringstream out;
  for (const auto& s : sentences) {
    int id = 0;
    for (const auto& [form, upos] : s) {
      out << ++id << '\t' << form << '\t' << form << '\t' << upos << "\t_\t_\t_\t_\t_\t_\n";
    }
    out << '\n';
  }
  auto doc = ReadConllu(out.str());
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return std::move(doc).value();
}

// "text=COUNTRY/feature" for every place.
std::string Describe(Document& doc, const std::vector<PlaceRow>& rows) {
  std::string s;
  for (const auto& r : rows) {
    std::string text;
    for (uint32_t t = r.first_token; t < r.end_token; ++t) text += (t > r.first_token ? " " : "") + std::string(doc.token(t).text());
    s += "[" + text + "=" + std::string(doc.Str(r.name)) + "/" + std::string(doc.Str(r.country)) + "/" +
         std::string(doc.Str(r.feature)) + "]";
  }
  return s;
}

TEST(PlacesTest, CountriesCitiesFeaturesAndCase) {
  auto g = Small();
  Document doc = Doc({{{"Putin", "PROPN"}, {"flew", "VERB"}, {"to", "ADP"}, {"Tehran", "PROPN"}, {"near", "ADP"},
                       {"the", "DET"}, {"Black", "PROPN"}, {"Sea", "PROPN"}, {".", "PUNCT"}},
                      {{"Ask", "VERB"}, {"us", "PRON"}, {"about", "ADP"}, {"the", "DET"}, {"US", "PROPN"}, {"and", "CCONJ"},
                       {"Persia", "PROPN"}, {".", "PUNCT"}}});
  auto rows = FindPlaces(*g, doc);
  EXPECT_EQ(Describe(doc, rows),
            "[Tehran=Tehran/IRN/city][Black Sea=Black Sea//water][US=United States/USA/country][Persia=Iran/IRN/country]");
  ASSERT_FALSE(rows.empty());
  EXPECT_TRUE(rows[0].has_coordinates);
  EXPECT_NEAR(rows[0].lat, 35.69, 1e-9);
}

TEST(PlacesTest, DirectionMakesARegion) {
  auto g = Small();
  Document doc = Doc({{{"Fighting", "NOUN"}, {"in", "ADP"}, {"northern", "ADJ"}, {"Iran", "PROPN"}, {"and", "CCONJ"},
                       {"north", "ADJ"}, {"-", "PUNCT"}, {"west", "ADJ"}, {"France", "PROPN"}, {".", "PUNCT"}}});
  EXPECT_EQ(Describe(doc, FindPlaces(*g, doc)),
            "[northern Iran=northern Iran/IRN/region][north - west France=north-west France/FRA/region]");
}

TEST(PlacesTest, AmbiguousNamesTakeContext) {
  auto g = Small();
  // No context: the bigger Paris.
  Document a = Doc({{{"Talks", "NOUN"}, {"in", "ADP"}, {"Paris", "PROPN"}, {".", "PUNCT"}}});
  EXPECT_EQ(Describe(a, FindPlaces(*g, a)), "[Paris=Paris/FRA/city]");
  // "Springfield, France" pins the country after the comma, against population and context.
  Document c = Doc({{{"America", "PROPN"}, {"votes", "VERB"}, {".", "PUNCT"}},
                    {{"Talks", "NOUN"}, {"in", "ADP"}, {"Springfield", "PROPN"}, {",", "PUNCT"}, {"France", "PROPN"}}});
  auto springfield = Gazetteer::FromPlaces({P("France", "FRA", PlaceKind::kCountry), P("America", "USA", PlaceKind::kCountry),
                                            P("Springfield", "USA", PlaceKind::kCity, 160000),
                                            P("Springfield", "FRA", PlaceKind::kCity, 20000)},
                                           {});
  EXPECT_EQ(Describe(c, FindPlaces(*springfield, c)),
            "[America=America/USA/country][Springfield=Springfield/FRA/city][France=France/FRA/country]");
  // "The US town of Paris" pins the country as "Paris, Texas" would.
  Document b = Doc({{{"America", "PROPN"}, {"votes", "VERB"}, {".", "PUNCT"}},
                    {{"The", "DET"}, {"US", "PROPN"}, {"town", "NOUN"}, {"of", "ADP"}, {"Paris", "PROPN"}, {"voted", "VERB"}}});
  EXPECT_EQ(Describe(b, FindPlaces(*g, b)),
            "[America=United States/USA/country][US=United States/USA/country][Paris=Paris/USA/city]");
}

TEST(PlacesTest, AWordUsedAsASurnameIsNoTown) {
  auto g = Small();
  Document doc = Doc({{{"Senator", "PROPN"}, {"Elizabeth", "PROPN"}, {"Warren", "PROPN"}, {"spoke", "VERB"}},
                      {{"Warren", "PROPN"}, {"left", "VERB"}, {"for", "ADP"}, {"Tehran", "PROPN"}}});
  EXPECT_EQ(Describe(doc, FindPlaces(*g, doc)), "[Tehran=Tehran/IRN/city]");
  Document town = Doc({{{"Workers", "NOUN"}, {"in", "ADP"}, {"Warren", "PROPN"}, {"struck", "VERB"}}});
  EXPECT_EQ(Describe(town, FindPlaces(*g, town)), "[Warren=Warren/USA/city]");
}

TEST(PlacesTest, NoTownsInsidePeoplesNames) {
  auto g = Small();
  Document doc = Doc({{{"Elizabeth", "PROPN"}, {"Warren", "PROPN"}, {"spoke", "VERB"}, {".", "PUNCT"}},
                      {{"Warren", "PROPN"}, {"spoke", "VERB"}, {"again", "ADV"}, {".", "PUNCT"}}});
  MentionRow warren;  // the actors stage knows her surname
  warren.first_token = 4, warren.end_token = 5, warren.head_token = 4, warren.kind = MentionKind::kPerson;
  doc.mutable_mentions().push_back(warren);
  EXPECT_EQ(Describe(doc, FindPlaces(*g, doc)), "");
}

// ---- The real gazetteer (iso-codes, libgeonames, data/places) and the seed article ----

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(PlacesTest, RealGazetteerLoads) {
  if (!std::filesystem::exists("/usr/share/iso-codes/json/iso_3166-1.json")) GTEST_SKIP() << "iso-codes not installed";
  GazetteerStats stats;
  auto g = Gazetteer::Load({}, &stats);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  std::printf("gazetteer: %zu countries, %zu subdivisions, %zu cities, %zu features, %zu names, %.0f ms\n",
              stats.countries, stats.subdivisions, stats.cities, stats.features, stats.names, 1000 * stats.seconds);
  EXPECT_GE(stats.countries, 240u);
  EXPECT_GE(stats.cities, 20000u);
  EXPECT_GE(stats.features, 100u);
  EXPECT_LT(stats.seconds, 2.0);
  int irn = (*g)->CountryByCode("IRN");
  ASSERT_GE(irn, 0);
  const Place& iran = (*g)->places()[static_cast<size_t>(irn)];
  EXPECT_TRUE(iran.has_coordinates);  // the centre of Iran's cities: inside Iran
  EXPECT_GT(iran.lat, 25);
  EXPECT_LT(iran.lat, 40);
  EXPECT_GT(iran.lon, 44);
  EXPECT_LT(iran.lon, 63);
  EXPECT_NE((*g)->Find("tehran"), nullptr);
  EXPECT_NE((*g)->Find("gaza strip"), nullptr);
  EXPECT_NE((*g)->Find("california"), nullptr);  // a subdivision
}

TEST(PlacesTest, MalformedFeaturesFileFailsWithItsLine) {
  auto dir = std::filesystem::temp_directory_path() / "dyad_places_test";
  std::filesystem::create_directories(dir / "places");
  std::filesystem::create_directories(dir / "actors");
  std::ofstream(dir / "actors" / "countries.tsv") << "code\tiso2\tname\taliases\nIRN\tIR\tIran\tPersia\n";
  std::ofstream(dir / "places" / "features.tsv") << "name\taliases\tcountry\tfeature\tlat\tlon\n"
                                                 << "Lake X\t\tIRN\twater\t95\t10\n";
  auto g = Gazetteer::Load({dir.string(), "", false});
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("features.tsv:2"), std::string::npos) << g.status().message();
  std::ofstream(dir / "places" / "features.tsv") << "name\taliases\tcountry\tfeature\tlat\tlon\n"
                                                 << "Lake X\t\tXYZ\twater\t5\t10\n";
  EXPECT_FALSE(Gazetteer::Load({dir.string(), "", false}).ok());  // unknown country
  std::filesystem::remove_all(dir);
}

TEST(PlacesTest, SeedArticlePlaces) {
  std::string models = std::string(DYAD_SOURCE_DIR) + "/models";
  auto tagger = LoadTaggerStage(models + "/tagger.dyad");
  auto parser = LoadParserStage(models + "/parser.dyad");
  if (!tagger.ok() || !parser.ok()) GTEST_SKIP() << "models/tagger.dyad or parser.dyad missing";
  if (!std::filesystem::exists("/usr/share/iso-codes/json/iso_3166-1.json")) GTEST_SKIP() << "iso-codes not installed";
  auto index = actors::LoadActorIndex({});
  auto g = Gazetteer::Load({});
  ASSERT_TRUE(index.ok() && g.ok());
  Pipeline p;
  for (auto s : {MakeTextStage(), MakeFurnitureStage(), *tagger, *parser, actors::MakeActorStage(*index), MakePlaceStage(*g)}) {
    ASSERT_TRUE(p.Add(s).ok());
  }
  // DYAD_PLACES_FILE=path prints the places of another text instead (to look for false readings).
  const char* other = std::getenv("DYAD_PLACES_FILE");
  Document doc(ReadAll(other ? other : std::string(DYAD_SOURCE_DIR) + "/examples/putin-tehran-2022-07-18.txt"));
  doc.meta().date = "2022-07-18";
  Pipeline::Scratch scratch(p);
  ASSERT_TRUE(p.Process(doc, scratch).ok());
  if (other != nullptr) {
    for (const auto& r : doc.places()) {
      std::printf("%s -> %s/%s\n", std::string(doc.text().substr(doc.tokens()[r.first_token].begin, doc.tokens()[r.end_token - 1].end - doc.tokens()[r.first_token].begin)).c_str(),
                  std::string(doc.Str(r.name)).c_str(), std::string(doc.Str(r.country)).c_str());
    }
    return;
  }
  std::map<std::string, std::string> got;  // text -> COUNTRY/feature (first occurrence)
  for (const auto& r : doc.places()) {
    std::string text = doc.text().substr(doc.tokens()[r.first_token].begin,
                                         doc.tokens()[r.end_token - 1].end - doc.tokens()[r.first_token].begin);
    got.emplace(text, std::string(doc.Str(r.country)) + "/" + std::string(doc.Str(r.feature)));
    std::printf("%s -> %s %s/%s (%.2f, %.2f)\n", text.c_str(), std::string(doc.Str(r.name)).c_str(),
                std::string(doc.Str(r.country)).c_str(), std::string(doc.Str(r.feature)).c_str(), r.lat, r.lon);
    EXPECT_TRUE(r.has_coordinates) << text;
  }
  const std::map<std::string, std::string> want = {
      {"Tehran", "IRN/city"},         {"Iran", "IRN/country"},          {"Ukraine", "UKR/country"},
      {"Syria", "SYR/country"},       {"Black Sea", "/water"},          {"Azerbaijan", "AZE/country"},
      {"Libya", "LBY/country"},       {"Jerusalem", "ISR/city"},        {"Jeddah", "SAU/city"},
      {"northern Syria", "SYR/region"}, {"north-west Syria", "SYR/region"}, {"Moscow", "RUS/city"},
      {"Turkmenistan", "TKM/country"}, {"United Arab Emirates", "ARE/country"}, {"Saudi Arabia", "SAU/country"},
      {"central Iran", "IRN/region"},
  };
  // The credit line ("... in Dubai, United Arab Emirates and ... in Ankara, Turkey contributed.") is
  // furniture, not the story: no place from it.
  EXPECT_EQ(got.count("Ankara"), 0u);
  EXPECT_EQ(got.count("Dubai"), 0u);
  for (const auto& [text, code] : want) {
    auto it = got.find(text);
    ASSERT_NE(it, got.end()) << "missing place: " << text;
    EXPECT_EQ(it->second, code) << text;
  }
}

// Regressions from the place gold's dev errors (eval/places): names inside organisation and currency
// names, prefixed names, months, state abbreviations, headlines, names that open a person's mention.
TEST(PlacesTest, OrganisationsCurrenciesMonthsAndPrefixes) {
  auto g = Gazetteer::FromPlaces(
      {P("Iran", "IRN", PlaceKind::kCountry), P("United States", "USA", PlaceKind::kCountry),
       P("United Kingdom", "GBR", PlaceKind::kCountry), P("China", "CHN", PlaceKind::kCountry),
       P("Latin America", "", PlaceKind::kFeature), P("Caribbean", "", PlaceKind::kFeature),
       P("March", "GBR", PlaceKind::kCity, 21000), P("Columbia", "USA", PlaceKind::kCity, 130000),
       P("Columbia", "COL", PlaceKind::kCity, 16000), P("South Carolina", "USA", PlaceKind::kSubdivision)},
      {"", "US", "England|Britain", "", "", "", "", "", "", ""});
  Document doc = Doc({{{"anti-Iran", "ADJ"}, {"rhetoric", "NOUN"}, {"rose", "VERB"}, {".", "PUNCT"}},
                      {{"The", "DET"}, {"Bank", "PROPN"}, {"of", "ADP"}, {"England", "PROPN"}, {"and", "CCONJ"},
                       {"the", "DET"}, {"Commission", "PROPN"}, {"for", "ADP"}, {"Latin", "PROPN"}, {"America", "PROPN"},
                       {"and", "CCONJ"}, {"the", "DET"}, {"Caribbean", "PROPN"}, {"met", "VERB"}, {".", "PUNCT"}},
                      {{"The", "DET"}, {"US", "PROPN"}, {"dollar", "NOUN"}, {"fell", "VERB"}, {"in", "ADP"},
                       {"March", "PROPN"}, {"and", "CCONJ"}, {"on", "ADP"}, {"March", "PROPN"}, {"14", "NUM"},
                       {".", "PUNCT"}},
                      {{"China", "PROPN"}, {"Eastern", "PROPN"}, {"Airlines", "PROPN"}, {"flew", "VERB"},
                       {"to", "ADP"}, {"Britain", "PROPN"}, {".", "PUNCT"}},
                      {{"COLUMBIA", "PROPN"}, {",", "PUNCT"}, {"S.C.", "PROPN"}, {"-", "PUNCT"}, {"Rain", "NOUN"},
                       {".", "PUNCT"}}});
  EXPECT_EQ(Describe(doc, FindPlaces(*g, doc)),
            "[anti-Iran=Iran/IRN/country][Britain=United Kingdom/GBR/country][COLUMBIA=Columbia/USA/city]"
            "[S.C.=South Carolina/USA/subdivision]");
}

TEST(PlacesTest, HeadlinesCountCreditsDoNot) {
  auto g = Small();
  Document doc = Doc({{{"Talks", "NOUN"}, {"in", "ADP"}, {"Tehran", "PROPN"}},
                      {{"Smith", "PROPN"}, {"reported", "VERB"}, {"from", "ADP"}, {"Paris", "PROPN"}, {".", "PUNCT"}}});
  doc.mutable_sentences()[0].kind = Furniture::kHeadline;
  doc.mutable_sentences()[1].kind = Furniture::kCredit;
  EXPECT_EQ(Describe(doc, FindPlaces(*g, doc)), "[Tehran=Tehran/IRN/city]");
}

TEST(PlacesTest, RealGazetteerSpellingsDatesAndIslands) {
  auto g = Gazetteer::Load({});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  auto places = [&](Document& doc, const std::string& date) {
    doc.meta().date = date;
    return Describe(doc, FindPlaces(**g, doc));
  };
  // "Fallujah" is written "Falluja"; "Falkland islands" with a small i; an island needs a place's
  // context ("in Java", not "Java software"); Whitehall is the British government, not a town in Ohio.
  Document a = Doc({{{"Fighting", "NOUN"}, {"in", "ADP"}, {"Falluja", "PROPN"}, {"and", "CCONJ"}, {"the", "DET"},
                     {"Falkland", "PROPN"}, {"islands", "NOUN"}, {".", "PUNCT"}},
                    {{"Java", "PROPN"}, {"software", "NOUN"}, {"runs", "VERB"}, {"in", "ADP"}, {"Java", "PROPN"},
                     {".", "PUNCT"}},
                    {{"Talks", "NOUN"}, {"in", "ADP"}, {"Whitehall", "PROPN"}, {".", "PUNCT"}}});
  std::string got = places(a, "2004-11-20");
  EXPECT_NE(got.find("[Falluja=Fallujah/IRQ/city]"), std::string::npos) << got;
  EXPECT_NE(got.find("[Falkland islands="), std::string::npos) << got;
  EXPECT_NE(got.find("/FLK/"), std::string::npos) << got;
  EXPECT_EQ(got.find("[Java=Java/IDN/island][Java"), std::string::npos) << got;  // once, not twice
  EXPECT_NE(got.find("[Java=Java/IDN/island]"), std::string::npos) << got;
  EXPECT_EQ(got.find("Whitehall"), std::string::npos) << got;
  // Bare "Congo": the Republic of the Congo before Zaire took the name in 1997, the DR Congo after.
  Document before = Doc({{{"Sugar", "NOUN"}, {"from", "ADP"}, {"Congo", "PROPN"}, {".", "PUNCT"}}});
  EXPECT_EQ(places(before, "1987-02-26"), "[Congo=Republic of the Congo/COG/country]");
  Document after = Doc({{{"Fighting", "NOUN"}, {"in", "ADP"}, {"Congo", "PROPN"}, {".", "PUNCT"}}});
  EXPECT_EQ(places(after, "2004-12-01"), "[Congo=Democratic Republic of the Congo/COD/country]");
}

}  // namespace
}  // namespace dyad::extract
