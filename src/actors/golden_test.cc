// Golden mentions in real news: testdata/golden_mentions.tsv names a text (a record of a file under
// DYAD_SHARED_DATA, or the repository's seed article), a mention as it appears, which occurrence, the
// article date and the expected code. The test reads the text at run time (nothing is copied into the
// repository), runs text stage + furniture + tagger (+ parser when models/parser.dyad exists) +
// actors, finds the mention at that occurrence and compares codes. It prints the accuracy and every
// miss, and asserts a floor measured when the file was written.
//
// DYAD_GOLDEN_DUMP=SOURCE|DATE prints every mention of one text instead (used to draft new rows).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "actors/actor_loader.h"
#include "actors/actor_stage.h"
#include "core/csv.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/furniture.h"
#include "text/text_stage.h"

namespace dyad::actors {
namespace {

constexpr double kAccuracyFloor = 0.85;  // measured 0.938 tagged+parsed, 0.921 untagged (2026-11-30)

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "repo:examples/x.txt", "news/bbc/bbc_politics.jsonl#bbc/politics/001.txt",
// "news/guardian_ngec/Guardian_SDF_sample.csv#3". Empty when unavailable.
class Texts {
 public:
  std::string Get(const std::string& source) {
    auto it = cache_.find(source);
    if (it != cache_.end()) return it->second;
    std::string text;
    if (source.starts_with("repo:")) {
      text = ReadAll(std::string(DYAD_SOURCE_DIR) + "/" + source.substr(5));
    } else {
      size_t hash = source.find('#');
      std::string path = std::string(DYAD_SHARED_DATA) + "/" + source.substr(0, hash);
      std::string key = hash == std::string::npos ? "" : source.substr(hash + 1);
      if (path.ends_with(".jsonl")) {
        std::istringstream in(ReadAll(path));
        for (std::string line; std::getline(in, line);) {
          auto j = nlohmann::json::parse(line, nullptr, false);
          if (!j.is_discarded() && j.value("id", "") == key) text = j.value("text", "");
        }
      } else if (path.ends_with(".csv")) {
        for (const auto& row : ParseCsv(ReadAll(path))) {
          if (row.size() >= 3 && row[0] == key) text = row[2];
        }
      } else {
        text = ReadAll(path);
      }
    }
    cache_[source] = text;
    return text;
  }

