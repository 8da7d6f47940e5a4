// The event coder's slots: who does it (subject, by-agent, inherited, a noun's own source) and to whom
// (object, prepositional phrase, a place standing for its country), and which actors a slot token holds.
#include "events/event_coder.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <vector>

namespace dyad::events::coder {
namespace {

// Verbs that carry an event noun without adding meaning ("made a visit", "launched an attack"): the
// noun event takes their subject as its source.
constexpr std::array<std::string_view, 30> kLightVerbs = {
    "make", "pay", "hold", "conduct", "carry", "launch", "begin", "start", "continue", "stage",
    "mount", "undertake", "wage", "resume", "step", "announce", "use", "exercise", "cast", "issue",
    "deliver", "impose", "provide", "send", "extend", "offer", "declare", "order", "give", "grant"};

// Diplomatic things named after the city where they were made ("the Paris accord", "the Astana process",
// "the 1991 Madrid peace conference"): the city is no actor in them.
constexpr std::array<std::string_view, 12> kNamedAfterPlaces = {
    "accord", "agreement", "conference", "process", "summit", "talk", "meeting", "format", "protocol",
    "declaration", "treaty", "convention"};

// Verbs whose subject holds the plan, decision or offer they take as object ("announced a plan to",
// "defended its decision to", "confirmed its commitment to").
constexpr std::array<std::string_view, 28> kHolderVerbs = {
    "announce", "confirm", "approve", "adopt", "make", "take", "reach", "defend", "unveil", "present",
    "submit", "reaffirm", "reiterate", "renew", "finalise", "finalize", "draft", "outline", "express", "signal",
    "declare", "issue", "pursue", "push", "table", "lay", "have", "step"};

// Things through which a state or group uses force: weapons, attacks, units. "Russia's missiles hit
// Kyiv" is Russia's use of force; "Taiwan's reserves hit a new high" and "China's attempts to cool its
// economy hit Japanese sales" are not: the owner of any other noun does not fight through it.
constexpr std::array<std::string_view, 107> kForceBearers = {
    // weapons
    "missile", "rocket", "drone", "jet", "warplane", "plane", "aircraft", "helicopter", "gunship", "bomb",
    "bomber", "shell", "mortar", "artillery", "tank", "gun", "gunfire", "fire", "ship", "warship", "vessel",
    "submarine", "boat", "gunboat", "explosive", "device", "mine", "grenade", "bullet", "weapon", "munition",
    "projectile", "interceptor", "defence", "defense", "cannon",
    // attacks and wars
    "strike", "airstrike", "attack", "raid", "offensive", "bombardment", "shelling", "assault", "operation",
    "campaign", "blast", "explosion", "fight", "fighting", "invasion", "conflict", "violence", "occupation",
    "bombing", "clash", "siege", "blockade", "crackdown", "war",
    // "a series of airstrikes", "a barrage of rockets": the of-phrase names the weapon
    "series", "wave", "barrage", "volley", "salvo", "spate",
    // forces, units and fighters
    "navy", "force", "troop", "troops", "soldier", "army", "militia", "fighter", "unit", "battalion",
    "brigade", "division", "convoy", "patrol", "police", "guard", "agent", "militant", "gunman", "sniper",
    "wing", "proxy", "ally", "military", "regime", "member", "group", "faction", "cell", "squad",
    "commando", "jihadist", "insurgent", "rebel", "terrorist", "extremist", "paramilitary", "mercenary",
    "loyalist"};

}  // namespace

bool Coder::IsMedia(int32_t mention) const {
  std::string_view code = doc_.Str(doc_.mentions()[static_cast<size_t>(mention)].code);
  return code.size() >= 6 && code.substr(3, 3) == "MED";
}

// A capital or seat of government ("Baghdad", "the Kremlin") as a compound of a common noun says where,
// not who: "Baghdad bombings", "a Baghdad rocket attack", "the Moscow summit". (Agents it would own,
// "Kremlin officials", are composed into one mention by the actor stage.)
bool Coder::IsCapitalCompound(uint32_t c) const {
  const int32_t m = g_.mention(c);
  if (m < 0) return false;
  const MentionRow& row = doc_.mentions()[static_cast<size_t>(m)];
  std::string_view code = doc_.Str(row.code);
  const int32_t h = g_.head(c);
  // The noun must name an event or an agreement (one that triggers patterns): "on Kyiv overnight" parsed
  // with Kyiv as a compound of "overnight" still targets Kyiv.
  return row.kind == MentionKind::kCountry && code.size() == 6 && code.ends_with("GOV") && h >= 0 &&
         g_.mention(static_cast<uint32_t>(h)) < 0 && g_.upos(static_cast<uint32_t>(h)) == Upos::NOUN &&
         (lex_.Triggered(TriggerKind::kNoun, g_.lemma(static_cast<uint32_t>(h))) != nullptr ||
          In(kNamedAfterPlaces, g_.lemma(static_cast<uint32_t>(h))));
}

bool Coder::AllCapitals(std::string_view w) {
  bool letter = false;
  for (char ch : w) {
    if (ch >= 'a' && ch <= 'z') return false;
    letter = letter || (ch >= 'A' && ch <= 'Z');
  }
  return letter;
}

// The place (index into doc.places()) whose span holds document token t: a town, city, province,
// region, territory, camp or island of one country; -1 when none.
int32_t Coder::PlaceAt(uint32_t t) const {
  const auto& places = doc_.places();
  for (size_t p = 0; p < places.size(); ++p) {
    const PlaceRow& row = places[p];
    if (t < row.first_token || t >= row.end_token) continue;
    std::string_view feature = doc_.Str(row.feature), country = doc_.Str(row.country);
    const bool part_of_a_country = feature == "city" || feature == "subdivision" || feature == "region" ||
                                   feature == "territory" || feature == "camp" || feature == "island";
    return part_of_a_country && country.size() == 3 ? static_cast<int32_t>(p) : -1;
  }
  return -1;
}

int32_t Coder::PlaceMention(int32_t p) {
  for (const auto& [place, mention] : place_mentions_)
    if (place == p) return mention;
  const PlaceRow& row = doc_.places()[static_cast<size_t>(p)];
  MentionRow m;
  m.first_token = row.first_token;
  m.end_token = row.end_token;
  m.head_token = row.end_token - 1;
  m.kind = MentionKind::kCountry;
  m.code = row.country;
  m.country = row.country;
  m.name = row.name;
  m.rule = doc_.Intern("place-target:" + std::string(doc_.Str(row.name)));
  doc_.mutable_mentions().push_back(m);
  const int32_t mention = static_cast<int32_t>(doc_.mentions().size() - 1);
  place_mentions_.emplace_back(p, mention);
  return mention;
}

// The role block of a mention's code ("MIL" of "USAMIL"), or the whole code for a role-only code.
std::string_view Coder::Role(int32_t mention) const {
  std::string_view code = doc_.Str(doc_.mentions()[static_cast<size_t>(mention)].code);
  return code.size() >= 6 ? code.substr(3, 3) : code;
}

// Pattern flag `armed`: one participant is armed (or a state named bare) and none is civilian.
bool Coder::ArmedFight(const Match& m) const {
  bool armed = false;
  for (const auto* side : {&m.sources, &m.targets}) {
    for (int32_t a : *side) {
      if (a < 0) continue;  // a place: neither armed nor civilian
      std::string_view code = doc_.Str(doc_.mentions()[static_cast<size_t>(a)].code);
      std::string_view role = Role(a);
      // A state named bare ("clashes between Israel and Iran") fights with its forces.
      const bool state = code.size() == 3 && doc_.mentions()[static_cast<size_t>(a)].kind == MentionKind::kCountry;
      if (state || code.starts_with("IMG") || code.ends_with("PKO") || role == "MIL" || role == "REB" ||
          role == "INS" || role == "SEP" || role == "UAF") {
        armed = true;
      }
      for (std::string_view r : {"CVL", "LAB", "EDU", "AGR", "MED", "NGO", "BUS", "REF", "HLH", "REL"})
        if (role == r) return false;
    }
  }
  return armed;
}

// Pattern flag `unarmed`: both sides named, and every participant an actor that speaks rather than
// fights (see EventPattern::unarmed). A bare state, a place, armed forces, police, rebels and civilians
// are not: force words with them keep their literal sense. Across a border, governments, legislatures
// and parties may mean force ("Trump will launch an attack against the Assad regime"), so there one
// side must be a body with no army: media, business, an NGO, a union, a school, clergy or an IGO
// (flag speakers, `any_border`: not needed). Two doers and no target ("Putin and Erdogan clashed")
// are both sides.
bool Coder::PoliticalDispute(const Match& m, bool any_border) const {
  if (m.sources.empty() || (m.targets.empty() && m.sources.size() < 2)) return false;
  bool one_country = true, unarmed_body = false;
  std::string_view country;
  for (const auto* side : {&m.sources, &m.targets}) {
    for (int32_t a : *side) {
      if (a < 0) return false;  // a place is attacked with force
      const MentionRow& mention = doc_.mentions()[static_cast<size_t>(a)];
      std::string_view code = doc_.Str(mention.code);
      if (code.starts_with("IGO")) {
        if (code.ends_with("PKO")) return false;
        unarmed_body = true;
        continue;
      }
      if (code.starts_with("MNC") || code.starts_with("NGO")) {
        unarmed_body = true;
        continue;
      }
      const std::string_view role = Role(a);
      bool speaks = false;
      for (std::string_view r : {"GOV", "LEG", "PTY", "OPP", "ELI", "JUD"}) speaks = speaks || role == r;
      for (std::string_view r : {"MED", "BUS", "NGO", "LAB", "EDU", "REL"}) {
        if (role == r) speaks = unarmed_body = true;
      }
      if (!speaks) return false;
      std::string_view c = doc_.Str(mention.country);
      if (c.empty()) c = code.substr(0, 3);
      if (country.empty()) country = c;
      one_country = one_country && c == country;
    }
  }
  return any_border || one_country || unarmed_body;
}

// An actor that acts for a state or body (pattern flag `official`): its code's role block is one of
// the state's (GOV, MIL, LEG, JUD, ELI, OPP, PTY, SPY, COP) or it is an IGO.
bool Coder::IsOfficial(std::string_view code) {
  if (code.starts_with("IGO")) return true;
  if (code.size() < 6) return false;
  std::string_view role = code.substr(3, 3);
  for (std::string_view r : {"GOV", "MIL", "LEG", "JUD", "ELI", "OPP", "PTY", "SPY", "COP"})
    if (role == r) return true;
  return false;
}

bool Coder::IsPassive(uint32_t v) const {
  // An nsubj:pass beside an active nsubj and no passive auxiliary is a misparse of an active clause
  // ("United Nations peacekeepers have fired on troops": Nations as nsubj:pass, peacekeepers as nsubj).
  bool pass_subject = false, active_subject = false;
  for (uint32_t c : g_.children(v)) {
    std::string_view r = g_.rel(c);
    if (r == "aux:pass" || r == "csubj:pass") return true;
    if (r == "nsubj:pass") pass_subject = true;
    if (r == "nsubj") active_subject = true;
  }
  if (pass_subject && !active_subject) return true;
  if (HeadlinePassive(v)) return true;
  return g_.upos(v) == Upos::VERB && g_.rel(v) == "acl" && g_.xpos(v) == "VBN";
}

// A headline's passive without its auxiliary: "Saddam's top aide al-Douri arrested", "Hamas leader
// killed": a participle at the root with a subject, no auxiliary and no object. The subject is the
// one it happened to.
bool Coder::HeadlinePassive(uint32_t v) const {
  if (g_.xpos(v) != "VBN" || g_.rel(v) != "root") return false;
  // Verbs news uses without an object have no passive: "Indian and Chinese troops clashed" (tagged VBN).
  static constexpr std::array<std::string_view, 19> kNoPassive = {
      "clash", "meet", "talk", "agree", "protest", "march", "rally", "riot", "die", "arrive",
      "return", "resign", "gather", "negotiate", "withdraw", "retreat", "surrender", "collide", "erupt"};
  if (In(kNoPassive, g_.lemma(v))) return false;
  bool subject = false;
  for (uint32_t c : g_.children(v)) {
    std::string_view r = g_.rel(c);
    if (r == "aux" || r == "aux:pass" || r == "cop" || r == "obj" || r == "ccomp") return false;
    // "The two leaders met for three hours and signed a deal": a finite verb coordinated with it shows
    // the participle is a past tense the tagger missed.
    if (r == "conj" && (g_.xpos(c) == "VBD" || g_.xpos(c) == "VBZ" || g_.xpos(c) == "VBP") && ByAgent(v) < 0) return false;
    // "Hundreds of protesters clashed with police": what one does with or against somebody is done, not
    // suffered.
    static const std::vector<std::string> kWithAgainst = {"with", "against"};
    if (r == "obl" && HasCase(c, kWithAgainst)) return false;
    if (r == "nsubj") subject = true;
  }
  return subject;
}

// The first nsubj of v that is a plausible subject: one under a place or company preposition of its
// own ("a blast in a mine in central China killed", China parsed as nsubj) is not the doer. A clause
// word misattached to the subject ("after President Gbagbo broke") does not disqualify it.
int32_t Coder::SubjectChild(uint32_t v) const {
  static const std::vector<std::string> kPlace = {"in", "at", "on", "near", "from", "into", "inside", "outside",
                                                  "within", "across", "throughout", "of", "with", "to", "for"};
  // A verb has one subject; when the parse hangs several on it, the first is the head noun and the later
  // ones its misattached modifiers ("Supporters of ousted President Aristide took to the streets").
  // A dateline the parse took for a subject ("UNITED NATIONS (Reuters) - Israel urged") is cut off from
  // the clause by a dash: the subject after the dash is the doer. A first subject with no actor in it
  // ("Thousands of rightist Israelis accused", Israelis parsed as a second nsubj) yields to a later one
  // that has one.
  int32_t first = -1;
  bool first_has_actor = false;
  std::vector<int32_t> found;
  for (uint32_t c : g_.children(v)) {
    if (g_.rel(c) != "nsubj") continue;
    if (HasCase(c, kPlace)) continue;
    if (first < 0) {
      first = static_cast<int32_t>(c);
      Actors(first, &found);
      first_has_actor = !found.empty();
      continue;
    }
    for (uint32_t k = static_cast<uint32_t>(first) + 1; k < c; ++k) {
      std::string_view w = g_.text(k);
      if (g_.upos(k) == Upos::PUNCT && (w == "-" || w == "--" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93"))
        return static_cast<int32_t>(c);
    }
    if (first_has_actor) break;
    found.clear();
    Actors(static_cast<int32_t>(c), &found);
    if (!found.empty()) return static_cast<int32_t>(c);
  }
  return first;
}

// The child with this relation nearest to v.
int32_t Coder::ChildWithRel(uint32_t v, std::string_view rel) const {
  int32_t best = -1;
  for (uint32_t c : g_.children(v)) {
    if (g_.rel(c) != rel) continue;
    if (best < 0 || std::abs(static_cast<int32_t>(c) - static_cast<int32_t>(v)) <
                        std::abs(best - static_cast<int32_t>(v)))
      best = static_cast<int32_t>(c);
  }
  return best;
}

int32_t Coder::ByAgent(uint32_t v) const {
  static const std::vector<std::string> kBy = {"by"};
  for (uint32_t c : g_.children(v)) {
    std::string_view r = g_.rel(c);
    if (r == "obl:agent" || (r.substr(0, 3) == "obl" && HasCase(c, kBy))) return static_cast<int32_t>(c);
  }
  return -1;
}

// The token that does the action of verb v: subject, by-agent, or inherited up xcomp/conj/advcl.
int32_t Coder::Subject(uint32_t v, std::string* how) const {
  static const std::vector<std::string> kForOf = {"for", "of"};
  uint32_t cur = v;
  for (int depth = 0; depth < 4; ++depth) {
    if (IsPassive(cur)) {
      int32_t by = ByAgent(cur);
      if (by >= 0) {
        *how = "by-agent";
        return by;
      }
    } else {
      int32_t subj = SubjectChild(cur);
      if (subj >= 0) {
        // "Russia, which invaded ...": the relative pronoun stands for the noun.
        const std::string_view rel_pronoun = g_.lemma(static_cast<uint32_t>(subj));
        if (g_.upos(subj) == Upos::PRON && g_.rel(cur).substr(0, 3) == "acl" && g_.head(cur) >= 0 &&
            (rel_pronoun == "who" || rel_pronoun == "which" || rel_pronoun == "that")) {
          *how = "relative clause";
          return g_.head(cur);
        }
        *how = depth == 0 ? "subject" : "subject of '" + std::string(g_.text(cur)) + "'";
        return subj;
      }
    }
    std::string_view r = g_.rel(cur);
    int32_t h = g_.head(cur);
    if (h < 0) break;
    if (r == "xcomp") {
      // Object control: "urged Iran to stop" -> Iran stops.
      int32_t obj = ChildWithRel(h, "obj");
      if (obj >= 0 && obj != static_cast<int32_t>(cur)) {
        *how = "object of '" + std::string(g_.text(h)) + "'";
        return obj;
      }
      if (IsPassive(h)) {  // "Putin is scheduled to hold talks": the passive subject does it
        int32_t sp = ChildWithRel(h, "nsubj:pass");
        if (sp >= 0) {
          *how = "subject of '" + std::string(g_.text(h)) + "'";
          return sp;
        }
      }
    } else if (r == "acl" || r == "acl:relcl") {
      if (IsPassive(cur)) break;
      // "confirms its commitment to defend Taiwan", "approved a plan to strike": the to-clause of a
      // governing noun that is no actor is done by whoever holds the noun, the subject of a verb that
      // makes or keeps the plan its own ("Colombia reveals plot to assassinate Bush" is not Colombia's).
      std::vector<int32_t> holder;
      Actors(h, &holder);
      const uint32_t noun = static_cast<uint32_t>(h);
      if (r == "acl" && holder.empty() && g_.rel(noun) == "obj" && g_.head(noun) >= 0 &&
          lex_.FindGovernor(g_.lemma(noun)) != nullptr && In(kHolderVerbs, g_.lemma(static_cast<uint32_t>(g_.head(noun))))) {
        cur = static_cast<uint32_t>(g_.head(static_cast<uint32_t>(h)));
        continue;
      }
      *how = "noun modified";
      return h;
    } else if (r == "advcl" && !NonFinite(cur)) {
      break;  // "since Russia used ...": a finite adverbial clause has its own subject
    } else if (r == "advcl" && g_.xpos(cur) == "VBG" && HasCase(cur, kForOf)) {
      // "jailed a militant for financing ...", "accused Iran of supplying ...", "thanked Qatar for
      // mediating": the object of the verb above does it.
      int32_t obj = ChildWithRel(h, "obj");
      if (obj >= 0) {
        *how = "object of '" + std::string(g_.text(h)) + "'";
        return obj;
      }
    } else if (r != "conj" && r != "advcl") {
      break;
    }
    cur = static_cast<uint32_t>(h);
  }
  // The actor before a passive verb is what it happened to ("Navalny arrested"), not its doer.
  if (IsPassive(v)) return ViolentClauseDoer(v, how);
  return ActorBefore(v, how);
}

// "Four soldiers were killed when militants blew up a tunnel": with no by-agent, a passive is done by the
// subject of a when/as/after clause on it whose verb is itself an act of violence (codes 18-20). "were
// killed when their helicopter crashed" names nobody.
int32_t Coder::ViolentClauseDoer(uint32_t v, std::string* how) const {
  auto when = [&](uint32_t clause) {  // "when" is a mark or, as UD has it, an advmod
    for (uint32_t k : g_.children(clause)) {
      std::string_view r = g_.rel(k), l = g_.lemma(k);
      if ((r == "mark" || r == "advmod") && (l == "when" || l == "as" || l == "after")) return true;
    }
    return false;
  };
  for (uint32_t c : g_.children(v)) {
    if (g_.rel(c) != "advcl" || !when(c) || NonFinite(c) || IsPassive(c)) continue;
    const int32_t subj = SubjectChild(c);
    if (subj < 0 || g_.mention(static_cast<uint32_t>(subj)) < 0) continue;
    const auto* patterns = lex_.Triggered(TriggerKind::kVerb, g_.lemma(c));
    bool violent = false;
    for (size_t k = 0; patterns != nullptr && k < patterns->size() && !violent; ++k) {
      std::string_view code = lex_.pattern((*patterns)[k]).cameo;
      violent = code.starts_with("18") || code.starts_with("19") || code.starts_with("20");
    }
    if (!violent) continue;
    *how = "subject of '" + std::string(g_.text(c)) + "' (the act that did it)";
    return subj;
  }
  return -1;
}

bool Coder::NonFinite(uint32_t v) const {
  std::string_view x = g_.xpos(v);
  return x == "VB" || x == "VBG" || x == "VBN";
}

// When the parse gives a verb no subject: the nearest actor before it that hangs (through nouns only,
// no preposition) from the verb. Misparses such as "Russia last week used" (Russia under "week") or
// "With Erdogan, Khamenei warned" (Khamenei as a conjunct) still find their subject.
int32_t Coder::ActorBefore(uint32_t v, std::string* how) const {
  for (uint32_t k = v, steps = 0; k > 0 && steps < 12; --k, ++steps) {
    const uint32_t t = k - 1;
    if (g_.mention(t) < 0 || g_.head(t) < 0) continue;
    bool has_case = false;
    for (uint32_t c : g_.children(t))
      if (g_.rel(c) == "case") has_case = true;
    if (has_case) continue;
    int32_t cur = g_.head(t);
    for (int depth = 0; depth < 4 && cur >= 0; ++depth) {
      if (static_cast<uint32_t>(cur) == v) {
        *how = "nearest actor before the verb (no subject in the parse)";
        return static_cast<int32_t>(t);
      }
      if (g_.upos(static_cast<uint32_t>(cur)) == Upos::VERB) break;
      cur = g_.head(static_cast<uint32_t>(cur));
    }
  }
  return -1;
}

int32_t Coder::DirectObject(uint32_t a, bool trigger_is_verb) const {
  if (trigger_is_verb && IsPassive(a)) {
    int32_t sp = ChildWithRel(a, HeadlinePassive(a) ? "nsubj" : "nsubj:pass");
    if (sp >= 0) return sp;
    if (g_.rel(a) == "acl" && g_.head(a) >= 0) return g_.head(a);  // "the city bombed by ..."
  }
  // An "object" with its own preposition is a prepositional phrase the parser hung as one ("fought
  // alongside the Americans"): not the verb's object.
  int32_t obj = ChildWithRel(a, "obj");
  if (obj >= 0 && !HasAnyCase(static_cast<uint32_t>(obj))) return obj;
  return ChildWithRel(a, "iobj");
}

int32_t Coder::PrepPhrase(uint32_t t, const Match& m, const std::vector<std::string>& preps) const {
  auto search = [&](uint32_t a) -> int32_t {
    for (uint32_t c : g_.children(a)) {
      std::string_view r = g_.rel(c);
      // An obj with a preposition of its own is a misattached prepositional phrase (DirectObject).
      if ((r.substr(0, 3) == "obl" || r.substr(0, 4) == "nmod" || r == "advcl" || r == "obj") && HasCase(c, preps))
        return static_cast<int32_t>(c);
    }
    if (Particle(a, preps) >= 0) return ChildWithRel(a, "obj");  // "took over the city"
    return -1;
  };
  int32_t found = search(t);
  for (size_t k = 0; found < 0 && k < m.words.size(); ++k) found = search(static_cast<uint32_t>(m.words[k]));
  // "sanctions imposed on Russia": the object noun above the participle.
  if (found < 0 && (g_.rel(t) == "acl" || g_.rel(t) == "acl:relcl") && g_.head(t) >= 0) {
    for (uint32_t c : g_.children(static_cast<uint32_t>(g_.head(t)))) {
      std::string_view r = g_.rel(c);
      if (r.substr(0, 4) == "nmod" && HasCase(c, preps)) return static_cast<int32_t>(c);
    }
  }
  return found;
}

// Actor mentions for the slot token x: x itself, else one or two steps down; every conjunct.
void Coder::Actors(int32_t x, std::vector<int32_t>* out) const {
  static const std::vector<std::string> kOfFromBy = {"of", "from", "by"};
  if (x < 0) return;
  // Which dependents to look through, best first: a name in apposition or flat ("its rival Taiwan"),
  // a compound or adjective ("Russian forces"), a possessor, an of/from/by phrase ("an attack by
  // Osgiliath soldiers"); "issues in Syria" are not Syria's.
  auto rank = [&](uint32_t c) -> int {
    std::string_view r = g_.rel(c);
    if (r == "appos" || r == "flat") return 0;
    if (r == "compound" && IsCapitalCompound(c)) return -1;
    if (r == "compound" || r == "amod") return 1;
    if (r == "nmod:poss") return 2;
    if (r.substr(0, 4) == "nmod" && HasCase(c, kOfFromBy)) return 3;
    return -1;
  };
  auto one = [&](uint32_t tok) -> int32_t {
    int32_t m = g_.mention(tok);
    if (m >= 0) return m;
    uint32_t frontier[8];
    size_t nf = 0;
    frontier[nf++] = tok;
    for (int depth = 0; depth < 2; ++depth) {
      uint32_t next[8];
      size_t nn = 0;
      int32_t best = -1;
      int best_rank = 99;
      for (size_t i = 0; i < nf; ++i) {
        for (uint32_t c : g_.children(frontier[i])) {
          const int k = rank(c);
          if (k < 0) continue;
          if (g_.mention(c) >= 0 && k < best_rank) {
            best = g_.mention(c);
            best_rank = k;
          }
          if (nn < 8) next[nn++] = c;
        }
      }
      if (best >= 0) return best;
      std::copy(next, next + nn, frontier);
      nf = nn;
    }
    return -1;
  };
  auto add = [&](int32_t m) {
    if (m >= 0 && std::find(out->begin(), out->end(), m) == out->end()) out->push_back(m);
  };
  const int32_t head = one(static_cast<uint32_t>(x));
  add(head);
  // "the two leaders": both members of the pair.
  if (head >= 0 && doc_.mentions()[static_cast<size_t>(head)].partner >= 0) add(doc_.mentions()[static_cast<size_t>(head)].partner);
  for (uint32_t c : g_.children(static_cast<uint32_t>(x)))
    if (g_.rel(c) == "conj") add(one(c));
  // "officials from the UN, Russia, Ukraine and Turkey": an agent of a list is one actor per item.
  // "Indian and Chinese troops": the items coordinated with the agent's own modifier, likewise.
  if (head >= 0 && doc_.mentions()[static_cast<size_t>(head)].kind == MentionKind::kAgent) {
    for (uint32_t c : g_.children(static_cast<uint32_t>(x))) {
      const std::string_view r = g_.rel(c);
      const int32_t cm = g_.mention(c);
      const bool listed = r.substr(0, 4) == "nmod"
                              ? HasCase(c, kOfFromBy) && cm >= 0
                              : (r == "amod" || r == "compound") && cm >= 0 &&
                                    doc_.mentions()[static_cast<size_t>(cm)].kind == MentionKind::kAgent;
      if (!listed) continue;
      add(cm);
      // The items hang from the first or from each other (bounded: a list of at most 16).
      uint32_t items[16];
      size_t n = 0;
      items[n++] = c;
      for (size_t i = 0; i < n; ++i) {
        for (uint32_t k : g_.children(items[i])) {
          if (g_.rel(k) != "conj" || n == 16) continue;
          add(g_.mention(k));
          items[n++] = k;
        }
      }
    }
  }
}

// Source of an event noun: possessor, actor adjective / compound, by-phrase, or a light verb's subject.
int32_t Coder::NounSource(uint32_t n, const EventPattern& p, std::string* how) const {
  static const std::vector<std::string> kBy = {"by"}, kOf = {"of"};
  bool of_used = false;
  for (const PatternSlot& s : p.slots)
    if (AnyEqual(s.preps, "of")) of_used = true;
  for (const PatternWord& w : p.words)
    if (AnyEqual(w.preps, "of")) of_used = true;
  for (uint32_t c : g_.children(n)) {
    std::string_view r = g_.rel(c);
    if (r == "compound" && IsCapitalCompound(c)) continue;
    if (r == "nmod:poss" || ((r == "amod" || r == "compound") && g_.mention(c) >= 0)) {
      *how = std::string(r);
      return static_cast<int32_t>(c);
    }
  }
  for (uint32_t c : g_.children(n)) {
    std::string_view r = g_.rel(c);
    if (r.substr(0, 4) != "nmod") continue;
    if (HasCase(c, kBy) || (!of_used && HasCase(c, kOf) && g_.mention(c) >= 0)) {
      *how = "by/of phrase";
      return static_cast<int32_t>(c);
    }
  }
  // "Iran and Russia are in talks", "Russia is at war with Ukraine": the subject of a prepositional
  // predicate noun.
  static const std::vector<std::string> kInAt = {"in", "at"};
  if (HasCase(n, kInAt)) {
    for (uint32_t c : g_.children(n)) {
      if (g_.rel(c) == "nsubj") {
        *how = "subject of '" + std::string(g_.text(n)) + "'";
        return static_cast<int32_t>(c);
      }
    }
  }
  int32_t h = g_.head(n);
  // A light verb ("held talks"), or a governor taking the noun as its object ("proposed talks").
  if (h >= 0 && (g_.rel(n) == "obj" || g_.rel(n) == "nsubj:pass") &&
      (In(kLightVerbs, g_.lemma(h)) || NounGovernor(n) != nullptr)) {
    std::string sub;
    int32_t s = Subject(static_cast<uint32_t>(h), &sub);
    *how = "subject of light verb '" + std::string(g_.text(h)) + "'";
    return s;
  }
  return -1;
}

void Coder::FillSlots(uint32_t t, TriggerKind kind, Match& m) {
  const EventPattern& p = *m.pattern;
  slot_tokens_.clear();
  int32_t src_tok = -1, tgt_tok = -1;
  bool src_slot = false, tgt_slot = false;
  for (const PatternSlot& s : p.slots) {
    int32_t tok;
    if (s.preps.empty()) {
      uint32_t a = s.anchor < 0 ? t : static_cast<uint32_t>(m.words[s.anchor]);
      tok = DirectObject(a, kind == TriggerKind::kVerb && s.anchor < 0);
    } else {
      tok = PrepPhrase(t, m, s.preps);
    }
    if (s.role == SlotRole::kSource) {
      src_slot = true;
      src_tok = tok;
      m.source_how = "slot";
    } else {
      tgt_slot = true;
      tgt_tok = tok;
      m.target_how = "slot";
    }
  }
  // The agent: the subject (a verb) or the noun's own source, unless the pattern names $SRC.
  std::string how;
  int32_t agent = kind == TriggerKind::kVerb ? Subject(t, &how) : NounSource(t, p, &how);
  if (!src_slot) {
    src_tok = agent;
    m.source_how = how;
  } else if (!tgt_slot) {
    tgt_tok = agent;
    m.target_how = how;
  }
  Actors(src_tok, &m.sources);
  Actors(tgt_tok, &m.targets);
  // Force used through a noun that is no actor (roots 18-20): only the owner of a weapon, an attack or a
  // unit (kForceBearers) is the one who used it.
  const std::string_view root = std::string_view(p.cameo).substr(0, 2);
  // The noun must be the verb's own subject: the owner of a plan or decision to use force ("Russia's
  // plan to attack Ukraine") does it (a governor, event_modality.cc).
  if (kind == TriggerKind::kVerb && !src_slot && src_tok >= 0 && how == "subject" &&
      (root == "18" || root == "19" || root == "20")) {
    const auto subject = static_cast<uint32_t>(src_tok);
    if (g_.mention(subject) < 0 && g_.upos(subject) == Upos::NOUN && !In(kForceBearers, g_.lemma(subject)) &&
        lex_.FindGovernor(g_.lemma(subject)) == nullptr)
      m.sources.clear();
  }
  // No target slot found one: an actor modifying a matched word ("warned of the planned Turkish
  // invasion" -> TUR, "abandoned Tehran's nuclear deal" -> IRN), unless it is the source itself.
  if (m.targets.empty()) {
    for (size_t k = 0; k < m.words.size() && m.targets.empty(); ++k) {
      for (uint32_t c : g_.children(static_cast<uint32_t>(m.words[k]))) {
        std::string_view r = g_.rel(c);
        int32_t men = g_.mention(c);
        if (men < 0 || !(r == "amod" || r == "nmod:poss" || r == "compound")) continue;
        if (r == "compound" && IsCapitalCompound(c)) continue;  // "the Paris accord" is no French act
        bool is_source = false;
        for (int32_t sm : m.sources)
          if (doc_.mentions()[sm].code == doc_.mentions()[men].code) is_source = true;
        if (is_source) continue;
        m.targets.push_back(men);
        tgt_tok = static_cast<int32_t>(c);
        m.target_how = "actor modifying '" + std::string(g_.text(static_cast<uint32_t>(m.words[k]))) + "'";
        break;
      }
    }
  }
  // "Russian forces shelled Kharkiv": a town or region named as the target stands for its country.
  // Not a name in capitals: that is a dateline the parse hung on the verb ("KABUL (Reuters) - A man was
  // shot dead").
  if (m.targets.empty() && tgt_tok >= 0 && !AllCapitals(g_.text(static_cast<uint32_t>(tgt_tok)))) {
    const int32_t place = PlaceAt(g_.doc_token(static_cast<uint32_t>(tgt_tok)));
    if (place >= 0) {
      m.targets.push_back(kPlaceTarget - place);
      m.target_how = "place '" + std::string(g_.text(static_cast<uint32_t>(tgt_tok))) + "'";
    }
  }
  // "Israeli jets struck targets in Syria", "missiles hit a building in Kharkiv": force used on something
  // in a country is used on that country (roots 18-20 only: "arrested a man in Tehran" is no act against
  // Iran's government).
  const bool force = p.cameo.starts_with("18") || p.cameo.starts_with("19") || p.cameo.starts_with("20");
  if (force && m.targets.empty() && tgt_tok >= 0) {
    static const std::vector<std::string> kIn = {"in", "inside"};
    // The target's own in-phrase, else the verb's ("struck targets in Syria" with "in Syria" on the verb).
    std::vector<uint32_t> where;
    for (uint32_t c : g_.children(static_cast<uint32_t>(tgt_tok)))
      if (g_.rel(c).substr(0, 4) == "nmod") where.push_back(c);
    if (kind == TriggerKind::kVerb && g_.rel(static_cast<uint32_t>(tgt_tok)) == "obj") {
      for (uint32_t c : g_.children(t))
        if (g_.rel(c) == "obl") where.push_back(c);
    }
    // Not force in the doer's own country ("Iraqi forces battled militants in Najaf", "their vehicle hit a
    // mine in Turkey"): whom it was used on is not said.
    auto abroad = [&](std::string_view country) {
      for (int32_t src : m.sources)
        if (src >= 0 && doc_.Str(doc_.mentions()[static_cast<size_t>(src)].country) == country) return false;
      return !country.empty();
    };
    for (uint32_t c : where) {
      if (!HasCase(c, kIn) || AllCapitals(g_.text(c))) continue;
      const int32_t men = g_.mention(c);
      // A place: the country itself, or the country of a town (a capital too: "in Baghdad" says where,
      // it is no act against Iraq's government).
      const bool country = men >= 0 && doc_.mentions()[static_cast<size_t>(men)].kind == MentionKind::kCountry &&
                           doc_.Str(doc_.mentions()[static_cast<size_t>(men)].code).size() == 3;
      const int32_t place = country ? -1 : PlaceAt(g_.doc_token(c));
      if (country && abroad(doc_.Str(doc_.mentions()[static_cast<size_t>(men)].country))) {
        m.targets.push_back(men);
      } else if (place >= 0 && abroad(doc_.Str(doc_.places()[static_cast<size_t>(place)].country))) {
        m.targets.push_back(kPlaceTarget - place);
      } else {
        continue;
      }
      m.target_how = "where the target is ('" + std::string(g_.text(c)) + "')";
      break;
    }
  }
  // "clashes between US forces and militiamen", "talks between Iran and Russia": a mutual event with
  // no doer of its own is among the actors of its between-phrase.
  static const std::vector<std::string> kBetween = {"between", "among", "amongst"};
  // Every conjunct must be an actor: "battles between insurgents and US and Iraqi forces" does not pit
  // the US against Iraqi forces.
  auto conjuncts = [&](uint32_t x) {
    size_t n = 1;
    for (uint32_t c : g_.children(x)) n += g_.rel(c) == "conj";
    return n;
  };
  if (p.symmetric && m.sources.empty() && m.targets.size() >= 2 && tgt_tok >= 0 &&
      HasCase(static_cast<uint32_t>(tgt_tok), kBetween) && m.targets.size() == conjuncts(static_cast<uint32_t>(tgt_tok))) {
    m.sources.swap(m.targets);
    m.source_how = "between-phrase, each with the other";
    m.target_how.clear();
  }
  slot_tokens_.push_back(src_tok);
  slot_tokens_.push_back(tgt_tok);
  if (m.target_how.empty()) m.target_how = "none";
}

}  // namespace dyad::events::coder
