// The event coder's modality and polarity: negation, auxiliaries, governors up the xcomp chain, reported
// speech, acts one is accused of, and event nouns dated after the article.
#include "events/event_coder.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <vector>

namespace dyad::events::coder {
namespace {

// Verbs whose clausal complement is what somebody says: the event inside is "reported".
constexpr std::array<std::string_view, 16> kSpeechVerbs = {
    "say", "tell", "claim", "report", "allege", "announce", "state", "add", "insist", "argue",
    "note", "stress", "write", "believe", "think", "confirm"};

// Verbs that charge somebody with an act: the act under "of"/"for" is alleged.
constexpr std::array<std::string_view, 14> kAccuseVerbs = {
    "accuse", "charge", "suspect", "blame", "convict", "arrest", "jail", "sentence", "detain", "indict",
    "condemn", "criticize", "criticise", "fine"};

// Verbs of warning and urging: their if-clauses are part of what they say.
constexpr std::array<std::string_view, 9> kWarningVerbs = {"warn", "threaten", "vow", "caution", "urge",
                                                           "fear", "predict", "promise", "pledge"};

}  // namespace

Modal Coder::VerbModality(uint32_t t) const {
  Modal md;
  auto look_at = [&](uint32_t v) {
    for (uint32_t c : g_.children(v)) {
      std::string_view r = g_.rel(c), l = g_.lemma(c);
      if (r == "advmod" && (l == "not" || l == "never" || l == "n't")) {
        md.negated = true;
        md.why += "negated by '" + std::string(g_.text(c)) + "' ";
      }
      if (r == "aux") {
        if (l == "will" || l == "shall" || l == "'ll") {
          md.modality = Modality::kIntended;
          md.aux_token = static_cast<int32_t>(c);
          md.why += "future '" + std::string(g_.text(c)) + "' ";
        } else if (l == "could" || l == "might" || l == "may" || l == "should" || l == "must" ||
                   l == "would" || l == "can") {
          md.modality = Modality::kHypothetical;
          md.aux_token = static_cast<int32_t>(c);
          md.why += "modal '" + std::string(g_.text(c)) + "' ";
        }
      }
      if (r == "mark" && (l == "if" || l == "unless")) {
        md.modality = Modality::kHypothetical;
        md.why += "condition '" + std::string(g_.text(c)) + "' ";
      }
      // "warned Singapore against visiting Taiwan": what one is warned against has not happened.
      if ((r == "mark" || r == "case") && l == "against" && g_.upos(v) == Upos::VERB) {
        md.modality = Modality::kHypothetical;
        md.why += "warned against ";
      }
      // "left without signing the deal".
      if ((r == "mark" || r == "case") && l == "without" && g_.upos(v) == Upos::VERB) {
        md.negated = true;
        md.why += "negated by 'without' ";
      }
    }
  };
  look_at(t);
  // "if they did not, the US would release them": a condition on the clause makes what is told of it
  // hypothetical; a stated future under a condition stays a promise or a threat ("will strike back if
  // attacked").
  // Not for saying and warning: "warned of a catastrophe if the attack goes ahead" was said, whatever the
  // condition is a condition of.
  const bool speech = In(kSpeechVerbs, g_.lemma(t)) || In(kWarningVerbs, g_.lemma(t));
  for (uint32_t c : g_.children(t)) {
    if (speech || g_.rel(c) != "advcl" || md.modality == Modality::kIntended) continue;
    for (uint32_t k : g_.children(c)) {
      std::string_view l = g_.lemma(k);
      if (g_.rel(k) == "mark" && (l == "if" || l == "unless")) {
        md.modality = Modality::kHypothetical;
        md.why += "on condition '" + std::string(g_.text(k)) + "' ";
      }
    }
  }
  // "will not dismantle its programs or improve ties": a conjunct verb with no subject, auxiliary or
  // "but" of its own shares the first verb's negation and auxiliary.
  if (g_.rel(t) == "conj" && g_.head(t) >= 0) {
    bool own = false;
    for (uint32_t c : g_.children(t)) {
      std::string_view r = g_.rel(c), l = g_.lemma(c);
      if (r == "nsubj" || r == "nsubj:pass" || r == "aux" || r == "aux:pass" || (r == "cc" && (l == "but" || l == "yet")))
        own = true;
    }
    if (!own) {
      const int32_t aux = md.aux_token;
      look_at(static_cast<uint32_t>(g_.head(t)));
      md.aux_token = aux;  // the trigger span stays this verb's own
    }
  }
  // "accused Iran of supplying weapons", "jailed him for financing attacks": what one is accused, charged
  // or punished for is told on someone else's word.
  // The gerund hangs from the verb (advcl) or from its object (acl: "accused Iran of supplying").
  static const std::vector<std::string> kForOf = {"for", "of"};
  int32_t charged_by = g_.head(t);
  if (charged_by >= 0 && g_.rel(t) == "acl" && g_.rel(static_cast<uint32_t>(charged_by)) == "obj")
    charged_by = g_.head(static_cast<uint32_t>(charged_by));
  else if (g_.rel(t) != "advcl")
    charged_by = -1;
  if (charged_by >= 0 && g_.xpos(t) == "VBG" && HasCase(t, kForOf) &&
      In(kAccuseVerbs, g_.lemma(static_cast<uint32_t>(charged_by))) && md.modality == Modality::kAsserted) {
    md.modality = Modality::kReported;
    md.why += "alleged by '" + std::string(g_.text(static_cast<uint32_t>(charged_by))) + "' ";
  }
  // Governors up the xcomp chain: "plans to visit", "is scheduled to hold talks", "threatened to".
  uint32_t cur = t;
  for (int depth = 0; depth < 3; ++depth) {
    std::string_view r = g_.rel(cur);
    int32_t h = g_.head(cur);
    if (h < 0) break;
    // "a plan to visit", "a decision to withdraw": the noun governs like its verb.
    const bool noun_governor = r == "acl" && g_.upos(static_cast<uint32_t>(h)) == Upos::NOUN;
    // "urging Turkey to exercise restraint" parsed as an advcl: a to-clause under a governor verb is
    // its complement all the same.
    bool to_clause = false;
    if (r == "advcl" && lex_.FindGovernor(g_.lemma(h)) != nullptr) {
      for (uint32_t c : g_.children(cur))
        // "worked towards lifting the ban" as well.
        if ((g_.rel(c) == "mark" || g_.rel(c) == "case") &&
            (g_.lemma(c) == "to" || g_.lemma(c) == "towards" || g_.lemma(c) == "toward"))
          to_clause = true;
    }
    if (r == "xcomp" || r == "ccomp" || noun_governor || to_clause) {
      if (noun_governor || to_clause) r = "xcomp";
      const Governor* gov = lex_.FindGovernor(g_.lemma(h));
      // Governors act on their xcomp only: "warned that Russia would attack" reports an attack, it is
      // not the warner's threat.
      if (gov && r == "xcomp") {
        ApplyGovernor(*gov, static_cast<uint32_t>(h), md);
        // An attempt under another governor is what that one makes it: "urged Erdogan to try to seize
        // Afrin" is an appeal, not an attempt.
        const int32_t outer = g_.rel(static_cast<uint32_t>(h)) == "xcomp" ? g_.head(static_cast<uint32_t>(h)) : -1;
        const Governor* above = md.attempted && outer >= 0 ? lex_.FindGovernor(g_.lemma(static_cast<uint32_t>(outer))) : nullptr;
        if (above != nullptr) {
          md.attempted = false;
          md.why += "under '" + std::string(g_.text(static_cast<uint32_t>(outer))) + "' ";
          if (above->effect == GovernorEffect::kHypothetical) md.modality = Modality::kHypothetical;
          if (above->effect == GovernorEffect::kRefused) md.negated = true;
          if (above->effect == GovernorEffect::kThreatened) md.threatened = true;
        }
        break;
      }
      if (r == "ccomp" && In(kSpeechVerbs, g_.lemma(h))) {
        // "would" under a speech verb is a reported future: "said it would impose sanctions".
        if (md.modality == Modality::kHypothetical && md.aux_token >= 0 && g_.lemma(md.aux_token) == "would")
          md.modality = Modality::kIntended;
        else if (md.modality == Modality::kAsserted)
          md.modality = Modality::kReported;
        md.why += "reported by '" + std::string(g_.text(h)) + "' ";
        break;
      }
    }
    if (r != "xcomp" && r != "conj") break;
    cur = static_cast<uint32_t>(h);
  }
  if (!md.why.empty() && md.why.back() == ' ') md.why.pop_back();
  return md;
}

Modal Coder::NounModality(uint32_t n) const {
  Modal md;
  for (uint32_t c : g_.children(n)) {
    std::string_view r = g_.rel(c);
    if (r == "det" && g_.lemma(c) == "no") {
      md.negated = true;
      md.why = "negated by 'no'";
    }
    // "Tuesday's meeting", "the summit on Friday", in an article of Monday: an event still to come.
    if ((r == "nmod:poss" || r == "compound" || r == "nmod" || r == "nmod:tmod" || r == "nmod:unmarked") &&
        md.modality == Modality::kAsserted && AfterArticleDate(g_.doc_token(c))) {
      md.modality = Modality::kIntended;
      md.why += std::string(md.why.empty() ? "" : " ") + "dated after the article ('" + std::string(g_.text(c)) + "')";
    }
  }
  // "proposed a new round of talks", "offered talks", "rejected talks": the noun as the object of a governor
  // verb is what that verb makes it (NounSource takes the verb's subject as the doer).
  const Governor* gov = NounGovernor(n);
  if (gov != nullptr) {
    if (!md.why.empty()) md.why += ' ';
    ApplyGovernor(*gov, static_cast<uint32_t>(g_.head(n)), md);
    if (md.why.back() == ' ') md.why.pop_back();
  }
  return md;
}

// What governor `gov` at token h makes of the event it governs, with the governor's own negation ("did
// not plan to") and condition ("if the US sought to strike"). Shared by verbs (their xcomp) and event
// nouns (the governor's object).
void Coder::ApplyGovernor(const Governor& gov, uint32_t h, Modal& md) const {
  md.governor = &gov;
  md.governor_token = static_cast<int32_t>(h);
  md.why += "governed by '" + std::string(g_.text(h)) + "' ";
  switch (gov.effect) {
    case GovernorEffect::kIntended: md.modality = Modality::kIntended; break;
    case GovernorEffect::kAttempted:
      md.modality = Modality::kIntended;
      md.attempted = true;
      break;
    case GovernorEffect::kThreatened:
      md.threatened = true;
      md.modality = Modality::kAsserted;
      break;
    case GovernorEffect::kRefused: md.negated = true; break;
    case GovernorEffect::kHypothetical: md.modality = Modality::kHypothetical; break;
  }
  for (uint32_t c : g_.children(h)) {
    std::string_view cl = g_.lemma(c), cr = g_.rel(c);
    if (cr == "advmod" && (cl == "not" || cl == "never" || cl == "n't")) md.negated = !md.negated;
    if (cr == "mark" && (cl == "if" || cl == "unless")) {
      md.modality = Modality::kHypothetical;
      md.attempted = false;
      md.why += "on condition '" + std::string(g_.text(c)) + "' ";
    }
  }
}

// The governor verb whose direct object event noun n is ("proposed talks"), or null.
// Not a verb that carries the event it takes ("ordered a missile strike" was carried out: a light verb,
// see event_slots.cc), nor one that takes it as a topic ("discussed his concerns about Syria").
const Governor* Coder::NounGovernor(uint32_t n) const {
  static constexpr std::array<std::string_view, 19> kNotGoverning = {
      "order", "announce", "offer", "declare", "launch", "begin", "start", "continue", "resume", "make",
      "discuss", "debate", "study", "review", "consider", "weigh", "mull", "explore", "contemplate"};
  const int32_t h = g_.head(n);
  if (h < 0 || g_.rel(n) != "obj" || g_.upos(static_cast<uint32_t>(h)) != Upos::VERB) return nullptr;
  const std::string_view verb = g_.lemma(static_cast<uint32_t>(h));
  if (In(kNotGoverning, verb)) return nullptr;
  return lex_.FindGovernor(verb);
}

// Token t is in a time expression naming a day after the article's date.
bool Coder::AfterArticleDate(uint32_t t) const {
  std::string_view today = doc_.meta().date;
  if (today.size() != 10) return false;
  for (const TimexRow& x : doc_.timexes()) {
    if (t < x.first_token || t >= x.end_token) continue;
    std::string_view v = doc_.Str(x.value);
    return doc_.Str(x.type) == "DATE" && v.size() == 10 && v > today;
  }
  return false;
}

}  // namespace dyad::events::coder
