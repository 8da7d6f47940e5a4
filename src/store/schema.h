// The store's schema: opening a dyad store (a SQLite file), checking that it is one, creating it, and
// upgrading an older one. The tables are documented in src/store/README.md.
//
// Versioning: PRAGMA application_id marks the file as a dyad store (kApplicationId) and PRAGMA
// user_version holds the schema version. The schema is a chain of migrations: version N is what
// migrations 1..N build, so a new file runs them all and an older store runs the missing ones, each in
// its own transaction. A store with a newer version is refused (kUnsupported); a file that is not
// SQLite, or is SQLite but not a dyad store, is refused (kCorrupt) before anything is written to it.
//
// Thread-safety: the functions are reentrant; a returned Db belongs to the caller's thread.
#pragma once

#include <string>
#include <string_view>

#include "dyad/status.h"
#include "store/sqlite.h"

namespace dyad::store {

// 'dyad' in ASCII. DO NOT CHANGE: it identifies every store ever written.
inline constexpr int32_t kApplicationId = 0x64796164;
// The version this build writes. Bump it only by appending a migration in schema.cc.
inline constexpr int kSchemaVersion = 6;

enum class OpenMode {
  kReadOnly,   // query/export/sql: SQLITE_OPEN_READONLY; never creates; upgrades an older store first
  kReadWrite,  // ingest: creates the file when absent, upgrades an older schema
};

// Opens the store at `path`. kReadWrite sets WAL journaling, synchronous=NORMAL and foreign-key-free
// fast settings; kReadOnly on a store older than kSchemaVersion upgrades it through a read-write open
// first (queries read the current tables), and is kUnsupported, naming the cause, where it cannot.
// Errors: kNotFound (read-only open of a missing file), kCorrupt (not SQLite / not a dyad store /
// damaged), kUnsupported (newer schema; an older one that cannot be upgraded), kIoError (cannot
// create, read-only folder, disk full).
Result<Db> OpenStore(const std::string& path, OpenMode mode);

// The schema version of an open store (PRAGMA user_version).
Result<int> SchemaVersion(Db& db);

// For tests of the upgrade path: creates a store at `path` at an older `version` (1..kSchemaVersion).
Status CreateStoreAtVersion(const std::string& path, int version);

// Bulk loads (store/writer.h). DeferQueryIndexes drops the indexes on events that a load can do
// without (by day, by source code, by target code), keeping their definitions in the
// deferred_indexes table, in one transaction; `with_key_index` false keeps kEventKeyIndex, which the
// writer's dedup probe reads whenever its memory does not know every event. RestoreDeferredIndexes
// builds every deferred index again (one sort each, far cheaper than keeping them up to date row by
// row) and empties the table, in one transaction, and returns how many it built.
// BuildDeferredIndexes does the same inside the caller's transaction, for the one named `only` (or
// all when it is empty). Queries stay correct without the indexes, only slower.
inline constexpr const char* kEventKeyIndex = "events_by_source";
Status DeferQueryIndexes(Db& db, bool with_key_index);
Result<int> RestoreDeferredIndexes(Db& db);
Result<int> BuildDeferredIndexes(Db& db, std::string_view only);

// Days since 1970-01-01 for a YYYY-MM-DD date; 0 when `date` is not a full date (unknown day).
int64_t DayNumber(std::string_view date);

}  // namespace dyad::store
