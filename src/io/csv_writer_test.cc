#include "io/csv_writer.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/csv.h"

namespace dyad {
namespace {


// One CSV record (the writer ends it with a line break).
std::vector<std::string> ParseCsvRecord(const std::string& s) {
  auto rows = ParseCsv(s);
  return rows.size() == 1 ? rows[0] : std::vector<std::string>{};
}

TEST(CsvWriter, HeaderAndRowsHaveTheSameColumns) {
  std::string header;
  WriteEventCsvHeader(header);
  auto h = ParseCsvRecord(header);
  ASSERT_EQ(static_cast<int>(h.size()), kEventCsvColumns);
  EXPECT_EQ(h.front(), "doc_id");
  EXPECT_EQ(h.back(), "sentence_text");

  events::EventRecord e;
  e.doc_id = "d,1";
  e.event_id = "d,1:0";
  e.sentence_text = "He said \"no\",\nthen left.";
  e.has_source = true;
  e.source = {"Putin", "RUSGOV", "RUS", "government", "Vladimir Putin", 0, 5};
  e.cameo_code = "0361";
  e.plover_contexts = {"a", "b"};
  e.goldstein = -2.5;
  std::string row;
  WriteEventCsv(e, EventCounts{3, 2, 1}, row);
  auto r = ParseCsvRecord(row);
  ASSERT_EQ(r.size(), h.size());
  EXPECT_EQ(r[0], "d,1");
  EXPECT_EQ(r[4], "RUSGOV");
  EXPECT_EQ(r[11], "");  // no target
  EXPECT_EQ(r[21], "-2.5");
  EXPECT_EQ(r[25], "a|b");
  EXPECT_EQ(r[36], "3");
  EXPECT_EQ(r[39], "He said \"no\",\nthen left.");
}

}  // namespace
}  // namespace dyad
