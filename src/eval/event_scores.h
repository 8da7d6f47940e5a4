// Event scores against hand-coded gold (eval/events/dev_gold.tsv; format in eval/events/README.md).
//
// The gold points into files under ../shared/data (path, record, code point offsets, SHA-1 prefix)
// and never holds their text. This module reads the gold, fetches the record texts it names, and
// scores predicted events sentence by sentence at three levels:
//   root   — same CAMEO root, same source country, same target country
//   code   — same full CAMEO code and the same countries
//   actor  — same full CAMEO code, same source and target actor codes
// Matching is one-to-one within a sentence. Each level's criterion is an equality of keys, so the
// greedy pairing used here is also a maximum matching (the count is a multiset intersection).
//
// Thread-safety: plain values; an EventScorer is used by one thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "eval/gold_fields.h"

namespace dyad::eval {

// One event, gold or predicted. Countries are the first three-letter block of the actor code.
struct CodedEvent {
  std::string source, target;                  // CAMEO actor codes; empty when absent
  std::string cameo;                           // "036"
  std::string source_country, target_country;  // "RUS", "IGO"; empty when absent
  std::string detail;                          // gold: the coder's note; predicted: trigger and rule
};

// A gold sentence: where it is, and its events (empty: the coder found no codable event).
struct GoldSentence : GoldSpan {  // the span is the sentence
  std::vector<CodedEvent> events;
  int line = 0;        // first line of the sentence in the gold file (for messages)
};

struct EventGold {
  std::vector<GoldSentence> sentences;  // in file order; rows of one sentence are grouped
};

// Parses the gold TSV text. Rows of one sentence must be adjacent; a `-` row must be the sentence's
// only row. Errors name the line.
// `file` names the source in errors ("file:line: ...").
Result<EventGold> ParseEventGold(std::string_view tsv, std::string_view file = "gold");
Result<EventGold> LoadEventGold(const std::string& path);

// "news/bbc/bbc_politics.jsonl#bbc/politics/015.txt", or the path alone for a plain file.
std::string GoldDocumentKey(const GoldSentence& s);

// The text of one record as eval/events/README.md defines it (JSONL `text` field by `id`, CSV third
// column by first, Reuters BODY by NEWID, or the whole plain file), always valid UTF-8 (a plain file
// that is not UTF-8 is decoded as latin-1).
Result<std::string> ReadGoldRecord(const std::string& shared_dir, const std::string& path,
                                   const std::string& record);

// Byte range of code points [begin, end) in UTF-8 text; NotFound/InvalidInput when out of range.
Result<std::pair<size_t, size_t>> CodePointRangeToBytes(std::string_view text, uint32_t begin,
                                                        uint32_t end);

// First 8 hex digits of SHA-1 of `bytes`.
std::string Sha1Prefix8(std::string_view bytes);

// Checks that the sentence's checksum matches `record_text` (the record it points into).
Status VerifyGoldSentence(const GoldSentence& s, std::string_view record_text);

struct Counts {
  int64_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 0.0 : static_cast<double>(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0.0 : static_cast<double>(tp) / (tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

// A root-level miss (gold event not found) or false alarm (predicted event not in the gold).
struct EventError {
  bool miss = false;   // true: gold event missed; false: false alarm
  std::string where;   // "path#record [begin,end)"
  CodedEvent event;
  std::string nearest;  // a same-sentence event of the other side with the same root or dyad, if any
};

struct EventScores {
  Counts root, code, actor;
  std::map<std::string, Counts> by_root;  // "03" -> root-level counts (fn by gold root, fp by predicted)
  std::vector<EventError> errors;
  int64_t sentences = 0;              // gold sentences scored
  int64_t gold_event_sentences = 0;   // of which with at least one gold event
  int64_t predicted_in_empty = 0;     // predicted events in sentences the coder left without events
};

class EventScorer {
 public:
  // Scores one gold sentence against the events predicted for it; `where` labels its errors.
  void Add(const GoldSentence& gold, const std::vector<CodedEvent>& predicted);
  const EventScores& scores() const { return scores_; }

 private:
  EventScores scores_;
};

// How a system's sentences cover one gold sentence (spans in code points, sorted by begin).
struct CharSpan {
  uint32_t begin = 0, end = 0;
  bool body = true;  // false: a furniture sentence (headline, credit, boilerplate)
};
struct SentenceCover {
  int overlapping = 0;  // system sentences sharing at least one character with the gold sentence
  int body = 0;         // of which body sentences
  bool same_span = false;  // exactly one overlapping sentence, with the gold sentence's span
};
// REQUIRES: `system` sorted by begin and non-overlapping (a document's sentences are). O(log n + k).
SentenceCover CoverOf(const GoldSentence& gold, const std::vector<CharSpan>& system);

// Assigns predicted events of one document to its gold sentences: an event belongs to the gold
// sentence whose span holds its trigger position (its system sentence then overlaps that gold
// sentence). Returns, per gold sentence, the indexes into `trigger_positions`; *outside counts the
// events in no gold sentence (text the coder did not code). O((n + m) log m).
std::vector<std::vector<size_t>> AssignByTrigger(const std::vector<const GoldSentence*>& gold,
                                                 const std::vector<uint32_t>& trigger_positions,
                                                 size_t* outside);

// The CAMEO root of a code: its first two characters ("0211" -> "02"); "" when shorter.
std::string_view CameoRoot(std::string_view code);

// "news/x.jsonl#id [34,138)".
std::string DescribeLocation(const GoldSentence& s);

}  // namespace dyad::eval
