#include "store/writer.h"

#include <algorithm>
#include <ctime>
#include <unordered_set>
#include <string_view>

#include "core/string_hash.h"
#include "store/article_layers.h"
#include "store/dedup.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/text_spans.h"

namespace dyad::store {
namespace {

enum Sql {
  kFtsDelete, kFtsInsert, kFindArticle, kOldEventKeys, kDeleteLayers, kDeleteEventMentions, kDeleteQuotes,
  kDeleteBand, kDeleteArticle, kInsertArticle, kCanonical, kInsertLayers, kInsertActor, kInsertEventMention,
  kInsertQuote, kSqlCount
};

// An article's event mentions have ids article_id * 2^20 + idx (one key range per article).
constexpr int64_t kMentionIdBits = 20;

constexpr const char* kSql[kSqlCount] = {
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) SELECT 'delete', id, title, text FROM articles"
    " WHERE id = ?1",
    // One statement per batch (?1: a JSON array of article ids): FTS5 opens a savepoint per statement.
    "INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles"
    " WHERE id IN (SELECT value FROM json_each(?1))",
    "SELECT id, text_hash, simhash FROM articles WHERE doc_id = ?1",
    "SELECT DISTINCT event_key FROM event_mentions WHERE id BETWEEN ?1 * 1048576 AND ?1 * 1048576 + 1048575"
    " AND event_key IS NOT NULL",
    "DELETE FROM article_layers WHERE article_id = ?1",
    "DELETE FROM event_mentions WHERE id BETWEEN ?1 * 1048576 AND ?1 * 1048576 + 1048575",
    "DELETE FROM quotes WHERE article_id = ?1",
    "DELETE FROM article_bands WHERE band_key = ?1 AND article_id = ?2",
    "DELETE FROM articles WHERE id = ?1",
    "INSERT INTO articles(id, doc_id, date, day, title, url, source, text, text_hash, chars, ingested_at,"
    " simhash, duplicate_of) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
    "SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?1",
    "INSERT INTO article_layers(article_id, sentences, mentions, dates, amounts, places, entities)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7)",
    "INSERT OR IGNORE INTO actors(code, country, sector, name) VALUES (?1,?2,?3,?4)",
    "INSERT INTO event_mentions(id, cluster, source, article_id, idx, event_id, event_key, sentence, date, day,"
    " source_text, source_code, source_country, source_sector, source_name, source_begin, source_end,"
    " target_text, target_code, target_country, target_sector, target_name, target_begin, target_end,"
    " cameo_code, cameo_root, cameo_name, goldstein, quad_class, plover_type, plover_mode, plover_contexts,"
    " trigger_text, trigger_begin, trigger_end, negated, modality,"
    " loc_name, loc_country, loc_lat, loc_lon, loc_begin, loc_end, rule, sentence_begin, sentence_end) VALUES"
    " (?42,?43,?44,?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27,"
    "?28,?29,?30,?31,?32,?33,?34,?35,?36,?37,?38,?39,?40,?41,?45,?46)",
    "INSERT INTO quotes(article_id, idx, begin, end, text, direct, cue, speaker_text, speaker_code, speaker_name)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
};

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool FullDate(std::string_view d) { return DayNumber(d) != 0; }

int64_t AsInt(uint64_t v) { return static_cast<int64_t>(v); }

}  // namespace

uint64_t ArticleFingerprint(const Document& doc) {
  uint64_t h = 1469598103934665603ull;
  auto add = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;  // field separator that no UTF-8 text contains
    h *= 1099511628211ull;
  };
  const auto& m = doc.meta();
  add(doc.text());
  add(m.date);
  add(m.title);
  add(m.url);
  add(m.source);
  return h;
}

