#include "dyad/engine.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "actors/actor_loader.h"
#include "actors/actor_stage.h"
#include "events/event_context.h"
#include "events/discard_phrases.h"
#include "events/event_stage.h"
#include "events/surface_coder.h"
#include "extract/amounts.h"
#include "extract/entities.h"
#include "extract/gazetteer.h"
#include "extract/places.h"
#include "extract/quotes.h"
#include "extract/timex.h"
#include "events/lexicon.h"
#include "ontology/ontology_tables.h"
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
  const bool want_events = options.events;
  const bool want_extract = options.extract;
  const bool want_actors = options.actors || want_events || want_extract;
  const bool parse = options.parse || want_actors;
  if (options.tag || parse) {
    auto tagger = LoadTaggerStage((fs::path(engine->models_dir_) / "tagger.dyad").string());
    if (!tagger.ok()) return tagger.status();
    DYAD_RETURN_IF_ERROR(engine->raw_.Add(*tagger));
    DYAD_RETURN_IF_ERROR(engine->tokenized_.Add(*tagger));
  }
  if (parse) {
    auto parser = LoadParserStage((fs::path(engine->models_dir_) / "parser.dyad").string());
    if (!parser.ok()) return parser.status();
    DYAD_RETURN_IF_ERROR(engine->raw_.Add(*parser));
    DYAD_RETURN_IF_ERROR(engine->tokenized_.Add(*parser));
  }
  const std::string data_dir = options.data_dir.empty() ? actors::DefaultDataDir() : options.data_dir;
  if (want_actors) {
    actors::ActorLoadOptions load;
    load.data_dir = data_dir;
    load.dicts = options.dicts;
    load.dict_only = options.dict_only;
    auto index = actors::LoadActorIndex(load);
    if (!index.ok()) return index.status();
    actors::ActorStageOptions stage_options;
    stage_options.default_date = options.default_date;
    auto stage = actors::MakeActorStage(*index, stage_options);
    DYAD_RETURN_IF_ERROR(engine->raw_.Add(stage));
    DYAD_RETURN_IF_ERROR(engine->tokenized_.Add(stage));
  }
  auto add = [&](std::shared_ptr<const Stage> stage) -> Status {
    DYAD_RETURN_IF_ERROR(engine->raw_.Add(stage));
    return engine->tokenized_.Add(stage);
  };
  if (want_extract) {
    // Amounts after time expressions: the amount stage leaves tokens a time expression took.
    DYAD_RETURN_IF_ERROR(add(MakeTimexStage()));
    DYAD_RETURN_IF_ERROR(add(MakeAmountStage()));
    extract::GazetteerOptions gazetteer_options;
    gazetteer_options.data_dir = data_dir;
    auto gazetteer = extract::Gazetteer::Load(gazetteer_options);
    if (!gazetteer.ok()) return gazetteer.status();
    DYAD_RETURN_IF_ERROR(add(extract::MakePlaceStage(*gazetteer)));
    DYAD_RETURN_IF_ERROR(add(extract::MakeQuoteStage()));
    DYAD_RETURN_IF_ERROR(add(extract::MakeEntityStage(*gazetteer)));
  }
  if (want_events) {
    auto ontology = LoadOntology((fs::path(data_dir) / "ontology").string());
    if (!ontology.ok()) return ontology.status();
    engine->ontology_ = std::make_shared<const Ontology>(std::move(*ontology));
    auto lexicon = events::LoadEventLexicon((fs::path(data_dir) / "events").string());
    if (!lexicon.ok()) return lexicon.status();
    engine->lexicon_ = std::make_shared<const events::EventLexicon>(std::move(*lexicon));
    if (options.verb_dicts.empty()) {
      DYAD_RETURN_IF_ERROR(add(events::MakeEventStage(engine->lexicon_)));
    } else {
      events::SurfaceCoderOptions coder;
      for (const std::string& f : options.discard_dicts) {
        auto n = events::ReadDiscardPhrases(f, &coder.discards);
        if (!n.ok()) return n.status();
      }
      auto imported = events::LoadImportedVerbStage(options.verb_dicts, std::move(coder));
      if (!imported.ok()) return imported.status();
      DYAD_RETURN_IF_ERROR(add(*imported));
    }
    if (want_extract) DYAD_RETURN_IF_ERROR(add(events::MakeEventContextStage()));
  }
  return std::shared_ptr<const Engine>(std::move(engine));
}

}  // namespace dyad
