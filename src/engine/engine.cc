#include "dyad/engine.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/furniture.h"
#include "text/text_stage.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

std::string ExecutableDir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  buf[n] = '\0';
  return fs::path(buf).parent_path().string();
}

// A pipeline that reads given tokens: the tokens layer is already there.
class GivenTokens final : public Stage {
 public:
  std::string_view name() const override { return "given-tokens"; }
  uint32_t Requires() const override { return kLayerText; }
  uint32_t Provides() const override { return kLayerTokens; }
  Status Process(Document&, StageScratch*) const override { return Status::Ok(); }
};

}  // namespace

std::string DefaultModelsDir() {
  if (const char* env = std::getenv("DYAD_MODELS"); env && *env) return env;
  std::string exe = ExecutableDir();
  if (!exe.empty()) {
    fs::path installed = fs::path(exe) / ".." / "share" / "dyad" / "models";
    std::error_code ec;
    if (fs::exists(installed / "tagger.dyad", ec)) return fs::weakly_canonical(installed, ec).string();
  }
  return DYAD_SOURCE_DIR "/models";
}

Result<std::shared_ptr<const Engine>> Engine::Load(const EngineOptions& options) {
  auto engine = std::shared_ptr<Engine>(new Engine());
  engine->models_dir_ = options.models_dir.empty() ? DefaultModelsDir() : options.models_dir;
  DYAD_RETURN_IF_ERROR(engine->raw_.Add(MakeTextStage()));
  DYAD_RETURN_IF_ERROR(engine->raw_.Add(MakeFurnitureStage()));
  DYAD_RETURN_IF_ERROR(engine->tokenized_.Add(std::make_shared<GivenTokens>()));
  DYAD_RETURN_IF_ERROR(engine->tokenized_.Add(MakeFurnitureStage()));
  if (options.tag || options.parse) {
    auto tagger = LoadTaggerStage((fs::path(engine->models_dir_) / "tagger.dyad").string());
    if (!tagger.ok()) return tagger.status();
    DYAD_RETURN_IF_ERROR(engine->raw_.Add(*tagger));
    DYAD_RETURN_IF_ERROR(engine->tokenized_.Add(*tagger));
  }
  if (options.parse) {
    auto parser = LoadParserStage((fs::path(engine->models_dir_) / "parser.dyad").string());
    if (!parser.ok()) return parser.status();
    DYAD_RETURN_IF_ERROR(engine->raw_.Add(*parser));
    DYAD_RETURN_IF_ERROR(engine->tokenized_.Add(*parser));
  }
  return std::shared_ptr<const Engine>(std::move(engine));
}

}  // namespace dyad
