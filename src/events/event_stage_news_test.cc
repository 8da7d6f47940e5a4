// The event stage on the shapes news sentences take that the core tests do not: fights among armed
// actors, force words between political actors, mutual events named by a between-phrase, events dated after the article, a to-clause of a
// noun, and a passive subject hung beside an active one by the parser.
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
    "145\tverb\tclash with $TGT\tsym\n"
    "190\tverb\tclash with $TGT\tsym|armed\n"
    "190\tnoun\tbattle between $TGT\tsym\n"
    "040\tnoun\tmeeting with|between $TGT\tsym\n"
    "052\tverb\tdefend $TGT\n"
    "190\tverb\tfire on $TGT\n"
    "071\tverb\tfinance $TGT\n"
    "190\tverb\tkill $TGT\n"
    "194\tnoun\tattack rocket\tnotarget\n"
    "032\tverb\timprove tie with $TGT\n"
    "192\tverb\tseize $TGT\n"
    "020\tverb\turge $TGT\n"
    "194\tverb\tshell $TGT\n"
    "042\tverb\tvisit $TGT\n"
    "040\tverb\tmeet $TGT\tsym\n"
    "190\tverb\tstrike $TGT\n"
    "183\tverb\tblow $TGT up\n"
    "192\tverb\tcapture $TGT\n"
    "040\tnoun\ttalk with $TGT\tsym\n"
    "195\tnoun\tairstrike\tnotarget\n"
    "190\tverb\tattack $TGT\n"
    "111\tverb\tattack $TGT\tunarmed\n"
    "190\tverb\tfight $TGT\n"
    "062\tverb\tfight alongside $TGT\tsym\n"
    "110\tverb\tclash with $TGT\tsym|speakers\n"
    "190\tverb\thit $TGT\n";
constexpr char kIntents[] = "cameo\tintent\tthreat\tnote\n04\t036\t\t\n19\t138\t138\t\n";
constexpr char kGovernors[] =
    "lemma\teffect\tcameo\tnote\ncommitment\tintended\t\t\nseek\tattempted\t\t\nplan\tintended\t\t\n"
    "urge\thypothetical\t\t\npropose\tintended\t\t\norder\tintended\t\t\n";

std::vector<EventRow> Code(Document& doc) {
  auto lex = std::make_shared<EventLexicon>();
  EXPECT_TRUE(lex->AddPatterns(kPatterns, "news.tsv").ok());
  EXPECT_TRUE(lex->AddIntents(kIntents, "intent.tsv").ok());
  EXPECT_TRUE(lex->AddGovernors(kGovernors, "governors.tsv").ok());
  return CodeWith(lex, doc);
}

constexpr char kClash[] =
    "1\tTroops\ttroops\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tclashed\tclash\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\twith\twith\tADP\tIN\t_\t4\tcase\t_\t_\n"
    "4\trebels\trebel\tNOUN\tNNS\t_\t2\tobl\t_\t_\n\n";

TEST(EventStageNewsTest, ArmedActorsClashingFightCiviliansProtest) {
  Document fight = Parse(kClash);
  AddMention(fight, 1, 1, 1, "SYRMIL");
  AddMention(fight, 4, 4, 4, "SYRREB");
  auto ev = Code(fight);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Cameo(fight, ev[0]), "190");
  EXPECT_EQ(Code(fight, ev[0].source), "SYRMIL");
  EXPECT_EQ(Code(fight, ev[1].source), "SYRREB");

  // Police against protesters: nobody armed, and a civilian side; the protest row codes it.
  Document protest = Parse(kClash);
  AddMention(protest, 1, 1, 1, "IRNCOP");
  AddMention(protest, 4, 4, 4, "IRNCVL");
  ev = Code(protest);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Cameo(protest, ev[0]), "145");

  // Two leaders of different countries disagree (flag speakers: any border).
  Document leaders = Parse(kClash);
  AddMention(leaders, 1, 1, 1, "TURGOV");
  AddMention(leaders, 4, 4, 4, "RUSGOV");
  ev = Code(leaders);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Cameo(leaders, ev[0]), "110");

  // Soldiers against civilians is no battle either.
  Document civilians = Parse(kClash);
  AddMention(civilians, 1, 1, 1, "ISRMIL");
  AddMention(civilians, 4, 4, 4, "PSECVL");
  ev = Code(civilians);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Cameo(civilians, ev[0]), "145");
}

