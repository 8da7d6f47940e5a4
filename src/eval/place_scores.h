// Place scores against the hand-made gold in eval/places/gold.tsv (format and guidelines in
// eval/places/README.md).
//
// The gold points into articles under ../shared/data (path, record, code point offsets, SHA-1 prefix
// of the span) and never holds their text. Every place mention of each listed article is annotated,
// so every place the system finds in those articles is scored. Per article, system places are paired
// one-to-one with gold mentions whose character spans overlap (largest overlap first, in text order);
// then:
//   detection  precision / recall / F1 of place mentions (overlap match)
//   country    accuracy of the country code on matched mentions whose gold country is one code, and
//              the same over all such gold mentions (a missed mention counts as wrong)
// Gold mentions labelled `-` (a sea, a continent, a region across borders) count for detection and
// are reported apart for the country: right when the system gives no country either.
//
// Thread-safety: plain values; a PlaceScorer is used by one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "eval/event_scores.h"  // Counts, ReadGoldRecord, Sha1Prefix8, CodePointRangeToBytes

namespace dyad::eval {

// One gold place mention.
struct GoldPlace : GoldSpan {  // the span is the place mention; record keys: see ReadPlaceRecord
  std::string country; // dyad country code ("IRN", "ROM"), or "-" for no single country
  std::string type;    // the annotator's kind: country, city, subdivision, region, water, other
  std::string split;   // "dev" (look and tune), "test" (held out, then read), "test2" (held out)
  int line = 0;        // line in the gold file (for messages)
};

struct PlaceGold {
  std::vector<GoldPlace> mentions;  // file order
};

// Parses the gold TSV (comment lines, one header line, 9 columns). Errors name the line. Mentions of
// one article must not overlap.
// `file` names the source in errors ("file:line: ...").
Result<PlaceGold> ParsePlaceGold(std::string_view tsv, std::string_view file = "gold");
Result<PlaceGold> LoadPlaceGold(const std::string& path);

// "path#record", or the path alone for a plain file.
std::string PlaceDocumentKey(const GoldPlace& p);

// The record text as eval/events/README.md defines it (ReadGoldRecord), plus "row:N" for a CSV file:
// the third column of its N-th row (1-based, header included), as AG News has no id column.
Result<std::string> ReadPlaceRecord(const std::string& shared_dir, const std::string& path,
                                    const std::string& record);

// Checks the mention's checksum against the record text it points into.
Status VerifyGoldPlace(const GoldPlace& p, std::string_view record_text);

// A place the system found, in code points of the record text.
struct PredictedPlace {
  uint32_t begin = 0, end = 0;
  std::string country;  // empty: no single country
  std::string name, feature;
};

// The places layer of an analysed document, in code points.
std::vector<PredictedPlace> PredictedPlaces(const Document& doc);

struct PlaceError {
  enum Kind { kMiss, kFalse, kWrongCountry } kind = kMiss;
  std::string where;  // "path#record [begin,end)"
  std::string text;   // the span as written (gold span for misses and wrong countries)
  std::string gold_country, system_country, system_name;
};

struct PlaceScores {
  Counts detection;
  int64_t matched_country = 0;  // matched gold mentions with one country
  int64_t right_country = 0;    // of which the system gave the same country
  int64_t gold_country = 0;     // gold mentions with one country (matched or not)
  int64_t gold_none = 0, matched_none = 0, right_none = 0;  // gold `-` mentions
  std::map<std::string, Counts> by_type;  // detection by gold type (fp not attributed: 0)
  std::map<std::string, std::pair<int64_t, int64_t>> country_by_type;  // type -> (right, matched)
  std::vector<PlaceError> errors;
  int64_t documents = 0;
  double CountryAccuracy() const {
    return matched_country == 0 ? 0.0 : static_cast<double>(right_country) / matched_country;
  }
  double CountryAccuracyAll() const {
    return gold_country == 0 ? 0.0 : static_cast<double>(right_country) / gold_country;
  }
};

class PlaceScorer {
 public:
  // Scores one article: all its gold mentions against all the system's places in it. `text` is the
  // record text (for the error list). O((n + m) log(n + m)).
  void AddDocument(std::string_view text, const std::vector<const GoldPlace*>& gold,
                   std::vector<PredictedPlace> predicted);
  const PlaceScores& scores() const { return scores_; }

 private:
  PlaceScores scores_;
};

// Runs `analyze` on each article of the gold whose split matches (`split` empty or "all": every
// article) and scores it. Articles whose checksums do not match are skipped and counted in *drifted.
// `analyze` must fill the document's places layer.
Result<PlaceScores> EvaluatePlaces(const PlaceGold& gold, const std::string& shared_dir,
                                   const std::string& split,
                                   const std::function<Status(Document&)>& analyze,
                                   int64_t* drifted = nullptr);

// The score table as text ("detection P R F1 ...", "country ...").
std::string FormatPlaceScores(const PlaceScores& s);

}  // namespace dyad::eval
