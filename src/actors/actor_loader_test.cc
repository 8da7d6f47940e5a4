// Tests over the repository's own tables (data/actors): they load, build fast, and answer the
// examples the issue names.
#include "actors/actor_loader.h"

#include <gtest/gtest.h>

namespace dyad::actors {
namespace {

std::shared_ptr<const ActorIndex> RepoIndex() {
  static auto index = [] {
    ActorLoadOptions opt;
    opt.data_dir = std::string(DYAD_SOURCE_DIR) + "/data";
    auto r = LoadActorIndex(opt);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::make_shared<const ActorIndex>();
  }();
  return index;
}

std::string CodeOn(std::string_view phrase, int date) {
  auto index = RepoIndex();
  auto ids = index->Lookup(phrase);
  if (ids.empty()) return "";
  const ActorEntry& e = index->entry(ids[0]);
  return e.kind == EntryKind::kPerson ? ResolveRole(e, date, false).code : e.code;
}

TEST(RepoTablesTest, IssueExamples) {
  EXPECT_EQ(CodeOn("Raisi", 20220718), "IRNGOV");
  EXPECT_EQ(CodeOn("Putin", 20220718), "RUSGOV");
  EXPECT_EQ(CodeOn("Vladimir Putin", 20220718), "RUSGOV");
  EXPECT_EQ(CodeOn("the Kremlin", 20220718), "RUSGOV");
  EXPECT_EQ(CodeOn("Trump", 20220718), "USAELI");
  EXPECT_EQ(CodeOn("Trump", 20180718), "USAGOV");
  EXPECT_EQ(CodeOn("Erdogan", 20220718), "TURGOV");
  EXPECT_EQ(CodeOn("Erdoğan", 20220718), "TURGOV");
  EXPECT_EQ(CodeOn("NATO", 20220718), "IGONAT");
}

TEST(RepoTablesTest, LoadsQuickly) {
  ActorLoadOptions opt;
  opt.data_dir = std::string(DYAD_SOURCE_DIR) + "/data";
  ActorLoadReport rep;
  auto r = LoadActorIndex(opt, &rep);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GE(rep.countries, 250u);
  EXPECT_GT((*r)->phrase_count(), 10000u);
  EXPECT_LT(rep.seconds, 1.0);
  std::printf("dyad tables: %zu countries, %zu regions, %zu organisations, %zu agents, %zu person rows; "
              "%zu entries, %zu phrases, %zu trie nodes in %.3f s\n",
              rep.countries, rep.regions, rep.organisations, rep.agents, rep.person_rows, (*r)->entry_count(),
              (*r)->phrase_count(), (*r)->node_count(), rep.seconds);
}

// Coverage: every country should have a head of state or government in office on 2026-01-01. The
// list of those without one is printed (it is the maintainers' to-do list) and must stay short.
TEST(RepoTablesTest, HeadsOfGovernmentCoverage) {
  auto tables = LoadActorTables(std::string(DYAD_SOURCE_DIR) + "/data/actors");
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  auto missing = CountriesWithoutLeader(*tables, 20260101);
  std::string list;
  for (const auto& m : missing) list += "  " + m + "\n";
  std::printf("countries without a head of state/government on 2026-01-01: %zu of %zu\n%s", missing.size(),
              tables->countries.size(), list.c_str());
  EXPECT_LT(missing.size(), tables->countries.size() / 2);
}

TEST(LoaderTest, MissingDataDirIsNotFound) {
  ActorLoadOptions opt;
  opt.data_dir = "/nonexistent/dyad-data";
  auto r = LoadActorIndex(opt);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace dyad::actors
