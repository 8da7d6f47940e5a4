#include "io/reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "core/utf8.h"
#include "io/conllu.h"
#include "io/html_reader.h"
#include "io/jsonl_reader.h"
#include "text/furniture.h"

namespace dyad {

std::optional<InputKind> InputKindFromName(std::string_view name) {
  if (name == "auto") return InputKind::kAuto;
  if (name == "text" || name == "txt") return InputKind::kText;
  if (name == "jsonl" || name == "json") return InputKind::kJsonl;
  if (name == "html") return InputKind::kHtml;
  if (name == "conllu") return InputKind::kConllu;
  return std::nullopt;
}

std::string_view InputKindName(InputKind kind) {
  switch (kind) {
    case InputKind::kAuto: return "auto";
    case InputKind::kText: return "text";
    case InputKind::kJsonl: return "jsonl";
    case InputKind::kHtml: return "html";
    case InputKind::kConllu: return "conllu";
  }
  return "auto";
}

InputKind InputKindFromPath(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return InputKind::kText;
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == "jsonl" || ext == "json" || ext == "ndjson") return InputKind::kJsonl;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputKind::kHtml;
  if (ext == "conllu") return InputKind::kConllu;
  return InputKind::kText;
}

Result<std::string> NormalizeDate(std::string_view s) {
  auto bad = [&] { return Status::InvalidInput("'" + std::string(s.substr(0, 40)) + "' is not a YYYY-MM-DD date"); };
  if (s.size() < 10) return bad();
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return bad();
  std::string_view d = s.substr(0, 10);
  for (size_t i = 0; i < 10; ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return bad();
  }
  int year = std::stoi(std::string(d.substr(0, 4)));
  int month = std::stoi(std::string(d.substr(5, 2)));
  int day = std::stoi(std::string(d.substr(8, 2)));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > kDays[month - 1] ||
      (month == 2 && day == 29 && !leap))
    return bad();
  return std::string(d);
}

std::string SanitizeText(std::string_view raw, std::vector<std::string>* warnings) {
  std::string out;
  size_t bad_bytes = 0;
  if (utf8::IsValid(raw)) out.assign(raw);
  else out = utf8::Repair(raw, &bad_bytes);
  size_t nuls = 0;
  for (char& c : out) {
    if (c == '\0') {
      c = ' ';
      ++nuls;
    }
  }
  if (warnings != nullptr) {
    if (bad_bytes > 0)
      warnings->push_back("replaced " + std::to_string(bad_bytes) + " invalid UTF-8 byte(s) with U+FFFD");
    if (nuls > 0) warnings->push_back("replaced " + std::to_string(nuls) + " NUL byte(s) with spaces");
  }
  return out;
}

Result<std::string> ReadFileBounded(const std::string& path, size_t max_bytes) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound("cannot open " + path + ": " + std::strerror(errno));
  std::string data;
  constexpr size_t kChunk = 1 << 16;
  bool too_large = false;
  bool read_error = false;
  while (true) {
    size_t old = data.size();
    data.resize(old + kChunk);
    size_t n = std::fread(data.data() + old, 1, kChunk, f);
    data.resize(old + n);
    if (data.size() > max_bytes) {
      too_large = true;
      break;
    }
    if (n < kChunk) {
      read_error = std::ferror(f) != 0;
      break;
    }
  }
  if (f != stdin) std::fclose(f);
  if (too_large) {
    if (f == stdin) {  // drain stdin so a writer on the other end of a pipe is not left blocked
      char sink[1 << 16];
      while (std::fread(sink, 1, sizeof sink, stdin) == sizeof sink) {}
    }
    return Status::TooLarge(path + " is larger than " + std::to_string(max_bytes) + " bytes");
  }
  if (read_error) return Status::IoError("read error in " + path);
  return data;
}

namespace {

std::string DisplayName(const std::string& path) { return path == "-" ? "stdin" : path; }

// One file that gives exactly one record (text, HTML, CoNLL-U).
class SingleFileReader : public RecordReader {
 public:
  SingleFileReader(std::string path, InputKind kind, const ReaderOptions& options)
      : path_(std::move(path)), kind_(kind), options_(options) {}

