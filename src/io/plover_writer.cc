#include "io/plover_writer.h"

#include "io/json_out.h"

namespace dyad {
namespace {

using namespace json;

bool FullDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

void Entity(std::string& out, std::string_view key, bool present, const events::ActorRecord& a) {
  Key(out, key);
  out += '[';
  if (present && !a.code.empty()) {
    std::string_view code = a.code;
    out += '{';
    StringField(out, "code", a.country.empty() ? code.substr(0, 3) : std::string_view(a.country));
    if (code.size() > 3) StringField(out, "sector", code.substr(3));
    if (!a.sector.empty()) StringField(out, "sector_name", a.sector);
    StringField(out, "entity_text", a.text);
    if (!a.name.empty()) StringField(out, "identifier_text", a.name);
    StringField(out, "actor_code", a.code);
    Close(out, '}');
  }
  out += "],";
}

}  // namespace

bool WritePloverJson(const events::EventRecord& e, const PloverInfo& info, std::string& out) {
  if (e.plover_type.empty() || !e.has_source || e.source.code.empty() || !FullDate(e.date)) return false;
  out += '{';
  StringField(out, "id", info.id.empty() ? std::string_view(e.event_id) : std::string_view(info.id));
  StringField(out, "date", e.date);
  Entity(out, "actor", e.has_source, e.source);
  Entity(out, "recipient", e.has_target, e.target);
  Key(out, "event");
  out += '[';
  AppendJsonString(out, e.plover_type);
  out += "],";
  Key(out, "mode");
  out += '[';
  if (!e.plover_mode.empty()) AppendJsonString(out, e.plover_mode);
  out += "],";
  Key(out, "context");
  out += '[';
  for (const auto& c : e.plover_contexts) {
    AppendJsonString(out, c);
    out += ',';
  }
  Close(out, ']');
  out += ',';
  if (e.quad_class >= 1 && e.quad_class <= 4) IntField(out, "quad_code", e.quad_class);
  DoubleField(out, "event_scale", e.goldstein);
  Key(out, "event_text");
  out += '[';
  if (!e.trigger_text.empty()) AppendJsonString(out, e.trigger_text);
  out += "],";
  if (e.has_location) {
    Key(out, "event_loc");
    out += '{';
    if (!e.location.name.empty()) StringField(out, "placename", e.location.name);
    if (!e.location.country.empty()) StringField(out, "country", e.location.country);
    if (e.location.has_coordinates) {
      DoubleField(out, "lat", e.location.lat);
      DoubleField(out, "lon", e.location.lon);
    }
    Close(out, '}');
    out += ',';
  }
  if (info.include_text && !e.sentence_text.empty()) StringField(out, "text", e.sentence_text);
  Key(out, "cite_info");
  out += '{';
  StringField(out, "doc_id", e.doc_id);
  if (!info.url.empty()) StringField(out, "url", info.url);
  if (!info.source.empty()) StringField(out, "source", info.source);
  Close(out, '}');
  out += ',';
  StringField(out, "coder", "dyad");
  StringField(out, "cameo", e.cameo_code);
  if (e.negated) BoolField(out, "negated", true);
  StringField(out, "modality", ModalityName(e.modality));
  IntField(out, "num_mentions", info.num_mentions);
  IntField(out, "num_sources", info.num_sources);
  IntField(out, "num_articles", info.num_articles);
  Close(out, '}');
  out += '\n';
  return true;
}

}  // namespace dyad
