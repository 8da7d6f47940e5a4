#include "events/surface_coder.h"

#include <sstream>

#include <gtest/gtest.h>

namespace dyad::events {
namespace {

// A verbs dictionary written for these tests (TABARI syntax).
constexpr char kVerbs[] = R"(RESTOR  [064]
- * DIPLXMATIC  [###]
- NOT * RELATIONS  [112]
ARRIVE  [032:033]
MEET  [031:031]
- % HAVE POSTPONED *  [191]
FREE  [066]
- + * FROM $  [066]
SAID  [023?]
REGRET  [111]
- SAID $ *  [113]
CONDEMN  [122]
PROMISE  [050]
REJECT  [111]
BLAST  [+++]
CALL  [---]
- * FOR { SANCTIONS | BOYCOTT }  [172]
BRUSH ASIDE REPORTS  [142]
ATTACK  [223]
BURN DOWN  [222]
VOICE  [020]
- RECENTLY { LOUDLY INCLUDED | STRONGLY ASSERTED } ITS *  [043]
ADOPT  [081]
- * RESOLUTION_  [102]
AGREE  [081]
- * WITH %  [031]
PARADE  [017]
- ANTI- + *  [111]
SHOT  [---]
- *_AND_WOUND  [223]
SHOT  [223]
- + WAS * DEAD  [224]
WELCXME  [---]
- % *  [044:045]
)";

// The same kind of entry in PETRARCH2 syntax: '%' after the verb is the subject's target there.
constexpr char kPetrarchVerbs[] = R"(--- AGREE [081] ---
AGREE
- * WITH % [031]
)";

// Builds a one-sentence Document by hand: "Word/UPOS/lemma/xpos" items separated by spaces, actors
// marked "[Word Word|CODE]". Tokens get offsets into a text joined with spaces.
Document Build(const std::string& spec, const std::string& date = "1995-01-01") {
  struct Tok {
    std::string word, upos, lemma, xpos;
  };
  std::vector<Tok> toks;
  std::vector<std::tuple<uint32_t, uint32_t, std::string>> actors;
  std::istringstream in(spec);
  std::string item;
  int open = -1;
  while (in >> item) {
    bool starts = item.front() == '[';
    if (starts) {
      item.erase(0, 1);
      open = static_cast<int>(toks.size());
    }
    std::string code;
    size_t bar = item.find('|');
    if (bar != std::string::npos) {
      code = item.substr(bar + 1);
      code.pop_back();  // ']'
      item.resize(bar);
    }
    Tok t;
    std::istringstream parts(item);
    std::getline(parts, t.word, '/');
    std::getline(parts, t.upos, '/');
    std::getline(parts, t.lemma, '/');
    std::getline(parts, t.xpos, '/');
    if (t.upos.empty()) t.upos = open >= 0 ? "PROPN" : "NOUN";
    if (t.lemma.empty()) t.lemma = t.word;
    toks.push_back(t);
    if (!code.empty()) {
      actors.emplace_back(static_cast<uint32_t>(open), static_cast<uint32_t>(toks.size()), code);
      open = -1;
    }
  }
  std::string text;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (const auto& t : toks) {
    if (!text.empty()) text += ' ';
    spans.emplace_back(static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + t.word.size()));
    text += t.word;
  }
  DocumentMeta meta;
  meta.date = date;
  Document doc(text, meta);
  for (size_t i = 0; i < toks.size(); ++i) {
    TokenRow r;
    r.begin = spans[i].first;
    r.end = spans[i].second;
    r.lemma = doc.Intern(toks[i].lemma);
    r.xpos = doc.Intern(toks[i].xpos);
    r.upos = UposFromName(toks[i].upos);
    doc.mutable_tokens().push_back(r);
  }
  SentenceRow s;
  s.begin = 0;
  s.end = static_cast<uint32_t>(text.size());
  s.first_token = 0;
  s.end_token = static_cast<uint32_t>(toks.size());
  doc.mutable_sentences().push_back(s);
  for (const auto& [first, end, code] : actors) {
    MentionRow m;
    m.first_token = first;
    m.end_token = end;
    m.head_token = end - 1;
    m.code = doc.Intern(code);
    m.kind = code == "PRON" ? MentionKind::kPronoun : MentionKind::kCountry;
    doc.mutable_mentions().push_back(m);
  }
  return doc;
}

