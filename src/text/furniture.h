// News furniture: the parts of an article that are not its body. The furniture stage marks them so
// later stages (events, quotes ...) can skip them:
//   headline     the first paragraph when it is one to three short lines without a full stop and a
//                blank line follows, or when it equals the record's title;
//   byline       "By Jane Doe, Associated Press" as its own paragraph near the top;
//   dateline     "TEHRAN, Iran —", "MOSCOW (Reuters) -", "WASHINGTON —" at the start of the first
//                body paragraph (only that span: the rest of the sentence stays body);
//   credit       "... contributed.", "X reported from Y.", "Reporting by ...; Editing by ...",
//                at the end of the article;
//   boilerplate  "Comments are closed.", "Follow AP's coverage ... at https://...", "Sign up ...",
//                "Copyright ...", "All rights reserved", share/subscribe lines, at the end.
// Credit and boilerplate are searched backwards from the end of the text, one sentence-in-paragraph
// unit at a time, stopping at the first unit that is body text, so a body sentence that happens to
// start with "Follow" is never marked. The phrase lists live in furniture.cc.
//
// The stage requires tokens and sentences; it sets SentenceRow::kind for sentences that are entirely
// furniture and fills Document::furniture() with the marked byte spans (sorted, not overlapping).
// Thread-safety: the stage is immutable; Process() is const and needs no scratch.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "dyad/document.h"
#include "dyad/stage.h"

namespace dyad {

std::shared_ptr<const Stage> MakeFurnitureStage();

// The headline at the top of text (a view into text, trimmed), or empty when the first paragraph
// does not look like one. Readers use it to fill DocumentMeta::title for plain text.
std::string_view HeadlineCandidate(std::string_view text);

// Byte length of a dateline at the start of paragraph (up to and including its dash), or 0.
size_t DatelineLength(std::string_view paragraph);

// True when paragraph is a byline ("By Jane Doe and John Roe, Associated Press").
bool IsByline(std::string_view paragraph);

// kCredit, kBoilerplate, or kBody for one sentence (or line) from the end of an article.
Furniture ClassifyTrailing(std::string_view unit);

}  // namespace dyad
