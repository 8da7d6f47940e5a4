// The event stage over hand-parsed sentences (CoNLL-U) with hand-placed actor mentions, so these tests
// pin the matcher itself, not the tagger, parser or actor dictionaries.
#include "events/event_stage.h"

#include <gtest/gtest.h>

#include <string>

#include "events/event_test_util.h"

namespace dyad::events {
namespace {

using testing::AddMention;
using testing::Cameo;
using testing::Code;
using testing::CodeWith;
using testing::Parse;

constexpr char kPatterns[] =
    "cameo\tkind\tpattern\tflags\n"
    "042\tverb\tvisit $TGT\n"
    "046\tverb\thold talk with $TGT\n"
    "163\tverb\timpose sanction on|against $TGT\n"
    "163\tverb\tsanction $TGT\n"
    "190\tverb\tlaunch offensive against $TGT\n"
    "190\tverb\tattack $TGT\n"
    "042\tnoun\tvisit to $TGT\n"
    "073\tverb\treceive aid from $SRC\n"
    "120\tverb\tdecline $TGT\n"
    "160\tverb\tdrop case against $TGT\n"
    "141\tverb\tdemonstrate\tnotarget|intransitive\n"
    "040\tverb\tmeet $TGT\tsym\n"
    "040\tnoun\ttalk with|between $TGT\tsym\n"
    "042\tverb\ttravel to $TGT\tpair=043|official\n"
    "173\tverb\tarrest\tnotarget\n";
constexpr char kIntents[] = "cameo\tintent\tthreat\tnote\n04\t036\t\t\n19\t\t138\t\n16\t\t131\t\n";
constexpr char kGovernors[] =
    "lemma\teffect\tcameo\tnote\nschedule\tintended\t\t\nthreaten\tthreatened\t13\t\nplan\tintended\t\t\n"
    "urge\thypothetical\t\t\n";

std::shared_ptr<const EventLexicon> Lexicon() {
  auto lex = std::make_shared<EventLexicon>();
  EXPECT_TRUE(lex->AddPatterns(kPatterns, "test.tsv").ok());
  EXPECT_TRUE(lex->AddIntents(kIntents, "intent.tsv").ok());
  EXPECT_TRUE(lex->AddGovernors(kGovernors, "governors.tsv").ok());
  return lex;
}

std::vector<EventRow> Code(Document& doc) { return CodeWith(Lexicon(), doc); }

TEST(EventStageTest, SubjectVerbObject) {
  Document doc = Parse(
      "1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tIran\tIran\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUSGOV");
  AddMention(doc, 3, 3, 3, "IRN");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Cameo(doc, ev[0]), "042");
  EXPECT_EQ(Code(doc, ev[0].source), "RUSGOV");
  EXPECT_EQ(Code(doc, ev[0].target), "IRN");
  EXPECT_EQ(ev[0].modality, Modality::kAsserted);
  EXPECT_FALSE(ev[0].negated);
  EXPECT_EQ(doc.Str(ev[0].rule), "test:visit $TGT");
  EXPECT_EQ(ev[0].trigger_head, 1u);
}

TEST(EventStageTest, PassiveWithByAgent) {
  Document doc = Parse(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t3\tnsubj:pass\t_\t_\n"
      "2\twas\tbe\tAUX\tVBD\t_\t3\taux:pass\t_\t_\n"
      "3\tsanctioned\tsanction\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "4\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
      "6\tEU\tEU\tPROPN\tNNP\t_\t3\tobl:agent\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUS");
  AddMention(doc, 6, 6, 6, "IGOEEC");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(doc, ev[0].source), "IGOEEC");
  EXPECT_EQ(Code(doc, ev[0].target), "RUS");
}

