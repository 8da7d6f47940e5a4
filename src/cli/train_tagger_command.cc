#include <cstdio>

#include "cli/commands.h"

namespace dyad::cli {

int TrainTaggerCommand(int argc, char** argv) {
  std::fprintf(stderr, "dyad: 'train tagger' is not built yet\n");
  return 7;
}

}  // namespace dyad::cli
