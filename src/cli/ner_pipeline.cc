#include "cli/ner_pipeline.h"

#include <filesystem>

#include "actors/actor_loader.h"
#include "actors/actor_stage.h"
#include "io/conllu.h"
#include "parse/parser.h"
#include "tag/tagger.h"

namespace dyad::cli {

Result<std::unique_ptr<NerPipeline>> NerPipeline::Load(const Args& args) {
  auto p = std::make_unique<NerPipeline>();
  std::string dir = args.Has("models")                          ? args.Get("models")
                    : std::filesystem::exists("models/tagger.dyad") ? "models"
                                                                    : std::string(DYAD_SOURCE_DIR) + "/models";
  auto tagger = LoadTaggerStage(dir + "/tagger.dyad");
  if (!tagger.ok()) return tagger.status();
  auto parser = LoadParserStage(dir + "/parser.dyad");
  if (!parser.ok()) return parser.status();
  auto index = actors::LoadActorIndex({});
  if (!index.ok()) return index.status();
  auto gazetteer = extract::Gazetteer::Load({});
  if (!gazetteer.ok()) return gazetteer.status();
  p->gazetteer_ = *gazetteer;
  p->stages_ = {*tagger, *parser, actors::MakeActorStage(*index)};
  for (const auto& s : p->stages_) p->scratch_.push_back(s->NewScratch());
  return p;
}

Result<Document> NerPipeline::Run(const NerDocument& gold) {
  auto doc = ReadConllu(gold.conllu);
  if (!doc.ok()) return doc.status();
  for (size_t k = 0; k < stages_.size(); ++k) DYAD_RETURN_IF_ERROR(stages_[k]->Process(*doc, scratch_[k].get()));
  return doc;
}

}  // namespace dyad::cli