std::vector<std::string> Code(Document& doc, SurfaceCoderOptions options = {}, const char* verbs = kVerbs) {
  VerbDictionary dict;
  ImportVerbs(verbs, "test.verbs", &dict);
  dict.Finish();
  auto stage = MakeSurfaceCoderStage(std::make_shared<VerbDictionary>(std::move(dict)), std::move(options));
  auto scratch = stage->NewScratch();
  EXPECT_TRUE(stage->Process(doc, scratch.get()).ok());
  std::vector<std::string> out;
  for (const auto& e : doc.events()) {
    out.push_back(std::string(doc.Str(doc.mentions()[e.source].code)) + "/" +
                  std::string(doc.Str(doc.mentions()[e.target].code)) + "/" + std::string(doc.Str(e.cameo)));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(SurfaceCoder, VerbCodeWithDefaultSourceAndTarget) {
  Document doc = Build("[Arnor|ARN] is/AUX/be about/ADV to/PART restored/VERB/restore/VBD full/ADJ diplomatic/ADJ "
                       "ties with/ADP [Gondor|GON] ./PUNCT");
  EXPECT_EQ(Code(doc), (V{"ARN/GON/064"}));
  ASSERT_EQ(doc.events().size(), 1u);
  EXPECT_EQ(doc.Str(doc.events()[0].rule), "test.verbs:1");
  EXPECT_EQ(doc.events()[0].trigger_head, 4u);
}

TEST(SurfaceCoder, PatternWordsBeforeTheVerb) {
  Document doc = Build("[Arnor|ARN] will/AUX not/PART restore/VERB full/ADJ relations/NOUN with/ADP [Gondor|GON]");
  EXPECT_EQ(Code(doc), (V{"ARN/GON/112"}));
  EXPECT_EQ(doc.Str(doc.events()[0].rule), "test.verbs:3");
  EXPECT_EQ(doc.events()[0].trigger_first, 2u);  // "not" ... "relations"
  EXPECT_EQ(doc.events()[0].trigger_end, 6u);
}

TEST(SurfaceCoder, DiscardCodeDropsTheSentence) {
  Document doc = Build("[Arnor|ARN] restored/VERB/restore diplxmatic/ADJ ties with/ADP [Gondor|GON]");
  EXPECT_TRUE(Code(doc).empty());
  Document complex = Build("[Gondor|GON] blasted/VERB/blast [Dagolath|DAG]");
  EXPECT_TRUE(Code(complex).empty());
}

TEST(SurfaceCoder, PairedCodes) {
  Document doc = Build("[Bree|BRE] arrived/VERB/arrive in/ADP [Gondor|GON] on/ADP Monday/PROPN");
  EXPECT_EQ(Code(doc), (V{"BRE/GON/032", "GON/BRE/033"}));
}

TEST(SurfaceCoder, SlotsReverseSourceAndTarget) {
  // FREE: "- + * FROM $": the actor before the verb is the target, the one after FROM the source.
  Document doc = Build("[Ithilen|ITH] was/AUX/be freed/VERB/free/VBN from/ADP [Barad-dur|MOR]");
  EXPECT_EQ(Code(doc), (V{"MOR/ITH/066"}));
}

TEST(SurfaceCoder, CompoundActorsGiveOneRowPerPair) {
  Document doc = Build("[Arnor|ARN] condemned/VERB/condemn [Gondor|GON] and/CCONJ [Osgiliath|OSG]");
  EXPECT_EQ(Code(doc), (V{"ARN/GON/122", "ARN/OSG/122"}));
  // '%' in a pattern: events between the members of the compound.
  Document pct = Build("[Gondor|GON] and/CCONJ [Osgiliath|OSG] have/AUX/have postponed/VERB/postpone "
                       "their/PRON meeting/NOUN/meet");
  EXPECT_EQ(Code(pct), (V{"GON/OSG/191", "OSG/GON/191"}));
}

TEST(SurfaceCoder, AlternativesAfterTheVerb) {
  Document doc = Build("[Eriador|ERI] has/AUX called/VERB/call for/ADP a/DET boycott/NOUN against/ADP [Osgiliath|OSG]");
  EXPECT_EQ(Code(doc), (V{"ERI/OSG/172"}));
  // CALL alone has the null code: nothing.
  Document none = Build("[Eriador|ERI] called/VERB/call [Osgiliath|OSG]");
  EXPECT_TRUE(Code(none).empty());
}

TEST(SurfaceCoder, SubordinateSaidAndPatternThatConsumesIt) {
  // "SAID $ *" on REGRET: SAID is part of the REGRET event; the pronoun fills $.
  Document doc = Build("[Gondor|GON] said/VERB/say [he|GONGOV] regretted/VERB/regret/VBD [Eriador|ERI] 's/PART "
                       "refusal/NOUN");
  EXPECT_EQ(Code(doc), (V{"GONGOV/ERI/113"}));
  // SAID alone codes (023) only when nothing else does.
  Document said = Build("[Gondor|GON] said/VERB/say [Eriador|ERI] was/AUX/be wrong/ADJ");
  EXPECT_EQ(Code(said), (V{"GON/ERI/023"}));
}

TEST(SurfaceCoder, OneVerbPerClause) {
  Document doc = Build("[Calenardhon|CAL] condemned/VERB/condemn [Osgiliath|OSG] on/ADP Thursday/PROPN and/CCONJ "
                       "promised/VERB/promise aid/NOUN to/ADP [Ithilen|ITH] and/CCONJ rejected/VERB/reject "
                       "talks/NOUN");
  EXPECT_EQ(Code(doc), (V{"CAL/OSG/122", "CAL/ITH/050"}));
}

TEST(SurfaceCoder, ClausesAtOrAndBut) {
  // "or"/"but" before a verb (an actor in between counts as one word) start a clause with its own
  // source; "and" inside a compound actor does not.
  Document doc = Build("[Gondor|GON] condemned/VERB/condemn [Osgiliath|OSG] or/CCONJ rejected/VERB/reject "
                       "[Arnor|ARN] but/CCONJ [Dagolath|DAG] promised/VERB/promise aid/NOUN to/ADP [Ithilen|ITH]");
  EXPECT_EQ(Code(doc), (V{"GON/OSG/122", "GON/ARN/111", "DAG/ITH/050"}));
  // With a parse: "and" whose head is a verb splits even when no verb follows closely.
  Document parsed = Build("[Gondor|GON] condemned/VERB/condemn [Osgiliath|OSG] yesterday/NOUN and/CCONJ then/ADV "
                          "after/ADP talks/NOUN promised/VERB/promise aid/NOUN to/ADP [Ithilen|ITH]");
  for (auto& t : parsed.mutable_tokens()) t.head = 1;
  parsed.mutable_tokens()[4].head = 8;  // and -> promised
  EXPECT_EQ(Code(parsed), (V{"GON/OSG/122", "GON/ITH/050"}));
}

TEST(SurfaceCoder, NounShiftAndSelfTargets) {
  // "the restore": a determiner makes it a noun.
  Document det = Build("[Arnor|ARN] is/AUX about/ADV the/DET restore/NOUN full/ADJ ties with/ADP [Gondor|GON]");
  EXPECT_TRUE(Code(det).empty());
  // An actor does not act on itself.
  Document self = Build("[Arnor|ARN] condemned/VERB/condemn [Arnor|ARN]");
  EXPECT_TRUE(Code(self).empty());
}

TEST(SurfaceCoder, PassiveWithBy) {
  Document doc = Build("[Eriador|ERI] was/AUX/be rejected/VERB/reject/VBN by/ADP [Osgiliath|OSG]");
  EXPECT_EQ(Code(doc), (V{"OSG/ERI/111"}));
}

TEST(SurfaceCoder, DiscardPhrasesWithDates) {
  std::vector<DiscardPhrase> discards;
  ParseDiscardPhrases("NASGUL  [###]\nONODOHER [### <911226] [ONO]\nARNOR [ARN]\n", true, &discards);
  ASSERT_EQ(discards.size(), 2u);
  EXPECT_EQ(discards[1].to, 19911225);
  SurfaceCoderOptions options;
  options.discards = discards;
  Document doc = Build("The/DET Nasgul/PROPN said/VERB/say [Arnor|ARN] condemned/VERB/condemn [Gondor|GON]");
  EXPECT_TRUE(Code(doc, options).empty());
  Document before = Build("Onodoher/PROPN [Arnor|ARN] condemned/VERB/condemn [Gondor|GON]", "1990-01-01");
  EXPECT_TRUE(Code(before, options).empty());
  Document after = Build("Onodoher/PROPN [Arnor|ARN] condemned/VERB/condemn [Gondor|GON]", "1995-01-01");
  EXPECT_EQ(Code(after, options), (V{"ARN/GON/122"}));
  std::vector<DiscardPhrase> list;
  ParseDiscardPhrases("# comment\nYEARS LATER\n+Manchester United   # story level\n", false, &list);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1].words[1].text, "UNITED");
}

