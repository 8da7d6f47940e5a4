#include "store/records.h"

#include "store/filter_sql.h"

namespace dyad::store {
namespace {

// Columns 0..: shared by both units. Keep in step with Next().
constexpr const char* kColumns =
    "SELECT e.id, m.id, coalesce(e.num_mentions, 1), coalesce(e.num_sources, 1), coalesce(e.num_articles, 1),"
    " a.url, a.source, a.ingested_at, a.chars, a.doc_id, m.event_id, m.sentence, %DATE%,"
    " m.source_text, m.source_code, m.source_country, m.source_sector, m.source_name, m.source_begin, m.source_end,"
    " m.target_text, m.target_code, m.target_country, m.target_sector, m.target_name, m.target_begin, m.target_end,"
    " m.cameo_code, m.cameo_root, m.cameo_name, m.goldstein, m.quad_class, m.plover_type, m.plover_mode,"
    " m.plover_contexts, m.trigger_text, m.trigger_begin, m.trigger_end, m.negated, m.modality,"
    " m.loc_name, m.loc_country, m.loc_lat, m.loc_lon, m.loc_begin, m.loc_end, m.rule,"
    " substr(a.text, m.sentence_begin + 1, m.sentence_end - m.sentence_begin)";

void Actor(const Stmt& s, int at, bool* has, events::ActorRecord* a) {
  *has = !s.IsNull(at + 1);
  if (!*has) return;
  a->text = s.Text(at);
  a->code = s.Text(at + 1);
  a->country = s.Text(at + 2);
  a->sector = s.Text(at + 3);
  a->name = s.Text(at + 4);
  a->begin = static_cast<uint32_t>(s.Int(at + 5));
  a->end = static_cast<uint32_t>(s.Int(at + 6));
}

}  // namespace

Result<EventRecordReader> EventRecordReader::Open(Db& db, Unit unit, const EventFilter& filter) {
  DYAD_RETURN_IF_ERROR(ValidateFilter(filter));
  Where w = BuildWhere(filter);
  std::string sql = kColumns;
  std::string from;
  if (unit == Unit::kEvents) {
    sql.replace(sql.find("%DATE%"), 6, "e.date");
    from = " FROM events e JOIN event_mentions m ON m.id = e.first_mention";
  } else {
    sql.replace(sql.find("%DATE%"), 6, "m.date");
    from = " FROM event_mentions m LEFT JOIN events e ON e.id = m.event_key";
  }
  sql += from +
         " JOIN articles a ON a.id = m.article_id" +
         w.sql + (unit == Unit::kEvents ? " ORDER BY e.id" : " ORDER BY m.id");
  auto s = Stmt::Prepare(db.get(), sql);
  if (!s.ok()) return s.status();
  w.Bind(*s);
  EventRecordReader r;
  r.stmt_ = std::move(*s);
  r.unit_ = unit;
  return r;
}

Result<bool> EventRecordReader::Next(events::EventRecord* r, StoredEventInfo* info) {
  auto row = stmt_.Step();
  if (!row.ok()) return row.status();
  if (!*row) return false;
  const Stmt& s = stmt_;
  *r = events::EventRecord();
  info->event_key = s.Int(0);
  info->mention_id = s.Int(1);
  info->num_mentions = s.Int(2);
  info->num_sources = s.Int(3);
  info->num_articles = s.Int(4);
  info->url = s.Text(5);
  info->source = s.Text(6);
  info->ingested_at = s.Text(7);
  info->doc_chars = static_cast<uint32_t>(s.Int(8));
  r->doc_id = s.Text(9);
  r->event_id = s.Text(10);
  r->sentence_index = static_cast<uint32_t>(s.Int(11));
  r->date = s.Text(12);
  Actor(s, 13, &r->has_source, &r->source);
  Actor(s, 20, &r->has_target, &r->target);
  r->cameo_code = s.Text(27);
  r->cameo_root = s.Text(28);
  r->cameo_name = s.Text(29);
  r->goldstein = s.Real(30);
  r->quad_class = static_cast<int>(s.Int(31));
  r->plover_type = s.Text(32);
  r->plover_mode = s.Text(33);
  std::string_view contexts = s.Text(34);
  while (!contexts.empty()) {
    size_t bar = contexts.find('|');
    r->plover_contexts.emplace_back(contexts.substr(0, bar));
    contexts = bar == std::string_view::npos ? std::string_view() : contexts.substr(bar + 1);
  }
  r->trigger_text = s.Text(35);
  r->trigger_begin = static_cast<uint32_t>(s.Int(36));
  r->trigger_end = static_cast<uint32_t>(s.Int(37));
  r->negated = s.Int(38) != 0;
  int64_t modality = s.Int(39);
  r->modality = modality >= 0 && modality <= 3 ? static_cast<Modality>(modality) : Modality::kAsserted;
  r->has_location = !s.IsNull(40) || !s.IsNull(41);
  if (r->has_location) {
    r->location.name = s.Text(40);
    r->location.country = s.Text(41);
    r->location.has_coordinates = !s.IsNull(42);
    r->location.lat = s.Real(42);
    r->location.lon = s.Real(43);
    r->location.begin = static_cast<uint32_t>(s.Int(44));
    r->location.end = static_cast<uint32_t>(s.Int(45));
  }
  r->rule = s.Text(46);
  r->sentence_text = s.Text(47);
  return true;
}

}  // namespace dyad::store
