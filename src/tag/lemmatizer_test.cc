#include "tag/lemmatizer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace dyad::tag {
namespace {

std::string Lemma(const Lemmatizer& l, std::string_view form, std::string_view xpos) {
  std::string out;
  l.Lemmatize(form, xpos, &out);
  return out;
}

TEST(Lemmatizer, EditForPrefersLowerCasing) {
  LemmaEdit e = EditFor("running", "run");
  EXPECT_EQ(e.case_mode, LemmaCase::kLower);
  EXPECT_EQ(e.strip, 4);
  EXPECT_EQ(e.append, "");
  e = EditFor("The", "the");
  EXPECT_EQ(e.case_mode, LemmaCase::kLower);
  EXPECT_EQ(e.strip, 0);
  e = EditFor("Americans", "American");
  EXPECT_EQ(e.case_mode, LemmaCase::kKeep);
  EXPECT_EQ(e.strip, 1);
  e = EditFor("chicago", "Chicago");
  EXPECT_EQ(e.case_mode, LemmaCase::kTitle);
  EXPECT_EQ(e.strip, 0);
  e = EditFor("went", "go");
  EXPECT_EQ(e.strip, 4);
  EXPECT_EQ(e.append, "go");
}

TEST(Lemmatizer, IrregularsWorkWithoutAnyTraining) {
  Lemmatizer empty;
  EXPECT_EQ(Lemma(empty, "went", "VBD"), "go");
  EXPECT_EQ(Lemma(empty, "Went", "VBD"), "go");
  EXPECT_EQ(Lemma(empty, "was", "VBD"), "be");
  EXPECT_EQ(Lemma(empty, "been", "VBN"), "be");
  EXPECT_EQ(Lemma(empty, "has", "VBZ"), "have");
  EXPECT_EQ(Lemma(empty, "men", "NNS"), "man");
  EXPECT_EQ(Lemma(empty, "children", "NNS"), "child");
  EXPECT_EQ(Lemma(empty, "better", "JJR"), "good");
  EXPECT_EQ(Lemma(empty, "better", "RBR"), "well");
  EXPECT_EQ(Lemma(empty, "worst", "JJS"), "bad");
  EXPECT_EQ(Lemma(empty, "fled", "VBD"), "flee");
  // The XPOS matters: "saw" the noun is not "see".
  EXPECT_EQ(Lemma(empty, "saw", "NN"), "saw");
  EXPECT_EQ(Lemma(empty, "saw", "VBD"), "see");
}

TEST(Lemmatizer, UntrainedFallbackKeepsProperNounsAndLowercasesTheRest) {
  Lemmatizer empty;
  EXPECT_EQ(Lemma(empty, "Obama", "NNP"), "Obama");
  EXPECT_EQ(Lemma(empty, "Dog", "NN"), "dog");
}

TEST(Lemmatizer, NumbersLoseDigitGroupCommas) {
  Lemmatizer empty;
  EXPECT_EQ(Lemma(empty, "6,363,217", "CD"), "6363217");
  EXPECT_EQ(Lemma(empty, "1,000.50", "CD"), "1000.50");
  EXPECT_EQ(Lemma(empty, "1,2", "CD"), "1,2");  // too short to be digit groups
  EXPECT_EQ(Lemma(empty, "a,bcde", "CD"), "a,bcde");
}

Lemmatizer SmallTrained() {
  LemmatizerBuilder b;
  for (const char* v : {"walk", "talk", "jump", "kick", "help"}) {
    std::string past = std::string(v) + "ed";
    if (std::string(v) != "kick") b.Add(past, "VBD", v);  // "kicked" stays unseen
  }
  for (auto [pl, sg] : {std::pair{"cities", "city"}, {"parties", "party"}, {"ladies", "lady"}}) b.Add(pl, "NNS", sg);
  for (auto [pl, sg] : {std::pair{"dogs", "dog"}, {"cats", "cat"}, {"houses", "house"}}) b.Add(pl, "NNS", sg);
  b.Add("Americans", "NNPS", "American");
  b.Add("Democrats", "NNPS", "Democrat");
  b.Add("London", "NNP", "London");
  b.Add("Paris", "NNP", "Paris");
  b.Add("The", "DT", "the");
  b.Add("The", "DT", "the");
  b.Add("I", "PRP", "I");
  b.Add("I", "PRP", "I");
  b.Add("i", "PRP", "I");
  b.Add("'s", "VBZ", "be");
  b.Add("'s", "POS", "'s");
  b.Add("left", "VBD", "leave");
  b.Add("left", "JJ", "left");
  return b.Build(2);
}

TEST(Lemmatizer, LearnsSuffixRulesForUnseenForms) {
  Lemmatizer l = SmallTrained();
  EXPECT_EQ(Lemma(l, "kicked", "VBD"), "kick");
  EXPECT_EQ(Lemma(l, "ponies", "NNS"), "pony");
  EXPECT_EQ(Lemma(l, "birds", "NNS"), "bird");
  EXPECT_EQ(Lemma(l, "Germans", "NNPS"), "German");
  EXPECT_EQ(Lemma(l, "Berlin", "NNP"), "Berlin");
}

TEST(Lemmatizer, ExactTableUsesTheTag) {
  Lemmatizer l = SmallTrained();
  EXPECT_EQ(Lemma(l, "'s", "VBZ"), "be");
  EXPECT_EQ(Lemma(l, "'s", "POS"), "'s");
  EXPECT_EQ(Lemma(l, "left", "VBD"), "leave");
  EXPECT_EQ(Lemma(l, "left", "JJ"), "left");
  EXPECT_EQ(Lemma(l, "THE", "DT"), "the");
  // The spelling matters where training showed it: "i" is "I" as in EWT.
  EXPECT_EQ(Lemma(l, "i", "PRP"), "I");
  EXPECT_EQ(Lemma(l, "I", "PRP"), "I");
}

TEST(Lemmatizer, NeverCutsAUtf8Sequence) {
  LemmatizerBuilder b;
  b.Add("cats", "NNS", "cat");
  b.Add("dogs", "NNS", "dog");
  Lemmatizer l = b.Build(1);
  std::string out = Lemma(l, "caf\xC3\xA9", "NNS");  // a strip-1 rule would split the 2-byte é
  EXPECT_EQ(out, "caf\xC3\xA9");
}

TEST(Lemmatizer, SaveLoadRoundTrip) {
  Lemmatizer l = SmallTrained();
  std::string path = (std::filesystem::temp_directory_path() / ("dyad_lemma_" + std::to_string(::getpid()))).string();
  ModelWriter w({"tagger", 1, "test", "lemmas"});
  l.Save(w);
  ASSERT_TRUE(w.WriteFile(path).ok());
  auto r = ModelReader::Open(path, "tagger", 1);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  Lemmatizer loaded;
  ASSERT_TRUE(loaded.Load(*r).ok());
  EXPECT_TRUE(r->Finish().ok());
  for (auto [f, x] : {std::pair{"kicked", "VBD"}, {"ponies", "NNS"}, {"'s", "VBZ"}, {"Germans", "NNPS"}})
    EXPECT_EQ(Lemma(loaded, f, x), Lemma(l, f, x)) << f;
  EXPECT_EQ(loaded.table_size(), l.table_size());
  EXPECT_EQ(loaded.rule_count(), l.rule_count());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace dyad::tag
