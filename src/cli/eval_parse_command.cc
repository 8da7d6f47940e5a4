// dyad eval parse: tagging and parsing scores against a UD gold file (CoNLL 2018 manner).
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "eval/parse_scores.h"
#include "eval/ud_eval.h"
#include "io/conllu.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/text_stage.h"

namespace dyad::cli {
namespace {

constexpr const char* kHelp =
    "usage: dyad eval parse --gold FILE.conllu [--raw] [--models DIR] [--tagger MODEL] [--parser MODEL]\n"
    "                       [--gold-tags] [--beam K]\n"
    "\n"
    "Scores UPOS, XPOS, UFeats, lemma, UAS and LAS (punctuation included) against a UD gold file.\n"
    "  default      gold tokenisation: the tagger and parser run over the gold words (accuracies)\n"
    "  --raw        the running text is rebuilt from the gold file and the whole pipeline runs (text,\n"
    "               tagger, parser); words are aligned as in CoNLL 2018 and scores are F1\n"
    "  --models DIR where tagger.dyad and parser.dyad are (default: ./models, else the source tree's)\n"
    "  --tagger, --parser  a specific model file\n"
    "  --gold-tags  keep the gold UPOS/XPOS/FEATS/LEMMA (no tagger; gold tokenisation only)\n"
    "  --beam K     parse with a beam of K (1..64; default 1 = greedy), for models trained with --beam K\n"
    "LAS compares the universal relation (obl for obl:agent) as CoNLL 2018 does; LAS-full the whole label.\n";

std::string ModelPath(const Args& a, const std::string& flag, const std::string& file) {
  if (a.Has(flag)) return a.Get(flag);
  if (a.Has("models")) return a.Get("models") + "/" + file;
  std::string local = "models/" + file;
  if (std::filesystem::exists(local)) return local;
  return std::string(DYAD_SOURCE_DIR) + "/models/" + file;
}

int Fail(const Status& s) {
  std::fprintf(stderr, "dyad eval parse: %s\n", s.ToString().c_str());
  return static_cast<int>(s.code());
}

// Runs stages in order over doc (no layer checks: a CoNLL-U document already has its tokens).
Status Run(const std::vector<std::shared_ptr<const Stage>>& stages, Document& doc) {
  for (const auto& s : stages) {
    auto scratch = s->NewScratch();
    DYAD_RETURN_IF_ERROR(s->Process(doc, scratch.get()));
  }
  return Status::Ok();
}

}  // namespace

int EvalParseCommand(int argc, char** argv) {
  auto a = Args::Parse(argc, argv, {"gold", "models", "tagger", "parser", "beam"}, {"raw", "gold-tags", "help"});
  if (!a.ok()) {
    std::fprintf(stderr, "dyad eval parse: %s\n%s", a.status().message().c_str(), kHelp);
    return 2;
  }
  if (a->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (!a->Has("gold")) {
    std::fprintf(stderr, "dyad eval parse: --gold is required\n%s", kHelp);
    return 2;
  }
  bool raw = a->Has("raw"), gold_tags = a->Has("gold-tags");
  if (raw && gold_tags) {
    std::fprintf(stderr, "dyad eval parse: --gold-tags needs gold tokenisation (not --raw)\n");
    return 2;
  }
  auto gold = ReadConlluFile(a->Get("gold"));
  if (!gold.ok()) return Fail(gold.status());

  std::vector<std::shared_ptr<const Stage>> stages;
  if (raw) stages.push_back(MakeTextStage());
  if (!gold_tags) {
    auto tagger = LoadTaggerStage(ModelPath(*a, "tagger", "tagger.dyad"));
    if (!tagger.ok()) return Fail(tagger.status());
    stages.push_back(*tagger);
  }
  ParserOptions parser_opt;
  parser_opt.beam_size = std::atoi(a->Get("beam", "1").c_str());  // out of range (or not a number): refused
  auto parser = LoadParserStage(ModelPath(*a, "parser", "parser.dyad"), parser_opt);
  if (!parser.ok()) return Fail(parser.status());
  stages.push_back(*parser);

  Document system;
  if (raw) {
    system = Document(eval::RunningTextFromGold(*gold));
  } else {
    auto again = ReadConlluFile(a->Get("gold"));
    if (!again.ok()) return Fail(again.status());
    system = std::move(again).value();
  }
  auto t0 = std::chrono::steady_clock::now();
  Status s = Run(stages, system);
  if (!s.ok()) return Fail(s);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  auto scores = raw ? eval::ScoreAligned(*gold, system) : eval::ScoreGoldTokens(*gold, system);
  if (!scores.ok()) return Fail(scores.status());
  std::printf("%s: %zu gold words, %s%s\n", a->Get("gold").c_str(), gold->tokens().size(),
              raw ? "raw text (aligned F1)" : "gold tokenisation (accuracy)",
              gold_tags ? ", gold tags" : ", predicted tags");
  std::fputs(eval::FormatParseScores(*scores).c_str(), stdout);
  std::fprintf(stderr, "%zu words in %.2f s (%.0f words/s, %s)\n", system.tokens().size(), secs,
               secs > 0 ? static_cast<double>(system.tokens().size()) / secs : 0.0,
               raw ? "text + tagger + parser" : gold_tags ? "parser" : "tagger + parser");
  return 0;
}

}  // namespace dyad::cli
