// dyad eval events: CAMEO event coding scored against the hand-coded dev gold (eval/events).
//
// Each document the gold names is read from the shared data folder, checked against the gold's
// checksums and run through the whole Engine (text ... actors, events). dyad's sentences may be cut
// differently from the coder's, so a predicted event belongs to the gold sentence whose character span
// holds its trigger (its dyad sentence then necessarily overlaps that gold sentence); events outside
// every gold sentence are not scored. Scores: src/eval/event_scores.h.
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/shared_data_dir.h"
#include "dyad/engine.h"
#include "eval/event_scores.h"
#include "events/event_record.h"
#include "ontology/ontology_tables.h"

namespace dyad::cli {
namespace {

constexpr const char* kHelp =
    "usage: dyad eval events --gold eval/events/dev_gold.tsv [--shared DIR] [--models DIR] [--data DIR]\n"
    "                        [--errors] [--max-errors N]\n"
    "\n"
    "Codes every sentence the gold names (files read from the shared data folder) and scores the\n"
    "predicted events per sentence: precision / recall / F1 at root level (root + source country +\n"
    "target country), full-code level and exact-actor level, with a per-root table.\n"
    "  --shared DIR   the shared data folder (default: $DYAD_SHARED_DATA, else ../shared/data, else the\n"
    "                 one beside the source tree)\n"
    "  --models DIR, --data DIR   as for dyad code\n"
    "  --errors       list root-level misses and false alarms (at most --max-errors, default 400)\n";

int Fail(const Status& s) {
  std::fprintf(stderr, "dyad eval events: %s\n", s.ToString().c_str());
  return static_cast<int>(s.code());
}

std::string Pct(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.1f", 100 * x);
  return buf;
}

std::string Row(const char* label, const eval::Counts& c) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-8s %s %s %s   tp %4lld  fp %4lld  fn %4lld\n", label,
                Pct(c.Precision()).c_str(), Pct(c.Recall()).c_str(), Pct(c.F1()).c_str(),
                static_cast<long long>(c.tp), static_cast<long long>(c.fp), static_cast<long long>(c.fn));
  return buf;
}

// Actor code and country of a mention; -1 gives empty strings.
void ActorOf(const Document& doc, int32_t mention, std::string* code, std::string* country) {
  code->clear();
  country->clear();
  if (mention < 0 || static_cast<size_t>(mention) >= doc.mentions().size()) return;
  const MentionRow& m = doc.mentions()[static_cast<size_t>(mention)];
  *code = std::string(doc.Str(m.code));
  *country = std::string(doc.Str(m.country));
  if (country->empty()) *country = code->substr(0, 3);
}

struct SplitStats {
  int64_t no_dyad_sentence = 0;  // gold sentences overlapped by no dyad sentence at all
  int64_t no_body_sentence = 0;  // overlapped only by furniture sentences
  int64_t cut_differently = 0;   // not exactly one dyad sentence with the same span
  int64_t drifted = 0;           // checksum mismatch: skipped
  int64_t events_outside = 0;    // predicted events in no gold sentence (not scored)
  std::vector<std::string> cuts;  // "location: n dyad sentences [b,e) ..." for --errors
};

}  // namespace

