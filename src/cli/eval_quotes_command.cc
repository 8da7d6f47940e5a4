// dyad eval quotes: direct quotes and their speakers against PolNeAR (brat attributions).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "actors/actor_loader.h"
#include "actors/actor_stage.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "extract/quote_eval.h"
#include "extract/quotes.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/furniture.h"
#include "text/text_stage.h"

namespace dyad::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHelp =
    "usage: dyad eval quotes --gold DIR [--split dev|test|train] [--limit N] [--models DIR] [--errors N]\n"
    "\n"
    "Runs text, tagger, parser, actors and quotes over PolNeAR articles and scores direct quotes:\n"
    "content word-overlap P/R/F1 and speaker accuracy (see src/extract/quote_eval.h for the metric).\n"
    "  --gold DIR   the PolNeAR folder (with dev/ test/ train/), or one split folder (text/ + attributions/)\n"
    "  --split S    which split under DIR (default dev)\n"
    "  --limit N    only the first N articles\n"
    "  --errors N   print up to N speaker mistakes (default 0)\n"
    "An article annotated by several annotators is scored against the first annotation (by file name).\n";

std::string ModelPath(const Args& a, const std::string& file) {
  if (a.Has("models")) return a.Get("models") + "/" + file;
  std::string local = "models/" + file;
  if (fs::exists(local)) return local;
  return std::string(DYAD_SOURCE_DIR) + "/models/" + file;
}

int Fail(const Status& s) {
  std::fprintf(stderr, "dyad eval quotes: %s\n", s.ToString().c_str());
  return static_cast<int>(s.code());
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "wash-post_2016-09-25_federal-court..." -> "2016-09-25"; empty when the name has no date.
std::string DateFromName(const std::string& stem) {
  size_t a = stem.find('_');
  if (a == std::string::npos || stem.size() < a + 11) return "";
  std::string d = stem.substr(a + 1, 10);
  return d.size() == 10 && d[4] == '-' && d[7] == '-' ? d : "";
}

}  // namespace

int EvalQuotesCommand(int argc, char** argv) {
  auto a = Args::Parse(argc, argv, {"gold", "split", "limit", "models", "errors"}, {"help"});
  if (!a.ok()) {
    std::fprintf(stderr, "dyad eval quotes: %s\n%s", a.status().message().c_str(), kHelp);
    return 2;
  }
  if (a->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (!a->Has("gold")) {
    std::fprintf(stderr, "dyad eval quotes: --gold is required\n%s", kHelp);
    return 2;
  }
  fs::path dir = a->Get("gold");
  if (!fs::exists(dir / "attributions")) dir /= a->Get("split", "dev");
  if (!fs::exists(dir / "attributions") || !fs::exists(dir / "text")) {
    return Fail(Status::NotFound(dir.string() + ": no attributions/ and text/ folders"));
  }
  auto limit_flag = a->GetCount("limit", SIZE_MAX);
  auto errors_flag = a->GetCount("errors", 0);
  for (const auto* r : {&limit_flag, &errors_flag}) {
    if (!r->ok()) {
      std::fprintf(stderr, "dyad eval quotes: %s\n%s", r->status().message().c_str(), kHelp);
      return 2;
    }
  }
  const size_t limit = *limit_flag, max_errors = *errors_flag;

  // One annotation per article: the first file name for each text stem ("<stem>_<annotator>.ann").
  std::map<std::string, fs::path> ann_of;
  for (const auto& e : fs::directory_iterator(dir / "attributions")) {
    std::string name = e.path().filename().string();
    if (!name.ends_with(".ann")) continue;
    size_t us = name.rfind('_');
    if (us == std::string::npos) continue;
    std::string stem = name.substr(0, us);
    auto it = ann_of.find(stem);
    if (it == ann_of.end() || e.path() < it->second) ann_of[stem] = e.path();
  }

  auto tagger = LoadTaggerStage(ModelPath(*a, "tagger.dyad"));
  if (!tagger.ok()) return Fail(tagger.status());
  auto parser = LoadParserStage(ModelPath(*a, "parser.dyad"));
  if (!parser.ok()) return Fail(parser.status());
  auto index = actors::LoadActorIndex({});
  if (!index.ok()) return Fail(index.status());
  Pipeline pipeline;
  for (auto stage : {MakeTextStage(), MakeFurnitureStage(), *tagger, *parser, actors::MakeActorStage(*index),
                     extract::MakeQuoteStage()}) {
    Status s = pipeline.Add(stage);
    if (!s.ok()) return Fail(s);
  }
  Pipeline::Scratch scratch(pipeline);

  extract::QuoteScores scores;
  std::vector<std::string> errors;
  size_t words = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& [stem, ann_path] : ann_of) {
    if (scores.docs >= limit) break;
    fs::path text_path = dir / "text" / (stem + ".txt");
    if (!fs::exists(text_path)) continue;
    std::string text = ReadAll(text_path);
    auto gold = extract::ParseBratAttributions(ReadAll(ann_path), text);
    if (!gold.ok()) return Fail(Status::InvalidInput(ann_path.string() + ": " + gold.status().message()));
    Document doc(text);
    doc.meta().id = stem;
    doc.meta().date = DateFromName(stem);
    Status s = pipeline.Process(doc, scratch);
    if (!s.ok()) return Fail(Status(s.code(), stem + ": " + s.message()));
    words += doc.tokens().size();
    std::vector<std::string> doc_errors;
    extract::ScoreQuotes(doc.text(), *gold, extract::SystemQuotes(doc), &scores, &doc_errors);
    for (auto& e : doc_errors) errors.push_back(stem + ": " + e);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%s\n%s", dir.string().c_str(), extract::FormatQuoteScores(scores).c_str());
  for (size_t i = 0; i < errors.size() && i < max_errors; ++i) std::printf("  %s\n", errors[i].c_str());
  std::fprintf(stderr, "%zu tokens in %.2f s (text + tagger + parser + actors + quotes)\n", words, secs);
  return 0;
}

}  // namespace dyad::cli
