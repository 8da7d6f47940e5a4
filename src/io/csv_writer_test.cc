#include "io/csv_writer.h"

#include <gtest/gtest.h>

#include <vector>

namespace dyad {
namespace {

// A small RFC 4180 reader for one record (quoted fields may hold commas, quotes and newlines).
std::vector<std::string> ParseCsvRecord(const std::string& s) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c == '\n' && i + 1 == s.size()) {
      break;
    } else {
      out.back() += c;
    }
  }
  return out;
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
