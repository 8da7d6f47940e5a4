#include "events/tabari_verbs.h"

#include <filesystem>

#include <gtest/gtest.h>

namespace dyad::events {
namespace {

// A small TABARI dictionary written for the test (the syntax of TABARI.Demo.verbs).
constexpr char kTabari[] = R"(<SYNSETS>
&TIETYPES
+MILITARY
+ECONOMIC
&TIEPHRASE
+&TIETYPES_MEMOS
</SYNSETS>
<TIME>
LAST_WEEK [-7]
- * AND A WEEK [+8]
</TIME>
RESTOR  [064] ;pas 18 Jun 2007
- NOT * RELATIONS  [112]
- * DIPLXMATIC  [###]
DEPART_ [032]
BREAK_ [1717]
{ BROKE_ BROKEN_ }
- + * IN_ $  [075]
ARRIVE  [032:033] ; paired
SAID  [023?]
CALL  [---]
- * FOR { SANCTIONS | BOYCOTT | TOTAL_EMBARGO }  [172]
- RECENT~_*  [025]
WELCOME  [041]
- * &TIEPHRASE [912]
BRUSH ASIDE REPORTS  [142]
BAD LINE [
- * ORPHAN {  [111]
~~FINISH
NEVER_READ [999]
)";

// A small PETRARCH2 dictionary (the syntax of PETR.Validate.verbs.txt / CAMEO.2.0.txt).
constexpr char kPetrarch[] = R"(<!-- a comment -->
&PREPOSIT_
+AGAINST
+IN

--- BREAK [1717] ---
BREAK {BROKE BROKEN}
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}
WIRE_+TAP [1711]
- * &PREPOSIT TREATY  [161]  # a comment
- * (AT {NEW SANCTIONS})  [1312]
- * [ ]

--- MEET [031:032] ---
MEET {MET}
)";

VerbDictionary Import(const char* text, const char* name) {
  VerbDictionary d;
  ImportVerbs(text, name, &d);
  d.Finish();
  return d;
}

const VerbEntry* FindVerb(const VerbDictionary& d, std::string_view head) {
  for (const auto& v : d.verbs) {
    for (const auto& f : v.forms) {
      if (f.head.text == head) return &v;
    }
  }
  return nullptr;
}

TEST(TabariVerbs, DetectsFormat) {
  EXPECT_EQ(DetectVerbFormat(kTabari), VerbFormat::kTabari);
  EXPECT_EQ(DetectVerbFormat(kPetrarch), VerbFormat::kPetrarch);
}

TEST(TabariVerbs, VerbsCodesAndPatterns) {
  VerbDictionary d = Import(kTabari, "test.verbs");
  const VerbEntry* restor = FindVerb(d, "RESTOR");
  ASSERT_NE(restor, nullptr);
  EXPECT_EQ(restor->code.first, "064");
  EXPECT_EQ(restor->forms[0].head.match, DictWord::Match::kStem);
  ASSERT_EQ(restor->patterns.size(), 2u);
  const VerbPattern& notp = d.patterns[restor->patterns[0]];  // heaviest first: NOT * RELATIONS
  EXPECT_EQ(notp.code.first, "112");
  ASSERT_EQ(notp.before.size(), 1u);
  EXPECT_EQ(notp.before[0].alternatives[0][0].text, "NOT");
  EXPECT_EQ(d.Where(notp.file, notp.line), "test.verbs:13");
  EXPECT_TRUE(d.patterns[restor->patterns[1]].code.IsDiscard());

  const VerbEntry* depart = FindVerb(d, "DEPART");
  ASSERT_NE(depart, nullptr);
  EXPECT_EQ(depart->forms[0].head.match, DictWord::Match::kInflected);  // "DEPART_": regular endings

  const VerbEntry* arrive = FindVerb(d, "ARRIVE");
  ASSERT_NE(arrive, nullptr);
  EXPECT_EQ(arrive->code.first, "032");
  EXPECT_EQ(arrive->code.second, "033");
  EXPECT_TRUE(FindVerb(d, "SAID")->code.subordinate);
  EXPECT_TRUE(FindVerb(d, "CALL")->code.IsNull());

  // Irregular forms and the slots of "+ * IN_ $".
  const VerbEntry* brk = FindVerb(d, "BREAK");
  ASSERT_NE(brk, nullptr);
  ASSERT_EQ(brk->forms.size(), 3u);
  EXPECT_EQ(brk->forms[1].head.text, "BROKE");
  EXPECT_EQ(brk->forms[1].head.match, DictWord::Match::kExact);
  const VerbPattern& slots = d.patterns[brk->patterns[0]];
  ASSERT_EQ(slots.before.size(), 1u);
  EXPECT_EQ(slots.before[0].kind, PatternElement::Kind::kTarget);
  ASSERT_EQ(slots.after.size(), 2u);
  EXPECT_EQ(slots.after[0].alternatives[0][0].match, DictWord::Match::kExact);
  EXPECT_FALSE(slots.after[0].joined_next);  // "IN_ $": a trailing '_' then a space
  EXPECT_EQ(slots.after[1].kind, PatternElement::Kind::kSource);

  // Multi-word verb: the head and the words after it, with gaps allowed (spaces).
  const VerbEntry* brush = FindVerb(d, "BRUSH");
  ASSERT_NE(brush, nullptr);
  ASSERT_EQ(brush->forms[0].after.size(), 2u);
  EXPECT_FALSE(brush->forms[0].after_joined);
}

TEST(TabariVerbs, AlternativesSynsetsAndConnectors) {
  VerbDictionary d = Import(kTabari, "test.verbs");
  const VerbEntry* call = FindVerb(d, "CALL");
  ASSERT_NE(call, nullptr);
  ASSERT_EQ(call->patterns.size(), 2u);
  const VerbPattern& alt = d.patterns[call->patterns[0]];
  ASSERT_EQ(alt.after.size(), 2u);
  ASSERT_EQ(alt.after[1].alternatives.size(), 3u);
  EXPECT_EQ(alt.after[1].alternatives[2].size(), 2u);  // TOTAL_EMBARGO
  const VerbPattern& recent = d.patterns[call->patterns[1]];
  ASSERT_EQ(recent.before.size(), 1u);
  EXPECT_TRUE(recent.verb_joined_before);  // "RECENT~_*"
  EXPECT_EQ(recent.before[0].alternatives[0][0].match, DictWord::Match::kStem);

  // &TIEPHRASE = &TIETYPES_MEMOS: a nested synset joined to a word, expanded to two runs.
  const VerbPattern& tie = d.patterns[FindVerb(d, "WELCOME")->patterns[0]];
  ASSERT_EQ(tie.after.size(), 1u);
  ASSERT_EQ(tie.after[0].alternatives.size(), 2u);
  EXPECT_EQ(tie.after[0].alternatives[1][0].text, "ECONOMIC");
  EXPECT_EQ(tie.after[0].alternatives[1][1].text, "MEMOS");
}

TEST(TabariVerbs, MalformedLinesAreReportedAndSkipped) {
  VerbDictionary d = Import(kTabari, "test.verbs");
  ASSERT_EQ(d.issues.size(), 2u);
  EXPECT_EQ(d.issues[0].line, 27u);  // BAD LINE [
  EXPECT_EQ(d.issues[1].line, 28u);  // - * ORPHAN {
  EXPECT_EQ(FindVerb(d, "NEVER"), nullptr);  // after ~~FINISH
  EXPECT_EQ(FindVerb(d, "LAST"), nullptr);   // <TIME> entries are not verbs
}

TEST(TabariVerbs, PetrarchBlocks) {
  VerbDictionary d = Import(kPetrarch, "test.txt");
  ASSERT_EQ(d.verbs.size(), 2u);
  const VerbEntry& brk = d.verbs[0];
  EXPECT_EQ(brk.code.first, "1717");
  // BREAK, BROKE, BROKEN, BREAK_DOWN, BREAKS_DOWN, BROKE_DOWN, WIRE_+TAP
  ASSERT_EQ(brk.forms.size(), 7u);
  EXPECT_EQ(brk.forms[3].head.text, "BREAK");
  ASSERT_EQ(brk.forms[3].after.size(), 1u);
  EXPECT_EQ(brk.forms[3].after[0].text, "DOWN");
  const VerbForm& tap = brk.forms[6];
  EXPECT_EQ(tap.head.text, "TAP");
  ASSERT_EQ(tap.before.size(), 1u);
  EXPECT_EQ(tap.before[0].text, "WIRE");
  EXPECT_TRUE(tap.own_code);
  EXPECT_EQ(tap.code.first, "1711");
  ASSERT_EQ(brk.patterns.size(), 2u);
  // "&PREPOSIT" names the synset defined as "&PREPOSIT_".
  const VerbPattern* treaty = nullptr;
  for (uint32_t p : brk.patterns) {
    if (d.patterns[p].code.first == "161") treaty = &d.patterns[p];
  }
  ASSERT_NE(treaty, nullptr);
  ASSERT_EQ(treaty->after.size(), 2u);
  EXPECT_EQ(treaty->after[0].alternatives.size(), 2u);
  ASSERT_EQ(d.issues.size(), 1u);  // "- * [ ]": an empty code
  EXPECT_EQ(d.issues[0].line, 12u);
  EXPECT_EQ(d.verbs[1].code.second, "032");
}

TEST(TabariVerbs, GroupsWithGapsSynsetsAndClitics) {
  constexpr char kText[] = R"(&TIETYPES
+MILITARY
+ECONOMIC
&NEG
+DIDN'T
VOICE  [020]
- RECENTLY { LOUDLY INCLUDED | STRONGLY_ASSERTED } ITS *  [043]
INCH  [---]
- * { &TIETYPES | CLOSER } [083]
CLASH  [121]
- &NEG * [904]
PARADE  [017]
- ANTI- + *  [111]
)";
  VerbDictionary d = Import(kText, "t.verbs");
  EXPECT_TRUE(d.issues.empty());
  const VerbPattern& voice = d.patterns[FindVerb(d, "VOICE")->patterns[0]];
  const auto& alts = voice.before[1].alternatives;
  ASSERT_EQ(alts.size(), 2u);
  EXPECT_TRUE(alts[0][1].gap_before);   // LOUDLY INCLUDED
  EXPECT_FALSE(alts[1][1].gap_before);  // STRONGLY_ASSERTED
  const VerbPattern& inch = d.patterns[FindVerb(d, "INCH")->patterns[0]];
  ASSERT_EQ(inch.after[0].alternatives.size(), 3u);  // MILITARY, ECONOMIC, CLOSER
  EXPECT_EQ(inch.after[0].alternatives[1][0].text, "ECONOMIC");
  const VerbPattern& clash = d.patterns[FindVerb(d, "CLASH")->patterns[0]];
  ASSERT_EQ(clash.before[0].alternatives[0].size(), 2u);  // "did" "n't", as the tokeniser cuts it
  EXPECT_EQ(clash.before[0].alternatives[0][1].text, "N'T");
  const VerbPattern& parade = d.patterns[FindVerb(d, "PARADE")->patterns[0]];
  ASSERT_EQ(parade.before.size(), 3u);  // ANTI, -, +
  EXPECT_TRUE(parade.before[0].joined_next);
  EXPECT_EQ(parade.before[1].alternatives[0][0].text, "-");
  // A literal word outweighs a synset of the same length ("* DOLLAR" is tried before "* &CURRENCY").
  VerbDictionary w = Import("&CURRENCY\n+DOLLAR\n+EURO\nCONTRIBUT [070]\n- * &CURRENCY [903]\n- * DOLLAR [071]\n",
                            "w.verbs");
  const VerbEntry* contribut = FindVerb(w, "CONTRIBUT");
  ASSERT_NE(contribut, nullptr);
  ASSERT_EQ(contribut->patterns.size(), 2u);
  EXPECT_EQ(w.patterns[contribut->patterns[0]].code.first, "071");
  // A synset used before it is defined is reported and the pattern skipped.
  VerbDictionary late = Import("CONTRIBUT [070]\n- * &LATER [903]\n&LATER\n+X\n", "late.verbs");
  ASSERT_EQ(late.issues.size(), 1u);
  EXPECT_EQ(late.issues[0].line, 2u);
  EXPECT_TRUE(late.verbs[0].patterns.empty());
}

TEST(TabariVerbs, PetrarchPatternWordsAreExact) {
  VerbDictionary d = Import(kPetrarch, "test.txt");
  for (uint32_t p : d.verbs[0].patterns) {
    for (const auto& el : d.patterns[p].after) {
      if (el.kind != PatternElement::Kind::kWords || el.alternatives.size() != 1) continue;
      EXPECT_EQ(el.alternatives[0][0].match, DictWord::Match::kExact) << el.alternatives[0][0].text;
    }
  }
}

TEST(TabariVerbs, WordMatching) {
  EXPECT_TRUE(DictWordMatches({"RESTOR", DictWord::Match::kStem}, "RESTORED"));
  EXPECT_FALSE(DictWordMatches({"RESTOR", DictWord::Match::kStem}, "RESTO"));
  EXPECT_TRUE(DictWordMatches({"DEPART", DictWord::Match::kInflected}, "DEPARTS"));
  EXPECT_TRUE(DictWordMatches({"DEPART", DictWord::Match::kInflected}, "DEPARTING"));
  EXPECT_TRUE(DictWordMatches({"DEPART", DictWord::Match::kInflected}, "DEPARTEN"));
  EXPECT_FALSE(DictWordMatches({"DEPART", DictWord::Match::kInflected}, "DEPARTX"));
  EXPECT_TRUE(DictWordMatches({"BAN", DictWord::Match::kInflected}, "BANNED"));
  EXPECT_TRUE(DictWordMatches({"CRITICIZE", DictWord::Match::kInflected}, "CRITICIZING"));
  EXPECT_FALSE(DictWordMatches({"IN", DictWord::Match::kExact}, "INTO"));
}

TEST(TabariVerbs, CandidatesByPrefix) {
  VerbDictionary d = Import(kTabari, "test.verbs");
  std::vector<VerbDictionary::HeadRef> out;
  d.Candidates("RESTORED", &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(d.verbs[out[0].verb].code.first, "064");
  out.clear();
  d.Candidates("DEPARTX", &out);
  EXPECT_TRUE(out.empty());
}

// The real dictionaries: every file reads, counts are of the right size, and the known malformed
// lines are reported with their line numbers.
TEST(TabariVerbs, SharedDictionaries) {
  namespace fs = std::filesystem;
  std::string root = DYAD_SHARED_DATA;
  std::string tabari = root + "/dictionaries/TABARI/CAMEO.080612.verbs";
  std::string petr = root + "/dictionaries/petrarch2/CAMEO.2.0.txt";
  std::string demo = root + "/events/TABARI_validation/TABARI.Demo.verbs";
  if (!fs::exists(tabari) || !fs::exists(petr) || !fs::exists(demo)) GTEST_SKIP() << "shared data absent";
  auto t = LoadVerbDictionary({tabari});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_GT((*t)->patterns.size(), 14000u);
  EXPECT_GT((*t)->verbs.size(), 1000u);
  bool reported = false;
  for (const auto& i : (*t)->issues) reported |= i.line == 7513;  // "{ WAS | WERE ] *": unbalanced
  EXPECT_TRUE(reported);
  EXPECT_LT((*t)->issues.size(), 50u);
  auto p = LoadVerbDictionary({petr});
  ASSERT_TRUE(p.ok());
  EXPECT_GT((*p)->patterns.size(), 4400u);
  EXPECT_EQ((*p)->formats[0], VerbFormat::kPetrarch);
  auto dm = LoadVerbDictionary({demo});
  ASSERT_TRUE(dm.ok());
  EXPECT_TRUE((*dm)->issues.empty());
  EXPECT_GT((*dm)->patterns.size(), 400u);
}

}  // namespace
}  // namespace dyad::events
