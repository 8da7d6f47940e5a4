#include "io/jsonl_reader.h"

#include <cstring>
#include <exception>
#include <nlohmann/json.hpp>

namespace dyad {
namespace {

using json = nlohmann::json;

// The value a top-level field had, as far as a reader cares.
struct FieldValue {
  enum Type { kAbsent, kString, kNumber, kBool, kNull, kObject, kArray } type = kAbsent;
  std::string text;  // string contents, or the number as written
};

std::string_view TypeName(FieldValue::Type t) {
  switch (t) {
    case FieldValue::kAbsent: return "absent";
    case FieldValue::kString: return "a string";
    case FieldValue::kNumber: return "a number";
    case FieldValue::kBool: return "a boolean";
    case FieldValue::kNull: return "null";
    case FieldValue::kObject: return "an object";
    case FieldValue::kArray: return "an array";
  }
  return "?";
}

// SAX handler that keeps only the top-level fields we were asked for. Nested objects and arrays are
// skipped by counting depth, so no tree is built and nothing recurses on the input's structure.
class FieldCollector : public nlohmann::json_sax<json> {
 public:
  explicit FieldCollector(const JsonlFields& f) : names_{&f.id, &f.text, &f.date, &f.title, &f.url, &f.source} {}

  static constexpr int kId = 0, kText = 1, kDate = 2, kTitle = 3, kUrl = 4, kSource = 5, kCount = 6;
  FieldValue values[kCount];
  bool top_is_object = false;
  bool saw_value = false;
  std::string error;