struct StoreWriter::Impl {
  Db db;
  Stmt stmts[kSqlCount];
  EventDeduplicator dedup;
  std::string now;
  bool closed = false;
  StringSet known_actors;  // codes already in the actors table (bounded)
  std::vector<int64_t> fts_pending;  // articles of this batch to index at its end
  std::string fts_ids;               // fts_pending as a JSON array
  std::string contexts;              // one event mention's PLOVER contexts, '|'-joined (reused)
  ArticleLayers layers;              // one article's layers as JSON (reused)
  bool defer_indexes = false;
};

StoreWriter::StoreWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoreWriter::~StoreWriter() { Close(); }

bool StoreWriter::defers_indexes() const { return impl_ && impl_->defer_indexes; }

Result<std::unique_ptr<StoreWriter>> StoreWriter::Open(const std::string& path, const WriterOptions& options) {
  auto db = OpenStore(path, OpenMode::kReadWrite);
  if (!db.ok()) return db.status();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(*db);
  auto has_events = impl->db.QueryInt("SELECT EXISTS(SELECT 1 FROM events)");
  if (!has_events.ok()) return has_events.status();
  const bool defer = options.indexes == IndexMode::kBulk || (options.indexes == IndexMode::kAuto && *has_events == 0);
  if (defer) {
    // On a store without events the writer's memory will know every event, so even the key index
    // can wait (Write() builds it if the memory stops knowing them all).
    DYAD_RETURN_IF_ERROR(DeferQueryIndexes(impl->db, /*with_key_index=*/*has_events == 0));
  } else {
    auto built = RestoreDeferredIndexes(impl->db);
    if (!built.ok()) return built.status();
  }
  impl->defer_indexes = defer;
  for (int i = 0; i < kSqlCount; ++i) {
    auto s = Stmt::Prepare(impl->db.get(), kSql[i]);
    if (!s.ok()) return s.status();
    impl->stmts[i] = std::move(*s);
  }
  auto d = EventDeduplicator::Prepare(impl->db.get(), *has_events != 0);
  if (!d.ok()) return d.status();
  impl->dedup = std::move(*d);
  return std::unique_ptr<StoreWriter>(new StoreWriter(std::move(impl)));
}

Status StoreWriter::Close() {
  if (!impl_ || impl_->closed) return Status::Ok();
  impl_->closed = true;
  for (auto& s : impl_->stmts) s = Stmt();
  impl_->dedup = EventDeduplicator();
  Status st;
  if (impl_->defer_indexes) st = RestoreDeferredIndexes(impl_->db).status();
  // Refresh the planner's statistics where they changed much (cheap), then fold the WAL back in.
  if (st.ok()) st = impl_->db.Exec("PRAGMA optimize");
  if (st.ok()) st = impl_->db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  impl_->db.Close();
  return st;
}

Status StoreWriter::LimitGrowthForTesting(int64_t pages) {
  auto count = impl_->db.QueryInt("PRAGMA page_count");
  if (!count.ok()) return count.status();
  return impl_->db.Exec("PRAGMA max_page_count = " + std::to_string(*count + pages));
}

Result<bool> StoreWriter::HasIdentical(const Document& doc) {
  Stmt& s = impl_->stmts[kFindArticle];
  s.Bind(1, std::string_view(doc.meta().id));
  auto row = s.Step();
  if (!row.ok()) return row.status();
  bool same = *row && s.Int(1) == AsInt(ArticleFingerprint(doc));
  s.Reset();
  return same;
}

