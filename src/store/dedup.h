// Deduplication, GDELT style. Every coded event as told by one article is an event *mention*
// (event_mentions); mentions with the same day, source actor code, target actor code and CAMEO code
// are one *event* (events), which counts them as GDELT does:
//   NumMentions  every mention, several in one article included;
//   NumSources   distinct publishers (articles.source; articles without one count as one source);
//   NumArticles  distinct articles, where near-duplicate articles (a wire story reprinted) count once.
// Negated mentions are stored but belong to no event. Near-duplicates: a 64-bit simhash over word
// 3-shingles; two articles whose hashes differ in at most kNearDuplicateBits bits are the same story,
// and the later one points at the earlier (articles.duplicate_of). Lookup is by four 16-bit bands
// (pigeonhole: within 3 bits, one band is equal), with at most kMaxBandCandidates per band, so the
// cost per article is bounded whatever the store holds.
//
// Counts are exact for what is committed, and cost O(log n) per mention however often an event is told:
//   - an event first seen in this batch is counted in memory and inserted with its counts when the
//     batch ends (the writer is the only one, so it hands out the ids);
//   - a mention of an older event probes the (event_key, cluster) and (event_key, source) indexes of
//     event_mentions to learn whether its article or publisher is new to the event, and the batch adds
//     the differences to the stored counts;
//   - an event that lost mentions (a replaced article) is recounted from its mentions, inside the
//     batch's transaction.
//
// Thread-safety: an EventDeduplicator belongs to the writer thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "dyad/status.h"
#include "events/event_record.h"
#include "store/sqlite.h"

namespace dyad::store {

inline constexpr int kNearDuplicateBits = 3;
inline constexpr int kMaxBandCandidates = 64;

// 64-bit simhash of the lower-cased word 3-shingles of `text` (words: runs of ASCII letters/digits and
// any non-ASCII bytes). Texts under three words hash their words.
uint64_t SimHash(std::string_view text);
int HammingDistance(uint64_t a, uint64_t b);

class EventDeduplicator {
 public:
  static Result<EventDeduplicator> Prepare(sqlite3* db);

  // Call at the start of every batch (inside its transaction).
  Status BeginBatch();
  // The events.id of the event this mention belongs to; a new event gets the next free id and is
  // inserted by FinishBatch. `day` is the mention's day number (schema.h DayNumber), `date` its
  // YYYY-MM-DD text.
  Result<int64_t> EventFor(const events::EventRecord& r, int64_t day, std::string_view date);
  // Counts a mention (event_mentions.id `mention_id`) of event `key` from an article of cluster
  // `cluster` (its canonical article id) and publisher `source` ('' unknown). REQUIRES: called before
  // the mention row is inserted.
  Status AddMention(int64_t key, int64_t mention_id, int64_t cluster, std::string_view source);
  // Remembers that an event's counts must be recomputed by SQL (it lost mentions).
  void Touch(int64_t event_key) { touched_.insert(event_key); }
  // Inserts the batch's new events with their counts, recounts the touched older ones and deletes
  // events left without mentions. Call inside the batch's transaction, before COMMIT.
  Status FinishBatch();
  // After a rollback: the cached ids and pending events may no longer exist.
  void Forget() {
    cache_.clear();
    touched_.clear();
    pending_.clear();
    deltas_.clear();
  }

  // The earliest stored article (other than `article_id`) within kNearDuplicateBits of `simhash`.
  Result<std::optional<int64_t>> FindNearDuplicate(int64_t article_id, uint64_t simhash);
  Status AddBands(int64_t article_id, uint64_t simhash);

 private:
  struct Pending {  // an event first seen in this batch
    events::EventRecord first;  // key and descriptive fields (actors, codes)
    int64_t day = 0;
    std::string date;
    int64_t mentions = 0, first_mention = 0;
    std::unordered_set<int64_t> clusters;
    std::unordered_set<std::string> sources;
  };
  struct Delta {  // what this batch adds to an older event's counts
    int64_t mentions = 0, sources = 0, articles = 0;
  };
  Stmt find_event_, insert_event_, recount_, delete_empty_, band_lookup_, band_insert_, simhash_of_, max_id_,
      has_cluster_, has_source_, add_counts_;
  std::unordered_map<int64_t, Delta> deltas_;
  std::unordered_map<std::string, int64_t> cache_;  // dedup key -> events.id (bounded, see .cc)
  std::unordered_set<int64_t> touched_;
  std::unordered_map<int64_t, Pending> pending_;
  int64_t next_id_ = 1;
  std::string key_;
};

}  // namespace dyad::store
