#include "eval/event_scores.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <functional>
#include <set>
#include <tuple>

#include "core/csv.h"
#include "core/read_file.h"
#include "core/split.h"
#include "core/tsv_table.h"
#include "core/utf8.h"
#include "eval/gold_fields.h"

namespace dyad::eval {
namespace {

constexpr size_t kMaxGoldFileBytes = size_t{64} << 20;  // gold and source files: same bound as readers
constexpr size_t kGoldColumns = 12;  // path record begin end sha1 date source target cameo sc tc note

bool IsCameoCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}


// Each byte one code point (U+0000..U+00FF), as UTF-8.
std::string Latin1ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) utf8::Append(out, c);
  return out;
}

// The third field of the first CSV row whose first field is `key`.
Result<std::string> CsvRecord(std::string_view text, const std::string& key) {
  for (auto& row : ParseCsv(text)) {
    if (row.size() >= 3 && row[0] == key) return std::move(row[2]);
  }
  return Status::NotFound("no CSV row " + key);
}

Result<std::string> JsonlRecord(std::string_view text, const std::string& key) {
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    // Cheap filter before parsing: the id must appear in the line.
    if (line.find(key) == std::string_view::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) continue;
    auto id = j.find("id");
    auto body = j.find("text");
    if (id != j.end() && id->is_string() && id->get<std::string>() == key && body != j.end() &&
        body->is_string()) {
      return body->get<std::string>();
    }
  }
  return Status::NotFound("no JSONL record with id " + key);
}

// Reuters-21578 SGML-as-XML: the raw BODY of <REUTERS ... NEWID="key">, entities left as written.
Result<std::string> ReutersRecord(std::string_view text, const std::string& key) {
  std::string marker = "NEWID=\"" + key + "\">";
  size_t at = text.find(marker);
  if (at == std::string_view::npos) return Status::NotFound("no Reuters NEWID " + key);
  size_t stop = text.find("</REUTERS>", at);
  if (stop == std::string_view::npos) stop = text.size();
  size_t body = text.find("<BODY>", at);
  if (body == std::string_view::npos || body > stop) return Status::NotFound("Reuters " + key + " has no BODY");
  body += 6;
  size_t body_end = text.find("</BODY>", body);
  if (body_end == std::string_view::npos || body_end > stop) {
    return Status::InvalidInput("Reuters " + key + ": unterminated BODY");
  }
  return std::string(text.substr(body, body_end - body));
}

// SHA-1 (FIPS 180-4), enough for checksums of sentences; not for security.
std::array<uint8_t, 20> Sha1(std::string_view data) {
  uint32_t h[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
  auto rotl = [](uint32_t x, int n) { return (x << n) | (x >> (32 - n)); };
  std::string msg(data);
  uint64_t bit_len = static_cast<uint64_t>(data.size()) * 8;
  msg += static_cast<char>(0x80);
  while (msg.size() % 64 != 56) msg += '\0';
  for (int i = 7; i >= 0; --i) msg += static_cast<char>((bit_len >> (8 * i)) & 0xFF);
  for (size_t chunk = 0; chunk < msg.size(); chunk += 64) {
    uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(msg.data() + chunk + 4 * i);
      w[i] = (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
    }
    for (int i = 16; i < 80; ++i) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d), k = 0x5A827999u;
      } else if (i < 40) {
        f = b ^ c ^ d, k = 0x6ED9EBA1u;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDCu;
      } else {
        f = b ^ c ^ d, k = 0xCA62C1D6u;
      }
      uint32_t t = rotl(a, 5) + f + e + k + w[i];
      e = d, d = c, c = rotl(b, 30), b = a, a = t;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
  }
  std::array<uint8_t, 20> out{};
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 4; ++j) out[4 * i + j] = static_cast<uint8_t>(h[i] >> (24 - 8 * j));
  }
  return out;
}

