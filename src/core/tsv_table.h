// The one walker over the project's TSV tables (data/README.md): UTF-8 checked, optional byte-order
// mark, '#' comment lines and blank lines skipped, one header line that must match, then one callback
// per data row. Every loader of data/ tables uses it, so the format rules live in one place.
#pragma once

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/split.h"
#include "core/utf8.h"
#include "dyad/status.h"

namespace dyad {

// "file:line: message" as kInvalidInput: how every table error names its row.
inline Status TableLineError(std::string_view file, int line, std::string_view message) {
  std::string m(file);
  m += ':';
  m += std::to_string(line);
  m += ": ";
  m += message;
  return Status::InvalidInput(std::move(m));
}

struct TsvTableOptions {
  // Rows may leave off trailing columns down to this many (0: every row has all header columns).
  size_t min_columns = 0;
  // Reject cells with leading or trailing spaces (they silently break lookups).
  bool reject_stray_spaces = false;
};

// Walks `text`: calls on_comment(line_text) for each '#' line and on_row(cells, line_no) -> Status for
// each data row (cells.size() between min_columns and the header size). Returns the number of data rows,
// or the first error ("file:line: ...").
template <typename OnRow, typename OnComment>
Result<int> WalkTsvTable(std::string_view text, std::string_view file, std::initializer_list<std::string_view> header,
                         const TsvTableOptions& options, OnRow&& on_row, OnComment&& on_comment) {
  if (size_t bad = utf8::FirstInvalid(text); bad != std::string_view::npos) {
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + bad, '\n'));
    return TableLineError(file, line, "invalid UTF-8");
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  const size_t min_columns = options.min_columns == 0 ? header.size() : options.min_columns;
  bool seen_header = false;
  int rows = 0;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() == '#') {
      on_comment(line);
      continue;
    }
    if (IsBlank(line)) continue;

    std::vector<std::string_view> cells = SplitFields(line);
    if (!seen_header) {
      bool same = cells.size() == header.size() && std::equal(cells.begin(), cells.end(), header.begin());
      if (!same) {
        std::string want;
        for (std::string_view n : header) want += (want.empty() ? "" : "\\t") + std::string(n);
        return TableLineError(file, line_no, "header must be '" + want + "'");
      }
      seen_header = true;
      continue;
    }
    if (cells.size() < min_columns || cells.size() > header.size()) {
      return TableLineError(file, line_no,
                            "expected " + std::to_string(header.size()) + " tab-separated columns, found " +
                                std::to_string(cells.size()));
    }
    if (options.reject_stray_spaces) {
      for (size_t i = 0; i < cells.size(); ++i) {
        const std::string_view c = cells[i];
        if (!c.empty() && (std::isspace(static_cast<unsigned char>(c.front())) ||
                           std::isspace(static_cast<unsigned char>(c.back())))) {
          return TableLineError(file, line_no,
                                "column '" + std::string(*(header.begin() + i)) + "' has leading or trailing spaces");
        }
      }
    }
    cells.resize(header.size());  // absent optional columns read as empty
    if (Status s = on_row(cells, line_no); !s.ok()) return s;
    ++rows;
  }
  if (!seen_header) return TableLineError(file, line_no == 0 ? 1 : line_no, "no header line");
  return rows;
}

template <typename OnRow>
Result<int> WalkTsvTable(std::string_view text, std::string_view file, std::initializer_list<std::string_view> header,
                         const TsvTableOptions& options, OnRow&& on_row) {
  return WalkTsvTable(text, file, header, options, std::forward<OnRow>(on_row), [](std::string_view) {});
}

}  // namespace dyad
