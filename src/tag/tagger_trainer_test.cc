// A small training run on real data: a few hundred EWT train sentences, scored on EWT dev.
// Skips when the shared data folder is absent.
#include "tag/tagger_trainer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "io/conllu.h"

namespace dyad {
namespace {

const std::string kEwt = std::string(DYAD_SHARED_DATA) + "/ud/UD_English-EWT/";

// The first n sentences of a CoNLL-U file, as text.
std::string FirstSentences(const std::string& path, size_t n) {
  std::ifstream in(path);
  std::string line, out;
  size_t done = 0;
  while (done < n && std::getline(in, line)) {
    out += line + "\n";
    if (line.empty()) ++done;
  }
  return out;
}

// Most frequent UPOS of each (lower-cased) word in train, NOUN for unseen words.
double MostFrequentTagBaseline(const Document& train, const Document& test) {
  std::map<std::string, std::map<Upos, int>> counts;
  auto lower = [](std::string_view s) {
    std::string l(s);
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l;
  };
  for (uint32_t i = 0; i < train.tokens().size(); ++i) counts[lower(train.token(i).norm())][train.token(i).upos()]++;
  size_t right = 0;
  for (uint32_t i = 0; i < test.tokens().size(); ++i) {
    Upos guess = Upos::NOUN;
    auto it = counts.find(lower(test.token(i).norm()));
    if (it != counts.end()) {
      int best = 0;
      for (auto [u, c] : it->second)
        if (c > best) best = c, guess = u;
    }
    right += guess == test.token(i).upos();
  }
  return 100.0 * static_cast<double>(right) / static_cast<double>(test.tokens().size());
}

TEST(TaggerTrainer, SmallRunBeatsTheMostFrequentTagBaselineAndIsDeterministic) {
  if (!std::filesystem::exists(kEwt + "en_ewt-ud-train.conllu"))
    GTEST_SKIP() << "shared data absent: " << kEwt;
  auto train = ReadConllu(FirstSentences(kEwt + "en_ewt-ud-train.conllu", 400));
  auto dev = ReadConllu(FirstSentences(kEwt + "en_ewt-ud-dev.conllu", 300));
  ASSERT_TRUE(train.ok() && dev.ok());
  TaggerTrainOptions opts;
  opts.epochs = 2;
  opts.jackknife_folds = 2;
  int reports = 0, skip_reports = 0;
  opts.on_epoch = [&](const TaggerEpochReport& r) { ++(r.pass == 3 ? skip_reports : reports); };
  std::string a = (std::filesystem::temp_directory_path() / ("dyad_tagger_a_" + std::to_string(::getpid()))).string();
  std::string b = a + "_b";
  ASSERT_TRUE(TrainTagger(*train, &*dev, opts, a).ok());
  EXPECT_EQ(reports, 2 + 2 * 2 + 2);  // pass 1, two folds, pass 2
  EXPECT_GE(skip_reports, 1);          // the second-pass skip margin was tuned on dev
  opts.on_epoch = nullptr;
  ASSERT_TRUE(TrainTagger(*train, &*dev, opts, b).ok());
  auto bytes = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  EXPECT_EQ(bytes(a), bytes(b)) << "same data and seed must give the same model bytes";

  auto model = tag::TaggerModel::Load(a);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  TagAccuracy acc = EvaluateTagger(*model, *dev);
  double baseline = MostFrequentTagBaseline(*train, *dev);
  std::printf("400-sentence model on 300 dev sentences: UPOS %.2f (baseline %.2f) XPOS %.2f lemma %.2f\n", acc.upos,
              baseline, acc.xpos, acc.lemma);
  EXPECT_GT(acc.upos, baseline + 3.0);
  EXPECT_GT(acc.lemma, 85.0);
  EXPECT_GE(model->skip_margin(), 0.0f);
  std::filesystem::remove(a);
  std::filesystem::remove(b);
}

TEST(TaggerTrainer, RefusesEmptyTrainingData) {
  Document empty("");
  auto model = TrainTaggerModel(empty, nullptr, TaggerTrainOptions());
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dyad
