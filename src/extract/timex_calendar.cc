#include "extract/timex_calendar.h"

#include <cstdio>

namespace dyad::extract {

bool IsValidDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int limit = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= limit;
}

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t n, int* out) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  CivilDate d;
  if (!digits(0, 4, &d.year) || !digits(5, 2, &d.month) || !digits(8, 2, &d.day)) return std::nullopt;
  if (s.size() > 10 && s[10] >= '0' && s[10] <= '9') return std::nullopt;
  if (!IsValidDate(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int64_t DaysFromCivil(const CivilDate& d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (d.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

CivilDate AddDays(const CivilDate& d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

int IsoWeekday(const CivilDate& d) {
  int64_t z = DaysFromCivil(d);  // 1970-01-01 was a Thursday (4)
  int64_t w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

IsoWeek IsoWeekOf(const CivilDate& d) {
  // The ISO week belongs to the year of its Thursday.
  CivilDate thursday = AddDays(d, 4 - IsoWeekday(d));
  int64_t jan1 = DaysFromCivil(CivilDate{thursday.year, 1, 1});
  int week = static_cast<int>((DaysFromCivil(thursday) - jan1) / 7) + 1;
  return IsoWeek{thursday.year, week};
}

std::string FormatDate(const CivilDate& d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string FormatMonth(int year, int month) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::string FormatYear(int year) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

std::string FormatWeek(const IsoWeek& w) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", w.year, w.week);
  return buf;
}

void AddMonths(int* year, int* month, int n) {
  int index = *year * 12 + (*month - 1) + n;
  *year = index / 12;
  *month = index % 12 + 1;
}

}  // namespace dyad::extract
