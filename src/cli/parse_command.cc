#include <cstdio>

#include "cli/commands.h"

namespace dyad::cli {

int ParseCommand(int argc, char** argv) {
  std::fprintf(stderr, "dyad parse: not built yet\n");
  return 7;
}

}  // namespace dyad::cli
