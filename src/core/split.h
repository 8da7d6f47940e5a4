// Splitting helpers for the project's line formats (TSV tables, CoNLL-U): one implementation, shared.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// "a\tb\t" -> {"a", "b", ""}: every separator makes a cell, so column counts are exact.
inline std::vector<std::string_view> SplitFields(std::string_view line, char sep = '\t') {
  std::vector<std::string_view> cells;
  size_t start = 0;
  while (true) {
    size_t at = line.find(sep, start);
    if (at == std::string_view::npos) {
      cells.push_back(line.substr(start));
      return cells;
    }
    cells.push_back(line.substr(start, at - start));
    start = at + 1;
  }
}

// List cells: "a|b|c" -> {a, b, c}; "" -> {}. Empty items are kept so checkers can point at them.
inline std::vector<std::string> SplitList(std::string_view cell, char sep = '|') {
  std::vector<std::string> items;
  if (cell.empty()) return items;
  for (std::string_view item : SplitFields(cell, sep)) items.emplace_back(item);
  return items;
}

inline bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

}  // namespace dyad
