#include "tag/tagger.h"

#include "tag/tagger_model.h"

namespace dyad {
namespace {

class TaggerScratchHolder : public StageScratch {
 public:
  tag::TaggerScratch scratch;
};

class TaggerStage : public Stage {
 public:
  explicit TaggerStage(tag::TaggerModel model) : model_(std::move(model)) {}
  std::string_view name() const override { return "tagger"; }
  uint32_t Requires() const override { return kLayerTokens; }
  uint32_t Provides() const override { return kLayerTags; }
  std::unique_ptr<StageScratch> NewScratch() const override { return std::make_unique<TaggerScratchHolder>(); }
  Status Process(Document& doc, StageScratch* scratch) const override {
    auto* holder = dynamic_cast<TaggerScratchHolder*>(scratch);
    if (holder != nullptr) {
      tag::TagDocument(model_, doc, holder->scratch);
    } else {  // tolerated for callers that pass no scratch: slower, still correct
      tag::TaggerScratch local;
      tag::TagDocument(model_, doc, local);
    }
    return Status::Ok();
  }

 private:
  tag::TaggerModel model_;
};

}  // namespace

Result<std::shared_ptr<const Stage>> LoadTaggerStage(const std::string& model_path) {
  auto model = tag::TaggerModel::Load(model_path);
  if (!model.ok()) return model.status();
  return std::shared_ptr<const Stage>(std::make_shared<TaggerStage>(std::move(model).value()));
}

}  // namespace dyad
