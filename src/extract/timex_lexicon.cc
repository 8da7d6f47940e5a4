#include "extract/timex_lexicon.h"

#include <array>
#include <utility>

namespace dyad::extract {
namespace {

template <typename T, size_t N>
std::optional<T> Find(const std::array<std::pair<std::string_view, T>, N>& table, std::string_view w) {
  for (const auto& [word, value] : table)
    if (word == w) return value;
  return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, int>, 40> kMonths = {{
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1}, {"jan.", 1}, {"feb", 2}, {"feb.", 2}, {"mar.", 3}, {"apr", 4}, {"apr.", 4},
    {"jun.", 6}, {"jul.", 7}, {"aug", 8}, {"aug.", 8}, {"sep", 9}, {"sep.", 9}, {"sept", 9},
    {"sept.", 9}, {"oct", 10}, {"oct.", 10}, {"nov", 11}, {"nov.", 11}, {"dec", 12}, {"dec.", 12},
    {"febuary", 2}, {"janurary", 1}, {"septmber", 9}, {"octobre", 10}, {"novembre", 11},
    {"decembre", 12}, {"avril", 4},
}};

constexpr std::array<std::pair<std::string_view, int>, 20> kWeekdays = {{
    {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5},
    {"saturday", 6}, {"sunday", 7}, {"mon.", 1}, {"tue.", 2}, {"tues.", 2}, {"wed.", 3},
    {"thu.", 4}, {"thur.", 4}, {"thurs.", 4}, {"fri.", 5}, {"sat.", 6}, {"sun.", 7},
    {"tues", 2}, {"thurs", 4}, {"weds", 3},
}};

constexpr std::array<std::pair<std::string_view, UnitWord>, 32> kUnits = {{
    {"second", {TimeUnit::kSecond, false}}, {"seconds", {TimeUnit::kSecond, true}},
    {"minute", {TimeUnit::kMinute, false}}, {"minutes", {TimeUnit::kMinute, true}},
    {"min", {TimeUnit::kMinute, false}}, {"mins", {TimeUnit::kMinute, true}},
    {"hour", {TimeUnit::kHour, false}}, {"hours", {TimeUnit::kHour, true}},
    {"hr", {TimeUnit::kHour, false}}, {"hrs", {TimeUnit::kHour, true}},
    {"day", {TimeUnit::kDay, false}}, {"days", {TimeUnit::kDay, true}},
    {"weekend", {TimeUnit::kWeekend, false}}, {"weekends", {TimeUnit::kWeekend, true}},
    {"week", {TimeUnit::kWeek, false}}, {"weeks", {TimeUnit::kWeek, true}},
    {"fortnight", {TimeUnit::kFortnight, false}}, {"fortnights", {TimeUnit::kFortnight, true}},
    {"month", {TimeUnit::kMonth, false}}, {"months", {TimeUnit::kMonth, true}},
    {"quarter", {TimeUnit::kQuarter, false}}, {"quarters", {TimeUnit::kQuarter, true}},
    {"year", {TimeUnit::kYear, false}}, {"years", {TimeUnit::kYear, true}},
    {"yr", {TimeUnit::kYear, false}}, {"yrs", {TimeUnit::kYear, true}},
    {"decade", {TimeUnit::kDecade, false}}, {"decades", {TimeUnit::kDecade, true}},
    {"century", {TimeUnit::kCentury, false}}, {"centuries", {TimeUnit::kCentury, true}},
    {"months-long", {TimeUnit::kMonth, true}}, {"years-long", {TimeUnit::kYear, true}},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kPartsOfDay = {{
    {"morning", "MO"}, {"afternoon", "AF"}, {"evening", "EV"}, {"night", "NI"},
    {"overnight", "NI"}, {"mornings", "MO"}, {"nights", "NI"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kSeasons = {{
    {"spring", "SP"}, {"summer", "SU"}, {"fall", "FA"}, {"autumn", "FA"}, {"winter", "WI"},
}};

constexpr std::array<std::string_view, 16> kTimezones = {
    "gmt", "utc", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst", "cdt", "bst", "cet", "cest", "msk", "ist"};

}  // namespace

std::optional<int> MonthNumber(std::string_view w) { return Find(kMonths, w); }
std::optional<int> WeekdayNumber(std::string_view w) { return Find(kWeekdays, w); }
std::optional<UnitWord> TimeUnitWord(std::string_view w) { return Find(kUnits, w); }
std::optional<std::string_view> PartOfDay(std::string_view w) { return Find(kPartsOfDay, w); }
std::optional<std::string_view> Season(std::string_view w) { return Find(kSeasons, w); }

bool IsTimezoneWord(std::string_view w) {
  for (std::string_view z : kTimezones)
    if (z == w) return true;
  return false;
}

}  // namespace dyad::extract
