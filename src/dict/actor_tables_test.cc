#include "dict/actor_tables.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

namespace fs = std::filesystem;

const std::string kActorsDir = std::string(DYAD_SOURCE_DIR) + "/data/actors";

// --- dates -------------------------------------------------------------------------------------------

TEST(PartialDateTest, ParsesEachPrecision) {
  Result<PartialDate> y = ParsePartialDate("2021");
  ASSERT_TRUE(y.ok());
  EXPECT_EQ(y->year, 2021);
  EXPECT_EQ(y->month, 0);
  EXPECT_EQ(y->Earliest(), 20210101);
  EXPECT_EQ(y->Latest(), 20211231);

  Result<PartialDate> ym = ParsePartialDate("2024-02");
  ASSERT_TRUE(ym.ok());
  EXPECT_EQ(ym->Latest(), 20240229);  // leap year
  EXPECT_EQ(ym->ToString(), "2024-02");

  Result<PartialDate> ymd = ParsePartialDate("2021-08-15");
  ASSERT_TRUE(ymd.ok());
  EXPECT_EQ(ymd->Earliest(), 20210815);
  EXPECT_EQ(ymd->Latest(), 20210815);

  Result<PartialDate> none = ParsePartialDate("");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(PartialDateTest, RejectsMalformedDates) {
  for (const char* bad : {"21", "2021-1", "2021-13", "2021-00", "2023-02-29", "2021-04-31", "2021/04/01",
                          "2021-04-01T", "0999", "20x1", " 2021"}) {
    Result<PartialDate> d = ParsePartialDate(bad);
    EXPECT_FALSE(d.ok()) << bad;
    if (!d.ok()) {
      EXPECT_NE(d.status().message().find(bad), std::string::npos) << d.status().message();
    }
  }
  EXPECT_TRUE(ParsePartialDate("2024-02-29").ok());
}

// --- parsing -------------------------------------------------------------------------------------------

constexpr char kCountriesHeader[] = "code\tiso2\tname\taliases\tadjectives\tmetonyms\tregions\n";
constexpr char kPersonsHeader[] = "name\taliases\tcode\tfrom\tto\trole\n";

TEST(ParseTest, ReadsRowsCommentsListsAndReviewDate) {
  std::string text = std::string("# reviewed to: 2025-06\n") + kCountriesHeader +
                     "\n# a comment\r\n"
                     "IRN\tIR\tIran\tPersia|Islamic Republic of Iran\tIranian|Iranians\tTehran\tMEA|PGS\r\n"
                     "ATA\tAQ\tAntarctica\t\t\t\t\n";
  std::vector<CountryRow> rows;
  Result<TableFile> info = ParseCountries(text, "countries.tsv", &rows);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->reviewed_to, "2025-06");
  EXPECT_EQ(info->rows, 2);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].code, "IRN");
  EXPECT_EQ(rows[0].aliases, (std::vector<std::string>{"Persia", "Islamic Republic of Iran"}));
  EXPECT_EQ(rows[0].regions, (std::vector<std::string>{"MEA", "PGS"}));  // CRLF stripped
  EXPECT_EQ(rows[0].source.ToString(), "countries.tsv:5");
  EXPECT_TRUE(rows[1].aliases.empty());
  EXPECT_TRUE(rows[1].regions.empty());
}

TEST(ParseTest, WrongColumnCountNamesFileAndLine) {
  std::string text = std::string("# reviewed to: 2025-06\n") + kCountriesHeader +
                     "IRN\tIR\tIran\tPersia\tIranian\tTehran\tMEA\n"
                     "IRQ\tIQ\tIraq\t\tIraqi\tBaghdad\n";
  std::vector<CountryRow> rows;
  Result<TableFile> info = ParseCountries(text, "countries.tsv", &rows);
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(info.status().message(), "countries.tsv:4: expected 7 tab-separated columns, found 6");
}

TEST(ParseTest, WrongOrMissingHeader) {
  std::vector<RegionRow> rows;
  Result<TableFile> wrong = ParseRegions("# c\ncode\tname\taliases\n", "regions.tsv", &rows);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().message().rfind("regions.tsv:2: header must be", 0), 0u) << wrong.status().message();

  Result<TableFile> empty = ParseRegions("# only a comment\n", "regions.tsv", &rows);
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("no header line"), std::string::npos);
}