// "Putin is scheduled to hold talks with Raisi and Erdogan": subject through the governor, one event per
// conjunct, intended, and the intent code.
TEST(EventStageTest, GovernorCoordinationAndIntent) {
  Document doc = Parse(
      "1\tPutin\tPutin\tPROPN\tNNP\t_\t3\tnsubj:pass\t_\t_\n"
      "2\tis\tbe\tAUX\tVBZ\t_\t3\taux:pass\t_\t_\n"
      "3\tscheduled\tschedule\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\thold\thold\tVERB\tVB\t_\t3\txcomp\t_\t_\n"
      "6\ttalks\ttalk\tNOUN\tNNS\t_\t5\tobj\t_\t_\n"
      "7\twith\twith\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "8\tRaisi\tRaisi\tPROPN\tNNP\t_\t5\tobl\t_\t_\n"
      "9\tand\tand\tCCONJ\tCC\t_\t10\tcc\t_\t_\n"
      "10\tErdogan\tErdogan\tPROPN\tNNP\t_\t8\tconj\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUSGOV");
  AddMention(doc, 8, 8, 8, "IRNGOV");
  AddMention(doc, 10, 10, 10, "TURGOV");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 2u);
  for (const auto& e : ev) {
    EXPECT_EQ(Cameo(doc, e), "036");
    EXPECT_EQ(Code(doc, e.source), "RUSGOV");
    EXPECT_EQ(e.modality, Modality::kIntended);
    EXPECT_EQ(e.trigger_first, 2u);  // "scheduled to hold talks"
    EXPECT_EQ(e.trigger_end, 6u);
  }
  EXPECT_EQ(Code(doc, ev[0].target), "IRNGOV");
  EXPECT_EQ(Code(doc, ev[1].target), "TURGOV");
}

TEST(EventStageTest, NegationIsKeptAndMarked) {
  Document doc = Parse(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "2\thas\thave\tAUX\tVBZ\t_\t4\taux\t_\t_\n"
      "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\timposed\timpose\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "5\tsanctions\tsanction\tNOUN\tNNS\t_\t4\tobj\t_\t_\n"
      "6\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tIran\tIran\tPROPN\tNNP\t_\t4\tobl\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUS");
  AddMention(doc, 7, 7, 7, "IRN");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Cameo(doc, ev[0]), "163");
  EXPECT_TRUE(ev[0].negated);
}

TEST(EventStageTest, ThreatTakesTheThreatCode) {
  Document doc = Parse(
      "1\tTurkey\tTurkey\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tthreatened\tthreaten\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_\n"
      "4\tlaunch\tlaunch\tVERB\tVB\t_\t2\txcomp\t_\t_\n"
      "5\tan\ta\tDET\tDT\t_\t6\tdet\t_\t_\n"
      "6\toffensive\toffensive\tNOUN\tNN\t_\t4\tobj\t_\t_\n"
      "7\tagainst\tagainst\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "8\tSyria\tSyria\tPROPN\tNNP\t_\t6\tnmod\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "TUR");
  AddMention(doc, 8, 8, 8, "SYR");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Cameo(doc, ev[0]), "138");
  EXPECT_EQ(ev[0].modality, Modality::kAsserted);
  EXPECT_EQ(Code(doc, ev[0].target), "SYR");
}

TEST(EventStageTest, ReportedSpeechCodesTheEmbeddedEvent) {
  Document doc = Parse(
      "1\tOfficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tRussia\tRussia\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "4\tattacked\tattack\tVERB\tVBD\t_\t2\tccomp\t_\t_\n"
      "5\tUkraine\tUkraine\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n");
  AddMention(doc, 3, 3, 3, "RUS");
  AddMention(doc, 5, 5, 5, "UKR");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(doc, ev[0].source), "RUS");
  EXPECT_EQ(ev[0].modality, Modality::kReported);
}

TEST(EventStageTest, EventNounWithPossessor) {
  Document doc = Parse(
      "1\tPutin\tPutin\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tvisit\tvisit\tNOUN\tNN\t_\t6\tnsubj\t_\t_\n"
      "4\tto\tto\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tIran\tIran\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
      "6\tended\tend\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUSGOV");
  AddMention(doc, 5, 5, 5, "IRN");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Cameo(doc, ev[0]), "042");
  EXPECT_EQ(Code(doc, ev[0].source), "RUSGOV");
}

