#include "eval/place_scores.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dyad::eval {
namespace {

namespace fs = std::filesystem;

const char* kHeader = "# test gold\npath\trecord\tbegin\tend\tsha1\tdate\tcountry\ttype\tsplit\n";

std::string Row(const std::string& path, const std::string& record, uint32_t b, uint32_t e, const std::string& text,
                const std::string& country, const std::string& type, const std::string& split = "dev") {
  std::string span = text.substr(b, e - b);  // ASCII test texts: bytes are code points
  return path + "\t" + record + "\t" + std::to_string(b) + "\t" + std::to_string(e) + "\t" + Sha1Prefix8(span) +
         "\t2022-07-18\t" + country + "\t" + type + "\t" + split + "\n";
}

TEST(PlaceGold, ParsesRowsAndRejectsBadOnes) {
  const std::string text = "Talks in Paris and Ankara.";
  auto gold = ParsePlaceGold(std::string(kHeader) + Row("a.txt", "", 9, 14, text, "FRA", "city") +
                             Row("a.txt", "", 19, 25, text, "TUR", "city"));
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_EQ(gold->mentions.size(), 2u);
  EXPECT_EQ(gold->mentions[1].country, "TUR");
  EXPECT_EQ(gold->mentions[1].split, "dev");
  EXPECT_EQ(gold->mentions[1].line, 4);

  EXPECT_FALSE(ParsePlaceGold(std::string(kHeader) + "a.txt\t\t9\t14\tzzzz\t\tFRA\tcity\tdev\n").ok());
  EXPECT_FALSE(ParsePlaceGold(std::string(kHeader) + Row("a.txt", "", 9, 14, text, "France", "city")).ok());
  EXPECT_FALSE(ParsePlaceGold(std::string(kHeader) + Row("a.txt", "", 9, 14, text, "FRA", "city", "train")).ok());
  // Overlapping mentions of one article, and one article in two splits.
  EXPECT_FALSE(ParsePlaceGold(std::string(kHeader) + Row("a.txt", "", 9, 14, text, "FRA", "city") +
                              Row("a.txt", "", 12, 18, text, "FRA", "city"))
                   .ok());
  EXPECT_FALSE(ParsePlaceGold(std::string(kHeader) + Row("a.txt", "", 9, 14, text, "FRA", "city") +
                              Row("a.txt", "", 19, 25, text, "TUR", "city", "test"))
                   .ok());
  EXPECT_FALSE(ParsePlaceGold("no header\n").ok());
}

TEST(PlaceGold, ReadsCsvRowsByNumberAndChecksSpans) {
  fs::path dir = fs::temp_directory_path() / "dyad_place_scores_test";
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "n.csv", std::ios::binary);
    out << "\"1\",\"Title\",\"First row.\"\n\"2\",\"T\",\"Rain in \"\"Lagos\"\",\nNigeria.\"\n\"3\",\"x\",\"last\"";
  }
  auto second = ReadPlaceRecord(dir.string(), "n.csv", "row:2");
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(*second, "Rain in \"Lagos\",\nNigeria.");
  auto last = ReadPlaceRecord(dir.string(), "n.csv", "row:3");
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(*last, "last");
  EXPECT_FALSE(ReadPlaceRecord(dir.string(), "n.csv", "row:4").ok());
  EXPECT_FALSE(ReadPlaceRecord(dir.string(), "n.csv", "row:0").ok());
  EXPECT_FALSE(ReadPlaceRecord(dir.string(), "../n.csv", "row:1").ok());

  auto gold = ParsePlaceGold(std::string(kHeader) + Row("n.csv", "row:2", 9, 14, *second, "NGA", "city"));
  ASSERT_TRUE(gold.ok());
  EXPECT_TRUE(VerifyGoldPlace(gold->mentions[0], *second).ok());
  EXPECT_FALSE(VerifyGoldPlace(gold->mentions[0], "Rain in \"Lagoz\", Nigeria.").ok());
  fs::remove_all(dir);
}