TEST(ParseTest, BadDateNamesFileAndLine) {
  std::string text = std::string("# reviewed to: 2025-06\n") + kPersonsHeader +
                     "Ebrahim Raisi\tRaisi\tIRNGOV\t2021-08-03\t2024-05-19\tPresident of Iran\n"
                     "Someone\t\tIRNGOV\t2021-13\t\tMinister\n";
  std::vector<PersonRow> rows;
  Result<TableFile> info = ParsePersons(text, "persons/test.tsv", &rows);
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.status().message(),
            "persons/test.tsv:4: from: bad date '2021-13': month out of range");
}

TEST(ParseTest, InvalidUtf8NamesTheLine) {
  std::string text = std::string(kPersonsHeader) + "Ok\t\tIRNGOV\t2020\t\tx\nBad\xC3\x28\t\tIRNGOV\t2020\t\tx\n";
  std::vector<PersonRow> rows;
  Result<TableFile> info = ParsePersons(text, "persons/u.tsv", &rows);
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.status().message(), "persons/u.tsv:3: invalid UTF-8");
}

// --- checking ------------------------------------------------------------------------------------------

// A tiny consistent set of tables, built through the parsers so sources carry file:line.
ActorTables SmallTables(const std::string& persons_rows, const std::string& extra_countries = "",
                        const std::string& agent_rows = "") {
  ActorTables t;
  auto add = [&](Result<TableFile> info) {
    EXPECT_TRUE(info.ok()) << info.status().ToString();
    if (info.ok()) t.files.push_back(*info);
  };
  add(ParseCountries(std::string("# reviewed to: 2025-06\n") + kCountriesHeader +
                         "IRN\tIR\tIran\tPersia\tIranian|Iranians\tTehran\tMEA\n"
                         "GEO\tGE\tGeorgia\t\tGeorgian\tTbilisi\tCAU\n"
                         "GEOABK\t\tAbkhazia\t\tAbkhaz\tSukhumi\tCAU\n"
                         "LBN\tLB\tLebanon\t\tLebanese\tBeirut\tMEA\n" +
                         extra_countries,
                     "countries.tsv", &t.countries));
  add(ParseRegions("# reviewed to: 2025-06\ncode\tname\taliases\tadjectives\n"
                   "MEA\tMiddle East\tMideast\tMiddle Eastern\n"
                   "CAU\tCaucasus\tthe Caucasus\tCaucasian\n",
                   "regions.tsv", &t.regions));
  add(ParseOrganisations("# reviewed to: 2025-06\ncode\tname\taliases\tkind\tcountry\n"
                         "IGOUNO\tUnited Nations\tUN|U.N.\tIGO\t\n"
                         "LBNREBHEZ\tHezbollah\tHizbollah\tARMED\tLBN\n",
                         "organisations.tsv", &t.organisations));
  add(ParseAgents("# reviewed to: 2025-06\nnoun\tplural\trole\tsector\tnote\n"
                  "official\tofficials\tGOV\tgovernment\t\n"
                  "defence minister\tdefence ministers\tGOVMIL\tgovernment\t\n" +
                      agent_rows,
                  "agents.tsv", &t.agents));
  add(ParsePersons(std::string("# reviewed to: 2025-06\n") + kPersonsHeader + persons_rows, "persons/test.tsv",
                   &t.persons));
  return t;
}

std::vector<std::string> Messages(const ActorTables& t) {
  std::vector<std::string> out;
  for (const TableIssue& i : CheckActorTables(t)) out.push_back(i.ToString());
  return out;
}

TEST(CheckTest, ConsistentTablesPass) {
  ActorTables t = SmallTables(
      "Ebrahim Raisi\tRaisi\tIRNGOV\t2021-08-03\t2024-05-19\tPresident of Iran\n"
      "Antonio Guterres\tGuterres\tIGOUNO\t2017-01-01\t\tUN Secretary-General\n"
      "Hassan Nasrallah\tNasrallah\tLBNREBHEZ\t1992\t2024-09-27\tSecretary-General of Hezbollah\n"
      "Aslan Bzhania\tBzhania\tGEOABKGOV\t2020-04\t2024-11\tLeader of Abkhazia\n"
      "Sukhumi Figure\t\tGEOABK\t2020\t2021\tx\n");
  EXPECT_TRUE(Messages(t).empty()) << ::testing::PrintToString(Messages(t));
  EXPECT_TRUE(ValidateActorTables(t).ok());
}

TEST(CheckTest, UnknownCountryInPersonNamesFileAndLine) {
  ActorTables t = SmallTables("Ebrahim Raisi\tRaisi\tIRNGOV\t2021-08-03\t2024-05-19\tPresident of Iran\n"
                              "Nobody\t\tXYZGOV\t2020\t\tx\n");
  EXPECT_EQ(Messages(t), std::vector<std::string>{"persons/test.tsv:4: unknown country code XYZ in XYZGOV"});
  Status s = ValidateActorTables(t);
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("persons/test.tsv:4: unknown country code XYZ"), std::string::npos);
}

