#include "events/lexicon.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "ontology/ontology_tables.h"

namespace dyad::events {
namespace {

constexpr char kPatterns[] =
    "# consult\n"
    "cameo\tkind\tpattern\tflags\n"
    "042\tverb\tvisit $TGT\n"
    "046\tverb\thold talk with $TGT\t\n"
    "040\tverb\thold $TGT\n"
    "042\tnoun\tvisit to $TGT\n";

TEST(LexiconTest, IndexesByTriggerMostSpecificFirst) {
  EventLexicon lex;
  ASSERT_TRUE(lex.AddPatterns(kPatterns, "patterns/04_consult.tsv").ok());
  const auto* hold = lex.Triggered(TriggerKind::kVerb, "hold");
  ASSERT_NE(hold, nullptr);
  ASSERT_EQ(hold->size(), 2u);
  EXPECT_EQ(lex.pattern((*hold)[0]).id, "04_consult:hold talk with $TGT");
  EXPECT_EQ(lex.pattern((*hold)[0]).line, 4);
  EXPECT_NE(lex.Triggered(TriggerKind::kNoun, "visit"), nullptr);
  EXPECT_EQ(lex.Triggered(TriggerKind::kNoun, "hold"), nullptr);
}

TEST(LexiconTest, ErrorsNameFileAndLine) {
  EventLexicon lex;
  Status s = lex.AddPatterns("cameo\tkind\tpattern\tflags\n042\tverb\tvisit $TGT $TGT\n", "p.tsv");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("p.tsv:2: ", 0), 0u) << s.message();
  EXPECT_FALSE(lex.AddPatterns("cameo\tkind\n", "p.tsv").ok());  // wrong header
  EXPECT_FALSE(lex.AddGovernors("lemma\teffect\tcameo\tnote\nplan\tmaybe\t\t\n", "g.tsv").ok());
  EXPECT_FALSE(lex.AddIntents("cameo\tintent\tthreat\tnote\n04\tx\t\t\n", "i.tsv").ok());
}

TEST(LexiconTest, IntentCodesFallBackToParentAndRoot) {
  EventLexicon lex;
  ASSERT_TRUE(lex.AddIntents("cameo\tintent\tthreat\tnote\n04\t036\t\t\n19\t\t138\t\n163\t\t1312\t\n", "i.tsv").ok());
  EXPECT_EQ(lex.IntentCode("042", false), "036");
  EXPECT_EQ(lex.IntentCode("0421", false), "036");
  EXPECT_EQ(lex.IntentCode("042", true), "042");  // no threat code: keeps its own
  EXPECT_EQ(lex.IntentCode("190", true), "138");
  EXPECT_EQ(lex.IntentCode("163", true), "1312");
  EXPECT_EQ(lex.IntentCode("1631", true), "1312");
}

TEST(LexiconTest, CheckFindsUnknownCodesAndRepeats) {
  Ontology onto;
  onto.cameo_events.push_back(CameoEvent{"04", "Consult", 1, QuadClass::kVerbalCooperation, "", 1});
  onto.cameo_events.push_back(CameoEvent{"042", "Visit", 1.9, QuadClass::kVerbalCooperation, "", 2});
  onto.BuildIndex();
  EventLexicon lex;
  ASSERT_TRUE(lex.AddPatterns("cameo\tkind\tpattern\tflags\n042\tverb\tvisit $TGT\n099\tverb\tfly to $TGT\n"
                              "042\tverb\tvisit $TGT\n",
                              "p.tsv")
                  .ok());
  auto problems = CheckEventLexicon(lex, onto);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("p.tsv:3: unknown CAMEO code 099"), std::string::npos);
  EXPECT_NE(problems[1].find("p.tsv:4: repeats"), std::string::npos);
}

// The shipped lexicon loads and checks against the shipped ontology.
TEST(LexiconTest, ShippedLexiconChecksOut) {
  const std::string data = std::string(DYAD_SOURCE_DIR) + "/data";
  if (!std::filesystem::exists(data + "/events/intent.tsv")) GTEST_SKIP() << "no data/events yet";
  auto lex = LoadEventLexicon(data + "/events");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  auto onto = LoadOntology(data + "/ontology");
  ASSERT_TRUE(onto.ok()) << onto.status().message();
  auto problems = CheckEventLexicon(*lex, *onto);
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems, first: " << problems.front();
  EXPECT_GE(lex->patterns().size(), 1500u);
}

}  // namespace
}  // namespace dyad::events