std::string Describe(const CodedEvent& e) {
  std::string s = (e.source.empty() ? "-" : e.source) + " -> " + (e.target.empty() ? "-" : e.target) +
                  " " + e.cameo;
  if (!e.detail.empty()) s += "  (" + e.detail + ")";
  return s;
}

using Key = std::tuple<std::string, std::string, std::string>;

// Greedy one-to-one matching by equal keys. matched_gold[i] / matched_pred[j] are set for pairs.
int64_t MatchByKey(const std::vector<CodedEvent>& gold, const std::vector<CodedEvent>& pred,
                   const std::function<Key(const CodedEvent&)>& key, std::vector<bool>* matched_gold,
                   std::vector<bool>* matched_pred) {
  matched_gold->assign(gold.size(), false);
  matched_pred->assign(pred.size(), false);
  std::multimap<Key, size_t> open;  // unmatched gold by key
  for (size_t i = 0; i < gold.size(); ++i) open.emplace(key(gold[i]), i);
  int64_t tp = 0;
  for (size_t j = 0; j < pred.size(); ++j) {
    auto it = open.find(key(pred[j]));
    if (it == open.end()) continue;
    (*matched_gold)[it->second] = true;
    (*matched_pred)[j] = true;
    open.erase(it);
    ++tp;
  }
  return tp;
}

}  // namespace

std::string_view CameoRoot(std::string_view code) { return code.size() < 2 ? "" : code.substr(0, 2); }

std::string GoldDocumentKey(const GoldSentence& s) {
  return s.record.empty() ? s.path : s.path + "#" + s.record;
}

std::string DescribeLocation(const GoldSentence& s) {
  return GoldDocumentKey(s) + " [" + std::to_string(s.begin) + "," + std::to_string(s.end) + ")";
}

std::string Sha1Prefix8(std::string_view bytes) {
  auto digest = Sha1(bytes);
  char hex[9];
  for (int i = 0; i < 4; ++i) std::snprintf(hex + 2 * i, 3, "%02x", digest[i]);
  return std::string(hex, 8);
}

Result<EventGold> ParseEventGold(std::string_view tsv, std::string_view file) {
  EventGold gold;
  std::set<std::tuple<std::string, std::string, uint32_t, uint32_t>> closed;  // sentences already ended
  TsvTableOptions options;
  options.min_columns = kGoldColumns - 1;  // the note may be left off
  Result<int> rows = WalkTsvTable(
      tsv, file,
      {"path", "record", "begin", "end", "sha1", "date", "source", "target", "cameo", "source_country",
       "target_country", "note"},
      options, [&](const std::vector<std::string_view>& f, int line_no) -> Status {
        auto where = [&](const std::string& what) { return TableLineError(file, line_no, what); };
        GoldSentence s;
        if (const char* wrong = ParseGoldSpan(f, &s)) return where(wrong);
        CodedEvent e{std::string(f[6]), std::string(f[7]), std::string(f[8]), std::string(f[9]),
                     std::string(f[10]), std::string(f[11])};
        const bool none = e.cameo == "-";
        if (none) {
          if (!e.source.empty() || !e.target.empty() || !e.source_country.empty() || !e.target_country.empty()) {
            return where("a no-event row (cameo '-') has no actors");
          }
        } else {
          if (!IsCameoCode(e.cameo)) return where("bad CAMEO code '" + e.cameo + "'");
          if (e.source.empty()) return where("an event needs a source actor");
          if (e.source_country.empty() || !e.source.starts_with(e.source_country)) {
            return where("source_country must be the source code's first block");
          }
          if (e.target.empty() != e.target_country.empty() ||
              (!e.target.empty() && !e.target.starts_with(e.target_country))) {
            return where("target_country must be the target code's first block");
          }
        }
        auto key = std::make_tuple(s.path, s.record, s.begin, s.end);
        GoldSentence* cur = gold.sentences.empty() ? nullptr : &gold.sentences.back();
        bool same = cur != nullptr && cur->path == s.path && cur->record == s.record && cur->begin == s.begin &&
                    cur->end == s.end;
        if (same) {
          if (none || cur->events.empty()) return where("a no-event row must be its sentence's only row");
          if (cur->sha1 != s.sha1 || cur->date != s.date) return where("rows of one sentence disagree on sha1/date");
          cur->events.push_back(std::move(e));
          return Status::Ok();
        }
        if (cur != nullptr) closed.emplace(cur->path, cur->record, cur->begin, cur->end);
        if (closed.count(key) != 0) return where("rows of one sentence must be adjacent");
        s.line = line_no;
        if (!none) s.events.push_back(std::move(e));
        gold.sentences.push_back(std::move(s));
        return Status::Ok();
      });
  if (!rows.ok()) return rows.status();
  return gold;
}

