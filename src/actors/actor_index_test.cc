#include "actors/actor_index.h"

#include <gtest/gtest.h>

#include "actors/test_tables.h"

namespace dyad::actors {
namespace {

const ActorEntry& First(const ActorIndex& index, std::string_view phrase) {
  static const ActorEntry kNone;
  auto ids = index.Lookup(phrase);
  return ids.empty() ? kNone : index.entry(ids[0]);
}

TEST(ActorIndexTest, LooksUpFoldedPhrases) {
  auto index = testing::SmallIndex();
  EXPECT_EQ(First(*index, "Iran").code, "IRN");
  EXPECT_EQ(First(*index, "the Kremlin").code, "RUSGOV");
  EXPECT_EQ(First(*index, "the Kremlin").kind, EntryKind::kMetonym);
  EXPECT_EQ(First(*index, "Iranian").kind, EntryKind::kAdjective);
  EXPECT_EQ(First(*index, "erdogan").name, "Recep Tayyip Erdoğan");
  EXPECT_EQ(First(*index, "Erdoğan").name, "Recep Tayyip Erdoğan");
  EXPECT_EQ(First(*index, "officials").code, "GOV");
  EXPECT_TRUE(First(*index, "officials").plural);
  EXPECT_TRUE(index->Lookup("Narnia").empty());
}

TEST(ActorIndexTest, PersonRowsShareOneEntry) {
  auto index = testing::SmallIndex();
  const ActorEntry& raisi = First(*index, "Raisi");
  ASSERT_EQ(raisi.kind, EntryKind::kPerson);
  EXPECT_EQ(raisi.roles.size(), 2u);
  EXPECT_EQ(index->Lookup("Ebrahim Raisi"), index->Lookup("Raisi"));
}

TEST(ActorIndexTest, RoleInForceOnDate) {
  auto index = testing::SmallIndex();
  const ActorEntry& raisi = First(*index, "Raisi");
  EXPECT_EQ(ResolveRole(raisi, 20220718, false).code, "IRNGOV");
  EXPECT_EQ(ResolveRole(raisi, 20200101, false).code, "IRNJUD");
  EXPECT_EQ(ResolveRole(raisi, 20250101, false).code, "IRNELI");  // after the last role
  EXPECT_FALSE(ResolveRole(raisi, 20250101, false).in_office);
  EXPECT_EQ(ResolveRole(raisi, 20210715, false).code, "IRNELI");  // between roles
  const ActorEntry& trump = First(*index, "Trump");
  EXPECT_EQ(ResolveRole(trump, 20180101, false).code, "USAGOV");
  EXPECT_EQ(ResolveRole(trump, 20220718, false).code, "USAELI");
  EXPECT_EQ(ResolveRole(trump, 20250601, false).code, "USAGOV");
  EXPECT_EQ(ResolveRole(trump, 20250601, true).code, "USAELI");  // "former"
}

TEST(ActorIndexTest, OppositionStaysOpposition) {
  auto index = testing::SmallIndex();
  EXPECT_EQ(ResolveRole(First(*index, "Navalny"), 20250101, false).code, "RUSOPP");
}

TEST(ActorIndexTest, EntriesWithCode) {
  auto index = testing::SmallIndex();
  auto ids = index->EntriesWithCode("RUSGOV");
  ASSERT_EQ(ids.size(), 2u);  // the metonyms and Putin
}

TEST(ActorIndexTest, DateKey) {
  EXPECT_EQ(DateKey("2022-07-18"), 20220718);
  EXPECT_EQ(DateKey(""), TodayKey());
  EXPECT_EQ(DateKey("garbage!!!"), TodayKey());
}

}  // namespace
}  // namespace dyad::actors
