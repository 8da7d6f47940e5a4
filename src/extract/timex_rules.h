// Internal to the timex extractor: the rule set behind FindTimexes (see timex.h). Each rule reads
// a bounded window starting at one word and returns where its match ends with the type and value;
// the longest match wins, the earlier rule on ties. Values depend on the article date (anchor) and,
// for bare weekdays and months, on the tense of the nearest finite verb.
#pragma once

#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "extract/numbers.h"
#include "extract/timex.h"
#include "extract/timex_lexicon.h"

namespace dyad::extract::timex_internal {

enum class Tense { kUnknown, kPast, kPresent, kFuture };

struct Hit {
  size_t end = 0;
  std::string type;
  std::string value;
};

constexpr size_t kTenseWindow = 12;

inline bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

inline std::string FormatNumber(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(v)));
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
  }
  return buf;
}

// "P3W", "PT24H", "P10Y" (decades and centuries become years), "PXW" when count is empty.
inline std::string DurationValue(TimeUnit unit, std::optional<double> count) {
  std::string n = count ? FormatNumber(*count) : "X";
  auto scaled = [&](double k, const char* vague) {
    return count ? "P" + FormatNumber(*count * k) + "Y" : std::string(vague);
  };
  switch (unit) {
    case TimeUnit::kSecond: return "PT" + n + "S";
    case TimeUnit::kMinute: return "PT" + n + "M";
    case TimeUnit::kHour: return "PT" + n + "H";
    case TimeUnit::kDay: return "P" + n + "D";
    case TimeUnit::kWeekend: return "P" + n + "WE";
    case TimeUnit::kWeek: return "P" + n + "W";
    case TimeUnit::kFortnight: return count ? "P" + FormatNumber(*count * 2) + "W" : "PXW";
    case TimeUnit::kMonth: return "P" + n + "M";
    case TimeUnit::kQuarter: return "P" + n + "Q";
    case TimeUnit::kYear: return "P" + n + "Y";
    case TimeUnit::kDecade: return scaled(10, "PXDE");
    case TimeUnit::kCentury: return scaled(100, "PXCE");
  }
  return "P" + n + "D";
}

class Rules {
 public:
  Rules(const std::vector<TimexWord>& words, const CivilDate* anchor) : w_(words), a_(anchor) {
    lower_.reserve(words.size());
    for (const TimexWord& w : words) lower_.push_back(w.lower);
  }

  // The best match starting at i, including a leading modifier ("early", "the end of").
  std::optional<Hit> At(size_t i) const {
    // Every rule starts on a letter or a digit: punctuation is skipped without trying them.
    const std::string& first = L(i);
    if (first.empty() || !(std::isalnum(static_cast<unsigned char>(first[0])))) return std::nullopt;
    std::optional<Hit> best = Best(i);
    if (size_t k = ModifierLength(i); k > 0 && !IsDayWord(i + k)) {
      std::optional<Hit> inner = Best(i + k);
      if (inner && (inner->type == "DATE" || inner->type == "TIME") && (!best || inner->end > best->end))
        best = inner;
    }
    return best;
  }

 private:
  const std::string& L(size_t i) const {
    static const std::string kEmpty;
    return i < w_.size() ? w_[i].lower : kEmpty;
  }
  std::string_view X(size_t i) const { return i < w_.size() ? w_[i].xpos : std::string_view(); }
  bool Cap(size_t i) const { return i < w_.size() && w_[i].capitalised; }
  // The word without a glued "mid-" ("mid-2015", "mid-July").
  std::string_view Core(size_t i) const {
    std::string_view w = L(i);
    return w.starts_with("mid-") ? w.substr(4) : w;
  }

  std::optional<Hit> Best(size_t i) const {
    if (i >= w_.size()) return std::nullopt;
    std::optional<Hit> best;
    auto consider = [&](std::optional<Hit> h) {
      if (h && (!best || h->end > best->end)) best = std::move(h);
    };
    consider(ClockTime(i));
    consider(MonthFirst(i));
    consider(DayFirst(i));
    consider(YearLike(i));
    consider(Weekday(i));
    consider(Deictic(i));
    consider(Reference(i));
    consider(RelativeUnit(i));
    consider(Ago(i));
    consider(Duration(i));
    consider(Set(i));
    consider(Quarter(i));
    return best;
  }

