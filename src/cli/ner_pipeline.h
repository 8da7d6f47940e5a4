// What `dyad eval ner` runs over a CoNLL-style NER file: the gold words are taken
// as tokens (one sentence per CoNLL sentence), then the tagger, parser and actor stages fill the
// layers the entity finder reads. The entity stage itself is left to the caller.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/args.h"
#include "dyad/document.h"
#include "dyad/stage.h"
#include "dyad/status.h"
#include "extract/gazetteer.h"
#include "io/conll_ner.h"

namespace dyad::cli {

class NerPipeline {
 public:
  // Models from --models DIR, else ./models, else the source tree's models/.
  static Result<std::unique_ptr<NerPipeline>> Load(const Args& args);
  // The document of gold words with tags, parse and actor mentions.
  Result<Document> Run(const NerDocument& gold);
  const extract::Gazetteer* gazetteer() const { return gazetteer_.get(); }
 private:
  std::shared_ptr<const extract::Gazetteer> gazetteer_;
  std::vector<std::shared_ptr<const Stage>> stages_;
  std::vector<std::unique_ptr<StageScratch>> scratch_;
};

}  // namespace dyad::cli
