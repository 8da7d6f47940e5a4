#include "core/model_file.h"

#include <fstream>

namespace dyad {
namespace {

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'M', 'O', 'D', 'L'};

void PutU32(std::string& s, uint32_t v) { s.append(reinterpret_cast<const char*>(&v), sizeof v); }
void PutU64(std::string& s, uint64_t v) { s.append(reinterpret_cast<const char*>(&v), sizeof v); }
void PutStr(std::string& s, std::string_view v) {
  PutU32(s, static_cast<uint32_t>(v.size()));
  s.append(v);
}

// Reads the fixed header fields with bounds checks.
class HeaderCursor {
 public:
  explicit HeaderCursor(const std::string& b) : b_(b) {}
  bool U32(uint32_t* v) { return Raw(v, sizeof *v); }
  bool U64(uint64_t* v) { return Raw(v, sizeof *v); }
  bool Str(std::string* s) {
    uint32_t n;
    if (!U32(&n) || n > 4096 || n > b_.size() - pos_) return false;
    s->assign(b_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool Raw(void* p, size_t n) {
    if (n > b_.size() - pos_) return false;
    std::memcpy(p, b_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  size_t pos() const { return pos_; }

 private:
  const std::string& b_;
  size_t pos_ = 0;
};

}  // namespace

uint64_t ModelChecksum(const char* data, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, data + i, 8);
    h = (h ^ w) * 1099511628211ULL;
  }
  for (; i < n; ++i) h = (h ^ static_cast<unsigned char>(data[i])) * 1099511628211ULL;
  return h;
}

Status ModelWriter::WriteFile(const std::string& path) const {
  std::string head(kMagic, sizeof kMagic);
  PutU32(head, kContainerVersion);
  PutStr(head, header_.kind);
  PutU32(head, header_.format_version);
  PutStr(head, header_.training_data);
  PutStr(head, header_.feature_set);
  PutU64(head, payload_.size());
  std::string tail;
  PutU64(tail, ModelChecksum(payload_.data(), payload_.size()));
  // Write to a temporary name and rename, so a crash never leaves a half-written model in place.
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError("cannot write " + tmp);
    out.write(head.data(), static_cast<std::streamsize>(head.size()));
    out.write(payload_.data(), static_cast<std::streamsize>(payload_.size()));
    out.write(tail.data(), static_cast<std::streamsize>(tail.size()));
    if (!out) return Status::IoError("write failed: " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IoError("cannot rename " + tmp + " to " + path);
  return Status::Ok();
}

Result<ModelReader> ModelReader::Open(const std::string& path, std::string_view kind, uint32_t max_format_version) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::NotFound("cannot open model " + path);
  // One sized read: models are tens of MB and a growing stream copy costs more than the parse.
  std::streamoff size = in.tellg();
  if (size < 0) return Status::IoError("cannot size model " + path);
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return Status::IoError("cannot read model " + path);
  auto r = FromBytes(std::move(bytes), kind, max_format_version);
  if (!r.ok()) return Status(r.status().code(), path + ": " + r.status().message());
  return r;
}

Result<ModelReader> ModelReader::FromBytes(std::string bytes, std::string_view kind, uint32_t max_format_version) {
  ModelReader r;
  r.bytes_ = std::move(bytes);
  HeaderCursor c(r.bytes_);
  char magic[8];
  if (!c.Raw(magic, 8) || std::memcmp(magic, kMagic, 8) != 0) return Status::Corrupt("not a dyad model file");
  uint32_t container;
  if (!c.U32(&container)) return Status::Corrupt("truncated header");
  if (container > kContainerVersion)
    return Status::Unsupported("model container version " + std::to_string(container) +
                               " is newer than this dyad understands (" + std::to_string(kContainerVersion) + ")");
  uint64_t size;
  if (!c.Str(&r.header_.kind) || !c.U32(&r.header_.format_version) || !c.Str(&r.header_.training_data) ||
      !c.Str(&r.header_.feature_set) || !c.U64(&size))
    return Status::Corrupt("truncated header");
  if (r.header_.kind != kind)
    return Status::InvalidArgument("model holds a " + r.header_.kind + ", expected a " + std::string(kind));
  if (r.header_.format_version > max_format_version)
    return Status::Unsupported(std::string(kind) + " format version " + std::to_string(r.header_.format_version) +
                               " is newer than this dyad understands (" + std::to_string(max_format_version) + ")");
  size_t start = c.pos();
  if (size > r.bytes_.size() - start || r.bytes_.size() - start - size < 8)
    return Status::Corrupt("truncated model: payload shorter than its header says");
  uint64_t stored;
  std::memcpy(&stored, r.bytes_.data() + start + size, 8);
  if (stored != ModelChecksum(r.bytes_.data() + start, size)) return Status::Corrupt("model checksum mismatch");
  r.pos_ = start;
  r.end_ = start + size;
  return r;
}

bool ModelReader::Str(std::string* s, size_t max_len) {
  uint32_t n;
  if (!U32(&n) || n > max_len || n > Remaining()) return Fail();
  s->assign(bytes_.data() + pos_, n);
  pos_ += n;
  return true;
}

Status ModelReader::Finish() const {
  if (failed_) return Status::Corrupt("model payload is shorter than its contents need");
  if (pos_ != end_) return Status::Corrupt("model payload has " + std::to_string(end_ - pos_) + " unread bytes");
  return Status::Ok();
}

}  // namespace dyad
