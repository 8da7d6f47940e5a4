#include "events/event_record.h"

#include "ontology/ontology_tables.h"

namespace dyad::events {
namespace {

// Character range of a token range.
std::pair<uint32_t, uint32_t> Chars(const Document& doc, uint32_t first, uint32_t end) {
  const auto& t = doc.tokens();
  return {doc.CharOffset(t[first].begin), doc.CharOffset(t[end - 1].end)};
}

ActorRecord Actor(const Document& doc, const MentionRow& m) {
  ActorRecord a;
  const auto& t = doc.tokens();
  a.text = doc.text().substr(t[m.first_token].begin, t[m.end_token - 1].end - t[m.first_token].begin);
  a.code = doc.Str(m.code);
  a.country = doc.Str(m.country);
  a.sector = doc.Str(m.sector);
  a.name = doc.Str(m.name);
  std::tie(a.begin, a.end) = Chars(doc, m.first_token, m.end_token);
  return a;
}

}  // namespace

std::vector<EventRecord> MakeEventRecords(const Document& doc, const Ontology& ontology) {
  std::vector<EventRecord> out;
  out.reserve(doc.events().size());
  size_t n = 0;
  for (const EventRow& e : doc.events()) {
    EventRecord r;
    r.doc_id = doc.meta().id;
    r.event_id = doc.meta().id + ":" + std::to_string(n++);
    r.sentence_index = e.sentence;
    r.sentence_text = std::string(doc.sentence(e.sentence).text());
    r.date = doc.meta().date;
    if (e.timex >= 0 && static_cast<size_t>(e.timex) < doc.timexes().size()) {
      std::string_view v = doc.Str(doc.timexes()[e.timex].value);
      if (v.size() >= 4 && v[0] >= '0' && v[0] <= '9') r.date = std::string(v);
    }
    if (e.source >= 0) {
      r.has_source = true;
      r.source = Actor(doc, doc.mentions()[e.source]);
    }
    if (e.target >= 0) {
      r.has_target = true;
      r.target = Actor(doc, doc.mentions()[e.target]);
    }
    r.cameo_code = doc.Str(e.cameo);
    r.cameo_root = r.cameo_code.substr(0, 2);
    if (const CameoEvent* c = ontology.FindCameo(r.cameo_code)) {
      r.cameo_name = c->name;
      r.goldstein = c->goldstein;
      r.quad_class = static_cast<int>(c->quad_class);
    }
    if (const CameoToPlover* m = ontology.FindMapping(r.cameo_code)) {
      r.plover_type = m->plover_type;
      if (!m->plover_modes.empty()) r.plover_mode = m->plover_modes.front();
      r.plover_contexts = m->plover_contexts;
    }
    const auto& t = doc.tokens();
    r.trigger_text = doc.text().substr(t[e.trigger_first].begin, t[e.trigger_end - 1].end - t[e.trigger_first].begin);
    std::tie(r.trigger_begin, r.trigger_end) = Chars(doc, e.trigger_first, e.trigger_end);
    r.negated = e.negated;
    r.modality = e.modality;
    if (e.place >= 0 && static_cast<size_t>(e.place) < doc.places().size()) {
      const PlaceRow& p = doc.places()[e.place];
      r.has_location = true;
      r.location.name = doc.Str(p.name);
      r.location.country = doc.Str(p.country);
      r.location.lat = p.lat;
      r.location.lon = p.lon;
      r.location.has_coordinates = p.has_coordinates;
      std::tie(r.location.begin, r.location.end) = Chars(doc, p.first_token, p.end_token);
    }
    r.rule = doc.Str(e.rule);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace dyad::events
