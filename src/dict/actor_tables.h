// Actor tables: dyad's own actor knowledge (data/actors/*.tsv, data/actors/persons/*.tsv) read into
// plain structs, and a checker that validates them as a whole.
//
// File format (data/README.md): UTF-8, tab-separated, one header line naming the columns, blank lines
// and lines starting with '#' are comments, list cells use '|', dates are YYYY, YYYY-MM or YYYY-MM-DD.
// A comment line "# reviewed to: <date>" records how current a file is.
//
// Two layers, so that a broken file and a wrong fact are reported differently:
//   - Parse*/Load*: structure. The first malformed line (bad UTF-8, wrong header, wrong column count,
//     unparsable date) stops loading with Status kInvalidInput "file:line: message"; a missing file is
//     kNotFound. Rows carry their file and line so later errors can point back at them.
//   - CheckActorTables: meaning across files (codes that must exist, duplicate codes and aliases,
//     role and sector vocabularies, from <= to, ...). It returns every problem found, each with
//     file:line, so a maintainer can fix them all in one pass (`dyad dict check`).
// Loading is bounded by the input: one pass per file, no recursion; the checker is O(rows log rows).
// Thread-safety: plain values and free functions; no shared state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad {

// A date with the precision the source knew: year, year-month or year-month-day. month/day are 0 when
// unknown. An empty cell parses to a date with year 0 (empty()).
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;

  bool empty() const { return year == 0; }
  // Earliest and latest full days the date may stand for, as YYYYMMDD integers (for comparisons).
  int Earliest() const;
  int Latest() const;
  std::string ToString() const;  // as written: "2021", "2021-08", "2021-08-05", or "" when empty
};

// Parses "", "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month 1-12, day valid for the month, leap years
// included; years 1000-2999). Returns InvalidInput with a message naming the bad text otherwise.
Result<PartialDate> ParsePartialDate(std::string_view text);

// Where a row came from: file name as given to the parser (base name for files loaded from a folder)
// and 1-based line number.
struct SourceLine {
  std::string file;
  int line = 0;
  std::string ToString() const { return file + ":" + std::to_string(line); }
};

struct CountryRow {
  std::string code;  // CAMEO country code: 3 letters, or 6 for a breakaway entity (GEOABK)
  std::string iso2;  // ISO 3166-1 alpha-2, may be empty
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> adjectives;  // adjectives and demonyms
  std::vector<std::string> metonyms;    // stand for <code>GOV
  std::vector<std::string> regions;     // region codes (regions.tsv)
  SourceLine source;
};

struct RegionRow {
  std::string code;
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> adjectives;
  SourceLine source;
};

struct OrganisationRow {
  std::string code;  // full CAMEO actor code (IGOUNO, LBNREBHEZ)
  std::string name;
  std::vector<std::string> aliases;
  std::string kind;     // IGO, NGO, MEDIA, BUSINESS, ARMED, PARTY, RELIGIOUS, STATE
  std::string country;  // country code, may be empty
  SourceLine source;
};

struct AgentRow {
  std::string noun;
  std::string plural;
  std::string role;    // one or more role trios (GOV, GOVMIL, IGOPKO)
  std::string sector;  // PLOVER sector word (government, military, ...)
  std::string note;
  SourceLine source;
};

struct PersonRow {
  std::string name;
  std::vector<std::string> aliases;
  std::string code;  // CAMEO actor code while in the role
  PartialDate from;
  PartialDate to;  // empty: still in the role at the file's review date
  std::string role;
  SourceLine source;
};

// One parsed file's bookkeeping.
struct TableFile {
  std::string file;         // name used in messages
  std::string reviewed_to;  // from "# reviewed to: ..." ("" when the file has none)
  int rows = 0;
};

struct ActorTables {
  std::vector<CountryRow> countries;
  std::vector<RegionRow> regions;
  std::vector<OrganisationRow> organisations;
  std::vector<AgentRow> agents;
  std::vector<PersonRow> persons;  // all persons/*.tsv files, in file-name order
  std::vector<TableFile> files;    // every file read, in reading order
};

// Parsers over file contents. `file` names the source in messages and SourceLine. Each appends its
// rows to `out` and returns the file's bookkeeping, or the first structural error.
Result<TableFile> ParseCountries(std::string_view text, std::string_view file, std::vector<CountryRow>* out);
Result<TableFile> ParseRegions(std::string_view text, std::string_view file, std::vector<RegionRow>* out);
Result<TableFile> ParseOrganisations(std::string_view text, std::string_view file,
                                     std::vector<OrganisationRow>* out);
Result<TableFile> ParseAgents(std::string_view text, std::string_view file, std::vector<AgentRow>* out);
Result<TableFile> ParsePersons(std::string_view text, std::string_view file, std::vector<PersonRow>* out);

// Reads actors_dir/{countries,regions,organisations,agents}.tsv and every actors_dir/persons/*.tsv
// (sorted by name; a missing persons/ folder means no persons). Messages name files relative to
// actors_dir ("countries.tsv:12: ...", "persons/europe.tsv:40: ...").
Result<ActorTables> LoadActorTables(const std::string& actors_dir);

// One problem found by the checker.
struct TableIssue {
  SourceLine source;
  std::string message;
  // Warnings are real-world ambiguity the resolver must settle from context (one short name for two
  // people in office at once: "Aoun", "King Abdullah"); they are listed but do not fail validation.
  bool warning = false;
  std::string ToString() const { return source.ToString() + (warning ? ": warning: " : ": ") + message; }
};

// Cross-file validation; empty when the tables are consistent. Checks, per table:
//   - codes: well-formed (upper-case trios), unique where a code names one row (countries, regions);
//     six-letter country codes sit under a three-letter country row;
//   - references: regions of a country exist; an organisation's or person's country (the first trio
//     of a person's code) is a country, a region, or an international/ethnic/religious prefix;
//   - vocabularies: organisation kinds, agent role trios, agent sectors; a person's code carries a
//     known role trio or extends an organisation code;
//   - dates: from <= to;
//   - aliases: within one table, a name/alias/adjective/metonym maps to one code (agents: one role);
//     in persons, one alias naming two people on the same date is a warning (context decides);
//   - each file has a "# reviewed to:" line; cells have no stray spaces and no empty list items.
std::vector<TableIssue> CheckActorTables(const ActorTables& tables);

// Status form of the checker for callers that only need pass/fail: Ok when there are no errors
// (warnings allowed), or InvalidInput whose message lists the first `max_listed` errors and their count.
Status ValidateActorTables(const ActorTables& tables, size_t max_listed = 20);

}  // namespace dyad
