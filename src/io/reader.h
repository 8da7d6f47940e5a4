// Readers: turn input files (plain text, JSON lines, HTML, CoNLL-U, directories of them, stdin) into
// a stream of records. Each record is either a Document (text + metadata) or an error (where, code,
// reason): the CLI loops over records without knowing the input kind, and one bad record never stops
// the stream. See src/io/README.md for the bad-input behaviours (invalid UTF-8, NUL bytes, size bound).
//
// Thread-safety: a RecordReader is used by one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

// The largest document (and the largest JSON line, HTML or CoNLL-U file) a reader accepts: 64 MiB.
// A bigger record becomes a kTooLarge error record; the reader skips it without buffering it whole.
inline constexpr size_t kMaxRecordBytes = size_t{64} << 20;

enum class InputKind { kAuto, kText, kJsonl, kHtml, kConllu };

// "text", "jsonl", "html", "conllu" -> kind; nullopt when unknown. ("auto" -> kAuto.)
std::optional<InputKind> InputKindFromName(std::string_view name);
std::string_view InputKindName(InputKind kind);
// Kind from a file name's extension: .txt .jsonl .json .html .htm .conllu; kText otherwise.
InputKind InputKindFromPath(std::string_view path);

// Names of the JSON fields a JSONL record is read from. Unknown fields are ignored.
struct JsonlFields {
  std::string id = "id";
  std::string text = "text";
  std::string date = "date";
  std::string title = "title";
  std::string url = "url";
  std::string source = "source";
};

struct ReaderOptions {
  InputKind kind = InputKind::kAuto;  // kAuto: by extension (stdin: text)
  JsonlFields fields;
  std::string default_date;           // YYYY-MM-DD used when a record has no date; empty = none
  size_t max_record_bytes = kMaxRecordBytes;
};

// One unit of the record stream.
struct InputRecord {
  std::string where;                  // "news.jsonl:12", "page.html", "stdin": for diagnostics
  Status status;                      // ok: doc holds the record; otherwise an error record
  Document doc;
  std::vector<std::string> warnings;  // repairs made (invalid UTF-8, NUL bytes, bad date ...)
  bool pretokenized = false;          // CoNLL-U: tokens and sentences already filled

  // The id to report: the document id when known, else where.
  const std::string& id() const { return doc.meta().id.empty() ? where : doc.meta().id; }
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Fills *rec with the next record (resetting it first); false when the input is exhausted.
  virtual bool Next(InputRecord* rec) = 0;
};

// A reader over the given paths in order ("-" is stdin; a directory is every regular, non-hidden file
// under it, recursively, sorted by path). A path that cannot be opened yields one kNotFound error record.
std::unique_ptr<RecordReader> OpenReader(std::vector<std::string> paths, const ReaderOptions& options);

// Validates a YYYY-MM-DD calendar date (years 1000-9999). An ISO timestamp ("2022-07-18T10:00:00Z")
// is accepted and cut to its date. Returns the date, or InvalidInput.
Result<std::string> NormalizeDate(std::string_view s);

// What every reader does to text before it becomes a Document: invalid UTF-8 bytes are replaced by
// U+FFFD, NUL bytes by spaces (one byte for one byte, so offsets do not move), and a warning is added
// for each kind of repair. Returns the repaired text.
std::string SanitizeText(std::string_view raw, std::vector<std::string>* warnings);

// Reads a whole file (or stdin for "-"), refusing more than max_bytes (kTooLarge; the rest is not read
// into memory).
Result<std::string> ReadFileBounded(const std::string& path, size_t max_bytes);

}  // namespace dyad
