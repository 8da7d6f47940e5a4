// StoreWriter: writes Documents and their EventRecords into a dyad store, the one writer of a store.
//
// Write() takes a batch and commits it as one transaction: either every article of the batch is in
// the store, with all its rows and the event counts updated, or none is (a kill -9, a full disk or any
// error rolls the batch back; what earlier batches committed stays). An article whose doc_id is
// already stored is replaced: its old rows go, its id stays, the events it fed are recounted.
// Prepared statements are made once; a batch of articles costs one fsync-free WAL commit
// (synchronous=NORMAL), so throughput is bound by SQLite's B-tree inserts. A bulk load (IndexMode)
// leaves the indexes of events out while it writes and builds them once when it closes: a sorted
// build instead of three random inserts per new event (the key index only while the writer's memory
// knows every event: README "Bulk loads"). Queries during such a load are
// correct but slow; a load killed before Close() leaves them deferred, and the next writer builds them.
//
// Thread-safety: one thread. Several processes must not write one store at once (SQLite serialises
// them: a second writer waits up to 5 s and then fails with kIoError "database is locked").
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "events/event_record.h"

namespace dyad::store {

struct ArticleToStore {
  const Document* doc = nullptr;                            // its meta().id is the article id
  const std::vector<events::EventRecord>* events = nullptr;  // may be null: no events
};

struct WriteCounts {
  uint64_t articles = 0, replaced = 0, sentences = 0, mentions = 0, event_mentions = 0, quotes = 0,
           dates = 0, amounts = 0, places = 0, near_duplicates = 0;
};

// 64-bit fingerprint of an article's text and metadata; equal fingerprints mean an identical record.
uint64_t ArticleFingerprint(const Document& doc);

// When the query indexes (schema.h DeferQueryIndexes) are built.
enum class IndexMode {
  // Deferred while the store holds no events when the writer opens it (a first load), else kept.
  kAuto,
  // Kept up to date with every batch: the right choice for small additions to a large store.
  kIncremental,
  // Dropped when the writer opens and built once by Close(): for large loads into any store. The key
  // index stays on a store with events, and is built mid-load when the memory stops knowing them all.
  kBulk,
};

struct WriterOptions {
  IndexMode indexes = IndexMode::kAuto;
};

class StoreWriter {
 public:
  // Opens (creating or upgrading) the store at `path`. See schema.h for the errors. A writer that does
  // not defer the query indexes first builds any that a killed bulk load left deferred.
  static Result<std::unique_ptr<StoreWriter>> Open(const std::string& path, const WriterOptions& options = {});
  ~StoreWriter();

  // One transaction for the whole batch. REQUIRES: every doc has a non-empty id; ids are unique within
  // the batch (a repeated id: the last one wins).
  Status Write(std::span<const ArticleToStore> batch);

  // True when an article with this id and the same fingerprint is already stored (a rerun after a kill
  // can skip it).
  Result<bool> HasIdentical(const Document& doc);

  // Builds the deferred query indexes (bulk mode), checkpoints the WAL into the main file and closes.
  // Called by the destructor too (errors dropped; the indexes are then built by the next writer).
  Status Close();

  // True while this writer keeps the query indexes deferred.
  bool defers_indexes() const;

  const WriteCounts& counts() const { return counts_; }

  // Tests of the disk-full path: lets the file grow by at most `pages` more pages.
  Status LimitGrowthForTesting(int64_t pages);

 private:
  struct Impl;
  explicit StoreWriter(std::unique_ptr<Impl> impl);
  Status WriteArticle(const ArticleToStore& a);
  std::unique_ptr<Impl> impl_;
  WriteCounts counts_;
};

}  // namespace dyad::store
