// An article's annotation layers as the store keeps them (schema version 5): sentences, actor
// mentions, dates, amounts, places and named entities as one JSON array each, in one article_layers
// row per article, instead of a row per sentence, mention, date... A news article has about 140 such
// rows and well under one event; writing them one by one was most of the store's write work. The
// views of the same names (schema.cc) give the rows back with the columns the tables had.
//
// Each layer is an array of rows, each row an array of its columns in the view's order after
// article_id and idx (idx is the position in the array). Offsets are character offsets (text_spans.h);
// absent text is null, so the views read NULL as the tables did; a layer with no rows is "" (the
// writer binds NULL).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dyad/document.h"
#include "store/text_spans.h"

namespace dyad::store {

struct ArticleLayers {
  // [[begin, end, kind], ...]
  std::string sentences;
  // [[begin, end, text, kind, code, country, sector, name, rule, antecedent, partner], ...]
  std::string mentions;
  // [[begin, end, text, type, value], ...]
  std::string dates;
  // [[begin, end, text, value, unit, kind], ...]  (value always a JSON real: "5.0", not "5")
  std::string amounts;
  // [[begin, end, text, name, country, feature, lat, lon], ...]  (lat/lon null without coordinates)
  std::string places;
  // [[begin, end, text, type], ...]
  std::string entities;
  // Each sentence's character span, in order: event mentions carry their sentence's.
  std::vector<std::pair<uint32_t, uint32_t>> sentence_chars;
};

// Fills `out` from `doc` (reusing its buffers). `chars` must belong to `doc`.
void EncodeArticleLayers(const Document& doc, CharOffsets& chars, ArticleLayers* out);

// Appends `s` as a JSON string literal (quotes, backslashes and control characters escaped; other
// bytes as they are: the text is UTF-8).
void AppendJsonString(std::string* out, std::string_view s);

}  // namespace dyad::store
