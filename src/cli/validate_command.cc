// dyad validate: run another coder's validation suite (TABARI Validate.text, PETRARCH2
// PETR.UnitTest.records.xml) through dyad with that suite's own dictionaries, imported: the actor
// index is built from the suite's .actors/.agents files only, events come from the surface coder over
// its verb file. Prints the failing records and a summary line per suite.
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "actors/actor_loader.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "dyad/engine.h"
#include "eval/event_validation.h"
#include "events/surface_coder.h"

namespace dyad::cli {
namespace {

namespace fs = std::filesystem;

constexpr char kHelp[] = R"(usage: dyad validate SUITE... [--dict FILE ...] [options]

Runs an event coder's validation suite through dyad and scores it. SUITE is a TABARI validation text
(Validate.text: dictionaries from the .project file beside it) or PETRARCH2 unit-test records
(PETR.UnitTest.records.xml: dictionaries from validate_dicts/ beside it); the format is detected.
Every record is tokenised, tagged and parsed by dyad, actors come from the suite's own .actors and
.agents files only, and events from the suite's verb dictionary through the surface coder (TABARI-style
sparse patterns). A record is right when the set of coded {source, target, code} equals the expected
set ("{###}", "{+++}", "{---}", noevents and error records expect nothing; OPTION records are skipped).

options:
  --dict FILE     add a dictionary: *verbs* files to the verbs, *discard* files to the discards,
                  anything else to the actors (repeatable)
  --models DIR    folder with tagger.dyad and parser.dyad (default: as dyad parse)
  --category C    only records of this category (DEMO, PATTERN, SYNSET, ...)
  --show-right    list the right records too
  --quiet         summary lines only
  --explain       with each failing record, the rule of every coded event

exit status: 0 the suites ran, 2 usage error, other codes when a suite or model cannot be read.
)";

int Usage(const std::string& m) {
  std::fprintf(stderr, "dyad validate: %s\nRun 'dyad validate --help' for the options.\n", m.c_str());
  return 2;
}

bool NameHas(const std::string& path, const char* what) {
  std::string name = fs::path(path).filename().string();
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name.find(what) != std::string::npos;
}

struct Options {
  std::vector<std::string> extra_dicts;
  std::string models_dir, category;
  bool show_right = false, quiet = false, explain = false;
};

// The Engine for one suite: dyad's tokeniser, tagger and parser, actors from the suite's own
// dictionaries only, and the suite's verbs through the imported (surface) coder.
Result<std::shared_ptr<const Engine>> LoadSuiteEngine(const eval::ValidationSuite& suite, const Options& o,
                                                      std::string* dict_note) {
  EngineOptions e;
  e.models_dir = o.models_dir;
  e.events = true;
  e.dict_only = true;
  e.verb_dicts = suite.verb_files;
  for (const auto& f : suite.actor_files) e.dicts.push_back(f);
  for (const auto& f : suite.agent_files) e.dicts.push_back(f);
  e.discard_dicts = suite.discard_files;
  for (const auto& f : suite.actor_files) e.discard_dicts.push_back(f);
  for (const auto& f : o.extra_dicts) {
    if (NameHas(f, "verb")) {
      e.verb_dicts.push_back(f);
    } else if (NameHas(f, "discard")) {
      e.discard_dicts.push_back(f);
    } else {
      e.dicts.push_back(f);
      e.discard_dicts.push_back(f);
    }
  }
  if (e.verb_dicts.empty()) return Status::InvalidArgument("the suite names no verb dictionary; give one with --dict");
  if (e.dicts.empty()) return Status::InvalidArgument("the suite names no actor dictionary; give one with --dict");
  // The verb files once more, for their line-by-line report (the engine keeps only the coder).
  auto dict = events::LoadVerbDictionary(e.verb_dicts);
  if (!dict.ok()) return dict.status();
  *dict_note = std::to_string(e.dicts.size()) + " actor/agent files, " + std::to_string((*dict)->verbs.size()) +
               " verbs, " + std::to_string((*dict)->patterns.size()) + " patterns (" +
               std::to_string((*dict)->issues.size()) + " lines skipped)";
  for (const auto& issue : (*dict)->issues) {
    if (!o.quiet) std::fprintf(stderr, "%s:%u: %s\n", issue.file.c_str(), issue.line, issue.message.c_str());
  }
  return Engine::Load(e);
}

std::vector<std::string> SplitCodes(std::string_view code) {
  std::vector<std::string> out;
  for (size_t p = 0; p <= code.size();) {
    size_t slash = code.find('/', p);
    if (slash == std::string_view::npos) slash = code.size();
    if (slash > p) out.emplace_back(code.substr(p, slash - p));
    p = slash + 1;
  }
  return out;
}

std::string Join(const std::vector<eval::CodedTriple>& ts) {
  if (ts.empty()) return "(none)";
  std::string out;
  for (const auto& t : ts) out += (out.empty() ? "{" : ", {") + t.ToString() + "}";
  return out;
}

