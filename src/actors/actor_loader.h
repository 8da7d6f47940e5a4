// Loading the actor index the way the CLI and the engine do: dyad's tables from a data folder, plus
// (or, with dict_only, instead of) TABARI/PETRARCH dictionaries. The one place that knows the default
// data folder.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "actors/actor_index.h"
#include "actors/tabari_dictionary.h"
#include "dyad/status.h"

namespace dyad::actors {

struct ActorLoadOptions {
  std::string data_dir;            // holds actors/; empty: DefaultDataDir()
  std::vector<std::string> dicts;  // TABARI/PETRARCH .actors / .agents files
  bool dict_only = false;          // skip dyad's tables
};

struct ActorLoadReport {
  size_t countries = 0, regions = 0, organisations = 0, agents = 0, person_rows = 0;
  std::vector<TabariImportStats> imports;  // one per dict, same order
  double seconds = 0;                      // load + build time
};

// $DYAD_DATA when set, else the source tree's data/ folder.
std::string DefaultDataDir();

// Structural errors in dyad's tables fail the load (kInvalidInput "file:line: ..."); problems in
// imported dictionaries are reported in the report's issues and skipped.
Result<std::shared_ptr<const ActorIndex>> LoadActorIndex(const ActorLoadOptions& options,
                                                         ActorLoadReport* report = nullptr);

// Coverage check: countries (three-letter codes of countries.tsv) with no person holding a head of
// state/government role (<code>GOV, title President / Prime Minister / King / Emir / ... ) on `date`.
std::vector<std::string> CountriesWithoutLeader(const ActorTables& tables, int date);

// Command-line helper: removes every "--dict FILE" / "--dict=FILE" (a flag that may repeat) from
// argv, appending the values to *values; returns the remaining arguments.
std::vector<char*> TakeRepeatedFlag(int argc, char** argv, std::string_view flag, std::vector<std::string>* values);

}  // namespace dyad::actors