TEST(CheckTest, FromAfterToAndMissingRole) {
  ActorTables t = SmallTables("A\t\tIRNGOV\t2022-05\t2022-04-30\tx\n"
                              "B\t\tIRNXYZ\t2020\t\tx\n");
  EXPECT_EQ(Messages(t), (std::vector<std::string>{
                             "persons/test.tsv:3: from 2022-05 is after to 2022-04-30",
                             "persons/test.tsv:4: no known role code in 'IRNXYZ'",
                         }));
}

TEST(CheckTest, SameYearFromAndToAreNotReversed) {
  ActorTables t = SmallTables("A\t\tIRNGOV\t2022\t2022-03\tx\n");
  EXPECT_TRUE(Messages(t).empty()) << ::testing::PrintToString(Messages(t));
}

TEST(CheckTest, DuplicateAliasAcrossCodes) {
  ActorTables t = SmallTables("", "IRQ\tIQ\tIraq\tPersia\tIraqi\tBaghdad\tMEA\n");
  EXPECT_EQ(Messages(t),
            std::vector<std::string>{"countries.tsv:7: 'Persia' maps to IRQ here but to IRN at countries.tsv:3"});
}

TEST(CheckTest, UnknownRegionCodeAndBreakawayParent) {
  ActorTables t = SmallTables("", "XXXABK\t\tNowhere\t\t\t\tZZZ\n");
  EXPECT_EQ(Messages(t), (std::vector<std::string>{
                             "countries.tsv:7: country code XXXABK: XXX is not a country row",
                             "countries.tsv:7: unknown region code 'ZZZ'",
                         }));
}

TEST(CheckTest, AgentRoleAndSectorVocabularies) {
  ActorTables t = SmallTables("", "", "wizard\twizards\tGOVWIZ\tmagic\t\nofficial\tofficialdom\tMIL\tmilitary\t\n");
  EXPECT_EQ(Messages(t), (std::vector<std::string>{
                             "agents.tsv:5: unknown role code 'WIZ' in GOVWIZ",
                             "agents.tsv:5: unknown sector 'magic'",
                             "agents.tsv:6: 'official' maps to MIL here but to GOV at agents.tsv:3",
                         }));
}

TEST(CheckTest, PersonAliasSharedOnOverlappingDates) {
  ActorTables t = SmallTables("George H. W. Bush\tBush\tUSAGOV\t1989-01-20\t1993-01-20\tPresident\n"
                              "George W. Bush\tBush\tUSAGOV\t2001-01-20\t2009-01-20\tPresident\n"
                              "Hassan Rouhani\tRouhani\tIRNGOV\t2013-08-03\t2021-08-03\tPresident of Iran\n"
                              "Other Rouhani\tRouhani\tIRNLEG\t2020\t2022\tMP\n",
                              "USA\tUS\tUnited States\t\tAmerican\tWashington\t\n");
  // Bush: dates do not overlap, the date decides. Rouhani: two people, two codes, both in 2020-2021.
  EXPECT_EQ(Messages(t),
            std::vector<std::string>{"persons/test.tsv:6: warning: 'Rouhani' names both 'Other Rouhani' (IRNLEG) and "
                                     "'Hassan Rouhani' (IRNGOV, persons/test.tsv:5) on overlapping dates"});
  EXPECT_TRUE(ValidateActorTables(t).ok()) << "ambiguity is a warning, not an error";
}

TEST(CheckTest, StraySpacesEmptyItemsAndMissingReviewDate) {
  ActorTables t = SmallTables("A\tx||y \tIRNGOV\t2020\t\tx\n");
  t.files[0].reviewed_to.clear();
  EXPECT_EQ(Messages(t), (std::vector<std::string>{
                             "countries.tsv:1: missing '# reviewed to: <month>' comment",
                             "persons/test.tsv:3: empty item in aliases list",
                             "persons/test.tsv:3: aliases 'y ' has stray spaces",
                         }));
}

TEST(LoadTest, MissingFolderIsNotFound) {
  Result<ActorTables> t = LoadActorTables("/nonexistent/dyad/actors");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kNotFound);
  EXPECT_NE(t.status().message().find("countries.tsv"), std::string::npos);
}

