// dyad eval ner: named entities against a CoNLL-2003-style file (CoNLL-2003, wikigold): exact spans.
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/ner_pipeline.h"
#include "extract/entities.h"
#include "io/conll_ner.h"

namespace dyad::cli {
namespace {

constexpr const char* kHelp =
    "usage: dyad eval ner --gold FILE [--models DIR] [--limit N] [--errors N]\n"
    "\n"
    "Scores the entities stage on a CoNLL-2003-style file (word ... TAG per line, blank line between\n"
    "sentences, -DOCSTART- between documents; IOB1 or IOB2 tags) over the gold words: tagger, parser,\n"
    "actors and entities run on each document. Exact-span precision, recall and F1 per type, and the\n"
    "micro average over PER, ORG and LOC (MISC reported apart).\n"

    "  --limit N    only the first N documents\n"
    "  --errors N   print up to N mistakes\n";

using SpanSet = std::set<std::tuple<uint32_t, uint32_t, std::string>>;  // (first, end, type)

int Fail(const Status& s) {
  std::fprintf(stderr, "dyad eval ner: %s\n", s.ToString().c_str());
  return static_cast<int>(s.code());
}

struct Counts {
  size_t gold = 0, system = 0, right = 0;
};

void Line(const char* name, const Counts& c) {
  double p = c.system ? static_cast<double>(c.right) / static_cast<double>(c.system) : 0;
  double r = c.gold ? static_cast<double>(c.right) / static_cast<double>(c.gold) : 0;
  std::printf("%-14s P %.3f  R %.3f  F1 %.3f   (gold %zu, system %zu, right %zu)\n", name, p, r,
              p + r > 0 ? 2 * p * r / (p + r) : 0.0, c.gold, c.system, c.right);
}

}  // namespace

int EvalNerCommand(int argc, char** argv) {
  auto a = Args::Parse(argc, argv, {"gold", "models", "limit", "errors"}, {"help"});
  if (!a.ok()) {
    std::fprintf(stderr, "dyad eval ner: %s\n%s", a.status().message().c_str(), kHelp);
    return 2;
  }
  if (a->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (!a->Has("gold")) {
    std::fprintf(stderr, "dyad eval ner: --gold is required\n%s", kHelp);
    return 2;
  }
  std::ifstream in(a->Get("gold"));
  if (!in) return Fail(Status::NotFound(a->Get("gold") + ": cannot open"));
  auto docs = ReadConllNer(in);
  auto limit_flag = a->GetCount("limit", docs.size());
  auto errors_flag = a->GetCount("errors", 0);
  for (const auto* r : {&limit_flag, &errors_flag}) {
    if (!r->ok()) {
      std::fprintf(stderr, "dyad eval ner: %s\n%s", r->status().message().c_str(), kHelp);
      return 2;
    }
  }
  const size_t limit = *limit_flag, max_errors = *errors_flag;

  auto pipeline = NerPipeline::Load(*a);
  if (!pipeline.ok()) return Fail(pipeline.status());
  const extract::Gazetteer* gazetteer = (*pipeline)->gazetteer();

  std::map<std::string, Counts> by_type;
  std::map<std::string, size_t> confusion;
  size_t wrong_printed = 0;
  Counts micro;
  size_t n = 0, words = 0, errors = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (const NerDocument& gold_doc : docs) {
    if (n >= limit) break;
    ++n;
    auto doc = (*pipeline)->Run(gold_doc);
    if (!doc.ok()) return Fail(doc.status());
    doc->mutable_entities() = extract::FindEntities(gazetteer, *doc);
    SpanSet gold_spans;
    for (const NerSpan& g : gold_doc.spans) gold_spans.emplace(g.first, g.end, g.type);
    words += doc->tokens().size();
    SpanSet system;
    for (const EntityRow& e : doc->entities()) system.emplace(e.first_token, e.end_token, std::string(doc->Str(e.type)));
    auto text = [&](uint32_t f, uint32_t e) {
      std::string t;
      for (uint32_t i = f; i < e && i < doc->tokens().size(); ++i) t += (i > f ? " " : "") + std::string(doc->token(i).text());
      return t;
    };
    for (const auto& g : gold_spans) {
      auto& c = by_type[std::get<2>(g)];
      ++c.gold;
      bool hit = system.count(g) > 0;
      c.right += hit;
      if (std::get<2>(g) != "MISC") ++micro.gold, micro.right += hit;
      if (!hit && errors < max_errors && std::get<2>(g) != "MISC") {
        ++errors;
        std::string got = "-";
        for (const auto& s : system) {
          if (std::get<0>(s) < std::get<1>(g) && std::get<0>(g) < std::get<1>(s)) {
            got = std::get<2>(s) + " '" + text(std::get<0>(s), std::get<1>(s)) + "'";
          }
        }
        std::printf("  missed %s '%s' (got %s)\n", std::get<2>(g).c_str(), text(std::get<0>(g), std::get<1>(g)).c_str(),
                    got.c_str());
      }
    }
    for (const auto& s : system) {
      if (!gold_spans.count(s)) {  // what the wrong ones are in the gold: another type, or nothing there
        std::string is = "none";
        for (const auto& g : gold_spans) {
          if (std::get<0>(g) == std::get<0>(s) && std::get<1>(g) == std::get<1>(s)) is = std::get<2>(g);
          else if (is == "none" && std::get<0>(s) < std::get<1>(g) && std::get<0>(g) < std::get<1>(s)) is = "overlap";
        }
        ++confusion[std::get<2>(s) + " for " + is];
        if (wrong_printed < max_errors && std::getenv("DYAD_NER_WRONG") != nullptr) {
          ++wrong_printed;
          std::printf("  wrong %s '%s' (gold: %s)\n", std::get<2>(s).c_str(), text(std::get<0>(s), std::get<1>(s)).c_str(), is.c_str());
        }
      }
      ++by_type[std::get<2>(s)].system;
      if (std::get<2>(s) != "MISC") ++micro.system;
      if (!gold_spans.count(s) && errors < max_errors && std::get<2>(s) != "MISC") {
        bool overlaps = false;
        for (const auto& g : gold_spans) overlaps = overlaps || (std::get<0>(s) < std::get<1>(g) && std::get<0>(g) < std::get<1>(s));
        if (!overlaps) {
          ++errors;
          std::printf("  spurious %s '%s'\n", std::get<2>(s).c_str(), text(std::get<0>(s), std::get<1>(s)).c_str());
        }
      }
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%s: %zu documents, %zu words\n", a->Get("gold").c_str(), n, words);
  for (const char* t : {"PER", "ORG", "LOC", "MISC"}) Line(t, by_type[t]);
  Line("PER/ORG/LOC", micro);
  std::printf("wrong system spans:");
  for (const auto& [k, v] : confusion) std::printf(" %s %zu;", k.c_str(), v);
  std::printf("\n");
  std::fprintf(stderr, "%.2f s (tagger + parser + actors + entities)\n", secs);
  return 0;
}

}  // namespace dyad::cli
