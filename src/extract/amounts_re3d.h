// re3d (dstl/re3d) gold reading and amount scoring, for `dyad eval amounts` and the data test.
//
// re3d ships one folder per source with documents.json and entities.json (mongoexport: one JSON
// object per line). Entity offsets count UTF-16 code units into the document text; they are mapped
// to byte offsets here. Gold spans are the Money and Quantity entities (exact duplicates dropped).
//
// Scoring: a gold and a system span match "relaxed" when they overlap and "strict" when they have
// the same extent; each span matches at most once (earliest first).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::extract {

struct AmountEvaluation {
  size_t documents = 0, gold = 0, system = 0, relaxed = 0, strict = 0;
  std::map<std::string, std::pair<size_t, size_t>> recall_by_type;  // "Money" → (found, gold)
  std::vector<std::string> differences;  // "miss|false\tTYPE\t[span]\tcontext", at most max_differences
  double Precision(bool strict_match) const;
  double Recall(bool strict_match) const;
  double F1(bool strict_match) const;
};

// Byte offset of every UTF-16 code unit position in text (size: code units + 1).
std::vector<size_t> Utf16ToByteOffsets(const std::string& text);

// root: the re3d folder (or its original/ subfolder). analyze must fill the document's amount layer.
Result<AmountEvaluation> EvaluateRe3d(const std::string& root, const std::function<Status(Document&)>& analyze,
                                      size_t max_differences);

}  // namespace dyad::extract
