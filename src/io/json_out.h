// Small pieces for writing JSON by hand into a std::string, shared by dyad's JSON-lines writers: fields
// are appended with a trailing ',' that Close() turns into the closing bracket. Strings go through
// AppendJsonString (always valid UTF-8 out).
#pragma once

#include <cstdint>
#include <string>
#include <cstdio>
#include <string_view>

#include "io/jsonl_writer.h"

namespace dyad::json {

inline void AppendUInt(std::string& out, uint64_t v) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0) out += buf[--n];
}

inline void AppendInt(std::string& out, int64_t v) {
  if (v < 0) {
    out += '-';
    AppendUInt(out, static_cast<uint64_t>(-v));
  } else {
    AppendUInt(out, static_cast<uint64_t>(v));
  }
}

inline void Key(std::string& out, std::string_view key) {
  out += '"';
  out += key;  // keys are ASCII literals from this file
  out += "\":";
}

inline void StringField(std::string& out, std::string_view key, std::string_view value) {
  Key(out, key);
  AppendJsonString(out, value);
  out += ',';
}

inline void IntField(std::string& out, std::string_view key, int64_t value) {
  Key(out, key);
  AppendInt(out, value);
  out += ',';
}

// Replaces the trailing ',' (if any) by close.
inline void Close(std::string& out, char close) {
  if (!out.empty() && out.back() == ',') out.back() = close;
  else out += close;
}

inline void DoubleField(std::string& out, std::string_view key, double value) {
  Key(out, key);
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.6g", value);
  out.append(buf, n > 0 ? static_cast<size_t>(n) : 0);
  out += ',';
}

inline void BoolField(std::string& out, std::string_view key, bool value) {
  Key(out, key);
  out += value ? "true," : "false,";
}

}  // namespace dyad::json
