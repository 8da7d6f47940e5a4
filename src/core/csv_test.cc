#include "core/csv.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvTest, QuotedFieldsHoldCommasQuotesAndNewlines) {
  EXPECT_EQ(ParseCsv("id,text\n7,\"He said \"\"no\"\", then left,\nlater\"\n"),
            (Rows{{"id", "text"}, {"7", "He said \"no\", then left,\nlater"}}));
}

TEST(CsvTest, LineEndsAndEmptyFields) {
  EXPECT_EQ(ParseCsv("a,,b\r\n,\r\nlast"), (Rows{{"a", "", "b"}, {"", ""}, {"last"}}));
  EXPECT_EQ(ParseCsv(""), Rows{});
  EXPECT_EQ(ParseCsv("\n"), (Rows{{""}}));
  EXPECT_EQ(ParseCsv("x\n"), (Rows{{"x"}}));
}

TEST(CsvTest, AnUnterminatedQuoteRunsToTheEnd) {
  EXPECT_EQ(ParseCsv("a,\"open, never closed\nmore"), (Rows{{"a", "open, never closed\nmore"}}));
}

}  // namespace
}  // namespace dyad
