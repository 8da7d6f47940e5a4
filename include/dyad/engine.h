// Engine: the one facade over dyad's pipeline. Load models and dictionaries once, then Analyze()
// documents from any number of threads (one Engine::Scratch per thread). The CLI, the future HTTP server
// and the Python module all call this; none of them rebuilds the pipeline by hand.
//
// Thread-safety: a loaded Engine is immutable and may be shared; Scratch is per thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/stage.h"
#include "dyad/status.h"

namespace dyad {

struct Ontology;
namespace events {
class EventLexicon;
}

struct EngineOptions {
  // Folder with tagger.dyad and parser.dyad. Empty: $DYAD_MODELS, else the models/ folder installed
  // beside the binary (../share/dyad/models), else the source tree's models/ folder.
  std::string models_dir;
  bool tag = true;    // run the POS tagger and lemmatiser
  bool parse = true;  // run the dependency parser (implies tag)
  bool actors = false;  // resolve actor mentions (implies parse)
  bool events = false;  // code CAMEO/PLOVER events (implies actors)
  // Time expressions, amounts, places, quotes and named entities (implies actors); with events, each
  // event also gets the date and place its sentence attaches to it.
  bool extract = false;
  // dyad's data folder (actors/, ontology/, events/). Empty: $DYAD_DATA, else the source tree's data/.
  std::string data_dir;
  std::vector<std::string> dicts;  // TABARI/PETRARCH .actors / .agents files to add (or use alone)
  bool dict_only = false;          // actors from `dicts` only, not dyad's tables
  // TABARI/PETRARCH verb dictionaries. When given, events are coded with them by the surface
  // (TABARI-style) coder those files were written for, instead of dyad's own pattern lexicon.
  std::vector<std::string> verb_dicts;
  // PETRARCH discard lists and TABARI [###] actor files for the imported coder: a sentence with one of
  // their phrases codes nothing.
  std::vector<std::string> discard_dicts;
  std::string default_date;        // YYYY-MM-DD for documents without one (dated roles); empty: today
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

  // Raw text in: tokenise, split, mark furniture, tag, parse, and (as the options ask) actors and events.
  Status Analyze(Document& doc, Scratch& scratch) const { return raw_.Process(doc, scratch.raw_); }
  // Tokens already given (CoNLL-U input): furniture, tagger and parser, keeping the tokenisation.
  Status AnalyzeTokenized(Document& doc, Scratch& scratch) const {
    return tokenized_.Process(doc, scratch.tokenized_);
  }
  const std::string& models_dir() const { return models_dir_; }
  // Loaded when events are on (else null): the CAMEO/PLOVER tables and the event lexicon.
  const Ontology* ontology() const { return ontology_.get(); }
  const events::EventLexicon* lexicon() const { return lexicon_.get(); }

 private:
  Pipeline raw_;        // text -> furniture -> tagger -> parser [-> actors -> events]
  Pipeline tokenized_;  // the same over given tokens
  std::string models_dir_;
  std::shared_ptr<const Ontology> ontology_;
  std::shared_ptr<const events::EventLexicon> lexicon_;
};

// The models folder EngineOptions would use when models_dir is empty (see there).
std::string DefaultModelsDir();

}  // namespace dyad
