// Thin RAII helpers over the SQLite C API for the store: a connection, a prepared statement with typed
// binds and reads, and the mapping from SQLite result codes to dyad Status codes (corrupt / foreign
// file -> kCorrupt, disk full / read-only / cannot open -> kIoError). Nothing here knows the schema.
//
// Thread-safety: a Db and its Stmts are used by one thread at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "dyad/status.h"

namespace dyad::store {

// Status for a failed SQLite call: code mapped from rc, message "<what>: <sqlite message>" plus a hint
// for the common faults (disk full, read-only, not a database).
Status SqliteError(sqlite3* db, int rc, std::string_view what);

class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept {
    std::swap(s_, o.s_);
    return *this;
  }
  ~Stmt() { sqlite3_finalize(s_); }

  static Result<Stmt> Prepare(sqlite3* db, std::string_view sql);
  sqlite3_stmt* get() const { return s_; }
  explicit operator bool() const { return s_ != nullptr; }

  // Binds by 1-based index. Text is copied by SQLite only when `transient` (default: SQLITE_TRANSIENT;
  // callers that keep the bytes alive until Step() may pass false).
  void Bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  void Bind(int i, int v) { sqlite3_bind_int64(s_, i, v); }
  void Bind(int i, uint32_t v) { sqlite3_bind_int64(s_, i, v); }
  void Bind(int i, double v) { sqlite3_bind_double(s_, i, v); }
  // Text, '' for an empty view (never NULL: a default view's null pointer would bind NULL).
  void Bind(int i, std::string_view v, bool transient = true) {
    sqlite3_bind_text(s_, i, v.data() != nullptr ? v.data() : "", static_cast<int>(v.size()),
                      transient ? SQLITE_TRANSIENT : SQLITE_STATIC);
  }
  void Bind(int i, const char* v) = delete;  // say std::string_view: no accidental int conversions
  void BindNull(int i) { sqlite3_bind_null(s_, i); }
  // Empty text binds NULL (absent codes read as NULL in SQL, '' never appears). Not copied: REQUIRES
  // the bytes stay alive until the statement has been stepped.
  void BindOpt(int i, std::string_view v) {
    if (v.empty()) BindNull(i); else Bind(i, v, false);
  }

  // SQLITE_ROW -> true, SQLITE_DONE -> false (and resets), error -> Status.
  Result<bool> Step();
  // Step for statements that return no rows; resets afterwards. The bindings stay: call Reset() to
  // clear them, or bind every parameter again before the next Run() (cheaper for a statement run once
  // per row: clearing costs a release per parameter).
  Status Run();
  void Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

  int64_t Int(int col) const { return sqlite3_column_int64(s_, col); }
  double Real(int col) const { return sqlite3_column_double(s_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::string_view Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(s_, col))) : std::string_view();
  }
  int Columns() const { return sqlite3_column_count(s_); }

 private:
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  sqlite3_stmt* s_ = nullptr;
};

// An open connection; closes on destruction.
class Db {
 public:
  Db() = default;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Db& operator=(Db&& o) noexcept {
    std::swap(db_, o.db_);
    return *this;
  }
  ~Db() { Close(); }

  // flags: SQLITE_OPEN_READONLY or SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE.
  static Result<Db> Open(const std::string& path, int flags);
  sqlite3* get() const { return db_; }
  // Runs one or more statements without results.
  Status Exec(std::string_view sql);
  // The single integer a query returns (0 when it returns no row).
  Result<int64_t> QueryInt(std::string_view sql);
  void Close() {
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = nullptr;
  }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

}  // namespace dyad::store