constexpr char kAttack[] =
    "1\tKerry\tKerry\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tBush\tBush\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n";

// Between two political actors of one country "attacked" is criticism, and across a border when one
// side has no army; with a bare state, armed forces or civilians on either side, or governments of two
// countries, it keeps its literal sense.
TEST(EventStageNewsTest, AttackBetweenPoliticalActorsIsCriticism) {
  struct Case {
    const char* source;
    const char* target;
    const char* cameo;
  };
  for (const Case& c : {Case{"USALEG", "USAGOV", "111"}, Case{"GBRPTYCON", "GBRPTYLAB", "111"},
                        Case{"IGOUNO", "MNCUSAMSF", "111"}, Case{"RUS", "UKR", "190"}, Case{"RUSGOV", "UKR", "190"},
                        Case{"USAMIL", "IRQREB", "190"}, Case{"IRNCVL", "IRNGOV", "190"},
                        Case{"USAGOV", "IGOUNOPKO", "190"}, Case{"USAGOV", "SYRGOV", "190"},
                        Case{"GBRPTYCON", "SYRGOV", "190"}, Case{"ZAFGOV", "GBRMED", "111"}}) {
    Document doc = Parse(kAttack);
    AddMention(doc, 1, 1, 1, c.source);
    AddMention(doc, 3, 3, 3, c.target);
    auto ev = Code(doc);
    ASSERT_EQ(ev.size(), 1u) << c.source << " " << c.target;
    EXPECT_EQ(Cameo(doc, ev[0]), c.cameo) << c.source << " " << c.target;
  }
}

// The parser hangs "alongside the Americans" as an object with its own preposition: it is the
// prepositional phrase, so the troops fought with the Americans, not against them.
TEST(EventStageNewsTest, ObjectWithItsOwnPrepositionIsAPrepositionalPhrase) {
  Document doc = Parse(
      "1\tTroops\ttroops\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\tfought\tfight\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\talongside\talongside\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "5\tAmericans\tAmerican\tPROPN\tNNPS\t_\t2\tobj\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "TURMIL");
  AddMention(doc, 4, 5, 5, "USA");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Cameo(doc, ev[0]), "062");
  EXPECT_EQ(Cameo(doc, ev[1]), "062");
}

// Force words whose subject is a noun that is no actor: its owner used force only through a weapon, an
// attack or a unit. "Russia's missiles hit Kyiv"; not "Taiwan's reserves hit a new high of U.S. dollars".
TEST(EventStageNewsTest, OnlyTheOwnerOfAWeaponUsesForceThroughIt) {
  auto doc_for = [](const char* noun, const char* lemma) {
    std::string conllu = std::string("1\tRussia\tRussia\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n") +
                         "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n" + "3\t" + noun + "\t" + lemma +
                         "\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n" + "4\thit\thit\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
                         "5\tKyiv\tKyiv\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n";
    Document doc = Parse(conllu.c_str());
    AddMention(doc, 1, 1, 1, "RUS");
    AddMention(doc, 5, 5, 5, "UKR");
    return doc;
  };
  Document missiles = doc_for("missiles", "missile");
  auto ev = Code(missiles);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(missiles, ev[0].source), "RUS");
  Document reserves = doc_for("reserves", "reserve");
  EXPECT_TRUE(Code(reserves).empty());
}

constexpr char kBattles[] =
    "1\tBattles\tbattle\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
    "2\tbetween\tbetween\tADP\tIN\t_\t4\tcase\t_\t_\n"
    "3\tUS\tUS\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n"
    "4\ttroops\ttroops\tNOUN\tNNS\t_\t1\tnmod\t_\t_\n"
    "5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_\n"
    "6\tmilitiamen\tmilitiaman\tNOUN\tNNS\t_\t4\tconj\t_\t_\n"
    "7\tcontinued\tcontinue\tVERB\tVBD\t_\t1\tacl\t_\t_\n\n";

