// Amounts: a number (numeral, number words, scale, vague count) with the unit or the thing it
// counts, value normalised.
//
//   "$5 billion", "€20m", "£3bn"           money     5e9 USD, 2e7 EUR, 3e9 GBP
//   "5 million euros", "two Jordanian dinars" money  5e6 EUR, 2 JOD
//   "11.8 million ducats"                  money     1.18e7 ducat (no code known: the word is kept)
//   "22 million tons of grain"             quantity  2.2e7 ton (the "of" object joins the span)
//   "40%", "40 per cent"                   percent   40 percent
//   "4.1 million people", "two dozen soldiers", "hundreds of refugees"
//                                          count     4.1e6 people, 24 soldier, 200 refugee (approx.)
//   "at least 10" (nothing counted)        count     10, unit empty
//
// Not amounts: years and dates, clock times, durations ("two years": the timex stage's), ordinals,
// numbers inside names ("Resolution 2254", "F-16"), "one" on its own. When the timex layer is
// present, its tokens are skipped.
//
// The stage (MakeAmountStage) requires tags (plural nouns, adjectives), provides kLayerAmounts and
// skips byline, credit and boilerplate sentences. Immutable and thread-safe; linear per sentence.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/stage.h"

namespace dyad {

// Requires kLayerTags, provides kLayerAmounts. Fills Document::mutable_amounts() (replacing what
// was there), in text order, not overlapping.
std::shared_ptr<const Stage> MakeAmountStage();

namespace extract {

struct AmountWord {
  std::string lower;       // lower-cased folded form
  std::string_view xpos;   // Penn tag, empty when untagged
  std::string_view lemma;  // lemma, empty when untagged
  bool space_before = true;
  bool capitalised = false;
  bool in_timex = false;   // covered by a time expression: never part of an amount
};

struct AmountMatch {
  uint32_t first = 0, end = 0;  // word range [first, end) within the sentence
  double value = 0;
  std::string unit;  // "USD", "ton", "percent", "people", "soldier", "" (bare count)
  std::string kind;  // "money", "quantity", "percent", "count"
};

// Appends the amounts of one sentence to *out, in order, not overlapping.
void FindAmounts(const std::vector<AmountWord>& words, std::vector<AmountMatch>* out);

// Runs FindAmounts over every sentence of a tagged document and fills its amount layer.
void AnnotateAmounts(Document& doc);

}  // namespace extract
}  // namespace dyad
