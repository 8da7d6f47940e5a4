// JSON lines for coded events (`dyad code --format jsonl`): one object per EventRecord, in the layout of
// the architecture's event record:
//   {"doc_id", "event_id", "sentence_index", "sentence_text", "date",
//    "source": {"text","code","country","sector","name","begin","end"} | null, "target": ... | null,
//    "cameo": {"code","root","name","goldstein","quad_class"},
//    "plover": {"type","mode","context":[...]},
//    "trigger": {"text","begin","end"}, "negated", "modality", "location": {...} | null, "rule"}
// Offsets are character (code point) offsets into the document text. Empty strings print as null for
// optional values (sector, name, plover type and mode).
#pragma once

#include <string>

#include "events/event_record.h"

namespace dyad {

// Appends the event object (no newline): what article records embed.
void AppendEventJson(const events::EventRecord& event, std::string& out);
// Appends the event object and a newline.
void WriteEventJsonl(const events::EventRecord& event, std::string& out);

}  // namespace dyad
