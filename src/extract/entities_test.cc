#include "extract/entities.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "extract/entity_cues.h"
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
                                  City("Lara", "VEN", 20000), City("San Marco", "ITA", 300000), west_bank},
                                 {});
  auto lexicon = EntityLexicon::FromNames({"John", "Keith", "Dariusz", "Hassan", "Nolan", "Steve", "Marta"});
  std::string got;
  for (const auto& e : FindEntities(g.get(), *lexicon, *doc)) {
    std::string text;
    for (uint32_t t = e.first_token; t < e.end_token; ++t) {
      if (t > e.first_token) text += ' ';
      text += doc->token(t).text();
    }
    got += "[" + text + "=";
    got += doc->Str(e.type);
    got += "]";
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
            "[Dariusz Rosati=PER][Keith O'Neill=PER][Norwich City=ORG]");
}

// Sentences of a sports report for the tests below ("football", "goals", "season" make it one).
const std::vector<W> kSportsLead = {{"Kestrel", "PROPN"}, {"football", "NOUN"}, {"goals", "NOUN"}, {"this", "DET"},
                                    {"season", "NOUN"}, {".", "PUNCT"}};

TEST(EntitiesTest, ResultsTableRowsAreTeamsButLabelsAndBowlersAreNot) {
  // A standings row opens with a word the tagger calls a noun; "Extras" labels a scorecard line; a
  // bowler's figures "10-1-40-2" make a person.
  auto got = Entities({kSportsLead,
                       {{"Wexham", "NOUN"}, {"4", "NUM"}, {"2", "NUM"}, {"1", "NUM"}, {"1", "NUM"}, {"7", "NUM"}},
                       {{"Brindle", "PROPN"}, {"2", "NUM"}, {"Oakhurst", "PROPN"}, {"1", "NUM"}},
                       {{"Extras", "PROPN"}, {"12", "NUM"}},
                       {{"Pemberton", "PROPN"}, {"10-1-40-2", "NUM"}}});
  EXPECT_EQ(got.substr(got.find("[Wexham")), "[Wexham=ORG][Brindle=ORG][Oakhurst=ORG][Pemberton=PER]");
}

TEST(EntitiesTest, GivenNamesMakePersonsEvenWithScoresAfterThem) {
  // "Nolan Henke 68" in a sports report would be a team by its score; the given name says person.
  auto got = Entities({kSportsLead, {{"Nolan", "PROPN"}, {"Henke", "PROPN"}, {"68", "NUM"}, {"70", "NUM"}},
                       {{"Then", "ADV"}, {"Steve", "PROPN"}, {"scored", "VERB"}, {".", "PUNCT"}}});
  EXPECT_EQ(got.substr(got.find("[Nolan")), "[Nolan Henke=PER][Steve=PER]");
}

TEST(EntitiesTest, CompanyCuesAndTheCompanysNameAlone) {
  // "Vandelay" alone would be a person as the subject of "said"; "shares of" and the name "Vandelay
  // Industries Inc" make it the company, before and after.
  EXPECT_EQ(Entities({{{"Then", "ADV"}, {"Vandelay", "PROPN"}, {"said", "VERB"}, {"profits", "NOUN"}, {"rose", "VERB"}, {".", "PUNCT"}},
                      {{"Traders", "NOUN"}, {"bought", "VERB"}, {"shares", "NOUN"}, {"of", "ADP"}, {"Moxley", "PROPN"}, {".", "PUNCT"}},
                      {{"Its", "PRON"}, {"owner", "NOUN"}, {"Vandelay", "PROPN"}, {"Industries", "PROPN"}, {"Inc", "PROPN"},
                       {"grew", "VERB"}, {".", "PUNCT"}}}),
            "[Vandelay=ORG][Moxley=ORG][Vandelay Industries Inc=ORG]");
}

TEST(EntitiesTest, DatelinesAndCapitalsHeadlines) {
  // A dateline is a place even when the actors call the town an institution; a capitals headline
  // splits at its countries.
  MentionRow seat;
  seat.first_token = 0, seat.end_token = 1, seat.head_token = 0, seat.kind = MentionKind::kOrganisation;
  EXPECT_EQ(Entities({{{"LEEDS", "ADJ"}, {"1996-08-22", "NUM"}}, {{"IRAN", "PROPN"}, {"BEAT", "PROPN"}, {"RWANDA", "PROPN"}}},
                     {seat}),
            "[LEEDS=LOC][IRAN=LOC][RWANDA=LOC]");
}