  // Weekdays and today/yesterday/tomorrow: "early Friday" keeps "early" outside the span.
  bool IsDayWord(size_t i) const {
    const std::string& w = L(i);
    return WeekdayNumber(w) || w == "today" || w == "yesterday" || w == "tomorrow" || w == "tonight";
  }
  size_t ModifierLength(size_t i) const {
    const std::string& w = L(i);
    // "earlier this week", "later Friday": TempEval leaves "earlier" and "later" out of the span.
    if (w == "early" || w == "late" || w == "mid" || w == "fiscal")
      return L(i + 1) == "-" ? 2 : 1;
    bool the = w == "the";
    size_t j = the ? i + 1 : i;
    const std::string& v = L(j);
    if ((v == "end" || v == "beginning" || v == "start" || v == "middle" || v == "turn") && L(j + 1) == "of")
      return j + 2 - i;
    if (the && (v == "first" || v == "second") && L(j + 1) == "half" && L(j + 2) == "of") return 4;
    return 0;
  }

  // ---- tense of the nearest finite verb ------------------------------------------------------
  Tense TenseOf(size_t j) const {
    const std::string& w = L(j);
    std::string_view x = X(j);
    if (w == "will" || w == "'ll" || w == "shall" || w == "wo") return Tense::kFuture;
    if (x == "MD") return Tense::kUnknown;
    if (x == "VBD" || MisreadPast(j) || (x.empty() && (w == "said" || w == "was" || w == "were" || w == "had" || w == "did")))
      return Tense::kPast;
    if (x == "VBZ" || x == "VBP" || (x.empty() && (w == "is" || w == "are"))) {
      const std::string& next = L(j + 1);
      if (next == "scheduled" || next == "expected" || next == "due" || next == "set" || next == "slated" ||
          next == "poised" || next == "planning" || next == "going" || next == "to")
        return Tense::kFuture;
      if ((w == "has" || w == "have" || w == "'ve") && X(j + 1) == "VBN") return Tense::kPast;
      return Tense::kPresent;
    }
    return Tense::kUnknown;
  }
  // Irregular past forms the tagger sometimes reads as present ("withdrew" as VBP).
  static bool IsIrregularPast(std::string_view w) {
    static constexpr std::string_view kForms[] = {
        "withdrew", "went", "came", "told", "met", "took", "gave", "began", "fled", "fought", "held", "led",
        "sent", "spoke", "won", "wrote", "struck", "broke", "brought", "fell", "flew", "knew", "rose", "stood",
        "threw", "chose", "drove", "sold", "spent", "stole", "swore", "seized", "overran", "undertook", "sought"};
    for (std::string_view f : kForms)
      if (f == w) return true;
    return false;
  }
  // An irregular past form tagged as a present or base form, with no auxiliary, modal or "to" before it.
  bool MisreadPast(size_t j) const {
    std::string_view x = X(j);
    if (!IsIrregularPast(L(j)) || !(x == "VBP" || x == "VB" || x == "VBZ" || x.empty())) return false;
    if (j == 0) return true;
    const std::string& p = L(j - 1);
    return !IsAuxiliary(j - 1) && X(j - 1) != "MD" && p != "to" && p != "will" && p != "be";
  }
  bool IsFinite(size_t j) const {
    std::string_view x = X(j);
    const std::string& w = L(j);
    if (MisreadPast(j)) return true;
    return x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" || w == "will" || w == "'ll" ||
           (x.empty() && (w == "said" || w == "was" || w == "were" || w == "is" || w == "are"));
  }
  bool IsAuxiliary(size_t j) const {
    const std::string& w = L(j);
    return w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been" || w == "being" ||
           w == "has" || w == "have" || w == "had" || w == "'s" || w == "'re" || w == "get" || w == "got";
  }
  // The tense of the finite verb governing an infinitive whose "to" is at j: future, or unknown.
  Tense GoverningTense(size_t j) const {
    for (size_t k = j; k > 0 && j - k < kTenseWindow; --k) {
      const std::string& w = L(k - 1);
      if (w == "," || w == ";" || w == ":") break;
      if (IsFinite(k - 1)) return TenseOf(k - 1) == Tense::kFuture ? Tense::kFuture : Tense::kUnknown;
    }
    return Tense::kUnknown;
  }
  // The verb of the expression's own clause: first to the left up to a comma or semicolon, then to
  // the right up to a semicolon. "since" right before the expression means the past.
  Tense TenseNear(size_t i, size_t end) const {
    for (size_t k = i, steps = 0; k > 0 && steps < 3; --k, ++steps) {
      const std::string& p = L(k - 1);
      if (p == "since") return Tense::kPast;
      if (p != "in" && p != "on" && p != "last" && p != "early" && p != "late" && p != "mid") break;
    }
    for (size_t d = 1; d <= kTenseWindow && i >= d; ++d) {
      const std::string& w = L(i - d);
      if (w == "," || w == ";" || w == ":" || w == "--") break;
      if (IsFinite(i - d)) return TenseOf(i - d);
      if (X(i - d) == "VBN" && !IsAuxiliary(i - d - 1)) return Tense::kPast;  // tagger's VBN for a VBD
      // "are scheduled to meet Thursday" is future; "agreed to sell ... in October" says nothing.
      if (X(i - d) == "VB" && L(i - d - 1) == "to") return GoverningTense(i - d - 1);
    }
    for (size_t r = end; r < w_.size() && r < end + kTenseWindow; ++r) {
      const std::string& w = L(r);
      if (w == ";" || w == ":" || w == "--") break;
      if (IsFinite(r)) return TenseOf(r);
    }
    return Tense::kUnknown;
  }

