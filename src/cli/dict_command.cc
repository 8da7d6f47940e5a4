// dyad dict check: validate dyad's actor tables (data/actors), its event lexicon against its ontology
// (data/events, data/ontology), and any TABARI/PETRARCH dictionaries
// given with --dict. Prints every problem as file:line: message (warnings marked), a count per table,
// and exits 1 when there are errors.
#include <cstdio>
#include <string>
#include <vector>

#include "actors/actor_loader.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "dict/actor_tables.h"
#include "events/lexicon.h"
#include "ontology/ontology_tables.h"

namespace dyad::cli {
namespace {

constexpr char kHelp[] = R"(usage: dyad dict check [--data DIR] [--dict FILE ...] [--dict-only]

Checks dyad's actor tables (DIR/actors, default $DYAD_DATA or the source tree's data/) with the
cross-file checker, the event lexicon (DIR/events) against the CAMEO tables (DIR/ontology), and imports each --dict file (TABARI/PETRARCH .actors / .agents), reporting
malformed lines. Prints file:line: message for each problem ("warning:" for ambiguities the resolver
settles from context), then counts.

exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
)";

int Usage(const std::string& m) {
  std::fprintf(stderr, "dyad dict: %s\nRun 'dyad dict --help' for the options.\n", m.c_str());
  return 2;
}

}  // namespace

int DictCommand(int argc, char** argv) {
  std::vector<std::string> dicts;
  std::vector<char*> rest = actors::TakeRepeatedFlag(argc, argv, "--dict", &dicts);
  auto args = Args::Parse(static_cast<int>(rest.size()), rest.data(), {"data"}, {"dict-only", "help"});
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (args->positional().size() != 1 || args->positional()[0] != "check") return Usage("expected 'check'");
  size_t errors = 0, warnings = 0;
  if (!args->Has("dict-only")) {
    std::string data = args->Get("data", actors::DefaultDataDir());
    Result<ActorTables> tables = LoadActorTables(data + "/actors");
    if (!tables.ok()) {
      std::printf("%s\n", tables.status().message().c_str());  // already "file:line: message"
      ++errors;
    } else {
      for (const auto& issue : CheckActorTables(*tables)) {
        std::printf("%s\n", issue.ToString().c_str());
        ++(issue.warning ? warnings : errors);
      }
      std::fprintf(stderr,
                   "data/actors: %zu countries, %zu regions, %zu organisations, %zu agents, %zu person rows "
                   "in %zu files\n",
                   tables->countries.size(), tables->regions.size(), tables->organisations.size(),
                   tables->agents.size(), tables->persons.size(), tables->files.size());
    }
  }
  if (!args->Has("dict-only")) {
    // The event lexicon and the ontology it codes into, checked against each other.
    std::string data = args->Get("data", actors::DefaultDataDir());
    auto ontology = LoadOntology(data + "/ontology");
    auto lexicon = events::LoadEventLexicon(data + "/events");
    if (!ontology.ok()) {
      std::printf("%s\n", ontology.status().message().c_str());
      ++errors;
    }
    if (!lexicon.ok()) {
      std::printf("%s\n", lexicon.status().message().c_str());
      ++errors;
    }
    if (ontology.ok() && lexicon.ok()) {
      for (const std::string& problem : events::CheckEventLexicon(*lexicon, *ontology)) {
        std::printf("%s\n", problem.c_str());
        ++errors;
      }
      std::fprintf(stderr, "data/ontology: %zu CAMEO codes; data/events: %zu patterns\n",
                   ontology->cameo_events.size(), lexicon->patterns().size());
    }
  }
  for (const auto& path : dicts) {
    actors::ActorIndex scratch;
    auto st = actors::ImportTabariFile(path, &scratch);
    if (!st.ok()) {
      std::printf("%s: %s\n", path.c_str(), st.status().message().c_str());
      ++errors;
      continue;
    }
    for (const auto& issue : st->issues) {
      std::printf("%s\n", issue.ToString().c_str());
      ++(issue.warning ? warnings : errors);
    }
    std::fprintf(stderr, "%s: %zu lines, %zu actors, %zu names\n", path.c_str(), st->lines, st->actors,
                 st->phrases);
  }
  std::fprintf(stderr, "%zu errors, %zu warnings\n", errors, warnings);
  return errors > 0 ? 1 : 0;
}

}  // namespace dyad::cli
