#include "dyad/stage.h"

#include <string>

namespace dyad {

Pipeline::Scratch::Scratch(const Pipeline& p) {
  for (const auto& s : p.stages()) per_stage_.push_back(s->NewScratch());
}

Status Pipeline::Add(std::shared_ptr<const Stage> stage) {
  uint32_t missing = stage->Requires() & ~provided_;
  if (missing != 0)
    return Status::InvalidArgument("stage '" + std::string(stage->name()) +
                                   "' needs layers that no earlier stage provides (mask " +
                                   std::to_string(missing) + ")");
  provided_ |= stage->Provides();
  stages_.push_back(std::move(stage));
  return Status::Ok();
}

Status Pipeline::Process(Document& doc, Scratch& scratch) const {
  for (size_t i = 0; i < stages_.size(); ++i) {
    Status s = stages_[i]->Process(doc, scratch.at(i));
    if (!s.ok()) return Status(s.code(), std::string(stages_[i]->name()) + ": " + s.message());
  }
  return Status::Ok();
}

}  // namespace dyad
