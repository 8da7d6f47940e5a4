#include "events/event_stage.h"

#include "events/event_coder.h"
#include "events/sentence_graph.h"

namespace dyad::events {
namespace {

using coder::Coder;

struct EventScratch final : StageScratch {
  SentenceGraph graph;
};

class EventStage final : public Stage {
 public:
  explicit EventStage(std::shared_ptr<const EventLexicon> lexicon) : lexicon_(std::move(lexicon)) {}
  std::string_view name() const override { return "events"; }
  uint32_t Requires() const override { return kLayerParse | kLayerMentions; }
  uint32_t Provides() const override { return kLayerEvents; }
  std::unique_ptr<StageScratch> NewScratch() const override { return std::make_unique<EventScratch>(); }

  Status Process(Document& doc, StageScratch* scratch) const override {
    auto& graph = static_cast<EventScratch*>(scratch)->graph;
    graph.IndexMentions(doc);
    std::vector<EventRow>& events = doc.mutable_events();
    events.clear();
    Coder coder(*lexicon_, doc, graph, nullptr);
    for (uint32_t s = 0; s < doc.sentences().size(); ++s) {
      if (doc.sentences()[s].kind != Furniture::kBody) continue;
      coder.Code(s, &events);
    }
    return Status::Ok();
  }

 private:
  std::shared_ptr<const EventLexicon> lexicon_;
};

}  // namespace

std::shared_ptr<const Stage> MakeEventStage(std::shared_ptr<const EventLexicon> lexicon) {
  return std::make_shared<EventStage>(std::move(lexicon));
}

std::vector<std::string> ExplainSentence(const EventLexicon& lexicon, Document& doc, uint32_t s) {
  std::vector<std::string> lines;
  SentenceGraph graph;
  graph.IndexMentions(doc);
  std::vector<EventRow> events;
  Coder coder(lexicon, doc, graph, &lines);
  coder.Code(s, &events);
  if (lines.empty()) lines.push_back("no word in this sentence triggers an event pattern");
  return lines;
}

}  // namespace dyad::events
