#include <cstdio>

#include "cli/commands.h"

namespace dyad::cli {

int ActorsCommand(int argc, char** argv) {
  std::fprintf(stderr, "dyad: 'actors' is not built yet\n");
  return 7;
}

}  // namespace dyad::cli