TEST(EventStageNewsTest, BetweenPhraseMakesEachSideTheOthersTarget) {
  Document doc = Parse(kBattles);
  AddMention(doc, 3, 4, 4, "USAMIL");
  AddMention(doc, 6, 6, 6, "IRQUAF");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Cameo(doc, ev[0]), "190");
  EXPECT_EQ(Code(doc, ev[0].source), "USAMIL");
  EXPECT_EQ(Code(doc, ev[0].target), "IRQUAF");
  EXPECT_EQ(Code(doc, ev[1].source), "IRQUAF");
  EXPECT_EQ(Code(doc, ev[1].target), "USAMIL");

  // One side is no actor: the other actors of the phrase are not each other's enemies.
  Document unknown = Parse(kBattles);
  AddMention(unknown, 3, 4, 4, "USAMIL");
  EXPECT_TRUE(Code(unknown).empty());
}

// "Tuesday's meeting between Putin and Erdogan", in an article of Monday 18 July 2022: still to come.
TEST(EventStageNewsTest, AMeetingDatedAfterTheArticleIsIntended) {
  const char* conllu =
      "1\tTuesday\tTuesday\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tmeeting\tmeeting\tNOUN\tNN\t_\t0\troot\t_\t_\n"
      "4\tbetween\tbetween\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tPutin\tPutin\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
      "6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
      "7\tErdogan\tErdogan\tPROPN\tNNP\t_\t5\tconj\t_\t_\n\n";
  for (const char* day : {"2022-07-19", "2022-07-18"}) {
    Document doc = Parse(conllu);
    doc.meta().date = "2022-07-18";
    AddMention(doc, 5, 5, 5, "RUSGOV");
    AddMention(doc, 7, 7, 7, "TURGOV");
    TimexRow when;
    when.first_token = 0;
    when.end_token = 1;
    when.type = doc.Intern("DATE");
    when.value = doc.Intern(day);
    doc.mutable_timexes().push_back(when);
    auto ev = Code(doc);
    ASSERT_EQ(ev.size(), 2u) << day;
    const bool later = std::string(day) > "2022-07-18";
    EXPECT_EQ(Cameo(doc, ev[0]), later ? "036" : "040") << day;
    EXPECT_EQ(ev[0].modality, later ? Modality::kIntended : Modality::kAsserted) << day;
  }
}

// "US confirms commitment to defend Taiwan": the to-clause of a governing noun that is no actor is done
// by the subject of a verb that holds it.
TEST(EventStageNewsTest, ToClauseOfANounTakesTheSubjectOfItsVerb) {
  Document doc = Parse(
      "1\tUS\tUS\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tconfirms\tconfirm\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
      "3\tcommitment\tcommitment\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\tdefend\tdefend\tVERB\tVB\t_\t3\tacl\t_\t_\n"
      "6\tTaiwan\tTaiwan\tPROPN\tNNP\t_\t5\tobj\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "USA");
  AddMention(doc, 6, 6, 6, "TWN");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(doc, ev[0].source), "USA");
  EXPECT_EQ(Code(doc, ev[0].target), "TWN");
  EXPECT_EQ(ev[0].modality, Modality::kIntended);  // a commitment governs like "committed to"

  // A plot somebody reveals is not theirs: "Colombia reveals plot to defend Taiwan" codes nothing.
  Document reveals = Parse(
      "1\tColombia\tColombia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\treveals\treveal\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
      "3\tcommitment\tcommitment\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\tdefend\tdefend\tVERB\tVB\t_\t3\tacl\t_\t_\n"
      "6\tTaiwan\tTaiwan\tPROPN\tNNP\t_\t5\tobj\t_\t_\n\n");
  AddMention(reveals, 1, 1, 1, "COL");
  AddMention(reveals, 6, 6, 6, "TWN");
  EXPECT_TRUE(Code(reveals).empty());
}

// "United Nations peacekeepers have fired on troops" parsed with "Nations" as nsubj:pass beside the
// nsubj "peacekeepers" and no passive auxiliary: an active clause.
TEST(EventStageNewsTest, PassiveSubjectBesideAnActiveOneIsAMisparse) {
  Document doc = Parse(
      "1\tUN\tUN\tPROPN\tNNP\t_\t4\tnsubj:pass\t_\t_\n"
      "2\tpeacekeepers\tpeacekeeper\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
      "3\thave\thave\tAUX\tVBP\t_\t4\taux\t_\t_\n"
      "4\tfired\tfire\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "5\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "6\tRwandan\tRwandan\tADJ\tJJ\t_\t7\tamod\t_\t_\n"
      "7\ttroops\ttroops\tNOUN\tNNS\t_\t4\tobl\t_\t_\n\n");
  AddMention(doc, 2, 2, 2, "IGOPKO");
  AddMention(doc, 6, 7, 7, "RWAMIL");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(doc, ev[0].source), "IGOPKO");
  EXPECT_EQ(Code(doc, ev[0].target), "RWAMIL");
}