TEST(EntitiesTest, OfBetweenTwoNamesAndTitlesBeforeAPerson) {
  // "Kestrel Corp of Iran" is a company and a country; "Acme CEO John Smith" a company and a person.
  EXPECT_EQ(Entities({{{"Kestrel", "PROPN"}, {"Corp", "PROPN"}, {"of", "ADP"}, {"Iran", "PROPN"}, {"hired", "VERB"},
                       {"Acme", "PROPN"}, {"CEO", "PROPN"}, {"John", "PROPN"}, {"Smith", "PROPN"}, {".", "PUNCT"}}}),
            "[Kestrel Corp=ORG][Iran=LOC][Acme=ORG][John Smith=PER]");
}

TEST(EntitiesTest, NoPersonBeforeATitleAndPossessivesLeftOnAPlace) {
  // "Iranian Foreign Minister Dariusz Rosati": "Iranian Foreign" is no person; the country's word is
  // kept. "Iran's" written as one word is still the country.
  MentionRow iranian;
  iranian.first_token = 0, iranian.end_token = 1, iranian.head_token = 0, iranian.kind = MentionKind::kCountry;
  EXPECT_EQ(Entities({{{"Iranian", "PROPN"}, {"Foreign", "PROPN"}, {"Minister", "PROPN"}, {"Dariusz", "PROPN"},
                       {"Rosati", "PROPN"}, {"praised", "VERB"}, {"Iran's", "PROPN"}, {"army", "NOUN"}, {".", "PUNCT"}}},
                     {iranian}),
            "[Iranian=MISC][Dariusz Rosati=PER][Iran's=LOC]");
}

TEST(EntitiesTest, WordsAroundANameAndTheSameNameLater) {
  // "the village of X" makes a place, and the place's later mention too; an age makes a person;
  // a club's name opening with a town is the club.
  EXPECT_EQ(Entities({{{"Troops", "NOUN"}, {"left", "VERB"}, {"the", "DET"}, {"village", "NOUN"}, {"of", "ADP"},
                       {"Zorvan", "PROPN"}, {".", "PUNCT"}},
                      {{"Later", "ADV"}, {"Zorvan", "PROPN"}, {"was", "AUX"}, {"calm", "ADJ"}, {",", "PUNCT"}, {"Brakmo", "PROPN"},
                       {",", "PUNCT"}, {"45", "NUM"}, {",", "PUNCT"}, {"said", "VERB"}, {".", "PUNCT"}},
                      {{"Fans", "NOUN"}, {"of", "ADP"}, {"San", "PROPN"}, {"Marco", "PROPN"}, {"Lions", "PROPN"}, {"cheered", "VERB"},
                       {".", "PUNCT"}}}),
            "[Zorvan=LOC][Zorvan=LOC][Brakmo=PER][San Marco Lions=ORG]");
}

TEST(EntitiesTest, AcronymsRegionsCompoundsAndColouredClubs) {
  // An acronym is an organisation's name, also as a sentence's first word; "the Midwest" is a
  // region; "Rwandan-born" is MISC; a colour opening a club's name joins it ("Red Star").
  EXPECT_EQ(Entities({{{"WXQ", "PROPN"}, {"left", "VERB"}, {"the", "DET"}, {"Midwest", "PROPN"},
                       {"with", "ADP"}, {"Rwandan-born", "ADJ"}, {"fans", "NOUN"}, {"of", "ADP"}, {"Red", "ADJ"},
                       {"Star", "PROPN"}, {".", "PUNCT"}}}),
            "[WXQ=ORG][Midwest=LOC][Rwandan-born=MISC][Red Star=ORG]");
}

TEST(EntitiesTest, CapitalsHeadlinesTakeTheTypesTheTextGives) {
  // "KESTREL" in a capitals headline is a name only because the text writes "Kestrel" as one, and it
  // takes the type the text gives it (a company by "shares of").
  EXPECT_EQ(Entities({{{"KESTREL", "PROPN"}, {"SHARES", "PROPN"}, {"FALL", "PROPN"}},
                      {{"Traders", "NOUN"}, {"sold", "VERB"}, {"shares", "NOUN"}, {"of", "ADP"}, {"Kestrel", "PROPN"}, {".", "PUNCT"}}}),
            "[KESTREL=ORG][Kestrel=ORG]");
}

