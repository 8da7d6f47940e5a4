// The dyad subcommands. Each takes the arguments after its name and returns the process exit code
// (0 ok, 1 some records failed but the batch completed, 2 usage error, other StatusCode values for
// fatal errors). Each lives in its own *_command.cc file.
#pragma once

namespace dyad::cli {

int ParseCommand(int argc, char** argv);         // dyad parse
int CodeCommand(int argc, char** argv);          // dyad code
int ExplainCommand(int argc, char** argv);       // dyad explain
int TrainCommand(int argc, char** argv);         // dyad train tagger|parser (dispatch)
int TrainTaggerCommand(int argc, char** argv);   // dyad train tagger
int TrainParserCommand(int argc, char** argv);   // dyad train parser
int EvalCommand(int argc, char** argv);          // dyad eval tokenize|parse (dispatch)
int EvalTokenizeCommand(int argc, char** argv);  // dyad eval tokenize
int EvalParseCommand(int argc, char** argv);     // dyad eval parse
int ActorsCommand(int argc, char** argv);        // dyad actors lookup|list
int DictCommand(int argc, char** argv);          // dyad dict check
int IngestCommand(int argc, char** argv);        // dyad ingest (store)
int QueryCommand(int argc, char** argv);         // dyad query series|top-actors|top-dyads|events|quotes|articles
int SqlCommand(int argc, char** argv);           // dyad sql (read-only)
int ExportCommand(int argc, char** argv);        // dyad export --format gdelt|gdelt-mentions|plover|csv|jsonl
int ValidateCommand(int argc, char** argv);      // dyad validate (TABARI / PETRARCH2 suites)
int EvalTimexCommand(int argc, char** argv);     // dyad eval timex
int EvalAmountsCommand(int argc, char** argv);   // dyad eval amounts
int EvalQuotesCommand(int argc, char** argv);    // dyad eval quotes
int EvalNerCommand(int argc, char** argv);       // dyad eval ner
int EvalPlacesCommand(int argc, char** argv);    // dyad eval places
int EvalEventsCommand(int argc, char** argv);    // dyad eval events

}  // namespace dyad::cli
