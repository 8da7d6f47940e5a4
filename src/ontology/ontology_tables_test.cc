#include "ontology/ontology_tables.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/csv.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

const std::string kOntologyDir = std::string(DYAD_SOURCE_DIR) + "/data/ontology";
const std::string kCameoRefDir = std::string(DYAD_SHARED_DATA) + "/codebooks/CAMEO";

constexpr char kEventsHeader[] = "code\tname\tgoldstein\tquad_class\tdescription\n";
constexpr char kTypesHeader[] = "type\tcategory\tmodes\tdescription\n";
constexpr char kContextsHeader[] = "context\tdescription\n";
constexpr char kMapHeader[] = "cameo_code\tplover_type\tplover_mode\tplover_context\tnote\n";

std::string Join(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : " ") + s;
  return out.empty() ? "(none)" : out;
}

// --- parsing ---------------------------------------------------------------------------------------

TEST(ParseTest, ReadsEventsSkippingCommentsAndBlankLines) {
  std::string text = std::string("# comment\n") + kEventsHeader + "\n01\tMake public statement\t0.0\t1\tStatements.\n" +
                     "# group\n036\tExpress intent to meet or negotiate\t4.0\t1\tTalks offered.\r\n";
  std::vector<CameoEvent> rows;
  Result<int> n = ParseCameoEvents(text, "e.tsv", &rows);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 2);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].code, "036");
  EXPECT_EQ(rows[1].parent(), "03");
  EXPECT_EQ(rows[1].root(), "03");
  EXPECT_EQ(rows[0].parent(), "");
  EXPECT_DOUBLE_EQ(rows[1].goldstein, 4.0);
  EXPECT_EQ(rows[1].quad_class, QuadClass::kVerbalCooperation);
  EXPECT_EQ(rows[1].description, "Talks offered.");  // '\r' stripped
  EXPECT_EQ(rows[1].line, 6);
}

TEST(ParseTest, ReportsFileAndLineOfStructuralErrors) {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::string h = kEventsHeader;
  const Case cases[] = {
      {"code\tname\n", "e.tsv:1: header must be 'code\\tname\\tgoldstein\\tquad_class\\tdescription'"},
      {h + "01\tX\t0\t1\n", "e.tsv:2: expected 5 tab-separated columns, found 4"},
      {h + "# c\n1\tX\t0\t1\tD\n", "e.tsv:3: code '1' must be 2-4 digits"},
      {h + "21\tX\t0\t4\tD\n", "e.tsv:2: code '21' must start with a root 01-20"},
      {h + "01\tX\t1e3\t1\tD\n", "e.tsv:2: goldstein '1e3' is not a decimal number"},
      {h + "01\tX\t-\t1\tD\n", "e.tsv:2: goldstein '-' is not a decimal number"},
      {h + "01\tX\t0\t5\tD\n", "e.tsv:2: quad_class '5' must be 1, 2, 3 or 4"},
      {h + "01\t\t0\t1\tD\n", "e.tsv:2: empty name"},
      {h + "01\tX \t0\t1\tD\n", "e.tsv:2: column 'name' has leading or trailing spaces"},
      {h + "01\tX\t0\t1\tD\xC3\n", "e.tsv:2: invalid UTF-8"},
      {"# only a comment\n", "e.tsv:1: no header line"},
  };
  for (const Case& c : cases) {
    std::vector<CameoEvent> rows;
    Result<int> n = ParseCameoEvents(c.text, "e.tsv", &rows);
    ASSERT_FALSE(n.ok()) << c.text;
    EXPECT_EQ(n.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(n.status().message(), c.message);
  }
}

TEST(ParseTest, ReadsPloverTablesAndLists) {
  std::vector<PloverType> types;
  ASSERT_TRUE(ParsePloverTypes(std::string(kTypesHeader) + "CONSULT\tverbal cooperation\tvisit|phone\tMeetings.\n" +
                                   "AGREE\tverbal cooperation\t\tPromises.\n",
                               "t.tsv", &types)
                  .ok());
  ASSERT_EQ(types.size(), 2u);
  EXPECT_EQ(types[0].modes, (std::vector<std::string>{"visit", "phone"}));
  EXPECT_TRUE(types[1].modes.empty());

  std::vector<CameoToPlover> map;
  ASSERT_TRUE(
      ParseCameoToPlover(std::string(kMapHeader) + "143\tPROTEST\tstrike|boycott\trights_freedoms\t\n", "m.tsv", &map)
          .ok());
  ASSERT_EQ(map.size(), 1u);
  EXPECT_EQ(map[0].plover_modes, (std::vector<std::string>{"strike", "boycott"}));
  EXPECT_EQ(map[0].plover_contexts, (std::vector<std::string>{"rights_freedoms"}));

  std::vector<CameoToPlover> bad;
  Result<int> n = ParseCameoToPlover(std::string(kMapHeader) + "143\tProtest\t\t\t\n", "m.tsv", &bad);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().message(), "m.tsv:2: plover_type 'Protest' must be upper-case letters");
  n = ParseCameoToPlover(std::string(kMapHeader) + "143\tPROTEST\tstrike||boycott\t\t\n", "m.tsv", &bad);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().message(), "m.tsv:2: plover_mode '' must be lower-case letters, digits, '_' or '-'");
}