// "A court jailed a militant for financing Hamas": the object of the verb above a for/of gerund does it,
// and what one is jailed or accused for is alleged.
TEST(EventStageNewsTest, ForGerundIsDoneByTheObjectAndAlleged) {
  Document doc = Parse(
      "1\tIsrael\tIsrael\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tjailed\tjail\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tPalestinians\tPalestinian\tPROPN\tNNPS\t_\t2\tobj\t_\t_\n"
      "4\tfor\tfor\tSCONJ\tIN\t_\t5\tmark\t_\t_\n"
      "5\tfinancing\tfinance\tVERB\tVBG\t_\t2\tadvcl\t_\t_\n"
      "6\tHamas\tHamas\tPROPN\tNNP\t_\t5\tobj\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "ISR");
  AddMention(doc, 3, 3, 3, "PSE");
  AddMention(doc, 6, 6, 6, "PSEREBHMS");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(doc, ev[0].source), "PSE");
  EXPECT_EQ(Code(doc, ev[0].target), "PSEREBHMS");
  EXPECT_EQ(ev[0].modality, Modality::kReported);
}

// "Two US soldiers were killed in a Baghdad rocket attack": the capital says where the attack was, it did
// not do it.
TEST(EventStageNewsTest, CapitalAsCompoundOfAnEventNounIsThePlace) {
  const char* conllu =
      "1\tBaghdad\tBaghdad\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
      "2\trocket\trocket\tNOUN\tNN\t_\t3\tcompound\t_\t_\n"
      "3\tattack\tattack\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
      "4\tkilled\tkill\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\tsoldiers\tsoldier\tNOUN\tNNS\t_\t4\tobj\t_\t_\n\n";
  Document capital = Parse(conllu);
  AddMention(capital, 1, 1, 1, "IRQGOV");
  AddMention(capital, 5, 5, 5, "USAMIL");
  EXPECT_TRUE(Code(capital).empty());
  // A country named the same way is still the doer ("an Iraq rocket attack killed soldiers").
  Document country = Parse(conllu);
  AddMention(country, 1, 1, 1, "IRQ");
  AddMention(country, 5, 5, 5, "USAMIL");
  auto ev = Code(country);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(country, ev[0].source), "IRQ");
  EXPECT_EQ(Cameo(country, ev[0]), "190");
}

// "North Korea will not dismantle its programs or improve ties with South Korea": the conjunct shares the
// negation; "did not attack Ukraine but seized Crimea" does not.
TEST(EventStageNewsTest, ConjunctSharesNegationUnlessItHasItsOwnClause) {
  Document shared = Parse(
      "1\tPyongyang\tPyongyang\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "2\twill\twill\tAUX\tMD\t_\t4\taux\t_\t_\n"
      "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\tdismantle\tdismantle\tVERB\tVB\t_\t0\troot\t_\t_\n"
      "5\tarms\tarm\tNOUN\tNNS\t_\t4\tobj\t_\t_\n"
      "6\tor\tor\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
      "7\timprove\timprove\tVERB\tVB\t_\t4\tconj\t_\t_\n"
      "8\tties\ttie\tNOUN\tNNS\t_\t7\tobj\t_\t_\n"
      "9\twith\twith\tADP\tIN\t_\t10\tcase\t_\t_\n"
      "10\tSeoul\tSeoul\tPROPN\tNNP\t_\t7\tobl\t_\t_\n\n");
  AddMention(shared, 1, 1, 1, "PRKGOV");
  AddMention(shared, 10, 10, 10, "KORGOV");
  auto ev = Code(shared);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_TRUE(ev[0].negated);
  EXPECT_EQ(ev[0].modality, Modality::kIntended);

  Document own = Parse(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
      "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\tsupply\tsupply\tVERB\tVB\t_\t0\troot\t_\t_\n"
      "5\tarms\tarm\tNOUN\tNNS\t_\t4\tobj\t_\t_\n"
      "6\tbut\tbut\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
      "7\tseized\tseize\tVERB\tVBD\t_\t4\tconj\t_\t_\n"
      "8\tCrimea\tCrimea\tPROPN\tNNP\t_\t7\tobj\t_\t_\n\n");
  AddMention(own, 1, 1, 1, "RUS");
  AddMention(own, 8, 8, 8, "UKR");
  ev = Code(own);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_FALSE(ev[0].negated);
  EXPECT_EQ(Cameo(own, ev[0]), "192");
}

