#include "io/plover_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dyad {
namespace {

events::EventRecord Consult() {
  events::EventRecord e;
  e.doc_id = "seed";
  e.event_id = "seed:3";
  e.sentence_text = "Putin will meet \"Raisi\" in Tehran.";
  e.date = "2022-07-19";
  e.has_source = e.has_target = true;
  e.source = {"Putin", "RUSGOV", "RUS", "government", "Vladimir Putin", 0, 5};
  e.target = {"Raisi", "IRNGOV", "IRN", "government", "Ebrahim Raisi", 17, 22};
  e.cameo_code = "036";
  e.cameo_root = "03";
  e.goldstein = 4.0;
  e.quad_class = 1;
  e.plover_type = "CONSULT";
  e.plover_contexts = {"diplomatic", "executive"};
  e.trigger_text = "will meet";
  e.has_location = true;
  e.location = {"Tehran", "IRN", 35.69, 51.42, true, 26, 32};
  return e;
}

TEST(PloverWriter, RecordParsesAndCarriesTheRequiredFields) {
  PloverInfo info;
  info.url = "https://example.org/a";
  info.num_mentions = 4;
  std::string out;
  ASSERT_TRUE(WritePloverJson(Consult(), info, out));
  ASSERT_EQ(out.back(), '\n');
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["id"], "seed:3");
  EXPECT_EQ(j["date"], "2022-07-19");
  EXPECT_EQ(j["event"], nlohmann::json::array({"CONSULT"}));
  EXPECT_EQ(j["actor"][0]["code"], "RUS");
  EXPECT_EQ(j["actor"][0]["sector"], "GOV");
  EXPECT_EQ(j["actor"][0]["identifier_text"], "Vladimir Putin");
  EXPECT_EQ(j["recipient"][0]["actor_code"], "IRNGOV");
  EXPECT_EQ(j["context"].size(), 2u);
  EXPECT_EQ(j["mode"].size(), 0u);
  EXPECT_EQ(j["quad_code"], 1);
  EXPECT_EQ(j["event_loc"]["placename"], "Tehran");
  EXPECT_EQ(j["text"], "Putin will meet \"Raisi\" in Tehran.");
  EXPECT_EQ(j["cite_info"]["url"], "https://example.org/a");
  EXPECT_EQ(j["num_mentions"], 4);
}

TEST(PloverWriter, EventsThatCannotBePloverRecordsAreSkipped) {
  std::string out;
  auto e = Consult();
  e.plover_type.clear();  // a plain statement: no PLOVER type
  EXPECT_FALSE(WritePloverJson(e, PloverInfo{}, out));
  e = Consult();
  e.date = "2022-07";
  EXPECT_FALSE(WritePloverJson(e, PloverInfo{}, out));
  e = Consult();
  e.has_source = false;
  EXPECT_FALSE(WritePloverJson(e, PloverInfo{}, out));
  EXPECT_TRUE(out.empty());
  e = Consult();
  e.has_target = false;  // recipient is optional
  ASSERT_TRUE(WritePloverJson(e, PloverInfo{}, out));
  EXPECT_TRUE(nlohmann::json::parse(out)["recipient"].empty());
}

}  // namespace
}  // namespace dyad