// --- checker ---------------------------------------------------------------------------------------

// A small consistent ontology; each checker test breaks one thing.
Ontology SmallOntology() {
  Ontology o;
  EXPECT_TRUE(ParseCameoEvents(std::string(kEventsHeader) + "02\tAppeal\t3.0\t1\tA.\n" + "021\tAppeal m\t3.4\t1\tB.\n" +
                                   "0211\tAppeal e\t3.4\t1\tC.\n" + "19\tFight\t-10.0\t4\tD.\n",
                               kCameoEventsFile, &o.cameo_events)
                  .ok());
  EXPECT_TRUE(ParsePloverTypes(std::string(kTypesHeader) + "REQUEST\tverbal conflict\tassist|meet\tR.\n" +
                                   "ASSAULT\tmaterial conflict\tfirearms\tS.\n",
                               kPloverTypesFile, &o.plover_types)
                  .ok());
  EXPECT_TRUE(ParsePloverContexts(std::string(kContextsHeader) + "economic\tE.\nmilitary\tM.\n", kPloverContextsFile,
                                  &o.plover_contexts)
                  .ok());
  EXPECT_TRUE(ParseCameoToPlover(std::string(kMapHeader) + "02\tREQUEST\t\t\t\n" + "021\tREQUEST\tassist\t\t\n" +
                                     "0211\tREQUEST\tassist\teconomic\t\n" + "19\tASSAULT\t\tmilitary\t\n",
                                 kCameoToPloverFile, &o.cameo_to_plover)
                  .ok());
  o.BuildIndex();
  return o;
}

TEST(CheckTest, SmallOntologyIsConsistentAndIndexed) {
  Ontology o = SmallOntology();
  EXPECT_TRUE(CheckOntology(o).empty());
  ASSERT_NE(o.FindCameo("0211"), nullptr);
  EXPECT_EQ(o.FindCameo("0211")->name, "Appeal e");
  EXPECT_EQ(o.FindCameo("0212"), nullptr);
  ASSERT_NE(o.FindMapping("19"), nullptr);
  EXPECT_EQ(o.FindMapping("19")->plover_type, "ASSAULT");
  ASSERT_NE(o.FindPloverType("REQUEST"), nullptr);
  EXPECT_NE(o.FindPloverContext("military"), nullptr);
}

TEST(CheckTest, QuadClassOfRootFollowsGdelt) {
  EXPECT_EQ(QuadClassOfRoot("01"), QuadClass::kVerbalCooperation);
  EXPECT_EQ(QuadClassOfRoot("05"), QuadClass::kVerbalCooperation);
  EXPECT_EQ(QuadClassOfRoot("06"), QuadClass::kMaterialCooperation);
  EXPECT_EQ(QuadClassOfRoot("09"), QuadClass::kMaterialCooperation);
  EXPECT_EQ(QuadClassOfRoot("10"), QuadClass::kVerbalConflict);
  EXPECT_EQ(QuadClassOfRoot("14"), QuadClass::kVerbalConflict);
  EXPECT_EQ(QuadClassOfRoot("15"), QuadClass::kMaterialConflict);
  EXPECT_EQ(QuadClassOfRoot("20"), QuadClass::kMaterialConflict);
}