 private:
  std::map<std::string, std::string> cache_;
};

struct Rig {
  Pipeline pipeline;
  bool parsed = false;
};

std::unique_ptr<Rig> MakeRig(std::string* why) {
  std::string models = std::string(DYAD_SOURCE_DIR) + "/models";
  // DYAD_GOLDEN_UNTAGGED=1 runs without the tagger (tokens only), to measure the dictionary and
  // case rules alone or when the model is being retrained.
  const bool untagged = std::getenv("DYAD_GOLDEN_UNTAGGED") != nullptr;
  class NoTags : public Stage {
   public:
    std::string_view name() const override { return "no-tags"; }
    uint32_t Requires() const override { return kLayerTokens; }
    uint32_t Provides() const override { return kLayerTags; }
    Status Process(Document&, StageScratch*) const override { return Status::Ok(); }
  };
  Result<std::shared_ptr<const Stage>> tagger =
      untagged ? Result<std::shared_ptr<const Stage>>(std::make_shared<NoTags>())
               : LoadTaggerStage(models + "/tagger.dyad");
  if (!tagger.ok()) {
    *why = "no tagger model: " + tagger.status().ToString();
    return nullptr;
  }
  auto index = LoadActorIndex({});
  if (!index.ok()) {
    *why = index.status().ToString();
    return nullptr;
  }
  auto rig = std::make_unique<Rig>();
  EXPECT_TRUE(rig->pipeline.Add(MakeTextStage()).ok());
  EXPECT_TRUE(rig->pipeline.Add(MakeFurnitureStage()).ok());
  EXPECT_TRUE(rig->pipeline.Add(*tagger).ok());
  if (!untagged && std::filesystem::exists(models + "/parser.dyad")) {
    auto parser = LoadParserStage(models + "/parser.dyad");
    if (parser.ok()) {
      EXPECT_TRUE(rig->pipeline.Add(*parser).ok());
      rig->parsed = true;
    }
  }
  EXPECT_TRUE(rig->pipeline.Add(MakeActorStage(*index)).ok());
  return rig;
}

Result<Document> Analyze(Rig& rig, const std::string& text, const std::string& date) {
  Document doc(text);
  doc.meta().date = date;
  Pipeline::Scratch scratch(rig.pipeline);
  DYAD_RETURN_IF_ERROR(rig.pipeline.Process(doc, scratch));
  return doc;
}

std::string MentionText(const Document& doc, const MentionRow& m) {
  uint32_t b = doc.tokens()[m.first_token].begin, e = doc.tokens()[m.end_token - 1].end;
  return doc.text().substr(b, e - b);
}

TEST(GoldenTest, MentionsInRealNews) {
  std::string why;
  auto rig = MakeRig(&why);
  if (rig == nullptr) GTEST_SKIP() << why;
  Texts texts;
  if (const char* dump = std::getenv("DYAD_GOLDEN_DUMP")) {
    std::string arg = dump;
    std::string source = arg.substr(0, arg.find('|')), date = arg.substr(arg.find('|') + 1);
    auto doc = Analyze(*rig, texts.Get(source), date);
    ASSERT_TRUE(doc.ok());
    std::map<std::string, int> seen;
    for (const auto& m : doc->mentions()) {
      std::string t = MentionText(*doc, m);
      // occurrence = how many times the text occurs up to and including this mention's start
      uint32_t begin = doc->tokens()[m.first_token].begin;
      int occ = 0;
      for (size_t p = doc->text().find(t); p != std::string::npos && p <= begin; p = doc->text().find(t, p + 1)) ++occ;
      std::printf("%s\t%s\t%d\t%s\t%s\t# %s\n", source.c_str(), t.c_str(), occ, date.c_str(),
                  std::string(doc->Str(m.code)).c_str(), std::string(doc->Str(m.rule)).c_str());
    }
    return;
  }
  std::string golden = ReadAll(std::string(DYAD_SOURCE_DIR) + "/src/actors/testdata/golden_mentions.tsv");
  std::istringstream in(golden);
  size_t total = 0, right = 0, skipped = 0;
  std::map<std::string, int> error_kinds;
  std::map<std::string, std::unique_ptr<Document>> docs;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.starts_with("source\t")) continue;
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string c; std::getline(cells, c, '\t');) f.push_back(c);
    ASSERT_GE(f.size(), 5u) << line;
    const std::string &source = f[0], &mention = f[1], &date = f[3], &expected = f[4];
    int occurrence = std::atoi(f[2].c_str());
    std::string text = texts.Get(source);
    if (text.empty()) {
      ++skipped;
      continue;
    }
    std::string key = source + "|" + date;
    if (docs.count(key) == 0) {
      auto doc = Analyze(*rig, text, date);
      ASSERT_TRUE(doc.ok()) << doc.status().ToString();
      docs[key] = std::make_unique<Document>(std::move(doc).value());
    }
    const Document& doc = *docs[key];
    size_t at = std::string::npos;
    for (int k = 0; k < occurrence; ++k) at = doc.text().find(mention, at == std::string::npos ? 0 : at + 1);
    ++total;
    ASSERT_NE(at, std::string::npos) << "occurrence " << occurrence << " of '" << mention << "' not in " << source;
    std::string got = "-";
    for (const auto& m : doc.mentions()) {
      uint32_t b = doc.tokens()[m.first_token].begin, e = doc.tokens()[m.end_token - 1].end;
      if (b < at + mention.size() && at < e) {
        got = std::string(doc.Str(m.code));
        break;
      }
    }
    if (got == expected) {
      ++right;
    } else {
      std::string kind = got == "-" ? "missed" : (expected == "-" ? "spurious" : "wrong code");
      if (got != "-" && expected != "-" && got.substr(0, 3) == expected.substr(0, 3)) kind = "wrong role";
      if (got != "-" && expected != "-" && got.substr(0, 3) != expected.substr(0, 3)) kind = "wrong country";
      ++error_kinds[kind];
      std::printf("MISS %s '%s' #%d: expected %s, got %s\n", source.c_str(), mention.c_str(), occurrence,
                  expected.c_str(), got.c_str());
    }
  }
  if (total == 0) GTEST_SKIP() << "no golden text available (" << skipped << " rows skipped)";
  double acc = static_cast<double>(right) / static_cast<double>(total);
  std::printf("golden mentions: %zu/%zu right = %.1f%% (parser %s; %zu rows skipped)\n", right, total, 100 * acc,
              rig->parsed ? "on" : "off", skipped);
  for (const auto& [k, n] : error_kinds) std::printf("  %s: %d\n", k.c_str(), n);
  EXPECT_GE(acc, kAccuracyFloor);
}

}  // namespace
}  // namespace dyad::actors