Result<EventGold> LoadEventGold(const std::string& path) {
  Result<std::string> bytes = ReadWholeFile(path, kMaxGoldFileBytes);
  if (!bytes.ok()) return bytes.status();
  return ParseEventGold(*bytes, path);
}

Result<std::string> ReadGoldRecord(const std::string& shared_dir, const std::string& path,
                                   const std::string& record) {
  if (path.find("..") != std::string::npos) return Status::InvalidArgument("path leaves the data folder: " + path);
  Result<std::string> bytes = ReadWholeFile(shared_dir + "/" + path, kMaxGoldFileBytes);
  if (!bytes.ok()) return bytes.status();
  std::string text = std::move(bytes).value();
  if (!utf8::IsValid(text)) text = Latin1ToUtf8(text);
  if (record.empty()) return text;
  Result<std::string> r = Status::Unsupported("records of " + path + " are not supported");
  if (path.ends_with(".jsonl")) {
    r = JsonlRecord(text, record);
  } else if (path.ends_with(".csv")) {
    r = CsvRecord(text, record);
  } else if (path.ends_with(".xml")) {
    r = ReutersRecord(text, record);
  }
  if (!r.ok()) return Status(r.status().code(), path + ": " + r.status().message());
  if (!utf8::IsValid(*r)) return Status::InvalidInput(path + "#" + record + ": record text is not UTF-8");
  return r;
}

Result<std::pair<size_t, size_t>> CodePointRangeToBytes(std::string_view text, uint32_t begin, uint32_t end) {
  size_t byte = 0;
  uint32_t cp = 0;
  size_t b = std::string_view::npos;
  while (true) {
    if (cp == begin) b = byte;
    if (cp == end) {
      if (b == std::string_view::npos) break;
      return std::make_pair(b, byte);
    }
    if (byte >= text.size()) break;
    int len = 1;
    utf8::Decode(text, byte, &len);
    byte += static_cast<size_t>(len);
    ++cp;
  }
  return Status::NotFound("code points [" + std::to_string(begin) + "," + std::to_string(end) +
                          ") are outside a text of " + std::to_string(cp) + " code points");
}

Status VerifyGoldSentence(const GoldSentence& s, std::string_view record_text) {
  auto range = CodePointRangeToBytes(record_text, s.begin, s.end);
  if (!range.ok()) return Status::NotFound(DescribeLocation(s) + ": " + range.status().message());
  std::string got = Sha1Prefix8(record_text.substr(range->first, range->second - range->first));
  if (got != s.sha1) {
    return Status::InvalidInput(DescribeLocation(s) + ": checksum " + got + " != gold " + s.sha1 +
                                " (the source text moved or changed)");
  }
  return Status::Ok();
}

SentenceCover CoverOf(const GoldSentence& gold, const std::vector<CharSpan>& system) {
  SentenceCover cover;
  // First system sentence that ends after the gold sentence begins.
  auto it = std::partition_point(system.begin(), system.end(),
                                 [&](const CharSpan& sp) { return sp.end <= gold.begin; });
  for (; it != system.end() && it->begin < gold.end; ++it) {
    ++cover.overlapping;
    if (it->body) ++cover.body;
    if (it->begin == gold.begin && it->end == gold.end) cover.same_span = true;
  }
  cover.same_span = cover.same_span && cover.overlapping == 1;
  return cover;
}

