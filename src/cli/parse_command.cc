// dyad parse: read records (text, JSONL, HTML, CoNLL-U, directories, stdin), run the pipeline, write
// CoNLL-U or JSON lines. Every record in gives a document out or an error record; a bad record never
// stops the batch. Diagnostics and the final summary go to stderr.
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/output.h"
#include "dyad/engine.h"
#include "io/conllu.h"
#include "io/jsonl_writer.h"
#include "io/reader.h"

namespace dyad::cli {
namespace {

constexpr char kHelp[] = R"(usage: dyad parse [FILES|DIRS|-] [options]

Reads news articles and prints their sentences and tokens with POS tags, lemmas, features and
dependency parses.
With no FILES, reads stdin. A directory means every regular, non-hidden file under it, sorted.

)";

// After the shared input flags (cli/input_flags.cc).
constexpr char kHelpTail[] = R"(
analysis:
  --models DIR        folder with tagger.dyad and parser.dyad (default: $DYAD_MODELS, else the
                      models installed with dyad, else the source tree's models/)
  --tokenize-only     sentences and tokens only: no tagger, no parser
  --no-parse          tag and lemmatise, but do not parse

output:
  --format FORMAT     conllu (default) | jsonl. JSONL offsets are character (code point)
                      offsets into the original text; error records are {"error":{...}} lines
  -o, --output FILE   write here instead of stdout
  --quiet             no per-record warning lines on stderr (errors and the summary stay)

Bad input: invalid UTF-8 bytes become U+FFFD and NUL bytes spaces (with a warning); records over
64 MiB, broken JSON lines, missing text fields and unreadable files are error records. The last
stderr line counts records in, documents out, errors and warnings.

exit status: 0 every record ok, 1 some records were errors (the batch still completed),
2 usage error, 8 output could not be written.
)";

int Usage(const std::string& message) {
  std::fprintf(stderr, "dyad parse: %s\nRun 'dyad parse --help' for the options.\n", message.c_str());
  return 2;
}

}  // namespace

int ParseCommand(int argc, char** argv) {
  ReaderOptions options;
  auto args = ParseDocumentCommandArgs(std::vector<char*>(argv, argv + argc), {"format", "output", "models"},
                                       {"help", "quiet", "tokenize-only", "no-parse"}, &options);
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("help")) {
    std::fputs(kHelp, stdout);
    std::fputs(kInputFlagsHelp, stdout);
    std::fputs(kHelpTail, stdout);
    return 0;
  }
  std::string format = args->Get("format", "conllu");
  if (format != "conllu" && format != "jsonl") return Usage("unknown --format '" + format + "' (conllu, jsonl)");
  bool jsonl = format == "jsonl";
  bool quiet = args->Has("quiet");
  std::vector<std::string> paths = args->positional();
  if (paths.empty()) paths.push_back("-");

  EngineOptions engine_options;
  engine_options.models_dir = args->Get("models");
  engine_options.tag = !args->Has("tokenize-only");
  engine_options.parse = !args->Has("tokenize-only") && !args->Has("no-parse");
  auto engine = Engine::Load(engine_options);
  if (!engine.ok()) {
    std::fprintf(stderr, "dyad parse: %s\n", engine.status().ToString().c_str());
    return static_cast<int>(engine.status().code());
  }
  auto out_file = Output::Open(args->Get("output"));
  if (!out_file.ok()) {
    std::fprintf(stderr, "dyad parse: %s\n", out_file.status().message().c_str());
    return static_cast<int>(StatusCode::kIoError);
  }
  Output out(*out_file);
  Engine::Scratch scratch(**engine);

  size_t records = 0, documents = 0, errors = 0, warnings = 0;
  auto reader = OpenReader(paths, options);
  InputRecord rec;
  while (reader->Next(&rec)) {
    ++records;
    for (const auto& w : rec.warnings) {
      ++warnings;
      if (!quiet) std::fprintf(stderr, "dyad parse: warning: %s: %s\n", rec.where.c_str(), w.c_str());
    }
    Status status = rec.status;
    if (status.ok()) {
      status = rec.pretokenized ? (*engine)->AnalyzeTokenized(rec.doc, scratch)
                                : (*engine)->Analyze(rec.doc, scratch);
    }
    if (!status.ok()) {
      ++errors;
      std::fprintf(stderr, "dyad parse: error: %s: %s\n", rec.where.c_str(), status.ToString().c_str());
      if (jsonl) WriteJsonlError(rec.id(), rec.where, status, out.buffer());
    } else {
      ++documents;
      if (jsonl) {
        WriteJsonl(rec.doc, rec.warnings, out.buffer());
      } else if (!rec.doc.sentences().empty()) {
        out.buffer() += "# newdoc id = ";
        for (char c : rec.doc.meta().id) out.buffer() += (c == '\n' || c == '\r') ? ' ' : c;
        out.buffer() += '\n';
        WriteConllu(rec.doc, out.buffer());
      }
    }
    out.MaybeFlush();
    if (out.failed()) break;
  }
  bool wrote = out.Close();
  std::fprintf(stderr, "dyad parse: %zu records in, %zu documents out, %zu errors, %zu warnings\n", records,
               documents, errors, warnings);
  if (!wrote) {
    std::fprintf(stderr, "dyad parse: writing the output failed\n");
    return static_cast<int>(StatusCode::kIoError);
  }
  return errors == 0 ? 0 : 1;
}

}  // namespace dyad::cli
