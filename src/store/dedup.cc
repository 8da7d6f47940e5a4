#include "store/dedup.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <vector>

#include "core/mix64.h"

namespace dyad::store {
namespace {

constexpr size_t kMaxCachedEvents = 1 << 20;
// About 50 bytes each: at most ~50 MiB of who-told-what, then it is forgotten and reloaded on demand.
constexpr size_t kMaxRememberedMembers = 1 << 20;


// kSpreadBits[x] has bit i of x in byte i (as 0 or 1).
constexpr auto kSpreadBits = [] {
  std::array<uint64_t, 256> t{};
  for (unsigned x = 0; x < 256; ++x)
    for (unsigned i = 0; i < 8; ++i) t[x] |= static_cast<uint64_t>((x >> i) & 1) << (8 * i);
  return t;
}();

bool WordByte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

}  // namespace

uint64_t SimHash(std::string_view text) {
  // Words hashed as they are read (FNV-1a of the lower-cased bytes): no string per word.
  std::vector<uint64_t> words;
  words.reserve(text.size() / 5 + 1);
  constexpr uint64_t kFnvBasis = 1469598103934665603ull;
  uint64_t word = kFnvBasis;
  bool in_word = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (WordByte(c)) {
      word ^= static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      word *= 1099511628211ull;
      in_word = true;
    } else if (in_word) {
      words.push_back(word);
      word = kFnvBasis;
      in_word = false;
    }
  }
  // Bit b is set when more than half of the votes (shingle hashes) have it set. The votes for each bit
  // are counted in byte lanes: byte j of a hash, spread by kSpreadBits over the 8 lanes of lanes[j],
  // adds one to lane i for each set bit i (8 table adds a vote instead of 64 per-bit updates); a lane
  // holds at most 255, so the lanes are emptied into the totals every 255 votes.
  uint32_t ones[64] = {};
  uint64_t lanes[8] = {};
  uint32_t votes = 0, in_lanes = 0;
  auto flush = [&] {
    for (int j = 0; j < 8; ++j) {
      for (int i = 0; i < 8; ++i) ones[8 * j + i] += static_cast<uint32_t>((lanes[j] >> (8 * i)) & 0xff);
      lanes[j] = 0;
    }
    in_lanes = 0;
  };
  auto vote = [&](uint64_t h) {
    h = Mix64(h);  // spreads shingle hashes over all 64 bits
    for (int j = 0; j < 8; ++j) lanes[j] += kSpreadBits[(h >> (8 * j)) & 0xff];
    ++votes;
    if (++in_lanes == 255) flush();
  };
  if (words.size() < 3) {
    for (uint64_t h : words) vote(h);
  } else {
    for (size_t i = 0; i + 2 < words.size(); ++i) vote(words[i] * 31 * 31 + words[i + 1] * 31 + words[i + 2]);
  }
  flush();
  uint64_t out = 0;
  for (int b = 0; b < 64; ++b)
    if (2 * uint64_t{ones[b]} > votes) out |= uint64_t{1} << b;  // ones - (votes - ones) > 0
  return out;
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

Result<EventDeduplicator> EventDeduplicator::Prepare(sqlite3* db, bool store_has_events) {
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
      {&d.data_version_, "PRAGMA data_version"},
      {&d.recount_,
       "UPDATE events SET (num_mentions, num_articles, num_sources, first_mention) = ("
       " SELECT count(*), count(DISTINCT cluster), count(DISTINCT source), min(id) FROM event_mentions"
       " WHERE event_key = ?1) WHERE id = ?1"},
      {&d.members_of_, "SELECT cluster, source FROM event_mentions WHERE event_key = ?1"},
      {&d.add_counts_,
       "UPDATE events SET num_mentions = num_mentions + ?2, num_sources = num_sources + ?3,"
       " num_articles = num_articles + ?4 WHERE id = ?1"},
      {&d.delete_empty_, "DELETE FROM events WHERE id = ?1 AND num_mentions = 0"},
      {&d.band_lookup_,
       "SELECT article_id, simhash FROM article_bands WHERE band_key = ?1 ORDER BY article_id LIMIT 64"},
      {&d.insert_country_, "INSERT OR IGNORE INTO actor_countries(country, code) VALUES (?1, ?2)"},
      {&d.band_insert_, "INSERT OR IGNORE INTO article_bands(band_key, article_id, simhash) VALUES (?1, ?2, ?3)"},
  };
  for (const auto& s : stmts) {
    auto p = Stmt::Prepare(db, s.sql);
    if (!p.ok()) return p.status();
    *s.stmt = std::move(*p);
  }
  // An empty store: every event it will hold passes through the cache.
  d.cache_complete_ = !store_has_events;
  auto version = d.DataVersion();
  if (!version.ok()) return version.status();
  d.data_version_seen_ = *version;
  return d;
}

