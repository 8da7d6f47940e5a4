#include "eval/place_scores.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/csv.h"
#include "core/read_file.h"
#include "core/split.h"
#include "core/tsv_table.h"
#include "core/utf8.h"
#include "eval/gold_fields.h"

namespace dyad::eval {
namespace {

constexpr size_t kMaxGoldFileBytes = size_t{64} << 20;
constexpr uint32_t kMaxCsvRow = 10'000'000;

// A dyad country code: three upper-case letters, or six for a breakaway entity (GEOABK).
bool IsCountryCode(std::string_view s) {
  if (s.size() != 3 && s.size() != 6) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// The third field of the n-th CSV row (1-based), carriage returns dropped as the gold's offsets
// were counted without them.
Result<std::string> CsvRow(std::string_view text, uint32_t n) {
  std::vector<std::vector<std::string>> rows = ParseCsv(text);
  if (n > rows.size() || rows[n - 1].size() < 3) {
    return Status::NotFound("no CSV row " + std::to_string(n) + " with three columns");
  }
  std::string field = std::move(rows[n - 1][2]);
  field.erase(std::remove(field.begin(), field.end(), '\r'), field.end());
  return field;
}

std::string Where(const GoldPlace& p) {
  return PlaceDocumentKey(p) + " [" + std::to_string(p.begin) + "," + std::to_string(p.end) + ")";
}

// The code point span [b, e) of text as UTF-8 (empty when out of range).
std::string Slice(std::string_view text, uint32_t b, uint32_t e) {
  auto r = CodePointRangeToBytes(text, b, e);
  if (!r.ok()) return "";
  std::string s(text.substr(r->first, r->second - r->first));
  for (char& c : s) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return s;
}

std::string Pct(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.1f", 100 * x);
  return buf;
}

}  // namespace

std::string PlaceDocumentKey(const GoldPlace& p) { return p.record.empty() ? p.path : p.path + "#" + p.record; }

Result<PlaceGold> ParsePlaceGold(std::string_view tsv, std::string_view file) {
  PlaceGold gold;
  Result<int> rows = WalkTsvTable(
      tsv, file, {"path", "record", "begin", "end", "sha1", "date", "country", "type", "split"}, TsvTableOptions{},
      [&](const std::vector<std::string_view>& f, int line_no) -> Status {
        auto where = [&](const std::string& what) { return TableLineError(file, line_no, what); };
        GoldPlace p;
        if (const char* wrong = ParseGoldSpan(f, &p)) return where(wrong);
        p.country = std::string(f[6]);
        if (p.country != "-" && !IsCountryCode(p.country)) return where("country must be a dyad code or '-'");
        p.type = std::string(f[7]);
        if (p.type.empty()) return where("empty type");
        p.split = std::string(f[8]);
        if (p.split != "dev" && p.split != "test" && p.split != "test2") return where("split must be dev, test or test2");
        p.line = line_no;
        gold.mentions.push_back(std::move(p));
        return Status::Ok();
      });
  if (!rows.ok()) return rows.status();
  // Mentions of one article must not overlap, and one article belongs to one split.
  std::map<std::string, std::vector<const GoldPlace*>> by_doc;
  for (const GoldPlace& p : gold.mentions) by_doc[PlaceDocumentKey(p)].push_back(&p);
  for (auto& [key, list] : by_doc) {
    std::sort(list.begin(), list.end(), [](const GoldPlace* a, const GoldPlace* b) { return a->begin < b->begin; });
    for (size_t i = 0; i < list.size(); ++i) {
      if (list[i]->split != list[0]->split) {
        return TableLineError(file, list[i]->line, key + " is in two splits");
      }
      if (i > 0 && list[i]->begin < list[i - 1]->end) {
        return TableLineError(file, list[i]->line, "overlaps the mention on line " + std::to_string(list[i - 1]->line));
      }
    }
  }
  return gold;
}

Result<PlaceGold> LoadPlaceGold(const std::string& path) {
  Result<std::string> bytes = ReadWholeFile(path, kMaxGoldFileBytes);
  if (!bytes.ok()) return bytes.status();
  return ParsePlaceGold(*bytes, path);
}

Result<std::string> ReadPlaceRecord(const std::string& shared_dir, const std::string& path,
                                    const std::string& record) {
  if (!record.starts_with("row:")) return ReadGoldRecord(shared_dir, path, record);
  if (path.find("..") != std::string::npos) return Status::InvalidArgument("path leaves the data folder: " + path);
  if (!path.ends_with(".csv")) return Status::Unsupported(path + ": row: records are for CSV files");
  uint32_t n = 0;
  if (!ParseGoldUint32(std::string_view(record).substr(4), &n) || n == 0 || n > kMaxCsvRow) {
    return Status::InvalidArgument("bad record " + record);
  }
  Result<std::string> bytes = ReadWholeFile(shared_dir + "/" + path, kMaxGoldFileBytes);
  if (!bytes.ok()) return bytes.status();
  Result<std::string> r = CsvRow(*bytes, n);
  if (!r.ok()) return Status(r.status().code(), path + ": " + r.status().message());
  if (!utf8::IsValid(*r)) return Status::InvalidInput(path + "#" + record + ": record text is not UTF-8");
  return r;
}

Status VerifyGoldPlace(const GoldPlace& p, std::string_view record_text) {
  auto range = CodePointRangeToBytes(record_text, p.begin, p.end);
  if (!range.ok()) return Status::NotFound(Where(p) + ": " + range.status().message());
  std::string got = Sha1Prefix8(record_text.substr(range->first, range->second - range->first));
  if (got != p.sha1) {
    return Status::InvalidInput(Where(p) + ": checksum " + got + " != gold " + p.sha1 +
                                " (the source text moved or changed)");
  }
  return Status::Ok();
}

std::vector<PredictedPlace> PredictedPlaces(const Document& doc) {
  std::vector<PredictedPlace> out;
  const size_t n = doc.tokens().size();
  for (const PlaceRow& r : doc.places()) {
    if (r.first_token >= r.end_token || r.end_token > n) continue;
    PredictedPlace p;
    p.begin = doc.CharOffset(doc.tokens()[r.first_token].begin);
    p.end = doc.CharOffset(doc.tokens()[r.end_token - 1].end);
    p.country = std::string(doc.Str(r.country));
    p.name = std::string(doc.Str(r.name));
    p.feature = std::string(doc.Str(r.feature));
    out.push_back(std::move(p));
  }
  return out;
}

void PlaceScorer::AddDocument(std::string_view text, const std::vector<const GoldPlace*>& gold_in,
                              std::vector<PredictedPlace> pred) {
  ++scores_.documents;
  std::vector<const GoldPlace*> gold = gold_in;
  std::sort(gold.begin(), gold.end(), [](const GoldPlace* a, const GoldPlace* b) { return a->begin < b->begin; });
  std::stable_sort(pred.begin(), pred.end(), [](const PredictedPlace& a, const PredictedPlace& b) { return a.begin < b.begin; });
  std::vector<int> match_of_gold(gold.size(), -1);
  std::vector<bool> pred_used(pred.size(), false);
  // Gold spans do not overlap each other; system spans of one document do not either, so each gold
  // mention looks only at the system spans from the first one ending after it begins.
  size_t lo = 0;
  for (size_t g = 0; g < gold.size(); ++g) {
    while (lo < pred.size() && pred[lo].end <= gold[g]->begin) ++lo;
    int best = -1;
    uint32_t best_overlap = 0;
    for (size_t k = lo; k < pred.size() && pred[k].begin < gold[g]->end; ++k) {
      if (pred_used[k]) continue;
      uint32_t overlap = std::min(pred[k].end, gold[g]->end) - std::max(pred[k].begin, gold[g]->begin);
      if (overlap > best_overlap) best = static_cast<int>(k), best_overlap = overlap;
    }
    if (best >= 0) {
      match_of_gold[g] = best;
      pred_used[static_cast<size_t>(best)] = true;
    }
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    const GoldPlace& gp = *gold[g];
    Counts& type = scores_.by_type[gp.type];
    const bool none = gp.country == "-";
    if (none) {
      ++scores_.gold_none;
    } else {
      ++scores_.gold_country;
    }
    if (match_of_gold[g] < 0) {
      ++scores_.detection.fn;
      ++type.fn;
      scores_.errors.push_back({PlaceError::kMiss, Where(gp), Slice(text, gp.begin, gp.end), gp.country, "", ""});
      continue;
    }
    ++scores_.detection.tp;
    ++type.tp;
    const PredictedPlace& pp = pred[static_cast<size_t>(match_of_gold[g])];
    if (none) {
      ++scores_.matched_none;
      if (pp.country.empty()) {
        ++scores_.right_none;
      } else {
        scores_.errors.push_back({PlaceError::kWrongCountry, Where(gp), Slice(text, gp.begin, gp.end), gp.country,
                                  pp.country, pp.name + " (" + pp.feature + ")"});
      }
      continue;
    }
    ++scores_.matched_country;
    auto& ct = scores_.country_by_type[gp.type];
    ++ct.second;
    if (pp.country == gp.country) {
      ++scores_.right_country;
      ++ct.first;
    } else {
      scores_.errors.push_back({PlaceError::kWrongCountry, Where(gp), Slice(text, gp.begin, gp.end), gp.country,
                                pp.country.empty() ? "-" : pp.country, pp.name + " (" + pp.feature + ")"});
    }
  }
  std::string doc_key = gold.empty() ? "" : PlaceDocumentKey(*gold[0]);
  for (size_t k = 0; k < pred.size(); ++k) {
    if (pred_used[k]) continue;
    ++scores_.detection.fp;
    const PredictedPlace& pp = pred[k];
    scores_.errors.push_back({PlaceError::kFalse,
                              doc_key + " [" + std::to_string(pp.begin) + "," + std::to_string(pp.end) + ")",
                              Slice(text, pp.begin, pp.end), "", pp.country.empty() ? "-" : pp.country,
                              pp.name + " (" + pp.feature + ")"});
  }
}

Result<PlaceScores> EvaluatePlaces(const PlaceGold& gold, const std::string& shared_dir, const std::string& split,
                                   const std::function<Status(Document&)>& analyze, int64_t* drifted) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const GoldPlace*>> by_doc;
  for (const GoldPlace& p : gold.mentions) {
    if (!split.empty() && split != "all" && p.split != split) continue;
    std::string key = PlaceDocumentKey(p);
    if (!by_doc.count(key)) order.push_back(key);
    by_doc[key].push_back(&p);
  }
  PlaceScorer scorer;
  int64_t skipped = 0;
  for (const std::string& key : order) {
    const auto& mentions = by_doc[key];
    auto text = ReadPlaceRecord(shared_dir, mentions.front()->path, mentions.front()->record);
    if (!text.ok()) return text.status();
    bool ok = true;
    for (const GoldPlace* p : mentions) {
      Status s = VerifyGoldPlace(*p, *text);
      if (!s.ok()) {
        std::fprintf(stderr, "skipped %s: %s\n", key.c_str(), s.ToString().c_str());
        ok = false;
        break;
      }
    }
    if (!ok) {
      ++skipped;
      continue;
    }
    DocumentMeta meta;
    meta.id = key;
    meta.date = mentions.front()->date;
    Document doc(*text, meta);
    Status s = analyze(doc);
    if (!s.ok()) return Status(s.code(), key + ": " + s.message());
    scorer.AddDocument(*text, mentions, PredictedPlaces(doc));
  }
  if (drifted != nullptr) *drifted = skipped;
  return scorer.scores();
}

std::string FormatPlaceScores(const PlaceScores& s) {
  std::string out;
  char buf[256];
  const Counts& d = s.detection;
  std::snprintf(buf, sizeof buf,
                "documents %lld, gold mentions %lld (%lld with a country, %lld without)\n"
                "detection   P %s  R %s  F1 %s   tp %lld fp %lld fn %lld\n",
                static_cast<long long>(s.documents), static_cast<long long>(d.tp + d.fn),
                static_cast<long long>(s.gold_country), static_cast<long long>(s.gold_none),
                Pct(d.Precision()).c_str(), Pct(d.Recall()).c_str(), Pct(d.F1()).c_str(),
                static_cast<long long>(d.tp), static_cast<long long>(d.fp), static_cast<long long>(d.fn));
  out += buf;
  std::snprintf(buf, sizeof buf,
                "country     %s on matched (%lld/%lld)   %s over all gold mentions with a country (%lld/%lld)\n",
                Pct(s.CountryAccuracy()).c_str(), static_cast<long long>(s.right_country),
                static_cast<long long>(s.matched_country), Pct(s.CountryAccuracyAll()).c_str(),
                static_cast<long long>(s.right_country), static_cast<long long>(s.gold_country));
  out += buf;
  std::snprintf(buf, sizeof buf, "no-country  found %lld/%lld, of which %lld given no country\n",
                static_cast<long long>(s.matched_none), static_cast<long long>(s.gold_none),
                static_cast<long long>(s.right_none));
  out += buf;
  out += "by gold type: found/gold (recall)  country right/matched\n";
  for (const auto& [type, c] : s.by_type) {
    auto it = s.country_by_type.find(type);
    long long right = it == s.country_by_type.end() ? 0 : it->second.first;
    long long matched = it == s.country_by_type.end() ? 0 : it->second.second;
    std::snprintf(buf, sizeof buf, "  %-12s %4lld/%-4lld (%s)   %lld/%lld\n", type.c_str(),
                  static_cast<long long>(c.tp), static_cast<long long>(c.tp + c.fn), Pct(c.Recall()).c_str(), right,
                  matched);
    out += buf;
  }
  return out;
}

}  // namespace dyad::eval
