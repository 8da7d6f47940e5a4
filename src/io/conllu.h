// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
//
// Reading builds one Document from a whole CoNLL-U file: its text is rebuilt from the surface tokens
// (a space unless SpaceAfter=No, a newline between sentences, a blank line at # newpar / # newdoc), so
// every token is a real slice of Document::text() and offsets work as for raw input. All gold columns
// are kept: UPOS, XPOS, FEATS, LEMMA, HEAD (converted to document-level token indices), DEPREL.
// Multiword tokens ("don't" = do + n't) become words flagged kTokJoinedToNext; when the words spell
// the surface token they get their own byte slices, otherwise each word spans the whole surface token
// and carries its own form as norm. Empty nodes (8.1) are skipped.
//
// Writing prints the tokens of a Document as CoNLL-U with # sent_id and # text, rebuilding the
// multiword-token range lines from kTokJoinedToNext.
#pragma once

#include <string>
#include <string_view>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

struct ConlluStats {
  size_t sentences = 0;
  size_t words = 0;          // syntactic words (token rows)
  size_t multiword_tokens = 0;
};

// Parses CoNLL-U text. Errors name the 1-based line: "line 12: expected 10 tab-separated columns".
// REQUIRES: data is UTF-8 (invalid UTF-8 is reported as InvalidInput).
Result<Document> ReadConllu(std::string_view data, ConlluStats* stats = nullptr);
Result<Document> ReadConlluFile(const std::string& path, ConlluStats* stats = nullptr);

// Appends the CoNLL-U rendering of doc's sentences to out. Missing columns print as "_";
// heads print as 1-based positions within the sentence (0 for root). doc_id prefixes generated
// sentence ids ("<doc_id>-<n>") when sentences have none.
void WriteConllu(const Document& doc, std::string& out);

}  // namespace dyad
