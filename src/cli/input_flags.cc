#include "cli/input_flags.h"

#include <initializer_list>
#include <utility>

namespace dyad::cli {

const char kInputFlagsHelp[] = R"(input:
  --input KIND        text | jsonl | html | conllu (default: by extension: .txt .jsonl/.json
                      .html/.htm .conllu; anything else and stdin: text)
  --date YYYY-MM-DD   article date for records that carry none
  --text-field F      JSONL field names (defaults: text, id, date, title, url, source);
  --id-field F        unknown fields are ignored
  --date-field F
  --title-field F
  --url-field F
  --source-field F
)";

std::set<std::string> InputValueFlags() {
  return {"input", "date", "text-field", "id-field", "date-field", "title-field", "url-field", "source-field"};
}

Status ReadInputFlags(const Args& args, ReaderOptions* options) {
  auto kind = InputKindFromName(args.Get("input", "auto"));
  if (!kind) return Status::InvalidArgument("unknown --input '" + args.Get("input") + "' (text, jsonl, html, conllu)");
  options->kind = *kind;
  if (args.Has("date")) {
    auto d = NormalizeDate(args.Get("date"));
    if (!d.ok() || *d != args.Get("date"))
      return Status::InvalidArgument("--date needs a YYYY-MM-DD date, got '" + args.Get("date") + "'");
    options->default_date = *d;
  }
  JsonlFields& f = options->fields;
  using FieldFlag = std::pair<const char*, std::string*>;
  for (auto [flag, field] : std::initializer_list<FieldFlag>{{"text-field", &f.text}, {"id-field", &f.id},
                                                             {"date-field", &f.date}, {"title-field", &f.title},
                                                             {"url-field", &f.url}, {"source-field", &f.source}}) {
    if (!args.Has(flag)) continue;
    *field = args.Get(flag);
    if (field->empty()) return Status::InvalidArgument(std::string("--") + flag + " needs a field name");
  }
  return Status::Ok();
}

Result<Args> ParseDocumentCommandArgs(const std::vector<char*>& argv, std::set<std::string> value_flags,
                                      const std::set<std::string>& switches, ReaderOptions* options) {
  std::vector<std::string> words;
  for (char* a : argv) {
    std::string w = a;
    words.push_back(w == "-o" ? "--output" : w == "-h" ? "--help" : w);
  }
  std::vector<char*> cargv;
  for (auto& w : words) cargv.push_back(w.data());
  value_flags.merge(InputValueFlags());
  auto args = Args::Parse(static_cast<int>(cargv.size()), cargv.data(), value_flags, switches);
  if (!args.ok() || args->Has("help")) return args;
  if (Status s = ReadInputFlags(*args, options); !s.ok()) return s;
  return args;
}

}  // namespace dyad::cli
