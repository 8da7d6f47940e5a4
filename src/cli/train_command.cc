#include <cstdio>

#include "cli/commands.h"

namespace dyad::cli {

int TrainCommand(int argc, char** argv) {
  std::fprintf(stderr, "dyad train: not built yet\n");
  return 7;
}

}  // namespace dyad::cli
