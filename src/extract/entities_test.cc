#include "extract/entities.h"

#include <gtest/gtest.h>

#include <sstream>

#include "io/conllu.h"

namespace dyad::extract {
namespace {

Place Country(std::string name, std::string code) {
  Place p;
  p.name = std::move(name);
  p.country = std::move(code);
  p.kind = PlaceKind::kCountry;
  p.feature = "country";
  return p;
}

Place City(std::string name, std::string code, uint32_t population) {
  Place p = Country(std::move(name), std::move(code));
  p.kind = PlaceKind::kCity;
  p.feature = "city";
  p.population = population;
  return p;
}

// Words: form and UPOS, one sentence per vector.
using W = std::pair<const char*, const char*>;

std::string Entities(const std::vector<std::vector<W>>& sentences, const std::vector<MentionRow>& mentions = {}) {
  std::ostringstream out;
  for (const auto& s : sentences) {
    int id = 0;
    for (const auto& [form, upos] : s) out << ++id << '\t' << form << "\t_\t" << upos << "\t_\t_\t_\t_\t_\t_\n";
    out << '\n';
  }
  auto doc = ReadConllu(out.str());
  EXPECT_TRUE(doc.ok());
  doc->mutable_mentions() = mentions;
  Place west_bank = Country("West Bank", "PSE");
  west_bank.kind = PlaceKind::kFeature;
  auto g = Gazetteer::FromPlaces({Country("Iran", "IRN"), Country("Rwanda", "RWA"), City("Leeds", "GBR", 450000),
                                  City("Lara", "VEN", 20000), west_bank},
                                 {});
  std::string got;
  for (const auto& e : FindEntities(g.get(), *doc)) {
    std::string text;
    for (uint32_t t = e.first_token; t < e.end_token; ++t) text += (t > e.first_token ? " " : "") + std::string(doc->token(t).text());
    got += "[" + text + "=" + std::string(doc->Str(e.type)) + "]";
  }
  return got;
}

TEST(EntitiesTest, MentionsCuesGazetteerAndFallbacks) {
  MentionRow nato;
  nato.first_token = 0, nato.end_token = 1, nato.head_token = 0, nato.kind = MentionKind::kOrganisation;
  EXPECT_EQ(Entities({{{"NATO", "PROPN"}, {"met", "VERB"}, {"Mr.", "PROPN"}, {"Smith", "PROPN"}, {"of", "ADP"},
                       {"Acme", "PROPN"}, {"Corp", "PROPN"}, {"in", "ADP"}, {"Iran", "PROPN"}, {"on", "ADP"},
                       {"Friday", "PROPN"}, {".", "PUNCT"}},
                      {{"John", "PROPN"}, {"Smith", "PROPN"}, {"and", "CCONJ"}, {"Smith", "PROPN"}, {"left", "VERB"}}},
                     {nato}),
            "[NATO=ORG][Smith of Acme Corp=ORG][Iran=LOC][John Smith=PER][Smith=PER]");
}

TEST(EntitiesTest, TitlesStayOutAndPeoplesAreMisc) {
  EXPECT_EQ(Entities({{{"Defender", "PROPN"}, {"Hassan", "PROPN"}, {"Abbas", "PROPN"}, {"praised", "VERB"},
                       {"Iranian", "PROPN"}, {"fans", "NOUN"}, {".", "PUNCT"}}}),
            "[Hassan Abbas=PER][Iranian=MISC]");
}

TEST(EntitiesTest, TownsWithScoresAreTeamsAndHeadlinesNeedEvidence) {
  // "SOCCER" and "LUCKY WIN" have no evidence in an all-capitals headline; "IRAN" has the gazetteer.
  EXPECT_EQ(Entities({{{"SOCCER", "PROPN"}, {"-", "PUNCT"}, {"IRAN", "PROPN"}, {"GET", "VERB"}, {"LUCKY", "PROPN"},
                       {"WIN", "PROPN"}},
                      {{"Leeds", "PROPN"}, {"2", "NUM"}, {"Feyenoord", "PROPN"}, {"1", "NUM"}}}),
            "[IRAN=LOC][Leeds=ORG][Feyenoord=ORG]");
}

TEST(EntitiesTest, MonthsDemonymsFeaturesAndUnknownPlaces) {
  // "May" after "in" is the month; "Rwandans" is Rwanda's people; "West Bank" is land although
  // "bank" ends organisations' names; an unknown name after "near" is a place; "Dutch" is a people.
  EXPECT_EQ(Entities({{{"Rwandans", "PROPN"}, {"fled", "VERB"}, {"in", "ADP"}, {"May", "PROPN"}, {".", "PUNCT"}},
                      {{"Fighting", "NOUN"}, {"near", "ADP"}, {"Tavildara", "PROPN"}, {"and", "CCONJ"}, {"the", "DET"},
                       {"Dutch", "PROPN"}, {"in", "ADP"}, {"the", "DET"}, {"West", "PROPN"}, {"Bank", "PROPN"}}},
                     {}),
            "[Rwandans=MISC][Tavildara=LOC][Dutch=MISC][West Bank=LOC]");
}

TEST(EntitiesTest, CountryMentionsThatArePeoplesAndALoneSurnameLater) {
  MentionRow dutch;
  dutch.first_token = 1, dutch.end_token = 2, dutch.head_token = 1, dutch.kind = MentionKind::kCountry;
  // "Dutch" is a country's mention but names its people. "Wang" alone would fall back to ORG; the
  // article names Wang Xiaoming later, so it is a person.
  EXPECT_EQ(Entities({{{"The", "DET"}, {"Dutch", "PROPN"}, {"beat", "VERB"}, {"Wang", "PROPN"}, {".", "PUNCT"}},
                      {{"Wang", "PROPN"}, {"Xiaoming", "PROPN"}, {"lost", "VERB"}, {".", "PUNCT"}}},
                     {dutch}),
            "[Dutch=MISC][Wang=PER][Wang Xiaoming=PER]");
}

TEST(EntitiesTest, APersonsNameLeavesOutTitlesAndTheClubAfterOf) {
  EXPECT_EQ(Entities({{{"Foreign", "PROPN"}, {"Minister", "PROPN"}, {"Dariusz", "PROPN"}, {"Rosati", "PROPN"},
                       {"met", "VERB"}, {"Keith", "PROPN"}, {"O'Neill", "PROPN"}, {"of", "ADP"}, {"Norwich", "PROPN"},
                       {"City", "PROPN"}, {".", "PUNCT"}}}),
            "[Dariusz Rosati=PER][Keith O'Neill=PER]");
}

}  // namespace
}  // namespace dyad::extract