  // ---- resolution against the anchor ---------------------------------------------------------
  std::string ResolveWeekday(int wd, int shift_mode, Tense tense) const {
    // shift_mode: 0 bare, -1 "last", +1 "next", 2 "this"
    if (!a_) return "XXXX-WXX-" + std::to_string(wd);
    int delta = wd - IsoWeekday(*a_);
    if (shift_mode == 2) {
    } else if (shift_mode == -1) {
      if (delta >= 0) delta -= 7;
    } else if (shift_mode == 1) {
      if (delta <= 0) delta += 7;
    } else if (tense == Tense::kPast) {
      if (delta > 0) delta -= 7;
    } else if (tense == Tense::kFuture) {
      if (delta < 0) delta += 7;
    } else if (tense == Tense::kPresent) {
      if (delta > 3) delta -= 7;  // the nearest ("the session opens Wednesday")
      if (delta < -3) delta += 7;
    } else {
      // No tense: news mostly reports what happened, so only tomorrow counts as ahead.
      if (delta > 1) delta -= 7;
      if (delta < -5) delta += 7;
    }
    return FormatDate(AddDays(*a_, delta));
  }
  // Year for a month (and day, 0 = none) without one, from the tense (or "last"/"next").
  int YearFor(int month, int day, int shift_mode, Tense tense) const {
    int y = a_->year;
    int here = a_->month * 100 + a_->day, there = month * 100 + (day ? day : (shift_mode ? 0 : 1));
    if (day == 0) {
      here = a_->month;
      there = month;
    }
    if (shift_mode == -1) return there >= here ? y - 1 : y;
    if (shift_mode == 1) return there <= here ? y + 1 : y;
    if (tense == Tense::kPast) return there > here ? y - 1 : y;
    if (tense == Tense::kFuture) return there < here ? y + 1 : y;
    // No tense to go by: the nearest occurrence (a month more than half a year ahead is last year's).
    int month_gap = month - a_->month;
    if (month_gap > 6) return y - 1;
    if (month_gap < -6) return y + 1;
    return y;
  }
  std::string DateOrPlaceholder(int64_t days_from_anchor) const {
    return a_ ? FormatDate(AddDays(*a_, days_from_anchor)) : "XXXX-XX-XX";
  }

