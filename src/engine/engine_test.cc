#include "dyad/engine.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "io/conllu.h"

namespace dyad {
namespace {

bool ModelsPresent() {
  return std::filesystem::exists(DefaultModelsDir() + "/tagger.dyad") &&
         std::filesystem::exists(DefaultModelsDir() + "/parser.dyad");
}

TEST(Engine, MissingModelsFolderIsAClearError) {
  EngineOptions o;
  o.models_dir = "/nonexistent/dyad-models";
  auto e = Engine::Load(o);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kNotFound);
  EXPECT_NE(e.status().message().find("tagger.dyad"), std::string::npos) << e.status().message();
}

TEST(Engine, TokenizeOnlyNeedsNoModels) {
  EngineOptions o;
  o.models_dir = "/nonexistent/dyad-models";
  o.tag = o.parse = false;
  auto e = Engine::Load(o);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  Engine::Scratch scratch(**e);
  Document doc("Putin met Erdogan in Tehran. They talked.");
  ASSERT_TRUE((*e)->Analyze(doc, scratch).ok());
  EXPECT_EQ(doc.sentences().size(), 2u);
  EXPECT_EQ(doc.token(0).text(), "Putin");
  EXPECT_EQ(doc.token(0).upos(), Upos::kNone);  // not tagged
}

TEST(Engine, AnalyzesRawTextEndToEnd) {
  if (!ModelsPresent()) GTEST_SKIP() << "models not present in " << DefaultModelsDir();
  auto e = Engine::Load({});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  Engine::Scratch scratch(**e);
  Document doc("Russian President Vladimir Putin will hold talks with Iranian President Ebrahim Raisi on Tuesday.");
  ASSERT_TRUE((*e)->Analyze(doc, scratch).ok());
  ASSERT_EQ(doc.sentences().size(), 1u);
  int roots = 0;
  int32_t hold = -1;
  for (uint32_t i = 0; i < doc.tokens().size(); ++i) {
    Token t = doc.token(i);
    EXPECT_NE(t.upos(), Upos::kNone) << t.text();
    EXPECT_FALSE(t.deprel().empty()) << t.text();
    if (t.head() == kNoHead) ++roots;
    if (t.text() == "hold") hold = static_cast<int32_t>(i);
  }
  EXPECT_EQ(roots, 1);
  ASSERT_GE(hold, 0);
  EXPECT_EQ(doc.token(hold).lemma(), "hold");
  EXPECT_EQ(doc.token(hold).upos(), Upos::VERB);
  // The name "Vladimir Putin" (UD heads a flat name on its first word) is the subject of "hold";
  // "talks" is its object.
  std::string subject, object;
  for (uint32_t i = 0; i < doc.tokens().size(); ++i) {
    Token t = doc.token(i);
    if (t.head() != hold) continue;
    if (t.deprel() == "nsubj") subject = t.text();
    if (t.deprel() == "obj") object = t.text();
  }
  EXPECT_TRUE(subject == "Vladimir" || subject == "Putin") << subject;
  EXPECT_EQ(object, "talks");
}

TEST(Engine, GivenTokensAreKept) {
  if (!ModelsPresent()) GTEST_SKIP() << "models not present in " << DefaultModelsDir();
  auto e = Engine::Load({});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  auto doc = ReadConllu("1\tTurkey\t_\t_\t_\t_\t_\t_\t_\t_\n2\tthreatens\t_\t_\t_\t_\t_\t_\t_\t_\n"
                        "3\tSyria\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  ASSERT_TRUE(doc.ok());
  Engine::Scratch scratch(**e);
  ASSERT_TRUE((*e)->AnalyzeTokenized(*doc, scratch).ok());
  ASSERT_EQ(doc->tokens().size(), 4u);
  EXPECT_EQ(doc->token(1).text(), "threatens");
  EXPECT_EQ(doc->token(1).head(), kNoHead);
  EXPECT_EQ(doc->token(0).deprel(), "nsubj");
}

}  // namespace
}  // namespace dyad
