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

}  // namespace dyad::cli
