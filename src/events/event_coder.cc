// The event coder's driver: which patterns a trigger tries, how the winning match becomes EventRows
// (codes, modality, reciprocal and paired events), and how a pattern's words are found in the parse.
#include "events/event_coder.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <vector>

namespace dyad::events::coder {

// Codes sentence s; appends to `out`.
void Coder::Code(uint32_t s, std::vector<EventRow>* out) {
  g_.Build(doc_, s);
  const uint32_t n = g_.size();
  used_.assign(n, 0);
  const size_t first_event = out->size();
  for (int pass = 0; pass < 2; ++pass) {
    const TriggerKind kind = pass == 0 ? TriggerKind::kVerb : TriggerKind::kNoun;
    for (uint32_t t = 0; t < n; ++t) {
      const Upos u = g_.upos(t);
      if (kind == TriggerKind::kVerb ? u != Upos::VERB : (u != Upos::NOUN)) continue;
      if (kind == TriggerKind::kNoun && used_[t]) {
        if (trace_) Say(t, "noun already part of a verb event");
        continue;
      }
      const auto* candidates = Candidates(t, kind);
      if (!candidates) continue;
      TryTrigger(s, t, kind, *candidates, first_event, out);
    }
  }
}

// Patterns for token t's lemma. For inflected verbs whose lemma has none, the spellings a suffix
// rule may have missed ("declin" for declined, "bombe" for bombed, "boycot" for boycotted).
const std::vector<uint32_t>* Coder::Candidates(uint32_t t, TriggerKind kind) {
  std::string_view lemma = g_.lemma(t);
  const auto* found = lex_.Triggered(kind, lemma);
  if (found || kind != TriggerKind::kVerb || lemma.size() < 3) return found;
  std::string_view x = g_.xpos(t);
  if (x != "VBD" && x != "VBN" && x != "VBG" && x != "VBZ") return nullptr;
  variant_.assign(lemma);
  variant_ += 'e';
  if ((found = lex_.Triggered(kind, variant_))) return found;
  if (lemma.back() == 'e') {
    variant_.assign(lemma.substr(0, lemma.size() - 1));
    if ((found = lex_.Triggered(kind, variant_))) return found;
  }
  variant_.assign(lemma);
  variant_ += lemma.back();
  return lex_.Triggered(kind, variant_);
}

// An object or a clausal complement of verb t (what an intransitive-only pattern refuses).
bool Coder::HasObjectOrClause(uint32_t t) const {
  for (uint32_t c : g_.children(t)) {
    const auto rel = g_.rel(c);
    if (rel == "obj" || rel == "ccomp") return true;
  }
  return false;
}

void Coder::Say(uint32_t t, const std::string& line) {
  if (trace_) trace_->push_back(std::string(g_.text(t)) + " [" + std::to_string(t + 1) + "]: " + line);
}

void Coder::TryTrigger(uint32_t s, uint32_t t, TriggerKind kind, const std::vector<uint32_t>& candidates,
                       size_t first_event, std::vector<EventRow>* out) {
  Match best;
  Match& m = scratch_match_;  // reused: no allocation per tried pattern once grown
  int tried = 0;
  std::string why;
  for (uint32_t pi : candidates) {
    const EventPattern& p = lex_.pattern(pi);
    ++tried;
    m.pattern = &p;
    m.sources.clear();
    m.targets.clear();
    m.source_how.clear();
    m.target_how.clear();
    if (!g_.MayHaveAll(p.words)) {  // a required word is not in the sentence at all
      if (trace_ && tried <= 6) Say(t, "pattern " + p.id + ": a required word is not in the sentence");
      continue;
    }
    if (!MatchWords(t, p, &m.words, trace_ ? &why : nullptr)) {
      if (trace_ && tried <= 6) Say(t, "pattern " + p.id + ": " + why);
      continue;
    }
    if (p.intransitive && HasObjectOrClause(t)) {
      if (trace_ && tried <= 6) Say(t, "pattern " + p.id + ": intransitive only, and the verb has an object or clause");
      continue;
    }
    FillSlots(t, kind, m);
    if (p.official) {
      std::erase_if(m.sources, [&](int32_t src) { return !IsOfficial(doc_.Str(doc_.mentions()[src].code)); });
      if (m.sources.empty() && trace_ && tried <= 6) Say(t, "pattern " + p.id + ": no official actor as the source");
    }
    if (p.armed && !ArmedFight(m)) {
      m.sources.clear();
      if (trace_ && tried <= 6) Say(t, "pattern " + p.id + ": not a fight between armed actors");
    }
    if ((p.unarmed || p.speakers) && !PoliticalDispute(m, p.speakers)) {
      m.sources.clear();
      if (trace_ && tried <= 6) Say(t, "pattern " + p.id + ": not a dispute between political actors");
    }
    const bool complete = !m.sources.empty() && (!m.targets.empty() || !p.needs_target || Reciprocal(p, m));
    if (!best.pattern || complete) best = m;
    if (complete) break;
    if (trace_) Say(t, "pattern " + p.id + ": words found, but " +
                           (m.sources.empty() ? std::string("no source actor") : "no target actor"));
  }
  if (!best.pattern) return;
  const EventPattern& p = *best.pattern;
  const bool reciprocal = Reciprocal(p, best);
  if (best.sources.empty() || (best.targets.empty() && p.needs_target && !reciprocal)) return;

  Modal modal = kind == TriggerKind::kVerb ? VerbModality(t) : NounModality(t);
  for (int32_t w : best.words) {  // "expressed no sympathy", "imposed no sanctions"
    for (uint32_t c : g_.children(static_cast<uint32_t>(w))) {
      if (g_.rel(c) == "det" && g_.lemma(c) == "no" && !modal.negated) {
        modal.negated = true;
        modal.why += std::string(modal.why.empty() ? "" : " ") + "negated by 'no'";
      }
    }
  }
  std::string code = p.cameo;
  std::string pair_code = p.pair_code;
  if (modal.governor && modal.governor->cameo.size() && modal.governor_token >= 0 &&
      modal.modality == Modality::kAsserted && modal.negated && !modal.threatened) {
    // "refused to X": the refusal is the event.
    code = modal.governor->cameo;
    modal.negated = false;
  } else if (modal.threatened) {
    code = lex_.IntentCode(code, /*threat=*/true);
  } else if (modal.attempted && code.size() >= 2 && code.compare(0, 2, "17") >= 0 && code.compare(0, 2, "20") <= 0) {
    // "tried to storm the embassy", "sought to push back Isis": an attempt at force is force used.
    modal.modality = Modality::kAsserted;
  } else if (modal.modality == Modality::kIntended) {
    code = lex_.IntentCode(code, /*threat=*/false);
    if (!pair_code.empty()) pair_code = lex_.IntentCode(pair_code, /*threat=*/false);
  }
  if (modal.threatened && !pair_code.empty()) pair_code.clear();  // a threat has no reciprocal

  // Trigger span: the trigger, its words, and the governor / auxiliary that set the modality.
  uint32_t lo = t, hi = t;
  auto widen = [&](int32_t k) {
    if (k < 0) return;
    lo = std::min(lo, static_cast<uint32_t>(k));
    hi = std::max(hi, static_cast<uint32_t>(k));
  };
  for (int32_t w : best.words) widen(w);
  widen(modal.governor_token);
  widen(modal.aux_token);
  MarkUsed(t, best);

  std::vector<int32_t> targets = best.targets;
  if (targets.empty()) targets.push_back(-1);
  int emitted = 0;
  auto emit = [&](int32_t src, int32_t tgt, const std::string& c) {
    // A place in the doer's own country is an event only when force is used there ("Syrian jets bombed
    // Aleppo"); "made a trip to rural Ohio" is no visit between states.
    const bool place = tgt <= kPlaceTarget;
    if (place && c.compare(0, 2, "17") < 0 &&
        doc_.Str(doc_.places()[static_cast<size_t>(kPlaceTarget - tgt)].country) == doc_.Str(doc_.mentions()[src].country)) {
      return;
    }
    if (place) tgt = PlaceMention(kPlaceTarget - tgt);
    if (src == tgt) return;
    // Speaking to the press ("speaking to BBC Radio 4") is a statement, not consultation: no 04 event
    // has a news medium on either side.
    if (c.starts_with("04") && (IsMedia(src) || (tgt >= 0 && IsMedia(tgt)))) return;
    if (tgt >= 0 && doc_.mentions()[src].code == doc_.mentions()[tgt].code) return;
    for (size_t e = first_event; e < out->size(); ++e) {
      const EventRow& r = (*out)[e];
      // Once per pair of codes: "officials from the UN" and "the UN" are one actor here.
      const auto& ms = doc_.mentions();
      const bool same_target = r.target == tgt || (r.target >= 0 && tgt >= 0 && ms[r.target].code == ms[tgt].code);
      if (ms[r.source].code == ms[src].code && same_target && doc_.Str(r.cameo) == c) return;
    }
    EventRow row;
    row.sentence = s;
    row.trigger_head = g_.doc_token(t);
    row.trigger_first = g_.doc_token(lo);
    row.trigger_end = g_.doc_token(hi) + 1;
    row.source = src;
    row.target = tgt;
    row.cameo = doc_.Intern(c);
    row.rule = doc_.Intern(p.id);
    row.modality = modal.modality;
    row.negated = modal.negated;
    out->push_back(row);
    ++emitted;
  };
  if (reciprocal) {  // "Putin and Erdogan met": each with the other
    for (int32_t a : best.sources)
      for (int32_t b : best.sources) emit(a, b, code);
  } else {
    for (int32_t src : best.sources) {
      for (int32_t tgt : targets) {
        emit(src, tgt, code);
        if (tgt >= 0 && !pair_code.empty()) emit(tgt, src, pair_code);
        if (tgt >= 0 && p.symmetric) emit(tgt, src, code);
      }
    }
  }
  if (trace_) {
    std::string line = "pattern " + p.id + " -> CAMEO " + code;
    if (code != p.cameo) line += " (from " + p.cameo + ")";
    line += "; source " + Names(best.sources) + " (" + best.source_how + ")";
    line += "; target " + (best.targets.empty() ? std::string("none") : Names(best.targets)) + " (" +
            best.target_how + ")";
    line += "; modality " + std::string(ModalityName(modal.modality));
    if (modal.negated) line += ", negated";
    if (!modal.why.empty()) line += " [" + modal.why + "]";
    line += "; " + std::to_string(emitted) + " event(s)";
    Say(t, line);
  }
}

// A mutual pattern (flag sym: meet, hold talks, sign) with no target but two or more different actors
// doing it together ("Putin and Erdogan met", "Iran and Russia are in talks"): each is the other's
// target.
bool Coder::Reciprocal(const EventPattern& p, const Match& m) const {
  if (!p.symmetric || !m.targets.empty() || m.sources.size() < 2) return false;
  for (int32_t a : m.sources)
    if (doc_.mentions()[a].code != doc_.mentions()[m.sources[0]].code) return true;
  return false;
}

std::string Coder::Names(const std::vector<int32_t>& ms) const {
  std::string out;
  for (int32_t m : ms) {
    if (m < 0) {
      out += std::string(out.empty() ? "" : ", ") + "a place";
      continue;
    }
    const MentionRow& r = doc_.mentions()[m];
    if (!out.empty()) out += ", ";
    uint32_t b = doc_.tokens()[r.first_token].begin, e = doc_.tokens()[r.end_token - 1].end;
    out += std::string(doc_.text().substr(b, e - b)) + " [" + std::string(doc_.Str(r.code)) + "]";
  }
  return out;
}

void Coder::MarkUsed(uint32_t t, const Match& m) {
  used_[t] = 1;
  for (int32_t w : m.words)
    if (w >= 0) used_[w] = 1;
  for (int32_t k : slot_tokens_)
    if (k >= 0) used_[k] = 1;
}

bool Coder::HasCase(uint32_t c, const std::vector<std::string>& preps) const {
  for (uint32_t k : g_.children(c)) {
    std::string_view r = g_.rel(k);
    if ((r == "case" || r == "mark") && AnyEqual(preps, g_.lemma(k))) return true;
  }
  return false;
}

bool Coder::HasAnyCase(uint32_t c) const {
  for (uint32_t k : g_.children(c))
    if (g_.rel(k) == "case" && g_.upos(k) == Upos::ADP && k < c) return true;
  return false;
}

int32_t Coder::Particle(uint32_t a, const std::vector<std::string>& preps) const {
  for (uint32_t k : g_.children(a))
    if (g_.rel(k) == "compound:prt" && AnyEqual(preps, g_.lemma(k))) return static_cast<int32_t>(k);
  return -1;
}

bool Coder::BareWordRel(std::string_view r) {
  return r == "obj" || r == "iobj" || r == "nsubj:pass" || r == "compound" || r == "compound:prt" ||
         r == "amod" || r == "xcomp" || r == "ccomp" || r == "advmod" || r == "obl:npmod" || r == "fixed" ||
         r == "flat";
}

int32_t Coder::FindWord(uint32_t anchor, const PatternWord& w, bool anchor_is_trigger) const {
  for (uint32_t c : g_.children(anchor)) {
    if (!AnyEqual(w.lemmas, g_.lemma(c))) continue;
    std::string_view r = g_.rel(c);
    if (r == "nsubj" || r == "csubj" || r == "punct" || r == "cc") continue;
    // A word without a preposition is an object, a particle or a modifier — never an adverbial
    // phrase ("fraud dropped from 10,276 cases" is not "drop case").
    if (w.preps.empty()) {
      if (BareWordRel(r)) return static_cast<int32_t>(c);
      continue;
    }
    if (HasCase(c, w.preps)) return static_cast<int32_t>(c);
    if ((r == "obj" || r == "obl") && Particle(anchor, w.preps) >= 0) return static_cast<int32_t>(c);
  }
  // "used its veto power": the word as a compound of the object.
  if (w.preps.empty()) {
    for (uint32_t c : g_.children(anchor)) {
      std::string_view r = g_.rel(c);
      if (r != "obj" && r != "nsubj:pass") continue;
      for (uint32_t k : g_.children(c))
        if (g_.rel(k) == "compound" && AnyEqual(w.lemmas, g_.lemma(k))) return static_cast<int32_t>(k);
    }
  }
  // "the sanctions imposed on Russia": the object noun governs the participle.
  if (anchor_is_trigger && w.preps.empty()) {
    int32_t h = g_.head(anchor);
    std::string_view r = g_.rel(anchor);
    if (h >= 0 && (r == "acl" || r == "acl:relcl") && AnyEqual(w.lemmas, g_.lemma(h))) return h;
  }
  return -1;
}

bool Coder::MatchWords(uint32_t t, const EventPattern& p, std::vector<int32_t>* words, std::string* why) const {
  words->assign(p.words.size(), -1);
  for (size_t k = 0; k < p.words.size(); ++k) {
    const PatternWord& w = p.words[k];
    uint32_t anchor = w.anchor < 0 ? t : static_cast<uint32_t>((*words)[w.anchor]);
    int32_t found = FindWord(anchor, w, w.anchor < 0);
    if (found < 0) {
      if (why) *why = "no '" + w.lemmas.front() + "' under '" + std::string(g_.text(anchor)) + "'";
      return false;
    }
    (*words)[k] = found;
  }
  return true;
}

}  // namespace dyad::events::coder
