// dyad train parser: trains the dependency parser on a CoNLL-U treebank and writes a model file.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "io/conllu.h"
#include "parse/jackknife.h"
#include "parse/parser_trainer.h"
#include "tag/tagger_model.h"

namespace dyad::cli {
namespace {

constexpr const char* kHelp =
    "usage: dyad train parser --train FILE.conllu --dev FILE.conllu -o MODEL\n"
    "                         [--epochs N] [--seed S] [--tagger MODEL [--jackknife K] [--jackknife-epochs N]]\n"
    "                         [--min-updates N] [--training-data TEXT] [--beam K [--beam-from-epoch E] [--early-update]]\n"
    "\n"
    "Trains the arc-hybrid dependency parser (dynamic oracle, averaged perceptron) on the gold trees\n"
    "of --train, reading the UPOS/XPOS/FEATS/LEMMA columns as given, and keeps the epoch with the best\n"
    "labelled attachment score on --dev. Prints dev UAS/LAS after every epoch (stderr).\n"
    "\n"
    "  --train FILE         training treebank (CoNLL-U with HEAD and DEPREL)\n"
    "  --dev FILE           development treebank, selects the epoch\n"
    "  -o, --output MODEL   where to write the model (e.g. models/parser.dyad)\n"
    "  --epochs N           training passes (default 8)\n"
    "  --seed S             shuffling and exploration seed (default 1)\n"
    "  --tagger MODEL       parse predicted tags: --dev is re-tagged with MODEL, and --train with\n"
    "                       jackknifed taggers (K folds, each tagger trained on the other K-1 folds\n"
    "                       with the tagger's default options but --jackknife-epochs); without\n"
    "                       it the gold tags are used\n"
    "  --jackknife K        folds for the training tags (default 4; needs --tagger)\n"
    "  --jackknife-epochs N epochs for each fold's tagger (default 5: the folds only need realistic\n"
    "                       tagging errors, and four full tagger trainings would dominate the time)\n"
    "  --min-updates N      drop features updated fewer than N times (two per mistake) when packing\n"
    "                       (default 3: smaller model, little accuracy lost)\n"
    "  --training-data TEXT what to record as the model's training data\n"
    "  --beam K             from epoch E on, train the move classifier globally with a beam of K\n"
    "                       (max-violation update) and pick the epoch by dev parsed with that beam;\n"
    "                       parse with the same --beam (default 1: greedy only)\n"
    "  --beam-from-epoch E  greedy epochs before E warm-start the beam (default 1)\n"
    "  --early-update       early update instead of max-violation\n";

int Fail(const Status& s) {
  std::fprintf(stderr, "dyad train parser: %s\n", s.ToString().c_str());
  return static_cast<int>(s.code());
}

}  // namespace

int TrainParserCommand(int argc, char** argv) {
  // "-o" is the one short flag: rewrite it to --output before parsing.
  std::vector<std::string> storage(argv, argv + argc);
  std::vector<char*> args;
  for (auto& s : storage) {
    if (s == "-o") s = "--output";
    if (s == "-h") s = "--help";
    args.push_back(s.data());
  }
  auto a = Args::Parse(static_cast<int>(args.size()), args.data(),
                       {"train", "dev", "output", "epochs", "seed", "training-data", "tagger", "jackknife", "jackknife-epochs", "min-updates", "beam", "beam-from-epoch"}, {"help", "early-update"});
  if (!a.ok()) {
    std::fprintf(stderr, "dyad train parser: %s\n%s", a.status().message().c_str(), kHelp);
    return 2;
  }
  if (a->Has("help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (!a->Has("train") || !a->Has("dev") || !a->Has("output")) {
    std::fprintf(stderr, "dyad train parser: --train, --dev and -o are required\n%s", kHelp);
    return 2;
  }
  parse::ParserTrainOptions opt;
  int folds = 4;
  TaggerTrainOptions tagger_opt;
  try {
    opt.epochs = std::stoi(a->Get("epochs", "8"));
    opt.seed = std::stoull(a->Get("seed", "1"));
    folds = std::stoi(a->Get("jackknife", "4"));
    tagger_opt.epochs = std::stoi(a->Get("jackknife-epochs", "5"));
    opt.min_updates = static_cast<uint32_t>(std::stoul(a->Get("min-updates", "3")));
    opt.beam_size = std::stoi(a->Get("beam", "1"));
    opt.beam_from_epoch = std::stoi(a->Get("beam-from-epoch", "1"));
    opt.early_update = a->Has("early-update");
  } catch (...) {
    std::fprintf(stderr, "dyad train parser: --epochs and --seed take numbers\n");
    return 2;
  }
  if ((a->Has("jackknife") || a->Has("jackknife-epochs")) && !a->Has("tagger")) {
    std::fprintf(stderr, "dyad train parser: --jackknife and --jackknife-epochs need --tagger\n");
    return 2;
  }
  if (opt.epochs < 1 || opt.epochs > 1000 || folds < 2 || folds > 20 || tagger_opt.epochs < 1 ||
      tagger_opt.epochs > 100) {
    std::fprintf(stderr, "dyad train parser: --epochs must be 1..1000 and --jackknife 2..20\n");
    return 2;
  }
  opt.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };

  auto t0 = std::chrono::steady_clock::now();
  auto dev = ReadConlluFile(a->Get("dev"));
  if (!dev.ok()) return Fail(dev.status());
  std::vector<Document> train_docs;
  std::string tags_note = "gold tags";
  if (a->Has("tagger")) {
    std::ifstream in(a->Get("train"), std::ios::binary);
    if (!in) return Fail(Status::NotFound("cannot open " + a->Get("train")));
    std::ostringstream text;
    text << in.rdbuf();
    auto folds_docs = parse::JackknifeTags(text.str(), folds, tagger_opt, opt.log);
    if (!folds_docs.ok()) return Fail(folds_docs.status());
    train_docs = std::move(folds_docs).value();
    // Loaded after the folds (which take minutes), so a model file being rewritten meanwhile is read whole.
    auto tagger = tag::TaggerModel::Load(a->Get("tagger"));
    if (!tagger.ok()) return Fail(tagger.status());
    tag::TaggerScratch scratch;
    tag::TagDocument(*tagger, *dev, scratch);
    tags_note = std::to_string(folds) + "-fold jackknifed predicted tags (" + std::to_string(tagger_opt.epochs) +
                "-epoch fold taggers)";
  } else {
    auto train = ReadConlluFile(a->Get("train"));
    if (!train.ok()) return Fail(train.status());
    train_docs.push_back(std::move(train).value());
  }
  std::vector<const Document*> train_ptrs;
  for (const Document& d : train_docs) train_ptrs.push_back(&d);
  auto model = parse::TrainParser(train_ptrs, *dev, opt);
  if (!model.ok()) return Fail(model.status());
  std::string data_id = a->Get("training-data", "UD_English-EWT train (CC BY-SA 4.0), " + tags_note);
  Status s = model->Save(a->Get("output"), data_id);
  if (!s.ok()) return Fail(s);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "wrote %s (%zu move features, %zu label features) in %.0f s\n", a->Get("output").c_str(),
               model->moves.num_features(), model->arc_labels.num_features(), secs);
  return 0;
}

}  // namespace dyad::cli
