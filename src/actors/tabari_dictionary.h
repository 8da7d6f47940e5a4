// Import of TABARI / PETRARCH actor and agent dictionaries into an ActorIndex.
//
// Formats read (TABARI manual ch. 5; PETRARCH's Phoenix files):
//   NAME_WORDS_  [CODE]              an actor; words joined by '_' (or spaces), a trailing '_' ends a word
//   +SYNONYM_                        another name for the actor above
//   <tab>[CODE >YYMMDD]              codes on their own lines; dates restrict them: >D after D, <D before
//   [CODE YYMMDD-YYMMDD]             D, D1-D2 between (YYMMDD with a 1930 pivot, or YYYYMMDD); [---] none
//   NOUN_ {PLURAL_ ...} [~ROLE]      agents file: the role block, optional explicit plurals in { }
//   !MACRO! = A, B, C                agents file: !MACRO! inside a noun expands to each of A, B, C
//   # or ; to end of line            comments (outside brackets: [###] and [+++] are "not an actor")
//   <NOUN> ... </NOUN>               TABARI word-class sections: skipped; ~~FINISH ends the file
// An actor with dated codes (or several codes) is imported as a person with date-bounded roles; one
// undated three-letter code is a country; anything else an organisation. Agents become agent nouns
// (plural: the braces, else NOUN+S). Unrecognised lines are counted and reported, never fatal: users'
// dictionaries are messy, and `dyad dict check` lists the problems with file:line.
// Bounded: one pass over the lines; macro expansion is one level (macros inside macros are not).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "actors/actor_index.h"
#include "dict/actor_tables.h"
#include "dyad/status.h"

namespace dyad::actors {

struct TabariImportStats {
  size_t lines = 0;
  size_t actors = 0;   // actor blocks (or agent nouns) imported
  size_t phrases = 0;  // names added to the index
  std::vector<TableIssue> issues;  // malformed lines (errors) and oddities (warnings)
};

// Imports one file's contents. agents: the file is an .agents file (else .actors).
TabariImportStats ImportTabari(std::string_view text, std::string_view file, bool agents, ActorIndex* index);

// Reads a file and imports it; agents when its name contains "agents" (case-insensitive).
// NotFound / IoError when unreadable; otherwise Ok with the stats (issues included).
Result<TabariImportStats> ImportTabariFile(const std::string& path, ActorIndex* index);

// Parses "YYMMDD" or "YYYYMMDD" into YYYYMMDD; 0 when malformed.
int ParseTabariDate(std::string_view digits);

}  // namespace dyad::actors
