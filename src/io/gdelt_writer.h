// GDELT 2.0 layouts for coded events (`dyad code --format gdelt`, `dyad export --format gdelt|gdelt-mentions`).
//
// Event table: 61 tab-separated columns in GDELT 2.0's order (GDELT Event Codebook V2.0), no header,
// one line per event: GLOBALEVENTID, SQLDATE (YYYYMMDD), MonthYear, Year, FractionDate, the ten Actor1
// columns (Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1-3Code),
// the ten Actor2 columns, IsRootEvent, EventCode, EventBaseCode, EventRootCode, QuadClass,
// GoldsteinScale, NumMentions, NumSources, NumArticles, AvgTone, three geography groups (Actor1Geo_,
// Actor2Geo_, ActionGeo_: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID),
// DATEADDED (YYYYMMDDHHMMSS) and SOURCEURL.
//
// Conventions and where dyad differs (documented in src/io/README.md):
//   - An actor code is split in 3-letter blocks: the country/IGO block goes to CountryCode, the role
//     blocks to Type1..3Code; known-group, ethnic and religion codes stay empty (dyad does not code
//     them). Actor names are upper-cased as GDELT prints them.
//   - Geography: only ActionGeo is filled, from the event's location (Type 4 "world city" with
//     coordinates, 1 "country" with a country only); CountryCode holds dyad's 3-letter code, not FIPS.
//   - AvgTone is 0 (dyad does not score tone). IsRootEvent is 1 for events in the first sentence.
//   - Unknown date: SQLDATE and its derived columns are empty. Tabs and newlines in values become spaces.
//
// Mentions table: 16 tab-separated columns (GDELT 2.0 Mentions): GLOBALEVENTID, EventTimeDate,
// MentionTimeDate, MentionType (1 = web), MentionSourceName, MentionIdentifier, SentenceID (1-based),
// Actor1CharOffset, Actor2CharOffset, ActionCharOffset (-1 when absent), InRawText (1), Confidence,
// MentionDocLen, MentionDocTone (0), MentionDocTranslationInfo (empty), Extras (the rule).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "events/event_record.h"

namespace dyad {

inline constexpr int kGdeltEventColumns = 61;
inline constexpr int kGdeltMentionColumns = 16;

// What a single EventRecord does not carry: the dataset's id and the deduplication counts.
struct GdeltEventInfo {
  int64_t global_event_id = 0;
  int64_t num_mentions = 1, num_sources = 1, num_articles = 1;
  std::string date_added;  // YYYYMMDDHHMMSS; empty: derived from the event date (000000 time)
  std::string source_url;  // the first article's URL (or its id when it has none)
};

struct GdeltMentionInfo {
  int64_t global_event_id = 0;
  std::string event_time;    // YYYYMMDDHHMMSS of the event (empty: from its date)
  std::string mention_time;  // YYYYMMDDHHMMSS the article was published/ingested (empty: event time)
  std::string source_name;   // publisher
  std::string identifier;    // URL, or the article id
  uint32_t doc_len = 0;      // characters in the article
  int confidence = 100;      // 0-100
};

void WriteGdeltEvent(const events::EventRecord& e, const GdeltEventInfo& info, std::string& out);
void WriteGdeltMention(const events::EventRecord& e, const GdeltMentionInfo& info, std::string& out);

inline void WriteGdeltEvent(const events::EventRecord& e, const GdeltEventInfo& info, std::ostream& os) {
  std::string line;
  WriteGdeltEvent(e, info, line);
  os << line;
}
inline void WriteGdeltMention(const events::EventRecord& e, const GdeltMentionInfo& info, std::ostream& os) {
  std::string line;
  WriteGdeltMention(e, info, line);
  os << line;
}

}  // namespace dyad
