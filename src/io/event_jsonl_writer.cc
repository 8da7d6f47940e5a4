#include "io/event_jsonl_writer.h"

#include "io/json_out.h"

namespace dyad {
namespace {

using namespace json;

void NullableString(std::string& out, std::string_view key, std::string_view value) {
  if (value.empty()) {
    Key(out, key);
    out += "null,";
  } else {
    StringField(out, key, value);
  }
}

void Actor(std::string& out, std::string_view key, bool present, const events::ActorRecord& a) {
  Key(out, key);
  if (!present) {
    out += "null,";
    return;
  }
  out += '{';
  StringField(out, "text", a.text);
  StringField(out, "code", a.code);
  StringField(out, "country", a.country);
  NullableString(out, "sector", a.sector);
  NullableString(out, "name", a.name);
  IntField(out, "begin", a.begin);
  IntField(out, "end", a.end);
  Close(out, '}');
  out += ',';
}

}  // namespace

void WriteEventJsonl(const events::EventRecord& e, std::string& out) {
  AppendEventJson(e, out);
  out += '\n';
}

void AppendEventJson(const events::EventRecord& e, std::string& out) {
  out += '{';
  StringField(out, "doc_id", e.doc_id);
  StringField(out, "event_id", e.event_id);
  IntField(out, "sentence_index", e.sentence_index);
  StringField(out, "sentence_text", e.sentence_text);
  NullableString(out, "date", e.date);
  Actor(out, "source", e.has_source, e.source);
  Actor(out, "target", e.has_target, e.target);

  Key(out, "cameo");
  out += '{';
  StringField(out, "code", e.cameo_code);
  StringField(out, "root", e.cameo_root);
  StringField(out, "name", e.cameo_name);
  DoubleField(out, "goldstein", e.goldstein);
  IntField(out, "quad_class", e.quad_class);
  Close(out, '}');
  out += ',';

  Key(out, "plover");
  out += '{';
  NullableString(out, "type", e.plover_type);
  NullableString(out, "mode", e.plover_mode);
  Key(out, "context");
  out += '[';
  for (const std::string& c : e.plover_contexts) {
    AppendJsonString(out, c);
    out += ',';
  }
  Close(out, ']');
  Close(out, '}');
  out += ',';

  Key(out, "trigger");
  out += '{';
  StringField(out, "text", e.trigger_text);
  IntField(out, "begin", e.trigger_begin);
  IntField(out, "end", e.trigger_end);
  Close(out, '}');
  out += ',';
  BoolField(out, "negated", e.negated);
  StringField(out, "modality", ModalityName(e.modality));

  Key(out, "location");
  if (e.has_location) {
    out += '{';
    StringField(out, "name", e.location.name);
    NullableString(out, "country", e.location.country);
    if (e.location.has_coordinates) {
      DoubleField(out, "lat", e.location.lat);
      DoubleField(out, "lon", e.location.lon);
    }
    IntField(out, "begin", e.location.begin);
    IntField(out, "end", e.location.end);
    Close(out, '}');
    out += ',';
  } else {
    out += "null,";
  }
  StringField(out, "rule", e.rule);
  Close(out, '}');
}

}  // namespace dyad