TEST(CheckTest, ReportsEachInconsistencyWithFileAndLine) {
  {
    Ontology o = SmallOntology();
    o.cameo_events.erase(o.cameo_events.begin() + 1);  // drop 021: 0211 loses its parent, mapping 021 dangles
    EXPECT_EQ(CheckOntology(o), (std::vector<std::string>{
                                    "cameo_events.tsv:4: code 0211 has no parent row 021",
                                    "cameo_to_plover.tsv:3: cameo_code 021 is not in cameo_events.tsv",
                                }));
  }
  {
    Ontology o = SmallOntology();
    o.cameo_events[3].quad_class = QuadClass::kVerbalConflict;
    EXPECT_EQ(CheckOntology(o),
              (std::vector<std::string>{"cameo_events.tsv:5: quad_class 3 disagrees with root 19 (expected 4)"}));
  }
  {
    Ontology o = SmallOntology();
    o.cameo_to_plover.pop_back();
    EXPECT_EQ(CheckOntology(o),
              (std::vector<std::string>{"cameo_events.tsv:5: code 19 has no row in cameo_to_plover.tsv"}));
  }
  {
    Ontology o = SmallOntology();
    o.cameo_to_plover[0].plover_type = "DEMAND";
    o.cameo_to_plover[1].plover_modes = {"firearms"};
    o.cameo_to_plover[2].plover_contexts = {"economy"};
    o.cameo_to_plover.push_back(o.cameo_to_plover[3]);
    o.cameo_to_plover.back().line = 6;
    EXPECT_EQ(CheckOntology(o), (std::vector<std::string>{
                                    "cameo_to_plover.tsv:2: unknown plover_type DEMAND",
                                    "cameo_to_plover.tsv:3: mode 'firearms' is not a mode of REQUEST",
                                    "cameo_to_plover.tsv:4: unknown plover_context 'economy'",
                                    "cameo_to_plover.tsv:6: duplicate cameo_code 19 (first at line 5)",
                                }));
  }
  {
    Ontology o = SmallOntology();
    o.plover_types[0].category = "verbal";
    o.cameo_to_plover[0].plover_type.clear();
    o.cameo_to_plover[0].plover_contexts = {"economic"};
    EXPECT_EQ(CheckOntology(o), (std::vector<std::string>{
                                    "plover_types.tsv:2: category 'verbal' must be verbal/material "
                                    "cooperation/conflict (e.g. 'verbal conflict')",
                                    "cameo_to_plover.tsv:2: plover_mode or plover_context given without a plover_type",
                                }));
  }
}

TEST(LoadTest, MissingFolderIsNotFound) {
  Result<Ontology> o = LoadOntology("/nonexistent/dyad/ontology");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().code(), StatusCode::kNotFound);
}

// --- the repository's tables ---------------------------------------------------------------------------

TEST(RepoTablesTest, LoadAndAreConsistent) {
  Result<Ontology> loaded = LoadOntology(kOntologyDir);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const Ontology& o = *loaded;

  // CheckOntology already ran inside LoadOntology; repeat it so a failure lists every problem.
  for (const std::string& issue : CheckOntology(o)) ADD_FAILURE() << issue;

  std::set<std::string> roots;
  for (const CameoEvent& e : o.cameo_events) {
    if (e.code.size() == 2) roots.insert(e.code);
  }
  EXPECT_EQ(roots.size(), 20u);
  EXPECT_GE(o.cameo_events.size(), 310u);
  EXPECT_EQ(o.cameo_to_plover.size(), o.cameo_events.size());
  EXPECT_EQ(o.plover_types.size(), 16u);
  EXPECT_GE(o.plover_contexts.size(), 37u);

  // Every PLOVER type is the target of some CAMEO code, and spot checks of well-known rows.
  std::set<std::string> used;
  for (const CameoToPlover& m : o.cameo_to_plover) used.insert(m.plover_type);
  for (const PloverType& t : o.plover_types) EXPECT_TRUE(used.count(t.type)) << t.type << " is never mapped to";
  ASSERT_NE(o.FindCameo("036"), nullptr);
  EXPECT_EQ(o.FindCameo("036")->name, "Express intent to meet or negotiate");
  EXPECT_EQ(o.FindMapping("042")->plover_type, "CONSULT");
  EXPECT_EQ(o.FindMapping("042")->plover_modes, std::vector<std::string>{"visit"});
  EXPECT_EQ(o.FindMapping("193")->plover_type, "ASSAULT");
  EXPECT_EQ(o.FindMapping("173")->plover_modes, std::vector<std::string>{"arrest"});
}

// --- comparison with the reference codebooks (../shared/data) ----------------------------------------

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}


class ReferenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kCameoRefDir + "/cameo-codes.csv")) GTEST_SKIP() << "no reference data at " << kCameoRefDir;
    Result<Ontology> loaded = LoadOntology(kOntologyDir);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    ontology_ = std::move(loaded).value();
    for (const CameoEvent& e : ontology_.cameo_events) mine_.insert(e.code);
  }
  Ontology ontology_;
  std::set<std::string> mine_;
};

