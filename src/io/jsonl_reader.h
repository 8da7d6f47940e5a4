// JSON lines input: one JSON object per line, {"id","text","date","title","url","source"} by default
// (names configurable through JsonlFields). Unknown fields are ignored, nested values are skipped
// without building a tree, and a line that is not a JSON object with a string text field becomes an
// error record naming its line; the stream goes on with the next line. Blank lines are not records.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "io/reader.h"

namespace dyad {

// Parses one line (without its newline) into rec->doc, or sets rec->status to the reason it cannot.
// rec->where names the line for messages; default_date is used when the record has no valid date.
// Never throws; linear in the line length.
void ParseJsonlLine(std::string_view line, const JsonlFields& fields, const std::string& default_date,
                    InputRecord* rec);

// Splits a FILE into lines without holding more than max_bytes of one line in memory.
class LineReader {
 public:
  LineReader(std::FILE* file, size_t max_bytes) : file_(file), max_bytes_(max_bytes) {}
  // Next line without its '\n' (and without a trailing '\r'). *too_long is set when the line was
  // longer than max_bytes: then *line is empty and the rest of that line was skipped. false at EOF.
  bool Next(std::string* line, bool* too_long);
  bool error() const { return error_; }

 private:
  bool Fill();
  std::FILE* file_;
  size_t max_bytes_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  bool error_ = false;
};

// A reader over one JSONL file (or stdin for "-"). Records are "<path>:<line>".
std::unique_ptr<RecordReader> OpenJsonlReader(const std::string& path, const ReaderOptions& options);

}  // namespace dyad