TEST(PlaceScorer, MatchesByOverlapAndScoresCountries) {
  //                       0         1         2         3         4         5
  //                       0123456789012345678901234567890123456789012345678901234
  const std::string text = "Raids in northern Syria, Paris and Georgia; Black Sea.";
  auto gold = ParsePlaceGold(std::string(kHeader) + Row("a.txt", "", 9, 23, text, "SYR", "region") +
                             Row("a.txt", "", 25, 30, text, "FRA", "city") +
                             Row("a.txt", "", 35, 42, text, "GEO", "country") +
                             Row("a.txt", "", 44, 53, text, "-", "water"));
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  std::vector<const GoldPlace*> g;
  for (const GoldPlace& p : gold->mentions) g.push_back(&p);
  std::vector<PredictedPlace> pred = {
      {18, 23, "SYR", "Syria", "country"},       // inside "northern Syria": a match, right country
      {35, 42, "USA", "Georgia", "subdivision"},  // wrong country
      {0, 5, "IRQ", "Raids", "city"},             // false alarm
      {44, 53, "", "Black Sea", "water"},         // no-country mention, found without a country
  };  // "Paris" missed
  PlaceScorer scorer;
  scorer.AddDocument(text, g, pred);
  const PlaceScores& s = scorer.scores();
  EXPECT_EQ(s.detection.tp, 3);
  EXPECT_EQ(s.detection.fp, 1);
  EXPECT_EQ(s.detection.fn, 1);
  EXPECT_EQ(s.gold_country, 3);
  EXPECT_EQ(s.matched_country, 2);
  EXPECT_EQ(s.right_country, 1);
  EXPECT_DOUBLE_EQ(s.CountryAccuracy(), 0.5);
  EXPECT_DOUBLE_EQ(s.CountryAccuracyAll(), 1.0 / 3);
  EXPECT_EQ(s.gold_none, 1);
  EXPECT_EQ(s.matched_none, 1);
  EXPECT_EQ(s.right_none, 1);
  EXPECT_EQ(s.by_type.at("city").fn, 1);
  ASSERT_EQ(s.errors.size(), 3u);
  int miss = 0, wrong = 0, false_alarm = 0;
  for (const PlaceError& e : s.errors) {
    if (e.kind == PlaceError::kMiss) {
      ++miss;
      EXPECT_EQ(e.text, "Paris");
    } else if (e.kind == PlaceError::kWrongCountry) {
      ++wrong;
      EXPECT_EQ(e.system_country, "USA");
    } else {
      ++false_alarm;
      EXPECT_EQ(e.text, "Raids");
    }
  }
  EXPECT_EQ(miss, 1);
  EXPECT_EQ(wrong, 1);
  EXPECT_EQ(false_alarm, 1);
  EXPECT_NE(FormatPlaceScores(s).find("detection"), std::string::npos);
}

TEST(PlaceScorer, OneSystemSpanMatchesOneGoldMention) {
  const std::string text = "Dar es Salaam, Tanzania";
  auto gold = ParsePlaceGold(std::string(kHeader) + Row("a.txt", "", 0, 13, text, "TZA", "city") +
                             Row("a.txt", "", 15, 23, text, "TZA", "country"));
  ASSERT_TRUE(gold.ok());
  std::vector<const GoldPlace*> g = {&gold->mentions[0], &gold->mentions[1]};
  PlaceScorer scorer;
  scorer.AddDocument(text, g, {{0, 23, "TZA", "Dar es Salaam, Tanzania", "city"}});  // one span over both
  EXPECT_EQ(scorer.scores().detection.tp, 1);
  EXPECT_EQ(scorer.scores().detection.fn, 1);
  EXPECT_EQ(scorer.scores().detection.fp, 0);
}

}  // namespace
}  // namespace dyad::eval