Status StoreWriter::Write(std::span<const ArticleToStore> batch) {
  if (!impl_ || impl_->closed) return Status::Internal("StoreWriter used after Close()");
  impl_->now = NowUtc();
  WriteCounts before = counts_;
  DYAD_RETURN_IF_ERROR(impl_->db.Exec("BEGIN IMMEDIATE"));
  Status st = impl_->dedup.BeginBatch();
  // The dedup probe reads the key index: build it now if a bulk load left it out and the writer's
  // memory no longer knows every event (a million keys, a replaced article, another writer).
  if (st.ok() && !impl_->dedup.knows_every_event()) st = BuildDeferredIndexes(impl_->db, kEventKeyIndex).status();
  for (const auto& a : batch) {
    if (!st.ok()) break;
    st = WriteArticle(a);
  }
  if (st.ok()) st = impl_->dedup.FinishBatch();
  // Full-text index last, in one statement, so the FTS5 table joins the transaction only for it.
  if (st.ok() && !impl_->fts_pending.empty()) {
    std::string& ids = impl_->fts_ids;
    ids.clear();
    ids += '[';
    for (int64_t id : impl_->fts_pending) {
      if (ids.size() > 1) ids += ',';
      ids += std::to_string(id);
    }
    ids += ']';
    impl_->stmts[kFtsInsert].Bind(1, std::string_view(ids), false);
    st = impl_->stmts[kFtsInsert].Run();
    impl_->stmts[kFtsInsert].Reset();
  }
  impl_->fts_pending.clear();
  if (st.ok()) st = impl_->db.Exec("COMMIT");
  if (!st.ok()) {
    impl_->db.Exec("ROLLBACK");
    impl_->dedup.Forget();
    impl_->known_actors.clear();
    impl_->fts_pending.clear();
    counts_ = before;
  }
  return st;
}

