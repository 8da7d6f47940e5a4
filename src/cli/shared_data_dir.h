// Where the commands that score against the shared data (`dyad eval events`, `dyad eval places`) find
// it: --shared DIR, else $DYAD_SHARED_DATA, else ../shared/data from the working folder, else the one
// beside the source tree.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli/args.h"

namespace dyad::cli {

inline std::string SharedDataDir(const Args& args) {
  if (args.Has("shared")) return args.Get("shared");
  if (const char* env = std::getenv("DYAD_SHARED_DATA"); env != nullptr && *env != '\0') return env;
  if (std::filesystem::exists("../shared/data")) return "../shared/data";
  return std::string(DYAD_SOURCE_DIR) + "/../shared/data";
}

}  // namespace dyad::cli