TEST(SurfaceCoder, CommaAsidesAreSkipped) {
  // The target skips the aside ", rumored to originate in Mordor ,"; one verb per clause.
  Document doc = Build("[Elrond|ELF] brushed/VERB/brush aside/ADV reports/NOUN ,/PUNCT rumored/VERB/rumor to/PART "
                       "originate/VERB in/ADP [Mordor|ORC] ,/PUNCT that/SCONJ [Calimehtar|CAL] attacked/VERB/attack "
                       "[Gandalf|WIZ]");
  EXPECT_EQ(Code(doc), (V{"ELF/CAL/142"}));
  // A verb inside an aside is not coded: the next one is.
  Document inside = Build("[Elrond|ELF] ,/PUNCT brushed/VERB/brush aside/ADV reports/NOUN rumored/VERB/rumor in/ADP "
                          "[Mordor|ORC] ,/PUNCT that/SCONJ [Calimehtar|CAL] attacked/VERB/attack [Gandalf|WIZ]");
  EXPECT_EQ(Code(inside), (V{"ELF/WIZ/223"}));
  // A list of actors between commas is a compound, not an aside.
  Document list = Build("[Mordor|ORC] ,/PUNCT [Rohan|ROH] ,/PUNCT [Fornost|FOR] and/CCONJ [Bree|BRE] "
                        "condemned/VERB/condemn [Osgiliath|OSG]");
  EXPECT_EQ(Code(list), (V{"ORC/OSG/122", "ROH/OSG/122", "FOR/OSG/122", "BRE/OSG/122"}));
}

