// CheckActorTables: cross-file validation of the actor tables (see actor_tables.h for the rules).
#include <algorithm>
#include <cctype>
#include <climits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dict/actor_tables.h"

namespace dyad {
namespace {

// CAMEO role codes (manual table 3.1: primary, secondary, tertiary; PTY from 3.1.4; SET for settlers and
// REL for generic religious actors from the regional tables; PKO from IGOPKO) plus the international
// generic codes of table 3.2, which agents and organisation suffixes use as role blocks too.
constexpr std::string_view kRoleCodes[] = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF",                       // primary
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED",  // secondary
    "REF", "MOD", "RAD", "PTY", "SET", "REL", "PKO",                                            // others
    "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS",                                            // table 3.2
};

// First trios that are not countries or regions: international generics (table 3.2) and the ethnic
// (table 10.1) and religious (table 4.1) identity codes the manual lets stand first.
constexpr std::string_view kPrefixCodes[] = {
    "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS",                                            // generic
    "ABN", "ARB", "BED", "CKM", "CRO", "GYP", "HAU", "HUT", "IBO", "IJW", "KRH", "KUR", "MAN",  // ethnic
    "OGO", "PAL", "SER", "SLV", "SNL", "TAM", "TRG", "TRK", "TUT", "UIG",                       //
    "ATH", "BAH", "BUD", "CHR", "CON", "HIN", "JAN", "JEW", "MOS", "SHN", "SIK", "TAO",         // religion
    "ABR", "ADR", "EAR", "INR", "IRR", "ITR", "NRM",                                            //
};

constexpr std::string_view kOrganisationKinds[] = {"IGO",   "NGO",       "MEDIA", "BUSINESS",
                                                   "ARMED", "PARTY",     "RELIGIOUS", "STATE"};

// PLOVER sectors as words (manual table 5.2), plus "insurgent" for CAMEO INS rows and igo/ngo for the
// generic international actors PLOVER keeps in its country field.
constexpr std::string_view kSectors[] = {
    "government", "military",  "legislature", "judiciary",   "police",   "paramilitary", "party",
    "rebel",      "insurgent", "intelligence", "armed",      "unknown",  "agriculture",  "business",
    "criminal",   "civilian",  "education",   "elite",       "media",    "labor",        "health",
    "refugee",    "opposition", "religious",  "society",     "igo",      "ngo",
};

template <size_t N>
bool In(const std::string_view (&set)[N], std::string_view s) {
  return std::find(std::begin(set), std::end(set), s) != std::end(set);
}

// Upper-case ASCII letters in whole trios, between 1 and max_trios of them.
bool IsTrios(std::string_view code, size_t max_trios) {
  if (code.empty() || code.size() % 3 != 0 || code.size() > 3 * max_trios) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

class Checker {
 public:
  explicit Checker(const ActorTables& t) : t_(t) {}

  std::vector<TableIssue> Run() {
    for (const TableFile& f : t_.files) {
      if (f.reviewed_to.empty()) Add({f.file, 1}, "missing '# reviewed to: <month>' comment");
    }
    IndexCodes();
    CheckCountries();
    CheckRegions();
    CheckOrganisations();
    CheckAgents();
    CheckPersons();
    return std::move(issues_);
  }

 private:
  void Add(const SourceLine& at, std::string message) { issues_.push_back({at, std::move(message), false}); }
  void Warn(const SourceLine& at, std::string message) { issues_.push_back({at, std::move(message), true}); }

  // Stray spaces and empty cells inside a text value.
  void CheckText(const SourceLine& at, std::string_view what, std::string_view s, bool required) {
    if (s.empty()) {
      if (required) Add(at, std::string(what) + " is empty");
      return;
    }
    if (s.front() == ' ' || s.back() == ' ') Add(at, std::string(what) + " " + Quote(s) + " has stray spaces");
  }
  void CheckList(const SourceLine& at, std::string_view what, const std::vector<std::string>& items) {
    for (const std::string& item : items) {
      if (item.empty()) {
        Add(at, "empty item in " + std::string(what) + " list");
      } else {
        CheckText(at, what, item, true);
      }
    }
  }

  void IndexCodes() {
    for (const CountryRow& c : t_.countries) {
      countries_.insert(c.code);
      if (c.code.size() == 3) country_trios_.insert(c.code);
    }
    for (const RegionRow& r : t_.regions) regions_.insert(r.code);
    for (const OrganisationRow& o : t_.organisations) organisations_.insert(o.code);
  }

  // A code's first trio must name a country, a region, or an international/identity prefix.
  bool KnownFirstTrio(std::string_view code) const {
    std::string first(code.substr(0, 3));
    return country_trios_.count(first) > 0 || regions_.count(first) > 0 || In(kPrefixCodes, first);
  }

  // Each alias maps to one code within a table; the first row that used it wins, later ones are flagged.
  using AliasIndex = std::map<std::string, std::pair<std::string, SourceLine>>;
  void Claim(AliasIndex* index, const std::string& alias, const std::string& code, const SourceLine& at) {
    if (alias.empty()) return;
    auto [it, inserted] = index->emplace(alias, std::make_pair(code, at));
    if (!inserted && it->second.first != code) {
      Add(at, Quote(alias) + " maps to " + code + " here but to " + it->second.first + " at " +
                  it->second.second.ToString());
    }
  }

  void CheckCountries() {
    std::map<std::string, SourceLine> codes, iso2s;
    AliasIndex names;
    for (const CountryRow& c : t_.countries) {
      const SourceLine& at = c.source;
      if (!(IsTrios(c.code, 2))) {
        Add(at, "country code " + Quote(c.code) + " must be 3 upper-case letters (6 for a breakaway entity)");
      } else if (c.code.size() == 6 && country_trios_.count(c.code.substr(0, 3)) == 0) {
        Add(at, "country code " + c.code + ": " + c.code.substr(0, 3) + " is not a country row");
      }
      if (auto [it, ok] = codes.emplace(c.code, at); !ok) {
        Add(at, "duplicate country code " + c.code + " (first at " + it->second.ToString() + ")");
      }
      if (!c.iso2.empty()) {
        bool well_formed = c.iso2.size() == 2 && std::isupper(static_cast<unsigned char>(c.iso2[0])) &&
                           std::isupper(static_cast<unsigned char>(c.iso2[1]));
        if (!well_formed) Add(at, "iso2 " + Quote(c.iso2) + " must be 2 upper-case letters");
        if (auto [it, ok] = iso2s.emplace(c.iso2, at); !ok) {
          Add(at, "duplicate iso2 " + c.iso2 + " (first at " + it->second.ToString() + ")");
        }
      }
      CheckText(at, "name", c.name, true);
      CheckList(at, "aliases", c.aliases);
      CheckList(at, "adjectives", c.adjectives);
      CheckList(at, "metonyms", c.metonyms);
      for (const std::string& r : c.regions) {
        if (regions_.count(r) == 0) Add(at, "unknown region code " + Quote(r));
      }
      Claim(&names, c.name, c.code, at);
      for (const auto* list : {&c.aliases, &c.adjectives, &c.metonyms}) {
        for (const std::string& a : *list) Claim(&names, a, c.code, at);
      }
    }
  }

  void CheckRegions() {
    std::map<std::string, SourceLine> codes;
    AliasIndex names;
    for (const RegionRow& r : t_.regions) {
      const SourceLine& at = r.source;
      if (!IsTrios(r.code, 1)) Add(at, "region code " + Quote(r.code) + " must be 3 upper-case letters");
      if (auto [it, ok] = codes.emplace(r.code, at); !ok) {
        Add(at, "duplicate region code " + r.code + " (first at " + it->second.ToString() + ")");
      }
      if (country_trios_.count(r.code) > 0) Add(at, "region code " + r.code + " is also a country code");
      CheckText(at, "name", r.name, true);
      CheckList(at, "aliases", r.aliases);
      CheckList(at, "adjectives", r.adjectives);
      Claim(&names, r.name, r.code, at);
      for (const auto* list : {&r.aliases, &r.adjectives}) {
        for (const std::string& a : *list) Claim(&names, a, r.code, at);
      }
    }
  }

  // Shared by organisations and persons: well-formed actor code with a known first trio.
  bool CheckActorCode(const SourceLine& at, std::string_view code) {
    if (!IsTrios(code, 6)) {
      Add(at, "code " + Quote(code) + " must be upper-case letters in trios (3 to 18 letters)");
      return false;
    }
    if (!KnownFirstTrio(code)) {
      Add(at, "unknown country code " + std::string(code.substr(0, 3)) + " in " + std::string(code));
      return false;
    }
    return true;
  }

  void CheckOrganisations() {
    AliasIndex names;
    for (const OrganisationRow& o : t_.organisations) {
      const SourceLine& at = o.source;
      CheckActorCode(at, o.code);
      CheckText(at, "name", o.name, true);
      CheckList(at, "aliases", o.aliases);
      if (!In(kOrganisationKinds, o.kind)) Add(at, "unknown kind " + Quote(o.kind));
      if (!o.country.empty() && countries_.count(o.country) == 0) {
        Add(at, "unknown country code " + Quote(o.country));
      }
      Claim(&names, o.name, o.code, at);
      for (const std::string& a : o.aliases) Claim(&names, a, o.code, at);
    }
  }

  void CheckAgents() {
    AliasIndex nouns;
    for (const AgentRow& a : t_.agents) {
      const SourceLine& at = a.source;
      CheckText(at, "noun", a.noun, true);
      CheckText(at, "plural", a.plural, true);
      if (!IsTrios(a.role, 3)) {
        Add(at, "role " + Quote(a.role) + " must be 1 to 3 upper-case role codes");
      } else {
        for (size_t i = 0; i < a.role.size(); i += 3) {
          std::string_view trio = std::string_view(a.role).substr(i, 3);
          if (!In(kRoleCodes, trio)) Add(at, "unknown role code " + Quote(trio) + " in " + a.role);
        }
      }
      if (!In(kSectors, a.sector)) Add(at, "unknown sector " + Quote(a.sector));
      Claim(&nouns, a.noun, a.role, at);
      Claim(&nouns, a.plural, a.role, at);
    }
  }

  // A person's code must say what the person is: a role trio after the first, or an organisation code
  // (IGOUNO, LBNREBHEZ) or breakaway entity (GEOABK) it extends. A bare country code is allowed.
  bool CodeHasRole(const std::string& code) const {
    if (code.size() == 3) return true;
    for (size_t i = 3; i < code.size(); i += 3) {
      if (In(kRoleCodes, std::string_view(code).substr(i, 3))) return true;
    }
    for (size_t n = 6; n <= code.size(); n += 3) {
      std::string prefix = code.substr(0, n);
      if (organisations_.count(prefix) > 0 || countries_.count(prefix) > 0) return true;
    }
    return false;
  }

  struct Holder {
    const PersonRow* row;
    int from;
    int to;
  };

  void CheckPersons() {
    std::map<std::string, std::vector<Holder>> by_alias;
    for (const PersonRow& p : t_.persons) {
      const SourceLine& at = p.source;
      CheckText(at, "name", p.name, true);
      CheckList(at, "aliases", p.aliases);
      CheckText(at, "role", p.role, false);
      if (CheckActorCode(at, p.code) && !CodeHasRole(p.code)) {
        Add(at, "no known role code in " + Quote(p.code));
      }
      if (!p.from.empty() && !p.to.empty() && p.from.Earliest() > p.to.Latest()) {
        Add(at, "from " + p.from.ToString() + " is after to " + p.to.ToString());
      }
      Holder h{&p, p.from.empty() ? INT_MIN : p.from.Earliest(), p.to.empty() ? INT_MAX : p.to.Latest()};
      std::set<std::string> seen;  // an alias listed twice on one row counts once
      if (!p.name.empty()) seen.insert(p.name);
      for (const std::string& a : p.aliases) {
        if (!a.empty()) seen.insert(a);
      }
      for (const std::string& a : seen) by_alias[a].push_back(h);
    }
    // One alias, two different persons, overlapping dates: the alias cannot be resolved on those dates.
    // Reported once per (alias, pair of persons).
    for (const auto& [alias, holders] : by_alias) {
      std::set<std::pair<std::string, std::string>> reported;
      for (size_t i = 0; i < holders.size(); ++i) {
        for (size_t j = i + 1; j < holders.size(); ++j) {
          const Holder& a = holders[i];
          const Holder& b = holders[j];
          if (a.row->name == b.row->name || a.from > b.to || b.from > a.to) continue;
          if (a.row->code == b.row->code) continue;  // same code: ambiguity does not change the coding
          if (!reported.emplace(a.row->name, b.row->name).second) continue;
          Warn(b.row->source, Quote(alias) + " names both " + Quote(b.row->name) + " (" + b.row->code + ") and " +
                                 Quote(a.row->name) + " (" + a.row->code + ", " + a.row->source.ToString() +
                                 ") on overlapping dates");
        }
      }
    }
  }

  const ActorTables& t_;
  std::set<std::string> countries_;      // every country code (3 or 6 letters)
  std::set<std::string> country_trios_;  // 3-letter country codes
  std::set<std::string> regions_;
  std::set<std::string> organisations_;
  std::vector<TableIssue> issues_;
};

}  // namespace

std::vector<TableIssue> CheckActorTables(const ActorTables& tables) { return Checker(tables).Run(); }

Status ValidateActorTables(const ActorTables& tables, size_t max_listed) {
  std::vector<TableIssue> issues;
  for (TableIssue& i : CheckActorTables(tables)) {
    if (!i.warning) issues.push_back(std::move(i));
  }
  if (issues.empty()) return Status::Ok();
  std::string m = std::to_string(issues.size()) + " problem(s) in the actor tables";
  for (size_t i = 0; i < issues.size() && i < max_listed; ++i) m += "\n" + issues[i].ToString();
  if (issues.size() > max_listed) m += "\n...";
  return Status::InvalidInput(std::move(m));
}

}  // namespace dyad
