// JSON lines output for `dyad parse --format jsonl`: one object per document, one per error record.
//
//   {"id":..., "date":..., "title":..., ["url":..., "source":..., "warnings":[...],]
//    "sentences":[{"index":0, ["id":...,] "begin":..., "end":..., "text":..., "kind":"body",
//                  "tokens":[{"i":1, "text":..., ["norm":...,] "begin":..., "end":...,
//                             ["upos","xpos","lemma","feats","head","deprel","joined"]}]}],
//    "furniture":[{"kind":"headline", "begin":..., "end":..., "text":...}]}
//   {"error":{"id":..., "where":..., "code":"invalid_input", "reason":...}}
//
// begin/end are CHARACTER (code point) offsets into the document text (Document::CharOffset), so
// text[begin:end] in Python is the span. Token "i" and "head" count from 1 within the sentence, as in
// CoNLL-U ("head" 0 is the root); optional fields appear only when a stage filled them. Output is
// always valid UTF-8 (any invalid byte is written as U+FFFD), one line per record.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

// Appends s as a JSON string literal, quotes included.
void AppendJsonString(std::string& out, std::string_view s);

// Appends one line (ending in '\n') for doc.
void WriteJsonl(const Document& doc, const std::vector<std::string>& warnings, std::string& out);

// Appends one error line (ending in '\n').
void WriteJsonlError(std::string_view id, std::string_view where, const Status& status, std::string& out);

}  // namespace dyad
