#include "events/event_stage.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

#include "events/sentence_graph.h"

namespace dyad::events {
namespace {

// Verbs whose clausal complement is what somebody says: the event inside is "reported".
constexpr std::array<std::string_view, 16> kSpeechVerbs = {
    "say", "tell", "claim", "report", "allege", "announce", "state", "add", "insist", "argue",
    "note", "stress", "write", "believe", "think", "confirm"};

// Verbs that carry an event noun without adding meaning ("made a visit", "launched an attack"): the
// noun event takes their subject as its source.
constexpr std::array<std::string_view, 30> kLightVerbs = {
    "make", "pay", "hold", "conduct", "carry", "launch", "begin", "start", "continue", "stage",
    "mount", "undertake", "wage", "resume", "step", "announce", "use", "exercise", "cast", "issue",
    "deliver", "impose", "provide", "send", "extend", "offer", "declare", "order", "give", "grant"};

// Verbs whose subject holds the plan, decision or offer they take as object ("announced a plan to",
// "defended its decision to", "confirmed its commitment to").
constexpr std::array<std::string_view, 28> kHolderVerbs = {
    "announce", "confirm", "approve", "adopt", "make", "take", "reach", "defend", "unveil", "present",
    "submit", "reaffirm", "reiterate", "renew", "finalise", "finalize", "draft", "outline", "express", "signal",
    "declare", "issue", "pursue", "push", "table", "lay", "have", "step"};

// Verbs that charge somebody with an act: the act under "of"/"for" is alleged.
constexpr std::array<std::string_view, 14> kAccuseVerbs = {
    "accuse", "charge", "suspect", "blame", "convict", "arrest", "jail", "sentence", "detain", "indict",
    "condemn", "criticize", "criticise", "fine"};

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view w) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool AnyEqual(const std::vector<std::string>& alts, std::string_view w) {
  return std::find(alts.begin(), alts.end(), w) != alts.end();
}

struct Modal {
  Modality modality = Modality::kAsserted;
  bool negated = false;
  bool threatened = false;
  const Governor* governor = nullptr;
  int32_t governor_token = -1;
  int32_t aux_token = -1;
  std::string why;  // for explain
};

// One pattern matched at one trigger.
struct Match {
  const EventPattern* pattern = nullptr;
  std::vector<int32_t> words;            // token per pattern word
  std::vector<int32_t> sources, targets;  // mention indexes
  std::string source_how, target_how;
};

class Coder {
 public:
  Coder(const EventLexicon& lexicon, Document& doc, SentenceGraph& graph, std::vector<std::string>* trace)
      : lex_(lexicon), doc_(doc), g_(graph), trace_(trace) {}

