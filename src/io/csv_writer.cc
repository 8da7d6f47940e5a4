#include "io/csv_writer.h"

#include <cstdio>
#include <string_view>

namespace dyad {
namespace {

constexpr const char* kHeader =
    "doc_id,event_id,date,sentence_index,"
    "source_code,source_country,source_sector,source_name,source_text,source_begin,source_end,"
    "target_code,target_country,target_sector,target_name,target_text,target_begin,target_end,"
    "cameo_code,cameo_root,cameo_name,goldstein,quad_class,plover_type,plover_mode,plover_contexts,"
    "trigger_text,trigger_begin,trigger_end,negated,modality,location_name,location_country,lat,lon,"
    "rule,num_mentions,num_sources,num_articles,sentence_text\n";

void Field(std::string& out, std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += v;
  } else {
    out += '"';
    for (char c : v) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += ',';
}

void Int(std::string& out, int64_t v) {
  out += std::to_string(v);
  out += ',';
}

void Real(std::string& out, double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  out += buf;
  out += ',';
}

void Actor(std::string& out, bool present, const events::ActorRecord& a) {
  if (!present) {
    out += ",,,,,,,";
    return;
  }
  Field(out, a.code);
  Field(out, a.country);
  Field(out, a.sector);
  Field(out, a.name);
  Field(out, a.text);
  Int(out, a.begin);
  Int(out, a.end);
}

}  // namespace

void WriteEventCsvHeader(std::string& out) { out += kHeader; }

void WriteEventCsv(const events::EventRecord& e, const EventCounts& counts, std::string& out) {
  Field(out, e.doc_id);
  Field(out, e.event_id);
  Field(out, e.date);
  Int(out, e.sentence_index);
  Actor(out, e.has_source, e.source);
  Actor(out, e.has_target, e.target);
  Field(out, e.cameo_code);
  Field(out, e.cameo_root);
  Field(out, e.cameo_name);
  Real(out, e.goldstein);
  Int(out, e.quad_class);
  Field(out, e.plover_type);
  Field(out, e.plover_mode);
  std::string contexts;
  for (const auto& c : e.plover_contexts) {
    if (!contexts.empty()) contexts += '|';
    contexts += c;
  }
  Field(out, contexts);
  Field(out, e.trigger_text);
  Int(out, e.trigger_begin);
  Int(out, e.trigger_end);
  Int(out, e.negated ? 1 : 0);
  Field(out, ModalityName(e.modality));
  if (e.has_location) {
    Field(out, e.location.name);
    Field(out, e.location.country);
    if (e.location.has_coordinates) {
      Real(out, e.location.lat);
      Real(out, e.location.lon);
    } else {
      out += ",,";
    }
  } else {
    out += ",,,,";
  }
  Field(out, e.rule);
  Int(out, counts.num_mentions);
  Int(out, counts.num_sources);
  Int(out, counts.num_articles);
  Field(out, e.sentence_text);
  out.back() = '\n';
}

}  // namespace dyad
