// A small command-line parser for dyad's subcommands: --flag value, --flag=value, --switch, and
// positional arguments. Unknown flags are an error (InvalidArgument) rather than silently ignored.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "dyad/status.h"

namespace dyad::cli {

class Args {
 public:
  // value_flags take a value ("--format jsonl"); switches do not ("--raw").
  static Result<Args> Parse(int argc, char** argv, const std::set<std::string>& value_flags,
                            const std::set<std::string>& switches);

  bool Has(const std::string& flag) const { return values_.count(flag) > 0; }
  std::string Get(const std::string& flag, const std::string& fallback = "") const;
  // A flag holding a count (digits only); `fallback` when absent, InvalidArgument naming the flag
  // otherwise.
  Result<size_t> GetCount(const std::string& flag, size_t fallback) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

}  // namespace dyad::cli
