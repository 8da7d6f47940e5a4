#include <cstdio>

#include "cli/commands.h"

namespace dyad::cli {

int TrainParserCommand(int argc, char** argv) {
  std::fprintf(stderr, "dyad: 'train parser' is not built yet\n");
  return 7;
}

}  // namespace dyad::cli