  // ---- small readers -------------------------------------------------------------------------
  std::optional<int> MonthAt(size_t i) const {
    auto m = MonthNumber(Core(i));
    if (!m) return std::nullopt;
    std::string_view w = Core(i);
    bool abbreviated = w.size() <= 5 && w != "march" && w != "april" && w != "june" && w != "july";
    if (!Cap(i) && !L(i).starts_with("mid-")) return std::nullopt;  // "ready to march"
    if (X(i).starts_with("VB") || X(i) == "MD") return std::nullopt;
    if (w == "may" || w == "march" || abbreviated) {
      // "May" the month, not the modal: a tag, or a day/year next to it, or a time preposition before.
      // A proper-noun tag is evidence for "May" but not for "Jan" (also a first name).
      bool strong = (X(i) == "NNP" && !abbreviated) || DayNumber(i + 1) || YearAt(i + 1) ||
                    (L(i + 1) == "," && YearAt(i + 2));
      const std::string& p = i > 0 ? L(i - 1) : L(w_.size());
      bool prep = p == "in" || p == "since" || p == "until" || p == "by" || p == "early" || p == "late" ||
                  p == "mid" || p == "last" || p == "next" || p == "this" || p == "of" || p == "from" ||
                  p == "through" || p == "before" || p == "after" || p == "during";
      if (!strong && !prep) return std::nullopt;
    }
    return m;
  }
  std::optional<int> DayNumber(size_t i) const {
    const std::string& w = L(i);
    if (AllDigits(w) && w.size() <= 2) {
      int d = std::stoi(w);
      if (d >= 1 && d <= 31 && L(i + 1) != ":" && L(i + 1) != "%" && L(i + 1) != "percent") return d;
      return std::nullopt;
    }
    return OrdinalValue(w);
  }
  std::optional<int> YearAt(size_t i) const {
    std::string_view w = Core(i);
    if (w.size() != 4 || !AllDigits(w)) return std::nullopt;
    int y = std::stoi(std::string(w));
    if (y < 1000 || y > 2199) return std::nullopt;
    return y;
  }
  // A count before a unit: numeral, number words, "a"/"an" (1), vague words (nullopt count).
  struct Count {
    size_t end;
    std::optional<double> value;
  };
  std::optional<Count> CountAt(size_t i) const {
    const std::string& w = L(i);
    if (w == "a" || w == "an" || w == "one") {
      if (L(i + 1) == "few" || L(i + 1) == "couple") return Count{i + 2 + (L(i + 2) == "of"), std::nullopt};
      return Count{i + 1, 1.0};
    }
    if (w == "several" || w == "few" || w == "some" || w == "many" || w == "couple") {
      return Count{i + 1 + (w == "couple" && L(i + 1) == "of"), std::nullopt};
    }
    if (YearAt(i)) return std::nullopt;
    auto num = ParseNumberAt(lower_, i);
    if (!num || num->approximate || num->value <= 0 || num->value > 10000) return std::nullopt;
    return Count{num->end, num->value};
  }

  // ---- rules ---------------------------------------------------------------------------------
  std::optional<Hit> ClockTime(size_t i) const;
  std::optional<Hit> MonthFirst(size_t i) const;
  std::optional<Hit> DayFirst(size_t i) const;
  std::optional<Hit> YearLike(size_t i) const;
  std::optional<Hit> Weekday(size_t i) const;
  std::optional<Hit> Deictic(size_t i) const;
  std::optional<Hit> Reference(size_t i) const;
  std::optional<Hit> RelativeUnit(size_t i) const;
  std::optional<Hit> Ago(size_t i) const;
  std::optional<Hit> Duration(size_t i) const;
  std::optional<Hit> Set(size_t i) const;
  std::optional<Hit> Quarter(size_t i) const;

  const std::vector<TimexWord>& w_;
  const CivilDate* a_;
  std::vector<std::string> lower_;  // the words' lower-cased forms, for ParseNumberAt
};

}  // namespace dyad::extract::timex_internal
