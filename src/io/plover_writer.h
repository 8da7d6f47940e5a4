// PLOVER JSON lines (`dyad code --format plover`, `dyad export --format plover`): one object per event in
// the PLOVER data-exchange layout (PLOVER manual, chapter "Data Fields"):
//   {"id", "date", "actor": [entity], "recipient": [entity], "event": [TYPE], "mode": [..], "context": [..],
//    "quad_code", "event_scale", "event_text": [trigger], "event_loc": {...}?, "text"?,
//    "cite_info": {"doc_id", "url", "source"}, "coder": "dyad", "cameo": code,
//    "num_mentions", "num_sources", "num_articles"}
// entity = {"code": 3-letter country/IGO block, "sector": role blocks of the CAMEO code ("GOV"),
//           "sector_name": PLOVER sector word, "entity_text": as written, "identifier_text": canonical
//           name, "actor_code": the full CAMEO actor code}.
// Required PLOVER fields (id, date, actor, event) are always present: an event without a PLOVER
// counterpart (CAMEO's plain statements), without a source actor or without a full date is not written
// (WritePloverJson returns false) so that every line is a valid PLOVER record.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "events/event_record.h"

namespace dyad {

struct PloverInfo {
  std::string id;   // record id; empty: the event_id
  std::string url, source;
  int64_t num_mentions = 1, num_sources = 1, num_articles = 1;
  bool include_text = true;  // the "text" field (the sentence): only with rights to the text
};

// Appends one line; false (nothing appended) when the event cannot be a valid PLOVER record.
bool WritePloverJson(const events::EventRecord& e, const PloverInfo& info, std::string& out);

inline bool WritePloverJson(const events::EventRecord& e, const PloverInfo& info, std::ostream& os) {
  std::string line;
  bool wrote = WritePloverJson(e, info, line);
  os << line;
  return wrote;
}

}  // namespace dyad
