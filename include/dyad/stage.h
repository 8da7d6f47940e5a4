// Stage and Pipeline: the one shape every pipeline step has.
//
// A Stage is immutable after it is loaded and shared by all threads; Process() is const and keeps
// per-thread working memory in a Scratch that the caller owns (one per thread per stage), so the hot
// loops do not allocate. A Pipeline is a list of stages built once; Add() refuses a stage whose
// required layers no earlier stage provides.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

// Layers of a Document, as bits for Requires()/Provides(). DO NOT CHANGE values.
enum Layer : uint32_t {
  kLayerText = 1u << 0,       // text and metadata (every reader provides it)
  kLayerTokens = 1u << 1,     // tokens, sentences, furniture
  kLayerTags = 1u << 2,       // upos, xpos, feats, lemma
  kLayerParse = 1u << 3,      // head, deprel
  kLayerMentions = 1u << 4,   // actor mentions (with coreference)
  kLayerEvents = 1u << 5,     // coded events
  kLayerTimexes = 1u << 6,    // time expressions
  kLayerQuotes = 1u << 7,     // quotations with speakers
  kLayerAmounts = 1u << 8,    // amounts
  kLayerPlaces = 1u << 9,     // places
  kLayerEntities = 1u << 10,  // named entities
};

class StageScratch {
 public:
  virtual ~StageScratch() = default;
};

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual uint32_t Requires() const = 0;
  virtual uint32_t Provides() const = 0;
  // Fresh working memory for one thread; nullptr when the stage needs none.
  virtual std::unique_ptr<StageScratch> NewScratch() const { return nullptr; }
  // REQUIRES: scratch came from this stage's NewScratch() (or is null when that returns null).
  virtual Status Process(Document& doc, StageScratch* scratch) const = 0;
};

class Pipeline {
 public:
  // Per-thread working memory for every stage of one pipeline.
  class Scratch {
   public:
    explicit Scratch(const Pipeline& p);
    StageScratch* at(size_t i) { return per_stage_[i].get(); }
   private:
    std::vector<std::unique_ptr<StageScratch>> per_stage_;
  };

  // Fails when the stage needs a layer that no earlier stage (or the reader) provides.
  Status Add(std::shared_ptr<const Stage> stage);
  // Runs every stage in order; stops at the first error.
  Status Process(Document& doc, Scratch& scratch) const;
  const std::vector<std::shared_ptr<const Stage>>& stages() const { return stages_; }

 private:
  std::vector<std::shared_ptr<const Stage>> stages_;
  uint32_t provided_ = kLayerText;
};

}  // namespace dyad
