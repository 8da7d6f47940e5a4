#include <cstdio>
#include <string_view>

#include "cli/commands.h"

namespace dyad::cli {

int TrainCommand(int argc, char** argv) {
  std::string_view what = argc > 0 ? argv[0] : "";
  if (what == "tagger") return TrainTaggerCommand(argc - 1, argv + 1);
  if (what == "parser") return TrainParserCommand(argc - 1, argv + 1);
  std::fprintf(stderr, "usage: dyad train tagger|parser --train FILE.conllu --dev FILE.conllu -o MODEL\n");
  return 2;
}

}  // namespace dyad::cli
