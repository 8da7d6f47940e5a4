// Reading EventRecords back out of a store, for `dyad export`: one record per deduplicated event (its
// first mention, with the event's counts and date) or one per event mention. Rows stream from one
// SQL statement, so memory stays flat however large the store is.
//
// Thread-safety: one thread.
#pragma once

#include <cstdint>
#include <string>

#include "dyad/status.h"
#include "events/event_record.h"
#include "store/query.h"
#include "store/sqlite.h"

namespace dyad::store {

struct StoredEventInfo {
  int64_t event_key = 0;  // events.id (GLOBALEVENTID); 0 for a negated mention
  int64_t mention_id = 0;
  int64_t num_mentions = 1, num_sources = 1, num_articles = 1;
  std::string url, source;  // of the article the record comes from
  std::string ingested_at;  // YYYY-MM-DDTHH:MM:SSZ
  uint32_t doc_chars = 0;
};

class EventRecordReader {
 public:
  enum class Unit { kEvents, kMentions };
  // REQUIRES: db outlives the reader. The filter is validated (kInvalidArgument).
  static Result<EventRecordReader> Open(Db& db, Unit unit, const EventFilter& filter);
  // Fills the next record; false at the end. A failed step is returned as an error.
  Result<bool> Next(events::EventRecord* r, StoredEventInfo* info);

 private:
  Stmt stmt_;
  Unit unit_ = Unit::kEvents;
};

}  // namespace dyad::store
