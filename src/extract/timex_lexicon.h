// Word tables for time expressions (internal to the timex rules): months, weekdays, calendar units,
// parts of the day, seasons. Lookups take the lower-cased word.
#pragma once

#include <optional>
#include <string_view>

namespace dyad::extract {

// "january", "jan", "jan.", "sept." ... → 1..12. Short forms without a period only where they are
// not also common words (so "mar", "may", "jun" are not months on their own).
std::optional<int> MonthNumber(std::string_view lower);
// "monday", "mon." ... → 1..7 (ISO: Monday = 1).
std::optional<int> WeekdayNumber(std::string_view lower);

enum class TimeUnit { kSecond, kMinute, kHour, kDay, kWeekend, kWeek, kFortnight, kMonth, kQuarter, kYear, kDecade, kCentury };
struct UnitWord {
  TimeUnit unit;
  bool plural;
};
// "day", "days", "year", "yrs" ...
std::optional<UnitWord> TimeUnitWord(std::string_view lower);

// "morning" → "MO", "afternoon" → "AF", "evening" → "EV", "night" → "NI".
std::optional<std::string_view> PartOfDay(std::string_view lower);
// "spring" → "SP", "summer" → "SU", "fall"/"autumn" → "FA", "winter" → "WI".
std::optional<std::string_view> Season(std::string_view lower);

// Time zone abbreviations that may follow a clock time ("15:00 GMT").
bool IsTimezoneWord(std::string_view lower);

}  // namespace dyad::extract
