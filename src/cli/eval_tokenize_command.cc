// dyad eval tokenize --gold FILE.conllu [--errors N]
//
// Rebuilds running raw text from the gold file (sentence texts joined by a space, a blank line at
// # newpar / # newdoc), runs the text stage on it, and prints Tokens / Words / Sentences precision,
// recall and F1 (CoNLL 2018 style, see src/eval/ud_eval.h). --errors N also prints up to N token and
// sentence differences to stderr, for developing the tokeniser.
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "eval/ud_eval.h"
#include "io/conllu.h"
#include "text/text_stage.h"

namespace dyad::cli {

int EvalTokenizeCommand(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, {"gold", "errors"}, {});
  if (!args.ok() || !args->Has("gold")) {
    std::fprintf(stderr, "%s\nusage: dyad eval tokenize --gold FILE.conllu [--errors N]\n",
                 args.ok() ? "missing --gold" : args.status().ToString().c_str());
    return 2;
  }
  std::string path = args->Get("gold");
  auto gold = ReadConlluFile(path);
  if (!gold.ok()) {
    std::fprintf(stderr, "dyad eval tokenize: %s: %s\n", path.c_str(), gold.status().ToString().c_str());
    return static_cast<int>(gold.status().code());
  }
  Document system(eval::RunningTextFromGold(*gold));
  auto stage = MakeTextStage();
  auto scratch = stage->NewScratch();
  if (Status st = stage->Process(system, scratch.get()); !st.ok()) {
    std::fprintf(stderr, "dyad eval tokenize: %s\n", st.ToString().c_str());
    return static_cast<int>(st.code());
  }
  auto scores = eval::EvaluateTokenization(*gold, system);
  if (!scores.ok()) {
    std::fprintf(stderr, "dyad eval tokenize: %s\n", scores.status().ToString().c_str());
    return static_cast<int>(scores.status().code());
  }
  std::printf("%-10s %9s %9s %9s %8s %8s\n", "Metric", "Precision", "Recall", "F1", "Gold", "System");
  auto row = [](const char* name, const eval::Prf& p) {
    std::printf("%-10s %9.2f %9.2f %9.2f %8zu %8zu\n", name, p.Precision(), p.Recall(), p.F1(), p.gold, p.system);
  };
  row("Tokens", scores->tokens);
  row("Words", scores->words);
  row("Sentences", scores->sentences);
  if (args->Has("errors")) {
    auto n = args->GetCount("errors", 0);
    if (!n.ok()) {
      std::fprintf(stderr, "dyad eval tokenize: %s\n", n.status().message().c_str());
      return 2;
    }
    for (const std::string& line : eval::DescribeDifferences(*gold, system, *n))
      std::fprintf(stderr, "%s\n", line.c_str());
  }
  return 0;
}

}  // namespace dyad::cli
