// ActorIndex: every actor name dyad knows, compiled once into a phrase trie over folded words.
//
// Built from dyad's own tables (dict/actor_tables.h) and, optionally, imported TABARI/PETRARCH
// dictionaries (tabari_dictionary.h). Immutable after Build(); shared by all threads.
//
// Matching cost does not grow with the dictionary: words are interned to ids (one hash lookup per
// token), and the trie's edges live in one hash map keyed by (node, word id), so walking a phrase is
// one lookup per word whatever the number of entries.
//
// Case awareness: each entry remembers, per word, whether the text must be capitalised there (names:
// "Turkey" not "turkey") or all upper case (acronyms of up to three letters: "US" not "us", "IS",
// "AP"; longer ones also match capitalised, as house styles write "Nato", "Isis"). Agent nouns
// ("officials", "Foreign Minister") match in any case. Imported dictionaries are all upper case, so
// their names only require a capitalised first word.
//
// Priority among entries of one phrase (written down, used by the stage): person > organisation >
// country (name, metonym, region, adjective) > agent noun; then dyad's own tables before imports;
// then file order.
//
// Date-bounded roles: ResolveRole() picks the role in force on a date (YYYYMMDD); after the last role
// ended a person is <country>ELI, or keeps OPP when the last role was opposition; `former` forces the
// out-of-office reading.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/flat_hash.h"
#include "dict/actor_tables.h"
#include "dyad/status.h"

namespace dyad::actors {

enum class EntryKind : uint8_t {
  kPerson = 0,
  kOrganisation = 1,
  kCountry = 2,    // country name or alias: code = country code
  kMetonym = 3,    // "Tehran", "the Kremlin": code = <country>GOV
  kRegion = 4,     // "the West": code = region code
  kAdjective = 5,  // "Iranian", "Russians": code = country (or region) code
  kAgent = 6,      // "officials", "foreign minister": code = role block, composed with an actor
};
std::string_view EntryKindName(EntryKind k);
int EntryPriority(EntryKind k);  // lower wins: person 0, organisation 1, country kinds 2, agent 3

struct ActorRole {
  std::string code;
  int from = 0;         // YYYYMMDD, earliest reading; 0 = open
  int to = 99999999;    // YYYYMMDD, latest reading; 99999999 = open
  std::string from_text, to_text;
  std::string role;     // "President of Iran"
  std::string source;   // file:line
};

struct ActorEntry {
  EntryKind kind = EntryKind::kCountry;
  std::string code;     // resolved code for non-persons; agents: the role block ("GOV", "IGOPKO")
  std::string country;  // country / region / IGO trio the entry belongs to
  std::string sector;   // PLOVER sector word for agents ("government"); "" otherwise
  std::string name;     // canonical name
  std::string source;   // file:line of the row
  bool plural = false;  // agents: the plural form ("officials"); adjectives: demonym plural
  bool imported = false;
  std::vector<ActorRole> roles;  // persons only
};

// An entry without roles (roles are added to persons afterwards).
ActorEntry MakeEntry(EntryKind kind, std::string code, std::string country, std::string sector, std::string name,
                     std::string source);

struct ResolvedRole {
  std::string code;
  std::string role;   // title of the role used, or "former <title>" for the out-of-office reading
  std::string from, to;
  std::string why;    // "in office on 2022-07-18 (persons/middle_east.tsv:12)"
  bool in_office = false;
};

// The role of a person entry on `date` (YYYYMMDD). REQUIRES: entry.kind == kPerson, roles non-empty.
ResolvedRole ResolveRole(const ActorEntry& entry, int date, bool former);
// True when some role of the entry is in force on date.
bool InOffice(const ActorEntry& entry, int date);

// "2022-07-18" -> 20220718; "" or malformed -> today's date (UTC).
int DateKey(std::string_view iso_date);
// Whether `iso_date` is a date DateKey reads (else DateKey falls back to today).
bool IsFullDate(std::string_view iso_date);
int TodayKey();

class ActorIndex {
 public:
  static constexpr uint32_t kNoWord = UINT32_MAX;
  static constexpr uint32_t kNoNode = UINT32_MAX;
  static constexpr uint32_t kRoot = 0;

  ActorIndex();

  // Adds dyad's tables (countries, regions, organisations, agents, persons).
  void AddTables(const ActorTables& tables);
  // Adds one entry under one phrase (the phrase is split with SplitPhrase). Entries under the same
  // canonical person name share one ActorEntry: use AddPersonRole for persons.
  uint32_t AddEntry(ActorEntry entry);
  void AddPhrase(std::string_view phrase, uint32_t entry_id, bool imported_case = false);
  // Persons are grouped by (name, namespace): each role row is appended to one entry.
  uint32_t PersonEntry(const std::string& name, const std::string& source, bool imported);

  // --- Matching ---
  uint32_t WordId(std::string_view folded) const;   // kNoWord when no phrase uses the word
  uint32_t Child(uint32_t node, uint32_t word) const;  // kNoNode when there is no edge

  struct Candidate {
    uint32_t entry;
    uint32_t upper_mask;    // bit k: word k must start upper case
    uint32_t acronym_mask;  // bit k: word k must be all upper case
  };
  const std::vector<Candidate>& CandidatesAt(uint32_t node) const;

  const ActorEntry& entry(uint32_t id) const { return entries_[id]; }
  ActorEntry& mutable_entry(uint32_t id) { return entries_[id]; }  // while building only
  size_t entry_count() const { return entries_.size(); }
  size_t phrase_count() const { return phrases_; }
  size_t node_count() const { return node_candidates_.size(); }
  size_t max_phrase_words() const { return max_words_; }

  // Every entry whose resolved code (for persons: any role's code) equals `code`.
  std::vector<uint32_t> EntriesWithCode(std::string_view code) const;
  // Entries matching a whole phrase exactly (folded), for `dyad actors lookup`.
  std::vector<uint32_t> Lookup(std::string_view phrase) const;
  // PLOVER sector of a full actor code ("IRNGOV" -> "government", "LBNREBHEZ" -> "rebel", "IGOUNO" ->
  // "igo"): the first role trio after the country that the agents table gives a sector; "" if none.
  std::string_view SectorForCode(std::string_view code) const;

 private:
  uint32_t InternWord(const std::string& folded);

  FlatStringIds words_;
  FlatMap64 edges_;                  // (node << 32 | word) -> child node, below the root
  std::vector<uint32_t> root_child_;  // word -> child of the root (the first step of every match)
  std::vector<std::vector<Candidate>> node_candidates_;
  std::vector<ActorEntry> entries_;
  std::unordered_map<std::string, uint32_t> persons_;  // "name\x1fimported" -> entry
  std::unordered_map<std::string, std::string> role_sector_;  // role trio -> its most common agent sector
  size_t phrases_ = 0;
  size_t max_words_ = 0;
};

}  // namespace dyad::actors
