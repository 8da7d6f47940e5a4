#include "text/lexicon.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace dyad::text {
namespace {

using Set = std::unordered_set<std::string_view>;

// Keys of up to 8 bytes packed into one integer: a lookup is a packing and a binary search over a
// few dozen integers, far cheaper than hashing a string for every word of the text.
uint64_t Pack(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = 0; i < s.size(); ++i) v |= uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
  return v;
}

template <typename V>
class PackedMap {
 public:
  PackedMap() = default;
  PackedMap(std::initializer_list<std::pair<std::string_view, V>> items) {
    for (const auto& [k, v] : items) Add(k, v);
  }
  void Add(std::string_view k, V v) {
    entries_.emplace_back(Pack(k), v);
    std::sort(entries_.begin(), entries_.end());
    uint64_t h = Hash(Pack(k));
    bloom_[h & 15] |= uint64_t{1} << ((h >> 4) & 63);
    bloom_[(h >> 10) & 15] |= uint64_t{1} << ((h >> 14) & 63);
  }
  // Returns the value, or `fallback` when absent (or when the key is longer than 8 bytes).
  V Find(std::string_view k, V fallback) const {
    if (k.empty() || k.size() > 8) return fallback;
    uint64_t key = Pack(k);
    if (!MayContain(key)) return fallback;  // most words stop here
    auto it = std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(key, V{}));
    return it != entries_.end() && it->first == key ? it->second : fallback;
  }

 private:
  static uint64_t Hash(uint64_t key) { return (key * 0x9E3779B97F4A7C15ULL) >> 40; }
  bool MayContain(uint64_t key) const {
    uint64_t h = Hash(key);
    return (bloom_[h & 15] >> ((h >> 4) & 63) & 1) && (bloom_[(h >> 10) & 15] >> ((h >> 14) & 63) & 1);
  }

  std::vector<std::pair<uint64_t, V>> entries_;
  uint64_t bloom_[16] = {};  // a 1024-bit Bloom filter: a cheap "certainly absent" before the search
};

PackedMap<bool> MakeSet(std::initializer_list<std::string_view> keys) {
  PackedMap<bool> m;
  for (std::string_view k : keys) m.Add(k, true);
  return m;
}

const PackedMap<AbbrevKind>& Abbreviations() {
  static const auto* table = [] {
    auto* m = new PackedMap<AbbrevKind>();
    // Titles, ranks and honorifics: always followed by a name.
    for (std::string_view w :
         {"mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
          "pvt", "adm", "cmdr", "cdr", "brig", "gov", "sen", "rep", "reps", "sens", "rev", "fr", "hon",
          "pres", "supt", "det", "insp", "atty", "amb", "st", "mt", "ft", "pt", "ste", "sr", "sra", "mme",
          "mlle", "no", "nos", "vol", "vols", "pp", "fig", "figs", "ch", "sec", "para", "ca", "sts", "drs", "ps", "vs", "v",
          "approx", "dept", "est", "attn", "ext", "tel", "ph", "mob", "op", "cf", "viz",
          // Months and days (their short forms are abbreviations, "May" is not).
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
          "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
          // US states as AP writes them.
          "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
          "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
          "tenn", "va", "vt", "wash", "wis", "wyo", "blvd", "ave", "rd", "hwy"})
      m->Add(w, AbbrevKind::kTitle);
    // Abbreviations that often close a sentence as well.
    for (std::string_view w :
         {"inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "etc", "al", "esp", "yrs", "yr", "mins",
          "min", "hrs", "hr", "oz", "lb", "lbs", "info", "i.e", "e.g", "a.m", "p.m", "u.s", "u.k", "u.n",
          "d.c", "ph.d", "a.k.a", "p.s", "u.s.a", "b.c", "a.d"})
      m->Add(w, AbbrevKind::kMaybeFinal);
    return m;
  }();
  return *table;
}

}  // namespace

std::string_view LowerAscii(std::string_view s, char* buf, size_t cap) {
  if (s.size() > cap) return {};
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) return {};
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
  }
  return std::string_view(buf, s.size());
}

AbbrevKind LookupAbbreviation(std::string_view key) {
  return Abbreviations().Find(key, AbbrevKind::kNone);
}

bool IsUnitAfterNumber(std::string_view key) {
  static const auto* units = new PackedMap<bool>(MakeSet({
      "am", "pm", "a.m", "p.m", "k", "m", "mm", "cm", "km", "kg", "mg", "ml", "ft", "lb", "lbs", "bn", "mn",
      "tn", "mph", "kph", "kmh", "mw", "kw", "gw", "kwh", "mwh", "hz", "khz", "mhz", "ghz", "gb", "mb",
      "kb", "tb", "watt", "watts", "hh", "oz", "yr", "yrs", "hrs", "hr", "mins", "min", "sec", "secs",
      "bln", "mln", "trn", "tons", "sq", "mi", "in", "pc", "pct"}));
  return units->Find(key, false);
}

bool IsHyphenPrefix(std::string_view key) {
  static const auto* prefixes = new PackedMap<bool>(MakeSet({
      "e",     "co",    "pre",   "post",  "non",   "semi",  "re",    "pro",    "multi", "mid",  "ex",
      "anti",  "un",    "sub",   "socio", "vice",  "inter", "extra", "wi",     "psycho", "over", "counter",
      "bi",    "tri",   "intra", "neo",   "pseudo", "quasi", "ultra", "mega",  "micro", "macro",
      "trans", "cross", "infra", "meta",  "mis",   "out",   "hyper", "de",     "dis",   "nano", "tele"}));
  return prefixes->Find(key, false);
}

// Every key must end in t, a, e, m, s or l: Tokenize() filters on the last letter before asking.
size_t SplitContraction(std::string_view w) {
  static const auto* table = new PackedMap<size_t>({
      {"cannot", 3}, {"gonna", 3},   {"wanna", 3},  {"gotta", 3},   {"outta", 3},   {"gimme", 3},
      {"lemme", 3},  {"dont", 2},    {"didnt", 3},  {"doesnt", 4},  {"cant", 2},    {"wont", 2},
      {"isnt", 2},   {"wasnt", 3},   {"arent", 3},  {"werent", 4},  {"couldnt", 5}, {"wouldnt", 5},
      {"shouldnt", 6}, {"havent", 4}, {"hasnt", 3},  {"hadnt", 3},   {"aint", 2},    {"im", 1},
      {"ive", 1},    {"youre", 3},   {"theyre", 4}, {"thats", 4},   {"whats", 4},   {"theres", 5},
      {"youve", 3},  {"theyve", 4},  {"youll", 3},  {"itll", 2}});
  return table->Find(w, 0);
}

bool IsSentenceStarter(std::string_view w) {
  static const Set* starters = new Set{
      "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "for",
      "this", "that", "these", "those", "there", "his", "her", "their", "its", "our", "my", "if", "when",
      "while", "after", "before", "as", "so", "yet", "however", "meanwhile", "still", "also", "some",
      "many", "most", "one", "two", "what", "why", "how", "who", "no", "not", "then", "now", "since",
      "although", "though", "because", "with", "from", "by", "under", "officials", "analysts", "last",
      "earlier", "later", "both", "all", "each", "other", "such", "thanks", "please", "mr", "mrs", "ms"};
  return starters->count(w) > 0;
}

}  // namespace dyad::text