TEST(LoadTest, ReadsPersonsFolderInNameOrder) {
  fs::path dir = fs::temp_directory_path() / ("dyad_dict_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "persons");
  auto write = [&](const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; };
  write(dir / "countries.tsv", std::string(kCountriesHeader) + "IRN\tIR\tIran\t\t\t\t\n");
  write(dir / "regions.tsv", "code\tname\taliases\tadjectives\n");
  write(dir / "organisations.tsv", "code\tname\taliases\tkind\tcountry\n");
  write(dir / "agents.tsv", "noun\tplural\trole\tsector\tnote\n");
  write(dir / "persons" / "b.tsv", std::string(kPersonsHeader) + "B\t\tIRNGOV\t2020\t\tx\n");
  write(dir / "persons" / "a.tsv", std::string(kPersonsHeader) + "A\t\tIRNGOV\t2020\t\tx\n");
  write(dir / "persons" / "notes.txt", "ignored\n");
  write(dir / "persons" / "c.tsv", std::string(kPersonsHeader) + "C\t\tIRNGOV\t2020\tx\n");

  Result<ActorTables> t = LoadActorTables(dir.string());
  ASSERT_FALSE(t.ok());  // c.tsv has 5 columns
  EXPECT_EQ(t.status().message(), "persons/c.tsv:2: expected 6 tab-separated columns, found 5");

  fs::remove(dir / "persons" / "c.tsv");
  t = LoadActorTables(dir.string());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->persons.size(), 2u);
  EXPECT_EQ(t->persons[0].source.ToString(), "persons/a.tsv:2");
  EXPECT_EQ(t->persons[1].source.ToString(), "persons/b.tsv:2");
  fs::remove_all(dir);
}

// --- the repository's data -----------------------------------------------------------------------------

class RepoDataTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<ActorTables> t = LoadActorTables(kActorsDir);
    load_status_ = new Status(t.status());
    if (t.ok()) tables_ = new ActorTables(std::move(t).value());
  }
  static void TearDownTestSuite() {
    delete tables_;
    delete load_status_;
    tables_ = nullptr;
    load_status_ = nullptr;
  }
  static const CountryRow* Country(std::string_view code) {
    for (const CountryRow& c : tables_->countries) {
      if (c.code == code) return &c;
    }
    return nullptr;
  }
  static bool Contains(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }
  static inline ActorTables* tables_ = nullptr;
  static inline Status* load_status_ = nullptr;
};

TEST_F(RepoDataTest, LoadsAndMeetsCounts) {
  ASSERT_TRUE(load_status_->ok()) << load_status_->ToString();
  EXPECT_GE(tables_->countries.size(), 250u);
  EXPECT_GE(tables_->regions.size(), 25u);
  EXPECT_GE(tables_->organisations.size(), 300u);
  EXPECT_GE(tables_->agents.size(), 400u);
}

TEST_F(RepoDataTest, OwnTablesAreValid) {
  ASSERT_TRUE(load_status_->ok()) << load_status_->ToString();
  std::vector<std::string> own;
  for (const TableIssue& i : CheckActorTables(*tables_)) {
    if (i.source.file.rfind("persons/", 0) != 0) own.push_back(i.ToString());
  }
  EXPECT_TRUE(own.empty()) << ::testing::PrintToString(own);
}

TEST_F(RepoDataTest, AllTablesAreValid) {
  ASSERT_TRUE(load_status_->ok()) << load_status_->ToString();
  Status s = ValidateActorTables(*tables_, 200);
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(RepoDataTest, SpotChecks) {
  ASSERT_TRUE(load_status_->ok()) << load_status_->ToString();
  const CountryRow* rus = Country("RUS");
  ASSERT_NE(rus, nullptr);
  EXPECT_TRUE(Contains(rus->metonyms, "the Kremlin"));
  const CountryRow* are = Country("ARE");
  ASSERT_NE(are, nullptr);
  EXPECT_TRUE(Contains(are->adjectives, "Emirati"));
  const CountryRow* bel = Country("BEL");
  ASSERT_NE(bel, nullptr);
  EXPECT_FALSE(Contains(bel->metonyms, "Brussels"));  // Brussels is the EU in news
  ASSERT_NE(Country("PSE"), nullptr);
  ASSERT_NE(Country("VAT"), nullptr);
  ASSERT_NE(Country("TWN"), nullptr);
  ASSERT_NE(Country("KSV"), nullptr);
  bool eu_has_brussels = false;
  for (const OrganisationRow& o : tables_->organisations) {
    if (o.code == "IGOEEC") eu_has_brussels = Contains(o.aliases, "Brussels");
  }
  EXPECT_TRUE(eu_has_brussels);
}

}  // namespace
}  // namespace dyad