// "UNITED NATIONS (Reuters) - Israel urged the UN": the dateline parsed as a first subject is cut off by
// the dash; and a first subject with no actor ("Thousands of Israelis", the actor hung as a second nsubj)
// yields to the one that has one.
TEST(EventStageNewsTest, SubjectAfterADatelineDashAndSubjectWithAnActor) {
  Document dateline = Parse(
      "1\tNATIONS\tNATIONS\tPROPN\tNNPS\t_\t4\tnsubj\t_\t_\n"
      "2\t-\t-\tPUNCT\t:\t_\t4\tpunct\t_\t_\n"
      "3\tIsrael\tIsrael\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "4\turged\turge\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\tIran\tIran\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n");
  AddMention(dateline, 1, 1, 1, "IGOUNO");
  AddMention(dateline, 3, 3, 3, "ISR");
  AddMention(dateline, 5, 5, 5, "IRN");
  auto ev = Code(dateline);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(dateline, ev[0].source), "ISR");

  Document thousands = Parse(
      "1\tThousands\tthousand\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "2\tIsraelis\tIsraeli\tPROPN\tNNPS\t_\t3\tnsubj\t_\t_\n"
      "3\turged\turge\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tIran\tIran\tPROPN\tNNP\t_\t3\tobj\t_\t_\n\n");
  AddMention(thousands, 2, 2, 2, "ISR");
  AddMention(thousands, 4, 4, 4, "IRN");
  ev = Code(thousands);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(thousands, ev[0].source), "ISR");
}

// "Russian forces shelled Kharkiv": a city named as the target stands for its country, as a mention the
// event stage adds; not a name in capitals (a dateline), and no visit inside one's own country.
TEST(EventStageNewsTest, TownAsTargetStandsForItsCountry) {
  auto sentence = [](const char* verb, const char* lemma, const char* town, const char* doer) {
    std::string conllu = std::string("1\t") + doer + "\t" + doer + "\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" + "2\t" +
                         verb + "\t" + lemma + "\tVERB\tVBD\t_\t0\troot\t_\t_\n" + "3\t" + town + "\t" + town +
                         "\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n";
    Document doc = Parse(conllu.c_str());
    PlaceRow city;
    city.first_token = 2;
    city.end_token = 3;
    city.name = doc.Intern(town);
    city.country = doc.Intern("UKR");
    city.feature = doc.Intern("city");
    doc.mutable_places().push_back(city);
    return doc;
  };
  Document shelled = sentence("shelled", "shell", "Kharkiv", "Russia");
  AddMention(shelled, 1, 1, 1, "RUSMIL");
  auto ev = Code(shelled);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Cameo(shelled, ev[0]), "194");
  EXPECT_EQ(Code(shelled, ev[0].target), "UKR");
  EXPECT_EQ(shelled.Str(shelled.mentions()[ev[0].target].rule), "place-target:Kharkiv");
  EXPECT_EQ(shelled.mentions().size(), 2u);

  Document dateline = sentence("shelled", "shell", "KHARKIV", "Russia");
  AddMention(dateline, 1, 1, 1, "RUSMIL");
  EXPECT_TRUE(Code(dateline).empty());

  Document home = sentence("visited", "visit", "Lviv", "Zelensky");
  AddMention(home, 1, 1, 1, "UKRGOV");
  EXPECT_TRUE(Code(home).empty());
  EXPECT_EQ(home.mentions().size(), 1u);  // no mention made for an event not coded
  Document abroad = sentence("visited", "visit", "Lviv", "Scholz");
  AddMention(abroad, 1, 1, 1, "DEUGOV");
  ev = Code(abroad);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(abroad, ev[0].target), "UKR");
}

