#include <cstdio>

#include "cli/commands.h"

namespace dyad::cli {

int EvalParseCommand(int argc, char** argv) {
  std::fprintf(stderr, "dyad: 'eval parse' is not built yet\n");
  return 7;
}

}  // namespace dyad::cli