  // Codes sentence s; appends to `out`.
  void Code(uint32_t s, std::vector<EventRow>* out) {
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

 private:
  // Patterns for token t's lemma. For inflected verbs whose lemma has none, the spellings a suffix
  // rule may have missed ("declin" for declined, "bombe" for bombed, "boycot" for boycotted).
  const std::vector<uint32_t>* Candidates(uint32_t t, TriggerKind kind) {
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

  bool IsMedia(int32_t mention) const {
    std::string_view code = doc_.Str(doc_.mentions()[static_cast<size_t>(mention)].code);
    return code.size() >= 6 && code.substr(3, 3) == "MED";
  }

  // A capital or seat of government ("Baghdad", "the Kremlin") as a compound of a common noun says where,
  // not who: "Baghdad bombings", "a Baghdad rocket attack", "the Moscow summit". (Agents it would own,
  // "Kremlin officials", are composed into one mention by the actor stage.)
  bool IsCapitalCompound(uint32_t c) const {
    const int32_t m = g_.mention(c);
    if (m < 0) return false;
    const MentionRow& row = doc_.mentions()[static_cast<size_t>(m)];
    std::string_view code = doc_.Str(row.code);
    const int32_t h = g_.head(c);
    return row.kind == MentionKind::kCountry && code.size() == 6 && code.ends_with("GOV") && h >= 0 &&
           g_.mention(static_cast<uint32_t>(h)) < 0 && g_.upos(static_cast<uint32_t>(h)) == Upos::NOUN;
  }

  // The role block of a mention's code ("MIL" of "USAMIL"), or the whole code for a role-only code.
  std::string_view Role(int32_t mention) const {
    std::string_view code = doc_.Str(doc_.mentions()[static_cast<size_t>(mention)].code);
    return code.size() >= 6 ? code.substr(3, 3) : code;
  }

  // Pattern flag `armed`: one participant is armed and none is civilian.
  bool ArmedFight(const Match& m) const {
    bool armed = false;
    for (const auto* side : {&m.sources, &m.targets}) {
      for (int32_t a : *side) {
        std::string_view code = doc_.Str(doc_.mentions()[static_cast<size_t>(a)].code);
        std::string_view role = Role(a);
        if (code.starts_with("IMG") || code.ends_with("PKO") || role == "MIL" || role == "REB" || role == "INS" ||
            role == "SEP" || role == "UAF") {
          armed = true;
        }
        for (std::string_view r : {"CVL", "LAB", "EDU", "AGR", "MED", "NGO", "BUS", "REF", "HLH", "REL"})
          if (role == r) return false;
      }
    }
    return armed;
  }

  // An actor that acts for a state or body (pattern flag `official`): its code's role block is one of
  // the state's (GOV, MIL, LEG, JUD, ELI, OPP, PTY, SPY, COP) or it is an IGO.
  static bool IsOfficial(std::string_view code) {
    if (code.starts_with("IGO")) return true;
    if (code.size() < 6) return false;
    std::string_view role = code.substr(3, 3);
    for (std::string_view r : {"GOV", "MIL", "LEG", "JUD", "ELI", "OPP", "PTY", "SPY", "COP"})
      if (role == r) return true;
    return false;
  }

  // An object or a clausal complement of verb t (what an intransitive-only pattern refuses).
  bool HasObjectOrClause(uint32_t t) const {
    for (uint32_t c : g_.children(t)) {
      const auto rel = g_.rel(c);
      if (rel == "obj" || rel == "ccomp") return true;
    }
    return false;
  }

  void Say(uint32_t t, const std::string& line) {
    if (trace_) trace_->push_back(std::string(g_.text(t)) + " [" + std::to_string(t + 1) + "]: " + line);
  }

  void TryTrigger(uint32_t s, uint32_t t, TriggerKind kind, const std::vector<uint32_t>& candidates,
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
      if (src == tgt) return;
      // Speaking to the press ("speaking to BBC Radio 4") is a statement, not consultation: no 04 event
      // has a news medium on either side.
      if (c.starts_with("04") && (IsMedia(src) || (tgt >= 0 && IsMedia(tgt)))) return;
      if (tgt >= 0 && doc_.mentions()[src].code == doc_.mentions()[tgt].code) return;
      for (size_t e = first_event; e < out->size(); ++e) {
        const EventRow& r = (*out)[e];
        if (r.source == src && r.target == tgt && doc_.Str(r.cameo) == c) return;
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
  bool Reciprocal(const EventPattern& p, const Match& m) const {
    if (!p.symmetric || !m.targets.empty() || m.sources.size() < 2) return false;
    for (int32_t a : m.sources)
      if (doc_.mentions()[a].code != doc_.mentions()[m.sources[0]].code) return true;
    return false;
  }

  std::string Names(const std::vector<int32_t>& ms) const {
    std::string out;
    for (int32_t m : ms) {
      const MentionRow& r = doc_.mentions()[m];
      if (!out.empty()) out += ", ";
      uint32_t b = doc_.tokens()[r.first_token].begin, e = doc_.tokens()[r.end_token - 1].end;
      out += std::string(doc_.text().substr(b, e - b)) + " [" + std::string(doc_.Str(r.code)) + "]";
    }
    return out;
  }

  void MarkUsed(uint32_t t, const Match& m) {
    used_[t] = 1;
    for (int32_t w : m.words)
      if (w >= 0) used_[w] = 1;
    for (int32_t k : slot_tokens_)
      if (k >= 0) used_[k] = 1;
  }

  // --- words -------------------------------------------------------------------------------------

  bool HasCase(uint32_t c, const std::vector<std::string>& preps) const {
    for (uint32_t k : g_.children(c)) {
      std::string_view r = g_.rel(k);
      if ((r == "case" || r == "mark") && AnyEqual(preps, g_.lemma(k))) return true;
    }
    return false;
  }

  int32_t Particle(uint32_t a, const std::vector<std::string>& preps) const {
    for (uint32_t k : g_.children(a))
      if (g_.rel(k) == "compound:prt" && AnyEqual(preps, g_.lemma(k))) return static_cast<int32_t>(k);
    return -1;
  }

  static bool BareWordRel(std::string_view r) {
    return r == "obj" || r == "iobj" || r == "nsubj:pass" || r == "compound" || r == "compound:prt" ||
           r == "amod" || r == "xcomp" || r == "ccomp" || r == "advmod" || r == "obl:npmod" || r == "fixed" ||
           r == "flat";
  }

  int32_t FindWord(uint32_t anchor, const PatternWord& w, bool anchor_is_trigger) const {
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

  bool MatchWords(uint32_t t, const EventPattern& p, std::vector<int32_t>* words, std::string* why) const {
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

  // --- slots -------------------------------------------------------------------------------------

  bool IsPassive(uint32_t v) const {
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
  bool HeadlinePassive(uint32_t v) const {
    if (g_.xpos(v) != "VBN" || g_.rel(v) != "root") return false;
    bool subject = false;
    for (uint32_t c : g_.children(v)) {
      std::string_view r = g_.rel(c);
      if (r == "aux" || r == "aux:pass" || r == "cop" || r == "obj" || r == "ccomp") return false;
      if (r == "nsubj") subject = true;
    }
    return subject;
  }

  // The first nsubj of v that is a plausible subject: one under a place or company preposition of its
  // own ("a blast in a mine in central China killed", China parsed as nsubj) is not the doer. A clause
  // word misattached to the subject ("after President Gbagbo broke") does not disqualify it.
  int32_t SubjectChild(uint32_t v) const {
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
  int32_t ChildWithRel(uint32_t v, std::string_view rel) const {
    int32_t best = -1;
    for (uint32_t c : g_.children(v)) {
      if (g_.rel(c) != rel) continue;
      if (best < 0 || std::abs(static_cast<int32_t>(c) - static_cast<int32_t>(v)) <
                          std::abs(best - static_cast<int32_t>(v)))
        best = static_cast<int32_t>(c);
    }
    return best;
  }

  int32_t ByAgent(uint32_t v) const {
    static const std::vector<std::string> kBy = {"by"};
    for (uint32_t c : g_.children(v)) {
      std::string_view r = g_.rel(c);
      if (r == "obl:agent" || (r.substr(0, 3) == "obl" && HasCase(c, kBy))) return static_cast<int32_t>(c);
    }
    return -1;
  }

  // The token that does the action of verb v: subject, by-agent, or inherited up xcomp/conj/advcl.
  int32_t Subject(uint32_t v, std::string* how) const {
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
          if (g_.upos(subj) == Upos::PRON && g_.rel(cur).substr(0, 3) == "acl" && g_.head(cur) >= 0) {
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
    if (IsPassive(v)) return -1;
    return ActorBefore(v, how);
  }

  bool NonFinite(uint32_t v) const {
    std::string_view x = g_.xpos(v);
    return x == "VB" || x == "VBG" || x == "VBN";
  }

  // When the parse gives a verb no subject: the nearest actor before it that hangs (through nouns only,
  // no preposition) from the verb. Misparses such as "Russia last week used" (Russia under "week") or
  // "With Erdogan, Khamenei warned" (Khamenei as a conjunct) still find their subject.
  int32_t ActorBefore(uint32_t v, std::string* how) const {
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

  int32_t DirectObject(uint32_t a, bool trigger_is_verb) const {
    if (trigger_is_verb && IsPassive(a)) {
      int32_t sp = ChildWithRel(a, HeadlinePassive(a) ? "nsubj" : "nsubj:pass");
      if (sp >= 0) return sp;
      if (g_.rel(a) == "acl" && g_.head(a) >= 0) return g_.head(a);  // "the city bombed by ..."
    }
    int32_t obj = ChildWithRel(a, "obj");
    if (obj >= 0) return obj;
    return ChildWithRel(a, "iobj");
  }

  int32_t PrepPhrase(uint32_t t, const Match& m, const std::vector<std::string>& preps) const {
    auto search = [&](uint32_t a) -> int32_t {
      for (uint32_t c : g_.children(a)) {
        std::string_view r = g_.rel(c);
        if ((r.substr(0, 3) == "obl" || r.substr(0, 4) == "nmod" || r == "advcl") && HasCase(c, preps))
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
  void Actors(int32_t x, std::vector<int32_t>* out) const {
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
    add(one(static_cast<uint32_t>(x)));
    for (uint32_t c : g_.children(static_cast<uint32_t>(x)))
      if (g_.rel(c) == "conj") add(one(c));
  }

  // Source of an event noun: possessor, actor adjective / compound, by-phrase, or a light verb's subject.
  int32_t NounSource(uint32_t n, const EventPattern& p, std::string* how) const {
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
    if (h >= 0 && (g_.rel(n) == "obj" || g_.rel(n) == "nsubj:pass") && In(kLightVerbs, g_.lemma(h))) {
      std::string sub;
      int32_t s = Subject(static_cast<uint32_t>(h), &sub);
      *how = "subject of light verb '" + std::string(g_.text(h)) + "'";
      return s;
    }
    return -1;
  }

  void FillSlots(uint32_t t, TriggerKind kind, Match& m) {
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
    // No target slot found one: an actor modifying a matched word ("warned of the planned Turkish
    // invasion" -> TUR, "abandoned Tehran's nuclear deal" -> IRN), unless it is the source itself.
    if (m.targets.empty()) {
      for (size_t k = 0; k < m.words.size() && m.targets.empty(); ++k) {
        for (uint32_t c : g_.children(static_cast<uint32_t>(m.words[k]))) {
          std::string_view r = g_.rel(c);
          int32_t men = g_.mention(c);
          if (men < 0 || !(r == "amod" || r == "nmod:poss" || r == "compound")) continue;
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

  // --- modality ----------------------------------------------------------------------------------

  Modal VerbModality(uint32_t t) const {
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
          if (g_.rel(c) == "mark" && g_.lemma(c) == "to") to_clause = true;
      }
      if (r == "xcomp" || r == "ccomp" || noun_governor || to_clause) {
        if (noun_governor || to_clause) r = "xcomp";
        const Governor* gov = lex_.FindGovernor(g_.lemma(h));
        // Governors act on their xcomp only: "warned that Russia would attack" reports an attack, it is
        // not the warner's threat.
        if (gov && r == "xcomp") {
          md.governor = gov;
          md.governor_token = h;
          md.why += "governed by '" + std::string(g_.text(h)) + "' ";
          switch (gov->effect) {
            case GovernorEffect::kIntended:
            case GovernorEffect::kAttempted: md.modality = Modality::kIntended; break;
            case GovernorEffect::kThreatened:
              md.threatened = true;
              md.modality = Modality::kAsserted;
              break;
            case GovernorEffect::kRefused: md.negated = true; break;
            case GovernorEffect::kHypothetical: md.modality = Modality::kHypothetical; break;
          }
          // The governor's own negation: "did not plan to".
          for (uint32_t c : g_.children(static_cast<uint32_t>(h))) {
            std::string_view cl = g_.lemma(c);
            if (g_.rel(c) == "advmod" && (cl == "not" || cl == "never" || cl == "n't")) md.negated = !md.negated;
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

  Modal NounModality(uint32_t n) const {
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
    return md;
  }

  // Token t is in a time expression naming a day after the article's date.
  bool AfterArticleDate(uint32_t t) const {
    std::string_view today = doc_.meta().date;
    if (today.size() != 10) return false;
    for (const TimexRow& x : doc_.timexes()) {
      if (t < x.first_token || t >= x.end_token) continue;
      std::string_view v = doc_.Str(x.value);
      return doc_.Str(x.type) == "DATE" && v.size() == 10 && v > today;
    }
    return false;
  }

  const EventLexicon& lex_;
  Document& doc_;
  SentenceGraph& g_;
  std::vector<std::string>* trace_;
  std::vector<uint8_t> used_;
  std::vector<int32_t> slot_tokens_;
  std::string variant_;
  Match scratch_match_;
};

struct EventScratch final : StageScratch {
  SentenceGraph graph;
};

class EventStage final : public Stage {
 public:
  explicit EventStage(std::shared_ptr<const EventLexicon> lexicon) : lexicon_(std::move(lexicon)) {}
  std::string_view name() const override { return "events"; }
  uint32_t Requires() const override { return kLayerParse | kLayerMentions; }
  uint32_t Provides() const override { return kLayerEvents; }
  std::unique_ptr<StageScratch> NewScratch() const override { return std::make_unique<EventScratch>(); }

  Status Process(Document& doc, StageScratch* scratch) const override {
    auto& graph = static_cast<EventScratch*>(scratch)->graph;
    graph.IndexMentions(doc);
    std::vector<EventRow>& events = doc.mutable_events();
    events.clear();
    Coder coder(*lexicon_, doc, graph, nullptr);
    for (uint32_t s = 0; s < doc.sentences().size(); ++s) {
      if (doc.sentences()[s].kind != Furniture::kBody) continue;
      coder.Code(s, &events);
    }
    return Status::Ok();
  }

 private:
  std::shared_ptr<const EventLexicon> lexicon_;
};

}  // namespace

std::shared_ptr<const Stage> MakeEventStage(std::shared_ptr<const EventLexicon> lexicon) {
  return std::make_shared<EventStage>(std::move(lexicon));
}

std::vector<std::string> ExplainSentence(const EventLexicon& lexicon, Document& doc, uint32_t s) {
  std::vector<std::string> lines;
  SentenceGraph graph;
  graph.IndexMentions(doc);
  std::vector<EventRow> events;
  Coder coder(lexicon, doc, graph, &lines);
  coder.Code(s, &events);
  if (lines.empty()) lines.push_back("no word in this sentence triggers an event pattern");
  return lines;
}

}  // namespace dyad::events