// "Ministers from Russia, Turkey and Iran met": every item of the agent's list takes part, each with the
// others.
TEST(EventStageNewsTest, AgentOfAListIsOneParticipantPerItem) {
  Document doc = Parse(
      "1\tMinisters\tminister\tNOUN\tNNS\t_\t8\tnsubj\t_\t_\n"
      "2\tfrom\tfrom\tADP\tIN\t_\t3\tcase\t_\t_\n"
      "3\tRussia\tRussia\tPROPN\tNNP\t_\t1\tnmod\t_\t_\n"
      "4\t,\t,\tPUNCT\t,\t_\t5\tpunct\t_\t_\n"
      "5\tTurkey\tTurkey\tPROPN\tNNP\t_\t3\tconj\t_\t_\n"
      "6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
      "7\tIran\tIran\tPROPN\tNNP\t_\t5\tconj\t_\t_\n"
      "8\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
  AddMention(doc, 1, 3, 1, "RUSGOV");
  doc.mutable_mentions().back().kind = MentionKind::kAgent;
  AddMention(doc, 5, 5, 5, "TURGOV");
  AddMention(doc, 7, 7, 7, "IRNGOV");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 6u);  // each of three with each other
  // A plain name with its own conjunct list is not expanded this way ("Russia from ..." is no agent).
  doc.mutable_mentions()[0].kind = MentionKind::kCountry;
  EXPECT_TRUE(Code(doc).empty());
}

// "Tehran sought to push back Isis": an attempt at force is force used; a plan to use force is a threat.
TEST(EventStageNewsTest, AttemptedForceIsForcePlannedForceIsAThreat) {
  for (const char* governor : {"sought", "planned"}) {
    const std::string lemma = std::string(governor) == "sought" ? "seek" : "plan";
    const std::string conllu = std::string("1\tTehran\tTehran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n") + "2\t" + governor +
                               "\t" + lemma + "\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
                               "3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_\n"
                               "4\tshell\tshell\tVERB\tVB\t_\t2\txcomp\t_\t_\n"
                               "5\tIsis\tIsis\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n";
    Document doc = Parse(conllu.c_str());
    AddMention(doc, 1, 1, 1, "IRNGOV");
    AddMention(doc, 5, 5, 5, "IMGMOSISL");
    auto ev = Code(doc);
    ASSERT_EQ(ev.size(), 1u) << governor;
    const bool attempt = lemma == "seek";
    EXPECT_EQ(Cameo(doc, ev[0]), attempt ? "194" : "138") << governor;
    EXPECT_EQ(ev[0].modality, attempt ? Modality::kAsserted : Modality::kIntended) << governor;
  }
}

// "if they refuse, Iran shells the town" is told on a condition; "clashes between Israel and Iran" are a
// fight between states.
TEST(EventStageNewsTest, ConditionMakesHypotheticalAndStatesClashArmed) {
  Document doc = Parse(
      "1\tif\tif\tSCONJ\tIN\t_\t3\tmark\t_\t_\n"
      "2\tthey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
      "3\trefuse\trefuse\tVERB\tVBP\t_\t5\tadvcl\t_\t_\n"
      "4\tIran\tIran\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "5\tshells\tshell\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
      "6\tIsis\tIsis\tPROPN\tNNP\t_\t5\tobj\t_\t_\n\n");
  AddMention(doc, 4, 4, 4, "IRN");
  AddMention(doc, 6, 6, 6, "IMGMOSISL");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].modality, Modality::kHypothetical);

  Document clash = Parse(kClash);
  AddMention(clash, 1, 1, 1, "ISR");
  AddMention(clash, 4, 4, 4, "IRN");
  ev = Code(clash);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Cameo(clash, ev[0]), "190");
}

