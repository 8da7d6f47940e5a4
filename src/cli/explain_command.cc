// dyad explain "sentence": shows how dyad reads one sentence (or a short text) — the parse, the actors
// it found and why, and for every word that can trigger an event, which pattern fired or why none did.
#include <cstdio>
#include <string>
#include <vector>

#include "actors/actor_loader.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "dyad/engine.h"
#include "events/event_record.h"
#include "events/event_stage.h"
#include "io/reader.h"

namespace dyad::cli {
namespace {

constexpr char kHelp[] = R"(usage: dyad explain "TEXT" [options]

Prints, for each sentence of TEXT: the tokens with tags and dependency parse, the actor mentions
with their codes and the rule that resolved each, the events coded, and for every word that can
trigger an event the pattern that fired or the reason none did.

options:
  --date YYYY-MM-DD   article date (picks who held which office); default: today
  --data DIR          dyad's data folder (default: $DYAD_DATA, else the source tree's data/)
  --dict FILE         add a TABARI/PETRARCH .actors or .agents dictionary (repeatable)
  --models DIR        folder with tagger.dyad and parser.dyad
)";

int Usage(const std::string& message) {
  std::fprintf(stderr, "dyad explain: %s\nRun 'dyad explain --help' for the options.\n", message.c_str());
  return 2;
}

std::string Span(const Document& doc, uint32_t first, uint32_t end) {
  const auto& t = doc.tokens();
  return doc.text().substr(t[first].begin, t[end - 1].end - t[first].begin);
}

}  // namespace

int ExplainCommand(int argc, char** argv) {
  std::vector<std::string> dicts;
  std::vector<char*> rest = actors::TakeRepeatedFlag(argc, argv, "dict", &dicts);
  auto args = Args::Parse(static_cast<int>(rest.size()), rest.data(), {"date", "data", "models"}, {"help"});
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (args->positional().size() != 1) return Usage("give exactly one TEXT argument (quote it)");
  DocumentMeta meta;
  meta.id = "explain";
  if (args->Has("date")) {
    auto d = NormalizeDate(args->Get("date"));
    if (!d.ok() || *d != args->Get("date")) return Usage("--date needs a YYYY-MM-DD date");
    meta.date = *d;
  }
  EngineOptions options;
  options.models_dir = args->Get("models");
  options.data_dir = args->Get("data");
  options.events = true;
  options.dicts = dicts;
  auto engine = Engine::Load(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "dyad explain: %s\n", engine.status().ToString().c_str());
    return static_cast<int>(engine.status().code());
  }
  Document doc(args->positional()[0], meta);
  Engine::Scratch scratch(**engine);
  if (Status s = (*engine)->Analyze(doc, scratch); !s.ok()) {
    std::fprintf(stderr, "dyad explain: %s\n", s.ToString().c_str());
    return static_cast<int>(s.code());
  }
  const auto records = events::MakeEventRecords(doc, *(*engine)->ontology());
  for (uint32_t s = 0; s < doc.sentences().size(); ++s) {
    const SentenceRow& sr = doc.sentences()[s];
    std::printf("sentence %u: %.*s\n", s + 1, static_cast<int>(sr.end - sr.begin), doc.text().data() + sr.begin);
    if (sr.kind != Furniture::kBody)
      std::printf("  (%s: not coded)\n", std::string(FurnitureName(sr.kind)).c_str());
    std::printf("  parse:\n");
    for (uint32_t t = sr.first_token; t < sr.end_token; ++t) {
      Token tok = doc.token(t);
      int head = tok.head() < 0 ? 0 : tok.head() - static_cast<int>(sr.first_token) + 1;
      std::printf("    %3u %-18s %-14s %-6s %3d %s\n", t - sr.first_token + 1, std::string(tok.text()).c_str(),
                  std::string(tok.lemma()).c_str(), std::string(UposName(tok.upos())).c_str(), head,
                  std::string(tok.deprel()).c_str());
    }
    std::printf("  actors:\n");
    for (const MentionRow& m : doc.mentions()) {
      if (m.first_token < sr.first_token || m.first_token >= sr.end_token) continue;
      std::printf("    %-32s %-10s %s\n", Span(doc, m.first_token, m.end_token).c_str(),
                  std::string(doc.Str(m.code)).c_str(), std::string(doc.Str(m.rule)).c_str());
    }
    std::printf("  events:\n");
    for (const auto& r : records) {
      if (r.sentence_index != s) continue;
      std::printf("    %s -> %s  CAMEO %s (%s)  PLOVER %s  modality %s%s  trigger \"%s\"  rule %s\n",
                  r.has_source ? r.source.code.c_str() : "-", r.has_target ? r.target.code.c_str() : "-",
                  r.cameo_code.c_str(), r.cameo_name.c_str(), r.plover_type.empty() ? "-" : r.plover_type.c_str(),
                  std::string(ModalityName(r.modality)).c_str(),
                  r.negated ? ", NEGATED (dropped by default)"
                  : r.modality == Modality::kHypothetical ? " (dropped by default)" : "",
                  r.trigger_text.c_str(), r.rule.c_str());
    }
    if (sr.kind == Furniture::kBody) {
      std::printf("  why:\n");
      for (const std::string& line : events::ExplainSentence(*(*engine)->lexicon(), doc, s))
        std::printf("    %s\n", line.c_str());
    }
  }
  return 0;
}

}  // namespace dyad::cli