Result<int64_t> EventDeduplicator::DataVersion() {
  auto row = data_version_.Step();
  if (!row.ok()) return row.status();
  const int64_t v = data_version_.Int(0);
  data_version_.Reset();
  return v;
}

Status EventDeduplicator::BeginBatch() {
  // Another process wrote the store since our last batch (writers take turns): forget everything.
  auto version = DataVersion();
  if (!version.ok()) return version.status();
  if (*version != data_version_seen_) {
    data_version_seen_ = *version;
    Forget();
  }
  auto row = max_id_.Step();
  if (!row.ok()) return row.status();
  first_new_id_ = max_id_.Int(0);
  max_id_.Reset();
  pending_.clear();
  new_members_.clear();
  touched_.clear();
  deltas_.clear();
  if (members_.size() > kMaxRememberedMembers) ForgetMembers();
  // Only between batches: within one, the cache is what finds this batch's new events again (they
  // are not in the table until FinishBatch), so clearing it there would make a key twice.
  if (cache_.size() > kMaxCachedEvents) {
    cache_.clear();
    cache_complete_ = false;
  }
  return Status::Ok();
}

Result<int64_t> EventDeduplicator::EventFor(const events::EventRecord& r, int64_t day, std::string_view date) {
  std::string_view src = r.has_source ? std::string_view(r.source.code) : std::string_view();
  std::string_view tgt = r.has_target ? std::string_view(r.target.code) : std::string_view();
  const EventKey key = EventKeyMap::Fingerprint(day, src, tgt, r.cameo_code);
  if (int64_t cached = cache_.Find(key)) return cached;
  int64_t id = 0;
  if (!cache_complete_) {
    find_event_.Bind(1, day);
    find_event_.Bind(2, src, false);
    find_event_.Bind(3, tgt, false);
    find_event_.Bind(4, std::string_view(r.cameo_code), false);
    auto row = find_event_.Step();
    if (!row.ok()) return row.status();
    if (*row) id = find_event_.Int(0);
    find_event_.Reset();
  }
  if (id == 0) {
    id = first_new_id_ + static_cast<int64_t>(pending_.size());
    Pending& p = pending_.emplace_back();
    p.first = &r;
    p.day = day;
    p.date = date;
  }
  cache_.Insert(key, id);
  return id;
}

int64_t EventDeduplicator::SourceNumber(std::string_view source) {
  if (auto it = source_ids_.find(source); it != source_ids_.end()) return it->second;
  const auto n = static_cast<int64_t>(source_ids_.size());
  source_ids_.emplace(std::string(source), n);
  return n;
}

Result<bool> EventDeduplicator::Remember(int64_t key) {
  if (remembered_.count(key)) return true;
  if (touched_.count(key)) return false;
  members_of_.Bind(1, key);
  for (;;) {
    auto row = members_of_.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    members_.insert({key, members_of_.Int(0)});
    members_.insert({key, -1 - SourceNumber(members_of_.Text(1))});
  }
  remembered_.insert(key);
  return true;
}

Status EventDeduplicator::AddMention(int64_t key, int64_t mention_id, int64_t cluster, std::string_view source) {
  if (key >= first_new_id_) {  // first seen in this batch: its members are counted by FinishBatch
    Pending& p = pending_[static_cast<size_t>(key - first_new_id_)];
    if (p.mentions++ == 0) p.first_mention = mention_id;
    new_members_.push_back({key, cluster});
    new_members_.push_back({key, -1 - SourceNumber(source)});
    return Status::Ok();
  }
  auto known = Remember(key);
  if (!known.ok()) return known.status();
  if (!*known) return Status::Ok();  // touched: FinishBatch recounts it from its mentions
  Delta& d = deltas_[key];
  ++d.mentions;
  d.articles += members_.insert({key, cluster}).second;
  d.sources += members_.insert({key, -1 - SourceNumber(source)}).second;
  return Status::Ok();
}

