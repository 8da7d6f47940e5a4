// The actors stage: dictionary matching, composition, titles and appositions. Coreference: coref.cc.
#include "actors/actor_stage.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "actors/company_names.h"
#include "actors/coref.h"
#include "actors/fold.h"
#include "actors/spans.h"
#include "core/case_marker.h"

namespace dyad::actors {
namespace {

constexpr size_t kMaxGap = 3;        // modifiers allowed between an actor and its agent noun
constexpr size_t kMaxNameWords = 4;  // unknown names after a title
constexpr size_t kApposWindow = 10;  // tokens after "Name," searched for the apposed actor

bool IsInternationalRole(std::string_view role) {
  static constexpr std::array<std::string_view, 7> kGeneric = {"IGO", "NGO", "INT", "UIS", "NGM", "MNC", "IMG"};
  for (auto g : kGeneric) {
    if (role.starts_with(g)) return true;
  }
  return false;
}

bool IsCountryKind(EntryKind k) {
  return k == EntryKind::kCountry || k == EntryKind::kAdjective || k == EntryKind::kMetonym ||
         k == EntryKind::kRegion;
}

MentionKind MentionKindOf(EntryKind k) {
  switch (k) {
    case EntryKind::kPerson: return MentionKind::kPerson;
    case EntryKind::kOrganisation: return MentionKind::kOrganisation;
    case EntryKind::kAgent: return MentionKind::kAgent;
    default: return MentionKind::kCountry;
  }
}

class ActorStage final : public Stage {
 public:
  ActorStage(std::shared_ptr<const ActorIndex> index, ActorStageOptions options)
      : index_(std::move(index)), options_(std::move(options)) {}
  std::string_view name() const override { return "actors"; }
  uint32_t Requires() const override { return kLayerTags; }
  uint32_t Provides() const override { return kLayerMentions; }
  Status Process(Document& doc, StageScratch*) const override;

 private:
  struct Ctx {
    Document& doc;
    int date;
    bool parsed;
    bool undated;  // neither the document nor the options give a date: `date` is today's
    std::vector<uint32_t> word;         // folded word id per token
    std::vector<std::string> folded;    // folded form per token
    std::vector<int> owner;             // span index covering a token, -1 none (per sentence)
  };

  void MatchSentence(Ctx& c, uint32_t first, uint32_t end, std::vector<Span>& out) const;
  bool CasesFit(const Ctx& c, uint32_t start, const ActorIndex::Candidate& cand, size_t n) const;
  uint32_t PickCandidate(const Ctx& c, uint32_t start, uint32_t node, size_t n) const;
  Span SpanFromEntry(const Ctx& c, uint32_t first, uint32_t end, uint32_t entry) const;
  void Compose(Ctx& c, uint32_t first, uint32_t end, std::vector<Span>& spans) const;
  void Titles(Ctx& c, uint32_t first, uint32_t end, std::vector<Span>& spans) const;
  void Appositions(Ctx& c, uint32_t first, uint32_t end, std::vector<Span>& spans) const;
  static void LocateDomesticAgents(const Ctx& c, std::vector<Span>& spans);
  static void DropAgencyCredits(const Document& doc, uint32_t first, uint32_t end, std::vector<Span>& spans);
  static bool OfOrFrom(const Document& doc, uint32_t nmod_head);
  bool FormerBefore(const Ctx& c, uint32_t sentence_first, uint32_t at) const;
  void SetPersonCode(const Ctx& c, Span& s, bool former) const;
  void PreferTitledRole(const Ctx& c, const Span& title, Span& person) const;

