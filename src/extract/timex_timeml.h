// TimeML (TempEval-3 .tml) gold reading and TIMEX3 scoring, for `dyad eval timex`.
//
// ReadTimeMl keeps the text inside <TEXT>...</TEXT> with every tag removed and the five XML entities
// decoded, the TIMEX3 spans in it (byte offsets into that text), and the document creation time
// (the TIMEX3 with functionInDocument="CREATION_TIME"). It is a small scanner, not an XML parser:
// enough for TimeML as TempEval ships it, linear in the input, with nested TIMEX3 refused.
//
// Scoring follows TempEval-3: a gold and a system span match "relaxed" when they overlap and
// "strict" when they have the same extent; each span matches at most once (earliest first). Value
// accuracy counts relaxed matches whose value is equal.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::extract {

struct GoldTimex {
  size_t begin = 0, end = 0;  // byte range in TimeMlDocument::text
  std::string type, value;
};

struct TimeMlDocument {
  std::string id;
  std::string dct;  // "2013-03-22", empty when absent
  std::string text;
  std::vector<GoldTimex> timexes;
};

Result<TimeMlDocument> ReadTimeMl(std::string_view xml);

struct TimexScores {
  size_t gold = 0, system = 0;
  size_t relaxed = 0;       // matched pairs (overlap)
  size_t strict = 0;        // matched pairs with the same extent
  size_t value_right = 0;   // relaxed pairs with equal value
  size_t type_right = 0;    // relaxed pairs with equal type
  void Add(const TimexScores& o);
  double RelaxedF1() const;
  double StrictF1() const;
  double ValueAccuracy() const;  // value_right / relaxed
  double ValueF1() const;        // TempEval-3 "value F1": value_right against gold and system
};

// One document's pairs. system spans are byte ranges into the same text as gold.
// On return *pairs (when not null) holds (gold index, system index) for each relaxed match.
TimexScores ScoreTimexes(const std::vector<GoldTimex>& gold, const std::vector<GoldTimex>& system,
                         std::vector<std::pair<size_t, size_t>>* pairs = nullptr);

struct TimeMlEvaluation {
  TimexScores scores;
  size_t documents = 0;
  std::vector<std::string> differences;  // "doc\tmiss|false|diff\t..." lines, at most max_differences
};

// Scores every .tml file at path (one file, or a folder searched recursively; sorted). For each, a
// Document of the <TEXT> dated by the DCT is passed to analyze, which must fill its timex layer.
Result<TimeMlEvaluation> EvaluateTimeMl(const std::string& path, const std::function<Status(Document&)>& analyze,
                                        size_t max_differences);

}  // namespace dyad::extract
