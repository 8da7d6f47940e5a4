// Ontology tables: dyad's own CAMEO and PLOVER tables (data/ontology/*.tsv) read into plain structs,
// with lookups and a checker that validates the four tables against each other.
//
// Files (format rules in data/README.md: UTF-8, tab-separated, one header line, '#' comments, '|' lists):
//   cameo_events.tsv     code  name  goldstein  quad_class  description
//   plover_types.tsv     type  category  modes  description
//   plover_contexts.tsv  context  description
//   cameo_to_plover.tsv  cameo_code  plover_type  plover_mode  plover_context  note
//
// Two layers, as in dict/actor_tables.h:
//   - Parse*: structure. The first malformed line (bad UTF-8, wrong header, wrong column count, a code
//     that is not 2-4 digits, an unparsable number) stops parsing with kInvalidInput "file:line: message".
//   - CheckOntology: meaning across the tables; returns every problem, each "file:line: message".
// LoadOntology does both and fails closed: a table that does not check out is not returned.
// Loading is one pass per file plus O(rows log rows) checks. Thread-safety: an Ontology is an immutable
// value after loading; concurrent const use is safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad {

// File names inside the ontology folder; messages name rows by these.
inline constexpr std::string_view kCameoEventsFile = "cameo_events.tsv";
inline constexpr std::string_view kPloverTypesFile = "plover_types.tsv";
inline constexpr std::string_view kPloverContextsFile = "plover_contexts.tsv";
inline constexpr std::string_view kCameoToPloverFile = "cameo_to_plover.tsv";

// GDELT QuadClass. DO NOT CHANGE the values: they are written into event records.
enum class QuadClass : int {
  kVerbalCooperation = 1,
  kMaterialCooperation = 2,
  kVerbalConflict = 3,
  kMaterialConflict = 4,
};

// True for 2-4 ASCII digits: the spelling of every CAMEO event code ("04", "036", "0211").
bool IsCameoCode(std::string_view s);

// The QuadClass GDELT assigns to a CAMEO root ("01".."20"): 01-05 -> 1, 06-09 -> 2, 10-14 -> 3,
// 15-20 -> 4. REQUIRES: root is two digits in 01..20.
QuadClass QuadClassOfRoot(std::string_view root);

struct CameoEvent {
  std::string code;      // "01", "036", "0211": 2-4 digits, leading zero kept
  std::string name;      // short CAMEO name
  double goldstein = 0;  // -10 .. +10
  QuadClass quad_class = QuadClass::kVerbalCooperation;
  std::string description;
  int line = 0;  // 1-based line in cameo_events.tsv

  std::string_view root() const { return std::string_view(code).substr(0, 2); }
  // "036" -> "03", "0211" -> "021", root -> "".
  std::string_view parent() const { return std::string_view(code).substr(0, code.size() <= 2 ? 0 : code.size() - 1); }
};

struct PloverType {
  std::string type;      // AGREE, CONSULT, ..., ASSAULT
  std::string category;  // "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"
  std::vector<std::string> modes;  // may be empty
  std::string description;
  int line = 0;
};

struct PloverContext {
  std::string context;  // snake_case: "military", "political_institutions"
  std::string description;
  int line = 0;
};

// How one CAMEO code maps to PLOVER. An empty type means PLOVER has no counterpart (plain statements).
struct CameoToPlover {
  std::string cameo_code;
  std::string plover_type;                // may be empty
  std::vector<std::string> plover_modes;  // usually 0 or 1; a few CAMEO codes span two modes
  std::vector<std::string> plover_contexts;
  std::string note;
  int line = 0;
};

struct Ontology {
  std::vector<CameoEvent> cameo_events;  // in file order
  std::vector<PloverType> plover_types;
  std::vector<PloverContext> plover_contexts;
  std::vector<CameoToPlover> cameo_to_plover;

  // Lookups; nullptr when absent. Valid until the vectors above change (call BuildIndex() again).
  const CameoEvent* FindCameo(std::string_view code) const;
  const PloverType* FindPloverType(std::string_view type) const;
  const PloverContext* FindPloverContext(std::string_view context) const;
  const CameoToPlover* FindMapping(std::string_view cameo_code) const;

  // Rebuilds the lookup indexes from the vectors (LoadOntology calls it; callers that fill the
  // vectors themselves must too). The first row wins when a key repeats (the checker reports it).
  void BuildIndex();

 private:
  std::map<std::string, size_t, std::less<>> cameo_index_;
  std::map<std::string, size_t, std::less<>> type_index_;
  std::map<std::string, size_t, std::less<>> context_index_;
  std::map<std::string, size_t, std::less<>> mapping_index_;
};

// Parsers over file contents. `file` names the source in messages. Each appends its rows to `out` and
// returns the number of rows read, or the first structural error.
Result<int> ParseCameoEvents(std::string_view text, std::string_view file, std::vector<CameoEvent>* out);
Result<int> ParsePloverTypes(std::string_view text, std::string_view file, std::vector<PloverType>* out);
Result<int> ParsePloverContexts(std::string_view text, std::string_view file, std::vector<PloverContext>* out);
Result<int> ParseCameoToPlover(std::string_view text, std::string_view file, std::vector<CameoToPlover>* out);

// Consistency of the four tables; empty when consistent. Each problem is "file:line: message":
//   - codes and keys are unique in each table;
//   - every 3- and 4-digit CAMEO code has its parent row (0211 -> 021 -> 02);
//   - quad_class agrees with the root (QuadClassOfRoot); goldstein lies in [-10, 10];
//   - PLOVER categories are the four quad words; type modes are unique within a type;
//   - every CAMEO code has exactly one mapping row and every mapping row names a CAMEO code;
//   - a mapping's type exists, its modes belong to that type, its contexts exist, and a mode or
//     context is only given together with a type.
std::vector<std::string> CheckOntology(const Ontology& ontology);

// Reads the four files from `data_dir` (the folder holding them, normally <repo>/data/ontology),
// parses and checks them. A missing file is kNotFound; a structural error or a failed check is
// kInvalidInput whose message starts "file:line: " (a failed check then gives the count and lists up
// to 20 problems, one a line).
Result<Ontology> LoadOntology(const std::string& data_dir);

}  // namespace dyad
