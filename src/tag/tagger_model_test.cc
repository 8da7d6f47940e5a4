// Model round trip, fail-closed loading, the Stage contract and bad input (long and
// punctuation-only sentences), on a toy model trained from a hand-written CoNLL-U snippet.
#include "tag/tagger_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "io/conllu.h"
#include "tag/tagger.h"
#include "tag/tagger_trainer.h"

namespace dyad {
namespace {

// word, upos, xpos, feats, lemma
struct W {
  const char *form, *upos, *xpos, *feats, *lemma;
};

std::string Conllu(const std::vector<std::vector<W>>& sentences) {
  std::string out;
  for (const auto& s : sentences) {
    int id = 1;
    for (const W& w : s)
      out += std::to_string(id++) + "\t" + w.form + "\t" + w.lemma + "\t" + w.upos + "\t" + w.xpos + "\t" + w.feats +
             "\t0\t_\t_\t_\n";
    out += "\n";
  }
  return out;
}

const std::vector<std::vector<W>> kToy = {
    {{"The", "DET", "DT", "Definite=Def|PronType=Art", "the"},
     {"dogs", "NOUN", "NNS", "Number=Plur", "dog"},
     {"barked", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", "bark"},
     {".", "PUNCT", ".", "_", "."}},
    {{"A", "DET", "DT", "Definite=Ind|PronType=Art", "a"},
     {"cat", "NOUN", "NN", "Number=Sing", "cat"},
     {"sleeps", "VERB", "VBZ", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", "sleep"},
     {".", "PUNCT", ".", "_", "."}},
    {{"Putin", "PROPN", "NNP", "Number=Sing", "Putin"},
     {"went", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", "go"},
     {"to", "ADP", "IN", "_", "to"},
     {"Tehran", "PROPN", "NNP", "Number=Sing", "Tehran"},
     {".", "PUNCT", ".", "_", "."}},
    {{"Leaders", "NOUN", "NNS", "Number=Plur", "leader"},
     {"met", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", "meet"},
     {"in", "ADP", "IN", "_", "in"},
     {"the", "DET", "DT", "Definite=Def|PronType=Art", "the"},
     {"city", "NOUN", "NN", "Number=Sing", "city"},
     {"!", "PUNCT", ".", "_", "!"}},
};

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dyad_tag_" + name + "_" + std::to_string(::getpid()))).string();
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

class ToyModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string text;
    for (int i = 0; i < 5; ++i) text += Conllu(kToy);
    auto train = ReadConllu(text);
    ASSERT_TRUE(train.ok()) << train.status().ToString();
    TaggerTrainOptions opts;
    opts.epochs = 4;
    opts.jackknife_folds = 2;
    path_ = new std::string(TempPath("toy"));
    ASSERT_TRUE(TrainTagger(*train, nullptr, opts, *path_).ok());
  }
  static void TearDownTestSuite() {
    std::filesystem::remove(*path_);
    delete path_;
  }
  static std::string* path_;
};
std::string* ToyModel::path_ = nullptr;

TEST_F(ToyModel, LoadsAndTagsTrainingSentencesCorrectly) {
  auto stage = LoadTaggerStage(*path_);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  EXPECT_EQ((*stage)->name(), "tagger");
  EXPECT_EQ((*stage)->Requires(), kLayerTokens);
  EXPECT_EQ((*stage)->Provides(), kLayerTags);
  auto doc = ReadConllu(Conllu(kToy));
  ASSERT_TRUE(doc.ok());
  // Blank the gold tags: the stage must fill them in again.
  for (TokenRow& row : doc->mutable_tokens()) {
    row.upos = Upos::X;
    row.xpos = doc->Intern("XX");
    row.lemma = kNoStr;
  }
  auto scratch = (*stage)->NewScratch();
  ASSERT_TRUE((*stage)->Process(*doc, scratch.get()).ok());
  auto gold = ReadConllu(Conllu(kToy));
  size_t right = 0;
  for (uint32_t i = 0; i < doc->tokens().size(); ++i) {
    right += doc->token(i).upos() == gold->token(i).upos() && doc->token(i).xpos() == gold->token(i).xpos() &&
             doc->token(i).lemma() == gold->token(i).lemma() && doc->token(i).feats() == gold->token(i).feats();
  }
  EXPECT_EQ(right, doc->tokens().size());
  EXPECT_EQ(doc->token(5).lemma(), "cat");
  EXPECT_EQ(doc->token(9).lemma(), "go");
}

TEST_F(ToyModel, SaveLoadRoundTripGivesTheSameBytesAndTags) {
  auto model = tag::TaggerModel::Load(*path_);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_TRUE(model->has_second_pass());
  std::string again = TempPath("again");
  ASSERT_TRUE(model->Save(again, "UD_English-EWT train").ok());
  EXPECT_EQ(ReadBytes(again), ReadBytes(*path_));
  auto reloaded = tag::TaggerModel::Load(again);
  ASSERT_TRUE(reloaded.ok());
  std::vector<std::string_view> forms = {"The", "cat", "barked", "in", "Tehran", "."};
  tag::TaggerScratch s1, s2;
  std::vector<uint32_t> a(forms.size()), b(forms.size());
  model->TagSentence(forms.data(), forms.size(), s1, a.data());
  reloaded->TagSentence(forms.data(), forms.size(), s2, b.data());
  EXPECT_EQ(a, b);
  std::filesystem::remove(again);
}

TEST_F(ToyModel, ReorderedDecodingEqualsPlainGreedyDecoding) {
  // TagSentence sums word-only and static context features first (through the word cache) and adds
  // the tag-history features later; plain GreedyDecode over all features, with the same skip rule
  // for pass 2, must give the same classes, with a cold and with a warm cache.
  auto model = tag::TaggerModel::Load(*path_);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  std::vector<std::string_view> forms = {"The", "cat", "saw", "the", "dog", "in", "Tehran", "and", "the", "cat", "ran", "."};
  const size_t n = forms.size();
  std::vector<tag::WordInfo> words(n);
  std::string buf;
  for (size_t i = 0; i < n; ++i) {
    tag::DescribeWord(forms[i], i == 0, &buf, &words[i]);
    words[i].ambiguity = model->Ambiguity(words[i].word);
  }
  std::vector<int32_t> scores, margins(n);
  std::vector<uint32_t> expected(n), right(n);
  tag::GreedyDecode(model->weights(), model->classes(), words.data(), n, nullptr, scores, expected.data(),
                    margins.data());
  for (size_t i = 0; i < n; ++i) right[i] = model->tag_class(expected[i]).history;
  tag::SkipRule skip;
  if (model->skip_margin() > 0) {
    skip.margins = margins.data();
    skip.threshold = static_cast<int32_t>(
        std::lround(static_cast<double>(model->skip_margin()) * model->weights().scale()));
  }
  tag::GreedyDecode(model->second_pass(), model->classes(), words.data(), n, right.data(), scores, expected.data(),
                    nullptr, skip);
  tag::TaggerScratch s;
  for (int round = 0; round < 2; ++round) {
    std::vector<uint32_t> got(n);
    model->TagSentence(forms.data(), n, s, got.data());
    EXPECT_EQ(got, expected) << "round " << round;
  }
}

TEST_F(ToyModel, RefusesATruncatedModel) {
  std::string bytes = ReadBytes(*path_);
  for (size_t keep : {size_t{0}, size_t{7}, size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    std::string cut = TempPath("cut");
    WriteBytes(cut, bytes.substr(0, keep));
    auto stage = LoadTaggerStage(cut);
    ASSERT_FALSE(stage.ok()) << "kept " << keep << " bytes";
    EXPECT_EQ(stage.status().code(), StatusCode::kCorrupt) << stage.status().ToString();
    EXPECT_NE(stage.status().message().find(cut), std::string::npos) << "error names the file";
    std::filesystem::remove(cut);
  }
}

TEST_F(ToyModel, RefusesANewerFormatVersion) {
  ModelWriter w({"tagger", tag::kTaggerFormatVersion + 1, "future", "future features"});
  w.U32(1);
  std::string path = TempPath("newer");
  ASSERT_TRUE(w.WriteFile(path).ok());
  auto stage = LoadTaggerStage(path);
  ASSERT_FALSE(stage.ok());
  EXPECT_EQ(stage.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(stage.status().message().find("newer"), std::string::npos) << stage.status().ToString();
  std::filesystem::remove(path);
}

TEST_F(ToyModel, RefusesAnOlderFormatVersion) {
  // A version-1 model (joint UPOS/XPOS/FEATS classes, no FEATS table) has a different payload: it
  // must be refused by its version, not misread.
  ModelWriter w({"tagger", 1, "old", "tagger-v1"});
  w.U32(1);
  w.U32(static_cast<uint32_t>(Upos::NOUN));
  w.Str("NN");
  w.Str("Number=Sing");
  w.U32(0);
  std::string path = TempPath("older");
  ASSERT_TRUE(w.WriteFile(path).ok());
  auto model = tag::TaggerModel::Load(path);
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kUnsupported) << model.status().ToString();
  EXPECT_NE(model.status().message().find("retrain"), std::string::npos) << model.status().ToString();
  std::filesystem::remove(path);
}

TEST_F(ToyModel, FeatsComeFromTheTablesWithBackoff) {
  auto model = tag::TaggerModel::Load(*path_);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  // "dogs" is only seen as NNS with Number=Plur; an unseen NNS word backs off to the class's FEATS.
  std::vector<std::string_view> forms = {"The", "wolves", "barked", "."};
  tag::TaggerScratch s;
  std::vector<uint32_t> classes(forms.size());
  model->TagSentence(forms.data(), forms.size(), s, classes.data());
  ASSERT_EQ(model->tag_class(classes[1]).xpos, "NNS");
  EXPECT_EQ(model->feats().values()[model->feats().Predict(s.words.data(), classes.data(), 1)], "Number=Plur");
  ASSERT_EQ(model->tag_class(classes[0]).xpos, "DT");
  EXPECT_EQ(model->feats().values()[model->feats().Predict(s.words.data(), classes.data(), 0)],
            "Definite=Def|PronType=Art");
}

TEST_F(ToyModel, RefusesInconsistentPayloadAndOtherKinds) {
  // A well-formed container whose payload claims a class id past the class table.
  ModelWriter w({"tagger", tag::kTaggerFormatVersion, "bad", "bad"});
  w.U32(1);  // one class
  w.U32(static_cast<uint32_t>(Upos::NOUN));
  w.Str("NN");
  w.U32(0);
  w.Array(std::vector<uint64_t>{});  // tag dictionary
  w.Array(std::vector<uint32_t>{});
  w.U32(1);  // FEATS values
  w.Str("Number=Sing");
  w.Array(std::vector<uint64_t>{tag::FeatsModel::Key(tag::FeatsModel::kClass, 0, 0, 0)});
  w.Array(std::vector<uint32_t>{0});
  w.F32(1.0f);                               // weights: scale
  w.Array(std::vector<uint64_t>{42});        // one sparse row
  w.Array(std::vector<uint32_t>{0, 1});
  w.Array(std::vector<tag::WeightCell>{{5, 7}});  // class 7 of 1
  w.Array(std::vector<uint64_t>{});              // no dense rows
  w.Array(std::vector<int16_t>{});
  std::string path = TempPath("badclass");
  ASSERT_TRUE(w.WriteFile(path).ok());
  auto model = tag::TaggerModel::Load(path);
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kCorrupt) << model.status().ToString();

  ModelWriter parser({"parser", 1, "x", "y"});
  ASSERT_TRUE(parser.WriteFile(path).ok());
  EXPECT_FALSE(tag::TaggerModel::Load(path).ok());
  std::filesystem::remove(path);
  auto missing = LoadTaggerStage(path);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

Document LongAndPunctuationDocument() {
  std::string text;
  int id = 1;
  for (int i = 0; i < 2000; ++i) {
    const char* words[] = {"the", "leaders", "met", "in", "Tehran", ",", "and"};
    std::string w = words[i % 7];
    text += std::to_string(id++) + "\t" + w + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
  }
  text += "\n";
  id = 1;
  for (const char* p : {"!", "?", "...", "\"", "--", "(", ")", ".", "\xE2\x80\x9D"})
    text += std::to_string(id++) + "\t" + p + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
  auto doc = ReadConllu(text);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return std::move(doc).value();
}

TEST_F(ToyModel, LongSentenceAndPunctuationOnlySentenceAreTaggedInBoundedTime) {
  auto stage = LoadTaggerStage(*path_);
  ASSERT_TRUE(stage.ok());
  Document doc = LongAndPunctuationDocument();
  ASSERT_EQ(doc.sentences().size(), 2u);
  auto scratch = (*stage)->NewScratch();
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE((*stage)->Process(doc, scratch.get()).ok());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 5.0) << "2,009 tokens should take milliseconds";
  for (uint32_t i = 0; i < doc.tokens().size(); ++i) {
    EXPECT_NE(doc.token(i).upos(), Upos::kNone) << i;
    EXPECT_FALSE(doc.token(i).xpos().empty()) << i;
    EXPECT_FALSE(doc.token(i).lemma().empty()) << i;
  }
  // The punctuation-only sentence gets punctuation lemmas equal to the form.
  uint32_t first = doc.sentences()[1].first_token;
  EXPECT_EQ(doc.token(first).lemma(), "!");
}

TEST_F(ToyModel, OutputIsDeterministicAcrossScratchesAndThreads) {
  auto stage = LoadTaggerStage(*path_);
  ASSERT_TRUE(stage.ok());
  auto tag_once = [&](std::vector<std::string>* out) {
    Document doc = LongAndPunctuationDocument();
    auto scratch = (*stage)->NewScratch();
    ASSERT_TRUE((*stage)->Process(doc, scratch.get()).ok());
    ASSERT_TRUE((*stage)->Process(doc, scratch.get()).ok());  // a reused scratch changes nothing
    for (uint32_t i = 0; i < doc.tokens().size(); ++i) {
      Token t = doc.token(i);
      out->push_back(std::string(UposName(t.upos())) + "/" + std::string(t.xpos()) + "/" + std::string(t.feats()) +
                     "/" + std::string(t.lemma()));
    }
  };
  std::vector<std::string> a, b, c;
  tag_once(&a);
  std::thread t1([&] { tag_once(&b); });
  std::thread t2([&] { tag_once(&c); });
  t1.join();
  t2.join();
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, c);
}

TEST_F(ToyModel, EmptyDocumentIsFine) {
  auto stage = LoadTaggerStage(*path_);
  ASSERT_TRUE(stage.ok());
  Document doc("");
  auto scratch = (*stage)->NewScratch();
  EXPECT_TRUE((*stage)->Process(doc, scratch.get()).ok());
}

}  // namespace
}  // namespace dyad
