#include "actors/actor_stage.h"

#include <gtest/gtest.h>

#include <sstream>
#include <tuple>
#include <vector>

#include "actors/test_tables.h"
#include "io/conllu.h"

namespace dyad::actors {
namespace {

// One word of a hand-written sentence: form, UPOS, 1-based head (0 root), deprel.
using W = std::tuple<const char*, const char*, int, const char*>;

std::string Conllu(const std::vector<std::vector<W>>& sentences) {
  std::ostringstream out;
  for (const auto& s : sentences) {
    int id = 0;
    for (const auto& [form, upos, head, rel] : s) {
      out << ++id << '\t' << form << '\t' << form << '\t' << upos << "\t_\t_\t" << head << '\t' << rel
          << "\t_\t_\n";
    }
    out << '\n';
  }
  return out.str();
}

struct Found {
  std::string text, code, kind, rule;
  int antecedent;
  std::string sector;
  int partner = -1;
};

std::vector<Found> RunStage(const std::vector<std::vector<W>>& sentences, const std::string& date) {
  auto doc = ReadConllu(Conllu(sentences));
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  doc->meta().date = date;
  auto stage = MakeActorStage(testing::SmallIndex());
  EXPECT_TRUE(stage->Process(*doc, nullptr).ok());
  std::vector<Found> out;
  for (const auto& m : doc->mentions()) {
    std::string text;
    for (uint32_t t = m.first_token; t < m.end_token; ++t) {
      text += (t > m.first_token ? " " : "") + std::string(doc->token(t).text());
    }
    out.push_back({text, std::string(doc->Str(m.code)), std::to_string(static_cast<int>(m.kind)),
                   std::string(doc->Str(m.rule)), m.antecedent, std::string(doc->Str(m.sector)), m.partner});
  }
  return out;
}

std::string Codes(const std::vector<Found>& f) {
  std::string s;
  for (const auto& m : f) s += "[" + m.text + "=" + m.code + "]";
  return s;
}

TEST(ActorStageTest, DictionaryMatchesLongestAndCaseAware) {
  auto f = RunStage({{{"The", "DET", 2, "det"}, {"Kremlin", "PROPN", 3, "nsubj"}, {"warned", "VERB", 0, "root"},
                 {"us", "PRON", 3, "obj"}, {"and", "CCONJ", 6, "cc"}, {"US", "PROPN", 3, "conj"},
                 {"about", "ADP", 8, "case"}, {"turkey", "NOUN", 3, "obl"}, {"in", "ADP", 10, "case"},
                 {"Turkey", "PROPN", 3, "obl"}}},
               "2022-07-18");
  EXPECT_EQ(Codes(f), "[The Kremlin=RUSGOV][US=USA][Turkey=TUR]");  // "the Kremlin" is one metonym
}

// A surname after another known given name is someone else ("Michael Howard" is not John Howard); the
// person's own given name and honorifics keep it.
TEST(ActorStageTest, SurnameAfterAnotherGivenNameIsSomeoneElse) {
  auto f = RunStage({{{"Donald", "PROPN", 2, "compound"}, {"Putin", "PROPN", 3, "nsubj"}, {"spoke", "VERB", 0, "root"}},
                     {{"Recep", "PROPN", 2, "compound"}, {"Erdogan", "PROPN", 3, "nsubj"}, {"spoke", "VERB", 0, "root"}},
                     {{"Mr", "PROPN", 2, "compound"}, {"Putin", "PROPN", 3, "nsubj"}, {"left", "VERB", 0, "root"}}},
                    "2022-07-18");
  EXPECT_EQ(Codes(f), "[Erdogan=TURGOV][Putin=RUSGOV]");
}

TEST(ActorStageTest, DiacriticsFold) {
  auto f = RunStage({{{"ERDOGAN", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}},
                {{"Erdoğan", "PROPN", 2, "nsubj"}, {"left", "VERB", 0, "root"}}},
               "2022-07-18");
  // Upper-case "ERDOGAN" still starts upper case; both fold to the same person.
  EXPECT_EQ(Codes(f), "[ERDOGAN=TURGOV][Erdoğan=TURGOV]");
  EXPECT_EQ(f[1].antecedent, 0);
}

TEST(ActorStageTest, ComposesCountryAndAgent) {
  auto f = RunStage({{{"Russian", "ADJ", 2, "amod"}, {"officials", "NOUN", 3, "nsubj"}, {"met", "VERB", 0, "root"},
                 {"Ukrainian", "ADJ", 5, "amod"}, {"forces", "NOUN", 3, "obj"}}},
               "2022-07-18");
  EXPECT_EQ(Codes(f), "[Russian officials=RUSGOV][Ukrainian forces=UKRMIL]");
  EXPECT_EQ(f[0].kind, "3");
}

// A country word opening a company's name is that country's business, not the state; without a
// company word after it, it stays the country ("American officials" compose, "American voters" are
// not a company).
TEST(ActorStageTest, CountryWordOpeningACompanyNameIsItsBusiness) {
  auto f = RunStage({{{"American", "PROPN", 3, "compound"}, {"Motors", "PROPN", 3, "compound"}, {"Corp", "PROPN", 4, "nsubj"},
                      {"met", "VERB", 0, "root"}, {"Russian", "ADJ", 6, "amod"}, {"officials", "NOUN", 4, "obj"}}},
                    "2022-07-18");
  EXPECT_EQ(Codes(f), "[American Motors Corp=USABUS][Russian officials=RUSGOV]");
  auto g = RunStage({{{"American", "ADJ", 2, "amod"}, {"Voters", "NOUN", 3, "nsubj"}, {"met", "VERB", 0, "root"},
                      {"Russia", "PROPN", 3, "obj"}}},
                    "2022-07-18");
  EXPECT_EQ(g[0].code, "USA");
}

TEST(ActorStageTest, ComposesPossessiveAndOf) {
  auto f = RunStage({{{"Iran", "PROPN", 3, "nmod:poss"}, {"'s", "PART", 1, "case"}, {"parliament", "NOUN", 4, "nsubj"},
                 {"criticised", "VERB", 0, "root"}, {"the", "DET", 6, "det"}, {"government", "NOUN", 4, "obj"},
                 {"of", "ADP", 8, "case"}, {"Syria", "PROPN", 6, "nmod"}}},
               "2022-07-18");
  EXPECT_EQ(Codes(f), "[Iran 's parliament=IRNLEG][government of Syria=SYRGOV]");
}

TEST(ActorStageTest, BackedFightersTakeTheNearestCountry) {
  auto f = RunStage({{{"US", "PROPN", 3, "obl"}, {"-", "PUNCT", 3, "punct"}, {"backed", "VERB", 6, "amod"},
                 {"Syrian", "ADJ", 6, "amod"}, {"Kurdish", "ADJ", 6, "amod"}, {"fighters", "NOUN", 7, "nsubj"},
                 {"advanced", "VERB", 0, "root"}}},
               "2022-07-18");
  EXPECT_EQ(Codes(f), "[US=USA][Syrian Kurdish fighters=SYRREB]");
}

TEST(ActorStageTest, TitlePlusUnknownNameAndKnownPerson) {
  auto f = RunStage({{{"Iranian", "ADJ", 3, "amod"}, {"Foreign", "PROPN", 3, "compound"}, {"Minister", "PROPN", 5, "nsubj"},
                 {"Hossein", "PROPN", 3, "flat"}, {"Amirabdollahian", "PROPN", 3, "flat"}, {"met", "VERB", 0, "root"},
                 {"Russian", "ADJ", 8, "amod"}, {"President", "PROPN", 6, "obj"}, {"Vladimir", "PROPN", 8, "flat"},
                 {"Putin", "PROPN", 8, "flat"}}},
               "2022-07-18");
  ASSERT_EQ(f.size(), 2u) << Codes(f);
  EXPECT_EQ(f[0].text, "Iranian Foreign Minister Hossein Amirabdollahian");
  EXPECT_EQ(f[0].code, "IRNGOV");
  EXPECT_EQ(f[0].kind, "1");
  EXPECT_EQ(f[1].text, "Russian President Vladimir Putin");
  EXPECT_EQ(f[1].code, "RUSGOV");
}

TEST(ActorStageTest, DateAndFormerChooseTheRole) {
  std::vector<std::vector<W>> s = {{{"Trump", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}},
                                   {{"Former", "ADJ", 3, "amod"}, {"President", "PROPN", 3, "compound"},
                                    {"Trump", "PROPN", 4, "nsubj"}, {"spoke", "VERB", 0, "root"}}};
  auto in2018 = RunStage(s, "2018-03-01");
  ASSERT_EQ(in2018.size(), 2u);
  EXPECT_EQ(in2018[0].code, "USAGOV");
  EXPECT_EQ(in2018[1].code, "USAELI");  // "former" forces the out-of-office reading
  auto in2022 = RunStage(s, "2022-07-18");
  EXPECT_EQ(in2022[0].code, "USAELI");
  // "ousted", "late", "exiled" read like "former".
  auto ousted = RunStage({{{"ousted", "ADJ", 3, "amod"}, {"President", "PROPN", 3, "compound"}, {"Trump", "PROPN", 4, "nsubj"},
                           {"spoke", "VERB", 0, "root"}}},
                         "2018-03-01");
  ASSERT_EQ(ousted.size(), 1u);
  EXPECT_EQ(ousted[0].code, "USAELI");
}

TEST(ActorStageTest, TheTitleInTheTextPicksTheOfficeWhenTheDateFindsNone) {
  // An undated article (today's date: Raisi is out of office) that calls him "President": the text says
  // which office it tells of, and a later bare "Raisi" is the same office holder.
  std::vector<std::vector<W>> s = {{{"Iranian", "ADJ", 2, "amod"}, {"President", "PROPN", 5, "nsubj"},
                                    {"Ebrahim", "PROPN", 2, "flat"}, {"Raisi", "PROPN", 2, "flat"},
                                    {"spoke", "VERB", 0, "root"}},
                                   {{"Raisi", "PROPN", 2, "nsubj"}, {"left", "VERB", 0, "root"}}};
  auto later = RunStage(s, "2026-11-30");
  ASSERT_EQ(later.size(), 2u) << Codes(later);
  EXPECT_EQ(later[0].code, "IRNGOV") << later[0].rule;
  EXPECT_EQ(later[1].code, "IRNGOV") << later[1].rule;
  // Without the title the date decides, as before; and on a date in office the dated role stands.
  auto bare = RunStage({{{"Raisi", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}}}, "2026-11-30");
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_EQ(bare[0].code, "IRNELI");
  auto judge = RunStage({{{"Iranian", "ADJ", 2, "amod"}, {"President", "PROPN", 4, "nsubj"}, {"Raisi", "PROPN", 2, "flat"},
                          {"spoke", "VERB", 0, "root"}}},
                        "2020-01-01");
  ASSERT_EQ(judge.size(), 1u);
  EXPECT_EQ(judge[0].code, "IRNJUD");  // in office as head of the judiciary then: the date wins
  // "former" still forces the out-of-office reading.
  auto former = RunStage({{{"former", "ADJ", 2, "amod"}, {"President", "PROPN", 4, "nsubj"}, {"Raisi", "PROPN", 2, "flat"},
                           {"spoke", "VERB", 0, "root"}}},
                         "2026-11-30");
  ASSERT_EQ(former.size(), 1u);
  EXPECT_EQ(former[0].code, "IRNELI");
}

TEST(ActorStageTest, KnownPersonBySurnameAfterHonorificOrAsProperNoun) {
  // "May" is no alias of Theresa May (a month, a verb); once she is named in full, "Mrs May" and a
  // proper-noun "May" inside a sentence are her, while "in May" (a month) and a sentence-initial "May"
  // are not.
  std::vector<std::vector<W>> s = {{{"Theresa", "PROPN", 3, "nsubj"}, {"May", "PROPN", 1, "flat"}, {"spoke", "VERB", 0, "root"}},
                                   {{"Mrs", "PROPN", 2, "compound"}, {"May", "PROPN", 3, "nsubj"}, {"left", "VERB", 0, "root"}},
                                   {{"Then", "ADV", 3, "advmod"}, {"May", "PROPN", 3, "nsubj"}, {"spoke", "VERB", 0, "root"}},
                                   {{"Talks", "NOUN", 2, "nsubj"}, {"resume", "VERB", 0, "root"}, {"in", "ADP", 4, "case"},
                                    {"May", "PROPN", 2, "obl"}},
                                   {{"May", "PROPN", 2, "nsubj"}, {"ended", "VERB", 0, "root"}}};
  auto f = RunStage(s, "2018-03-01");
  ASSERT_EQ(f.size(), 3u) << Codes(f);
  EXPECT_EQ(f[0].text, "Theresa May");
  EXPECT_EQ(f[1].text, "May");
  EXPECT_EQ(f[1].code, "GBRGOV");
  EXPECT_EQ(f[1].antecedent, 0);
  EXPECT_EQ(f[2].code, "GBRGOV");
}

TEST(ActorStageTest, DomesticAgentsTakeTheCountryWhereTheyAct) {
  // "Protesters clashed with police in Tehran": the place on the verb's other argument locates both.
  auto clash = RunStage({{{"Protesters", "NOUN", 2, "nsubj"}, {"clashed", "VERB", 0, "root"}, {"with", "ADP", 4, "case"},
                          {"police", "NOUN", 2, "obl"}, {"near", "ADP", 6, "case"}, {"Tehran", "PROPN", 4, "nmod"}}},
                        "2024-10-01");
  // "near" is no in/at: nothing is located, and bare agents are dropped.
  for (const auto& m : clash) EXPECT_NE(m.code, "IRNCVL") << Codes(clash);
  auto in = RunStage({{{"Protesters", "NOUN", 2, "nsubj"}, {"clashed", "VERB", 0, "root"}, {"with", "ADP", 4, "case"},
                       {"police", "NOUN", 2, "obl"}, {"on", "ADP", 6, "case"}, {"Friday", "PROPN", 2, "obl"},
                       {"in", "ADP", 8, "case"}, {"Tehran", "PROPN", 2, "obl"}}},
                     "2024-10-01");
  std::string codes = Codes(in);
  EXPECT_NE(codes.find("[Protesters=IRNCVL]"), std::string::npos) << codes;
  EXPECT_NE(codes.find("[police=IRNCOP]"), std::string::npos) << codes;
  // A co-argument's country: "Iranian police arrested protesters".
  auto arrest = RunStage({{{"Iranian", "ADJ", 2, "amod"}, {"police", "NOUN", 3, "nsubj"}, {"arrested", "VERB", 0, "root"},
                           {"protesters", "NOUN", 3, "obj"}}},
                         "2024-10-01");
  codes = Codes(arrest);
  EXPECT_NE(codes.find("[protesters=IRNCVL]"), std::string::npos) << codes;
  // Civilians harmed by a country's own fighters are of that country: "Iranian fighters attacked
  // protesters"; by its forces they are not ("Iranian forces attacked protesters" leaves them bare).
  auto fighters = RunStage({{{"Iranian", "ADJ", 2, "amod"}, {"fighters", "NOUN", 3, "nsubj"}, {"attacked", "VERB", 0, "root"},
                             {"protesters", "NOUN", 3, "obj"}}},
                           "2024-10-01");
  codes = Codes(fighters);
  EXPECT_NE(codes.find("[protesters=IRNCVL]"), std::string::npos) << codes;
  auto soldiers = RunStage({{{"Iranian", "ADJ", 2, "amod"}, {"forces", "NOUN", 3, "nsubj"}, {"attacked", "VERB", 0, "root"},
                             {"protesters", "NOUN", 3, "obj"}}},
                           "2024-10-01");
  codes = Codes(soldiers);
  EXPECT_EQ(codes.find("CVL"), std::string::npos) << codes;
  // Soldiers are not of the country they are in: "forces in Tehran" stays unresolved here.
  auto forces = RunStage({{{"Forces", "NOUN", 2, "nsubj"}, {"gathered", "VERB", 0, "root"}, {"on", "ADP", 4, "case"},
                           {"Friday", "PROPN", 2, "obl"}, {"in", "ADP", 6, "case"}, {"Tehran", "PROPN", 2, "obl"}}},
                         "2024-10-01");
  codes = Codes(forces);
  EXPECT_EQ(codes.find("MIL"), std::string::npos) << codes;
}

TEST(ActorStageTest, PronounAfterAnUnknownNameIsNotTheEarlierActor) {
  std::vector<std::vector<W>> s = {{{"Putin", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}},
                                   {{"Jason", "PROPN", 3, "nsubj"}, {"Burke", "PROPN", 1, "flat"}, {"said", "VERB", 0, "root"},
                                    {"he", "PRON", 5, "nsubj"}, {"left", "VERB", 3, "ccomp"}},
                                   {{"Then", "ADV", 3, "advmod"}, {"he", "PRON", 3, "nsubj"}, {"spoke", "VERB", 0, "root"}}};
  auto f = RunStage(s, "2022-07-18");
  // Putin, and the third sentence's "he" (no unknown name in its own sentence); not the "he" after Jason Burke.
  ASSERT_EQ(f.size(), 2u) << Codes(f);
  EXPECT_EQ(f[0].text, "Putin");
  EXPECT_EQ(f[1].text, "he");
  EXPECT_EQ(f[1].antecedent, 0);
}

TEST(ActorStageTest, AgencyCreditsAreNoActors) {
  auto credit = RunStage({{{"Putin", "PROPN", 2, "nsubj"}, {"visits", "VERB", 0, "root"}, {"Iran", "PROPN", 2, "obj"},
                           {"(", "PUNCT", 5, "punct"}, {"AP", "PROPN", 2, "parataxis"}, {")", "PUNCT", 5, "punct"},
                           {".", "PUNCT", 2, "punct"}}},
                         "2022-07-18");
  EXPECT_EQ(Codes(credit), "[Putin=RUSGOV][Iran=IRN]");
  auto lead = RunStage({{{"AP", "PROPN", 3, "nsubj"}, {"-", "PUNCT", 1, "punct"}, {"Iran", "PROPN", 4, "nsubj"},
                         {"spoke", "VERB", 0, "root"}}},
                       "2022-07-18");
  EXPECT_EQ(Codes(lead), "[Iran=IRN]");
  // A dateline glued into the text: a city in capitals before a bracketed agency and a dash.
  auto glued = RunStage({{{"TEHRAN", "PROPN", 6, "nsubj"}, {"(", "PUNCT", 3, "punct"}, {"AP", "PROPN", 1, "appos"},
                          {")", "PUNCT", 3, "punct"}, {"-", "PUNCT", 1, "punct"}, {"Iran", "PROPN", 7, "nsubj"},
                          {"spoke", "VERB", 0, "root"}}},
                        "2022-07-18");
  EXPECT_EQ(Codes(glued), "[Iran=IRN]");
  // The city, a comma and the country before the dash: both are the dateline.
  auto city_country = RunStage({{{"TEHRAN", "PROPN", 6, "nsubj"}, {",", "PUNCT", 3, "punct"}, {"Iran", "PROPN", 1, "appos"},
                                 {"-", "PUNCT", 1, "punct"}, {"Navalny", "PROPN", 6, "nsubj"}, {"spoke", "VERB", 0, "root"}}},
                               "2022-07-18");
  EXPECT_EQ(Codes(city_country), "[Navalny=RUSOPP]");
  // A dated dateline, the city in any case when it opens the sentence: "Moscow, Sept. 8 (NNN): Iran spoke".
  auto dated = RunStage({{{"Moscow", "PROPN", 10, "nsubj"}, {",", "PUNCT", 3, "punct"}, {"Sept.", "PROPN", 1, "appos"},
                          {"8", "NUM", 3, "nummod"}, {"(", "PUNCT", 6, "punct"}, {"NNN", "PROPN", 3, "appos"},
                          {")", "PUNCT", 6, "punct"}, {":", "PUNCT", 1, "punct"}, {"Iran", "PROPN", 10, "nsubj"},
                          {"spoke", "VERB", 0, "root"}}},
                        "2022-07-18");
  EXPECT_EQ(Codes(dated), "[Iran=IRN]");
  // Without the date, a capital opening a list is the government: "Moscow, Tehran and Iran spoke".
  auto list = RunStage({{{"Moscow", "PROPN", 6, "nsubj"}, {",", "PUNCT", 3, "punct"}, {"Tehran", "PROPN", 1, "conj"},
                         {"and", "CCONJ", 5, "cc"}, {"Iran", "PROPN", 1, "conj"}, {"spoke", "VERB", 0, "root"}}},
                       "2022-07-18");
  EXPECT_EQ(Codes(list), "[Moscow=RUSGOV][Tehran=IRNGOV][Iran=IRN]");
  // Several agencies in one credit opening the sentence: "(AP/AFP) As Iran spoke".
  auto pair = RunStage({{{"(", "PUNCT", 2, "punct"}, {"AP", "PROPN", 7, "dep"}, {"/", "PUNCT", 4, "punct"},
                         {"AFP", "PROPN", 2, "conj"}, {")", "PUNCT", 2, "punct"}, {"Iran", "PROPN", 7, "nsubj"},
                         {"spoke", "VERB", 0, "root"}}},
                       "2022-07-18");
  EXPECT_EQ(Codes(pair), "[Iran=IRN]");
  // A city in capitals and a colon opening the sentence: "TEHRAN: Iran spoke".
  auto colon = RunStage({{{"TEHRAN", "PROPN", 4, "dep"}, {":", "PUNCT", 1, "punct"}, {"Iran", "PROPN", 4, "nsubj"},
                          {"spoke", "VERB", 0, "root"}}},
                        "2022-07-18");
  EXPECT_EQ(Codes(colon), "[Iran=IRN]");
  // Any name in capitals before its agency and a dash opens a dateline: "NATO (AP) - Iran spoke".
  auto org = RunStage({{{"NATO", "PROPN", 7, "nsubj"}, {"(", "PUNCT", 3, "punct"}, {"AP", "PROPN", 1, "appos"},
                        {")", "PUNCT", 3, "punct"}, {"-", "PUNCT", 1, "punct"}, {"Iran", "PROPN", 7, "nsubj"},
                        {"spoke", "VERB", 0, "root"}}},
                      "2022-07-18");
  EXPECT_EQ(Codes(org), "[Iran=IRN]");
  // A credit before a dash owns nothing after it: "AFP - officials spoke" are no AFP officials.
  auto credit_first = RunStage({{{"AFP", "PROPN", 4, "nsubj"}, {"-", "PUNCT", 1, "punct"}, {"officials", "NOUN", 4, "nsubj"},
                                 {"spoke", "VERB", 0, "root"}}},
                               "2022-07-18");
  EXPECT_EQ(Codes(credit_first), "");
  // A city the tables do not know, in capitals, then the country and a dash: "ALEPPO CITY, Syria - Putin spoke".
  auto unknown_city = RunStage({{{"ALEPPO", "PROPN", 2, "compound"}, {"CITY", "PROPN", 7, "nsubj"}, {",", "PUNCT", 4, "punct"},
                                 {"Syria", "PROPN", 2, "appos"}, {"-", "PUNCT", 2, "punct"}, {"Putin", "PROPN", 7, "nsubj"},
                                 {"spoke", "VERB", 0, "root"}}},
                               "2022-07-18");
  EXPECT_EQ(Codes(unknown_city), "[Putin=RUSGOV]");
  // The agency as a doer stays: "AP reported".
  auto doer = RunStage({{{"AP", "PROPN", 2, "nsubj"}, {"reported", "VERB", 0, "root"}, {"it", "PRON", 2, "obj"}}},
                       "2022-07-18");
  EXPECT_EQ(Codes(doer).substr(0, 11), "[AP=USAMED]");
}

TEST(ActorStageTest, BareSurnameIsThePersonNamedEarlierNotAnotherWithThatSurname) {
  // "Trump" alone is Donald Trump's alias; after "Ivanka Trump" it is her (both are USAGOV in 2019, so the
  // antecedent and the rule tell them apart).
  std::vector<std::vector<W>> s = {{{"Ivanka", "PROPN", 3, "nsubj"}, {"Trump", "PROPN", 1, "flat"}, {"spoke", "VERB", 0, "root"}},
                                   {{"Ms", "PROPN", 2, "compound"}, {"Trump", "PROPN", 3, "nsubj"}, {"left", "VERB", 0, "root"}}};
  auto f = RunStage(s, "2019-01-01");
  ASSERT_EQ(f.size(), 2u) << Codes(f);
  EXPECT_EQ(f[1].text, "Trump");
  EXPECT_EQ(f[1].antecedent, 0);
  EXPECT_EQ(f[1].rule, "surname:named-earlier");
}

TEST(ActorStageTest, UndatedArticleTakesTheOfficeAPersonLastHeld) {
  // No date anywhere: Raisi (out of office today) is coded by his latest government role, not as ELI;
  // Navalny, who held none, by his latest other role; a dated article still goes by its date.
  auto raisi = RunStage({{{"Raisi", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}}}, "");
  ASSERT_EQ(raisi.size(), 1u);
  EXPECT_EQ(raisi[0].code, "IRNGOV");
  EXPECT_EQ(raisi[0].rule.rfind("undated:", 0), 0u) << raisi[0].rule;
  auto navalny = RunStage({{{"Navalny", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}}}, "");
  ASSERT_EQ(navalny.size(), 1u);
  EXPECT_EQ(navalny[0].code, "RUSOPP");
  auto dated = RunStage({{{"Raisi", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}}}, "2025-01-01");
  ASSERT_EQ(dated.size(), 1u);
  EXPECT_EQ(dated[0].code, "IRNELI");
}

TEST(ActorStageTest, APersonsAideSpeaksForThatPerson) {
  // "Navalny's official" (a GOV-role agent noun composed with a person) is Navalny's side: RUSOPP, not
  // RUSGOV; a soldier of a person's country keeps the soldier's role.
  auto aide = RunStage({{{"Navalny", "PROPN", 3, "nmod:poss"}, {"'s", "PART", 1, "case"}, {"official", "NOUN", 4, "nsubj"},
                         {"spoke", "VERB", 0, "root"}}},
                       "2019-10-01");
  ASSERT_EQ(aide.size(), 1u) << Codes(aide);
  EXPECT_EQ(aide[0].code, "RUSOPP");
  auto putin = RunStage({{{"Putin", "PROPN", 3, "nmod:poss"}, {"'s", "PART", 1, "case"}, {"official", "NOUN", 4, "nsubj"},
                          {"spoke", "VERB", 0, "root"}}},
                        "2019-10-01");
  ASSERT_EQ(putin.size(), 1u) << Codes(putin);
  EXPECT_EQ(putin[0].code, "RUSGOV");
}

TEST(ActorStageTest, APartyNamedAsAnotherCountrysIsThatCountrysParty) {
  auto israel = RunStage({{{"Iran", "PROPN", 3, "nmod:poss"}, {"'s", "PART", 1, "case"}, {"Labour", "PROPN", 4, "nsubj"},
                           {"spoke", "VERB", 0, "root"}}},
                         "2004-12-01");
  ASSERT_EQ(israel.size(), 2u) << Codes(israel);
  EXPECT_EQ(israel[1].code, "IRNPTY");
  auto british = RunStage({{{"Labour", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}}}, "2004-12-01");
  ASSERT_EQ(british.size(), 1u);
  EXPECT_EQ(british[0].code, "GBRPTYLAB");
}

TEST(ActorStageTest, EveryResolvedCodeCarriesItsSector) {
  // Persons and composed agents get the PLOVER sector of their code's role block, as agent nouns do.
  auto f = RunStage({{{"Putin", "PROPN", 2, "nsubj"}, {"met", "VERB", 0, "root"}, {"Iranian", "ADJ", 4, "amod"},
                      {"officials", "NOUN", 2, "obj"}}},
                    "2022-07-18");
  ASSERT_EQ(f.size(), 2u) << Codes(f);
  EXPECT_EQ(f[0].code, "RUSGOV");
  EXPECT_EQ(f[0].sector, "government");
  EXPECT_EQ(f[1].code, "IRNGOV");
  EXPECT_EQ(f[1].sector, "government");
  auto former = RunStage({{{"Trump", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}}}, "2022-07-18");
  ASSERT_EQ(former.size(), 1u);
  EXPECT_EQ(former[0].code, "USAELI");
  EXPECT_EQ(former[0].sector, "elite");
}

TEST(ActorStageTest, Apposition) {
  auto f = RunStage({{{"Fadahossein", "PROPN", 2, "flat"}, {"Maleki", "PROPN", 0, "root"}, {",", "PUNCT", 5, "punct"},
                 {"a", "DET", 5, "det"}, {"member", "NOUN", 2, "appos"}, {"of", "ADP", 9, "case"},
                 {"Iran", "PROPN", 9, "nmod:poss"}, {"'s", "PART", 7, "case"}, {"parliament", "NOUN", 5, "nmod"},
                 {",", "PUNCT", 11, "punct"}, {"said", "VERB", 2, "parataxis"}}},
               "2022-07-18");
  ASSERT_GE(f.size(), 2u) << Codes(f);
  EXPECT_EQ(f[0].text, "Fadahossein Maleki");
  EXPECT_EQ(f[0].code, "IRNLEG");
  EXPECT_EQ(f[0].rule.rfind("appos:", 0), 0u);

  // A country alone in the apposition does not make the name a person of that government.
  auto place = RunStage({{{"Mount", "PROPN", 2, "compound"}, {"Sinjar", "PROPN", 0, "root"}, {",", "PUNCT", 5, "punct"},
                          {"a", "DET", 5, "det"}, {"massif", "NOUN", 2, "appos"}, {"near", "ADP", 7, "case"},
                          {"Iran", "PROPN", 5, "nmod"}, {",", "PUNCT", 2, "punct"}}},
                        "2022-07-18");
  for (const auto& m : place) EXPECT_NE(m.text, "Mount Sinjar") << Codes(place);
}

TEST(ActorStageTest, CoreferenceShortNamesPronounsAndRoleNouns) {
  auto f = RunStage({{{"Iranian", "ADJ", 3, "amod"}, {"Foreign", "PROPN", 3, "compound"}, {"Minister", "PROPN", 6, "nsubj"},
                 {"Hossein", "PROPN", 3, "flat"}, {"Amirabdollahian", "PROPN", 3, "flat"}, {"spoke", "VERB", 0, "root"}},
                {{"Amirabdollahian", "PROPN", 2, "nsubj"}, {"said", "VERB", 0, "root"}, {"he", "PRON", 4, "nsubj"},
                 {"agreed", "VERB", 2, "ccomp"}},
                {{"NATO", "PROPN", 2, "nsubj"}, {"said", "VERB", 0, "root"}, {"its", "PRON", 4, "nmod:poss"},
                 {"members", "NOUN", 5, "nsubj"}, {"agreed", "VERB", 2, "ccomp"}},
                {{"Putin", "PROPN", 2, "nsubj"}, {"met", "VERB", 0, "root"}, {"the", "DET", 4, "det"},
                 {"president", "NOUN", 2, "obj"}}},
               "2022-07-18");
  ASSERT_EQ(f.size(), 7u) << Codes(f);
  EXPECT_EQ(f[1].text, "Amirabdollahian");
  EXPECT_EQ(f[1].code, "IRNGOV");
  EXPECT_EQ(f[1].antecedent, 0);
  EXPECT_EQ(f[2].text, "he");
  EXPECT_EQ(f[2].antecedent, 0);  // chains point at the first mention
  EXPECT_EQ(f[2].kind, "4");
  EXPECT_EQ(f[4].text, "its");
  EXPECT_EQ(f[4].code, "IGONAT");
  EXPECT_EQ(f[6].text, "president");
  EXPECT_EQ(f[6].code, "RUSGOV");
  EXPECT_EQ(f[6].antecedent, 5);
  EXPECT_EQ(f[6].kind, "5");
}

// "its" is an institution's: a singular agent whose noun names one ("the Syrian government said its
// forces ..."), not a person's role ("the Iranian minister said its ..." finds the earlier country).
TEST(ActorStageTest, ItsRefersToAnInstitutionNotAPerson) {
  auto f = RunStage({{{"The", "DET", 3, "det"}, {"Syrian", "ADJ", 3, "amod"}, {"government", "NOUN", 4, "nsubj"},
                      {"said", "VERB", 0, "root"}, {"its", "PRON", 6, "nmod:poss"}, {"forces", "NOUN", 7, "nsubj"},
                      {"advanced", "VERB", 4, "ccomp"}}},
                    "2022-07-18");
  ASSERT_GE(f.size(), 2u) << Codes(f);
  EXPECT_EQ(f[1].text, "its");
  EXPECT_EQ(f[1].code, "SYRGOV");
  auto g = RunStage({{{"Turkey", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}},
                     {{"The", "DET", 3, "det"}, {"Iranian", "ADJ", 3, "amod"}, {"president", "NOUN", 4, "nsubj"},
                      {"said", "VERB", 0, "root"}, {"its", "PRON", 6, "nmod:poss"}, {"forces", "NOUN", 7, "nsubj"},
                      {"advanced", "VERB", 4, "ccomp"}}},
                    "2022-07-18");
  ASSERT_GE(g.size(), 3u) << Codes(g);
  EXPECT_EQ(g[2].text, "its");
  EXPECT_EQ(g[2].code, "TUR");
}

TEST(ActorStageTest, NominalGovernmentPointsAtEarlierActor) {
  auto f = RunStage({{{"Tehran", "PROPN", 2, "nsubj"}, {"said", "VERB", 0, "root"}},
                {{"the", "DET", 3, "det"}, {"Iranian", "ADJ", 3, "amod"}, {"government", "NOUN", 4, "nsubj"},
                 {"agreed", "VERB", 0, "root"}}},
               "2022-07-18");
  ASSERT_EQ(f.size(), 2u) << Codes(f);
  EXPECT_EQ(f[1].code, "IRNGOV");
  EXPECT_EQ(f[1].kind, "5");
  EXPECT_EQ(f[1].antecedent, 0);
}

TEST(ActorStageTest, SkipsFurnitureSentences) {
  auto doc = ReadConllu(Conllu({{{"Iran", "PROPN", 0, "root"}}, {{"Iran", "PROPN", 0, "root"}}}));
  ASSERT_TRUE(doc.ok());
  doc->mutable_sentences()[0].kind = Furniture::kHeadline;
  auto stage = MakeActorStage(testing::SmallIndex());
  ASSERT_TRUE(stage->Process(*doc, nullptr).ok());
  ASSERT_EQ(doc->mentions().size(), 1u);
  EXPECT_EQ(doc->mentions()[0].first_token, 1u);
  EXPECT_EQ(stage->Requires(), static_cast<uint32_t>(kLayerTags));
  EXPECT_EQ(stage->Provides(), static_cast<uint32_t>(kLayerMentions));
}

TEST(ActorStageTest, InternationalAgentsStandAlone) {
  auto f = RunStage({{{"Peacekeepers", "NOUN", 2, "nsubj"}, {"arrived", "VERB", 0, "root"}}}, "2022-07-18");
  EXPECT_EQ(Codes(f), "[Peacekeepers=IGOPKO]");
}

// "Ministers from Russia, Turkey and Iran met": the agent of a list is each item's agent, whether the parse
// hangs the items from the first or chains them.
TEST(ActorStageTest, AgentOfAListIsEachItemsAgent) {
  auto f = RunStage({{{"Ministers", "NOUN", 8, "nsubj"}, {"from", "ADP", 3, "case"}, {"Russia", "PROPN", 1, "nmod"},
                      {",", "PUNCT", 5, "punct"}, {"Turkey", "PROPN", 3, "conj"}, {"and", "CCONJ", 7, "cc"},
                      {"Iran", "PROPN", 5, "conj"}, {"met", "VERB", 0, "root"}}},
                    "2022-07-18");
  EXPECT_EQ(Codes(f), "[Ministers=RUSGOV][Russia=RUS][Turkey=TURGOV][Iran=IRNGOV]");
  // Not a list under the agent: "ministers from Russia met Turkey and Iran".
  auto g = RunStage({{{"Ministers", "NOUN", 4, "nsubj"}, {"from", "ADP", 3, "case"}, {"Russia", "PROPN", 1, "nmod"},
                      {"met", "VERB", 0, "root"}, {"Turkey", "PROPN", 4, "obj"}, {"and", "CCONJ", 7, "cc"},
                      {"Iran", "PROPN", 5, "conj"}}},
                    "2022-07-18");
  EXPECT_EQ(Codes(g), "[Ministers=RUSGOV][Russia=RUS][Turkey=TUR][Iran=IRN]");
}

// "Fighters attacked a base in Syria": rebels are placed by where they act; "foreign fighters" are not.
TEST(ActorStageTest, RebelsTakeTheCountryWhereTheyAct) {
  auto f = RunStage({{{"Fighters", "NOUN", 2, "nsubj"}, {"attacked", "VERB", 0, "root"}, {"a", "DET", 4, "det"},
                      {"base", "NOUN", 2, "obj"}, {"in", "ADP", 6, "case"}, {"Syria", "PROPN", 2, "obl"}}},
                    "2022-07-18");
  EXPECT_EQ(Codes(f), "[Fighters=SYRREB][Syria=SYR]");
  auto g = RunStage({{{"Foreign", "ADJ", 2, "amod"}, {"fighters", "NOUN", 3, "nsubj"}, {"attacked", "VERB", 0, "root"},
                      {"a", "DET", 5, "det"}, {"base", "NOUN", 3, "obj"}, {"in", "ADP", 7, "case"},
                      {"Syria", "PROPN", 3, "obl"}}},
                    "2022-07-18");
  EXPECT_EQ(Codes(g), "[Syria=SYR]");
  // "at" names what they attack, not where they are: "Fighters fired at Syria".
  auto at = RunStage({{{"Fighters", "NOUN", 2, "nsubj"}, {"fired", "VERB", 0, "root"}, {"at", "ADP", 4, "case"},
                       {"Syria", "PROPN", 2, "obl"}}},
                     "2022-07-18");
  EXPECT_EQ(Codes(at), "[Syria=SYR]");
}

// "Putin met Raisi. The two leaders signed a deal": the pair is both of them (the mention is the nearer,
// its partner the other); "the leaders" alone is one.
TEST(ActorStageTest, TheTwoLeadersAreAPair) {
  std::vector<std::vector<W>> s = {{{"Putin", "PROPN", 2, "nsubj"}, {"met", "VERB", 0, "root"}, {"Raisi", "PROPN", 2, "obj"}},
                                   {{"The", "DET", 3, "det"}, {"two", "NUM", 3, "nummod"}, {"leaders", "NOUN", 4, "nsubj"},
                                    {"signed", "VERB", 0, "root"}}};
  auto f = RunStage(s, "2022-07-18");
  ASSERT_EQ(f.size(), 3u) << Codes(f);
  EXPECT_EQ(f[2].code, "IRNGOV");
  EXPECT_EQ(f[2].antecedent, 1);
  EXPECT_EQ(f[2].partner, 0);
  s[1] = {{"The", "DET", 2, "det"}, {"leaders", "NOUN", 3, "nsubj"}, {"signed", "VERB", 0, "root"}};
  f = RunStage(s, "2022-07-18");
  ASSERT_EQ(f.size(), 3u) << Codes(f);
  EXPECT_EQ(f[2].partner, -1);
}

// "Iranian and Russian officials met": the countries listed before a composed agent are agents too.
TEST(ActorStageTest, CountriesListedBeforeAnAgentAreAgentsToo) {
  auto f = RunStage({{{"Iranian", "ADJ", 4, "amod"}, {"and", "CCONJ", 3, "cc"}, {"Russian", "ADJ", 1, "conj"},
                      {"officials", "NOUN", 5, "nsubj"}, {"met", "VERB", 0, "root"}}},
                    "2022-07-18");
  EXPECT_EQ(Codes(f), "[Iranian=IRNGOV][Russian officials=RUSGOV]");
}

// "Russian Putin", "Chinese President Xi": a nationality right before a person of that country is part of
// the name, not a second actor; one of another country stays ("Iranian Putin" is no such person).
TEST(ActorStageTest, NationalityBeforeAPersonOfThatCountryIsPartOfTheName) {
  auto f = RunStage({{{"Russian", "ADJ", 2, "amod"}, {"Putin", "PROPN", 3, "nsubj"}, {"spoke", "VERB", 0, "root"}}},
                    "2022-07-18");
  EXPECT_EQ(Codes(f), "[Russian Putin=RUSGOV]");
  auto g = RunStage({{{"Iranian", "ADJ", 2, "amod"}, {"Putin", "PROPN", 3, "nsubj"}, {"spoke", "VERB", 0, "root"}}},
                    "2022-07-18");
  EXPECT_EQ(Codes(g), "[Iranian=IRN][Putin=RUSGOV]");
}

}  // namespace
}  // namespace dyad::actors
