#include "core/model_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dyad {
namespace {

std::string WriteSample(const std::string& path, uint32_t format_version = 1) {
  ModelWriter w({"tagger", format_version, "test data", "features v1"});
  w.U32(42);
  w.Str("hello");
  w.Array(std::vector<float>{1.5f, -2.0f});
  EXPECT_TRUE(w.WriteFile(path).ok());
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string TempPath() {
  return (std::filesystem::temp_directory_path() / ("dyad_model_test_" + std::to_string(::getpid()))).string();
}

TEST(ModelFile, RoundTrip) {
  std::string path = TempPath();
  WriteSample(path);
  auto r = ModelReader::Open(path, "tagger", 1);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->header().training_data, "test data");
  uint32_t v;
  std::string s;
  std::vector<float> f;
  EXPECT_TRUE(r->U32(&v));
  EXPECT_TRUE(r->Str(&s));
  EXPECT_TRUE(r->Array(&f, 10));
  EXPECT_EQ(v, 42u);
  EXPECT_EQ(s, "hello");
  EXPECT_EQ(f, (std::vector<float>{1.5f, -2.0f}));
  EXPECT_TRUE(r->Finish().ok());
  std::remove(path.c_str());
}

TEST(ModelFile, RefusesTruncatedNewerWrongKindAndCorrupt) {
  std::string path = TempPath();
  std::string bytes = WriteSample(path);
  for (size_t cut : {size_t{0}, size_t{7}, size_t{20}, bytes.size() - 1}) {
    auto r = ModelReader::FromBytes(bytes.substr(0, cut), "tagger", 1);
    EXPECT_FALSE(r.ok()) << "cut at " << cut;
  }
  EXPECT_EQ(ModelReader::FromBytes(bytes, "parser", 1).status().code(), StatusCode::kInvalidArgument);
  std::string flipped = bytes;
  flipped[flipped.size() - 12] ^= 0x55;  // inside the payload
  EXPECT_EQ(ModelReader::FromBytes(flipped, "tagger", 1).status().code(), StatusCode::kCorrupt);
  WriteSample(path, 2);
  EXPECT_EQ(ModelReader::Open(path, "tagger", 1).status().code(), StatusCode::kUnsupported);
  std::remove(path.c_str());
}

TEST(ModelFile, CursorNeverReadsPastPayload) {
  std::string path = TempPath();
  WriteSample(path);
  auto r = ModelReader::Open(path, "tagger", 1);
  ASSERT_TRUE(r.ok());
  std::vector<float> f;
  EXPECT_FALSE(r->Array(&f, 1u << 30));  // the u32 42 read as a u64 count: too long for what is left
  EXPECT_FALSE(r->Finish().ok());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace dyad
