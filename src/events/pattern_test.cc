#include "events/pattern.h"

#include <gtest/gtest.h>

namespace dyad::events {
namespace {

TEST(PatternTest, LightVerbWithObjectAndPrepositionalTarget) {
  auto p = ParsePattern("046", "verb", "hold talk|negotiation with $TGT", "", "04_consult");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->trigger, std::vector<std::string>{"hold"});
  ASSERT_EQ(p->words.size(), 1u);
  EXPECT_EQ(p->words[0].lemmas, (std::vector<std::string>{"talk", "negotiation"}));
  EXPECT_TRUE(p->words[0].preps.empty());
  ASSERT_EQ(p->slots.size(), 1u);
  EXPECT_EQ(p->slots[0].role, SlotRole::kTarget);
  EXPECT_EQ(p->slots[0].preps, std::vector<std::string>{"with"});
  EXPECT_EQ(p->id, "04_consult:hold talk|negotiation with $TGT");
  EXPECT_TRUE(p->needs_target);
}

TEST(PatternTest, DirectObjectSourceSlotParticlesAndPrepositionalWords) {
  auto visit = ParsePattern("042", "verb", "visit $TGT", "pair=043", "x");
  ASSERT_TRUE(visit.ok());
  ASSERT_EQ(visit->slots.size(), 1u);
  EXPECT_TRUE(visit->slots[0].preps.empty());
  EXPECT_EQ(visit->pair_code, "043");

  auto receive = ParsePattern("073", "verb", "receive aid from $SRC", "", "x");
  ASSERT_TRUE(receive.ok());
  EXPECT_TRUE(receive->has_source_slot());

  auto back = ParsePattern("081", "verb", "back down", "notarget", "x");
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->words.size(), 1u);
  EXPECT_EQ(back->words[0].lemmas, std::vector<std::string>{"down"});
  EXPECT_FALSE(back->needs_target);

  auto give_in = ParsePattern("080", "verb", "give in", "notarget", "x");  // a final preposition is a particle
  ASSERT_TRUE(give_in.ok());
  EXPECT_EQ(give_in->words[0].lemmas, std::vector<std::string>{"in"});

  auto weigh = ParsePattern("010", "verb", "weigh in on $TGT", "", "x");  // particle before a preposition
  ASSERT_TRUE(weigh.ok()) << weigh.status().message();
  EXPECT_EQ(weigh->words[0].lemmas, std::vector<std::string>{"in"});
  EXPECT_EQ(weigh->slots[0].preps, std::vector<std::string>{"on"});

  // Particles do not become anchors; "off" after the trigger is a particle, elsewhere a preposition.
  auto carry = ParsePattern("190", "verb", "carry out attack on $TGT", "", "x");
  ASSERT_TRUE(carry.ok());
  ASSERT_EQ(carry->words.size(), 2u);
  EXPECT_EQ(carry->words[1].anchor, -1);  // "attack" hangs from "carry", not from "out"
  auto call_off = ParsePattern("138", "verb", "call off talk", "", "x");
  ASSERT_TRUE(call_off.ok());
  ASSERT_EQ(call_off->words.size(), 2u);
  EXPECT_TRUE(call_off->words[1].preps.empty());
  auto cut_off = ParsePattern("162", "verb", "cut aid off from $TGT", "", "x");
  ASSERT_TRUE(cut_off.ok());

  auto appeal = ParsePattern("095", "verb", "appeal for peace in $TGT", "", "x");
  ASSERT_TRUE(appeal.ok());
  ASSERT_EQ(appeal->words.size(), 1u);
  EXPECT_EQ(appeal->words[0].preps, std::vector<std::string>{"for"});
  EXPECT_EQ(appeal->slots[0].preps, std::vector<std::string>{"in"});
  EXPECT_GT(appeal->specificity(), visit->specificity());
}

TEST(PatternTest, RejectsMalformedRows) {
  EXPECT_FALSE(ParsePattern("4", "verb", "visit $TGT", "", "x").ok());         // code too short
  EXPECT_FALSE(ParsePattern("042", "adj", "visit $TGT", "", "x").ok());        // kind
  EXPECT_FALSE(ParsePattern("042", "verb", "", "", "x").ok());                 // empty
  EXPECT_FALSE(ParsePattern("042", "verb", "Visit $TGT", "", "x").ok());       // not a lemma
  EXPECT_FALSE(ParsePattern("042", "verb", "visit $TGT $TGT", "", "x").ok());  // two target slots
  EXPECT_FALSE(ParsePattern("042", "verb", "visit $WHO", "", "x").ok());       // unknown slot
  EXPECT_FALSE(ParsePattern("042", "verb", "visit $TGT", "pair=4x", "x").ok());
  EXPECT_FALSE(ParsePattern("141", "noun", "protest", "intransitive", "x").ok());  // verbs only
  auto demo = ParsePattern("141", "verb", "demonstrate", "notarget|intransitive", "x");
  ASSERT_TRUE(demo.ok());
  EXPECT_TRUE(demo->intransitive);
  EXPECT_FALSE(demo->needs_target);
  EXPECT_FALSE(ParsePattern("042", "verb", "visit $TGT", "loud", "x").ok());
}

}  // namespace
}  // namespace dyad::events
