#include <chrono>
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "io/conllu.h"
#include "tag/tagger_trainer.h"

namespace dyad::cli {
namespace {

constexpr char kUsage[] =
    "usage: dyad train tagger --train FILE.conllu [--dev FILE.conllu] -o MODEL [--epochs N] [--seed S]\n"
    "\n"
    "Trains the POS tagger, morphological features and lemmatiser (averaged perceptron) on a\n"
    "CoNLL-U file and writes the model. With --dev, the dev accuracy is printed after every epoch and\n"
    "the best epoch is kept. The same data, epochs and seed give the same model bytes.\n"
    "\n"
    "  --train FILE     training data (CoNLL-U with UPOS, XPOS, FEATS, LEMMA)\n"
    "  --dev FILE       development data for epoch selection (optional)\n"
    "  -o, --output F   model file to write (e.g. models/tagger.dyad)\n"
    "  --epochs N       training passes (default 12)\n"
    "  --seed S         shuffling seed (default 1)\n"
    "  --prune W        drop averaged weights below W (default 0.01)\n"
    "  --one-pass       skip the second (right-context) pass: faster tagging, lower accuracy\n"
    "  --data-id TEXT   training-data name recorded in the model header\n";

}  // namespace

int TrainTaggerCommand(int argc, char** argv) {
  // Accept "-o" as a spelling of --output.
  std::vector<std::string> storage;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    storage.push_back(std::string(argv[i]) == "-o" ? "--output" : argv[i]);
  }
  for (auto& s : storage) args.push_back(s.data());
  auto parsed = Args::Parse(static_cast<int>(args.size()), args.data(),
                            {"train", "dev", "output", "epochs", "seed", "prune", "data-id"}, {"help", "one-pass"});
  if (!parsed.ok()) {
    std::fprintf(stderr, "dyad train tagger: %s\n%s", parsed.status().message().c_str(), kUsage);
    return 2;
  }
  const Args& a = *parsed;
  if (a.Has("help")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (!a.Has("train") || !a.Has("output") || !a.positional().empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  TaggerTrainOptions opts;
  try {
    opts.epochs = std::stoi(a.Get("epochs", "12"));
    opts.seed = std::stoull(a.Get("seed", "1"));
    opts.prune = std::stof(a.Get("prune", "0.01"));
  } catch (...) {
    std::fprintf(stderr, "dyad train tagger: --epochs, --seed and --prune take numbers\n");
    return 2;
  }
  if (opts.epochs < 1 || opts.epochs > 1000 || opts.prune < 0) {
    std::fprintf(stderr, "dyad train tagger: --epochs must be 1..1000 and --prune >= 0\n");
    return 2;
  }
  opts.training_data = a.Get("data-id", "UD_English-EWT train");
  opts.two_pass = !a.Has("one-pass");
  auto start = std::chrono::steady_clock::now();
  auto train = ReadConlluFile(a.Get("train"));
  if (!train.ok()) {
    std::fprintf(stderr, "dyad train tagger: %s\n", train.status().ToString().c_str());
    return static_cast<int>(train.status().code());
  }
  Result<Document> dev = Status::NotFound("no dev");
  if (a.Has("dev")) {
    dev = ReadConlluFile(a.Get("dev"));
    if (!dev.ok()) {
      std::fprintf(stderr, "dyad train tagger: %s\n", dev.status().ToString().c_str());
      return static_cast<int>(dev.status().code());
    }
  }
  std::fprintf(stderr, "train: %zu sentences, %zu tokens\n", train->sentences().size(), train->tokens().size());
  opts.on_epoch = [](const TaggerEpochReport& r) {
    if (r.pass == 3) {
      std::fprintf(stderr, "skip pass 2 at first-pass margin >= %.3f (%.1f%% of dev words)  dev UPOS %.2f XPOS %.2f UFeats %.2f "
                   "Lemma %.2f\n",
                   r.skip_margin, r.skipped, r.dev.upos, r.dev.xpos, r.dev.ufeats, r.dev.lemma);
      return;
    }
    char where[32];
    if (r.fold > 0) std::snprintf(where, sizeof where, "pass %d fold %d", r.pass, r.fold);
    else std::snprintf(where, sizeof where, "pass %d", r.pass);
    if (r.has_dev)
      std::fprintf(stderr,
                   "%s epoch %2d  train %.2f  dev UPOS %.2f XPOS %.2f UFeats %.2f AllTags %.2f Lemma %.2f  "
                   "features %zu  %.1fs\n",
                   where, r.epoch, r.train_accuracy, r.dev.upos, r.dev.xpos, r.dev.ufeats, r.dev.all_tags,
                   r.dev.lemma, r.features, r.seconds);
    else
      std::fprintf(stderr, "%s epoch %2d  train %.2f  features %zu  %.1fs\n", where, r.epoch, r.train_accuracy,
                   r.features, r.seconds);
  };
  Status st = TrainTagger(*train, dev.ok() ? &*dev : nullptr, opts, a.Get("output"));
  if (!st.ok()) {
    std::fprintf(stderr, "dyad train tagger: %s\n", st.ToString().c_str());
    return static_cast<int>(st.code());
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "wrote %s in %.1fs\n", a.Get("output").c_str(), secs);
  return 0;
}

}  // namespace dyad::cli