std::vector<std::vector<size_t>> AssignByTrigger(const std::vector<const GoldSentence*>& gold,
                                                 const std::vector<uint32_t>& trigger_positions,
                                                 size_t* outside) {
  std::vector<size_t> order(trigger_positions.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return trigger_positions[x] < trigger_positions[y]; });
  std::vector<bool> used(order.size(), false);
  std::vector<std::vector<size_t>> out(gold.size());
  for (size_t g = 0; g < gold.size(); ++g) {
    auto it = std::partition_point(order.begin(), order.end(),
                                   [&](size_t k) { return trigger_positions[k] < gold[g]->begin; });
    for (; it != order.end() && trigger_positions[*it] < gold[g]->end; ++it) {
      if (used[*it]) continue;  // gold sentences overlap (they should not): first one wins
      used[*it] = true;
      out[g].push_back(*it);
    }
  }
  if (outside != nullptr) *outside = static_cast<size_t>(std::count(used.begin(), used.end(), false));
  for (auto& v : out) std::sort(v.begin(), v.end());  // keep the document's event order
  return out;
}

void EventScorer::Add(const GoldSentence& gold, const std::vector<CodedEvent>& predicted) {
  ++scores_.sentences;
  if (!gold.events.empty()) ++scores_.gold_event_sentences;
  if (gold.events.empty()) scores_.predicted_in_empty += static_cast<int64_t>(predicted.size());
  const std::vector<CodedEvent>& g = gold.events;
  std::vector<bool> mg, mp;

  auto tally = [&](Counts& c, int64_t tp) {
    c.tp += tp;
    c.fn += static_cast<int64_t>(g.size()) - tp;
    c.fp += static_cast<int64_t>(predicted.size()) - tp;
  };
  tally(scores_.code, MatchByKey(g, predicted, [](const CodedEvent& e) {
          return Key(e.cameo, e.source_country, e.target_country);
        }, &mg, &mp));
  tally(scores_.actor, MatchByKey(g, predicted, [](const CodedEvent& e) {
          return Key(e.cameo, e.source, e.target);
        }, &mg, &mp));
  // Root last: its matches feed the per-root table and the error list.
  tally(scores_.root, MatchByKey(g, predicted, [](const CodedEvent& e) {
          return Key(std::string(CameoRoot(e.cameo)), e.source_country, e.target_country);
        }, &mg, &mp));

  for (size_t i = 0; i < g.size(); ++i) {
    Counts& c = scores_.by_root[std::string(CameoRoot(g[i].cameo))];
    if (mg[i]) {
      ++c.tp;
    } else {
      ++c.fn;
    }
  }
  for (size_t j = 0; j < predicted.size(); ++j) {
    if (!mp[j]) ++scores_.by_root[std::string(CameoRoot(predicted[j].cameo))].fp;
  }
  // Errors, each with the closest unmatched event on the other side (same root, else same dyad).
  auto nearest = [](const CodedEvent& e, const std::vector<CodedEvent>& others, const std::vector<bool>& used) {
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t k = 0; k < others.size(); ++k) {
        if (used[k]) continue;
        const CodedEvent& o = others[k];
        bool hit = pass == 0 ? CameoRoot(o.cameo) == CameoRoot(e.cameo)
                             : o.source_country == e.source_country && o.target_country == e.target_country;
        if (hit) return Describe(o);
      }
    }
    return std::string();
  };
  const std::string where = DescribeLocation(gold);
  for (size_t i = 0; i < g.size(); ++i) {
    if (!mg[i]) scores_.errors.push_back({true, where, g[i], nearest(g[i], predicted, mp)});
  }
  for (size_t j = 0; j < predicted.size(); ++j) {
    if (!mp[j]) scores_.errors.push_back({false, where, predicted[j], nearest(predicted[j], g, mg)});
  }
}

}  // namespace dyad::eval
