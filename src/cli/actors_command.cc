// dyad actors lookup|list: questions that dictionary maintainers ask of the actor index.
//   dyad actors lookup "Raisi" --date 2022-07-18   resolved code, name, role, dates and why
//   dyad actors list --code IRNGOV [--date D]      every name that resolves to a code
// Both take --data DIR (dyad's tables; default: actors::DefaultDataDir()), --dict FILE (repeatable:
// TABARI/PETRARCH dictionaries added) and --dict-only (use only the --dict files).
#include <cstdio>
#include <string>
#include <vector>

#include "actors/actor_loader.h"
#include "cli/args.h"
#include "cli/commands.h"

namespace dyad::cli {
namespace {

constexpr char kHelp[] = R"(usage: dyad actors lookup NAME [--date YYYY-MM-DD] [options]
       dyad actors list --code CODE [--date YYYY-MM-DD] [options]
       dyad actors coverage [--date YYYY-MM-DD] [--data DIR]

lookup  prints every dictionary entry named exactly NAME (case and diacritics folded), best first:
        kind, code on the date (persons: the role in force; out of office: <country>ELI), canonical
        name, role and its dates, and why (table file:line and the rule)
list    prints every entry whose code is CODE (persons: any role with that code; with --date,
        only roles in force that day)
coverage lists countries (countries.tsv, three-letter codes) with no head of state or government
        (a <code>GOV role titled President, Prime Minister, King, Emir, ...) in office on the date

options:
  --date D        the date roles are resolved on (default: today)
  --data DIR      folder holding actors/ (default: $DYAD_DATA, else the source tree's data/)
  --dict FILE     add a TABARI/PETRARCH .actors or .agents file (repeatable)
  --dict-only     use only the --dict files

exit status: 0 found, 3 nothing found, 2 usage error, 4 unreadable tables.
)";

int Usage(const std::string& m) {
  std::fprintf(stderr, "dyad actors: %s\nRun 'dyad actors --help' for the options.\n", m.c_str());
  return 2;
}

std::string Dates(const std::string& from, const std::string& to) {
  return (from.empty() ? "?" : from) + " .. " + (to.empty() ? "now" : to);
}

void PrintEntry(const actors::ActorIndex& index, uint32_t id, int date) {
  const actors::ActorEntry& e = index.entry(id);
  std::string kind(actors::EntryKindName(e.kind));
  if (e.kind == actors::EntryKind::kPerson && !e.roles.empty()) {
    actors::ResolvedRole r = actors::ResolveRole(e, date, false);
    std::printf("%s\t%s\t%s\trole: %s (%s)\twhy: %s\n", r.code.c_str(), e.name.c_str(), kind.c_str(),
                r.role.c_str(), Dates(r.from, r.to).c_str(), r.why.c_str());
    for (const auto& role : e.roles) {
      std::printf("\t  %s\t%s\t%s\t%s\n", role.code.c_str(), Dates(role.from_text, role.to_text).c_str(),
                  role.role.c_str(), role.source.c_str());
    }
    return;
  }
  std::string code = e.kind == actors::EntryKind::kAgent ? "<actor>+" + e.code : e.code;
  std::printf("%s\t%s\t%s\t%s\twhy: %s%s\n", code.c_str(), e.name.c_str(), kind.c_str(), e.sector.c_str(),
              e.source.c_str(), e.imported ? " (imported)" : "");
}

}  // namespace

int ActorsCommand(int argc, char** argv) {
  actors::ActorLoadOptions load;
  std::vector<char*> rest = actors::TakeRepeatedFlag(argc, argv, "--dict", &load.dicts);
  auto args = Args::Parse(static_cast<int>(rest.size()), rest.data(), {"date", "data", "code"},
                          {"dict-only", "help"});
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  const auto& pos = args->positional();
  if (pos.empty()) return Usage("expected 'lookup', 'list' or 'coverage'");
  load.data_dir = args->Get("data");
  load.dict_only = args->Has("dict-only");
  if (load.dict_only && load.dicts.empty()) return Usage("--dict-only needs at least one --dict FILE");
  std::string date_text = args->Get("date");
  if (!date_text.empty()) {
    auto d = ParsePartialDate(date_text);
    if (!d.ok() || d->day == 0) return Usage("--date wants YYYY-MM-DD, got '" + date_text + "'");
  }
  int date = actors::DateKey(date_text);

  if (pos[0] == "coverage") {
    std::string data = load.data_dir.empty() ? actors::DefaultDataDir() : load.data_dir;
    auto tables = LoadActorTables(data + "/actors");
    if (!tables.ok()) {
      std::fprintf(stderr, "dyad actors: %s\n", tables.status().ToString().c_str());
      return static_cast<int>(tables.status().code());
    }
    auto missing = actors::CountriesWithoutLeader(*tables, date);
    for (const auto& m : missing) std::printf("%s\n", m.c_str());
    std::fprintf(stderr, "%zu of %zu countries without a head of state/government in office\n", missing.size(),
                 tables->countries.size());
    return 0;
  }
  auto index = actors::LoadActorIndex(load);
  if (!index.ok()) {
    std::fprintf(stderr, "dyad actors: %s\n", index.status().ToString().c_str());
    return static_cast<int>(index.status().code());
  }
  if (pos[0] == "lookup") {
    if (pos.size() != 2) return Usage("lookup takes one NAME (quote names with spaces)");
    auto ids = (*index)->Lookup(pos[1]);
    if (ids.empty()) {
      std::fprintf(stderr, "dyad actors: no entry named '%s'\n", pos[1].c_str());
      return 3;
    }
    for (uint32_t id : ids) PrintEntry(**index, id, date);
    return 0;
  }
  if (pos[0] == "list") {
    std::string code = args->Get("code");
    if (code.empty()) return Usage("list needs --code CODE");
    size_t shown = 0;
    for (uint32_t id : (*index)->EntriesWithCode(code)) {
      const actors::ActorEntry& e = (*index)->entry(id);
      if (e.kind == actors::EntryKind::kPerson && !date_text.empty() &&
          actors::ResolveRole(e, date, false).code != code) {
        continue;
      }
      PrintEntry(**index, id, date);
      ++shown;
    }
    std::fprintf(stderr, "%zu entries\n", shown);
    return shown > 0 ? 0 : 3;
  }
  return Usage("unknown subcommand '" + pos[0] + "'");
}

}  // namespace dyad::cli
