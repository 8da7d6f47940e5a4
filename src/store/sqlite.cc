#include "store/sqlite.h"

#include <sys/mman.h>

#include <mutex>
#include <string>

#include "core/huge_pages.h"

namespace dyad::store {

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  int primary = rc & 0xff;
  std::string msg(what);
  msg += ": ";
  msg += (db != nullptr && sqlite3_errcode(db) == rc) ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (primary) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corrupt(msg + " (the file is damaged or is not a dyad store)");
    case SQLITE_FULL:
      return Status::IoError(msg + " (disk or database full: the current batch was rolled back, "
                                   "everything committed before it is kept)");
    case SQLITE_READONLY:
      return Status::IoError(msg + " (the store or its folder is read-only)");
    case SQLITE_CANTOPEN:
      return Status::IoError(msg + " (missing file, or the folder is not writable)");
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IoError(msg);
    case SQLITE_AUTH:
      return Status::InvalidArgument(msg);
    case SQLITE_ERROR:
      return Status::InvalidArgument(msg);
    default:
      return Status::Internal(msg);
  }
}

Result<Stmt> Stmt::Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db, rc, "prepare");
  return Stmt(s);
}

Result<bool> Stmt::Step() {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    sqlite3_reset(s_);
    return false;
  }
  sqlite3* db = sqlite3_db_handle(s_);
  Status st = SqliteError(db, sqlite3_extended_errcode(db), "sql");
  sqlite3_reset(s_);
  return st;
}

Status Stmt::Run() {
  auto r = Step();
  if (!r.ok()) return r.status();
  if (*r) sqlite3_reset(s_);  // a row: stop there (Step has already reset a statement that is done)
  return Status::Ok();
}

namespace {

// Process-wide settings that must precede sqlite3_initialize(), made once before the first connection.
// Allocation statistics off: with them on, every SQLite malloc and free takes a global mutex and
// updates counters (about 20 allocations per stored event row; dyad never reads the statistics).
// Page cache slots in one region of transparent huge pages: a fresh process otherwise takes a page
// fault for every 4 KiB of its 64 MiB page cache as it first fills it (a quarter of a second on a VM
// for a 100k-row load; 2 MiB pages make it a few dozen faults). The region is reserved, not
// committed: memory is used as pages are touched. Pages beyond the slots come from malloc as before.
// SQLITE_MISUSE means something in the process initialised SQLite first: the defaults then stay.
constexpr size_t kPageCacheSlots = 8192;  // the writer's 64 MiB of 16 KiB pages, twice
constexpr size_t kLargestPage = 16384;    // schema.cc: dyad stores use 16 KiB pages

void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK) return;
    int header = 0;
    if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK) return;
    const size_t slot = (kLargestPage + static_cast<size_t>(header) + 7) / 8 * 8;
    const size_t bytes = slot * kPageCacheSlots;
    void* region = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (region == MAP_FAILED) return;
    AdviseHugePages(region, bytes);  // advice only: without huge pages the slots still work
    if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, region, static_cast<int>(slot), static_cast<int>(kPageCacheSlots)) !=
        SQLITE_OK)
      munmap(region, bytes);
    // Otherwise the region lives as long as the process, like SQLite's own global state.
  });
}

}  // namespace

Result<Db> Db::Open(const std::string& path, int flags) {
  ConfigureSqliteOnce();
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status st = SqliteError(db, rc, "open " + path);
    sqlite3_close_v2(db);
    return st;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  return Db(db);
}

Status Db::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    Status st = SqliteError(db_, rc, "sql");
    sqlite3_free(err);
    return st;
  }
  return Status::Ok();
}

Result<int64_t> Db::QueryInt(std::string_view sql) {
  auto st = Stmt::Prepare(db_, sql);
  if (!st.ok()) return st.status();
  auto row = st->Step();
  if (!row.ok()) return row.status();
  int64_t v = *row ? st->Int(0) : 0;
  st->Reset();
  return v;
}

}  // namespace dyad::store
