#include "events/event_context.h"

#include "core/case_marker.h"

namespace dyad::events {
namespace {

// How far up a date or place may hang from its verb: "in Syria" three nouns down is about something else.
constexpr int kMaxClimb = 2;

// The token of [first, end) whose head lies outside the range (the expression's syntactic head).
uint32_t RangeHead(const Document& doc, uint32_t first, uint32_t end) {
  for (uint32_t t = first; t < end; ++t) {
    int32_t h = doc.tokens()[t].head;
    if (h < static_cast<int32_t>(first) || h >= static_cast<int32_t>(end)) return t;
  }
  return first;
}

// The first verb above token t (t's head, its head, ...), or -1.
int32_t VerbAbove(const Document& doc, uint32_t t) {
  int32_t cur = doc.tokens()[t].head;
  for (int i = 0; i < kMaxClimb && cur >= 0; ++i) {
    if (doc.tokens()[cur].upos == Upos::VERB) return cur;
    cur = doc.tokens()[cur].head;
  }
  return -1;
}

// Does an expression whose head is `head` attach to event e?
bool AttachesTo(const Document& doc, uint32_t head, const EventRow& e) {
  // Directly under the trigger (nouns too: "Biden's visit to Israel last week").
  for (int32_t cur = doc.tokens()[head].head, i = 0; cur >= 0 && i < 2; cur = doc.tokens()[cur].head, ++i)
    if (static_cast<uint32_t>(cur) == e.trigger_head) return true;
  int32_t verb = VerbAbove(doc, head);
  if (verb < 0) return false;
  // The trigger, or a verb in the trigger span ("scheduled to hold talks"), or the verb over an event noun.
  if (static_cast<uint32_t>(verb) >= e.trigger_first && static_cast<uint32_t>(verb) < e.trigger_end) return true;
  return doc.tokens()[e.trigger_head].upos != Upos::VERB && VerbAbove(doc, e.trigger_head) == verb;
}

// A place is where an event happened only when the sentence says so: "in Tehran", "at the border",
// "near Kharkiv", "to Iran" (the destination of a visit, the recipient of aid). "Sanctions on Russia"
// and "talks about Syria" name a target or a topic, not a location.
bool IsLocative(const Document& doc, uint32_t head) {
  std::string_view w = CaseMarker(doc, head);
  return w == "in" || w == "In" || w == "at" || w == "At" || w == "near" || w == "inside" || w == "outside" ||
         w == "across" || w == "around" || w == "throughout" || w == "within" || w == "to";
}

bool IsCalendarValue(std::string_view v) {
  return v.size() >= 4 && v[0] >= '0' && v[0] <= '9' && v[1] >= '0' && v[1] <= '9' && v[2] >= '0' &&
         v[2] <= '9' && v[3] >= '0' && v[3] <= '9';
}

class EventContextStage final : public Stage {
 public:
  std::string_view name() const override { return "event-context"; }
  uint32_t Requires() const override { return kLayerEvents | kLayerTimexes | kLayerPlaces; }
  uint32_t Provides() const override { return 0; }

  Status Process(Document& doc, StageScratch*) const override {
    auto& events = doc.mutable_events();
    const auto& timexes = doc.timexes();
    const auto& places = doc.places();
    // Both layers come in token order, as do events; walk them per sentence.
    size_t ti = 0, pi = 0;
    for (size_t ei = 0; ei < events.size();) {
      const uint32_t s = events[ei].sentence;
      const SentenceRow& sr = doc.sentences()[s];
      size_t end = ei;
      while (end < events.size() && events[end].sentence == s) ++end;
      while (ti < timexes.size() && timexes[ti].first_token < sr.first_token) ++ti;
      while (pi < places.size() && places[pi].first_token < sr.first_token) ++pi;
      for (size_t k = ti; k < timexes.size() && timexes[k].first_token < sr.end_token; ++k) {
        if (!IsCalendarValue(doc.Str(timexes[k].value))) continue;
        uint32_t head = RangeHead(doc, timexes[k].first_token, timexes[k].end_token);
        for (size_t e = ei; e < end; ++e)
          if (events[e].timex < 0 && AttachesTo(doc, head, events[e])) events[e].timex = static_cast<int32_t>(k);
      }
      for (size_t k = pi; k < places.size() && places[k].first_token < sr.end_token; ++k) {
        uint32_t head = RangeHead(doc, places[k].first_token, places[k].end_token);
        if (!IsLocative(doc, head)) continue;
        for (size_t e = ei; e < end; ++e)
          if (events[e].place < 0 && AttachesTo(doc, head, events[e])) events[e].place = static_cast<int32_t>(k);
      }
      ei = end;
    }
    return Status::Ok();
  }
};

}  // namespace

std::shared_ptr<const Stage> MakeEventContextStage() { return std::make_shared<EventContextStage>(); }

}  // namespace dyad::events
