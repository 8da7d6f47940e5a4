// EventRecord: one coded event flattened for users — what `dyad code` writes as a JSON line, what the
// store keeps and what the exporters (GDELT, PLOVER, CSV) lay out. Built from a Document's layers and the
// ontology by MakeEventRecords(); every offset is a character (code point) offset into the document text.
#pragma once

#include <string>
#include <vector>

#include "dyad/document.h"

namespace dyad {
struct Ontology;
}

namespace dyad::events {

struct ActorRecord {
  std::string text;     // as written: "Russian President Vladimir Putin"
  std::string code;     // "RUSGOV"
  std::string country;  // "RUS" (or an IGO/region trio)
  std::string sector;   // PLOVER sector word, "government"
  std::string name;     // canonical name when known, "Vladimir Putin"
  uint32_t begin = 0, end = 0;  // character offsets
};

struct LocationRecord {
  std::string name;     // "Tehran"
  std::string country;  // "IRN"
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  uint32_t begin = 0, end = 0;
};

struct EventRecord {
  std::string doc_id;
  std::string event_id;        // "<doc_id>:<n>", n = order within the document
  uint32_t sentence_index = 0;
  std::string sentence_text;
  std::string date;            // YYYY-MM-DD (or YYYY-MM / YYYY when only that is known); empty: unknown
  bool has_source = false, has_target = false;
  ActorRecord source, target;
  // CAMEO
  std::string cameo_code, cameo_root, cameo_name;
  double goldstein = 0;
  int quad_class = 0;          // 1..4 (GDELT)
  // PLOVER
  std::string plover_type, plover_mode;  // empty when PLOVER has no counterpart / no mode
  std::vector<std::string> plover_contexts;
  // Why
  std::string trigger_text;
  uint32_t trigger_begin = 0, trigger_end = 0;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  bool has_location = false;
  LocationRecord location;
  std::string rule;
};

// An event told as happening or as intended: what outputs carry by default and what the store counts
// in its deduplicated events. Negated events ("has not imposed sanctions") and hypothetical ones
// ("should apologise", "could strike", "if Turkey attacks") are coded and explained, and kept on request
// (`--keep-negated`, `--keep-hypothetical`), but never counted: on the development gold, leaving the
// hypothetical ones out removed 10 of 54 false events and no true one.
inline bool ToldAsHappening(bool negated, Modality modality) { return !negated && modality != Modality::kHypothetical; }
inline bool ToldAsHappening(const EventRecord& e) { return ToldAsHappening(e.negated, e.modality); }

// Which events that are not told as happening an output keeps anyway.
struct KeepEvents {
  bool negated = false;
  bool hypothetical = false;
  bool operator()(const EventRecord& e) const {
    return (!e.negated || negated) && (e.modality != Modality::kHypothetical || hypothetical);
  }
};

// One record per EventRow of `doc`, in order. Codes the ontology does not know keep empty names.
std::vector<EventRecord> MakeEventRecords(const Document& doc, const Ontology& ontology);

}  // namespace dyad::events
