// SQL for an EventFilter: a WHERE clause over `events e` with ?N placeholders and the values to
// bind, shared by the queries (query.cc) and the export reader (records.cc). Values are never pasted
// into the SQL text.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "store/query.h"
#include "store/sqlite.h"

namespace dyad::store {

struct Where {
  std::string sql;  // "" or " WHERE ..."
  std::vector<std::variant<int64_t, std::string>> values;

  // Adds a value to bind and returns its placeholder ("?3").
  std::string Param(std::variant<int64_t, std::string> v);
  void And(const std::string& cond);
  void Bind(Stmt& s) const;
};

// REQUIRES: ValidateFilter(f) is ok.
Where BuildWhere(const EventFilter& f);

}  // namespace dyad::store
