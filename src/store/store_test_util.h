// Helpers shared by the store's tests: a fresh temporary store path.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace dyad::store::testing {

inline std::string FreshStorePath(const std::string& name) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("dyad_store_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path p = dir / name;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
  return p.string();
}

}  // namespace dyad::store::testing