// An attempt is force used only when nothing above it says otherwise: "urged Tehran to seek to shell Isis"
// is an appeal; "if Tehran sought to shell Isis" a condition.
TEST(EventStageNewsTest, AttemptUnderAnAppealOrAConditionIsHypothetical) {
  Document urged = Parse(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\turged\turge\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tTehran\tTehran\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\tseek\tseek\tVERB\tVB\t_\t2\txcomp\t_\t_\n"
      "6\tto\tto\tPART\tTO\t_\t7\tmark\t_\t_\n"
      "7\tshell\tshell\tVERB\tVB\t_\t5\txcomp\t_\t_\n"
      "8\tIsis\tIsis\tPROPN\tNNP\t_\t7\tobj\t_\t_\n\n");
  AddMention(urged, 1, 1, 1, "RUS");
  AddMention(urged, 3, 3, 3, "IRNGOV");
  AddMention(urged, 8, 8, 8, "IMGMOSISL");
  auto ev = Code(urged);
  ASSERT_EQ(ev.size(), 2u);  // the appeal (020) and what it asks for
  EXPECT_EQ(Cameo(urged, ev[0]), "020");
  EXPECT_EQ(Cameo(urged, ev[1]), "194");
  EXPECT_EQ(Code(urged, ev[1].source), "IRNGOV");
  EXPECT_EQ(ev[1].modality, Modality::kHypothetical);

  Document condition = Parse(
      "1\tif\tif\tSCONJ\tIN\t_\t3\tmark\t_\t_\n"
      "2\tTehran\tTehran\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
      "3\tsought\tseek\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\tshell\tshell\tVERB\tVB\t_\t3\txcomp\t_\t_\n"
      "6\tIsis\tIsis\tPROPN\tNNP\t_\t5\tobj\t_\t_\n\n");
  AddMention(condition, 2, 2, 2, "IRNGOV");
  AddMention(condition, 6, 6, 6, "IMGMOSISL");
  ev = Code(condition);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].modality, Modality::kHypothetical);
}

// "The two leaders met for three hours and signed a deal": a pair mention brings its partner; and the
// participle "met" coordinated with a finite "signed" is no headline passive.
TEST(EventStageNewsTest, APairMeetsAndAParticipleBesideAFiniteVerbIsActive) {
  Document doc = Parse(
      "1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tarrived\tarrive\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
      "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_\n"
      "2\ttwo\ttwo\tNUM\tCD\t_\t3\tnummod\t_\t_\n"
      "3\tleaders\tleader\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
      "4\tmet\tmeet\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_\n"
      "6\tshelled\tshell\tVERB\tVBD\t_\t4\tconj\t_\t_\n"
      "7\tIsis\tIsis\tPROPN\tNNP\t_\t6\tobj\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "RUSGOV");
  MentionRow leaders;
  leaders.first_token = 4;  // "leaders" (document token 5)
  leaders.end_token = 5;
  leaders.head_token = 4;
  leaders.code = doc.Intern("IRNGOV");
  leaders.country = doc.Intern("IRN");
  leaders.kind = MentionKind::kNominal;
  leaders.partner = 0;
  doc.mutable_mentions().push_back(leaders);
  AddMention(doc, 9, 9, 9, "IMGMOSISL");
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 4u);  // each met the other; both shelled Isis
  EXPECT_EQ(Cameo(doc, ev[0]), "040");
  EXPECT_EQ(Code(doc, ev[0].source), "IRNGOV");
  EXPECT_EQ(Code(doc, ev[0].target), "RUSGOV");
  EXPECT_EQ(Cameo(doc, ev[2]), "194");
  EXPECT_EQ(Code(doc, ev[3].source), "RUSGOV");
  EXPECT_EQ(Code(doc, ev[3].target), "IMGMOSISL");
}

// "Israeli jets struck targets in Syria": force used on something in a country is used on that country,
// not in the doer's own ("Syrian jets struck targets in Syria" names no target).
TEST(EventStageNewsTest, ForceOnSomethingInACountryIsOnThatCountry) {
  for (const char* doer : {"ISRMIL", "SYRMIL"}) {
    Document doc = Parse(
        "1\tjets\tjet\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
        "2\tstruck\tstrike\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\ttargets\ttarget\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
        "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
        "5\tSyria\tSyria\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n");
    AddMention(doc, 1, 1, 1, doer);
    AddMention(doc, 5, 5, 5, "SYR");
    auto ev = Code(doc);
    if (std::string(doer) == "ISRMIL") {
      ASSERT_EQ(ev.size(), 1u);
      EXPECT_EQ(Code(doc, ev[0].target), "SYR");
    } else {
      EXPECT_TRUE(ev.empty());
    }
  }
}

