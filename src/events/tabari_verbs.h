// Import of TABARI `.verbs` and PETRARCH2 verb dictionaries into one in-memory form that the surface
// coder (surface_coder.h) applies.
//
// TABARI (TABARI manual ch. 5; the validation suite's TABARI.Demo.verbs):
//   VERB  [code]                    a verb; a word ending in '_' is exact, otherwise a stem ("RESTOR")
//   VERB WORDS [code]               a multi-word verb ("BRUSH ASIDE REPORTS", "CALLED_ON")
//   { FORM_ FORM_ }                 after a verb: its irregular forms
//   - PRE * POST  [code]            a pattern of the verb above; '*' is the verb. In patterns:
//       $ source   + target   % compound actor   ^ skip one word   WORD_WORD  adjacent words
//       WORD~      a stem before a connector ("RECENT~_*")    { A | B_C }  alternatives
//       &SYNSET    any member of a synset
//   [code:code]                     a paired code: two events, the second with the roles swapped
//   [---]                           the null code (no event); [###] discard; [+++] complex
//   <SYNSETS> &NAME +MEMBER ...     synsets;  <TIME> ... </TIME> time shifts (skipped)
//   ; comment   ~~FINISH            comments; end of file
// PETRARCH2 (CAMEO.2.0.txt, PETR.Validate.verbs.txt):
//   --- NAME [code] ---             a verb block and its default code
//   VERB {FORM FORM}  [code]        verbs of the block with irregular forms; +VERB more verbs;
//   WORD_+VERB                      a multi-word verb whose head is marked '+'
//   &NAME / +MEMBER                 synsets (a label or member ending in '_': no plural)
//   - pattern [code]                patterns, TABARI syntax plus ( ) groups and { A B } phrases
//   # comment, <!-- comment -->     comments
// Malformed lines are reported as issues (file:line) and skipped, never fatal. Bounded: one pass over
// the lines; synset expansion is capped (kMaxAlternatives per element, nesting depth kMaxSynsetDepth).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/string_hash.h"
#include "dyad/status.h"

namespace dyad::events {

inline constexpr size_t kMaxAlternatives = 256;
inline constexpr int kMaxSynsetDepth = 4;
inline constexpr size_t kMaxPatternElements = 48;

enum class VerbFormat : uint8_t { kTabari, kPetrarch };

// One dictionary word: upper case, without its markers.
struct DictWord {
  enum class Match : uint8_t {
    kExact,      // the word itself
    kStem,       // any word starting with text (TABARI words not ending in '_')
    kInflected,  // the word or a regular ending: -S -ES -ED -D -EN -ING -IES, doubled consonant
  };
  std::string text;
  Match match = Match::kExact;
  bool gap_before = false;  // inside a run: other words may come between this and the one before
};

// One element of a pattern side.
struct PatternElement {
  enum class Kind : uint8_t { kWords, kSource, kTarget, kCompound, kSkip };
  Kind kind = Kind::kWords;
  // kWords: alternatives, each a run of adjacent words (a plain word is one alternative of one word).
  std::vector<std::vector<DictWord>> alternatives;
  bool joined_next = false;  // '_' after it: the next element must follow immediately
};

// A code as written: "064", paired "032:033", the null "---", discard "###", complex "+++".
struct VerbCode {
  std::string first, second;  // second: non-empty for paired codes
  bool subordinate = false;   // "023?": used only when no other verb of the sentence codes
  bool IsNull() const { return first.empty() || first == "---"; }
  bool IsDiscard() const { return first == "###"; }
  bool IsComplex() const { return first == "+++"; }
};

struct VerbPattern {
  std::vector<PatternElement> before;  // in text order, ending right before the verb
  std::vector<PatternElement> after;   // in text order, starting right after the verb
  bool verb_joined_before = false;     // "IN_*": the last `before` element touches the verb
  bool verb_joined_after = false;      // "*_TALKS"
  VerbCode code;
  uint32_t file = 0;                   // index into VerbDictionary::files
  uint32_t line = 0;
  uint32_t weight = 0;                 // literal words + slots: longer patterns are tried first
};

// One way of writing a verb: the head word and the words glued to it ("CALLED_ON", "WIRE_+TAP").
struct VerbForm {
  std::vector<DictWord> before;  // adjacent words right before the head
  DictWord head;
  std::vector<DictWord> after;   // words after the head (adjacent when after_joined)
  bool after_joined = true;      // TABARI "BRUSH ASIDE REPORTS": space-separated, may have gaps
  bool own_code = false;         // PETRARCH "KLM_NOP_+RST [002]": this form's code, not the block's
  VerbCode code;
};

struct VerbEntry {
  std::vector<VerbForm> forms;
  VerbCode code;                 // the isolated verb's code
  std::vector<uint32_t> patterns;  // indexes into VerbDictionary::patterns, best (heaviest) first
  uint32_t file = 0, line = 0;
};

struct VerbIssue {
  std::string file;
  uint32_t line = 0;
  std::string message;
};

// Everything read from one or more verb files. Immutable once built; share it by const pointer.
class VerbDictionary {
 public:
  std::vector<std::string> files;
  std::vector<VerbFormat> formats;  // per file
  std::vector<VerbEntry> verbs;
  std::vector<VerbPattern> patterns;
  std::vector<VerbIssue> issues;
  size_t lines = 0;

  // Verb entries whose form has this head key (upper case). Exact heads and stems both live here;
  // Candidates() looks up a word and every prefix of it, so the cost does not depend on the size.
  struct HeadRef {
    uint32_t verb;
    uint32_t form;
  };
  const std::vector<HeadRef>* Heads(std::string_view key) const;
  // Every (verb, form) whose head matches `word` (upper case): exactly, or as a stem prefix.
  // Appends to *out; bounded by the word length (at most kMaxWordLength prefixes).
  void Candidates(std::string_view word, std::vector<HeadRef>* out) const;

  // Builds the head index and sorts each verb's patterns (heaviest first, then file order).
  void Finish();

  std::string Where(uint32_t file, uint32_t line) const;  // "TABARI.Demo.verbs:123"

  static constexpr size_t kMaxWordLength = 40;

 private:
  StringMap<std::vector<HeadRef>> heads_;
};

// Format by content: a line starting with "--- " and ending with "---" means PETRARCH2.
VerbFormat DetectVerbFormat(std::string_view text);

// Parses one file's contents into *dict (call Finish() after the last file).
void ImportVerbs(std::string_view text, std::string_view file_name, VerbDictionary* dict);

// Reads files and builds the dictionary. NotFound / IoError for unreadable files; malformed lines are
// issues, not errors.
Result<std::shared_ptr<const VerbDictionary>> LoadVerbDictionary(const std::vector<std::string>& paths);

// Matching helper shared with the coder: does dictionary word `w` match the token text `word`
// (both upper case)?  Exact, or as a stem prefix.
bool DictWordMatches(const DictWord& w, std::string_view word);

}  // namespace dyad::events
