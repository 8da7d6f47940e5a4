#include "parse/parser_model.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parse/hashing.h"
#include "parse/parser.h"
#include "parse/parser_trainer.h"
#include "parse/test_treebank.h"

namespace dyad::parse {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dyad_parser_" + name + "_" + std::to_string(::getpid())))
      .string();
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

ParserModel TinyModel() {
  Document train = testing::TinyTreebank();
  ParserTrainOptions opt;
  opt.epochs = 10;
  opt.min_updates = 0;  // four sentences: keep every feature
  auto m = TrainParser(train, train, opt);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return std::move(m).value();
}

// Every sentence: one token with kNoHead, heads inside the sentence, no cycles, a label on every token.
void ExpectParsed(const Document& doc) {
  for (const SentenceRow& s : doc.sentences()) {
    int roots = 0;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const TokenRow& r = doc.tokens()[t];
      EXPECT_NE(r.deprel, kNoStr);
      if (r.head == kNoHead) {
        ++roots;
        EXPECT_EQ(doc.Str(r.deprel), "root");
        continue;
      }
      ASSERT_GE(r.head, static_cast<int32_t>(s.first_token));
      ASSERT_LT(r.head, static_cast<int32_t>(s.end_token));
      int32_t x = static_cast<int32_t>(t);
      uint32_t steps = 0;
      while (x != kNoHead && steps++ <= s.end_token - s.first_token) x = doc.tokens()[x].head;
      EXPECT_EQ(x, kNoHead) << "cycle through token " << t;
    }
    EXPECT_EQ(roots, 1);
  }
}

TEST(ParserModel, LearnsTheTinyTreebank) {
  ParserModel m = TinyModel();
  ParseScore s = ScoreParser(m, testing::TinyTreebank());
  EXPECT_EQ(s.words, 26u);
  EXPECT_GE(s.uas(), 95.0);
  EXPECT_GE(s.las(), 90.0);
}

TEST(ParserModel, RoundTripsThroughAFile) {
  ParserModel m = TinyModel();
  std::string path = TempPath("roundtrip");
  ASSERT_TRUE(m.Save(path, "tiny").ok());
  auto loaded = ParserModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->labels, m.labels);
  EXPECT_EQ(loaded->root_label, m.root_label);
  EXPECT_EQ(loaded->moves.num_features(), m.moves.num_features());
  EXPECT_EQ(loaded->arc_labels.num_features(), m.arc_labels.num_features());
  Document doc = testing::TinyTreebank();
  std::vector<WordAttrs> attrs;
  ParseState a, b;
  for (uint32_t si = 0; si < doc.sentences().size(); ++si) {
    FillSentenceAttrs(doc, si, &attrs);
    SentenceAttrs sa{attrs.data(), static_cast<int>(attrs.size()) - 1};
    m.Parse(sa, a);
    loaded->Parse(sa, b);
    for (int w = 1; w <= sa.n; ++w) {
      EXPECT_EQ(a.word(w).head, b.word(w).head);
      EXPECT_EQ(a.word(w).label, b.word(w).label);
    }
  }
  std::remove(path.c_str());
}

