// Buffered command output (stdout or -o FILE) that remembers whether any write failed, so a full disk
// is reported and gives a non-zero exit instead of a silently short file.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "dyad/status.h"

namespace dyad::cli {

class Output {
 public:
  explicit Output(std::FILE* f) : f_(f) {}
  // "" or "-" is stdout.
  static Result<std::FILE*> Open(const std::string& path) {
    if (path.empty() || path == "-") return stdout;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return Status::IoError("cannot write " + path + ": " + std::strerror(errno));
    return f;
  }
  std::string& buffer() { return buf_; }
  void MaybeFlush() {
    if (buf_.size() >= (1u << 20)) Flush();
  }
  void Flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) failed_ = true;
    buf_.clear();
  }
  bool Close() {
    Flush();
    if (std::fflush(f_) != 0) failed_ = true;
    if (f_ != stdout && std::fclose(f_) != 0) failed_ = true;
    return !failed_;
  }
  bool failed() const { return failed_; }

 private:
  std::FILE* f_;
  std::string buf_;
  bool failed_ = false;
};

}  // namespace dyad::cli
