// CSV for coded events (`dyad code --format csv`, `dyad export --format csv`): a header line, then one
// row per event, RFC 4180 (fields with a comma, quote, CR or LF are quoted, quotes doubled), UTF-8.
// Columns (kEventCsvColumns, in this order): doc_id, event_id, date, sentence_index, the source and
// target actor (code, country, sector, name, text, begin, end), cameo_code, cameo_root, cameo_name,
// goldstein, quad_class, plover_type, plover_mode, plover_contexts ('|'-joined), trigger_text,
// trigger_begin, trigger_end, negated (0/1), modality, location_name, location_country, lat, lon,
// rule, num_mentions, num_sources, num_articles, sentence_text. Offsets are character offsets; absent
// values are empty fields.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "events/event_record.h"

namespace dyad {

inline constexpr int kEventCsvColumns = 40;

struct EventCounts {
  int64_t num_mentions = 1, num_sources = 1, num_articles = 1;
};

void WriteEventCsvHeader(std::string& out);
void WriteEventCsv(const events::EventRecord& e, const EventCounts& counts, std::string& out);

inline void WriteEventCsvHeader(std::ostream& os) {
  std::string s;
  WriteEventCsvHeader(s);
  os << s;
}
inline void WriteEventCsv(const events::EventRecord& e, const EventCounts& counts, std::ostream& os) {
  std::string s;
  WriteEventCsv(e, counts, s);
  os << s;
}

}  // namespace dyad
