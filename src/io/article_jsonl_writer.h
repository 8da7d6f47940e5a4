// One JSON line per article (`dyad code --emit docs`): the article's metadata, its events and everything
// the extraction stages found, each span with character (code point) offsets into the article text:
//
//   {"doc_id", "date", "title", "url", "source",
//    "tone": {"tone","positive","negative","polarity","words"} | null,
//    "actors":   [{"text","begin","end","code","country","sector","name","kind","rule"}],
//    "events":   [<the event object of event_jsonl_writer.h>],
//    "quotes":   [{"text","begin","end","direct","cue","speaker": {"text","begin","end","code"} | null}],
//    "dates":    [{"text","begin","end","type","value"}],
//    "amounts":  [{"text","begin","end","value","unit","kind"}],
//    "places":   [{"text","begin","end","name","country","feature","lat","lon"}],
//    "entities": [{"text","begin","end","type"}]}
#pragma once

#include <string>
#include <vector>

#include "dyad/document.h"
#include "events/event_record.h"

namespace dyad {

// Document-level scores the caller computed (tone); `has_tone` false prints null.
struct ArticleScores {
  bool has_tone = false;
  double tone = 0, positive = 0, negative = 0, polarity = 0;
  uint32_t words = 0;
};

// Appends one line (ending in '\n'). `events` are doc's events as MakeEventRecords gave them; those not
// told as happening (negated, hypothetical) are left out unless `keep` keeps them.
void WriteArticleJsonl(const Document& doc, const std::vector<events::EventRecord>& events,
                       const ArticleScores& scores, const events::KeepEvents& keep, std::string& out);

}  // namespace dyad
