// Reading a whole file into memory: the one helper the table loaders, dictionaries and gold readers use,
// so every "cannot open" and "too large" reads the same.
#pragma once

#include <cstdio>
#include <string>

#include "dyad/status.h"

namespace dyad {

// The bytes of `path`. NotFound when it cannot be opened, TooLarge past max_bytes, IoError on a read
// failure.
inline Result<std::string> ReadWholeFile(const std::string& path, size_t max_bytes = size_t{1} << 30) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound(path + ": cannot open");
  std::string data;
  char buf[1 << 16];
  bool failed = false;
  while (true) {
    size_t n = std::fread(buf, 1, sizeof buf, f);
    data.append(buf, n);
    if (data.size() > max_bytes) {
      std::fclose(f);
      return Status::TooLarge(path + ": over " + std::to_string(max_bytes >> 20) + " MiB");
    }
    if (n < sizeof buf) {
      failed = std::ferror(f) != 0;
      break;
    }
  }
  std::fclose(f);
  if (failed) return Status::IoError(path + ": read failed");
  return data;
}

}  // namespace dyad
