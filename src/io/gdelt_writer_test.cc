#include "io/gdelt_writer.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

namespace dyad {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cols;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      cols.push_back(cur);
      cur.clear();
    } else if (c != '\n') {
      cur += c;
    }
  }
  cols.push_back(cur);
  return cols;
}

events::EventRecord Putin() {
  events::EventRecord e;
  e.doc_id = "seed";
  e.event_id = "seed:0";
  e.date = "2022-07-19";
  e.has_source = e.has_target = true;
  e.source = {"Russian President Vladimir Putin", "RUSGOV", "RUS", "government", "Vladimir Putin", 0, 32};
  e.target = {"Iran's\tleaders", "IRNGOVLEG", "IRN", "government", "", 50, 64};
  e.cameo_code = "0361";
  e.cameo_root = "03";
  e.goldstein = 4.0;
  e.quad_class = 1;
  e.trigger_text = "will meet";
  e.trigger_begin = 33;
  e.has_location = true;
  e.location = {"Tehran", "IRN", 35.6944, 51.4215, true, 70, 76};
  e.rule = "meet.v";
  return e;
}

TEST(GdeltWriter, EventRowHas61ColumnsInGdeltOrder) {
  GdeltEventInfo info;
  info.global_event_id = 42;
  info.num_mentions = 3;
  info.num_sources = 2;
  info.num_articles = 2;
  info.source_url = "https://example.org/a";
  std::string out;
  WriteGdeltEvent(Putin(), info, out);
  ASSERT_EQ(out.back(), '\n');
  ASSERT_EQ(out.find('\n'), out.size() - 1);
  auto c = SplitTabs(out);
  ASSERT_EQ(static_cast<int>(c.size()), kGdeltEventColumns);
  EXPECT_EQ(c[0], "42");
  EXPECT_EQ(c[1], "20220719");
  EXPECT_EQ(c[2], "202207");
  EXPECT_EQ(c[3], "2022");
  EXPECT_EQ(c[4], "2022.6274");  // 2022 + (7 * 30 + 19) / 365
  EXPECT_EQ(c[5], "RUSGOV");
  EXPECT_EQ(c[6], "VLADIMIR PUTIN");
  EXPECT_EQ(c[7], "RUS");
  EXPECT_EQ(c[12], "GOV");
  EXPECT_EQ(c[15], "IRNGOVLEG");
  EXPECT_EQ(c[16], "IRAN'S LEADERS");  // tab inside a value became a space
  EXPECT_EQ(c[22], "GOV");
  EXPECT_EQ(c[23], "LEG");
  EXPECT_EQ(c[25], "1");  // first sentence: root event
  EXPECT_EQ(c[26], "0361");
  EXPECT_EQ(c[27], "036");
  EXPECT_EQ(c[28], "03");
  EXPECT_EQ(c[29], "1");
  EXPECT_EQ(c[30], "4");
  EXPECT_EQ(c[31], "3");
  EXPECT_EQ(c[32], "2");
  EXPECT_EQ(c[33], "2");
  EXPECT_EQ(c[51], "4");  // ActionGeo_Type: world city
  EXPECT_EQ(c[52], "Tehran");
  EXPECT_EQ(c[56], "35.6944");
  EXPECT_EQ(c[57], "51.4215");
  EXPECT_EQ(c[59], "20220719000000");
  EXPECT_EQ(c[60], "https://example.org/a");
}

TEST(GdeltWriter, MissingPiecesKeepTheColumnCount) {
  events::EventRecord e;
  e.event_id = "x:0";
  e.date = "2022-07";  // month only
  e.cameo_code = "01";
  e.cameo_root = "01";
  std::ostringstream os;
  WriteGdeltEvent(e, GdeltEventInfo{}, os);
  auto c = SplitTabs(os.str());
  ASSERT_EQ(static_cast<int>(c.size()), kGdeltEventColumns);
  EXPECT_EQ(c[1], "");
  EXPECT_EQ(c[5], "");
  EXPECT_EQ(c[27], "01");
}

TEST(GdeltWriter, MentionRowHas16Columns) {
  GdeltMentionInfo info;
  info.global_event_id = 42;
  info.source_name = "ap";
  info.identifier = "seed";
  info.doc_len = 3000;
  std::string out;
  WriteGdeltMention(Putin(), info, out);
  auto c = SplitTabs(out);
  ASSERT_EQ(static_cast<int>(c.size()), kGdeltMentionColumns);
  EXPECT_EQ(c[1], "20220719000000");
  EXPECT_EQ(c[3], "1");
  EXPECT_EQ(c[6], "1");   // SentenceID is 1-based
  EXPECT_EQ(c[7], "0");
  EXPECT_EQ(c[8], "50");
  EXPECT_EQ(c[9], "33");
  EXPECT_EQ(c[12], "3000");
  EXPECT_EQ(c[15], "meet.v");
}

}  // namespace
}  // namespace dyad
