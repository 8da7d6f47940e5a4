#include "io/gdelt_writer.h"

#include <cstdio>
#include <string_view>

namespace dyad {
namespace {

// Appends a value with the separators GDELT cannot carry (tab, CR, LF) turned into spaces.
void Field(std::string& out, std::string_view v) {
  for (char c : v) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  out += '\t';
}

void Number(std::string& out, double v, const char* fmt = "%g") {
  char buf[40];
  std::snprintf(buf, sizeof buf, fmt, v);
  out += buf;
  out += '\t';
}

void Int(std::string& out, int64_t v) {
  out += std::to_string(v);
  out += '\t';
}

std::string Upper(std::string_view s) {
  std::string u(s);
  for (char& c : u)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return u;
}

bool FullDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

// "2022-07-18" -> "20220718"; "" when not a full date.
std::string Compact(std::string_view d) {
  if (!FullDate(d)) return "";
  return std::string(d.substr(0, 4)) + std::string(d.substr(5, 2)) + std::string(d.substr(8, 2));
}

void Actor(std::string& out, bool present, const events::ActorRecord& a) {
  if (!present || a.code.empty()) {
    for (int i = 0; i < 10; ++i) out += '\t';
    return;
  }
  Field(out, a.code);
  Field(out, Upper(a.name.empty() ? a.text : a.name));
  // Country block: the record's country when the code starts with it, else the first block.
  std::string_view code = a.code;
  std::string_view country = a.country.size() == 3 && code.substr(0, 3) == a.country ? std::string_view(a.country)
                                                                                        : code.substr(0, 3);
  Field(out, country);
  for (int i = 0; i < 4; ++i) out += '\t';  // KnownGroup, Ethnic, Religion1, Religion2
  std::string_view roles = code.size() > 3 ? code.substr(3) : std::string_view();
  for (int i = 0; i < 3; ++i) {
    Field(out, roles.size() >= 3 ? roles.substr(0, 3) : std::string_view());
    roles = roles.size() >= 3 ? roles.substr(3) : std::string_view();
  }
}

void EmptyGeo(std::string& out) {
  for (int i = 0; i < 8; ++i) out += '\t';
}

}  // namespace

void WriteGdeltEvent(const events::EventRecord& e, const GdeltEventInfo& info, std::string& out) {
  Int(out, info.global_event_id);
  std::string day = Compact(e.date);
  if (day.empty()) {
    out += "\t\t\t\t";
  } else {
    Field(out, day);
    Field(out, std::string_view(day).substr(0, 6));
    Field(out, std::string_view(day).substr(0, 4));
    // GDELT: year + (month * 30 + day) / 365, four decimals.
    int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(4, 2)), d = std::stoi(day.substr(6, 2));
    Number(out, y + (m * 30 + d) / 365.0, "%.4f");
  }
  Actor(out, e.has_source, e.source);
  Actor(out, e.has_target, e.target);
  Int(out, e.sentence_index == 0 ? 1 : 0);
  Field(out, e.cameo_code);
  Field(out, std::string_view(e.cameo_code).substr(0, std::min<size_t>(3, e.cameo_code.size())));
  Field(out, e.cameo_root);
  Int(out, e.quad_class);
  Number(out, e.goldstein);
  Int(out, info.num_mentions);
  Int(out, info.num_sources);
  Int(out, info.num_articles);
  Number(out, 0.0);  // AvgTone
  EmptyGeo(out);     // Actor1Geo_*
  EmptyGeo(out);     // Actor2Geo_*
  if (e.has_location && (!e.location.name.empty() || !e.location.country.empty())) {
    bool city = e.location.has_coordinates && !e.location.name.empty();
    Int(out, city ? 4 : 1);
    Field(out, e.location.name.empty() ? e.location.country : e.location.name);
    Field(out, e.location.country);
    out += "\t\t";  // ADM1, ADM2
    if (e.location.has_coordinates) {
      Number(out, e.location.lat, "%.4f");
      Number(out, e.location.lon, "%.4f");
    } else {
      out += "\t\t";
    }
    out += '\t';  // FeatureID
  } else {
    EmptyGeo(out);
  }
  Field(out, info.date_added.empty() ? (day.empty() ? std::string() : day + "000000") : info.date_added);
  for (char c : info.source_url) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  out += '\n';
}

void WriteGdeltMention(const events::EventRecord& e, const GdeltMentionInfo& info, std::string& out) {
  Int(out, info.global_event_id);
  std::string day = Compact(e.date);
  std::string event_time = !info.event_time.empty() ? info.event_time : day.empty() ? "" : day + "000000";
  Field(out, event_time);
  Field(out, info.mention_time.empty() ? event_time : info.mention_time);
  Int(out, 1);  // MentionType: web
  Field(out, info.source_name);
  Field(out, info.identifier);
  Int(out, int64_t{e.sentence_index} + 1);
  Int(out, e.has_source ? int64_t{e.source.begin} : -1);
  Int(out, e.has_target ? int64_t{e.target.begin} : -1);
  Int(out, e.trigger_text.empty() ? -1 : int64_t{e.trigger_begin});
  Int(out, 1);  // InRawText
  Int(out, info.confidence);
  Int(out, info.doc_len);
  Number(out, 0.0);  // MentionDocTone
  out += '\t';       // MentionDocTranslationInfo
  for (char c : e.rule) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  out += '\n';
}

}  // namespace dyad