TEST(SurfaceCoder, TargetBeforeTheVerbWhenNoneFollows) {
  Document doc = Build("[Arnor|ARN] waited/VERB/wait after/ADP [Ent|ENT] crowds/NOUN burned/VERB/burn down/ADP "
                       "its/PRON/its/PRP$ embassy/NOUN");
  EXPECT_EQ(Code(doc), (V{"ARN/ENT/222"}));
}

TEST(SurfaceCoder, AllCapsTextStillHasVerbs) {
  Document doc = Build("[ARNOR|ARN] RESTORED/VERB/restore TIES/NOUN WITH/ADP [GONDOR|GON]");
  EXPECT_EQ(Code(doc), (V{"ARN/GON/064"}));
  // In mixed case, a capital inside the sentence makes a noun ("about To Restore").
  Document mixed = Build("[Arnor|ARN] is/AUX about/ADV To/PART Restore/VERB/restore ties/NOUN with/ADP [Gondor|GON]");
  EXPECT_TRUE(Code(mixed).empty());
}

TEST(SurfaceCoder, AlternativesWithGapsAndExactWords) {
  // "{ LOUDLY INCLUDED | ... }": a space lets other words in ("loudly boldly included").
  Document doc = Build("[Calenardhon|CAL] has/AUX recently/ADV loudly/ADV boldly/ADV included/VERB/include its/PRON "
                       "voice/NOUN for/ADP [Bree|BRE]");
  EXPECT_EQ(Code(doc), (V{"CAL/BRE/043"}));
  // "RESOLUTION_" is the written form only: "resolutions" (lemma "resolution") does not match.
  Document plural = Build("[Arnor|ARN] will/AUX adopt/VERB resolutions/NOUN/resolution with/ADP [Gondor|GON]");
  EXPECT_EQ(Code(plural), (V{"ARN/GON/081"}));
  Document single = Build("[Arnor|ARN] will/AUX adopt/VERB a/DET resolution/NOUN with/ADP [Gondor|GON]");
  EXPECT_EQ(Code(single), (V{"ARN/GON/102"}));
  // "ANTI-" is cut as the tokeniser cuts "anti- Gondor".
  Document anti = Build("[Gollum|HOB] joined/VERB/join an/DET anti/ADJ -/PUNCT [Gondor|GON] parade/NOUN");
  EXPECT_EQ(Code(anti), (V{"HOB/GON/111"}));
}