int EvalEventsCommand(int argc, char** argv) {
  auto a = Args::Parse(argc, argv, {"gold", "shared", "models", "data", "max-errors"}, {"errors", "help"});
  if (!a.ok()) {
    std::fprintf(stderr, "dyad eval events: %s\n%s", a.status().message().c_str(), kHelp);
    return 2;
  }
  if (a->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (!a->Has("gold")) {
    std::fprintf(stderr, "dyad eval events: --gold is required\n%s", kHelp);
    return 2;
  }
  const std::string shared = SharedDataDir(*a);
  const size_t max_errors = static_cast<size_t>(std::strtoul(a->Get("max-errors", "400").c_str(), nullptr, 10));

  auto gold = eval::LoadEventGold(a->Get("gold"));
  if (!gold.ok()) return Fail(gold.status());

  EngineOptions options;
  options.models_dir = a->Get("models");
  options.data_dir = a->Get("data");
  options.events = true;
  options.extract = true;  // as `dyad code` runs
  auto t_load = std::chrono::steady_clock::now();
  auto engine = Engine::Load(options);
  if (!engine.ok()) return Fail(engine.status());
  Engine::Scratch scratch(**engine);
  double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_load).count();

  // Gold sentences by document, in first-seen order.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const eval::GoldSentence*>> by_doc;
  for (const eval::GoldSentence& s : gold->sentences) {
    std::string key = eval::GoldDocumentKey(s);
    if (!by_doc.count(key)) order.push_back(key);
    by_doc[key].push_back(&s);
  }

  eval::EventScorer scorer;
  SplitStats split;
  int64_t dyad_sentences = 0, predicted_total = 0;
  double analyze_s = 0;
  for (const std::string& key : order) {
    const auto& sents = by_doc[key];
    auto text = eval::ReadGoldRecord(shared, sents.front()->path, sents.front()->record);
    if (!text.ok()) return Fail(text.status());
    DocumentMeta meta;
    meta.id = key;
    meta.date = sents.front()->date;
    Document doc(*text, meta);
    auto t0 = std::chrono::steady_clock::now();
    Status st = (*engine)->Analyze(doc, scratch);
    analyze_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!st.ok()) return Fail(Status(st.code(), key + ": " + st.message()));
    dyad_sentences += static_cast<int64_t>(doc.sentences().size());

    // dyad sentences as code point spans (in document order, so sorted).
    std::vector<eval::CharSpan> spans;
    spans.reserve(doc.sentences().size());
    for (const SentenceRow& r : doc.sentences()) {
      spans.push_back({doc.CharOffset(r.begin), doc.CharOffset(r.end), r.kind == Furniture::kBody});
    }
    // Predicted events, and the code point where each trigger head starts.
    std::vector<eval::CodedEvent> predicted;
    std::vector<uint32_t> trigger_at;
    for (const EventRow& e : doc.events()) {
      if (!events::ToldAsHappening(e.negated, e.modality)) continue;  // not emitted by `dyad code` by default
      eval::CodedEvent ce;
      ActorOf(doc, e.source, &ce.source, &ce.source_country);
      ActorOf(doc, e.target, &ce.target, &ce.target_country);
      ce.cameo = std::string(doc.Str(e.cameo));
      const size_t n_tokens = doc.tokens().size();
      if (e.trigger_head >= n_tokens || e.trigger_first >= n_tokens || e.trigger_end > n_tokens) {
        return Fail(Status::Internal(key + ": an event's trigger is outside the document's tokens"));
      }
      const TokenRow& first = doc.tokens()[e.trigger_first];
      const TokenRow& last = doc.tokens()[e.trigger_end > e.trigger_first ? e.trigger_end - 1 : e.trigger_first];
      const uint32_t trigger_end = last.end > first.begin ? last.end : first.end;
      ce.detail = "\"" + doc.text().substr(first.begin, trigger_end - first.begin) + "\" " +
                  std::string(doc.Str(e.rule));
      predicted.push_back(std::move(ce));
      trigger_at.push_back(doc.CharOffset(doc.tokens()[e.trigger_head].begin));
      ++predicted_total;
    }
    std::vector<const eval::GoldSentence*> checked;
    for (const eval::GoldSentence* g : sents) {
      Status ok = eval::VerifyGoldSentence(*g, *text);
      if (ok.ok()) {
        checked.push_back(g);
        continue;
      }
      std::fprintf(stderr, "dyad eval events: skipped: %s\n", ok.ToString().c_str());
      ++split.drifted;
    }
    size_t outside = 0;
    auto assigned = eval::AssignByTrigger(checked, trigger_at, &outside);
    split.events_outside += static_cast<int64_t>(outside);
    for (size_t i = 0; i < checked.size(); ++i) {
      eval::SentenceCover cover = eval::CoverOf(*checked[i], spans);
      if (cover.overlapping == 0) ++split.no_dyad_sentence;
      if (cover.overlapping > 0 && cover.body == 0) ++split.no_body_sentence;
      if (!cover.same_span) {
        ++split.cut_differently;
        std::string d = eval::DescribeLocation(*checked[i]) + ": " + std::to_string(cover.overlapping) + " dyad sentence(s)";
        for (const eval::CharSpan& sp : spans) {
          if (sp.begin < checked[i]->end && checked[i]->begin < sp.end) {
            d += " [" + std::to_string(sp.begin) + "," + std::to_string(sp.end) + ")" + (sp.body ? "" : "f");
          }
        }
        split.cuts.push_back(std::move(d));
      }
      std::vector<eval::CodedEvent> mine;
      for (size_t k : assigned[i]) mine.push_back(predicted[k]);
      scorer.Add(*checked[i], mine);
    }
  }

  const eval::EventScores& s = scorer.scores();
  const Ontology* onto = (*engine)->ontology();
  std::printf("gold %s: %lld sentences (%lld with events, %lld without), %zu documents\n",
              a->Get("gold").c_str(), static_cast<long long>(s.sentences),
              static_cast<long long>(s.gold_event_sentences),
              static_cast<long long>(s.sentences - s.gold_event_sentences), order.size());
  std::printf("dyad: %lld sentences, %lld events coded (%lld inside gold sentences, %lld of them in "
              "sentences the coder left empty)\n\n",
              static_cast<long long>(dyad_sentences), static_cast<long long>(predicted_total),
              static_cast<long long>(predicted_total - split.events_outside),
              static_cast<long long>(s.predicted_in_empty));
  std::printf("level      prec   rec    F1\n");
  std::fputs(Row("root", s.root).c_str(), stdout);
  std::fputs(Row("code", s.code).c_str(), stdout);
  std::fputs(Row("actor", s.actor).c_str(), stdout);
  std::printf("(root: CAMEO root + source country + target country; code: full code + countries;\n"
              " actor: full code + exact source and target codes; one-to-one within each sentence)\n\n");
  std::printf("root  gold  pred    tp   prec    rec     F1  name\n");
  for (const auto& [root, c] : s.by_root) {
    const CameoEvent* ev = onto != nullptr ? onto->FindCameo(root) : nullptr;
    std::printf("%-4s %5lld %5lld %5lld  %s  %s  %s  %s\n", root.c_str(), static_cast<long long>(c.tp + c.fn),
                static_cast<long long>(c.tp + c.fp), static_cast<long long>(c.tp), Pct(c.Precision()).c_str(),
                Pct(c.Recall()).c_str(), Pct(c.F1()).c_str(), ev != nullptr ? ev->name.c_str() : "");
  }
  std::printf("\nsentence splitting: %lld gold sentences overlap no dyad sentence, %lld only furniture "
              "sentences; %lld are cut differently by dyad (not one sentence with the same span)\n",
              static_cast<long long>(split.no_dyad_sentence), static_cast<long long>(split.no_body_sentence),
              static_cast<long long>(split.cut_differently));
  if (split.drifted > 0) {
    std::printf("%lld gold sentences skipped: their source text changed (checksum)\n",
                static_cast<long long>(split.drifted));
  }
  if (a->Has("errors")) {
    std::printf("\ngold sentences cut differently by dyad (f: furniture sentence)\n");
    for (const std::string& c : split.cuts) std::printf("  %s\n", c.c_str());
    std::printf("\nroot-level errors (MISS: gold event not found; FALSE: predicted event not in the gold)\n");
    size_t shown = 0;
    for (const eval::EventError& e : s.errors) {
      if (shown++ >= max_errors) {
        std::printf("... %zu more\n", s.errors.size() - max_errors);
        break;
      }
      std::printf("%-5s %s  %s -> %s %s%s%s%s%s\n", e.miss ? "MISS" : "FALSE", e.where.c_str(),
                  e.event.source.empty() ? "-" : e.event.source.c_str(),
                  e.event.target.empty() ? "-" : e.event.target.c_str(), e.event.cameo.c_str(),
                  e.event.detail.empty() ? "" : "  ", e.event.detail.c_str(),
                  e.nearest.empty() ? "" : "   | nearest: ", e.nearest.c_str());
    }
  }
  std::fprintf(stderr, "engine loaded in %.2f s; %zu documents analysed in %.2f s\n", load_s, order.size(),
               analyze_s);
  return 0;
}

}  // namespace dyad::cli
