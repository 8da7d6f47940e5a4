#include <cstdio>
#include <string_view>

#include "cli/commands.h"

namespace dyad::cli {

int EvalCommand(int argc, char** argv) {
  std::string_view what = argc > 0 ? argv[0] : "";
  if (what == "tokenize") return EvalTokenizeCommand(argc - 1, argv + 1);
  if (what == "parse") return EvalParseCommand(argc - 1, argv + 1);
  std::fprintf(stderr, "usage: dyad eval tokenize|parse --gold FILE.conllu [--raw]\n");
  return 2;
}

}  // namespace dyad::cli