Status StoreWriter::WriteArticle(const ArticleToStore& a) {
  const Document& doc = *a.doc;
  const DocumentMeta& meta = doc.meta();
  if (meta.id.empty()) return Status::InvalidArgument("an article without an id cannot be stored");
  Stmt* S = impl_->stmts;
  EventDeduplicator& dedup = impl_->dedup;

  // Replace: drop the old rows, keep the id, and recount the events they fed.
  int64_t article_id = 0;
  bool replacing = false;
  {
    Stmt& f = S[kFindArticle];
    f.Bind(1, std::string_view(meta.id));
    auto row = f.Step();
    if (!row.ok()) return row.status();
    uint64_t old_simhash = 0;
    if (*row) {
      replacing = true;
      article_id = f.Int(0);
      old_simhash = static_cast<uint64_t>(f.Int(2));
    }
    f.Reset();
    if (replacing) {
      Stmt& k = S[kOldEventKeys];
      k.Bind(1, article_id);
      for (;;) {
        auto r = k.Step();
        if (!r.ok()) return r.status();
        if (!*r) break;
        dedup.Touch(k.Int(0));
      }
      k.Reset();
      // An article written earlier in this batch is not indexed yet: nothing to take out of the index
      // (it is queued again below, once).
      auto& pending = impl_->fts_pending;
      if (auto it = std::find(pending.begin(), pending.end(), article_id); it != pending.end()) {
        pending.erase(it);
      } else {
        S[kFtsDelete].Bind(1, article_id);
        DYAD_RETURN_IF_ERROR(S[kFtsDelete].Run());
        S[kFtsDelete].Reset();
      }
      for (int d : {kDeleteLayers, kDeleteEventMentions, kDeleteQuotes, kDeleteArticle}) {
        S[d].Bind(1, article_id);
        DYAD_RETURN_IF_ERROR(S[d].Run());
        S[d].Reset();
      }
      for (int band = 0; band < 4; ++band) {
        S[kDeleteBand].Bind(1, (int64_t{band} << 16) | static_cast<int64_t>((old_simhash >> (16 * band)) & 0xffff));
        S[kDeleteBand].Bind(2, article_id);
        DYAD_RETURN_IF_ERROR(S[kDeleteBand].Run());
        S[kDeleteBand].Reset();
      }
      ++counts_.replaced;
    }
  }

  CharOffsets chars(doc);
  uint64_t simhash = SimHash(doc.text());
  std::optional<int64_t> duplicate_of;
  {
    auto near = dedup.FindNearDuplicate(article_id, simhash);
    if (!near.ok()) return near.status();
    if (*near) {
      Stmt& c = S[kCanonical];
      c.Bind(1, **near);
      auto r = c.Step();
      if (!r.ok()) return r.status();
      if (*r && c.Int(0) != article_id) duplicate_of = c.Int(0);
      c.Reset();
    }
  }
  {
    Stmt& s = S[kInsertArticle];
    if (replacing) s.Bind(1, article_id); else s.BindNull(1);
    s.Bind(2, std::string_view(meta.id), false);
    s.BindOpt(3, meta.date);
    s.Bind(4, DayNumber(meta.date));
    s.BindOpt(5, meta.title);
    s.BindOpt(6, meta.url);
    s.BindOpt(7, meta.source);
    s.Bind(8, std::string_view(doc.text()), false);
    s.Bind(9, AsInt(ArticleFingerprint(doc)));
    s.Bind(10, chars.total());
    s.Bind(11, std::string_view(impl_->now), false);
    s.Bind(12, AsInt(simhash));
    if (duplicate_of) s.Bind(13, *duplicate_of); else s.BindNull(13);
    DYAD_RETURN_IF_ERROR(s.Run());
    s.Reset();
    article_id = sqlite3_last_insert_rowid(impl_->db.get());
  }
  DYAD_RETURN_IF_ERROR(dedup.AddBands(article_id, simhash));
  impl_->fts_pending.push_back(article_id);
  ++counts_.articles;
  if (duplicate_of) ++counts_.near_duplicates;

  // The annotation layers: one row (article_layers.h).
  ArticleLayers& layers = impl_->layers;
  EncodeArticleLayers(doc, chars, &layers);
  {
    Stmt& s = S[kInsertLayers];
    s.Bind(1, article_id);
    int col = 2;
    for (const std::string* json : {&layers.sentences, &layers.mentions, &layers.dates, &layers.amounts,
                                    &layers.places, &layers.entities})
      s.BindOpt(col++, *json);
    DYAD_RETURN_IF_ERROR(s.Run());  // every parameter is bound for each row: no Reset()
  }
  counts_.sentences += doc.sentences().size();
  counts_.mentions += doc.mentions().size();
  counts_.dates += doc.timexes().size();
  counts_.amounts += doc.amounts().size();
  counts_.places += doc.places().size();
  // The actor codes seen, once each.
  for (const MentionRow& m : doc.mentions()) {
    if (m.code == kNoStr || impl_->known_actors.contains(doc.Str(m.code))) continue;
    if (impl_->known_actors.size() >= (1u << 20)) impl_->known_actors.clear();
    impl_->known_actors.emplace(doc.Str(m.code));
    Stmt& actor = S[kInsertActor];
    actor.Bind(1, doc.Str(m.code));
    actor.BindOpt(2, doc.Str(m.country));
    actor.BindOpt(3, doc.Str(m.sector));
    actor.BindOpt(4, doc.Str(m.name));
    DYAD_RETURN_IF_ERROR(actor.Run());
    actor.Reset();
  }

  uint32_t idx = 0;
  if (a.events != nullptr) {
    if (a.events->size() >= (size_t{1} << kMentionIdBits))
      return Status::TooLarge(meta.id + ": more than 2^20 events in one article");
    idx = 0;
    for (const events::EventRecord& r : *a.events) {
      std::string_view date = FullDate(r.date) ? std::string_view(r.date) : std::string_view(meta.date);
      int64_t day = DayNumber(date);
      Stmt& s = S[kInsertEventMention];
      const int64_t mention_id = (article_id << kMentionIdBits) + idx;
      s.Bind(42, mention_id);
      s.Bind(1, article_id);
      s.Bind(2, idx++);
      s.Bind(3, std::string_view(r.event_id), false);
      const int64_t cluster = duplicate_of.value_or(article_id);
      s.Bind(43, cluster);
      s.Bind(44, std::string_view(meta.source), false);
      if (events::ToldAsHappening(r)) {  // negated and hypothetical mentions belong to no event
        auto key = dedup.EventFor(r, day, date);
        if (!key.ok()) return key.status();
        DYAD_RETURN_IF_ERROR(dedup.AddMention(*key, mention_id, cluster, meta.source));
        s.Bind(4, *key);
      } else {
        s.BindNull(4);
      }
      s.Bind(5, r.sentence_index);
      s.BindOpt(6, r.date.empty() ? date : std::string_view(r.date));
      s.Bind(7, day);
      // Every parameter is bound (NULL where absent) for each row: the statement is not Reset().
      auto actor = [&](int at, bool has, const events::ActorRecord& x) {
        if (!has) {
          for (int i = 0; i < 7; ++i) s.BindNull(at + i);
          return;
        }
        s.BindOpt(at, x.text);
        s.BindOpt(at + 1, x.code);
        s.BindOpt(at + 2, x.country);
        s.BindOpt(at + 3, x.sector);
        s.BindOpt(at + 4, x.name);
        s.Bind(at + 5, x.begin);
        s.Bind(at + 6, x.end);
      };
      actor(8, r.has_source, r.source);
      actor(15, r.has_target, r.target);
      s.Bind(22, std::string_view(r.cameo_code), false);
      s.BindOpt(23, r.cameo_root);
      s.BindOpt(24, r.cameo_name);
      s.Bind(25, r.goldstein);
      s.Bind(26, r.quad_class);
      s.BindOpt(27, r.plover_type);
      s.BindOpt(28, r.plover_mode);
      std::string& contexts = impl_->contexts;
      contexts.clear();
      for (const auto& c : r.plover_contexts) {
        if (!contexts.empty()) contexts += '|';
        contexts += c;
      }
      s.BindOpt(29, contexts);
      s.BindOpt(30, r.trigger_text);
      s.Bind(31, r.trigger_begin);
      s.Bind(32, r.trigger_end);
      s.Bind(33, r.negated ? 1 : 0);
      s.Bind(34, static_cast<int>(r.modality));
      if (r.has_location) {
        s.BindOpt(35, r.location.name);
        s.BindOpt(36, r.location.country);
        if (r.location.has_coordinates) {
          s.Bind(37, r.location.lat);
          s.Bind(38, r.location.lon);
        } else {
          s.BindNull(37);
          s.BindNull(38);
        }
        s.Bind(39, r.location.begin);
        s.Bind(40, r.location.end);
      } else {
        for (int i = 35; i <= 40; ++i) s.BindNull(i);
      }
      s.BindOpt(41, r.rule);
      if (r.sentence_index < layers.sentence_chars.size()) {
        s.Bind(45, layers.sentence_chars[r.sentence_index].first);
        s.Bind(46, layers.sentence_chars[r.sentence_index].second);
      } else {
        s.BindNull(45);
        s.BindNull(46);
      }
      DYAD_RETURN_IF_ERROR(s.Run());
    }
    counts_.event_mentions += idx;
  }

  idx = 0;
  for (const QuoteRow& q : doc.quotes()) {
    if (q.begin > q.end || q.end > doc.text().size()) return Status::Internal("quote outside the text of " + meta.id);
    Stmt& s = S[kInsertQuote];
    s.Bind(1, article_id);
    s.Bind(2, idx++);
    s.Bind(3, chars(q.begin));
    s.Bind(4, chars(q.end));
    s.Bind(5, std::string_view(doc.text()).substr(q.begin, q.end - q.begin));
    s.Bind(6, q.direct ? 1 : 0);
    if (q.cue_token >= 0 && static_cast<size_t>(q.cue_token) < doc.tokens().size())
      s.Bind(7, doc.token(static_cast<uint32_t>(q.cue_token)).text());
    s.BindOpt(8, SpanText(doc, q.speaker_first, q.speaker_end));
    if (q.speaker_mention >= 0 && static_cast<size_t>(q.speaker_mention) < doc.mentions().size()) {
      const MentionRow& m = doc.mentions()[static_cast<size_t>(q.speaker_mention)];
      s.BindOpt(9, doc.Str(m.code));
      s.BindOpt(10, doc.Str(m.name));
    }
    DYAD_RETURN_IF_ERROR(s.Run());
    s.Reset();
  }
  counts_.quotes += idx;

  return Status::Ok();
}

}  // namespace dyad::store
