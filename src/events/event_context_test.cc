#include "events/event_context.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "io/conllu.h"

namespace dyad::events {
namespace {

// "Putin met Raisi in Tehran on Tuesday after he left Moscow last week ." with one hand-made event on
// "met": Tuesday and Tehran attach to it; "last week" and Moscow hang from "left" and do not.
TEST(EventContextTest, AttachesTheSentencesOwnDateAndPlace) {
  auto doc = ReadConllu(
      "1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tRaisi\tRaisi\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tTehran\tTehran\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
      "6\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tTuesday\tTuesday\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
      "8\tafter\tafter\tSCONJ\tIN\t_\t10\tmark\t_\t_\n"
      "9\the\the\tPRON\tPRP\t_\t10\tnsubj\t_\t_\n"
      "10\tleft\tleave\tVERB\tVBD\t_\t2\tadvcl\t_\t_\n"
      "11\tMoscow\tMoscow\tPROPN\tNNP\t_\t10\tobj\t_\t_\n"
      "12\tlast\tlast\tADJ\tJJ\t_\t13\tamod\t_\t_\n"
      "13\tweek\tweek\tNOUN\tNN\t_\t10\tobl:tmod\t_\t_\n"
      "14\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  ASSERT_TRUE(doc.ok());
  Document& d = *doc;
  d.mutable_timexes().push_back(TimexRow{11, 13, d.Intern("DATE"), d.Intern("2022-W28")});  // last week
  d.mutable_timexes().push_back(TimexRow{6, 7, d.Intern("DATE"), d.Intern("2022-07-19")});  // Tuesday
  std::sort(d.mutable_timexes().begin(), d.mutable_timexes().end(),
            [](const TimexRow& a, const TimexRow& b) { return a.first_token < b.first_token; });
  PlaceRow tehran{4, 5, d.Intern("Tehran"), d.Intern("IRN"), d.Intern("city"), 35.69, 51.42, true};
  PlaceRow moscow{10, 11, d.Intern("Moscow"), d.Intern("RUS"), d.Intern("city"), 55.75, 37.62, true};
  d.mutable_places() = {tehran, moscow};
  EventRow e;
  e.trigger_head = 1;
  e.trigger_first = 1;
  e.trigger_end = 2;
  d.mutable_events().push_back(e);

  auto stage = MakeEventContextStage();
  ASSERT_TRUE(stage->Process(d, nullptr).ok());
  const EventRow& got = d.events()[0];
  ASSERT_GE(got.timex, 0);
  EXPECT_EQ(d.Str(d.timexes()[got.timex].value), "2022-07-19");
  ASSERT_GE(got.place, 0);
  EXPECT_EQ(d.Str(d.places()[got.place].name), "Tehran");
}

}  // namespace
}  // namespace dyad::events
