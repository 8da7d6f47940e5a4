#include <cstdio>
#include <string_view>

#include "cli/commands.h"

// dyad eval KIND: dispatch to the scorers, one file each (eval_*_command.cc).
namespace dyad::cli {

int EvalCommand(int argc, char** argv) {
  std::string_view what = argc > 0 ? argv[0] : "";
  if (what == "tokenize") return EvalTokenizeCommand(argc - 1, argv + 1);
  if (what == "parse") return EvalParseCommand(argc - 1, argv + 1);
  if (what == "timex") return EvalTimexCommand(argc - 1, argv + 1);
  if (what == "amounts") return EvalAmountsCommand(argc - 1, argv + 1);
  if (what == "quotes") return EvalQuotesCommand(argc - 1, argv + 1);
  if (what == "ner") return EvalNerCommand(argc - 1, argv + 1);
  if (what == "events") return EvalEventsCommand(argc - 1, argv + 1);
  if (what == "places") return EvalPlacesCommand(argc - 1, argv + 1);
  std::fprintf(stderr,
               "usage: dyad eval tokenize|parse --gold FILE.conllu [--raw]\n"
               "       dyad eval events --gold eval/events/dev_gold.tsv [--errors]\n"
               "       dyad eval places --gold eval/places/gold.tsv [--split dev|test|test2|all] [--errors]\n"
               "       dyad eval timex|amounts|quotes --gold DIR\n"
               "       dyad eval ner --gold FILE\n"
               "Run 'dyad eval KIND --help' for a kind's options.\n");
  return 2;
}

}  // namespace dyad::cli
