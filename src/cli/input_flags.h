// The input flags every document-reading command shares (parse, code, ingest): --input, --date and the
// JSONL field names, with one help text and one parser, so the commands cannot drift apart.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "cli/args.h"
#include "io/reader.h"

namespace dyad::cli {

// Value flags to pass to Args::Parse (merge with the command's own).
std::set<std::string> InputValueFlags();

// The help lines for those flags.
extern const char kInputFlagsHelp[];

// Fills `options` from args; InvalidArgument with a message naming the flag on a bad value.
Status ReadInputFlags(const Args& args, ReaderOptions* options);

// The whole argument parsing of a document-reading command: "-o" / "-h" read as --output / --help, the
// input flags added to `value_flags`, and (unless --help was given) `options` filled from them.
Result<Args> ParseDocumentCommandArgs(const std::vector<char*>& argv, std::set<std::string> value_flags,
                                      const std::set<std::string>& switches, ReaderOptions* options);

}  // namespace dyad::cli