// "Four soldiers were killed when militants blew up a tunnel": the violent clause names the doer; and "the
// fighters that we captured" are not the capturers ("we" is no relative pronoun).
TEST(EventStageNewsTest, ViolentWhenClauseNamesTheDoerAndWeIsNoRelativePronoun) {
  Document killed = Parse(
      "1\tsoldiers\tsoldier\tNOUN\tNNS\t_\t3\tnsubj:pass\t_\t_\n"
      "2\twere\tbe\tAUX\tVBD\t_\t3\taux:pass\t_\t_\n"
      "3\tkilled\tkill\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "4\twhen\twhen\tADV\tWRB\t_\t6\tadvmod\t_\t_\n"
      "5\tmilitants\tmilitant\tNOUN\tNNS\t_\t6\tnsubj\t_\t_\n"
      "6\tblew\tblow\tVERB\tVBD\t_\t3\tadvcl\t_\t_\n"
      "7\tup\tup\tADP\tRP\t_\t6\tcompound:prt\t_\t_\n"
      "8\ta\ta\tDET\tDT\t_\t9\tdet\t_\t_\n"
      "9\ttunnel\ttunnel\tNOUN\tNN\t_\t6\tobj\t_\t_\n\n");
  AddMention(killed, 1, 1, 1, "ISRMIL");
  AddMention(killed, 5, 5, 5, "PSEREB");
  auto ev = Code(killed);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Code(killed, ev[0].source), "PSEREB");
  EXPECT_EQ(Code(killed, ev[0].target), "ISRMIL");

  Document captured = Parse(
      "1\tfighters\tfighter\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
      "2\tthat\tthat\tPRON\tWDT\t_\t4\tobj\t_\t_\n"
      "3\twe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
      "4\tcaptured\tcapture\tVERB\tVBD\t_\t1\tacl:relcl\t_\t_\n"
      "5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\tSyria\tSyria\tPROPN\tNNP\t_\t4\tobl\t_\t_\n\n");
  AddMention(captured, 1, 1, 1, "IMGMOSISL");
  AddMention(captured, 6, 6, 6, "SYR");
  EXPECT_TRUE(Code(captured).empty());
}

// "Indian and Chinese troops clashed" (clashed tagged VBN, no auxiliary): a verb with no passive is no
// headline passive, and the countries listed before the agent all take part.
TEST(EventStageNewsTest, CoordinatedModifiersOfAnAgentAllTakePart) {
  Document doc = Parse(
      "1\tIndian\tIndian\tADJ\tJJ\t_\t4\tamod\t_\t_\n"
      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
      "3\tChinese\tChinese\tADJ\tJJ\t_\t1\tconj\t_\t_\n"
      "4\ttroops\ttroops\tNOUN\tNNS\t_\t5\tnsubj\t_\t_\n"
      "5\tclashed\tclash\tVERB\tVBN\t_\t0\troot\t_\t_\n\n");
  AddMention(doc, 1, 1, 1, "INDMIL");
  doc.mutable_mentions().back().kind = MentionKind::kAgent;
  AddMention(doc, 3, 4, 4, "CHNMIL");
  doc.mutable_mentions().back().kind = MentionKind::kAgent;
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Cameo(doc, ev[0]), "190");
  EXPECT_EQ(Code(doc, ev[0].source), "CHNMIL");
  EXPECT_EQ(Code(doc, ev[0].target), "INDMIL");
}

// "Moscow proposed talks with Washington": an event noun as the object of a governor verb is what the verb
// makes it, done by the verb's subject; "ordered airstrikes" were carried out ("order" carries its noun).
TEST(EventStageNewsTest, EventNounAsTheObjectOfAGovernor) {
  Document proposed = Parse(
      "1\tMoscow\tMoscow\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tproposed\tpropose\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\ttalks\ttalk\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "4\twith\twith\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tWashington\tWashington\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n\n");
  AddMention(proposed, 1, 1, 1, "RUSGOV");
  AddMention(proposed, 5, 5, 5, "USAGOV");
  auto ev = Code(proposed);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Cameo(proposed, ev[0]), "036");
  EXPECT_EQ(Code(proposed, ev[0].source), "RUSGOV");
  EXPECT_EQ(ev[0].modality, Modality::kIntended);

  Document ordered = Parse(
      "1\tTrump\tTrump\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tordered\torder\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tairstrikes\tairstrike\tNOUN\tNNS\t_\t2\tobj\t_\t_\n\n");
  AddMention(ordered, 1, 1, 1, "USAGOV");
  ev = Code(ordered);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Cameo(ordered, ev[0]), "195");
  EXPECT_EQ(ev[0].modality, Modality::kAsserted);
}

}  // namespace
}  // namespace dyad::events
