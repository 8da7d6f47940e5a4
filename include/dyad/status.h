// Status and Result<T>: how errors travel across module boundaries in dyad.
//
// Errors are values, never exceptions (exceptions are caught inside adapters for throwing libraries
// and turned into a Status there). A Status is cheap to copy when ok (no allocation).
// Thread-safety: plain values; no shared state.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace dyad {

// DO NOT CHANGE the numeric values: they become process exit codes and error-record codes.
enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument = 2,  // bad flags, bad query arguments
  kNotFound = 3,         // missing file, unknown id
  kInvalidInput = 4,     // malformed record: bad UTF-8, broken JSON, bad CoNLL-U line
  kTooLarge = 5,         // input over a documented bound (document size, sentence length)
  kCorrupt = 6,          // truncated or foreign model / database file
  kUnsupported = 7,      // newer format version, unknown option
  kIoError = 8,          // read/write failure
  kInternal = 9,         // a bug: an invariant did not hold
};

std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status InvalidInput(std::string m) { return {StatusCode::kInvalidInput, std::move(m)}; }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status Corrupt(std::string m) { return {StatusCode::kCorrupt, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid_input: line 3: expected 10 columns"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T>: a T or a non-ok Status.
// REQUIRES: value() only when ok(); status() is Ok when a value is held.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}             // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {       // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result built from an ok Status holds no value");
  }
  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace dyad

// Propagate a non-ok Status from an expression returning Status.
#define DYAD_RETURN_IF_ERROR(expr)               \
  do {                                           \
    ::dyad::Status dyad_status_ = (expr);        \
    if (!dyad_status_.ok()) return dyad_status_; \
  } while (0)