  bool null() override { return Set(FieldValue::kNull, {}); }
  bool boolean(bool v) override { return Set(FieldValue::kBool, v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return Set(FieldValue::kNumber, std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Set(FieldValue::kNumber, std::to_string(v)); }
  bool number_float(number_float_t, const string_t& s) override { return Set(FieldValue::kNumber, s); }
  bool string(string_t& v) override { return Set(FieldValue::kString, std::move(v)); }
  bool binary(binary_t&) override { return Set(FieldValue::kNull, {}); }
  bool start_object(std::size_t) override {
    if (depth_ == 0) {
      top_is_object = true;
      saw_value = true;
    } else {
      Set(FieldValue::kObject, {});
    }
    ++depth_;
    return true;
  }
  bool end_object() override { --depth_; return true; }
  bool start_array(std::size_t) override {
    if (depth_ == 0) saw_value = true;
    else Set(FieldValue::kArray, {});
    ++depth_;
    return true;
  }
  bool end_array() override { --depth_; return true; }
  bool key(string_t& k) override {
    if (depth_ == 1) {
      current_ = -1;
      for (int i = 0; i < kCount; ++i)
        if (*names_[i] == k) current_ = i;
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    error = ex.what();
    return false;
  }

 private:
  bool Set(FieldValue::Type t, std::string v) {
    if (depth_ == 0) saw_value = true;
    if (depth_ == 1 && current_ >= 0) {
      values[current_].type = t;
      values[current_].text = std::move(v);
      current_ = -1;
    }
    return true;
  }

  const std::string* names_[kCount];
  int depth_ = 0;
  int current_ = -1;
};

// nlohmann's messages start with "[json.exception.parse_error.101] "; drop that, and keep the reason
// short (the "last read" part can quote a whole long token).
std::string ShortReason(std::string what) {
  if (!what.empty() && what[0] == '[') {
    size_t close = what.find("] ");
    if (close != std::string::npos) what.erase(0, close + 2);
  }
  constexpr size_t kMax = 200;
  if (what.size() > kMax) {
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    what.resize(cut);
    what += "...";
  }
  return what;
}

}  // namespace

void ParseJsonlLine(std::string_view raw_line, const JsonlFields& fields, const std::string& default_date,
                    InputRecord* rec) {
  // Repair first so that one stray byte does not make the whole line unparseable.
  std::string line = SanitizeText(raw_line, &rec->warnings);
  FieldCollector c(fields);
  bool parsed = false;
  try {
    parsed = json::sax_parse(line.data(), line.data() + line.size(), &c, json::input_format_t::json, true);
  } catch (const std::exception& e) {  // the adapter boundary: nothing escapes
    c.error = e.what();
    parsed = false;
  }
  if (!parsed) {
    rec->status = Status::InvalidInput("invalid JSON: " + ShortReason(c.error.empty() ? "parse failed" : c.error));
    return;
  }
  if (!c.top_is_object) {
    rec->status = Status::InvalidInput("expected a JSON object");
    return;
  }
  DocumentMeta meta;
  const FieldValue& id = c.values[FieldCollector::kId];
  if (id.type == FieldValue::kString || id.type == FieldValue::kNumber) {
    meta.id = SanitizeText(id.text, &rec->warnings);
  } else if (id.type != FieldValue::kAbsent && id.type != FieldValue::kNull) {
    rec->warnings.push_back("field '" + fields.id + "' is " + std::string(TypeName(id.type)) + "; ignored");
  }
  const FieldValue& text = c.values[FieldCollector::kText];
  if (text.type == FieldValue::kAbsent || text.type == FieldValue::kNull) {
    rec->doc = Document(std::string(), std::move(meta));
    rec->status = Status::InvalidInput("missing field '" + fields.text + "'");
    return;
  }
  if (text.type != FieldValue::kString) {
    rec->doc = Document(std::string(), std::move(meta));
    rec->status = Status::InvalidInput("field '" + fields.text + "' is " + std::string(TypeName(text.type)) +
                                       ", expected a string");
    return;
  }
  auto optional_string = [&](int index, const std::string& name, std::string* out) {
    const FieldValue& v = c.values[index];
    if (v.type == FieldValue::kString) *out = SanitizeText(v.text, &rec->warnings);
    else if (v.type != FieldValue::kAbsent && v.type != FieldValue::kNull)
      rec->warnings.push_back("field '" + name + "' is " + std::string(TypeName(v.type)) + "; ignored");
  };
  optional_string(FieldCollector::kTitle, fields.title, &meta.title);
  optional_string(FieldCollector::kUrl, fields.url, &meta.url);
  optional_string(FieldCollector::kSource, fields.source, &meta.source);
  std::string date;
  optional_string(FieldCollector::kDate, fields.date, &date);
  if (!date.empty()) {
    auto d = NormalizeDate(date);
    if (d.ok()) meta.date = *d;
    else rec->warnings.push_back("field '" + fields.date + "': " + d.status().message() + "; ignored");
  }
  if (meta.date.empty()) meta.date = default_date;
  rec->doc = Document(SanitizeText(text.text, &rec->warnings), std::move(meta));
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  constexpr size_t kChunk = 1 << 16;
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  size_t n = std::fread(buf_.data() + old, 1, kChunk, file_);
  buf_.resize(old + n);
  if (n < kChunk) {
    eof_ = true;
    if (std::ferror(file_)) error_ = true;
  }
  return n > 0;
}

bool LineReader::Next(std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  size_t scanned = pos_;  // bytes of the buffer already searched for '\n'
  while (true) {
    const char* start = buf_.data() + scanned;
    const void* nl = std::memchr(start, '\n', buf_.size() - scanned);
    if (nl != nullptr) {
      size_t end = static_cast<size_t>(static_cast<const char*>(nl) - buf_.data());
      if (!*too_long) {
        if (end - pos_ > max_bytes_) *too_long = true;
        else line->assign(buf_, pos_, end - pos_);
      }
      pos_ = end + 1;
      break;
    }
    // No newline yet: keep at most max_bytes of this line; past that, drop what we have and skip on.
    if (buf_.size() - pos_ > max_bytes_) {
      *too_long = true;
      buf_.clear();
      pos_ = 0;
      scanned = 0;
    } else {
      scanned = buf_.size();
    }
    size_t before_fill = pos_;
    if (!Fill()) {  // end of input: the last line has no newline
      if (buf_.size() == pos_ && !*too_long) return false;
      if (!*too_long) line->assign(buf_, pos_, std::string::npos);
      pos_ = buf_.size();
      break;
    }
    scanned -= before_fill;  // Fill() moved the unread bytes to the front
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

namespace {

class JsonlReader : public RecordReader {
 public:
  JsonlReader(std::string path, const ReaderOptions& options) : path_(std::move(path)), options_(options) {}
  ~JsonlReader() override {
    if (file_ != nullptr && file_ != stdin) std::fclose(file_);
  }

  bool Next(InputRecord* rec) override {
    *rec = InputRecord();
    if (done_) return false;
    if (!opened_) {
      opened_ = true;
      file_ = path_ == "-" ? stdin : std::fopen(path_.c_str(), "rb");
      if (file_ == nullptr) {
        done_ = true;
        rec->where = path_;
        rec->status = Status::NotFound("cannot open " + path_ + ": " + std::strerror(errno));
        return true;
      }
      lines_ = std::make_unique<LineReader>(file_, options_.max_record_bytes);
    }
    std::string line;
    bool too_long = false;
    while (lines_->Next(&line, &too_long)) {
      ++line_no_;
      rec->where = (path_ == "-" ? std::string("stdin") : path_) + ":" + std::to_string(line_no_);
      if (too_long) {
        rec->status = Status::TooLarge("line longer than " + std::to_string(options_.max_record_bytes) + " bytes");
        return true;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank: not a record
      ParseJsonlLine(line, options_.fields, options_.default_date, rec);
      if (rec->doc.meta().id.empty()) rec->doc.meta().id = rec->where;
      return true;
    }
    done_ = true;
    if (lines_->error()) {
      rec->where = path_;
      rec->status = Status::IoError("read error in " + path_ + " after line " + std::to_string(line_no_));
      return true;
    }
    return false;
  }

 private:
  std::string path_;
  ReaderOptions options_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<LineReader> lines_;
  size_t line_no_ = 0;
  bool opened_ = false;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> OpenJsonlReader(const std::string& path, const ReaderOptions& options) {
  return std::make_unique<JsonlReader>(path, options);
}

}  // namespace dyad
