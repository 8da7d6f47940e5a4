// dyad eval places: place mentions and their countries scored against the hand-made gold
// (eval/places/gold.tsv). Each article the gold names is read from the shared data folder, checked
// against the gold's checksums and run through the Engine with extraction (text ... actors, places);
// every place found in it is scored. Scores: src/eval/place_scores.h.
#include <chrono>
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/shared_data_dir.h"
#include "dyad/engine.h"
#include "eval/place_scores.h"

namespace dyad::cli {
namespace {

constexpr const char* kHelp =
    "usage: dyad eval places --gold eval/places/gold.tsv [--split dev|test|test2|all] [--shared DIR]\n"
    "                        [--models DIR] [--data DIR] [--errors] [--max-errors N]\n"
    "\n"
    "Finds the places of every article the gold names and scores them: detection precision / recall /\n"
    "F1 of place mentions (character overlap, one-to-one) and country accuracy on the matched mentions\n"
    "and over all gold mentions (a miss counts as wrong). Gold mentions without a single country ('-':\n"
    "seas, continents) count for detection and are reported apart.\n"
    "  --split S      dev (tune on it), test, test2 (held out; see eval/places/README.md) or all (default)\n"
    "  --shared DIR   the shared data folder (default: $DYAD_SHARED_DATA, else ../shared/data, else the\n"
    "                 one beside the source tree)\n"
    "  --models DIR, --data DIR   as for dyad code\n"
    "  --errors       list misses, false alarms and wrong countries (at most --max-errors, default 400)\n";

int Fail(const Status& s) {
  std::fprintf(stderr, "dyad eval places: %s\n", s.ToString().c_str());
  return static_cast<int>(s.code());
}

}  // namespace

int EvalPlacesCommand(int argc, char** argv) {
  auto a = Args::Parse(argc, argv, {"gold", "split", "shared", "models", "data", "max-errors"}, {"errors", "help"});
  if (!a.ok()) {
    std::fprintf(stderr, "dyad eval places: %s\n%s", a.status().message().c_str(), kHelp);
    return 2;
  }
  if (a->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (!a->Has("gold")) {
    std::fprintf(stderr, "dyad eval places: --gold is required\n%s", kHelp);
    return 2;
  }
  const std::string split = a->Get("split", "all");
  if (split != "dev" && split != "test" && split != "test2" && split != "all") {
    std::fprintf(stderr, "dyad eval places: --split must be dev, test, test2 or all\n");
    return 2;
  }
  const std::string shared = SharedDataDir(*a);
  const size_t max_errors = static_cast<size_t>(std::strtoul(a->Get("max-errors", "400").c_str(), nullptr, 10));

  auto gold = eval::LoadPlaceGold(a->Get("gold"));
  if (!gold.ok()) return Fail(gold.status());

  EngineOptions options;
  options.models_dir = a->Get("models");
  options.data_dir = a->Get("data");
  options.extract = true;  // places need actor mentions (context); events are not needed
  auto t_load = std::chrono::steady_clock::now();
  auto engine = Engine::Load(options);
  if (!engine.ok()) return Fail(engine.status());
  Engine::Scratch scratch(**engine);
  double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_load).count();

  auto t0 = std::chrono::steady_clock::now();
  int64_t drifted = 0;
  auto scores = eval::EvaluatePlaces(
      *gold, shared, split, [&](Document& doc) { return (*engine)->Analyze(doc, scratch); }, &drifted);
  if (!scores.ok()) return Fail(scores.status());
  double analyze_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  std::printf("gold %s, split %s\n%s", a->Get("gold").c_str(), split.c_str(),
              eval::FormatPlaceScores(*scores).c_str());
  if (drifted > 0) std::printf("%lld articles skipped: their source text changed (checksum)\n", static_cast<long long>(drifted));
  if (a->Has("errors")) {
    std::printf("\nerrors (MISS: gold place not found; FALSE: found, not a gold place; COUNTRY: wrong country)\n");
    size_t shown = 0;
    for (const eval::PlaceError& e : scores->errors) {
      if (shown++ >= max_errors) {
        std::printf("... %zu more\n", scores->errors.size() - max_errors);
        break;
      }
      const char* kind = e.kind == eval::PlaceError::kMiss ? "MISS" : e.kind == eval::PlaceError::kFalse ? "FALSE" : "COUNTRY";
      std::printf("%-7s %s  \"%s\"  gold %s  system %s %s\n", kind, e.where.c_str(), e.text.c_str(),
                  e.gold_country.empty() ? "-" : e.gold_country.c_str(),
                  e.system_country.empty() ? "-" : e.system_country.c_str(), e.system_name.c_str());
    }
  }
  std::fprintf(stderr, "engine loaded in %.2f s; articles analysed in %.2f s\n", load_s, analyze_s);
  return 0;
}

}  // namespace dyad::cli
