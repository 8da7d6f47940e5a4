// dyad: English news -> political event data. This file only dispatches to the subcommands.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "cli/commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**);
  const char* help;
};

constexpr Command kCommands[] = {
    {"parse", dyad::cli::ParseCommand,
     "parse [FILES|-] [--input text|jsonl|html|conllu] [--format conllu|jsonl]   sentences, tokens, tags, parse"},
    {"code", dyad::cli::CodeCommand,
     "code [FILES|-] [--input text|jsonl|html] [--date D] [--dict F] [--threads N]   code events (JSON lines)"},
    {"explain", dyad::cli::ExplainCommand, "explain \"SENTENCE\" [--date D]   parse, actors and why each event was coded"},
    {"train", dyad::cli::TrainCommand, "train tagger|parser --train FILE --dev FILE -o MODEL   train a model"},
    {"eval", dyad::cli::EvalCommand,
     "eval tokenize|parse|events|timex|amounts|quotes|ner --gold …   score against gold data"},
    {"actors", dyad::cli::ActorsCommand,
     "actors lookup NAME [--date D] | actors list --code CODE   query the actor dictionaries"},
    {"validate", dyad::cli::ValidateCommand, "validate SUITE... [--dict FILE ...]   run TABARI/PETRARCH2 validation suites"},
    {"dict", dyad::cli::DictCommand, "dict check [--dict FILE ...]   validate dictionary files (file:line errors)"},
    {"ingest", dyad::cli::IngestCommand, "ingest [FILES|-] [--db dyad.db] [--threads N]   code and store articles"},
    {"query", dyad::cli::QueryCommand,
     "query series|top-actors|top-dyads|events|quotes|articles [filters] [--format table|csv|json]   ask the store"},
    {"sql", dyad::cli::SqlCommand, "sql \"SELECT ...\" [--db dyad.db]   read-only SQL over the store"},
    {"export", dyad::cli::ExportCommand, "export --format gdelt|gdelt-mentions|plover|csv|jsonl [--db dyad.db]   write the store's events"},
};

void Usage(FILE* out) {
  std::fprintf(out, "usage: dyad COMMAND [ARGS]\n\ncommands:\n");
  for (const auto& c : kCommands) std::fprintf(out, "  %s\n", c.help);
  std::fprintf(out, "\nRun 'dyad COMMAND --help' for a command's options.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    Usage(stderr);
    return 2;
  }
  std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    Usage(stdout);
    return 0;
  }
  if (name == "--version") {
    std::printf("dyad 0.1.0\n");
    return 0;
  }
  for (const auto& c : kCommands)
    if (name == c.name) return c.run(argc - 2, argv + 2);
  std::fprintf(stderr, "dyad: unknown command '%s'\n", argv[1]);
  Usage(stderr);
  return 2;
}
