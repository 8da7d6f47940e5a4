#include <cstdio>

#include "cli/commands.h"

namespace dyad::cli {

int EvalTokenizeCommand(int argc, char** argv) {
  std::fprintf(stderr, "dyad: 'eval tokenize' is not built yet\n");
  return 7;
}

}  // namespace dyad::cli