  std::shared_ptr<const ActorIndex> index_;
  ActorStageOptions options_;
};

bool UpperAt(const Document& doc, uint32_t i) { return StartsUpper(doc.token(i).text()); }

bool IsNameToken(const Document& doc, uint32_t i) {
  Token t = doc.token(i);
  if (!StartsUpper(t.text())) return false;
  if (t.upos() != Upos::kNone) return t.upos() == Upos::PROPN;
  return true;
}

// A capitalised word before a surname that is not an honorific and not one of the person's own names.
static bool OtherGivenName(std::string_view word, std::string_view canonical) {
  for (size_t at = canonical.find(word); at != std::string_view::npos; at = canonical.find(word, at + 1)) {
    const bool starts = at == 0 || canonical[at - 1] == ' ' || canonical[at - 1] == '-';
    const size_t after = at + word.size();
    const bool ends = after == canonical.size() || canonical[after] == ' ' || canonical[after] == '-';
    if (starts && ends) return false;
  }
  return true;
}

bool ActorStage::CasesFit(const Ctx& c, uint32_t start, const ActorIndex::Candidate& cand, size_t n) const {
  for (size_t k = 0; k < n && k < 32; ++k) {
    std::string_view text = c.doc.token(start + static_cast<uint32_t>(k)).text();
    if ((cand.acronym_mask >> k & 1u) && !IsAcronym(text)) return false;
    if ((cand.upper_mask >> k & 1u) && !StartsUpper(text)) return false;
  }
  return true;
}

// The best entry at a trie node: priority, then dyad's own before imported, then (persons sharing a
// name) the one in office on the date, then table order.
uint32_t ActorStage::PickCandidate(const Ctx& c, uint32_t start, uint32_t node, size_t n) const {
  uint32_t best = UINT32_MAX;
  std::tuple<int, int, int> best_key{9, 9, 9};
  for (const auto& cand : index_->CandidatesAt(node)) {
    if (!CasesFit(c, start, cand, n)) continue;
    const ActorEntry& e = index_->entry(cand.entry);
    int in_office = e.kind == EntryKind::kPerson && InOffice(e, c.date) ? 0 : 1;
    std::tuple<int, int, int> key{EntryPriority(e.kind), e.imported ? 1 : 0, in_office};
    if (best == UINT32_MAX || key < best_key) {
      best = cand.entry;
      best_key = key;
    }
  }
  return best;
}

Span ActorStage::SpanFromEntry(const Ctx& c, uint32_t first, uint32_t end, uint32_t id) const {
  const ActorEntry& e = index_->entry(id);
  Span s;
  s.first = first;
  s.end = end;
  s.head = end - 1;
  s.entry = id;
  s.entry_kind = e.kind;
  s.kind = MentionKindOf(e.kind);
  s.name = e.name;
  s.rule = e.source;
  s.plural = e.plural;
  if (e.kind == EntryKind::kPerson) {
    SetPersonCode(c, s, false);
  } else if (e.kind == EntryKind::kAgent) {
    s.role = e.code;
    s.sector = e.sector;
    s.bare_agent = true;
  } else {
    s.code = e.code;
    s.country = e.country;
    s.sector = e.kind == EntryKind::kMetonym ? std::string("government") : std::string(index_->SectorForCode(e.code));
  }
  return s;
}

void ActorStage::SetPersonCode(const Ctx& c, Span& s, bool former) const {
  const ActorEntry& e = index_->entry(s.entry);
  if (e.roles.empty()) return;
  ResolvedRole r = ResolveRole(e, c.date, former);
  if (c.undated && !former && !r.in_office) {
    // An undated article about someone out of office today was most likely written while they held office:
    // their latest government role, else their latest role that is not "former" (ELI).
    const ActorRole* pick = nullptr;
    for (int pass = 0; pass < 2 && pick == nullptr; ++pass) {
      for (const auto& role : e.roles) {
        const bool fits = pass == 0 ? role.code.size() >= 6 && role.code.compare(3, 3, "GOV") == 0
                                    : !(role.code.size() >= 6 && role.code.compare(3, 3, "ELI") == 0);
        if (fits && (pick == nullptr || role.from > pick->from)) pick = &role;
      }
    }
    if (pick != nullptr) {
      s.code = pick->code;
      s.country = pick->code.substr(0, 3);
      s.sector = index_->SectorForCode(pick->code);
      s.rule = "undated:" + pick->source;
      return;
    }
  }
  s.code = r.code;
  s.country = r.code.substr(0, 3);
  s.sector = index_->SectorForCode(r.code);
  s.rule = (former ? "former:" : "") + (r.in_office ? e.source : "out-of-office:" + e.source);
  for (const auto& role : e.roles) {
    if (role.code == r.code && !former && r.in_office && role.role == r.role) s.rule = role.source;
  }
}

// "Iranian President Ebrahim Raisi" in an article whose date finds him out of office (or that has no
// date, so today's is used): the text itself says which office he holds at the time it tells of, so
// his role with the title's sector (and country, when the title has one) is coded rather than ELI.
// A person in office on the date keeps the dated role ("President Biden" in 2022 stays USAGOV).
void ActorStage::PreferTitledRole(const Ctx& c, const Span& title, Span& person) const {
  if (person.entry == UINT32_MAX || title.role.empty()) return;
  const ActorEntry& e = index_->entry(person.entry);
  if (e.roles.empty() || ResolveRole(e, c.date, false).in_office) return;
  const ActorRole* best = nullptr;
  for (const auto& r : e.roles) {
    if (r.code.size() < 6 || std::string_view(r.code).substr(3) != title.role) continue;
    if (title.country.size() == 3 && !r.code.starts_with(title.country)) continue;
    if (best == nullptr || r.from > best->from) best = &r;  // the latest such office
  }
  if (best == nullptr) return;
  person.code = best->code;
  person.country = best->code.substr(0, 3);
  person.sector = index_->SectorForCode(best->code);
  person.rule = "titled-role:" + best->source;
  person.titled_role = true;
}

void ActorStage::MatchSentence(Ctx& c, uint32_t first, uint32_t end, std::vector<Span>& out) const {
  const size_t max_words = index_->max_phrase_words();
  for (uint32_t i = first; i < end;) {
    uint32_t node = ActorIndex::kRoot;
    uint32_t best_len = 0, best_entry = UINT32_MAX;
    for (uint32_t j = i; j < end && j - i < max_words; ++j) {
      if (c.word[j] == ActorIndex::kNoWord) break;
      node = index_->Child(node, c.word[j]);
      if (node == ActorIndex::kNoNode) break;
      if (index_->CandidatesAt(node).empty()) continue;
      uint32_t pick = PickCandidate(c, i, node, j - i + 1);
      if (pick != UINT32_MAX) {
        best_len = j - i + 1;
        best_entry = pick;
      }
    }
    if (best_len == 0) {
      ++i;
      continue;
    }
    // A one-word name next to an unknown name is someone else's ("Alia Brahimi" is not Lakhdar
    // Brahimi, "Saleh Gharib" is not Amrullah Saleh): skip it unless a title or mention precedes it.
    // The same for a known word that is another given name: "Michael Howard" is not John Howard, while
    // "Recep Erdogan" is still Recep Tayyip Erdogan; honorifics ("Mr Putin") keep the person.
    const bool after_span = !out.empty() && out.back().end == i;
    // After a title the name still has to end there: "Tory MP Jonathan Sayeed" is not Goodluck Jonathan.
    const bool person1 = best_len == 1 && index_->entry(best_entry).kind == EntryKind::kPerson;
    const bool unknown_next = i + 1 < end && IsNameToken(c.doc, i + 1) && c.word[i + 1] == ActorIndex::kNoWord;
    if ((person1 && after_span && unknown_next) ||
        (person1 && i > first && !after_span &&
         ((IsNameToken(c.doc, i - 1) && !IsHonorific(c.doc.token(i - 1).text()) &&
           (c.word[i - 1] == ActorIndex::kNoWord ||
            OtherGivenName(c.doc.token(i - 1).text(), index_->entry(best_entry).name))) ||
          unknown_next))) {
      ++i;
      continue;
    }
    out.push_back(SpanFromEntry(c, i, i + best_len, best_entry));
    i += best_len;
  }
}

// Tokens allowed between an actor and the agent noun it modifies: "'s", adjectives, other nouns
// ("Iran's nuclear negotiators", "Syrian Kurdish fighters"), a hyphen ("US-backed").
bool IsModifierGap(const Document& doc, uint32_t i) {
  Token t = doc.token(i);
  std::string_view n = t.norm();
  if (n == "'s" || n == "'" || n == "-") return true;
  const bool after_hyphen = i > 0 && doc.token(i - 1).norm() == "-";  // "US-backed", "Kremlin-linked"
  Upos u = t.upos();
  if (u == Upos::kNone) return after_hyphen || StartsUpper(n);  // untagged: names and hyphen compounds only
  if (u == Upos::VERB) return after_hyphen;
  return u == Upos::ADJ || u == Upos::NOUN || u == Upos::PROPN;
}

void ComposeInto(Span& agent, const Span& with, const std::string& how) {
  std::string country = with.entry_kind == EntryKind::kPerson ? with.code.substr(0, 3) : with.country;
  if (IsInternationalRole(agent.role)) {
    agent.code = agent.role;
  } else if (with.entry_kind == EntryKind::kOrganisation) {
    agent.code = with.code;
  } else if (with.entry_kind == EntryKind::kPerson && agent.role == "GOV" && with.code.size() >= 6) {
    // A person's envoy, aide or spokesman speaks for that person: "Dalai Lama envoy" is CHNOPP, not CHNGOV.
    agent.code = with.code;
  } else {
    agent.code = country + agent.role;
  }
  agent.country = country;
  agent.bare_agent = false;
  agent.kind = MentionKind::kAgent;
  agent.rule = how + ":" + with.rule + "+" + agent.rule;
}

// "officials from the United Nations, Russia, Ukraine and Turkey": the agent composed with the first of a
// list is, for the other countries of the list, their own agent (RUSGOV, UKRGOV, TURGOV); an organisation
// in the list keeps its code. The events stage takes every conjunct as a participant.
void ComposeList(const Document& doc, const Span& agent, const Span& first_item, std::vector<Span>& spans) {
  if (IsInternationalRole(agent.role)) return;
  // Items hang from the first ("A, B and C" as UD has it) or from each other (as a parser may chain them).
  std::vector<const Span*> items = {&first_item};
  for (size_t i = 0; i < items.size() && i < spans.size(); ++i) {
    const Span& of = *items[i];
    for (Span& n : spans) {
      if (n.dead || n.entry_kind == EntryKind::kAgent || n.entry_kind == EntryKind::kPerson) continue;
      if (std::find(items.begin(), items.end(), &n) != items.end()) continue;
      const TokenRow& r = doc.tokens()[n.head];
      if (doc.Str(r.deprel) != "conj" || r.head < static_cast<int32_t>(of.first) || r.head >= static_cast<int32_t>(of.end))
        continue;
      if (IsCountryKind(n.entry_kind) && n.country.size() == 3) n.code = n.country + agent.role;
      n.kind = MentionKind::kAgent;
      n.rule = "compose-list:" + agent.rule + "+" + n.rule;
      items.push_back(&n);
    }
  }
}

void ActorStage::Compose(Ctx& c, uint32_t first, uint32_t end, std::vector<Span>& spans) const {
  const Document& doc = c.doc;
  // "Israel's opposition Labour party": a party the dictionary files under another country (GBRPTYLAB)
  // named as this country's is this country's party of that name: <country>PTY.
  for (size_t a = 1; a < spans.size(); ++a) {
    Span& org = spans[a];
    if (org.entry_kind != EntryKind::kOrganisation || org.code.size() < 6 || org.code.compare(3, 3, "PTY") != 0) continue;
    // The country: the span before, or the one before a bare agent noun ("Israel's opposition Labour").
    size_t b = a - 1;
    if (spans[b].entry_kind == EntryKind::kAgent && spans[b].bare_agent && b > 0) --b;
    const Span& m = spans[b];
    if (m.dead || !IsCountryKind(m.entry_kind) || m.country.size() != 3 || m.country == org.country) continue;
    bool ok = m.end <= org.first && org.first - m.end <= kMaxGap + 1;
    for (uint32_t k = m.end; ok && k < org.first; ++k) ok = IsModifierGap(doc, k);
    if (!ok) continue;
    org.code = m.country + "PTY";
    org.country = m.country;
    org.rule = "other-country-party:" + m.rule + "+" + org.rule;
  }
  for (size_t a = 0; a < spans.size(); ++a) {
    Span& ag = spans[a];
    if (ag.entry_kind != EntryKind::kAgent || ag.dead) continue;
    if (IsInternationalRole(ag.role)) {
      ag.code = ag.role;
      ag.country = ag.role.substr(0, 3);
      ag.bare_agent = false;
      continue;
    }
    // Left: the nearest actor span that ends within kMaxGap modifier tokens before the noun.
    int with = -1;
    if (a > 0) {
      Span& m = spans[a - 1];
      bool ok = !m.dead && m.entry_kind != EntryKind::kAgent && m.end <= ag.first &&
                ag.first - m.end <= kMaxGap;
      for (uint32_t k = m.end; ok && k < ag.first; ++k) ok = IsModifierGap(doc, k);
      // "US-backed fighters", "Kurdish-led forces": the hyphenated actor is the backer, not the owner.
      for (uint32_t k = m.end; ok && k < ag.first; ++k) ok = doc.token(k).norm() != "-";
      if (ok) with = static_cast<int>(a - 1);
    }
    if (with >= 0) {
      Span& m = spans[with];
      ComposeInto(ag, m, "compose");
      ag.first = m.first;
      m.dead = true;
      // "Indian and Chinese troops", "American, British and French forces": the countries listed before
      // the composed one are the agent's too (bounded: the list runs left over and/commas).
      for (int b = with - 1; b >= 0 && !IsInternationalRole(ag.role); --b) {
        Span& item = spans[static_cast<size_t>(b)];
        const uint32_t next_first = spans[static_cast<size_t>(b + 1)].first;
        if (item.dead || item.entry_kind != EntryKind::kAdjective || item.country.size() != 3 ||
            item.end + 1 != next_first ||
            (doc.token(item.end).norm() != "and" && doc.token(item.end).norm() != ",")) {
          break;
        }
        item.code = item.country + ag.role;
        item.kind = MentionKind::kAgent;
        item.rule = "compose-list:" + ag.rule + "+" + item.rule;
      }
      continue;
    }
    // Right: "the government of Iran", "officials in Tehran".
    if (a + 1 < spans.size()) {
      Span& m = spans[a + 1];
      uint32_t k = ag.end;
      if (k < end && (doc.token(k).norm() == "of" || doc.token(k).norm() == "in")) {
        ++k;
        if (k < end && (doc.token(k).norm() == "the")) ++k;
        // Not when the actor is a possessor: "a member of Iran's parliament" is Iran's parliament's.
        bool possessor = m.end < end && c.doc.token(m.end).norm() == "'s";
        if (!m.dead && m.first == k && IsCountryKind(m.entry_kind) && m.entry_kind != EntryKind::kAdjective &&
            !possessor) {
          ComposeInto(ag, m, "compose-of");
          if (c.parsed) ComposeList(doc, ag, m, spans);
          ag.end = m.end;
          m.dead = true;
          continue;
        }
      }
    }
    // Parse: an actor among the noun's dependents (amod, compound, nmod:poss, nmod).
    if (c.parsed) {
      for (size_t m = 0; m < spans.size() && ag.bare_agent; ++m) {
        Span& s = spans[m];
        if (m == a || s.dead || s.entry_kind == EntryKind::kAgent) continue;
        // A credit before a dash owns nothing after it: "AFP - Ethnic minority rebels".
        if (s.code.size() >= 6 && s.code.compare(3, 3, "MED") == 0 && s.end < end && doc.token(s.end).norm() == "-") continue;
        for (uint32_t t = s.first; t < s.end; ++t) {
          const TokenRow& r = doc.tokens()[t];
          std::string_view rel = doc.Str(r.deprel);
          bool fits = rel == "amod" || rel == "compound" || rel == "nmod:poss" ||
                      (rel == "nmod" && OfOrFrom(doc, t));
          if (fits && r.head >= static_cast<int32_t>(ag.first) && r.head < static_cast<int32_t>(ag.end)) {
            ComposeInto(ag, s, "compose-parse");
            if (rel == "nmod") ComposeList(doc, ag, s, spans);
            break;
          }
        }
      }
    }
  }
  std::erase_if(spans, [](const Span& s) { return s.dead; });
}

// Past a dateline's date starting at the comma t (", Sept. 30", ", November 25, 2004"), or t itself.
uint32_t PastDatelineDate(const Document& doc, uint32_t t, uint32_t end) {
  static constexpr std::string_view kMonths[] = {"jan", "january", "feb", "february", "mar", "march", "apr",
                                                 "april", "may", "jun", "june", "jul", "july", "aug", "august",
                                                 "sep", "sept", "september", "oct", "october", "nov", "november",
                                                 "dec", "december"};
  auto digits = [&](uint32_t k, size_t lo, size_t hi) {
    if (k >= end) return false;
    std::string_view w = doc.token(k).text();
    if (w.size() < lo || w.size() > hi) return false;
    for (char ch : w)
      if (ch < '0' || ch > '9') return false;
    return true;
  };
  if (t + 2 >= end || doc.token(t).norm() != ",") return t;
  std::string month = std::string(doc.token(t + 1).norm());
  if (!month.empty() && month.back() == '.') month.pop_back();
  for (char& ch : month) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  if (std::find(std::begin(kMonths), std::end(kMonths), month) == std::end(kMonths)) return t;
  uint32_t k = t + 2;
  if (k < end && doc.token(k).norm() == ".") ++k;
  if (!digits(k, 1, 2)) return t;
  ++k;
  if (k + 1 < end && doc.token(k).norm() == "," && digits(k + 1, 4, 4)) k += 2;
  return k;
}

// "Putin Visits Chechnya Ahead of Election (AP)", "AFP - China has warned ...", "Canadian Press - OTTAWA
// (CP) - The Mounties ...": a news agency credited in brackets at the end of a sentence or before a dash,
// or opening a sentence before a dash, wrote the story, and a place in capitals before a dash (or before a
// bracketed agency and a dash) is a dateline that feeds glue into the text; none of them is an actor.
void ActorStage::DropAgencyCredits(const Document& doc, uint32_t first, uint32_t end, std::vector<Span>& spans) {
  // A dash set off by a space ("AFP - China"), not a hyphen ("US-backed").
  auto is_dash = [&](uint32_t t) {
    if (t >= end || t == 0 || doc.tokens()[t].begin <= doc.tokens()[t - 1].end) return false;
    std::string_view n = doc.token(t).norm();
    return n == "-" || n == "--" || n == "\xE2\x80\x94" || n == "\xE2\x80\x93";
  };
  auto is = [&](uint32_t t, std::string_view w) { return t < end && doc.token(t).norm() == w; };
  // Past a bracketed group "( ... )" of at most four tokens starting at t, or t itself.
  auto past_brackets = [&](uint32_t t) {
    if (!is(t, "(")) return t;
    for (uint32_t k = t + 1; k < end && k <= t + 5; ++k)
      if (is(k, ")")) return k + 1;
    return t;
  };
  auto is_media = [](const Span& m) { return m.code.size() >= 6 && m.code.compare(3, 3, "MED") == 0; };
  // A credit may name several agencies: "(CBS/AP)", "(AFP, Reuters)".
  auto media_at = [&](uint32_t t) {
    for (const Span& n : spans)
      if (is_media(n) && n.first <= t && t < n.end) return &n;
    return static_cast<const Span*>(nullptr);
  };
  auto separator = [&](uint32_t t) { return is(t, "/") || is(t, ",") || is(t, "-") || is(t, "and"); };
  // The capital letters of tokens [from, to), or -1 when any letter is lower case ("OTTAWA" 6, "Ottawa" -1).
  auto capital_letters = [&](uint32_t from, uint32_t to) {
    int letters = 0;
    for (uint32_t t = from; t < to; ++t) {
      for (char ch : doc.token(t).text()) {
        if (ch >= 'a' && ch <= 'z') return -1;
        if (ch >= 'A' && ch <= 'Z') ++letters;
      }
    }
    return letters;
  };
  for (Span& m : spans) {
    if (is_media(m)) {
      // The brackets around m and any other agencies beside it.
      uint32_t open = m.first, close = m.end;
      for (int steps = 0; steps < 8 && open > first; ++steps) {
        const Span* other = media_at(open - 1);
        if (other != nullptr) open = other->first;
        else if (separator(open - 1)) --open;
        else break;
      }
      for (int steps = 0; steps < 8 && close < end; ++steps) {
        const Span* other = media_at(close);
        if (other != nullptr) close = other->end;
        else if (separator(close)) ++close;
        else break;
      }
      bool bracketed = open > first && is(open - 1, "(") && is(close, ")");
      // At the start of the sentence, before a dash, or at its end (only punctuation after it).
      if (bracketed && open - 1 != first && !is_dash(close + 1)) {
        for (uint32_t t = close + 1; t < end && bracketed; ++t) bracketed = doc.token(t).upos() == Upos::PUNCT;
      }
      if (bracketed || (m.first == first && is_dash(m.end))) m.dead = true;
      continue;
    }
    if (!IsCountryKind(m.entry_kind)) {
      // "UNITED NATIONS (Reuters) - Israel urged": a name in capitals, its agency in brackets and a dash
      // opening the sentence are a dateline whatever the name is.
      const uint32_t after = past_brackets(m.end);
      if (m.first == first && after != m.end && is_dash(after) && media_at(m.end + 1) != nullptr &&
          capital_letters(m.first, m.end) >= 0) {
        m.dead = true;
      }
      continue;
    }
    // A city in capitals ("OTTAWA", "GAZA CITY"), not an acronym ("US-backed", "UN - led").
    const int letters = capital_letters(m.first, m.end);
    const bool capitals = letters >= 0;
    if (m.end - m.first > 3) continue;
    uint32_t after = past_brackets(m.end);
    // "DAKAR, Senegal -- ...": the city, a comma and the country (itself in brackets or not) before a dash.
    Span* country = nullptr;
    if (is(after, ",")) {
      for (Span& n : spans)
        if (n.first == after + 1 && IsCountryKind(n.entry_kind)) country = &n;
      if (country != nullptr) after = past_brackets(country->end);
    }
    // "WASHINGTON, Sept. 30, 2004 --", "Baghdad, Sept. 8 (NNN):": a dateline's date, then the dash or a
    // colon. With the date a city opening the sentence may be in any case; elsewhere, and without a date, only
    // one in capitals is a dateline.
    const uint32_t dated = past_brackets(PastDatelineDate(doc, after, end));
    if (dated != after && (m.first == first || (capitals && letters >= 4)) && (is_dash(dated) || is(dated, ":"))) {
      m.dead = true;
      if (country != nullptr) country->dead = true;
      continue;
    }
    // "GAZA CITY, Gaza Strip - ...": a city the tables do not know, in capitals, opening the sentence
    // before the country and the dash.
    if (m.first >= first + 2 && m.first - first <= 5 && is(m.first - 1, ",") && is_dash(past_brackets(m.end)) &&
        capital_letters(first, m.first - 1) >= 3) {
      m.dead = true;
      continue;
    }
    if (!(capitals && letters >= 4)) continue;
    if (is_dash(after) || (m.first == first && is(after, ":"))) {  // "BAGHDAD: Members of ..."
      m.dead = true;
      if (country != nullptr) country->dead = true;
    }
  }
  std::erase_if(spans, [](const Span& s) { return s.dead; });
}

// Roles whose members are, almost always, of the country they are in: "police in Tehran", "protesters
// clashed with police in Tehran" (IRNCOP, IRNCVL). Soldiers, rebels, officials and diplomats often act
// abroad ("Russian troops in Syria"), so their location says nothing of their country.
bool IsDomesticRole(std::string_view role) {
  for (std::string_view r : {"COP", "CVL", "LAB", "EDU", "AGR", "MED", "JUD"}) {
    if (role == r) return true;
  }
  return false;
}

// Armed non-state roles: rebels, insurgents, separatists, militias and gunmen (REB, REBRAD, INS, SEP, UAF).
bool IsInsurgentRole(std::string_view role) {
  return role.starts_with("REB") || role == "INS" || role == "SEP" || role == "UAF";
}

// A bare domestic agent takes the country of where it acts: an in/at-phrase with a country name or capital
// on the agent itself ("police officers in the capital Tehran"), on its verb, or on another argument of
// its verb ("protesters clashed with police in Tehran"); else the country of a domestic agent that is
// another argument of the same verb ("Iranian police arrested protesters", "police in Moscow detained
// journalists"), or, for civilians, of a rebel or militant one ("Algerian militants killed 16 people").
// Regions do not name one country.
void ActorStage::LocateDomesticAgents(const Ctx& c, std::vector<Span>& spans) {
  if (!c.parsed) return;
  const Document& doc = c.doc;
  auto head_of = [&](uint32_t t) { return doc.tokens()[t].head; };
  auto in_or_at = [&](uint32_t t) {
    std::string_view w = CaseMarker(doc, t);
    return w == "in" || w == "at" || w == "In" || w == "At";
  };
  // Token t hangs from the agent, from verb v, or from a dependent of v.
  auto near = [&](uint32_t t, const Span& ag, int32_t v) {
    const int32_t h = head_of(t);
    if (h == static_cast<int32_t>(ag.head)) return true;
    if (v == kNoHead) return false;
    return h == v || (h != kNoHead && head_of(static_cast<uint32_t>(h)) == v);
  };
  for (Span& ag : spans) {
    if (!ag.bare_agent || ag.dead || ag.entry_kind != EntryKind::kAgent) continue;
    // Rebels, insurgents, militants and gunmen are placed by where they are ("militants in Gaza",
    // "insurgents attacked a base in Iraq"), not by whom they face; "foreign fighters" by neither.
    const bool insurgent = IsInsurgentRole(ag.role);
    if (!insurgent && !IsDomesticRole(ag.role)) continue;
    if (insurgent) {
      bool foreign = false;
      for (uint32_t t = ag.first > 0 ? ag.first - 1 : 0; t < ag.end; ++t) foreign = foreign || c.folded[t] == "foreign";
      // Nor "its fighters" (somebody's), nor "terrorist attacks in Russia" (a kind of attack).
      std::string_view as = doc.Str(doc.tokens()[ag.head].deprel);
      bool owned = as == "compound" || as == "amod";
      for (uint32_t t = ag.head, steps = 0; t > 0 && steps < 8 && !owned; --t, ++steps)  // a possessor comes first
        owned = doc.tokens()[t - 1].head == static_cast<int32_t>(ag.head) && doc.Str(doc.tokens()[t - 1].deprel) == "nmod:poss";
      if (foreign || owned) continue;
    }
    // The verb the agent is an argument of, through a quantity ("arrested dozens of protesters").
    int32_t verb = head_of(ag.head);
    if (verb != kNoHead && doc.token(static_cast<uint32_t>(verb)).upos() != Upos::VERB &&
        doc.Str(doc.tokens()[ag.head].deprel).starts_with("nmod")) {
      verb = head_of(static_cast<uint32_t>(verb));
    }
    const Span* where = nullptr;
    for (const Span& m : spans) {
      if (m.dead || (m.entry_kind != EntryKind::kCountry && m.entry_kind != EntryKind::kMetonym)) continue;
      // Rebels only "in" a country named as such: "at US outposts" is what they attack, and rebel leaders
      // in a capital are often there for talks.
      if (insurgent && (m.entry_kind != EntryKind::kCountry || CaseMarker(doc, m.head) != "in")) continue;
      if (in_or_at(m.head) && near(m.head, ag, verb)) {
        where = &m;
        break;
      }
    }
    if (where != nullptr) {
      ComposeInto(ag, *where, "located");
      continue;
    }
    if (insurgent) continue;
    for (const Span& m : spans) {
      // Civilians harmed by their country's own rebels or militants are of that country ("Algerian
      // militants killed 16 people"); foreign forces' victims are not theirs.
      // (Not an international group's: IMG is no country.)
      const bool co_agent = IsDomesticRole(m.role) || (ag.role == "CVL" && IsInsurgentRole(m.role) && m.country != "IMG");
      if (&m == &ag || m.dead || m.bare_agent || m.entry_kind != EntryKind::kAgent || !co_agent ||
          m.country.size() != 3 || verb == kNoHead || head_of(m.head) != verb) {
        continue;
      }
      ag.code = m.country + ag.role;
      ag.country = m.country;
      ag.bare_agent = false;
      ag.kind = MentionKind::kAgent;
      ag.rule = "co-agent:" + m.rule + "+" + ag.rule;
      break;
    }
  }
}

// "the government of Iran", "officials from Iran" compose; "force against Iran", "troops in Syria" do not.
bool ActorStage::OfOrFrom(const Document& doc, uint32_t nmod_head) {
  std::string_view w = CaseMarker(doc, nmod_head);
  return w == "of" || w == "from" || w == "Of" || w == "From";
}

bool ActorStage::FormerBefore(const Ctx& c, uint32_t sentence_first, uint32_t at) const {
  for (uint32_t k = at, steps = 0; k > sentence_first && steps < 3; --k, ++steps) {
    std::string_view f = c.folded[k - 1];
    // "former", and the words news uses for a leader put out of office or dead: "ousted President
    // Aristide", "the late King Hussein", "exiled leader".
    if (f == "former" || f == "ex" || f == "ex-" || f == "ousted" || f == "deposed" || f == "toppled" ||
        f == "exiled" || f == "late" || f == "overthrown") {
      return true;
    }
    if (f != "-" && !(f.size() > 0 && c.doc.token(k - 1).upos() == Upos::ADJ)) break;
  }
  return false;
}

void ActorStage::Titles(Ctx& c, uint32_t first, uint32_t end, std::vector<Span>& spans) const {
  const Document& doc = c.doc;
  // "Chinese President Xi Jinping" where "President Xi" is itself a name the tables know: the nationality
  // right before a person of that country is part of the name.
  for (size_t a = 0; a + 1 < spans.size(); ++a) {
    Span& adj = spans[a];
    Span& p = spans[a + 1];
    if (adj.dead || adj.entry_kind != EntryKind::kAdjective || p.dead || p.entry_kind != EntryKind::kPerson ||
        adj.end != p.first || adj.country.size() != 3 || !p.code.starts_with(adj.country)) {
      continue;
    }
    p.first = adj.first;
    adj.dead = true;
  }
  for (size_t a = 0; a < spans.size(); ++a) {
    Span& t = spans[a];
    if (t.dead || t.entry_kind != EntryKind::kAgent || t.plural) continue;
    // A title right before a known person merges in any case ("US president Donald Trump").
    if (a + 1 < spans.size() && spans[a + 1].first == t.end && spans[a + 1].entry_kind == EntryKind::kPerson) {
      Span& p = spans[a + 1];
      p.first = t.first;
      p.rule = "title:" + p.rule;
      PreferTitledRole(c, t, p);
      t.dead = true;
      continue;
    }
    if (t.bare_agent) continue;  // an unknown name needs a country from the title
    if (!UpperAt(doc, t.end - 1)) continue;  // and a capitalised title: "Foreign Minister", "President"
    uint32_t k = t.end;
    while (k < end && k - t.end < kMaxNameWords && IsNameToken(doc, k) &&
           (a + 1 >= spans.size() || k < spans[a + 1].first)) {
      ++k;
    }
    if (k == t.end) continue;
    std::string name;
    for (uint32_t i = t.end; i < k; ++i) {
      if (!name.empty()) name += ' ';
      name += doc.token(i).text();
    }
    t.name = name;
    t.kind = MentionKind::kPerson;
    t.rule = "title+name:" + t.rule;
    t.end = k;
  }
  std::erase_if(spans, [](const Span& s) { return s.dead; });
  for (auto& s : spans) {
    if (s.entry_kind == EntryKind::kPerson && FormerBefore(c, first, s.first)) SetPersonCode(c, s, true);
    // "former Iranian Foreign Minister X", "one former senior US official": out of office, an elite.
    if (s.entry_kind == EntryKind::kAgent && !s.bare_agent && FormerBefore(c, first, s.first) &&
        s.code.size() >= 3 && s.country.size() == 3 && s.code.starts_with(s.country)) {
      s.code = s.code.substr(0, 3) + "ELI";
      s.rule = "former:" + s.rule;
    }
  }
}

// "Fadahossein Maleki, a member of Iran's parliament": a name of two or more capitalised words not
// matched by the dictionary, a comma, then an actor span within a few tokens before the next comma.
void ActorStage::Appositions(Ctx& c, uint32_t first, uint32_t end, std::vector<Span>& spans) const {
  const Document& doc = c.doc;
  std::fill(c.owner.begin(), c.owner.end(), -1);
  for (size_t s = 0; s < spans.size(); ++s) {
    for (uint32_t t = spans[s].first; t < spans[s].end; ++t) c.owner[t - first] = static_cast<int>(s);
  }
  std::vector<Span> added;
  for (uint32_t i = first; i < end;) {
    uint32_t k = i;
    while (k < end && c.owner[k - first] < 0 && IsNameToken(doc, k) && k - i < kMaxNameWords) ++k;
    if (k - i < 2 || k >= end || doc.token(k).norm() != ",") {
      i = std::max(k, i + 1);
      continue;
    }
    bool saw_agent = false;  // a role noun in the apposition: it describes a person
    for (uint32_t j = k + 1; j < end && j - k <= kApposWindow; ++j) {
      std::string_view n = doc.token(j).norm();
      if (n == "," || n == "." || n == ";") break;
      int o = c.owner[j - first];
      if (o < 0) continue;
      const Span& m = spans[o];
      if (m.kind == MentionKind::kPerson) break;
      if (m.entry_kind == EntryKind::kAgent) saw_agent = true;
      if (m.code.empty()) continue;  // a bare agent noun ("a member of ..."): look further
      // "Mount Sinjar, a massif spanning the border between Iraq and Syria": a country alone does not
      // make the name a person of that country's government.
      if (!saw_agent && m.entry_kind != EntryKind::kOrganisation) continue;
      Span p;
      p.first = i;
      p.end = k;
      p.head = k - 1;
      p.kind = MentionKind::kPerson;
      p.entry_kind = EntryKind::kAgent;
      p.code = m.entry_kind == EntryKind::kOrganisation || m.entry_kind == EntryKind::kAgent
                   ? m.code : m.country + "GOV";
      p.country = m.country;
      p.sector = m.sector;
      p.rule = "appos:" + m.rule;
      for (uint32_t t = i; t < k; ++t) p.name += (t > i ? " " : "") + std::string(doc.token(t).text());
      added.push_back(std::move(p));
      break;
    }
    i = k;
  }
  for (auto& p : added) spans.push_back(std::move(p));
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.first < b.first; });
}

