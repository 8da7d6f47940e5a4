#include "tag/finite_verb.h"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "io/conllu.h"

namespace dyad::tag {
namespace {

// One sentence as CoNLL-U with the given (form, UPOS, XPOS) triples, as the tagger would leave it.
Document Tagged(const std::vector<std::array<const char*, 3>>& words) {
  std::string text;
  int id = 0;
  for (const auto& [form, upos, xpos] : words) {
    text += std::to_string(++id) + "\t" + form + "\t_\t" + upos + "\t" + xpos + "\tTense=Past|VerbForm=Part\t0\t_\t_\t_\n";
  }
  auto doc = ReadConllu(text + "\n");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return std::move(*doc);
}

TEST(FiniteVerb, ParticipleBetweenSubjectAndObjectBecomesThePastTense) {
  Document doc = Tagged({{"Western", "ADJ", "JJ"}, {"countries", "NOUN", "NNS"}, {"imposed", "VERB", "VBN"},
                         {"sanctions", "NOUN", "NNS"}, {"on", "ADP", "IN"}, {"Russia", "PROPN", "NNP"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(doc), 1);
  EXPECT_EQ(doc.token(2).xpos(), "VBD");
  EXPECT_EQ(doc.token(2).feats(), "Mood=Ind|Tense=Past|VerbForm=Fin");
  EXPECT_EQ(doc.token(2).upos(), Upos::VERB);
}

// A title-case headline: the verb before "to" + a base verb, when it agrees with the word before it.
TEST(FiniteVerb, HeadlineVerbBeforeAnInfinitiveIsThePresentTense) {
  Document vow = Tagged({{"Afghans", "PROPN", "NNP"}, {"Vow", "PROPN", "NNP"}, {"to", "PART", "TO"},
                         {"Kill", "VERB", "VB"}, {"UN", "PROPN", "NNP"}, {"Hostage", "PROPN", "NNP"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(vow), 1);
  EXPECT_EQ(vow.token(1).xpos(), "VBP");
  EXPECT_EQ(vow.token(1).lemma(), "vow");
  Document threatens = Tagged({{"Iran", "PROPN", "NNP"}, {"Threatens", "PROPN", "NNPS"}, {"to", "PART", "TO"},
                               {"Quit", "VERB", "VB"}, {"Nuclear", "PROPN", "NNP"}, {"Treaty", "PROPN", "NNP"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(threatens), 1);
  EXPECT_EQ(threatens.token(1).xpos(), "VBZ");
  EXPECT_EQ(threatens.token(1).lemma(), "threaten");
  // A singular before the bare form: a noun phrase ("Bush Plan to Cut Taxes").
  Document plan = Tagged({{"Bush", "PROPN", "NNP"}, {"Plan", "PROPN", "NNP"}, {"to", "PART", "TO"},
                          {"Cut", "VERB", "VB"}, {"Taxes", "PROPN", "NNPS"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(plan), 0);
}

// "shot" misread as a noun (or worse) after a subject: the past tense of "shoot"; not after an article.
TEST(FiniteVerb, ShotAfterASubjectIsThePastTense) {
  Document doc = Tagged({{"Israeli", "ADJ", "JJ"}, {"police", "NOUN", "NNS"}, {"shot", "PUNCT", ":"},
                         {"a", "DET", "DT"}, {"teenager", "NOUN", "NN"}});
  EXPECT_EQ(RepairIrregularPastTense(doc), 1);
  EXPECT_EQ(doc.token(2).xpos(), "VBD");
  EXPECT_EQ(doc.token(2).upos(), Upos::VERB);
  EXPECT_EQ(doc.token(2).lemma(), "shoot");
  Document coordinated = Tagged({{"Gunmen", "NOUN", "NNS"}, {"shot", "NOUN", "NN"}, {"and", "CCONJ", "CC"},
                                 {"wounded", "ADJ", "JJ"}, {"a", "DET", "DT"}, {"policeman", "NOUN", "NN"}});
  EXPECT_EQ(RepairIrregularPastTense(coordinated), 1);
  Document noun = Tagged({{"Troops", "NOUN", "NNS"}, {"fired", "VERB", "VBD"}, {"a", "DET", "DT"},
                          {"shot", "NOUN", "NN"}, {"at", "ADP", "IN"}, {"them", "PRON", "PRP"}});
  EXPECT_EQ(RepairIrregularPastTense(noun), 0);
  EXPECT_EQ(noun.token(3).xpos(), "NN");
}

TEST(FiniteVerb, LeavesRealParticiplesAlone) {
  // A finite verb elsewhere: the participle is a reduced relative.
  Document relative = Tagged({{"Sanctions", "NOUN", "NNS"}, {"imposed", "VERB", "VBN"}, {"last", "ADJ", "JJ"},
                              {"year", "NOUN", "NN"}, {"hurt", "VERB", "VBD"}, {"Russia", "PROPN", "NNP"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(relative), 0);
  EXPECT_EQ(relative.token(1).xpos(), "VBN");
  // A caption: no object after the participle.
  Document caption = Tagged({{"Photos", "NOUN", "NNS"}, {"taken", "VERB", "VBN"}, {"in", "ADP", "IN"},
                             {"Paris", "PROPN", "NNP"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(caption), 0);
  // Too short to tell.
  Document short_one = Tagged({{"Troops", "NOUN", "NNS"}, {"killed", "VERB", "VBN"}, {"three", "NUM", "CD"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(short_one), 0);
}

TEST(FiniteVerb, PluralNounBetweenSubjectAndObjectBecomesThePresentTense) {
  Document doc = Tagged({{"The", "DET", "DT"}, {"Duma", "PROPN", "NNP"}, {"backs", "NOUN", "NNS"},
                         {"President", "PROPN", "NNP"}, {"Putin", "PROPN", "NNP"}, {"plan", "NOUN", "NN"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(doc), 1);
  EXPECT_EQ(doc.token(2).xpos(), "VBZ");
  EXPECT_EQ(doc.token(2).upos(), Upos::VERB);
  EXPECT_EQ(doc.token(2).feats(), "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin");
  // A common-noun object only after a proper-noun subject: "Iran vows revenge".
  Document vows = Tagged({{"Iran", "PROPN", "NNP"}, {"vows", "NOUN", "NNS"}, {"swift", "ADJ", "JJ"},
                          {"revenge", "NOUN", "NN"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(vows), 1);
  EXPECT_EQ(vows.token(1).xpos(), "VBZ");
  // Or a verb's preposition after a proper-noun subject: "Israel withdraws from Gaza camp".
  Document withdraws = Tagged({{"Israel", "PROPN", "NNP"}, {"withdraws", "NOUN", "NNS"}, {"from", "ADP", "IN"},
                               {"Gaza", "PROPN", "NNP"}, {"camp", "NOUN", "NN"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(withdraws), 1);
  EXPECT_EQ(withdraws.token(1).xpos(), "VBZ");
  // Not any preposition: "Iraq elections in January" stays a noun phrase.
  Document elections = Tagged({{"Iraq", "PROPN", "NNP"}, {"elections", "NOUN", "NNS"}, {"in", "ADP", "IN"},
                               {"January", "PROPN", "NNP"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(elections), 0);
}

TEST(FiniteVerb, LeavesPluralNounPhrasesAlone) {
  // A compound of common nouns: "police chiefs meeting" is a noun phrase.
  Document compound = Tagged({{"The", "DET", "DT"}, {"police", "NOUN", "NN"}, {"chiefs", "NOUN", "NNS"},
                              {"meeting", "NOUN", "NN"}, {"today", "NOUN", "NN"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(compound), 0);
  // A finite verb elsewhere.
  Document finite = Tagged({{"The", "DET", "DT"}, {"Duma", "PROPN", "NNP"}, {"votes", "NOUN", "NNS"},
                            {"the", "DET", "DT"}, {"plan", "NOUN", "NN"}, {"passed", "VERB", "VBD"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(finite), 0);
  // Words in -ss, -us, -is are no plurals to repair ("analysis").
  Document analysis = Tagged({{"The", "DET", "DT"}, {"Kremlin", "PROPN", "NNP"}, {"analysis", "NOUN", "NNS"},
                              {"the", "DET", "DT"}, {"plan", "NOUN", "NN"}});
  EXPECT_EQ(RepairMissingFiniteVerbs(analysis), 0);
}

}  // namespace
}  // namespace dyad::tag
