// Engine: the one facade over dyad's pipeline. Load models and dictionaries once, then Analyze()
// documents from any number of threads (one Engine::Scratch per thread). The CLI, the future HTTP server
// and the Python module all call this; none of them rebuilds the pipeline by hand.
//
// Thread-safety: a loaded Engine is immutable and may be shared; Scratch is per thread.
#pragma once

#include <memory>
#include <string>

#include "dyad/document.h"
#include "dyad/stage.h"
#include "dyad/status.h"

namespace dyad {

struct EngineOptions {
  // Folder with tagger.dyad and parser.dyad. Empty: $DYAD_MODELS, else the models/ folder installed
  // beside the binary (../share/dyad/models), else the source tree's models/ folder.
  std::string models_dir;
  bool tag = true;    // run the POS tagger and lemmatiser
  bool parse = true;  // run the dependency parser (implies tag)
};

class Engine {
 public:
  static Result<std::shared_ptr<const Engine>> Load(const EngineOptions& options);

  class Scratch {
   public:
    explicit Scratch(const Engine& e) : raw_(e.raw_), tokenized_(e.tokenized_) {}
   private:
    friend class Engine;
    Pipeline::Scratch raw_, tokenized_;
  };

  // Raw text in: tokenise, split, mark furniture, tag, parse.
  Status Analyze(Document& doc, Scratch& scratch) const { return raw_.Process(doc, scratch.raw_); }
  // Tokens already given (CoNLL-U input): furniture, tagger and parser, keeping the tokenisation.
  Status AnalyzeTokenized(Document& doc, Scratch& scratch) const {
    return tokenized_.Process(doc, scratch.tokenized_);
  }
  const std::string& models_dir() const { return models_dir_; }

 private:
  Pipeline raw_;        // text -> furniture -> tagger -> parser
  Pipeline tokenized_;  // furniture -> tagger -> parser, over given tokens
  std::string models_dir_;
};

// The models folder EngineOptions would use when models_dir is empty (see there).
std::string DefaultModelsDir();

}  // namespace dyad
