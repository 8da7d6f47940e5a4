// Model files: the versioned container every trained artefact (tagger, parser, ...) is stored in.
//
// Layout (little-endian), DO NOT CHANGE without bumping kContainerVersion:
//   8 bytes  magic "DYADMODL"
//   u32      container version (kContainerVersion)
//   str      kind            ("tagger", "parser": what the payload is)
//   u32      format version  (the payload layout version of that kind)
//   str      training data   (e.g. "UD_English-EWT 2.x train")
//   str      feature set     (free text naming the feature templates)
//   u64      payload size
//   bytes    payload
//   u64      checksum of the payload (64-bit FNV-1a over 8-byte words)
// where str = u32 length + bytes. Loaders fail closed: wrong magic, newer container or format version,
// wrong kind, truncation, checksum mismatch are all errors (Corrupt / Unsupported), never a crash.
//
// ModelWriter builds the payload in memory; ModelReader reads a whole file and hands out the payload
// through a bounds-checked cursor (every read reports failure instead of running past the end).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad {

inline constexpr uint32_t kContainerVersion = 1;

struct ModelHeader {
  std::string kind;
  uint32_t format_version = 0;
  std::string training_data;
  std::string feature_set;
};

class ModelWriter {
 public:
  explicit ModelWriter(ModelHeader header) : header_(std::move(header)) {}
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    Raw(s.data(), s.size());
  }
  template <typename T>  // trivially copyable element arrays, prefixed with their count
  void Array(const std::vector<T>& v) {
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
  }
  void Raw(const void* p, size_t n) {
    const auto* b = static_cast<const char*>(p);
    payload_.insert(payload_.end(), b, b + n);
  }
  Status WriteFile(const std::string& path) const;

 private:
  ModelHeader header_;
  std::vector<char> payload_;
};

class ModelReader {
 public:
  // Reads and checks the whole file. kind must match; format_version must be <= max_format_version.
  static Result<ModelReader> Open(const std::string& path, std::string_view kind, uint32_t max_format_version);
  // Same, from bytes already in memory (used by tests and fuzzers).
  static Result<ModelReader> FromBytes(std::string bytes, std::string_view kind, uint32_t max_format_version);

  const ModelHeader& header() const { return header_; }

  // Cursor reads over the payload; each returns false (and sets failed()) when the payload is too short.
  bool U32(uint32_t* v) { return Raw(v, sizeof *v); }
  bool U64(uint64_t* v) { return Raw(v, sizeof *v); }
  bool F32(float* v) { return Raw(v, sizeof *v); }
  bool Str(std::string* s, size_t max_len = 1 << 20);
  template <typename T>
  bool Array(std::vector<T>* v, size_t max_count) {
    uint64_t n;
    if (!U64(&n) || n > max_count || n * sizeof(T) > Remaining()) return Fail();
    v->resize(n);
    return Raw(v->data(), n * sizeof(T));
  }
  bool Raw(void* p, size_t n) {
    if (n > Remaining()) return Fail();
    std::memcpy(p, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  size_t Remaining() const { return end_ - pos_; }
  bool failed() const { return failed_; }
  // Ok when every read succeeded and the whole payload was consumed.
  Status Finish() const;

 private:
  bool Fail() {
    failed_ = true;
    return false;
  }
  ModelHeader header_;
  std::string bytes_;
  size_t pos_ = 0, end_ = 0;
  bool failed_ = false;
};

uint64_t ModelChecksum(const char* data, size_t n);

}  // namespace dyad
