// EventLexicon: every event pattern, the intent/threat code table and the governing verbs, loaded once
// from data/events (format: data/README.md) and indexed by trigger lemma, so matching costs one hash
// lookup per verb or noun whatever the lexicon size.
//
// Thread-safety: immutable after loading; share it between threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_hash.h"
#include "dyad/status.h"
#include "events/pattern.h"

namespace dyad {
struct Ontology;
}

namespace dyad::events {

// What a governing verb does to the event in its complement (governors.tsv).
enum class GovernorEffect : uint8_t { kIntended, kThreatened, kRefused, kHypothetical, kAttempted };

struct Governor {
  GovernorEffect effect = GovernorEffect::kIntended;
  std::string cameo;  // what the governor codes itself when its complement codes nothing; may be empty
};

struct IntentRow {
  std::string intent;  // code when only intended; empty: keep the code
  std::string threat;  // code when threatened; empty: keep the code
};

class EventLexicon {
 public:
  // Adds one patterns file's text. `file` names it in messages; its stem prefixes rule ids.
  Status AddPatterns(std::string_view text, std::string_view file);
  Status AddIntents(std::string_view text, std::string_view file);
  Status AddGovernors(std::string_view text, std::string_view file);
  // Adds a pattern built elsewhere (tests, imports).
  void Add(EventPattern pattern);

  // Pattern indexes whose trigger includes `lemma`, most specific first.
  const std::vector<uint32_t>* Triggered(TriggerKind kind, std::string_view lemma) const;
  const EventPattern& pattern(uint32_t i) const { return patterns_[i]; }
  const std::vector<EventPattern>& patterns() const { return patterns_; }
  const Governor* FindGovernor(std::string_view lemma) const;
  // The intent (or threat) code for `code`: the most specific row of code, its parent, its root.
  // Returns `code` itself when no row gives one.
  std::string IntentCode(std::string_view code, bool threat) const;

 private:
  void Index(uint32_t i);        // appends pattern i to its trigger lists
  void SortTriggerLists();       // most specific first, file order among equals
  std::vector<EventPattern> patterns_;
  StringMap<std::vector<uint32_t>> verbs_, nouns_;
  StringMap<Governor> governors_;
  std::map<std::string, IntentRow, std::less<>> intents_;
};

// Meaning checks against the ontology; each problem "file:line: message": unknown CAMEO codes (patterns,
// pair codes, intent rows, governors), the same (kind, pattern) twice.
std::vector<std::string> CheckEventLexicon(const EventLexicon& lexicon, const Ontology& ontology);

// Reads <dir>/patterns/*.tsv (sorted by name), <dir>/intent.tsv and <dir>/governors.tsv.
Result<EventLexicon> LoadEventLexicon(const std::string& dir);

}  // namespace dyad::events