TEST(SurfaceCoder, CompoundAfterTheVerbByFormat) {
  // TABARI: events among the compound's members. PETRARCH: the subject acts on each member.
  Document t = Build("[Eriador|ERI] agrees/VERB/agree with/ADP the/DET [Philippines|PHL] and/CCONJ [France|FRA]");
  EXPECT_EQ(Code(t), (V{"PHL/FRA/031", "FRA/PHL/031"}));
  Document p = Build("[Eriador|ERI] agrees/VERB/agree with/ADP the/DET [Philippines|PHL] and/CCONJ [France|FRA]");
  EXPECT_EQ(Code(p, {}, kPetrarchVerbs), (V{"ERI/PHL/031", "ERI/FRA/031"}));
}

TEST(SurfaceCoder, VerbListedTwicePoolsPatterns) {
  // Two SHOT entries: the second's "+ WAS * DEAD" binds the target before the verb, so the source
  // is the first actor after it.
  Document doc = Build("An/DET [Eriadorian|ERI] was/AUX/be shot/VERB/shoot/VBN dead/ADJ in/ADP [Osgiliath|OSG]");
  EXPECT_EQ(Code(doc), (V{"OSG/ERI/224"}));
}

TEST(SurfaceCoder, PairedCodeInsideACompound) {
  Document doc = Build("[Fornost|FOR] and/CCONJ [Gondor|GON] welcxmed/VERB/welcxme talks/NOUN");
  EXPECT_EQ(Code(doc), (V{"FOR/GON/044", "GON/FOR/045"}));
}

TEST(SurfaceCoder, StageShapeAndLoadErrors) {
  auto missing = LoadImportedVerbStage({"/nonexistent/x.verbs"});
  EXPECT_FALSE(missing.ok());
  VerbDictionary dict;
  auto stage = MakeSurfaceCoderStage(std::make_shared<VerbDictionary>(std::move(dict)));
  EXPECT_EQ(stage->Requires(), kLayerMentions);
  EXPECT_EQ(stage->Provides(), kLayerEvents);
}

}  // namespace
}  // namespace dyad::events
