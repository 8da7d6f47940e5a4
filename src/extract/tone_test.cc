#include "extract/tone.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/conllu.h"

namespace dyad::extract {
namespace {

Document Words(const std::vector<std::pair<const char*, const char*>>& words) {  // (form, lemma)
  std::string conllu;
  int id = 0;
  for (const auto& [form, lemma] : words) {
    conllu += std::to_string(++id) + "\t" + form + "\t" + lemma + "\t_\t_\t_\t_\t_\t_\t_\n";
  }
  auto doc = ReadConllu(conllu + "\n");
  EXPECT_TRUE(doc.ok());
  return std::move(doc).value();
}

std::shared_ptr<const ToneLexicon> Lexicon(const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / "dyad_tone_test.tsv";
  std::ofstream(path) << text;
  auto lex = ToneLexicon::Load(path.string());
  std::filesystem::remove(path);
  EXPECT_TRUE(lex.ok()) << lex.status().ToString();
  return lex.ok() ? *lex : nullptr;
}

TEST(ToneTest, WeightedPercentagesAndNegation) {
  auto lex = Lexicon("# test\nword\tweight\nkill\t-3\npeace\t2\ncondemn\t-2\n");
  ASSERT_NE(lex, nullptr);
  // 10 words: "killed" (lemma kill, -3), "peace" (+2), "not ... condemn" flipped (+2).
  Document doc = Words({{"Troops", "troop"}, {"killed", "kill"}, {"two", "two"}, {"but", "but"}, {"peace", "peace"},
                        {"holds", "hold"}, {"and", "and"}, {"nobody", "nobody"}, {"not", "not"}, {"condemned", "condemn"},
                        {".", "."}});
  Tone t = ComputeTone(doc, *lex);
  EXPECT_EQ(t.words, 10u);
  EXPECT_EQ(t.positive_words, 2u);
  EXPECT_EQ(t.negative_words, 1u);
  EXPECT_DOUBLE_EQ(t.positive, 40.0);
  EXPECT_DOUBLE_EQ(t.negative, 30.0);
  EXPECT_DOUBLE_EQ(t.tone, 10.0);
  EXPECT_DOUBLE_EQ(t.polarity, 70.0);
}

TEST(ToneTest, BadLexiconLinesFailWithTheirLine) {
  auto path = std::filesystem::temp_directory_path() / "dyad_tone_bad.tsv";
  std::ofstream(path) << "word\tweight\nkill\t-3\nkill\t-2\n";
  auto lex = ToneLexicon::Load(path.string());
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find(":3:"), std::string::npos) << lex.status().message();
  std::ofstream(path) << "word\tweight\npeace\tzero\n";
  EXPECT_FALSE(ToneLexicon::Load(path.string()).ok());
  std::filesystem::remove(path);
}

TEST(ToneTest, ShippedLexiconLoadsAndReadsNewsTheRightWay) {
  const ToneLexicon& lex = ToneLexicon::Default();
  ASSERT_GT(lex.size(), 300u) << "data/tone/lexicon.tsv not found or empty";
  Document war = Words({{"Shelling", "shelling"}, {"killed", "kill"}, {"civilians", "civilian"}, {"in", "in"}, {"a", "a"},
                        {"brutal", "brutal"}, {"attack", "attack"}});
  Document peace = Words({{"Leaders", "leader"}, {"welcomed", "welcome"}, {"the", "the"}, {"peace", "peace"},
                          {"agreement", "agreement"}});
  EXPECT_LT(ComputeTone(war).tone, -10);
  EXPECT_GT(ComputeTone(peace).tone, 10);
}

}  // namespace
}  // namespace dyad::extract
