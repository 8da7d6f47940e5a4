// The twelve timex rules (class Rules in timex_rules.h). Each reads at most a dozen words from i.
#include "extract/timex_rules.h"

namespace dyad::extract::timex_internal {
namespace {

int ShiftWord(std::string_view w) {
  if (w == "last" || w == "previous" || w == "past") return -1;
  if (w == "next" || w == "coming") return 1;
  if (w == "this" || w == "current") return 2;
  return 0;
}

std::string Hhmm(int h, int m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
  return buf;
}

// "10", "10:30", "10.30" → hours and minutes (h ≤ 23, m ≤ 59).
bool ParseClock(std::string_view w, int* h, int* m) {
  size_t sep = w.find_first_of(":.");
  std::string_view hs = w.substr(0, sep), ms = sep == std::string_view::npos ? "" : w.substr(sep + 1);
  if (hs.empty() || hs.size() > 2 || !AllDigits(hs)) return false;
  if (sep != std::string_view::npos && (ms.size() != 2 || !AllDigits(ms))) return false;
  *h = std::stoi(std::string(hs));
  *m = ms.empty() ? 0 : std::stoi(std::string(ms));
  return *h <= 23 && *m <= 59;
}

}  // namespace

std::optional<Hit> Rules::ClockTime(size_t i) const {
  const std::string& w = L(i);
  int h = 0, m = 0;
  size_t j = i;
  if (w == "noon" || w == "midday") {
    h = 12;
    j = i + 1;
  } else if (w == "midnight") {
    h = 24;
    j = i + 1;
  } else if (ParseClock(w, &h, &m)) {
    const std::string& next = L(i + 1);
    bool am = next == "a.m." || next == "am" || next == "a.m";
    bool pm = next == "p.m." || next == "pm" || next == "p.m";
    if (am || pm) {
      if (h < 1 || h > 12) return std::nullopt;
      if (pm && h < 12) h += 12;
      if (am && h == 12) h = 0;
      j = i + 2;
    } else if (next == "o'clock") {
      j = i + 2;
    } else if (w.find(':') != std::string::npos &&
               (IsTimezoneWord(next) || (next == "local" && L(i + 2) == "time") || (i > 0 && L(i - 1) == "at"))) {
      j = i + 1;
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  if (IsTimezoneWord(L(j))) ++j;
  if (L(j) == "local" && L(j + 1) == "time") j += 2;
  std::string date = DateOrPlaceholder(0);
  // "15:00 GMT Saturday", "10 a.m. yesterday": the day joins the time.
  std::optional<Hit> day = Weekday(j);
  if (!day) day = Deictic(j);
  if (day && day->type == "DATE") {
    date = day->value;
    j = day->end;
  }
  return Hit{j, "TIME", date + "T" + Hhmm(h, m)};
}

std::optional<Hit> Rules::MonthFirst(size_t i) const {
  // "last July", "next May": the shift word belongs to the span.
  size_t m_at = i;
  int shift = 0;
  if (int s = ShiftWord(L(i)); s != 0 && L(i) != "past" && L(i) != "current" && MonthAt(i + 1)) {
    shift = s == 2 ? 0 : s;
    m_at = i + 1;
  }
  auto month = MonthAt(m_at);
  if (!month) return std::nullopt;
  size_t j = m_at + 1;
  int day = 0;
  if (auto d = DayNumber(j)) {
    day = *d;
    ++j;
  }
  std::optional<int> year;
  if (L(j) == "," && YearAt(j + 1)) {
    year = YearAt(j + 1);
    j += 2;
  } else if (L(j) == "of" && YearAt(j + 1) && day == 0) {
    year = YearAt(j + 1);
    j += 2;
  } else if (auto y = YearAt(j)) {
    year = y;
    ++j;
  }
  if (day && !IsValidDate(year.value_or(2000), *month, day)) return std::nullopt;
  if (year) {
    std::string v = day ? FormatDate(CivilDate{*year, *month, day}) : FormatMonth(*year, *month);
    return Hit{j, "DATE", v};
  }
  if (!a_) {
    char buf[48];
    std::snprintf(buf, sizeof buf, day ? "XXXX-%02d-%02d" : "XXXX-%02d", *month, day);
    return Hit{j, "DATE", buf};
  }
  int y = YearFor(*month, day, shift, shift ? Tense::kUnknown : TenseNear(i, j));
  return Hit{j, "DATE", day ? FormatDate(CivilDate{y, *month, day}) : FormatMonth(y, *month)};
}

std::optional<Hit> Rules::DayFirst(size_t i) const {
  size_t j = L(i) == "the" ? i + 1 : i;
  auto day = DayNumber(j);
  if (!day) return std::nullopt;
  ++j;
  if (L(j) == "of") ++j;
  auto month = MonthAt(j);
  if (!month) return std::nullopt;
  ++j;
  std::optional<int> year = YearAt(j);
  if (L(j) == "," && YearAt(j + 1)) {
    year = YearAt(j + 1);
    ++j;
  }
  if (year) ++j;
  if (!IsValidDate(year.value_or(2000), *month, *day)) return std::nullopt;
  if (year) return Hit{j, "DATE", FormatDate(CivilDate{*year, *month, *day})};
  if (!a_) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", *month, *day);
    return Hit{j, "DATE", buf};
  }
  int y = YearFor(*month, *day, 0, TenseNear(i, j));
  return Hit{j, "DATE", FormatDate(CivilDate{y, *month, *day})};
}

std::optional<Hit> Rules::YearLike(size_t i) const {
  size_t j = i;
  bool the = L(j) == "the";
  if (the) ++j;
  std::string_view w = L(j);
  // Decades: "1990s", "the '90s", "the 90s".
  if (the && w == "'" && L(j + 1).size() == 3) w = L(++j);
  if (w.size() >= 3 && w.back() == 's' && AllDigits(w.substr(0, w.size() - 1))) {
    std::string_view digits = w.substr(0, w.size() - 1);
    if (digits.size() == 4 && digits.back() == '0') return Hit{j + 1, "DATE", std::string(digits.substr(0, 3))};
    if (digits.size() == 2 && digits.back() == '0' && the) {
      int d = std::stoi(std::string(digits));
      return Hit{j + 1, "DATE", std::to_string(d >= 30 ? 1900 + d : 2000 + d).substr(0, 3)};
    }
    return std::nullopt;
  }
  // Centuries: "20th century" (TempEval leaves "the" out), "twentieth century".
  if (!the && (L(j + 1) == "century" || L(j + 1) == "centuries")) {
    auto o = OrdinalValue(w);
    if (!o) return std::nullopt;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d", *o - 1);
    return Hit{j + 2, "DATE", buf};
  }
  if (the) return std::nullopt;
  auto year = YearAt(i);
  if (!year) return std::nullopt;
  // ISO dates: 2013 - 03 - 22.
  if (L(i + 1) == "-" && L(i + 2).size() == 2 && L(i + 3) == "-" && L(i + 4).size() == 2 && AllDigits(L(i + 2)) &&
      AllDigits(L(i + 4))) {
    int mo = std::stoi(L(i + 2)), d = std::stoi(L(i + 4));
    if (IsValidDate(*year, mo, d)) return Hit{i + 5, "DATE", FormatDate(CivilDate{*year, mo, d})};
  }
  const std::string& next = L(i + 1);
  if (next == "%" || next == "percent" || next == "per" || TimeUnitWord(next)) return std::nullopt;
  const std::string& prev = i > 0 ? L(i - 1) : L(w_.size());
  bool prep = prev == "in" || prev == "since" || prev == "of" || prev == "from" || prev == "until" ||
              prev == "by" || prev == "before" || prev == "after" || prev == "early" || prev == "late" ||
              prev == "mid" || prev == "between" || prev == "-" || prev == "fiscal" || prev == "during" ||
              prev == "the" || prev == "through" || prev == "to" || prev == "and" || prev == "," || prev == "year";
  if (prev == "$" || prev == "£" || prev == "€" || prev == "about" || prev == "some" || prev == "nearly")
    return std::nullopt;
  bool plausible = *year >= 1950 && *year <= 2050;
  if (!prep && !plausible) return std::nullopt;
  if (!prep && X(i + 1) == "NNS") return std::nullopt;
  return Hit{i + 1, "DATE", FormatYear(*year)};
}

std::optional<Hit> Rules::Weekday(size_t i) const {
  size_t j = i;
  int shift = 0;
  if (L(j) == "this" && L(j + 1) == "past") {
    shift = -1;
    j += 2;
  } else if (int s = ShiftWord(L(j)); s != 0 && L(j) != "past" && L(j) != "current") {
    shift = s;
    ++j;
  }
  const std::string& w = L(j);
  if (w.size() > 6 && w.back() == 's' && WeekdayNumber(w.substr(0, w.size() - 1)) && Cap(j) && shift == 0)
    return Hit{j + 1, "SET", "XXXX-WXX-" + std::to_string(*WeekdayNumber(w.substr(0, w.size() - 1)))};
  auto wd = WeekdayNumber(w);
  if (!wd || (!Cap(j) && w.back() != '.')) return std::nullopt;
  size_t end = j + 1;
  // "Monday, July 18" / "Monday, July 18, 2022": the calendar date wins.
  if (L(end) == ",") {
    if (auto date = MonthFirst(end + 1); date && date->value.size() == 10) return Hit{date->end, "DATE", date->value};
  }
  std::string value = ResolveWeekday(*wd, shift, shift ? Tense::kUnknown : TenseNear(i, end));
  if (auto part = PartOfDay(L(end))) return Hit{end + 1, "TIME", value + "T" + std::string(*part)};
  return Hit{end, "DATE", value};
}

std::optional<Hit> Rules::Deictic(size_t i) const {
  const std::string& w = L(i);
  int64_t offset = 0;
  std::string_view fixed_part;
  size_t end = i + 1;
  if (w == "today") {
    offset = 0;
  } else if (w == "yesterday") {
    offset = -1;
  } else if (w == "tomorrow") {
    offset = 1;
  } else if (w == "tonight") {
    fixed_part = "NI";
  } else if (w == "this" && PartOfDay(L(i + 1)) && L(i + 1) != "overnight") {
    fixed_part = *PartOfDay(L(i + 1));
    end = i + 2;
  } else if (w == "last" && L(i + 1) == "night") {
    offset = -1;
    fixed_part = "NI";
    end = i + 2;
  } else {
    return std::nullopt;
  }
  std::string date = DateOrPlaceholder(offset);
  if (fixed_part.empty()) {
    if (auto part = PartOfDay(L(end)); part && L(end) != "overnight")
      return Hit{end + 1, "TIME", date + "T" + std::string(*part)};
    return Hit{end, "DATE", date};
  }
  return Hit{end, "TIME", date + "T" + std::string(fixed_part)};
}

std::optional<Hit> Rules::Reference(size_t i) const {
  const std::string& w = L(i);
  if (w == "now" || w == "currently" || w == "nowadays" || w == "presently") {
    return Hit{i + 1, "DATE", "PRESENT_REF"};
  }
  if (w == "these" && L(i + 1) == "days") return Hit{i + 2, "DATE", "PRESENT_REF"};
  if (w == "recently") return Hit{i + 1, "DATE", "PAST_REF"};
  if (w == "soon" && !(i > 0 && (L(i - 1) == "as" || L(i - 1) == "how"))) return Hit{i + 1, "DATE", "FUTURE_REF"};
  if (w == "the" && L(i + 1) == "past" && !TimeUnitWord(L(i + 2)) && !CountAt(i + 2))
    return Hit{i + 2, "DATE", "PAST_REF"};
  if (w == "the" && L(i + 1) == "weekend" && a_) {
    // The weekend just gone in past-tense text, else this week's.
    CivilDate base = *a_;
    if (TenseNear(i, i + 2) == Tense::kPast && IsoWeekday(*a_) < 6) base = AddDays(*a_, -7);
    return Hit{i + 2, "DATE", FormatWeek(IsoWeekOf(base)) + "-WE"};
  }
  if (w == "the" && (L(i + 1) == "future" || (L(i + 1) == "near" && L(i + 2) == "future")))
    return Hit{L(i + 1) == "near" ? i + 3 : i + 2, "DATE", "FUTURE_REF"};
  return std::nullopt;
}

std::optional<Hit> Rules::RelativeUnit(size_t i) const {
  size_t j = i;
  bool the = L(j) == "the";
  if (the) ++j;
  int shift = 0;
  if (!the && L(j) == "this" && L(j + 1) == "past") {
    shift = -1;
    j += 2;
  } else {
    shift = ShiftWord(L(j));
    if (shift == 0) return std::nullopt;
    ++j;
  }
  bool duration = the && (L(j - 1) == "past" || L(j - 1) == "next" || L(j - 1) == "coming");
  if (L(j) == "fiscal") ++j;
  const std::string& w = L(j);
  if (auto season = Season(w)) {
    if (!a_) return Hit{j + 1, "DATE", "XXXX-" + std::string(*season)};
    static constexpr std::string_view kOrder[] = {"WI", "SP", "SU", "FA"};
    int last_month[] = {2, 5, 8, 11};
    int idx = 0;
    for (int k = 0; k < 4; ++k)
      if (kOrder[k] == *season) idx = k;
    int y = a_->year;
    if (shift == -1) y = (idx > 0 && a_->month > last_month[idx]) ? y : y - 1;
    if (shift == 1) y = (idx > 0 && a_->month < last_month[idx] - 2) ? y : y + 1;
    return Hit{j + 1, "DATE", FormatYear(y) + "-" + std::string(*season)};
  }
  auto unit = TimeUnitWord(w);
  if (!unit || unit->plural) return std::nullopt;
  if (duration) return Hit{j + 1, "DURATION", DurationValue(unit->unit, 1.0)};
  if (shift == 2) shift = 0;
  if (!a_) return Hit{j + 1, "DATE", unit->unit == TimeUnit::kWeek ? "XXXX-WXX" : "XXXX"};
  switch (unit->unit) {
    case TimeUnit::kWeek:
      return Hit{j + 1, "DATE", FormatWeek(IsoWeekOf(AddDays(*a_, 7 * shift)))};
    case TimeUnit::kWeekend: {
      // The weekend of this week; "last weekend" the one before today.
      CivilDate base = AddDays(*a_, 7 * shift);
      if (shift == -1 && IsoWeekday(*a_) >= 6) base = *a_;
      return Hit{j + 1, "DATE", FormatWeek(IsoWeekOf(base)) + "-WE"};
    }
    case TimeUnit::kMonth: {
      int y = a_->year, m = a_->month;
      AddMonths(&y, &m, shift);
      return Hit{j + 1, "DATE", FormatMonth(y, m)};
    }
    case TimeUnit::kQuarter: {
      int q = (a_->month - 1) / 3 + 1 + shift, y = a_->year;
      if (q < 1) q += 4, --y;
      if (q > 4) q -= 4, ++y;
      return Hit{j + 1, "DATE", FormatYear(y) + "-Q" + std::to_string(q)};
    }
    case TimeUnit::kYear: return Hit{j + 1, "DATE", FormatYear(a_->year + shift)};
    case TimeUnit::kDecade: return Hit{j + 1, "DATE", FormatYear(a_->year + 10 * shift).substr(0, 3)};
    case TimeUnit::kCentury: return Hit{j + 1, "DATE", FormatYear(a_->year + 100 * shift).substr(0, 2)};
    case TimeUnit::kDay: return Hit{j + 1, "DATE", DateOrPlaceholder(shift)};
    default: return std::nullopt;
  }
}

std::optional<Hit> Rules::Ago(size_t i) const {
  size_t c = i;
  if (L(c) == "almost" || L(c) == "nearly" || L(c) == "about" || L(c) == "some" || L(c) == "over")
    ++c;
  else if ((L(c) == "more" || L(c) == "less") && L(c + 1) == "than")
    c += 2;
  auto count = CountAt(c);
  size_t j = count ? count->end : c;
  auto unit = TimeUnitWord(L(j));
  if (!unit || L(j + 1) != "ago") return std::nullopt;
  if (!count && !unit->plural) return std::nullopt;
  size_t end = j + 2;
  if (!count || !count->value || !a_) return Hit{end, "DATE", "PAST_REF"};
  auto n = static_cast<int64_t>(std::llround(*count->value));
  switch (unit->unit) {
    case TimeUnit::kDay: return Hit{end, "DATE", FormatDate(AddDays(*a_, -n))};
    case TimeUnit::kWeek: return Hit{end, "DATE", FormatWeek(IsoWeekOf(AddDays(*a_, -7 * n)))};
    case TimeUnit::kMonth: {
      int y = a_->year, m = a_->month;
      AddMonths(&y, &m, static_cast<int>(-n));
      return Hit{end, "DATE", FormatMonth(y, m)};
    }
    case TimeUnit::kYear: return Hit{end, "DATE", FormatYear(a_->year - static_cast<int>(n))};
    case TimeUnit::kDecade: return Hit{end, "DATE", FormatYear(a_->year - 10 * static_cast<int>(n))};
    case TimeUnit::kHour:
    case TimeUnit::kMinute:
    case TimeUnit::kSecond: return Hit{end, "TIME", FormatDate(*a_)};
    default: return Hit{end, "DATE", "PAST_REF"};
  }
}

std::optional<Hit> Rules::Duration(size_t i) const {
  size_t j = i;
  // Leads that belong to the span: "the past", "the next few", "almost", "more than", "up to".
  bool bare_the = false;
  if (L(j) == "the") {
    ++j;
    const std::string& lead = L(j);
    if (lead == "past" || lead == "last" || lead == "next" || lead == "first" || lead == "coming" ||
        lead == "previous" || lead == "following" || lead == "final" || lead == "latest")
      ++j;
    else
      bare_the = true;
  } else if (L(j) == "recent" || L(j) == "past" || L(j) == "coming") {
    ++j;
  }
  const std::string& q = L(j);
  // TempEval keeps "almost", "nearly", "more than" inside the span but leaves "about" and "over" out.
  if (q == "almost" || q == "nearly")
    ++j;
  else if ((q == "more" || q == "less" || q == "fewer") && L(j + 1) == "than")
    j += 2;
  else if ((q == "at" && (L(j + 1) == "least" || L(j + 1) == "most")) || (q == "up" && L(j + 1) == "to"))
    j += 2;
  size_t count_at = j;
  std::optional<Count> count = CountAt(j);
  if (count) j = count->end;
  if (count && L(j) == "-") ++j;  // "six - month", "30 - day"
  // "half an hour", "half a day".
  if (!count && L(j) == "half" && (L(j + 1) == "a" || L(j + 1) == "an")) {
    auto unit = TimeUnitWord(L(j + 2));
    if (!unit || unit->plural) return std::nullopt;
    if (unit->unit == TimeUnit::kHour) return Hit{j + 3, "DURATION", "PT30M"};
    if (unit->unit == TimeUnit::kDay) return Hit{j + 3, "DURATION", "PT12H"};
    if (unit->unit == TimeUnit::kYear) return Hit{j + 3, "DURATION", "P6M"};
    return std::nullopt;
  }
  auto unit = TimeUnitWord(L(j));
  if (!unit) return std::nullopt;
  // "a second time", "a second term": the ordinal, not a duration.
  if (unit->unit == TimeUnit::kSecond && !unit->plural && (L(count_at) == "a" || L(count_at) == "one"))
    return std::nullopt;
  if (!count) {
    // Bare plurals: "years", "recent weeks", "the past few days" (vague count).
    if (!unit->plural || unit->unit == TimeUnit::kQuarter || unit->unit == TimeUnit::kSecond) return std::nullopt;
    if (j > count_at || bare_the) return std::nullopt;  // "the weeks", "the days" are not durations
    if (L(j + 1) == "ago" || L(j + 1) == "-" || L(j + 1) == "old") return std::nullopt;
    if (i == j && i > 0 && (L(i - 1) == "the" || L(i - 1) == "those" || L(i - 1) == "these")) return std::nullopt;
  }
  if (L(j + 1) == "-" && L(j + 2) == "old") return std::nullopt;  // ages: "14-year-old"
  if (L(j + 1) == "old" && L(j - 1) == "-") return std::nullopt;
  if (L(j + 1) == "ago") return std::nullopt;
  // "a year" after a rate ("2.4% a year") is a SET, handled by Set().
  if (count && count_at == i && (L(i) == "a" || L(i) == "an") && i > 0 &&
      (L(i - 1) == "%" || L(i - 1) == "percent" || L(i - 1) == "cent"))
    return std::nullopt;
  size_t end = j + 1;
  if (L(end) == "-" && L(end + 1) == "long") end += 2;
  return Hit{end, "DURATION", DurationValue(unit->unit, count ? count->value : std::nullopt)};
}

std::optional<Hit> Rules::Set(size_t i) const {
  const std::string& w = L(i);
  if (w == "daily" || w == "nightly") return Hit{i + 1, "SET", "P1D"};
  if (w == "weekly") return Hit{i + 1, "SET", "P1W"};
  if (w == "monthly") return Hit{i + 1, "SET", "P1M"};
  if (w == "annually" || w == "yearly" || w == "annual") {
    if (w == "annual") return std::nullopt;
    return Hit{i + 1, "SET", "P1Y"};
  }
  if (w == "hourly") return Hit{i + 1, "SET", "PT1H"};
  bool every = w == "every" || w == "each" || w == "per";
  bool rate = (w == "a" || w == "an") && i > 0 && (L(i - 1) == "%" || L(i - 1) == "percent" || L(i - 1) == "cent");
  if (!every && !rate) return std::nullopt;
  size_t j = i + 1;
  if (every && L(j) == "other") ++j;
  if (auto unit = TimeUnitWord(L(j)); unit && !unit->plural)
    return Hit{j + 1, "SET", DurationValue(unit->unit, j > i + 1 ? 2.0 : 1.0)};
  if (!every || w == "per") return std::nullopt;
  if (auto wd = WeekdayNumber(L(j))) return Hit{j + 1, "SET", "XXXX-WXX-" + std::to_string(*wd)};
  if (auto part = PartOfDay(L(j))) return Hit{j + 1, "SET", "XXXX-XX-XXT" + std::string(*part)};
  return std::nullopt;
}

std::optional<Hit> Rules::Quarter(size_t i) const {
  size_t j = L(i) == "the" ? i + 1 : i;
  auto q = OrdinalValue(L(j));
  if (!q || *q > 4) return std::nullopt;
  ++j;
  if (L(j) == "-") ++j;
  if (L(j) == "fiscal") ++j;
  if (L(j) != "quarter") return std::nullopt;
  if (!a_) return Hit{j + 1, "DATE", "XXXX-Q" + std::to_string(*q)};
  int current = (a_->month - 1) / 3 + 1;
  int y = a_->year;
  if (*q > current && TenseNear(i, j + 1) != Tense::kFuture) --y;
  return Hit{j + 1, "DATE", FormatYear(y) + "-Q" + std::to_string(*q)};
}

}  // namespace dyad::extract::timex_internal
