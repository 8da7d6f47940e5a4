#include <cstdio>

#include "cli/commands.h"

namespace dyad::cli {

int EvalCommand(int argc, char** argv) {
  std::fprintf(stderr, "dyad eval: not built yet\n");
  return 7;
}

}  // namespace dyad::cli
