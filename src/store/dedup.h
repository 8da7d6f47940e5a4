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
// Counts are exact for what is committed, and cost O(1) per mention however often an event is told:
//   - an event first seen in this batch is counted in memory (one sort of its mentions' articles and
//     publishers) and inserted with its counts when the batch ends (the writer is the only one, so it
//     hands out the ids, and inserts in id order: rowid appends);
//   - for an older event, the writer keeps in memory which articles (clusters) and publishers have
//     told it, loaded once from its mentions (the event_key index) when a batch first tells it again;
//   - an older event gets one UPDATE per batch adding what the batch told of it;
//   - an event that lost mentions (a replaced article) is recounted from its mentions, inside the
//     batch's transaction, and forgotten by the memory.
// The memory is bounded (kMaxRememberedMembers) and is a cache only: a rollback empties it.
//
// Thread-safety: an EventDeduplicator belongs to the writer thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/string_hash.h"
#include "dyad/status.h"
#include "events/event_record.h"
#include "store/event_key_map.h"
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
  // `store_has_events`: whether the events table holds any row now (a writer's open checks it once).
  static Result<EventDeduplicator> Prepare(sqlite3* db, bool store_has_events);

  // Call at the start of every batch (inside its transaction).
  Status BeginBatch();
  // The events.id of the event this mention belongs to; a new event gets the next free id and is
  // inserted by FinishBatch. `day` is the mention's day number (schema.h DayNumber), `date` its
  // YYYY-MM-DD text. REQUIRES: `r` and the bytes of `date` stay alive until FinishBatch returns.
  Result<int64_t> EventFor(const events::EventRecord& r, int64_t day, std::string_view date);
  // Counts a mention (event_mentions.id `mention_id`) of event `key` from an article of cluster
  // `cluster` (its canonical article id) and publisher `source` ('' unknown). REQUIRES: called before
  // the mention row is inserted.
  Status AddMention(int64_t key, int64_t mention_id, int64_t cluster, std::string_view source);
  // True while the writer's memory holds every event of the store, so a key it lacks is new and no
  // index is probed (a store without events when the writer opened it, until a million keys or a
  // lost event). When false, EventFor reads the key index (schema.h kEventKeyIndex).
  bool knows_every_event() const { return cache_complete_; }
  // Remembers that an event's counts must be recomputed by SQL (it lost mentions).
  void Touch(int64_t event_key) { touched_.insert(event_key); }

  // Inserts the batch's new events with their counts, recounts the touched older ones and deletes
  // events left without mentions. Call inside the batch's transaction, before COMMIT.
  Status FinishBatch();
  // After a rollback: the cached ids and pending events may no longer exist.
  void Forget() {
    cache_.clear();
    cache_complete_ = false;
    touched_.clear();
    pending_.clear();
    new_members_.clear();
    deltas_.clear();
    countries_.clear();
    ForgetMembers();
  }

  // The earliest stored article (other than `article_id`) within kNearDuplicateBits of `simhash`,
  // among the first kMaxBandCandidates articles of each band.
  Result<std::optional<int64_t>> FindNearDuplicate(int64_t article_id, uint64_t simhash);
  Status AddBands(int64_t article_id, uint64_t simhash);

 private:
  // An event first seen in this batch; its id is first_new_id_ + its index in pending_. The record
  // and date point into the batch being written (alive until FinishBatch).
  struct Pending {
    const events::EventRecord* first = nullptr;  // key and descriptive fields (actors, codes)
    int64_t day = 0;
    std::string_view date;
    int64_t mentions = 0, sources = 0, articles = 0, first_mention = 0;
  };
  struct Delta {  // what this batch adds to an older event's counts
    int64_t mentions = 0, sources = 0, articles = 0;
  };
  // A member of an event: an article cluster (>= 0) or a publisher (-1 - its number in source_ids_).
  struct Member {
    int64_t event, who;
    bool operator==(const Member&) const = default;
  };
  struct MemberHash {
    size_t operator()(const Member& m) const {
      return std::hash<uint64_t>()(static_cast<uint64_t>(m.event) * 0x9e3779b97f4a7c15ull ^ static_cast<uint64_t>(m.who));
    }
  };
  int64_t SourceNumber(std::string_view source);
  Result<int64_t> DataVersion();
  // Makes `key`'s members known (loads an older event's from its mentions); false if they cannot be
  // trusted this batch (a touched event: recounted by SQL instead).
  Result<bool> Remember(int64_t key);
  // Records that events of `country` have used actor `code` (actor_countries), once per writer.
  Status NoteCountry(std::string_view country, std::string_view code);
  void ForgetMembers() {
    members_.clear();
    remembered_.clear();
    source_ids_.clear();
  }

  Stmt find_event_, insert_event_, recount_, delete_empty_, band_lookup_, band_insert_, max_id_, data_version_, members_of_,
      add_counts_, insert_country_;
  std::unordered_map<int64_t, Delta> deltas_;
  EventKeyMap cache_;  // dedup key -> events.id
  // True while cache_ holds every event of the store (it was empty when the writer opened it and
  // nothing has been dropped from the cache since): a key it lacks is new, with no index probe.
  bool cache_complete_ = false;
  // PRAGMA data_version as of the last batch: it changes when another connection commits, and then
  // nothing remembered (ids, members, completeness) can be trusted.
  int64_t data_version_seen_ = 0;
  std::unordered_set<int64_t> touched_;
  std::vector<Pending> pending_;
  std::vector<Member> new_members_;  // (new event, member) per mention of this batch, counted at its end
  int64_t first_new_id_ = 1;
  std::unordered_set<Member, MemberHash> members_;  // who already told each remembered event
  std::unordered_set<int64_t> remembered_;          // events whose members are all in members_
  StringMap<int64_t> source_ids_;
  StringSet countries_;  // "country code" pairs already in actor_countries (bounded)
  std::string country_key_;  // reused
};

}  // namespace dyad::store