TEST(EventStageTest, SourceSlotMakesTheSubjectTheTarget) {
  Document doc = Parse(
      "1\tSyria\tSyria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\treceived\treceive\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\taid\taid\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "4\tfrom\tfrom\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tIran\tIran\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "SYR");
  AddMention(doc, 5, 5, 5, "IRN");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(doc, ev[0].source), "IRN");
  EXPECT_EQ(Code(doc, ev[0].target), "SYR");
}

TEST(EventStageTest, NoTargetNoEventAndExplainSaysWhy) {
  Document doc = Parse(
      "1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tfriends\tfriend\tNOUN\tNNS\t_\t2\tobj\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUSGOV");
  EXPECT_TRUE(Code(doc).empty());
  auto lines = ExplainSentence(*Lexicon(), doc, 0);
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines[0].find("no target actor"), std::string::npos) << lines[0];
}

// The lemmatiser's slips on unseen past tenses ("declin") still reach the pattern ("decline").
TEST(EventStageTest, InflectedTriggerWithAMissedFinalE) {
  Document doc = Parse(
      "1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tdeclined\tdeclin\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tRussia\tRussia\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "IRN");
  AddMention(doc, 3, 3, 3, "RUS");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Cameo(doc, ev[0]), "120");
}

// A word without a preposition must be an object (or particle, modifier): not an adverbial phrase.
TEST(EventStageTest, BareWordsAreNotAdverbials) {
  Document doc = Parse(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tdropped\tdrop\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tfrom\tfrom\tADP\tIN\t_\t4\tcase\t_\t_\n"
      "4\tcases\tcase\tNOUN\tNNS\t_\t2\tobl\t_\t_\n"
      "5\tagainst\tagainst\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\tIran\tIran\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUS");
  AddMention(doc, 6, 6, 6, "IRN");
  EXPECT_TRUE(Code(doc).empty());
}

TEST(EventStageTest, NoBeforeTheObjectNegates) {
  Document doc = Parse(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\timposed\timpose\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tno\tno\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tsanctions\tsanction\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\tIran\tIran\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUS");
  AddMention(doc, 6, 6, 6, "IRN");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_TRUE(ev[0].negated);
}

// "Russia's plan to attack Ukraine": the noun governs its infinitive like the verb would.
TEST(EventStageTest, NounGovernorMakesTheEventIntended) {
  Document doc = Parse(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tplan\tplan\tNOUN\tNN\t_\t0\troot\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\tattack\tattack\tVERB\tVB\t_\t3\tacl\t_\t_\n"
      "6\tUkraine\tUkraine\tPROPN\tNNP\t_\t5\tobj\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUS");
  AddMention(doc, 6, 6, 6, "UKR");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].modality, Modality::kIntended);
  EXPECT_EQ(Code(doc, ev[0].source), "RUS");
}

