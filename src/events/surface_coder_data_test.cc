// The import path end to end on the coders' own suites: dyad's tokeniser, tagger, parser, the actor
// stage over the suite's imported .actors/.agents only, and the surface coder over its verbs file.
// Asserts the bar (>= 60% of records fully right on each suite) and reports the number.
// Needs ../shared/data and models/; skips without them. `dyad validate` runs the same and lists failures.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "actors/actor_stage.h"
#include "actors/tabari_dictionary.h"
#include "eval/event_validation.h"
#include "events/surface_coder.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/furniture.h"
#include "text/text_stage.h"

namespace dyad::events {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<const actors::ActorIndex> ImportActors(const std::vector<std::string>& files) {
  auto index = std::make_shared<actors::ActorIndex>();
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bool agents = fs::path(path).filename().string().find("gents") != std::string::npos;
    actors::ImportTabari(text, path, agents, index.get());
  }
  return index;
}

double RunSuite(const std::string& path) {
  auto suite = eval::ReadValidationSuite(path);
  EXPECT_TRUE(suite.ok()) << suite.status().ToString();
  if (!suite.ok()) return 0;
  std::vector<std::string> actor_files = suite->actor_files;
  actor_files.insert(actor_files.end(), suite->agent_files.begin(), suite->agent_files.end());
  SurfaceCoderOptions options;
  std::vector<std::string> discard_files = suite->discard_files;
  discard_files.insert(discard_files.end(), suite->actor_files.begin(), suite->actor_files.end());
  for (const auto& f : discard_files) EXPECT_TRUE(ReadDiscardPhrases(f, &options.discards).ok()) << f;
  auto coder = LoadImportedVerbStage(suite->verb_files, options);
  EXPECT_TRUE(coder.ok());
  std::string models = std::string(DYAD_SOURCE_DIR) + "/models";
  auto tagger = LoadTaggerStage(models + "/tagger.dyad");
  auto parser = LoadParserStage(models + "/parser.dyad");
  EXPECT_TRUE(tagger.ok() && parser.ok());
  if (!coder.ok() || !tagger.ok() || !parser.ok()) return 0;
  Pipeline p;
  EXPECT_TRUE(p.Add(MakeTextStage()).ok());
  EXPECT_TRUE(p.Add(MakeFurnitureStage()).ok());
  EXPECT_TRUE(p.Add(*tagger).ok());
  EXPECT_TRUE(p.Add(*parser).ok());
  EXPECT_TRUE(p.Add(actors::MakeActorStage(ImportActors(actor_files))).ok());
  EXPECT_TRUE(p.Add(*coder).ok());
  Pipeline::Scratch scratch(p);
  size_t right = 0, scored = 0;
  for (const auto& r : suite->records) {
    if (r.option) continue;
    ++scored;
    DocumentMeta meta;
    meta.id = r.id;
    meta.date = r.date;
    Document doc(r.text, meta);
    EXPECT_TRUE(p.Process(doc, scratch).ok()) << r.id;
    std::vector<eval::CodedTriple> got;
    for (const auto& e : doc.events()) {
      std::string src(doc.Str(doc.mentions()[e.source].code)), tgt(doc.Str(doc.mentions()[e.target].code));
      // "FRO/BIL/SAM": one actor standing for several (as `dyad validate` splits it).
      for (size_t a = 0; a <= src.size();) {
        size_t ae = std::min(src.find('/', a), src.size());
        for (size_t b = 0; b <= tgt.size();) {
          size_t be = std::min(tgt.find('/', b), tgt.size());
          std::string one = src.substr(a, ae - a), other = tgt.substr(b, be - b);
          if (one != other) got.push_back({one, other, std::string(doc.Str(e.cameo))});
          b = be + 1;
        }
        a = ae + 1;
      }
    }
    right += eval::ScoreRecord(r, got).right;
  }
  double pct = scored == 0 ? 0 : 100.0 * static_cast<double>(right) / static_cast<double>(scored);
  std::printf("%s: %zu of %zu records fully right (%.1f%%)\n", fs::path(path).filename().c_str(), right, scored, pct);
  return pct;
}

bool Available(const std::string& suite) {
  return fs::exists(suite) && fs::exists(std::string(DYAD_SOURCE_DIR) + "/models/tagger.dyad") &&
         fs::exists(std::string(DYAD_SOURCE_DIR) + "/models/parser.dyad");
}

TEST(SurfaceCoderData, TabariValidationSuite) {
  std::string suite = std::string(DYAD_SHARED_DATA) + "/events/TABARI_validation/Validate.text";
  if (!Available(suite)) GTEST_SKIP() << "needs ../shared/data and models/";
  EXPECT_GE(RunSuite(suite), 60.0);
}

TEST(SurfaceCoderData, PetrarchUnitTestRecords) {
  std::string suite = std::string(DYAD_SHARED_DATA) + "/events/petrarch2/PETR.UnitTest.records.xml";
  if (!Available(suite)) GTEST_SKIP() << "needs ../shared/data and models/";
  EXPECT_GE(RunSuite(suite), 60.0);
}

}  // namespace
}  // namespace dyad::events