  bool Next(InputRecord* rec) override {
    *rec = InputRecord();
    if (done_) return false;
    done_ = true;
    rec->where = DisplayName(path_);
    auto data = ReadFileBounded(path_, options_.max_record_bytes);
    if (!data.ok()) {
      rec->status = data.status();
      return true;
    }
    DocumentMeta meta;
    meta.id = rec->where;
    meta.date = options_.default_date;
    switch (kind_) {
      case InputKind::kHtml: {
        auto article = ExtractHtmlArticle(*data);
        if (!article.ok()) {
          rec->status = article.status();
          return true;
        }
        for (auto& w : article->warnings) rec->warnings.push_back(std::move(w));
        meta.title = std::move(article->title);
        if (!article->date.empty()) meta.date = std::move(article->date);
        rec->doc = Document(std::move(article->text), std::move(meta));
        break;
      }
      case InputKind::kConllu: {
        // CoNLL-U is strict about UTF-8 (it is gold data); the reader reports rather than repairs.
        auto doc = ReadConllu(*data);
        if (!doc.ok()) {
          rec->status = doc.status();
          return true;
        }
        rec->doc = std::move(*doc);
        rec->doc.meta() = std::move(meta);
        rec->pretokenized = true;
        break;
      }
      default: {
        std::string text = SanitizeText(*data, &rec->warnings);
        meta.title = std::string(HeadlineCandidate(text));
        rec->doc = Document(std::move(text), std::move(meta));
        break;
      }
    }
    return true;
  }

 private:
  std::string path_;
  InputKind kind_;
  ReaderOptions options_;
  bool done_ = false;
};

// An error record for a path that could not be listed or opened.
class ErrorReader : public RecordReader {
 public:
  ErrorReader(std::string where, Status status) : where_(std::move(where)), status_(std::move(status)) {}
  bool Next(InputRecord* rec) override {
    *rec = InputRecord();
    if (done_) return false;
    done_ = true;
    rec->where = where_;
    rec->status = status_;
    return true;
  }

 private:
  std::string where_;
  Status status_;
  bool done_ = false;
};

struct Source {
  std::string path;
  Status error;  // non-ok: this source is an error record
};

bool IsHidden(const std::filesystem::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Expands directories into their regular, non-hidden files, sorted; other paths pass through.
std::vector<Source> ExpandPaths(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<Source> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-" || !fs::is_directory(p, ec)) {
      out.push_back({p, Status::Ok()});
      continue;
    }
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.push_back({p, Status::IoError("cannot list " + p + ": " + ec.message())});
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (IsHidden(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    if (ec) out.push_back({p, Status::IoError("cannot list " + p + ": " + ec.message())});
    std::sort(files.begin(), files.end());
    for (auto& f : files) out.push_back({std::move(f), Status::Ok()});
  }
  return out;
}

class MultiReader : public RecordReader {
 public:
  MultiReader(std::vector<Source> sources, const ReaderOptions& options)
      : sources_(std::move(sources)), options_(options) {}

  bool Next(InputRecord* rec) override {
    while (true) {
      if (current_ && current_->Next(rec)) {
        // Every reader's records pass here: an empty one is still a record (its id is kept, nothing
        // is lost), but the user hears that it had nothing to code.
        if (rec->status.ok() && rec->doc.text().find_first_not_of(" \t\r\n\f\v") == std::string::npos)
          rec->warnings.push_back("no text: the document is empty");
        return true;
      }
      if (next_ >= sources_.size()) {
        *rec = InputRecord();
        return false;
      }
      current_ = Open(sources_[next_++]);
    }
  }

 private:
  std::unique_ptr<RecordReader> Open(const Source& s) {
    if (!s.error.ok()) return std::make_unique<ErrorReader>(s.path, s.error);
    InputKind kind = options_.kind;
    if (kind == InputKind::kAuto) kind = s.path == "-" ? InputKind::kText : InputKindFromPath(s.path);
    if (kind == InputKind::kJsonl) return OpenJsonlReader(s.path, options_);
    return std::make_unique<SingleFileReader>(s.path, kind, options_);
  }

  std::vector<Source> sources_;
  ReaderOptions options_;
  size_t next_ = 0;
  std::unique_ptr<RecordReader> current_;
};

}  // namespace

std::unique_ptr<RecordReader> OpenReader(std::vector<std::string> paths, const ReaderOptions& options) {
  return std::make_unique<MultiReader>(ExpandPaths(paths), options);
}

}  // namespace dyad
