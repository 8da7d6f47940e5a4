// Readers for the event coders' own validation suites, and the record scorer used by `dyad validate`.
//
// TABARI (Validate.text): records start with "YYMMDD  ID" (or YYYYMMDD), then the text, then a
// "/* ... */" comment holding the expected events "{ SRC / TGT / CODE }" (optionally followed by a
// date); "-{ ... }" means the event must NOT be coded; "{###}", "{+++}", "{---}" mean nothing is coded
// (discard, complex, no event); "{ OPTION: ... }" records change the coder's settings and are not scored.
// Reading stops at the record whose text says "end of the standard validation records".
// The dictionaries are the ones the suite's .project file names (<actorsfile>, <verbsfile>,
// <agentsfile>), resolved next to it.
//
// PETRARCH2 (PETR.UnitTest.records.xml): <Sentence date id category> elements with <Text>,
// <EventCoding sourcecode targetcode eventcode> (several), <EventCoding noevents="True"> or
// <EventCoding error="..."> (both: nothing may be coded). Only categories listed in
// <Environment><Include> are kept. The Penn parses are ignored (dyad parses the text itself). The
// dictionaries are <Verbfile>, <Actorfile>, <Agentfile>, <Discardfile>, found in validate_dicts/ beside
// the file (or beside it directly). The reader is a small tolerant scanner (the file has comments that
// strict XML parsers refuse), bounded by the input size.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::eval {

struct CodedTriple {
  std::string source, target, code;
  bool operator<(const CodedTriple& o) const;
  bool operator==(const CodedTriple& o) const;
  std::string ToString() const;  // "ARN / GON / 064"
};

struct ValidationRecord {
  std::string id;
  std::string date;      // YYYY-MM-DD
  std::string category;  // PETRARCH category; TABARI: the id's prefix ("DEMO")
  std::string text;
  uint32_t line = 0;     // where the record starts in the suite file
  std::vector<CodedTriple> expected;      // the events that must be coded (may be empty)
  std::vector<CodedTriple> not_expected;  // "-{...}": must not be coded
  bool option = false;                    // a settings record: not scored
  std::string note;                       // "discard", "complex", "noevents", "error: dateline"
};

enum class SuiteFormat { kTabari, kPetrarch };

struct ValidationSuite {
  SuiteFormat format = SuiteFormat::kTabari;
  std::vector<ValidationRecord> records;
  // Dictionaries named by the suite, as paths (resolved; may not exist).
  std::vector<std::string> actor_files, agent_files, verb_files, discard_files;
  std::vector<std::string> issues;  // "file:line: message" for records that could not be read
};

// Format by content: "<Sentences>" or "<Sentence " means PETRARCH2; otherwise TABARI.
SuiteFormat DetectSuiteFormat(std::string_view text);

ValidationSuite ParseTabariSuite(std::string_view text, std::string_view file_name);
ValidationSuite ParsePetrarchSuite(std::string_view text, std::string_view file_name);

// Reads the file, detects the format, parses it and resolves the dictionaries named by the suite.
Result<ValidationSuite> ReadValidationSuite(const std::string& path);

struct RecordScore {
  bool right = false;  // the coded set equals the expected set (and nothing in not_expected)
  std::vector<CodedTriple> missing, extra;
};

// Sets, not multisets: duplicates in either list count once.
RecordScore ScoreRecord(const ValidationRecord& record, std::vector<CodedTriple> got);

}  // namespace dyad::eval