// Codes in the ICEWS list (cameo-codes.csv).
std::set<std::string> IcewsCodes() {
  std::vector<std::vector<std::string>> rows = ParseCsv(ReadBytes(kCameoRefDir + "/cameo-codes.csv"));
  std::set<std::string> codes;
  if (rows.empty()) return codes;
  size_t col = std::find(rows[0].begin(), rows[0].end(), "code") - rows[0].begin();
  for (size_t r = 1; r < rows.size(); ++r) {
    if (col < rows[r].size() && !rows[r][col].empty()) codes.insert(rows[r][col]);
  }
  return codes;
}

// Codes defined in the CAMEO 1.1b3 manual's verb codebook: a line holding only "CAMEO <code>".
std::set<std::string> ManualCodes() {
  std::ifstream in(kCameoRefDir + "/CAMEO.Manual.1.1b3.pdftotext.txt", std::ios::binary);
  const std::regex entry(R"(^\s*CAMEO\s+([0-9]{2,4})\s*$)");
  std::set<std::string> codes;
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (std::regex_match(line, m, entry)) codes.insert(m[1]);
  }
  return codes;
}

std::set<std::string> Minus(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  for (const std::string& s : a) {
    if (!b.count(s)) out.insert(s);
  }
  return out;
}

// The code set is the union of the ICEWS code list and the 1.1b3 manual's codebook: the manual adds a
// few codes (cyber, 1214, 1834, 1951-1952) that the ICEWS list lacks, and the list adds the roots,
// which the manual introduces differently.
TEST_F(ReferenceTest, CodeSetMatchesIcewsListAndManual) {
  std::set<std::string> icews = IcewsCodes();
  std::set<std::string> manual = ManualCodes();
  ASSERT_GT(icews.size(), 300u);
  ASSERT_GT(manual.size(), 250u);
  std::set<std::string> reference = icews;
  reference.insert(manual.begin(), manual.end());

  std::cout << "dyad codes: " << mine_.size() << ", cameo-codes.csv: " << icews.size()
            << ", manual entries: " << manual.size() << ", union: " << reference.size() << "\n"
            << "  in dyad, not in cameo-codes.csv (manual-only codes): " << Join(Minus(mine_, icews)) << "\n"
            << "  in cameo-codes.csv, not in dyad: " << Join(Minus(icews, mine_)) << "\n"
            << "  in the manual, not in dyad: " << Join(Minus(manual, mine_)) << "\n";
  EXPECT_EQ(Minus(icews, mine_), std::set<std::string>{}) << "codes missing from cameo_events.tsv";
  EXPECT_EQ(Minus(manual, mine_), std::set<std::string>{}) << "manual codes missing from cameo_events.tsv";
  EXPECT_EQ(Minus(mine_, reference), std::set<std::string>{}) << "codes in no reference";
}

// Goldstein values equal GDELT's for every code GDELT lists; the codes it lacks are the documented few.
TEST_F(ReferenceTest, GoldsteinMatchesGdelt) {
  std::ifstream in(kCameoRefDir + "/GDELT_CAMEO.goldsteinscale.txt", std::ios::binary);
  ASSERT_TRUE(in) << "cannot open GDELT_CAMEO.goldsteinscale.txt";
  std::map<std::string, double> gdelt;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t tab = line.find('\t');
    if (tab == std::string::npos || line.compare(0, tab, "CAMEOEVENTCODE") == 0) continue;
    gdelt[line.substr(0, tab)] = std::stod(line.substr(tab + 1));
  }
  ASSERT_GT(gdelt.size(), 300u);

  std::set<std::string> missing;  // GDELT codes absent from dyad
  std::vector<std::string> differ;
  for (const auto& [code, value] : gdelt) {
    const CameoEvent* e = ontology_.FindCameo(code);
    if (e == nullptr) {
      missing.insert(code);
    } else if (std::fabs(e->goldstein - value) > 1e-9) {
      std::ostringstream s;
      s << code << " dyad " << e->goldstein << " gdelt " << value;
      differ.push_back(s.str());
    }
  }
  std::set<std::string> no_value;  // dyad codes GDELT gives no value for
  for (const std::string& code : mine_) {
    if (!gdelt.count(code)) no_value.insert(code);
  }
  std::cout << "GDELT Goldstein values: " << gdelt.size() << ", differing: " << differ.size() << "\n"
            << "  dyad codes without a GDELT value (dyad's own choice): " << Join(no_value) << "\n";
  for (const std::string& d : differ) ADD_FAILURE() << "goldstein differs: " << d;
  EXPECT_EQ(missing, std::set<std::string>{}) << "GDELT codes missing from cameo_events.tsv";
  // Documented in the header of cameo_events.tsv; keep the two in step.
  EXPECT_EQ(no_value, (std::set<std::string>{"1213", "1214", "155", "176", "1834", "1951", "1952"}));
}

}  // namespace
}  // namespace dyad
