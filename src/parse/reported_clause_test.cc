#include "parse/reported_clause.h"

#include <gtest/gtest.h>

#include "io/conllu.h"

namespace dyad::parse {
namespace {

Document Read(const char* conllu) {
  auto doc = ReadConllu(conllu);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return std::move(*doc);
}

// "The UK claimed Assad's forces used chemical weapons", parsed as the greedy parser often does: the
// forces as the object of "claimed" and "used" as a reduced relative that nonetheless has an object.
constexpr char kClaimed[] =
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tUK\tUK\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
    "3\tclaimed\tclaim\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tAssad\tAssad\tPROPN\tNNP\t_\t6\tnmod:poss\t_\t_\n"
    "5\t's\t's\tPART\tPOS\t_\t4\tcase\t_\t_\n"
    "6\tforces\tforce\tNOUN\tNNS\t_\t3\tobj\t_\t_\n"
    "7\tused\tuse\tVERB\tVBN\tTense=Past|VerbForm=Part\t6\tacl\t_\t_\n"
    "8\tchemical\tchemical\tADJ\tJJ\t_\t9\tamod\t_\t_\n"
    "9\tweapons\tweapon\tNOUN\tNNS\t_\t7\tobj\t_\t_\n"
    "10\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

TEST(ReportedClause, ParticipleWithAnObjectAfterAVerbOfSayingIsTheClause) {
  Document doc = Read(kClaimed);
  EXPECT_EQ(RepairReportedClauses(doc, 0), 1);
  EXPECT_EQ(doc.token(6).deprel(), "ccomp");
  EXPECT_EQ(doc.tokens()[6].head, 2);  // "used" <- "claimed"
  EXPECT_EQ(doc.token(6).xpos(), "VBD");
  EXPECT_EQ(doc.token(5).deprel(), "nsubj");
  EXPECT_EQ(doc.tokens()[5].head, 6);  // "forces" <- "used"
  EXPECT_EQ(doc.tokens()[8].head, 6);  // "weapons" stays the object of "used"
  EXPECT_EQ(RepairReportedClauses(doc, 0), 0);  // nothing left to repair
}

TEST(ReportedClause, LeavesRealReducedRelativesAlone) {
  // No object of its own: "claimed the forces stationed there" is a reduced relative.
  std::string no_object = kClaimed;
  no_object.replace(no_object.find("7\tobj"), 5, "7\tobl");
  Document a = Read(no_object.c_str());
  EXPECT_EQ(RepairReportedClauses(a, 0), 0);
  // Not a verb of saying: "destroyed the forces used ..." keeps its parse.
  std::string destroyed = kClaimed;
  destroyed.replace(destroyed.find("claimed\tclaim"), 13, "hit\thit");
  Document b = Read(destroyed.c_str());
  EXPECT_EQ(RepairReportedClauses(b, 0), 0);
  // A participle that is never a past tense cannot head a finite clause.
  std::string taken = kClaimed;
  taken.replace(taken.find("used\tuse"), 8, "taken\ttake");
  Document c = Read(taken.c_str());
  EXPECT_EQ(RepairReportedClauses(c, 0), 0);
}

}  // namespace
}  // namespace dyad::parse