TEST(ParserModel, RefusesTruncatedNewerAndDamagedFiles) {
  ParserModel m = TinyModel();
  std::string path = TempPath("bad");
  ASSERT_TRUE(m.Save(path, "tiny").ok());
  std::string bytes = ReadBytes(path);
  for (size_t cut : {size_t{0}, size_t{5}, size_t{21}, bytes.size() / 3, bytes.size() / 2, bytes.size() - 1}) {
    auto r = ParserModel::FromBytes(bytes.substr(0, cut));
    ASSERT_FALSE(r.ok()) << "accepted a file cut at " << cut;
    EXPECT_EQ(r.status().code(), StatusCode::kCorrupt) << r.status().ToString();
  }
  // Format version: after magic (8), container version (4), kind ("parser": 4 + 6).
  std::string newer = bytes;
  uint32_t version = kParserFormatVersion + 1;
  std::memcpy(newer.data() + 22, &version, 4);
  WriteBytes(path, newer);
  auto r = LoadParserStage(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(r.status().message().find("newer"), std::string::npos) << r.status().message();
  // Older format (1: tables rebuilt by hashing at load) is refused too, not misread.
  std::string older = bytes;
  version = kParserFormatVersion - 1;
  std::memcpy(older.data() + 22, &version, 4);
  auto old = ParserModel::FromBytes(older);
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(old.status().message().find("older"), std::string::npos) << old.status().message();
  std::string damaged = bytes;
  damaged[damaged.size() / 2] ^= 0x40;
  EXPECT_EQ(ParserModel::FromBytes(damaged).status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(LoadParserStage(path + ".missing").status().code(), StatusCode::kNotFound);
  std::remove(path.c_str());
}

TEST(PackedLinear, DenseAndSparseTablesScoreTheSameAfterReading) {
  std::vector<PackedLinear::Row> rows;
  for (uint64_t k = 1; k <= 200; ++k)
    rows.push_back({Mix64(k) | 1, {{static_cast<uint16_t>(k % 3), static_cast<float>(k) - 100.0f}}});
  for (int classes : {3, 40}) {
    PackedLinear t = PackedLinear::Build(classes, rows);
    ModelWriter w({"parser", kParserFormatVersion, "t", "t"});
    t.Write(w);
    std::string path = TempPath("packed");
    ASSERT_TRUE(w.WriteFile(path).ok());
    auto r = ModelReader::Open(path, "parser", kParserFormatVersion);
    ASSERT_TRUE(r.ok());
    auto back = PackedLinear::Read(*r);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_TRUE(r->Finish().ok());
    std::vector<uint64_t> keys;
    for (uint64_t k = 1; k <= 120; ++k) keys.push_back(Mix64(k * 7) | 1);  // some seen, most not
    keys.push_back(rows[5].key);
    std::vector<int32_t> s1(classes, 0), s2(classes, 0);
    t.Score(keys.data(), static_cast<int>(keys.size()), s1.data());
    back->Score(keys.data(), static_cast<int>(keys.size()), s2.data());
    EXPECT_EQ(s1, s2);
    EXPECT_NE(s1[rows[5].weights[0].first], 0);
    std::remove(path.c_str());
  }
}

// Tables whose checksum is fine but whose layout is not: each must be refused, never probed.
TEST(PackedLinear, RefusesInconsistentStoredTables) {
  auto read = [](uint64_t rows, uint64_t size, std::vector<uint64_t> occupied, std::vector<uint64_t> keys) {
    ModelWriter w({"parser", kParserFormatVersion, "t", "t"});
    w.U32(3);
    w.F32(1.0f);
    w.U64(rows);
    w.U64(size);
    w.Array(occupied);
    std::vector<PackedLinear::Slot> slots(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) slots[i].key = keys[i];
    w.Array(slots);
    std::string path = TempPath("inconsistent");
    EXPECT_TRUE(w.WriteFile(path).ok());
    auto r = ModelReader::Open(path, "parser", kParserFormatVersion);
    std::remove(path.c_str());
    EXPECT_TRUE(r.ok());
    return PackedLinear::Read(*r).status();
  };
  const uint64_t home3 = uint64_t{3} << 17 | 1;  // a key whose home slot is 3 (of 16)
  EXPECT_TRUE(read(1, 16, {1u << 3}, {home3}).ok());
  EXPECT_TRUE(read(2, 16, {1u << 3 | 1u << 4}, {home3, home3 + 2}).ok());  // probed one step on
  EXPECT_EQ(read(1, 16, {1u << 5}, {home3}).code(), StatusCode::kCorrupt);  // unreachable: 3, 4 empty
  EXPECT_EQ(read(1, 16, {1u << 2}, {home3}).code(), StatusCode::kCorrupt);  // before its home
  EXPECT_EQ(read(2, 16, {1u << 3}, {home3, home3 + 2}).code(), StatusCode::kCorrupt);  // bitmap short
  EXPECT_EQ(read(1, 16, {1u << 3}, {0}).code(), StatusCode::kCorrupt);      // empty key stored
  EXPECT_EQ(read(16, 16, {0xffff}, std::vector<uint64_t>(16, home3)).code(), StatusCode::kCorrupt);  // full
  EXPECT_EQ(read(1, 24, {1u << 3}, {home3}).code(), StatusCode::kCorrupt);  // not a power of two
}

class ParserStageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TempPath("stage");
    ASSERT_TRUE(TinyModel().Save(path_, "tiny").ok());
    auto s = LoadParserStage(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    stage_ = *s;
  }
  void TearDown() override { std::remove(path_.c_str()); }
  std::string path_;
  std::shared_ptr<const Stage> stage_;
};

TEST_F(ParserStageTest, FillsHeadsAndRelationsDeterministically) {
  EXPECT_EQ(stage_->name(), "parser");
  EXPECT_EQ(stage_->Requires(), static_cast<uint32_t>(kLayerTags));
  EXPECT_EQ(stage_->Provides(), static_cast<uint32_t>(kLayerParse));
  auto scratch = stage_->NewScratch();
  Document a = testing::TinyTreebank(), b = testing::TinyTreebank();
  for (auto& t : a.mutable_tokens()) t.head = 12345;  // stale values must be overwritten
  ASSERT_TRUE(stage_->Process(a, scratch.get()).ok());
  ASSERT_TRUE(stage_->Process(b, stage_->NewScratch().get()).ok());
  ExpectParsed(a);
  for (size_t t = 0; t < a.tokens().size(); ++t) {
    EXPECT_EQ(a.tokens()[t].head, b.tokens()[t].head);
    EXPECT_EQ(a.token(t).deprel(), b.token(t).deprel());
  }
  // Re-using a scratch on a second document gives the same answer.
  Document c = testing::TinyTreebank();
  ASSERT_TRUE(stage_->Process(c, scratch.get()).ok());
  for (size_t t = 0; t < a.tokens().size(); ++t) EXPECT_EQ(a.tokens()[t].head, c.tokens()[t].head);
}

TEST_F(ParserStageTest, LongAndPunctuationOnlySentencesParseInBoundedTime) {
  auto scratch = stage_->NewScratch();
  for (auto [form, upos, n] : {std::tuple{"word", Upos::NOUN, 2000}, std::tuple{".", Upos::PUNCT, 40},
                               std::tuple{"!", Upos::PUNCT, 1}}) {
    Document doc = testing::UniformSentence(form, upos, n);
    auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(stage_->Process(doc, scratch.get()).ok());
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(secs, 2.0) << n << " tokens";  // linear: ~4000 moves; generous for sanitizer builds
    ExpectParsed(doc);
  }
}

}  // namespace
}  // namespace dyad::parse
