// The event filter flags `dyad query` and `dyad export` share (--source, --target, --actor, --country,
// --code, --plover, --quad, --from, --to, --place): one reader, so both commands accept the same values.
#pragma once

#include <set>
#include <string>

#include "cli/args.h"
#include "store/query.h"

namespace dyad::cli {

// The flag names, to merge into a command's value flags.
std::set<std::string> FilterValueFlags();

// Fills `filter` from args; InvalidArgument naming the flag when --quad is not 1..4.
Status ReadFilterFlags(const Args& args, store::EventFilter* filter);

}  // namespace dyad::cli