// "demonstrate" codes a protest only used without an object or clause.
TEST(EventStageTest, IntransitiveOnlyPatternRefusesAVerbWithAnObject) {
  Document protest = Parse(
      "1\tStudents\tstudent\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\tdemonstrated\tdemonstrate\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_\n"
      "4\tTehran\tTehran\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  AddMention(protest, 1, 1, 1, "IRNEDU");
  auto ev = Code(protest);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Cameo(protest, ev[0]), "141");

  Document show = Parse(
      "1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tdemonstrated\tdemonstrate\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tits\tits\tPRON\tPRP$\t_\t4\tnmod:poss\t_\t_\n"
      "4\tresolve\tresolve\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  AddMention(show, 1, 1, 1, "IRN");
  EXPECT_TRUE(Code(show).empty());
}

TEST(EventStageTest, MutualPatternWithCoordinatedSubjectsPairsThem) {
  // "Putin and Erdogan met in Tehran": no object, two actors doing it together -> each with the other.
  Document met = Parse(
      "1\tPutin\tPutin\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
      "3\tErdogan\tErdogan\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "4\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  AddMention(met, 1, 1, 1, "RUSGOV");
  AddMention(met, 3, 3, 3, "TURGOV");
  auto ev = Code(met);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Code(met, ev[0].source) + ">" + Code(met, ev[0].target), "RUSGOV>TURGOV");
  EXPECT_EQ(Code(met, ev[1].source) + ">" + Code(met, ev[1].target), "TURGOV>RUSGOV");

  // A lone subject of a mutual verb with no object is still no event; nor is a one-sided pattern.
  Document alone = Parse(
      "1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  AddMention(alone, 1, 1, 1, "RUSGOV");
  EXPECT_TRUE(Code(alone).empty());
  Document both = Parse(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
      "3\tIran\tIran\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "4\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  AddMention(both, 1, 1, 1, "RUS");
  AddMention(both, 3, 3, 3, "IRN");
  EXPECT_TRUE(Code(both).empty());
}

TEST(EventStageTest, SubjectOfAPrepositionalPredicateNounIsItsSource) {
  // "Iran and Russia are in talks": the noun's subject (with "in") does it, each with the other;
  // "Russia is in talks with Iran": the subject with the with-phrase.
  Document pair = Parse(
      "1\tIran\tIran\tPROPN\tNNP\t_\t6\tnsubj\t_\t_\n"
      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
      "3\tRussia\tRussia\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "4\tare\tbe\tAUX\tVBP\t_\t6\tcop\t_\t_\n"
      "5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\ttalks\ttalk\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n\n");
  AddMention(pair, 1, 1, 1, "IRN");
  AddMention(pair, 3, 3, 3, "RUS");
  auto ev = Code(pair);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Cameo(pair, ev[0]), "040");
  EXPECT_EQ(Code(pair, ev[0].source) + ">" + Code(pair, ev[0].target), "IRN>RUS");

  Document with = Parse(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "2\tis\tbe\tAUX\tVBZ\t_\t4\tcop\t_\t_\n"
      "3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_\n"
      "4\ttalks\ttalk\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
      "5\twith\twith\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\tIran\tIran\tPROPN\tNNP\t_\t4\tnmod\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  AddMention(with, 1, 1, 1, "RUS");
  AddMention(with, 6, 6, 6, "IRN");
  ev = Code(with);
  ASSERT_EQ(ev.size(), 2u);  // mutual: both directions
  EXPECT_EQ(Code(with, ev[0].source) + ">" + Code(with, ev[0].target), "RUS>IRN");
}

TEST(EventStageTest, OfficialOnlyPatternNeedsAnOfficialSource) {
  const char* conllu =
      "1\tX\tX\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\ttravelled\ttravel\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tto\tto\tADP\tIN\t_\t4\tcase\t_\t_\n"
      "4\tSyria\tSyria\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n";
  Document minister = Parse(conllu);
  AddMention(minister, 1, 1, 1, "IRNGOV");
  AddMention(minister, 4, 4, 4, "SYR");
  auto ev = Code(minister);
  ASSERT_EQ(ev.size(), 2u);  // the visit and the host's 043
  EXPECT_EQ(Cameo(minister, ev[0]), "042");
  for (const char* private_actor : {"GBRCVL", "GBR", "IMGMOSISL"}) {
    Document traveller = Parse(conllu);
    AddMention(traveller, 1, 1, 1, private_actor);
    AddMention(traveller, 4, 4, 4, "SYR");
    EXPECT_TRUE(Code(traveller).empty()) << private_actor;
  }
}

TEST(EventStageTest, ToClauseParsedAsAdvclStillTakesTheGovernorsEffect) {
  // "Russia urged Iran to attack Israel", the to-clause parsed as advcl: the attack is only urged.
  Document doc = Parse(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\turged\turge\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tIran\tIran\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\tattack\tattack\tVERB\tVB\t_\t2\tadvcl\t_\t_\n"
      "6\tIsrael\tIsrael\tPROPN\tNNP\t_\t5\tobj\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUS");
  AddMention(doc, 3, 3, 3, "IRN");
  AddMention(doc, 6, 6, 6, "ISR");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Cameo(doc, ev[0]), "190");
  EXPECT_EQ(ev[0].modality, Modality::kHypothetical);
}

TEST(EventStageTest, AgainstAndWithoutMarkWhatDidNotHappen) {
  auto code = [](const char* mark) {
    std::string conllu = std::string("1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                     "2\twarned\twarn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                     "3\t") + mark + "\t" + mark + "\tSCONJ\tIN\t_\t4\tmark\t_\t_\n"
                         "4\tattacking\tattack\tVERB\tVBG\t_\t2\tadvcl\t_\t_\n"
                         "5\tUkraine\tUkraine\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n";
    Document doc = Parse(conllu.c_str());
    AddMention(doc, 1, 1, 1, "RUS");
    AddMention(doc, 5, 5, 5, "UKR");
    auto ev = Code(doc);
    EXPECT_EQ(ev.size(), 1u) << mark;
    return ev.empty() ? EventRow{} : ev[0];
  };
  EXPECT_EQ(code("against").modality, Modality::kHypothetical);
  EXPECT_TRUE(code("without").negated);
  EventRow after = code("after");
  EXPECT_EQ(after.modality, Modality::kAsserted);
  EXPECT_FALSE(after.negated);
}

TEST(EventStageTest, ASubjectUnderAPlacePrepositionIsNotTheDoer) {
  // "A blast in China attacked Iran" misparsed with "in China" as nsubj: China did not do it.
  Document doc = Parse(
      "1\tblast\tblast\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
      "2\tin\tin\tADP\tIN\t_\t3\tcase\t_\t_\n"
      "3\tChina\tChina\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "4\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\tIran\tIran\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n");
  AddMention(doc, 3, 3, 3, "CHN");
  AddMention(doc, 5, 5, 5, "IRN");
  EXPECT_TRUE(Code(doc).empty());
  // A clause word misattached to the subject does not disqualify it: "after Putin attacked Iran".
  Document after = Parse(
      "1\tafter\tafter\tADP\tIN\t_\t2\tcase\t_\t_\n"
      "2\tPutin\tPutin\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
      "3\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tIran\tIran\tPROPN\tNNP\t_\t3\tobj\t_\t_\n\n");
  AddMention(after, 2, 2, 2, "RUSGOV");
  AddMention(after, 4, 4, 4, "IRN");
  EXPECT_EQ(Code(after).size(), 1u);
}

TEST(EventStageTest, OfSeveralSubjectsTheFirstIsTheDoer) {
  // "Supporters of Putin attacked Iran" misparsed with Putin as a second nsubj: the supporters did it.
  Document doc = Parse(
      "1\tSupporters\tsupporter\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
      "2\tof\tof\tADP\tIN\t_\t3\tcase\t_\t_\n"
      "3\tPutin\tPutin\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "4\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\tIran\tIran\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUSCVL");
  AddMention(doc, 3, 3, 3, "RUSGOV");
  AddMention(doc, 5, 5, 5, "IRN");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(doc, ev[0].source), "RUSCVL");
}

TEST(EventStageTest, HeadlinePassiveWithoutAuxiliaryHasNoDoer) {
  // "Navalny arrested" as a headline: the participle at the root, no auxiliary, no object: Navalny is the
  // one arrested, not the one who arrests (and no doer is named: no event).
  Document headline = Parse(
      "1\tNavalny\tNavalny\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tarrested\tarrest\tVERB\tVBN\t_\t0\troot\t_\t_\n\n");
  AddMention(headline, 1, 1, 1, "RUSOPP");
  EXPECT_TRUE(Code(headline).empty());
  // With an object it is the active past ("Police arrested Navalny"), whatever the tag.
  Document active = Parse(
      "1\tPolice\tpolice\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n"
      "2\tarrested\tarrest\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "3\tNavalny\tNavalny\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n");
  AddMention(active, 1, 1, 1, "RUSCOP");
  AddMention(active, 3, 3, 3, "RUSOPP");
  EXPECT_EQ(Code(active).size(), 1u);
}

TEST(EventStageTest, TalkingToThePressIsNoConsultation) {
  auto code = [](const char* target) {
    Document doc = Parse(
        "1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tX\tX\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n");
    AddMention(doc, 1, 1, 1, "RUSGOV");
    AddMention(doc, 3, 3, 3, target);
    return Code(doc).size();
  };
  EXPECT_EQ(code("USAMEDCNN"), 0u);
  EXPECT_EQ(code("USAGOV"), 2u);  // a meeting, both ways
}

}  // namespace
}  // namespace dyad::events
