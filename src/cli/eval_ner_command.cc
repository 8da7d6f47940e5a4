// dyad eval ner: named entities against a CoNLL-2003-style file (CoNLL-2003, wikigold): exact spans.
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "actors/actor_loader.h"
#include "actors/actor_stage.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "extract/entities.h"
#include "extract/gazetteer.h"
#include "io/conllu.h"
#include "parse/parser.h"
#include "tag/tagger.h"

namespace dyad::cli {
namespace {

namespace fs = std::filesystem;

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

struct GoldDoc {
  std::string conllu;  // the words as CoNLL-U, for ReadConllu
  SpanSet spans;
};

// Reads the file into documents. IOB1 (a span starts at B- or where the type changes) and IOB2 both.
std::vector<GoldDoc> ReadConllNer(std::istream& in) {
  std::vector<GoldDoc> docs(1);
  std::string line, type;
  uint32_t token = 0, id = 0, start = 0;
  auto close = [&](uint32_t at) {
    if (!type.empty()) docs.back().spans.emplace(start, at, type);
    type.clear();
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("-DOCSTART-")) {
      close(token);
      if (token > 0) docs.emplace_back();
      token = 0, id = 0;
      continue;
    }
    std::istringstream cells(line);
    std::vector<std::string> f;
    for (std::string c; cells >> c;) f.push_back(c);
    if (f.empty()) {
      close(token);
      if (id > 0) docs.back().conllu += "\n";
      id = 0;
      continue;
    }
    const std::string& word = f[0];
    const std::string& tag = f.size() >= 2 ? f.back() : "O";
    std::string t = tag.size() > 2 ? tag.substr(2) : "";
    if (tag == "O" || t.empty()) {
      close(token);
    } else if (tag[0] == 'B' || t != type) {
      close(token);
      type = t, start = token;
    }
    docs.back().conllu += std::to_string(++id) + "\t" + word + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
    ++token;
  }
  close(token);
  if (docs.back().conllu.empty()) docs.pop_back();
  return docs;
}

std::string ModelPath(const Args& a, const std::string& file) {
  if (a.Has("models")) return a.Get("models") + "/" + file;
  std::string local = "models/" + file;
  if (fs::exists(local)) return local;
  return std::string(DYAD_SOURCE_DIR) + "/models/" + file;
}

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
  size_t limit = a->Has("limit") ? std::stoul(a->Get("limit")) : docs.size();
  size_t max_errors = a->Has("errors") ? std::stoul(a->Get("errors")) : 0;

  auto tagger = LoadTaggerStage(ModelPath(*a, "tagger.dyad"));
  if (!tagger.ok()) return Fail(tagger.status());
  auto parser = LoadParserStage(ModelPath(*a, "parser.dyad"));
  if (!parser.ok()) return Fail(parser.status());
  auto index = actors::LoadActorIndex({});
  if (!index.ok()) return Fail(index.status());
  auto gazetteer = extract::Gazetteer::Load({});
  if (!gazetteer.ok()) return Fail(gazetteer.status());
  // The documents come tokenised: the stages run in order without the text stage.
  std::vector<std::shared_ptr<const Stage>> stages = {*tagger, *parser, actors::MakeActorStage(*index),
                                                      extract::MakeEntityStage(*gazetteer)};
  std::vector<std::unique_ptr<StageScratch>> scratch;
  for (const auto& s : stages) scratch.push_back(s->NewScratch());

  std::map<std::string, Counts> by_type;
  std::map<std::string, size_t> confusion;
  size_t wrong_printed = 0;
  Counts micro;
  size_t n = 0, words = 0, errors = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (const GoldDoc& gold : docs) {
    if (n >= limit) break;
    ++n;
    auto doc = ReadConllu(gold.conllu);
    if (!doc.ok()) return Fail(doc.status());
    for (size_t k = 0; k < stages.size(); ++k) {
      Status s = stages[k]->Process(*doc, scratch[k].get());
      if (!s.ok()) return Fail(s);
    }
    words += doc->tokens().size();
    SpanSet system;
    for (const EntityRow& e : doc->entities()) system.emplace(e.first_token, e.end_token, std::string(doc->Str(e.type)));
    auto text = [&](uint32_t f, uint32_t e) {
      std::string t;
      for (uint32_t i = f; i < e && i < doc->tokens().size(); ++i) t += (i > f ? " " : "") + std::string(doc->token(i).text());
      return t;
    };
    for (const auto& g : gold.spans) {
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
      if (!gold.spans.count(s)) {  // what the wrong ones are in the gold: another type, or nothing there
        std::string is = "none";
        for (const auto& g : gold.spans) {
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
      if (!gold.spans.count(s) && errors < max_errors && std::get<2>(s) != "MISC") {
        bool overlaps = false;
        for (const auto& g : gold.spans) overlaps = overlaps || (std::get<0>(s) < std::get<1>(g) && std::get<0>(g) < std::get<1>(s));
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
