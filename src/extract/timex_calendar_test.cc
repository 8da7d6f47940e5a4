#include "extract/timex_calendar.h"

#include <gtest/gtest.h>

namespace dyad::extract {
namespace {

TEST(TimexCalendarTest, ParsesIsoDates) {
  auto d = ParseIsoDate("2022-07-18");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, (CivilDate{2022, 7, 18}));
  EXPECT_TRUE(ParseIsoDate("2022-07-18T10:00:00Z").has_value());
  EXPECT_FALSE(ParseIsoDate("2022-02-30").has_value());
  EXPECT_FALSE(ParseIsoDate("2022-7-18").has_value());
  EXPECT_FALSE(ParseIsoDate("").has_value());
  EXPECT_FALSE(ParseIsoDate("2022-07-180").has_value());
}

TEST(TimexCalendarTest, DayArithmeticRoundTrips) {
  for (int64_t z = -800000; z <= 800000; z += 997) EXPECT_EQ(DaysFromCivil(CivilFromDays(z)), z);
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(AddDays({2022, 7, 18}, 1), (CivilDate{2022, 7, 19}));
  EXPECT_EQ(AddDays({2024, 2, 28}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddDays({2022, 1, 1}, -1), (CivilDate{2021, 12, 31}));
}

TEST(TimexCalendarTest, WeekdaysAndIsoWeeks) {
  EXPECT_EQ(IsoWeekday({2022, 7, 18}), 1);  // Monday
  EXPECT_EQ(IsoWeekday({2013, 3, 22}), 5);  // Friday
  EXPECT_EQ(FormatWeek(IsoWeekOf({2022, 7, 18})), "2022-W29");
  EXPECT_EQ(FormatWeek(IsoWeekOf({2013, 3, 22})), "2013-W12");
  EXPECT_EQ(FormatWeek(IsoWeekOf({2021, 1, 3})), "2020-W53");  // belongs to the previous ISO year
  EXPECT_EQ(FormatWeek(IsoWeekOf({2018, 12, 31})), "2019-W01");
}

TEST(TimexCalendarTest, MonthsShift) {
  int y = 2022, m = 7;
  AddMonths(&y, &m, -1);
  EXPECT_EQ(FormatMonth(y, m), "2022-06");
  AddMonths(&y, &m, -6);
  EXPECT_EQ(FormatMonth(y, m), "2021-12");
  AddMonths(&y, &m, 13);
  EXPECT_EQ(FormatMonth(y, m), "2023-01");
}

}  // namespace
}  // namespace dyad::extract
