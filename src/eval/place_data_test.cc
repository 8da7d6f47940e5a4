// The place gold (eval/places/gold.tsv) through the whole Engine: skipped without ../shared/data.
// Floors sit a little under the scores measured when they were set (eval/places/README.md), so a
// regression in the places stage, the gazetteer or the actors it reads fails here.
#include <gtest/gtest.h>

#include <filesystem>

#include "dyad/engine.h"
#include "eval/place_scores.h"

namespace dyad::eval {
namespace {

struct Floor {
  const char* split;
  double detection_f1, country_matched, country_all;
};

class PlaceGoldTest : public ::testing::TestWithParam<Floor> {};

TEST_P(PlaceGoldTest, ScoresStayAboveTheirFloors) {
  const std::string shared = DYAD_SHARED_DATA;
  if (!std::filesystem::exists(shared + "/news") || !std::filesystem::exists(shared + "/seed")) {
    GTEST_SKIP() << "shared data not found: " << shared;
  }
  auto gold = LoadPlaceGold(std::string(DYAD_SOURCE_DIR) + "/eval/places/gold.tsv");
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  EngineOptions options;
  options.extract = true;
  auto engine = Engine::Load(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  Engine::Scratch scratch(**engine);
  int64_t drifted = 0;
  const Floor floor = GetParam();
  auto scores = EvaluatePlaces(
      *gold, shared, floor.split, [&](Document& doc) { return (*engine)->Analyze(doc, scratch); }, &drifted);
  ASSERT_TRUE(scores.ok()) << scores.status().ToString();
  EXPECT_EQ(drifted, 0);
  EXPECT_GE(scores->documents, 10);
  EXPECT_GE(scores->detection.F1(), floor.detection_f1) << FormatPlaceScores(*scores);
  EXPECT_GE(scores->CountryAccuracy(), floor.country_matched) << FormatPlaceScores(*scores);
  EXPECT_GE(scores->CountryAccuracyAll(), floor.country_all) << FormatPlaceScores(*scores);
}

INSTANTIATE_TEST_SUITE_P(Splits, PlaceGoldTest,
                         ::testing::Values(Floor{"dev", 0.97, 0.98, 0.96}, Floor{"test", 0.95, 0.97, 0.94},
                                           Floor{"test2", 0.94, 0.97, 0.93}),
                         [](const auto& info) { return std::string(info.param.split); });

}  // namespace
}  // namespace dyad::eval