Status EventDeduplicator::NoteCountry(std::string_view country, std::string_view code) {
  if (country.empty() || code.empty()) return Status::Ok();
  country_key_.assign(country);
  country_key_ += ' ';
  country_key_ += code;
  if (countries_.contains(std::string_view(country_key_))) return Status::Ok();
  if (countries_.size() >= (1u << 20)) countries_.clear();
  countries_.emplace(country_key_);
  insert_country_.Bind(1, country, false);
  insert_country_.Bind(2, code, false);
  DYAD_RETURN_IF_ERROR(insert_country_.Run());
  insert_country_.Reset();
  return Status::Ok();
}

Status EventDeduplicator::FinishBatch() {
  // Distinct articles and publishers of the new events: one sort, no hashing per mention.
  std::sort(new_members_.begin(), new_members_.end(), [](const Member& a, const Member& b) {
    return a.event != b.event ? a.event < b.event : a.who < b.who;
  });
  for (size_t i = 0; i < new_members_.size(); ++i) {
    const Member& m = new_members_[i];
    if (i > 0 && new_members_[i - 1] == m) continue;
    Pending& p = pending_[static_cast<size_t>(m.event - first_new_id_)];
    if (m.who >= 0) ++p.articles; else ++p.sources;
  }
  new_members_.clear();
  // New events in id order: each row is appended at the end of the table (no page split in the
  // middle), and the ids follow first mention, so the dedup key index (day first) gets them about in
  // its order too when a batch's articles are of similar dates. (Sorting them by the code index
  // instead measured 3% more instructions for a load, incremental or bulk.)
  for (size_t i = 0; i < pending_.size(); ++i) {
    const Pending& p = pending_[i];
    const events::EventRecord& r = *p.first;
    if (p.mentions == 0) continue;
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
    s.Bind(12, first_new_id_ + static_cast<int64_t>(i));
    s.Bind(13, p.first_mention);
    s.Bind(14, p.mentions);
    s.Bind(15, p.sources);
    s.Bind(16, p.articles);
    DYAD_RETURN_IF_ERROR(s.Run());  // every parameter is bound for each row: no Reset()
    if (r.has_source) DYAD_RETURN_IF_ERROR(NoteCountry(r.source.country, r.source.code));
    if (r.has_target) DYAD_RETURN_IF_ERROR(NoteCountry(r.target.country, r.target.code));
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
  for (const Pending& p : pending_)
    if (p.mentions == 0) deleted = true;  // never inserted: drop it from the cache
  // A touched event's remembered members may include articles whose mentions are gone.
  if (!touched_.empty()) ForgetMembers();
  touched_.clear();
  pending_.clear();
  if (deleted) {  // a cached id may now name a deleted event
    cache_.clear();
    cache_complete_ = false;
  }
  return Status::Ok();
}

Result<std::optional<int64_t>> EventDeduplicator::FindNearDuplicate(int64_t article_id, uint64_t simhash) {
  std::optional<int64_t> best;
  for (int band = 0; band < 4; ++band) {
    int64_t band_key = (int64_t{band} << 16) | static_cast<int64_t>((simhash >> (16 * band)) & 0xffff);
    band_lookup_.Bind(1, band_key);
    // Candidates come in id order: the first near one is this band's earliest.
    for (;;) {
      auto row = band_lookup_.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      const int64_t c = band_lookup_.Int(0);
      if (best && c >= *best) break;
      if (c == article_id || band_lookup_.IsNull(1)) continue;
      if (HammingDistance(static_cast<uint64_t>(band_lookup_.Int(1)), simhash) <= kNearDuplicateBits) {
        best = c;
        break;
      }
    }
    band_lookup_.Reset();
  }
  return best;
}

Status EventDeduplicator::AddBands(int64_t article_id, uint64_t simhash) {
  for (int band = 0; band < 4; ++band) {
    int64_t band_key = (int64_t{band} << 16) | static_cast<int64_t>((simhash >> (16 * band)) & 0xffff);
    band_insert_.Bind(1, band_key);
    band_insert_.Bind(2, article_id);
    band_insert_.Bind(3, static_cast<int64_t>(simhash));
    DYAD_RETURN_IF_ERROR(band_insert_.Run());
    band_insert_.Reset();
  }
  return Status::Ok();
}

}  // namespace dyad::store
