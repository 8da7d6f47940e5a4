// dyad eval amounts --gold DIR [--errors N] [--models DIR]
//
// Scores amounts against re3d (DIR = ../shared/data/ner/re3d): gold spans are its Money and
// Quantity entities, system spans all amounts (after the tagger and the timex stage, which keeps
// dates and durations out). Prints precision/recall/F1 with relaxed (overlap) and strict (same
// extent) matching, and recall per gold type. --errors N prints up to N misses and false alarms to
// stderr. The work is in extract/amounts_re3d.h.
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "dyad/engine.h"
#include "extract/amounts.h"
#include "extract/amounts_re3d.h"
#include "extract/timex.h"

namespace dyad::cli {
namespace {

constexpr const char* kHelp =
    "usage: dyad eval amounts --gold DIR [--errors N] [--models DIR]\n"
    "Scores amounts against re3d Money/Quantity entities (DIR: ../shared/data/ner/re3d).\n";

int Fail(const std::string& what, const Status& s) {
  std::fprintf(stderr, "dyad eval amounts: %s: %s\n", what.c_str(), s.ToString().c_str());
  return static_cast<int>(s.code());
}

}  // namespace

int EvalAmountsCommand(int argc, char** argv) {
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
  options.parse = false;
  auto engine = Engine::Load(options);
  if (!engine.ok()) return Fail("loading models", engine.status());
  Engine::Scratch scratch(**engine);
  auto timex = MakeTimexStage();
  auto amounts = MakeAmountStage();
  auto analyze = [&](Document& doc) -> Status {
    DYAD_RETURN_IF_ERROR((*engine)->Analyze(doc, scratch));
    DYAD_RETURN_IF_ERROR(timex->Process(doc, nullptr));
    return amounts->Process(doc, nullptr);
  };
  auto r = extract::EvaluateRe3d(a->Get("gold"), analyze, max_errors);
  if (!r.ok()) return Fail(a->Get("gold"), r.status());
  for (const std::string& line : r->differences) std::fprintf(stderr, "%s\n", line.c_str());
  std::printf("documents %zu, gold Money+Quantity %zu, system amounts %zu\n", r->documents, r->gold, r->system);
  std::printf("%-10s %9s %9s %9s\n", "Match", "Precision", "Recall", "F1");
  for (bool strict : {false, true})
    std::printf("%-10s %9.2f %9.2f %9.2f\n", strict ? "strict" : "relaxed", 100 * r->Precision(strict),
                100 * r->Recall(strict), 100 * r->F1(strict));
  for (const auto& [type, t] : r->recall_by_type)
    std::printf("recall %-9s %6.2f (%zu of %zu)\n", type.c_str(),
                t.second ? 100.0 * static_cast<double>(t.first) / static_cast<double>(t.second) : 0.0, t.first, t.second);
  return 0;
}

}  // namespace dyad::cli