// The syntactic head of a span: the token whose head lies outside it (the last token when unparsed).
uint32_t SpanHead(const Document& doc, uint32_t first, uint32_t end, bool parsed) {
  if (!parsed) return end - 1;
  for (uint32_t t = end; t > first; --t) {
    int32_t h = doc.tokens()[t - 1].head;
    if (h < static_cast<int32_t>(first) || h >= static_cast<int32_t>(end)) return t - 1;
  }
  return end - 1;
}

Status ActorStage::Process(Document& doc, StageScratch*) const {
  const std::string& date = doc.meta().date.empty() ? options_.default_date : doc.meta().date;
  Ctx c{doc, DateKey(date), HasParse(doc), !IsFullDate(date), {}, {}, {}};
  const size_t n = doc.tokens().size();
  c.word.resize(n);
  c.folded.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    FoldKey(doc.token(i).norm(), &c.folded[i]);
    c.word[i] = index_->WordId(c.folded[i]);
  }
  // Datelines ("TEHRAN, Iran —") sit inside body sentences: their tokens are not actors.
  std::vector<bool> furniture(n, false);
  for (const auto& f : doc.furniture()) {
    if (f.kind == Furniture::kBody) continue;
    // Tokens are in text order: start at the first token inside the span (linear overall).
    auto it = std::lower_bound(doc.tokens().begin(), doc.tokens().end(), f.begin,
                               [](const TokenRow& r, uint32_t b) { return r.begin < b; });
    for (size_t i = static_cast<size_t>(it - doc.tokens().begin()); i < n && doc.tokens()[i].end <= f.end; ++i) {
      furniture[i] = true;
    }
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (furniture[i]) c.word[i] = ActorIndex::kNoWord;
  }
  std::vector<Span> all;
  CorefState coref;
  for (uint32_t s = 0; s < doc.sentences().size(); ++s) {
    const SentenceRow& row = doc.sentences()[s];
    if (row.kind != Furniture::kBody) continue;
    std::vector<Span> spans;
    MatchSentence(c, row.first_token, row.end_token, spans);
    MarkCompanyNames(doc, *index_, row.end_token, spans);
    Compose(c, row.first_token, row.end_token, spans);
    DropAgencyCredits(c.doc, row.first_token, row.end_token, spans);
    Titles(c, row.first_token, row.end_token, spans);
    c.owner.assign(row.end_token - row.first_token, -1);
    Appositions(c, row.first_token, row.end_token, spans);
    for (auto& sp : spans) sp.head = SpanHead(doc, sp.first, sp.end, c.parsed);
    LocateDomesticAgents(c, spans);
    ResolveSentence(doc, s, c.folded, spans, all, coref);
  }
  auto& rows = doc.mutable_mentions();
  rows.clear();
  for (const Span& sp : all) {
    MentionRow m;
    m.first_token = sp.first;
    m.end_token = sp.end;
    m.head_token = sp.head;
    m.code = doc.Intern(sp.code);
    m.country = doc.Intern(sp.country);
    m.sector = doc.Intern(sp.sector);
    m.name = doc.Intern(sp.name);
    m.rule = doc.Intern(sp.rule);
    m.antecedent = sp.antecedent;
    m.partner = sp.partner;
    m.kind = sp.kind;
    rows.push_back(m);
  }
  return Status::Ok();
}

}  // namespace

std::shared_ptr<const Stage> MakeActorStage(std::shared_ptr<const ActorIndex> index, ActorStageOptions options) {
  return std::make_shared<ActorStage>(std::move(index), std::move(options));
}

}  // namespace dyad::actors
