#include "actors/tabari_dictionary.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <filesystem>

namespace dyad::actors {
namespace {

// A tiny dictionary written for this test in the TABARI/PETRARCH layout.
constexpr char kActors[] =
    "# comment line\n"
    "FREEDONIA_  [FRE]\n"
    "+FREEDONIAN_\n"
    "\n"
    "RUFUS_T._FIREFLY_  # a comment after the name\n"
    "+FIREFLY_\n"
    "\t[FREELI 100101-200101]\n"
    "\t[FREGOV 200101-231231]\n"
    "\t[FREELI]\n"
    "SYLVANIA_ARMY_ [SYLMIL] ; TABARI-style comment\n"
    "OLD_NAME_ [ABCGOV <950101] [ABCELI >950101]\n"
    "BROKEN_ [ABC 99x]\n"
    "<NOUN>\nAWFUL_\n</NOUN>\n"
    "NOBODY_ [###]  # a null code with '#' inside the brackets\n";

constexpr char kAgents[] =
    "!PERSON! = MAN, MEN, WOMAN\n"
    "FARMER_ [~AGR]\n"
    "POLICE!PERSON! [~COP]\n"
    "GENDARMERY {GENDARMERIE} [~COP]\n";

TEST(TabariTest, DatesParse) {
  EXPECT_EQ(ParseTabariDate("220718"), 20220718);
  EXPECT_EQ(ParseTabariDate("951231"), 19951231);
  EXPECT_EQ(ParseTabariDate("19270101"), 19270101);
  EXPECT_EQ(ParseTabariDate("2207"), 0);
  EXPECT_EQ(ParseTabariDate("221318"), 0);
}

TEST(TabariTest, ImportsActorsSynonymsAndDatedRoles) {
  ActorIndex index;
  TabariImportStats st = ImportTabari(kActors, "test.actors", false, &index);
  EXPECT_EQ(st.actors, 4u);
  auto fre = index.Lookup("Freedonian");
  ASSERT_EQ(fre.size(), 1u);
  EXPECT_EQ(index.entry(fre[0]).code, "FRE");
  EXPECT_EQ(index.entry(fre[0]).kind, EntryKind::kCountry);
  auto ff = index.Lookup("Firefly");
  ASSERT_EQ(ff.size(), 1u);
  const ActorEntry& firefly = index.entry(ff[0]);
  ASSERT_EQ(firefly.kind, EntryKind::kPerson);
  EXPECT_EQ(firefly.roles.size(), 3u);
  EXPECT_EQ(ResolveRole(firefly, 20210601, false).code, "FREGOV");
  EXPECT_EQ(ResolveRole(firefly, 20150601, false).code, "FREELI");
  EXPECT_EQ(ResolveRole(firefly, 20250601, false).code, "FREELI");  // undated default
  auto old = index.Lookup("old name");
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ(ResolveRole(index.entry(old[0]), 19900101, false).code, "ABCGOV");
  EXPECT_EQ(ResolveRole(index.entry(old[0]), 20000101, false).code, "ABCELI");
  EXPECT_EQ(index.entry(index.Lookup("Sylvania Army")[0]).code, "SYLMIL");
  // The broken date is reported with its line, and the rest still loads.
  ASSERT_EQ(st.issues.size(), 2u);  // bad code, and the actor left without a code
  EXPECT_EQ(st.issues[0].ToString(), "test.actors:12: bad code or date restriction: [ABC 99x]");
  EXPECT_TRUE(index.Lookup("awful").empty());   // word-class section, not an actor
  EXPECT_TRUE(index.Lookup("nobody").empty());  // [###]: not an actor
}

// PETRARCH files open with "<!-- ... -->" comments (one line or several); they must not switch the
// importer into word-list mode and lose the actors after them.
TEST(TabariTest, XmlCommentsAreSkippedNotWordLists) {
  ActorIndex index;
  TabariImportStats st = ImportTabari(
      "<!-- PETRARCH actors\n     several lines -->\nFREEDONIA [FRE]\n<! -- NEW ACTORS -->\nSYLVANIA [SYL]\n",
      "p.actors", false, &index);
  EXPECT_EQ(st.actors, 2u);
  EXPECT_EQ(index.Lookup("Sylvania").size(), 1u);
}

TEST(TabariTest, ImportsAgentsWithMacrosAndPlurals) {
  ActorIndex index;
  TabariImportStats st = ImportTabari(kAgents, "test.agents", true, &index);
  EXPECT_EQ(st.actors, 3u);
  ASSERT_FALSE(index.Lookup("farmers").empty());
  EXPECT_EQ(index.entry(index.Lookup("farmers")[0]).code, "AGR");
  EXPECT_TRUE(index.entry(index.Lookup("farmers")[0]).plural);
  EXPECT_EQ(index.entry(index.Lookup("policemen")[0]).code, "COP");
  EXPECT_EQ(index.entry(index.Lookup("gendarmerie")[0]).code, "COP");
  EXPECT_TRUE(index.Lookup("gendarmerys").empty());  // explicit plural replaces NOUN+S
}

// The Phoenix dictionaries load through the import path within the 1 s bar.
TEST(TabariTest, PhoenixLoadsFast) {
  std::string dir = std::string(DYAD_SHARED_DATA) + "/dictionaries/petrarch2";
  if (!std::filesystem::exists(dir + "/Phoenix.Countries.actors.txt")) GTEST_SKIP() << "no " << dir;
  ActorIndex index;
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();  // CPU time: the build machine is shared, wall time is noisy
  size_t actors = 0;
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                        "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"}) {
    auto st = ImportTabariFile(dir + "/" + f, &index);
    ASSERT_TRUE(st.ok()) << st.status().ToString();
    actors += st->actors;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  EXPECT_GT(actors, 10000u);
  EXPECT_FALSE(index.Lookup("Afghanistan").empty());
#ifdef NDEBUG
  EXPECT_LT(cpu, 1.0);
#endif
  std::printf("Phoenix import: %zu actors, %zu phrases in %.3f s wall, %.3f s CPU\n", actors, index.phrase_count(),
              secs, cpu);
}

}  // namespace
}  // namespace dyad::actors