TEST(EntitiesTest, AnUnknownNameWithNothingAroundItCountsOnlyWhenRepeated) {
  // "Zintex" once, with no cue, is left out; "Quorvik" twice is taken as an organisation's name.
  EXPECT_EQ(Entities({{{"Then", "ADV"}, {"Zintex", "PROPN"}, {"rose", "VERB"}, {".", "PUNCT"}},
                      {{"Then", "ADV"}, {"Quorvik", "PROPN"}, {"rose", "VERB"}, {".", "PUNCT"}},
                      {{"Later", "ADV"}, {"Quorvik", "PROPN"}, {"fell", "VERB"}, {".", "PUNCT"}}}),
            "[Quorvik=ORG][Quorvik=ORG]");
}

TEST(EntityCuesTest, ScoresTableRowsAndDatelines) {
  EXPECT_TRUE(IsScore("2"));
  EXPECT_TRUE(IsScore("2-1"));
  EXPECT_TRUE(IsScore("10-1-40-2"));
  EXPECT_FALSE(IsScore("1996-08-22"));
  EXPECT_FALSE(IsScore("2.5"));
  EXPECT_FALSE(IsScore("-2"));
  std::string conllu =
      "1\tAjax\t_\tPROPN\t_\t_\t_\t_\t_\t_\n2\t2\t_\tNUM\t_\t_\t_\t_\t_\t_\n3\tPSV\t_\tPROPN\t_\t_\t_\t_\t_\t_\n"
      "4\t1\t_\tNUM\t_\t_\t_\t_\t_\t_\n\n"
      "1\tAjax\t_\tPROPN\t_\t_\t_\t_\t_\t_\n2\twon\t_\tVERB\t_\t_\t_\t_\t_\t_\n3\t2\t_\tNUM\t_\t_\t_\t_\t_\t_\n\n"
      "1\tOSLO\t_\tPROPN\t_\t_\t_\t_\t_\t_\n2\t1996-08-22\t_\tNUM\t_\t_\t_\t_\t_\t_\n\n"
      "1\tOslo\t_\tPROPN\t_\t_\t_\t_\t_\t_\n2\t(\t_\tPUNCT\t_\t_\t_\t_\t_\t_\n3\tReuters\t_\tPROPN\t_\t_\t_\t_\t_\t_\n"
      "4\t)\t_\tPUNCT\t_\t_\t_\t_\t_\t_\n\n";
  auto doc = ReadConllu(conllu);
  ASSERT_TRUE(doc.ok());
  const auto& s = doc->sentences();
  ASSERT_EQ(s.size(), 4u);
  EXPECT_TRUE(IsTableRow(*doc, s[0]));   // "Ajax 2 PSV 1"
  EXPECT_FALSE(IsTableRow(*doc, s[1]));  // "Ajax won 2": a sentence
  EXPECT_FALSE(IsTableRow(*doc, s[2]));  // a dateline has a date, no score
  EXPECT_TRUE(IsDateline(*doc, s[2], s[2].first_token, s[2].first_token + 1));
  EXPECT_TRUE(IsDateline(*doc, s[3], s[3].first_token, s[3].first_token + 1));
  EXPECT_FALSE(IsDateline(*doc, s[0], s[0].first_token, s[0].first_token + 1));
}

TEST(EntityLexiconTest, LoadsGivenNamesAndRejectsWhatAreNoNames) {
  std::string path = ::testing::TempDir() + "/dyad_given_names_test.txt";
  {
    std::ofstream out(path);
    out << "# comment\nNolan  Dariusz\nJean-Pierre O'Neal\n";
  }
  auto lex = EntityLexicon::Load(path);
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_EQ((*lex)->size(), 4u);
  EXPECT_TRUE((*lex)->IsGivenName("NOLAN"));
  EXPECT_TRUE((*lex)->IsGivenName("jean-pierre"));
  EXPECT_FALSE((*lex)->IsGivenName("comment"));
  {
    std::ofstream out(path);
    out << "Nolan\nR2D2\n";
  }
  auto bad = EntityLexicon::Load(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(":2:"), std::string::npos) << bad.status().ToString();
  std::remove(path.c_str());
  EXPECT_FALSE(EntityLexicon::Load(path).ok());
  // dyad's own list is found and holds common names of many languages
  const EntityLexicon& own = EntityLexicon::Default();
  EXPECT_GT(own.size(), 500u);
  for (const char* name : {"Michael", "Dariusz", "Kofi", "Francois", "Yevgeny"}) EXPECT_TRUE(own.IsGivenName(name)) << name;
  for (const char* word : {"Jordan", "Reading", "Said"}) EXPECT_FALSE(own.IsGivenName(word)) << word;
}

}  // namespace
}  // namespace dyad::extract
