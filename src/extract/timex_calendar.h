// Calendar arithmetic for time-expression normalisation: proleptic Gregorian civil dates, day
// counts, weekdays and ISO 8601 weeks, and the TIMEX3 value strings built from them.
//
// Everything here is a pure function on small values; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dyad::extract {

struct CivilDate {
  int year = 0, month = 1, day = 1;  // month 1..12, day 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// "2022-07-18" (optionally followed by "T..." or other text after the 10th byte). nullopt when the
// string is not a valid calendar date between years 1 and 9999.
std::optional<CivilDate> ParseIsoDate(std::string_view s);

bool IsValidDate(int year, int month, int day);
int64_t DaysFromCivil(const CivilDate& d);  // days since 1970-01-01
CivilDate CivilFromDays(int64_t days);
CivilDate AddDays(const CivilDate& d, int64_t n);
int IsoWeekday(const CivilDate& d);  // 1 = Monday .. 7 = Sunday

struct IsoWeek {
  int year = 0, week = 1;
};
IsoWeek IsoWeekOf(const CivilDate& d);

// Value strings: "2022-07-19", "2022-07", "2022", "2022-W29".
std::string FormatDate(const CivilDate& d);
std::string FormatMonth(int year, int month);
std::string FormatYear(int year);
std::string FormatWeek(const IsoWeek& w);

// Month year/month shifted by n months (n may be negative).
void AddMonths(int* year, int* month, int n);

}  // namespace dyad::extract
