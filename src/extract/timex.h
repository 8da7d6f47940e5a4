// Time expressions (TIMEX3-style): finds dates, times, durations and sets in a sentence and
// normalises them against the article date (DocumentMeta::date), the way news is read:
//
//   "Tuesday" (article of Monday 2022-07-18)   DATE      2022-07-19   weekday: nearest, or the
//                                                                      past/future one when the
//                                                                      nearest verb's tense says so
//   "last month" / "this week" / "next year"   DATE      2022-06 / 2022-W29 / 2023
//   "in 2015", "the 1990s", "the 20th century" DATE      2015 / 199 / 19
//   "July 18", "18 July 2022", "Feb. 28"       DATE      2022-07-18 ... (year from the tense)
//   "Monday morning", "10 a.m. Friday"         TIME      2022-07-18TMO / 2022-07-22T10:00
//   "two years ago"                            DATE      2020
//   "the past three weeks", "six-month"        DURATION  P3W / P6M ("recent weeks": PXW)
//   "daily", "every week"                      SET       P1D / P1W
//   "now", "currently" / "recently" / "soon"   DATE      PRESENT_REF / PAST_REF / FUTURE_REF
//
// Without an article date, values that depend on it keep TIMEX3 placeholders ("XXXX-WXX-2",
// "XXXX-06"). Modifiers ("early", "late", "the end of", "almost", "more than") are part of the
// span but do not change the value (TIMEX3 puts them in a mod attribute, which the row lacks).
//
// The stage (MakeTimexStage) requires tags (XPOS is used for the tense and to tell "May" the month
// from "may"), provides kLayerTimexes, and skips byline, credit and boilerplate sentences.
// Everything is immutable and thread-safe. Work per sentence is linear in its length (each rule
// looks at a bounded window).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/stage.h"
#include "extract/timex_calendar.h"

namespace dyad {

// Requires kLayerTags, provides kLayerTimexes. Fills Document::mutable_timexes() (replacing what
// was there), in text order, not overlapping.
std::shared_ptr<const Stage> MakeTimexStage();

namespace extract {

struct TimexWord {
  std::string lower;      // lower-cased folded form of the token
  std::string_view xpos;  // Penn tag, empty when untagged
  bool capitalised = false;
};

struct TimexMatch {
  uint32_t first = 0, end = 0;  // word range [first, end) within the sentence
  std::string type;             // "DATE", "TIME", "DURATION", "SET"
  std::string value;
};

// Appends the time expressions of one sentence to *out (in order, not overlapping).
// anchor: the article date, or nullptr when unknown.
void FindTimexes(const std::vector<TimexWord>& words, const CivilDate* anchor, std::vector<TimexMatch>* out);

// Convenience for tests and tools: runs FindTimexes over every sentence of a tokenised (ideally
// tagged) document and fills its timex layer. Uses doc.meta().date as the anchor.
void AnnotateTimexes(Document& doc);

}  // namespace extract
}  // namespace dyad
