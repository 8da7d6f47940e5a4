#include "dyad/document.h"

#include <gtest/gtest.h>

#include "dyad/stage.h"

namespace dyad {
namespace {

TEST(Document, CharOffsetsCountCodePoints) {
  Document doc("Putin\xE2\x80\x99s visit");  // Putin’s visit
  EXPECT_EQ(doc.CharOffset(0), 0u);
  EXPECT_EQ(doc.CharOffset(5), 5u);   // before ’
  EXPECT_EQ(doc.CharOffset(8), 6u);   // after the 3-byte ’
  EXPECT_EQ(doc.CharOffset(static_cast<uint32_t>(doc.text().size())), 13u);
}

TEST(Document, CharOffsetsAcrossBlocks) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "\xC3\xA9";  // é, 2 bytes each: crosses several 256-byte blocks
  Document doc(text);
  for (uint32_t b = 0; b <= text.size(); b += 2) EXPECT_EQ(doc.CharOffset(b), b / 2);
}

TEST(Document, CharOffsetsMatchACountOfCodePointStartsAtEveryByte) {
  // 1-, 2-, 3- and 4-byte characters in an irregular mix, so the counted stretches start and end at
  // every position within an 8-byte word and within a block.
  const char* pieces[] = {"a", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "bc", " ", "\xD0\x96"};
  std::string text;
  for (int i = 0; i < 700; ++i) text += pieces[(i * 7 + i / 5) % 7];
  Document doc(text);
  uint32_t starts = 0;
  for (uint32_t b = 0; b <= text.size(); ++b) {
    ASSERT_EQ(doc.CharOffset(b), starts) << "at byte " << b;
    if (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) ++starts;
  }
}

TEST(Document, AsciiOffsetsAreIdentity) {
  Document doc("plain text");
  EXPECT_EQ(doc.CharOffset(7), 7u);
}

TEST(Document, InternGivesStableEqualIds) {
  Document doc("x");
  StrId a = doc.Intern("visit");
  StrId b = doc.Intern("meet");
  EXPECT_NE(a, b);
  EXPECT_EQ(doc.Intern(std::string("visit")), a);
  EXPECT_EQ(doc.Intern(""), kNoStr);
  for (int i = 0; i < 1000; ++i) doc.Intern("s" + std::to_string(i));  // grow the pool
  EXPECT_EQ(doc.Str(a), "visit");
  Document moved = std::move(doc);
  EXPECT_EQ(moved.Str(b), "meet");
}

TEST(Document, TokenViewsReadRows) {
  Document doc("Iran\xE2\x80\x99s");
  TokenRow r;
  r.begin = 0;
  r.end = 4;
  r.upos = Upos::PROPN;
  doc.mutable_tokens().push_back(r);
  TokenRow r2;
  r2.begin = 4;
  r2.end = 8;
  r2.norm = doc.Intern("'s");
  doc.mutable_tokens().push_back(r2);
  EXPECT_EQ(doc.token(0).text(), "Iran");
  EXPECT_EQ(doc.token(0).norm(), "Iran");
  EXPECT_EQ(doc.token(1).text(), "\xE2\x80\x99s");
  EXPECT_EQ(doc.token(1).norm(), "'s");
  EXPECT_EQ(UposName(doc.token(0).upos()), "PROPN");
  EXPECT_EQ(UposFromName("VERB"), Upos::VERB);
  EXPECT_EQ(UposFromName("nonsense"), Upos::kNone);
}

class FakeStage : public Stage {
 public:
  FakeStage(uint32_t req, uint32_t prov) : req_(req), prov_(prov) {}
  std::string_view name() const override { return "fake"; }
  uint32_t Requires() const override { return req_; }
  uint32_t Provides() const override { return prov_; }
  Status Process(Document&, StageScratch*) const override { return Status::Ok(); }
 private:
  uint32_t req_, prov_;
};

TEST(Pipeline, RefusesStageWhoseInputsAreMissing) {
  Pipeline p;
  EXPECT_FALSE(p.Add(std::make_shared<FakeStage>(kLayerTokens, kLayerTags)).ok());
  EXPECT_TRUE(p.Add(std::make_shared<FakeStage>(kLayerText, kLayerTokens)).ok());
  EXPECT_TRUE(p.Add(std::make_shared<FakeStage>(kLayerTokens, kLayerTags)).ok());
  Pipeline::Scratch scratch(p);
  Document doc("x");
  EXPECT_TRUE(p.Process(doc, scratch).ok());
}

}  // namespace
}  // namespace dyad
