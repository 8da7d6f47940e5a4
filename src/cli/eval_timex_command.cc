// dyad eval timex --gold DIR [--errors N] [--models DIR]
//
// Scores time expressions against TimeML gold (TempEval-3 .tml files, e.g. te3-platinum): each
// file's <TEXT> becomes a Document dated by its creation time (DCT), the text stage and tagger run,
// then the timex stage. Prints detection precision/recall/F1 (relaxed = overlap, strict = same
// extent), value accuracy on the relaxed matches, and TempEval-3's value F1. --errors N prints up
// to N misses, false alarms and wrong values to stderr. The work is in extract/timex_timeml.h.
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "dyad/engine.h"
#include "extract/timex.h"
#include "extract/timex_timeml.h"

namespace dyad::cli {
namespace {

constexpr const char* kHelp =
    "usage: dyad eval timex --gold DIR|FILE.tml [--errors N] [--models DIR]\n"
    "Scores TIMEX3 detection (relaxed and strict F1) and value accuracy against TimeML gold\n"
    "(TempEval-3 platinum: ../shared/data/temporal/TempEval3/te3-platinum). The DCT is the article date.\n";

int Fail(const std::string& what, const Status& s) {
  std::fprintf(stderr, "dyad eval timex: %s: %s\n", what.c_str(), s.ToString().c_str());
  return static_cast<int>(s.code());
}

double Pct(size_t n, size_t d) { return d ? 100.0 * static_cast<double>(n) / static_cast<double>(d) : 0.0; }

}  // namespace

int EvalTimexCommand(int argc, char** argv) {
  auto a = Args::Parse(argc, argv, {"gold", "errors", "models"}, {"help"});
  if (!a.ok() || a->Has("help") || !a->Has("gold")) {
    std::fprintf(a.ok() && a->Has("help") ? stdout : stderr, "%s", kHelp);
    return a.ok() && a->Has("help") ? 0 : 2;
  }
  auto errors = a->GetCount("errors", 0);
  if (!errors.ok()) {
    std::fprintf(stderr, "dyad eval: %s\n%s", errors.status().message().c_str(), kHelp);
    return 2;
  }
  const size_t max_errors = *errors;
  EngineOptions options;
  options.models_dir = a->Get("models");
  options.parse = false;  // the timex rules need tags, not the parse
  auto engine = Engine::Load(options);
  if (!engine.ok()) return Fail("loading models", engine.status());
  Engine::Scratch scratch(**engine);
  auto stage = MakeTimexStage();
  auto analyze = [&](Document& doc) -> Status {
    DYAD_RETURN_IF_ERROR((*engine)->Analyze(doc, scratch));
    return stage->Process(doc, nullptr);
  };
  auto result = extract::EvaluateTimeMl(a->Get("gold"), analyze, max_errors);
  if (!result.ok()) return Fail(a->Get("gold"), result.status());
  for (const std::string& line : result->differences) std::fprintf(stderr, "%s\n", line.c_str());
  const extract::TimexScores& t = result->scores;
  std::printf("documents %zu, gold timexes %zu, system timexes %zu\n", result->documents, t.gold, t.system);
  std::printf("%-22s %9s %9s %9s\n", "Metric", "Precision", "Recall", "F1");
  std::printf("%-22s %9.2f %9.2f %9.2f\n", "Detection (relaxed)", Pct(t.relaxed, t.system), Pct(t.relaxed, t.gold),
              100.0 * t.RelaxedF1());
  std::printf("%-22s %9.2f %9.2f %9.2f\n", "Detection (strict)", Pct(t.strict, t.system), Pct(t.strict, t.gold),
              100.0 * t.StrictF1());
  std::printf("%-22s %9.2f %9.2f %9.2f\n", "Value (TempEval-3)", Pct(t.value_right, t.system),
              Pct(t.value_right, t.gold), 100.0 * t.ValueF1());
  std::printf("Value accuracy on relaxed matches: %.2f (%zu of %zu)\n", 100.0 * t.ValueAccuracy(), t.value_right,
              t.relaxed);
  std::printf("Type accuracy on relaxed matches:  %.2f\n", Pct(t.type_right, t.relaxed));
  return 0;
}

}  // namespace dyad::cli
