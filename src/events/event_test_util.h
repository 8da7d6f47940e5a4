// Helpers for the event-stage tests: sentences given as hand-written CoNLL-U parses with hand-placed
// actor mentions, so the tests pin the matcher, not the tagger, parser or actor dictionaries.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "events/event_stage.h"
#include "io/conllu.h"

namespace dyad::events::testing {

inline Document Parse(const char* conllu) {
  auto doc = ReadConllu(conllu);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return std::move(*doc);
}

// Marks token [first, end] (1-based CoNLL ids within the one sentence) as an actor with `code`.
inline void AddMention(Document& doc, uint32_t first, uint32_t end, uint32_t head, const std::string& code) {
  MentionRow m;
  m.first_token = first - 1;
  m.end_token = end;
  m.head_token = head - 1;
  m.code = doc.Intern(code);
  m.country = doc.Intern(code.substr(0, 3));
  doc.mutable_mentions().push_back(m);
}

inline std::vector<EventRow> CodeWith(std::shared_ptr<const EventLexicon> lexicon, Document& doc) {
  auto stage = MakeEventStage(std::move(lexicon));
  auto scratch = stage->NewScratch();
  EXPECT_TRUE(stage->Process(doc, scratch.get()).ok());
  return doc.events();
}

inline std::string Cameo(const Document& doc, const EventRow& e) { return std::string(doc.Str(e.cameo)); }
inline std::string Code(const Document& doc, int32_t mention) {
  return mention < 0 ? "-" : std::string(doc.Str(doc.mentions()[mention].code));
}

}  // namespace dyad::events::testing
