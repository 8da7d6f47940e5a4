// Scoring quotes against PolNeAR (brat standoff attributions: Source / Cue / Content spans joined by
// an Attribution event). Used by `dyad eval quotes`; kept here so the reader and the metric are tested.
//
// Units are words of the article text: maximal runs of letters and digits (code point offsets), so the
// score does not depend on dyad's tokeniser and punctuation and quote marks never count.
//
// What counts as a direct quote in the gold: an attribution whose content begins with an opening
// quote mark (“ " '' ‘ «). The metric:
//   content P/R/F1  word overlap between the system's direct quotes and the gold direct contents.
//                   System words inside a gold *indirect* content (a partial quote within reported
//                   speech, which PolNeAR annotates as one indirect attribution) are left out of
//                   precision: they are neither right nor wrong here.
//   speaker         for each gold direct quote with a source: the system direct quote that shares most
//                   words with it; right when its speaker as written shares a word with the gold source.
//                   Reported over the quotes the system found (matched) and over all of them.
//   all             the same word overlap over every attribution (direct and indirect), for reference.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::extract {

using CharRange = std::pair<uint32_t, uint32_t>;  // [begin, end) in code points

struct GoldAttribution {
  std::vector<CharRange> content, source, cue;
  bool direct = false;
};

// Parses a brat .ann file against its text. Lines other than T (text-bound) and E (event) lines, and
// continuation lines of multi-line span texts, are ignored; spans may be discontinuous ("0 5;9 12").
// Fails (InvalidInput, with the line number) on a T or E line it cannot read or a span past the text.
Result<std::vector<GoldAttribution>> ParseBratAttributions(std::string_view ann, std::string_view text);

// A system quote in code point offsets.
struct SystemQuote {
  CharRange content;
  CharRange speaker{0, 0};  // empty: no speaker
  bool direct = true;
};

// The quotes of an analysed document in code point offsets (speaker as written).
std::vector<SystemQuote> SystemQuotes(const Document& doc);

struct QuoteScores {
  size_t docs = 0;
  size_t gold_direct = 0, system_direct = 0;
  size_t gold_words = 0, system_words = 0;      // direct, system side after leaving partials out
  size_t recall_hits = 0, precision_hits = 0;   // words
  size_t left_out_words = 0;                    // system words inside gold indirect contents
  size_t speaker_total = 0, speaker_found = 0, speaker_right = 0;
  size_t all_gold_words = 0, all_system_words = 0, all_recall_hits = 0, all_precision_hits = 0;

  double Precision() const;
  double Recall() const;
  double F1() const;
  double SpeakerAccuracyFound() const;  // over the gold quotes the system found
  double SpeakerAccuracyAll() const;    // over all gold direct quotes with a source
};

// Adds one document's counts to *scores; appends readable speaker mistakes to *errors when not null.
void ScoreQuotes(std::string_view text, const std::vector<GoldAttribution>& gold,
                 const std::vector<SystemQuote>& system, QuoteScores* scores, std::vector<std::string>* errors);

std::string FormatQuoteScores(const QuoteScores& s);

}  // namespace dyad::extract
