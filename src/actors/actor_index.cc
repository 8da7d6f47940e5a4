#include "actors/actor_index.h"

#include <algorithm>
#include <map>
#include <ctime>

#include "actors/fold.h"

namespace dyad::actors {

std::string_view EntryKindName(EntryKind k) {
  switch (k) {
    case EntryKind::kPerson: return "person";
    case EntryKind::kOrganisation: return "organisation";
    case EntryKind::kCountry: return "country";
    case EntryKind::kMetonym: return "metonym";
    case EntryKind::kRegion: return "region";
    case EntryKind::kAdjective: return "adjective";
    case EntryKind::kAgent: return "agent";
  }
  return "?";
}

int EntryPriority(EntryKind k) {
  switch (k) {
    case EntryKind::kPerson: return 0;
    case EntryKind::kOrganisation: return 1;
    case EntryKind::kAgent: return 3;
    default: return 2;
  }
}

int TodayKey() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

bool IsFullDate(std::string_view iso_date) {
  if (iso_date.size() < 10) return false;
  auto p = ParsePartialDate(iso_date.substr(0, 10));
  return p.ok() && p->day != 0;
}

int DateKey(std::string_view iso_date) {
  if (iso_date.size() < 10) return TodayKey();
  auto p = ParsePartialDate(iso_date.substr(0, 10));
  if (!p.ok() || p->day == 0) return TodayKey();
  return p->Earliest();
}

namespace {

std::string KeyToIso(int key) {
  if (key <= 0 || key >= 99999999) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", key / 10000, key / 100 % 100, key % 100);
  return buf;
}

// The out-of-office code for a role: <first trio>ELI, or the role itself when it is opposition.
std::string FormerCode(const std::string& code) {
  if (code.size() >= 6 && code.compare(3, 3, "OPP") == 0) return code;
  if (code.size() < 3) return code;
  return code.substr(0, 3) + "ELI";
}

}  // namespace

ActorEntry MakeEntry(EntryKind kind, std::string code, std::string country, std::string sector, std::string name,
                     std::string source) {
  ActorEntry e;
  e.kind = kind;
  e.code = std::move(code);
  e.country = std::move(country);
  e.sector = std::move(sector);
  e.name = std::move(name);
  e.source = std::move(source);
  return e;
}

bool InOffice(const ActorEntry& entry, int date) {
  for (const auto& r : entry.roles) {
    if (r.from <= date && date <= r.to) return true;
  }
  return false;
}

ResolvedRole ResolveRole(const ActorEntry& entry, int date, bool former) {
  ResolvedRole out;
  const ActorRole* in_force = nullptr;   // latest-starting role in force on date
  const ActorRole* last_before = nullptr;  // latest-starting role that started on or before date
  const ActorRole* first = nullptr;
  for (const auto& r : entry.roles) {
    if (first == nullptr || r.from < first->from) first = &r;
    if (r.from <= date && (last_before == nullptr || r.from >= last_before->from)) last_before = &r;
    if (r.from <= date && date <= r.to && (in_force == nullptr || r.from > in_force->from)) in_force = &r;
  }
  std::string day = KeyToIso(date);
  if (in_force != nullptr && !former) {
    out.code = in_force->code;
    out.role = in_force->role;
    out.from = in_force->from_text;
    out.to = in_force->to_text;
    out.in_office = true;
    out.why = "role in force on " + day + " (" + in_force->source + ")";
    return out;
  }
  const ActorRole* base = in_force != nullptr ? in_force : (last_before != nullptr ? last_before : first);
  if (base == nullptr) return out;
  out.code = FormerCode(base->code);
  out.role = "former " + base->role;
  out.from = base->from_text;
  out.to = base->to_text;
  if (former) {
    out.why = "\"former\" before the name: out of office (" + base->source + ")";
  } else if (last_before == nullptr) {
    out.why = "no role yet on " + day + "; first role " + base->role + " (" + base->source + ")";
  } else {
    out.why = "last role ended before " + day + " (" + base->source + ")";
  }
  return out;
}

ActorIndex::ActorIndex() { node_candidates_.emplace_back(); }

uint32_t ActorIndex::InternWord(const std::string& folded) {
  uint32_t id = words_.Intern(folded);
  if (id >= root_child_.size()) root_child_.resize(id + 1, kNoNode);
  return id;
}

uint32_t ActorIndex::WordId(std::string_view folded) const {
  uint32_t id = words_.Find(folded);
  return id == FlatStringIds::kMissing ? kNoWord : id;
}

uint32_t ActorIndex::Child(uint32_t node, uint32_t word) const {
  if (node == kRoot) return word < root_child_.size() ? root_child_[word] : kNoNode;
  uint32_t child = edges_.Find((static_cast<uint64_t>(node) << 32) | word);
  return child == FlatMap64::kMissing ? kNoNode : child;
}

const std::vector<ActorIndex::Candidate>& ActorIndex::CandidatesAt(uint32_t node) const {
  return node_candidates_[node];
}

uint32_t ActorIndex::AddEntry(ActorEntry entry) {
  entries_.push_back(std::move(entry));
  return static_cast<uint32_t>(entries_.size() - 1);
}

uint32_t ActorIndex::PersonEntry(const std::string& name, const std::string& source, bool imported) {
  std::string key = name + (imported ? "\x1fi" : "\x1f");
  auto it = persons_.find(key);
  if (it != persons_.end()) return it->second;
  ActorEntry e;
  e.kind = EntryKind::kPerson;
  e.name = name;
  e.source = source;
  e.imported = imported;
  uint32_t id = AddEntry(std::move(e));
  persons_.emplace(std::move(key), id);
  return id;
}

void ActorIndex::AddPhrase(std::string_view phrase, uint32_t entry_id, bool imported_case) {
  std::vector<std::string> words = SplitPhrase(phrase);
  // Bounded by the masks' width; longer names do not occur in news.
  if (words.empty() || words.size() > 32) return;
  const bool case_free = entries_[entry_id].kind == EntryKind::kAgent;
  Candidate cand{entry_id, 0, 0};
  uint32_t node = kRoot;
  std::string folded;
  for (size_t k = 0; k < words.size(); ++k) {
    if (!case_free) {
      if (imported_case) {
        if (k == 0) cand.upper_mask |= 1u << k;
      } else if (IsAcronym(words[k]) && words[k].size() <= 3) {
        cand.acronym_mask |= 1u << k;  // "US", "IS", "AP": never "us", "is", "ap"
      } else if (IsAcronym(words[k])) {
        cand.upper_mask |= 1u << k;  // "NATO" / "Nato", "ISIS" / "Isis": house styles differ
      } else if (StartsUpper(words[k])) {
        cand.upper_mask |= 1u << k;
      }
    }
    FoldKey(words[k], &folded);
    uint32_t w = InternWord(folded);
    uint32_t next = Child(node, w);
    if (next == kNoNode) {
      next = static_cast<uint32_t>(node_candidates_.size());
      node_candidates_.emplace_back();
      if (node == kRoot) {
        root_child_[w] = next;
      } else {
        edges_.Insert((static_cast<uint64_t>(node) << 32) | w, next);
      }
    }
    node = next;
  }
  auto& list = node_candidates_[node];
  for (const auto& c : list) {
    if (c.entry == entry_id) return;  // same phrase twice for one entry (alias repeats the name)
  }
  list.push_back(cand);
  ++phrases_;
  max_words_ = std::max(max_words_, words.size());
}

void ActorIndex::AddTables(const ActorTables& t) {
  for (const auto& c : t.countries) {
    std::string src = c.source.ToString();
    uint32_t name_id = AddEntry(MakeEntry(EntryKind::kCountry, c.code, c.code, "", c.name, src));
    AddPhrase(c.name, name_id);
    for (const auto& a : c.aliases) AddPhrase(a, name_id);
    if (!c.adjectives.empty()) {
      uint32_t adj = AddEntry(MakeEntry(EntryKind::kAdjective, c.code, c.code, "", c.name, src));
      for (const auto& a : c.adjectives) AddPhrase(a, adj);
    }
    if (!c.metonyms.empty()) {
      uint32_t met = AddEntry(MakeEntry(EntryKind::kMetonym, c.code + "GOV", c.code, "government", c.name, src));
      for (const auto& m : c.metonyms) AddPhrase(m, met);
    }
  }
  for (const auto& r : t.regions) {
    std::string src = r.source.ToString();
    uint32_t id = AddEntry(MakeEntry(EntryKind::kRegion, r.code, r.code, "", r.name, src));
    AddPhrase(r.name, id);
    for (const auto& a : r.aliases) AddPhrase(a, id);
    if (!r.adjectives.empty()) {
      uint32_t adj = AddEntry(MakeEntry(EntryKind::kAdjective, r.code, r.code, "", r.name, src));
      for (const auto& a : r.adjectives) AddPhrase(a, adj);
    }
  }
  for (const auto& o : t.organisations) {
    std::string country = !o.country.empty() ? o.country : o.code.substr(0, 3);
    uint32_t id = AddEntry(MakeEntry(EntryKind::kOrganisation, o.code, country, "", o.name, o.source.ToString()));
    AddPhrase(o.name, id);
    for (const auto& a : o.aliases) AddPhrase(a, id);
  }
  // Role trio -> sector, by majority over the agent nouns with that single role ("GOV" -> government).
  std::map<std::string, std::map<std::string, int>> votes;
  for (const auto& a : t.agents) {
    if (a.role.size() == 3 && !a.sector.empty()) ++votes[a.role][a.sector];
  }
  for (const auto& [role, counts] : votes) {
    auto best = std::max_element(counts.begin(), counts.end(),
                                 [](const auto& x, const auto& y) { return x.second < y.second; });
    role_sector_[role] = best->first;
  }
  for (const auto& a : t.agents) {
    std::string src = a.source.ToString();
    uint32_t one = AddEntry(MakeEntry(EntryKind::kAgent, a.role, "", a.sector, a.noun, src));
    AddPhrase(a.noun, one);
    if (!a.plural.empty() && a.plural != a.noun) {
      ActorEntry many = MakeEntry(EntryKind::kAgent, a.role, "", a.sector, a.noun, src);
      many.plural = true;
      AddPhrase(a.plural, AddEntry(std::move(many)));
    }
  }
  for (const auto& p : t.persons) {
    uint32_t id = PersonEntry(p.name, p.source.ToString(), false);
    ActorEntry& e = entries_[id];
    ActorRole r;
    r.code = p.code;
    r.from = p.from.empty() ? 0 : p.from.Earliest();
    r.to = p.to.empty() ? 99999999 : p.to.Latest();
    r.from_text = p.from.ToString();
    r.to_text = p.to.ToString();
    r.role = p.role;
    r.source = p.source.ToString();
    if (e.country.empty()) e.country = p.code.substr(0, 3);
    e.roles.push_back(std::move(r));
    AddPhrase(p.name, id);
    for (const auto& a : p.aliases) AddPhrase(a, id);
  }
}

std::vector<uint32_t> ActorIndex::EntriesWithCode(std::string_view code) const {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const auto& e = entries_[i];
    bool hit = e.kind != EntryKind::kAgent && e.code == code;
    for (const auto& r : e.roles) hit = hit || r.code == code;
    if (hit) out.push_back(i);
  }
  return out;
}

std::vector<uint32_t> ActorIndex::Lookup(std::string_view phrase) const {
  uint32_t node = kRoot;
  std::string folded;
  for (const auto& w : SplitPhrase(phrase)) {
    FoldKey(w, &folded);
    uint32_t id = WordId(folded);
    if (id == kNoWord) return {};
    node = Child(node, id);
    if (node == kNoNode) return {};
  }
  std::vector<uint32_t> out;
  if (node == kRoot) return out;
  for (const auto& c : node_candidates_[node]) out.push_back(c.entry);
  std::stable_sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) {
    return EntryPriority(entries_[a].kind) < EntryPriority(entries_[b].kind);
  });
  return out;
}

}  // namespace dyad::actors

namespace dyad::actors {

std::string_view ActorIndex::SectorForCode(std::string_view code) const {
  if (code.size() < 3) return {};
  if (code.substr(0, 3) == "IGO") return "igo";
  if (code.substr(0, 3) == "NGO") return "ngo";
  for (size_t at = 3; at + 3 <= code.size(); at += 3) {
    auto it = role_sector_.find(std::string(code.substr(at, 3)));
    if (it != role_sector_.end()) return it->second;
  }
  return {};
}

}  // namespace dyad::actors
