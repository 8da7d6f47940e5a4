// dyad parse: read records (text, JSONL, HTML, CoNLL-U, directories, stdin), run the pipeline, write
// CoNLL-U or JSON lines. Every record in gives a document out or an error record; a bad record never
// stops the batch. Diagnostics and the final summary go to stderr.
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <initializer_list>
#include <utility>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
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

input:
  --input KIND        text | jsonl | html | conllu (default: by extension: .txt .jsonl/.json
                      .html/.htm .conllu; anything else and stdin: text)
  --date YYYY-MM-DD   article date for records that carry none
  --text-field F      JSONL field names (defaults: text, id, date, title, url, source);
  --id-field F        unknown fields are ignored
  --date-field F
  --title-field F
  --url-field F
  --source-field F

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

// Buffered output that remembers whether any write failed.
class Output {
 public:
  explicit Output(std::FILE* f) : f_(f) {}
  std::string& buffer() { return buf_; }
  void MaybeFlush() {
    if (buf_.size() >= (1u << 20)) Flush();
  }
  void Flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) failed_ = true;
    buf_.clear();
  }
  bool Close() {
    Flush();
    if (std::fflush(f_) != 0) failed_ = true;
    if (f_ != stdout && std::fclose(f_) != 0) failed_ = true;
    return !failed_;
  }
  bool failed() const { return failed_; }

 private:
  std::FILE* f_;
  std::string buf_;
  bool failed_ = false;
};

}  // namespace

int ParseCommand(int argc, char** argv) {
  // Short options the shared Args parser does not know.
  std::vector<std::string> words;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    words.push_back(a == "-o" ? "--output" : a == "-h" ? "--help" : a);
  }
  std::vector<char*> cargv;
  for (auto& w : words) cargv.push_back(w.data());
  auto args = Args::Parse(static_cast<int>(cargv.size()), cargv.data(),
                          {"input", "format", "date", "output", "text-field", "id-field", "date-field",
                           "title-field", "url-field", "source-field", "models"},
                          {"help", "quiet", "tokenize-only", "no-parse"});
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  ReaderOptions options;
  auto kind = InputKindFromName(args->Get("input", "auto"));
  if (!kind) return Usage("unknown --input '" + args->Get("input") + "' (text, jsonl, html, conllu)");
  options.kind = *kind;
  std::string format = args->Get("format", "conllu");
  if (format != "conllu" && format != "jsonl") return Usage("unknown --format '" + format + "' (conllu, jsonl)");
  bool jsonl = format == "jsonl";
  if (args->Has("date")) {
    auto d = NormalizeDate(args->Get("date"));
    if (!d.ok() || *d != args->Get("date")) return Usage("--date needs a YYYY-MM-DD date, got '" + args->Get("date") + "'");
    options.default_date = *d;
  }
  JsonlFields& f = options.fields;
  using FieldFlag = std::pair<const char*, std::string*>;
  for (auto [flag, field] : std::initializer_list<FieldFlag>{{"text-field", &f.text}, {"id-field", &f.id},
                                                             {"date-field", &f.date}, {"title-field", &f.title},
                                                             {"url-field", &f.url}, {"source-field", &f.source}}) {
    if (!args->Has(flag)) continue;
    *field = args->Get(flag);
    if (field->empty()) return Usage(std::string("--") + flag + " needs a field name");
  }
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
  std::FILE* out_file = stdout;
  std::string out_path = args->Get("output");
  if (!out_path.empty() && out_path != "-") {
    out_file = std::fopen(out_path.c_str(), "wb");
    if (out_file == nullptr) {
      std::fprintf(stderr, "dyad parse: cannot write %s: %s\n", out_path.c_str(), std::strerror(errno));
      return static_cast<int>(StatusCode::kIoError);
    }
  }
  Output out(out_file);
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
