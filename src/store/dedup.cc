#include "store/dedup.h"

#include <bit>
#include <vector>

namespace dyad::store {
namespace {

constexpr size_t kMaxCachedEvents = 1 << 20;

uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser: spreads shingle hashes over all 64 bits
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

bool WordByte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

}  // namespace

uint64_t SimHash(std::string_view text) {
  std::vector<uint64_t> words;
  std::string w;
  for (size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (WordByte(c)) {
      w += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (!w.empty()) {
      words.push_back(Fnv1a(w));
      w.clear();
    }
  }
  int32_t votes[64] = {};
  auto vote = [&](uint64_t h) {
    h = Mix(h);
    for (int b = 0; b < 64; ++b) votes[b] += (h >> b) & 1 ? 1 : -1;
  };
  if (words.size() < 3) {
    for (uint64_t h : words) vote(h);
  } else {
    for (size_t i = 0; i + 2 < words.size(); ++i) vote(words[i] * 31 * 31 + words[i + 1] * 31 + words[i + 2]);
  }
  uint64_t out = 0;
  for (int b = 0; b < 64; ++b)
    if (votes[b] > 0) out |= uint64_t{1} << b;
  return out;
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

Result<EventDeduplicator> EventDeduplicator::Prepare(sqlite3* db) {
  EventDeduplicator d;
  struct {
    Stmt* stmt;
    const char* sql;
  } const stmts[] = {
      {&d.find_event_,
       "SELECT id FROM events WHERE day=?1 AND source_code=?2 AND target_code=?3 AND cameo_code=?4"},
      {&d.insert_event_,
       "INSERT INTO events(id, day, source_code, target_code, cameo_code, date, source_country, target_country,"
       " cameo_root, quad_class, goldstein, plover_type, first_mention, num_mentions, num_sources, num_articles)"
       " VALUES (?12,?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?13,?14,?15,?16)"},
      {&d.max_id_, "SELECT coalesce(max(id), 0) + 1 FROM events"},
      {&d.recount_,
       "UPDATE events SET (num_mentions, num_articles, num_sources, first_mention) = ("
       " SELECT count(*), count(DISTINCT cluster), count(DISTINCT source), min(id) FROM event_mentions"
       " WHERE event_key = ?1) WHERE id = ?1"},
      {&d.has_cluster_, "SELECT 1 FROM event_mentions WHERE event_key = ?1 AND cluster = ?2 LIMIT 1"},
      {&d.has_source_, "SELECT 1 FROM event_mentions WHERE event_key = ?1 AND source = ?2 LIMIT 1"},
      {&d.add_counts_,
       "UPDATE events SET num_mentions = num_mentions + ?2, num_sources = num_sources + ?3,"
       " num_articles = num_articles + ?4 WHERE id = ?1"},
      {&d.delete_empty_, "DELETE FROM events WHERE id = ?1 AND num_mentions = 0"},
      {&d.band_lookup_, "SELECT article_id FROM article_bands WHERE band_key = ?1 LIMIT 64"},
      {&d.band_insert_, "INSERT OR IGNORE INTO article_bands(band_key, article_id) VALUES (?1, ?2)"},
      {&d.simhash_of_, "SELECT simhash FROM articles WHERE id = ?1"},
  };
  for (const auto& s : stmts) {
    auto p = Stmt::Prepare(db, s.sql);
    if (!p.ok()) return p.status();
    *s.stmt = std::move(*p);
  }
  return d;
}

Status EventDeduplicator::BeginBatch() {
  auto row = max_id_.Step();
  if (!row.ok()) return row.status();
  next_id_ = max_id_.Int(0);
  max_id_.Reset();
  pending_.clear();
  touched_.clear();
  deltas_.clear();
  return Status::Ok();
}

Result<int64_t> EventDeduplicator::EventFor(const events::EventRecord& r, int64_t day, std::string_view date) {
  std::string_view src = r.has_source ? std::string_view(r.source.code) : std::string_view();
  std::string_view tgt = r.has_target ? std::string_view(r.target.code) : std::string_view();
  key_.clear();
  key_ += std::to_string(day);
  key_ += '\t';
  key_ += src;
  key_ += '\t';
  key_ += tgt;
  key_ += '\t';
  key_ += r.cameo_code;
  if (auto it = cache_.find(key_); it != cache_.end()) return it->second;
  find_event_.Bind(1, day);
  find_event_.Bind(2, src, false);
  find_event_.Bind(3, tgt, false);
  find_event_.Bind(4, std::string_view(r.cameo_code), false);
  auto row = find_event_.Step();
  if (!row.ok()) return row.status();
  int64_t id = 0;
  if (*row) {
    id = find_event_.Int(0);
    find_event_.Reset();
  } else {
    id = next_id_++;
    Pending& p = pending_[id];
    p.first = r;
    p.first.sentence_text.clear();
    p.day = day;
    p.date = std::string(date);
  }
  if (cache_.size() >= kMaxCachedEvents) cache_.clear();
  cache_.emplace(key_, id);
  return id;
}

Status EventDeduplicator::AddMention(int64_t key, int64_t mention_id, int64_t cluster, std::string_view source) {
  auto it = pending_.find(key);
  if (it != pending_.end()) {
    Pending& p = it->second;
    if (p.mentions++ == 0) p.first_mention = mention_id;
    p.clusters.insert(cluster);
    p.sources.emplace(source);
    return Status::Ok();
  }
  Delta& d = deltas_[key];
  ++d.mentions;
  has_cluster_.Bind(1, key);
  has_cluster_.Bind(2, cluster);
  auto seen = has_cluster_.Step();
  if (!seen.ok()) return seen.status();
  if (!*seen) ++d.articles;
  has_cluster_.Reset();
  has_source_.Bind(1, key);
  has_source_.Bind(2, source, false);
  seen = has_source_.Step();
  if (!seen.ok()) return seen.status();
  if (!*seen) ++d.sources;
  has_source_.Reset();
  return Status::Ok();
}

Status EventDeduplicator::FinishBatch() {
  for (const auto& [id, p] : pending_) {
    const events::EventRecord& r = p.first;
    if (p.mentions == 0) continue;  // its only mentions were replaced within the batch
    Stmt& s = insert_event_;
    s.Bind(1, p.day);
    s.Bind(2, r.has_source ? std::string_view(r.source.code) : std::string_view(), false);
    s.Bind(3, r.has_target ? std::string_view(r.target.code) : std::string_view(), false);
    s.Bind(4, std::string_view(r.cameo_code), false);
    s.BindOpt(5, p.date);
    s.BindOpt(6, r.has_source ? std::string_view(r.source.country) : std::string_view());
    s.BindOpt(7, r.has_target ? std::string_view(r.target.country) : std::string_view());
    s.BindOpt(8, r.cameo_root);
    s.Bind(9, r.quad_class);
    s.Bind(10, r.goldstein);
    s.BindOpt(11, r.plover_type);
    s.Bind(12, id);
    s.Bind(13, p.first_mention);
    s.Bind(14, p.mentions);
    s.Bind(15, static_cast<int64_t>(p.sources.size()));
    s.Bind(16, static_cast<int64_t>(p.clusters.size()));
    DYAD_RETURN_IF_ERROR(s.Run());
    s.Reset();
  }
  for (const auto& [key, d] : deltas_) {
    if (touched_.count(key)) continue;  // recounted in full below
    add_counts_.Bind(1, key);
    add_counts_.Bind(2, d.mentions);
    add_counts_.Bind(3, d.sources);
    add_counts_.Bind(4, d.articles);
    DYAD_RETURN_IF_ERROR(add_counts_.Run());
    add_counts_.Reset();
  }
  deltas_.clear();
  bool deleted = false;
  for (int64_t key : touched_) {
    recount_.Bind(1, key);
    DYAD_RETURN_IF_ERROR(recount_.Run());
    recount_.Reset();
    delete_empty_.Bind(1, key);
    DYAD_RETURN_IF_ERROR(delete_empty_.Run());
    delete_empty_.Reset();
    deleted = deleted || sqlite3_changes(sqlite3_db_handle(delete_empty_.get())) > 0;
  }
  for (const auto& [id, p] : pending_)
    if (p.mentions == 0) deleted = true;  // never inserted: drop it from the cache
  touched_.clear();
  pending_.clear();
  if (deleted) cache_.clear();  // a cached id may now name a deleted event
  return Status::Ok();
}

Result<std::optional<int64_t>> EventDeduplicator::FindNearDuplicate(int64_t article_id, uint64_t simhash) {
  std::optional<int64_t> best;
  for (int band = 0; band < 4; ++band) {
    int64_t band_key = (int64_t{band} << 16) | static_cast<int64_t>((simhash >> (16 * band)) & 0xffff);
    band_lookup_.Bind(1, band_key);
    std::vector<int64_t> candidates;
    for (;;) {
      auto row = band_lookup_.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      candidates.push_back(band_lookup_.Int(0));
    }
    band_lookup_.Reset();
    for (int64_t c : candidates) {
      if (c == article_id || (best && c >= *best)) continue;
      simhash_of_.Bind(1, c);
      auto row = simhash_of_.Step();
      if (!row.ok()) return row.status();
      bool near = *row && !simhash_of_.IsNull(0) &&
                  HammingDistance(static_cast<uint64_t>(simhash_of_.Int(0)), simhash) <= kNearDuplicateBits;
      simhash_of_.Reset();
      if (near) best = c;
    }
  }
  return best;
}

Status EventDeduplicator::AddBands(int64_t article_id, uint64_t simhash) {
  for (int band = 0; band < 4; ++band) {
    int64_t band_key = (int64_t{band} << 16) | static_cast<int64_t>((simhash >> (16 * band)) & 0xffff);
    band_insert_.Bind(1, band_key);
    band_insert_.Bind(2, article_id);
    DYAD_RETURN_IF_ERROR(band_insert_.Run());
    band_insert_.Reset();
  }
  return Status::Ok();
}

}  // namespace dyad::store
