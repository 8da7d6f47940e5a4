#include "eval/event_validation.h"

#include <filesystem>

#include <gtest/gtest.h>

namespace dyad::eval {
namespace {

// The shapes of TABARI's Validate.text, written for the test.
constexpr char kTabari[] = R"(
#####################
#   BASIC TESTS
#####################

000101  START-00
Validation suite: the program codes until it hits a record that says "end of the standard
validation records"
/*\n[comment with braces {}]
\n{+++}  */

950101  DEMO-01
Arnor is about to restore full diplomatic ties with Gondor.
/*\n-----
\n{ ARN / GON / 064 } 950101 */

950103  DEMO-04
Dagolath's minister Telemar left for Minas Tirith.
/*\n[Paired events]
\n{ DAG / GON / 032 } 950103
\n{GON/DAG/033}   */

950101  DEMO-05
Arnor is about to restore fxll diplomatic ties with Gondor./*
\n-{ARN / GON / 064  } */

950101  TIME-Modify
Changing the options.
/*\n{ OPTION: SET: TIME SHIFT = FALSE } */

19950105  DISCARD-1
Gondor's hopes in the World Cup.
/*\n{###} */

990101  FINAL-01
This is the end of the standard validation records.  If you reached this
/*\n{ AAA / BBB / 000 } */

950101  AFTER-01
Never read.
/*\n{ AAA / BBB / 000 } */
)";

constexpr char kPetrarch[] = R"(<Validation>
<!-- header -- with dashes -->
<Environment>
    <Verbfile>PETR.Validate.verbs.txt</Verbfile>
    <Actorfile>PETR.Validate.actors.txt</Actorfile>
    <Include>valid DEMO COMPOUND</Include>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- Simple coding -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties with Gondor
almost five years after crowds trashed its embassy &amp; more.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950104" id="COMPOUND-01" category="COMPOUND" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing here.</Text>
</Sentence>
<Sentence date="19950101" id="AGENTS-01" category="AGENTS" sentence="false">
<EventCoding sourcecode="X" targetcode="Y" eventcode="010"></EventCoding>
<Text>Not included.</Text>
</Sentence>
<Sentence date="19950101" id="DEMO-09" category="DEMO" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>CEBU CITY: -- a dateline.</Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST(EventValidation, DetectsFormats) {
  EXPECT_EQ(DetectSuiteFormat(kTabari), SuiteFormat::kTabari);
  EXPECT_EQ(DetectSuiteFormat(kPetrarch), SuiteFormat::kPetrarch);
}

TEST(EventValidation, TabariRecords) {
  ValidationSuite s = ParseTabariSuite(kTabari, "Validate.text");
  ASSERT_EQ(s.records.size(), 6u);  // stops at FINAL-01; START-00 only quotes the stop phrase
  const auto& start = s.records[0];
  EXPECT_EQ(start.id, "START-00");
  EXPECT_TRUE(start.expected.empty());
  EXPECT_EQ(start.note, "complex");
  const auto& demo = s.records[1];
  EXPECT_EQ(demo.id, "DEMO-01");
  EXPECT_EQ(demo.date, "1995-01-01");
  EXPECT_EQ(demo.category, "DEMO");
  EXPECT_EQ(demo.text, "Arnor is about to restore full diplomatic ties with Gondor.");
  ASSERT_EQ(demo.expected.size(), 1u);
  EXPECT_EQ(demo.expected[0].ToString(), "ARN / GON / 064");
  ASSERT_EQ(s.records[2].expected.size(), 2u);
  EXPECT_EQ(s.records[2].expected[1].ToString(), "GON / DAG / 033");
  // "/*" on the text line; "-{...}": must not be coded.
  EXPECT_EQ(s.records[3].text, "Arnor is about to restore fxll diplomatic ties with Gondor.");
  EXPECT_TRUE(s.records[3].expected.empty());
  ASSERT_EQ(s.records[3].not_expected.size(), 1u);
  EXPECT_TRUE(s.records[4].option);
  EXPECT_EQ(s.records[5].date, "1995-01-05");  // 8-digit dates
  EXPECT_EQ(s.records[5].note, "discard");
}

TEST(EventValidation, PetrarchRecords) {
  ValidationSuite s = ParsePetrarchSuite(kPetrarch, "records.xml");
  ASSERT_EQ(s.verb_files.size(), 1u);
  EXPECT_EQ(s.verb_files[0], "PETR.Validate.verbs.txt");
  ASSERT_EQ(s.records.size(), 3u);  // AGENTS is not in <Include>
  const auto& demo = s.records[0];
  EXPECT_EQ(demo.id, "DEMO-00");
  EXPECT_EQ(demo.date, "1995-01-01");
  EXPECT_EQ(demo.text,
            "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its "
            "embassy & more.");
  ASSERT_EQ(demo.expected.size(), 1u);
  EXPECT_EQ(demo.expected[0].ToString(), "ARN / GON / 064");
  EXPECT_EQ(s.records[1].note, "noevents");
  EXPECT_TRUE(s.records[1].expected.empty());
  EXPECT_EQ(s.records[2].note, "error: dateline");
}

TEST(EventValidation, ScoreIsSetEquality) {
  ValidationRecord r;
  r.expected = {{"ARN", "GON", "064"}, {"GON", "ARN", "033"}};
  EXPECT_TRUE(ScoreRecord(r, {{"GON", "ARN", "033"}, {"ARN", "GON", "064"}, {"ARN", "GON", "064"}}).right);
  RecordScore wrong = ScoreRecord(r, {{"ARN", "GON", "064"}, {"ARN", "OSG", "064"}});
  EXPECT_FALSE(wrong.right);
  ASSERT_EQ(wrong.missing.size(), 1u);
  EXPECT_EQ(wrong.missing[0].code, "033");
  ASSERT_EQ(wrong.extra.size(), 1u);
  EXPECT_EQ(wrong.extra[0].target, "OSG");
  ValidationRecord none;
  EXPECT_TRUE(ScoreRecord(none, {}).right);
  EXPECT_FALSE(ScoreRecord(none, {{"A", "B", "010"}}).right);
}

// The real suites: record counts and their dictionaries.
TEST(EventValidation, SharedSuites) {
  namespace fs = std::filesystem;
  std::string root = DYAD_SHARED_DATA;
  std::string tabari = root + "/events/TABARI_validation/Validate.text";
  std::string petr = root + "/events/petrarch2/PETR.UnitTest.records.xml";
  if (!fs::exists(tabari) || !fs::exists(petr)) GTEST_SKIP() << "shared data absent";
  auto t = ReadValidationSuite(tabari);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->format, SuiteFormat::kTabari);
  size_t options = 0, events = 0;
  for (const auto& r : t->records) {
    options += r.option;
    events += r.expected.size();
  }
  EXPECT_EQ(t->records.size() - options, 448u);  // 472 records before FINAL-01, less START/option ones
  EXPECT_GT(events, 450u);
  ASSERT_EQ(t->verb_files.size(), 1u);
  EXPECT_TRUE(fs::exists(t->verb_files[0]));
  EXPECT_EQ(fs::path(t->verb_files[0]).filename(), "TABARI.Demo.verbs");
  ASSERT_EQ(t->agent_files.size(), 1u);
  auto p = ReadValidationSuite(petr);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->format, SuiteFormat::kPetrarch);
  EXPECT_EQ(p->records.size(), 281u);  // 284 sentences less 3 whose category <Include> omits (AGENTS, COMPOUNDx)
  ASSERT_EQ(p->verb_files.size(), 1u);
  EXPECT_TRUE(fs::exists(p->verb_files[0]));
  EXPECT_EQ(p->discard_files.size(), 1u);
}

}  // namespace
}  // namespace dyad::eval