int RunSuite(const std::string& path, const Options& o) {
  auto suite = eval::ReadValidationSuite(path);
  if (!suite.ok()) {
    std::fprintf(stderr, "dyad validate: %s\n", suite.status().ToString().c_str());
    return static_cast<int>(suite.status().code());
  }
  for (const auto& issue : suite->issues) std::fprintf(stderr, "%s\n", issue.c_str());
  std::string note;
  auto engine = LoadSuiteEngine(*suite, o, &note);
  if (!engine.ok()) {
    std::fprintf(stderr, "dyad validate: %s: %s\n", path.c_str(), engine.status().ToString().c_str());
    return static_cast<int>(engine.status().code());
  }
  const char* format = suite->format == eval::SuiteFormat::kTabari ? "TABARI" : "PETRARCH2";
  std::fprintf(stderr, "%s (%s): %zu records; %s\n", path.c_str(), format, suite->records.size(), note.c_str());
  Engine::Scratch scratch(**engine);
  size_t right = 0, scored = 0, options = 0, errors = 0;
  for (const auto& r : suite->records) {
    if (r.option) {
      ++options;
      continue;
    }
    if (!o.category.empty() && r.category != o.category) continue;
    ++scored;
    DocumentMeta meta;
    meta.id = r.id;
    meta.date = r.date;
    Document doc(r.text, meta);
    Status st = (*engine)->Analyze(doc, scratch);
    std::vector<eval::CodedTriple> got;
    if (!st.ok()) {
      ++errors;
    } else {
      for (const auto& e : doc.events()) {
        // "FRO/BIL/SAM" (TABARI THE_SHIRE): one actor standing for several; one triple per code.
        for (const auto& src : SplitCodes(doc.Str(doc.mentions()[e.source].code))) {
          for (const auto& tgt : SplitCodes(doc.Str(doc.mentions()[e.target].code))) {
            if (src != tgt) got.push_back({src, tgt, std::string(doc.Str(e.cameo))});
          }
        }
      }
    }
    eval::RecordScore score = eval::ScoreRecord(r, got);
    right += score.right;
    if (o.quiet || (score.right && !o.show_right)) continue;
    std::string start = r.text.substr(0, 90) + (r.text.size() > 90 ? "..." : "");
    std::printf("%s %s (%s:%u) %s\n", score.right ? "RIGHT" : "WRONG", r.id.c_str(),
                fs::path(path).filename().string().c_str(), r.line, start.c_str());
    if (!st.ok()) std::printf("    error:    %s\n", st.ToString().c_str());
    if (!score.right) {
      std::vector<eval::CodedTriple> want = r.expected;
      std::printf("    expected: %s%s\n", Join(want).c_str(), r.note.empty() ? "" : ("  [" + r.note + "]").c_str());
      std::printf("    got:      %s\n", Join(got).c_str());
    }
    if (o.explain) {
      for (const auto& e : doc.events()) {
        const auto& tr = doc.tokens();
        std::string trigger(doc.text().substr(tr[e.trigger_first].begin,
                                              tr[e.trigger_end - 1].end - tr[e.trigger_first].begin));
        std::printf("    rule %s: %s / %s / %s  \"%s\"\n", std::string(doc.Str(e.rule)).c_str(),
                    std::string(doc.Str(doc.mentions()[e.source].code)).c_str(),
                    std::string(doc.Str(doc.mentions()[e.target].code)).c_str(), std::string(doc.Str(e.cameo)).c_str(),
                    trigger.c_str());
      }
      for (const auto& m : doc.mentions()) {
        const auto& tr = doc.tokens();
        std::string words(doc.text().substr(tr[m.first_token].begin, tr[m.end_token - 1].end - tr[m.first_token].begin));
        std::printf("    actor \"%s\" = %s (%s)\n", words.c_str(), std::string(doc.Str(m.code)).c_str(),
                    std::string(doc.Str(m.rule)).c_str());
      }
    }
  }
  double pct = scored == 0 ? 0.0 : 100.0 * static_cast<double>(right) / static_cast<double>(scored);
  std::printf("%s: %s suite: %zu records, %zu right, %zu wrong (%.1f%% fully right)%s%s\n", path.c_str(), format,
              scored, right, scored - right, pct,
              options > 0 ? (", " + std::to_string(options) + " option records skipped").c_str() : "",
              errors > 0 ? (", " + std::to_string(errors) + " pipeline errors").c_str() : "");
  return 0;
}

}  // namespace

int ValidateCommand(int argc, char** argv) {
  Options o;
  std::vector<char*> rest = actors::TakeRepeatedFlag(argc, argv, "--dict", &o.extra_dicts);
  auto args = Args::Parse(static_cast<int>(rest.size()), rest.data(), {"models", "category"},
                          {"help", "show-right", "quiet", "explain"});
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (args->positional().empty()) return Usage("expected at least one SUITE file");
  o.models_dir = args->Get("models");
  o.category = args->Get("category");
  o.show_right = args->Has("show-right");
  o.quiet = args->Has("quiet");
  o.explain = args->Has("explain");
  int rc = 0;
  for (const auto& path : args->positional()) {
    int r = RunSuite(path, o);
    if (r != 0) rc = r;
  }
  return rc;
}

}  // namespace dyad::cli
