#include <cstdio>

#include "cli/commands.h"

namespace dyad::cli {

int DictCommand(int argc, char** argv) {
  std::fprintf(stderr, "dyad: 'dict' is not built yet\n");
  return 7;
}

}  // namespace dyad::cli
