#include "events/surface_coder.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "core/string_hash.h"
#include "events/surface_sentence.h"

namespace dyad::events {
namespace {

// "2022-07-18" -> 20220718; 0 when absent or malformed.
int DateNumber(std::string_view iso) {
  if (iso.size() < 10) return 0;
  int v = 0;
  for (size_t i = 0; i < 10; ++i) {
    if (i == 4 || i == 7) continue;
    if (!std::isdigit(static_cast<unsigned char>(iso[i]))) return 0;
    v = v * 10 + (iso[i] - '0');
  }
  return v;
}

struct CodedVerb {
  uint32_t verb_token = 0;  // local
  uint32_t verb_first = 0, verb_end = 0;
  VerbCode code;
  uint32_t rule_file = 0, rule_line = 0;
  Binding binding;
};

struct TiedForm {
  VerbDictionary::HeadRef ref;
  uint32_t first = 0, end = 0;  // the verb's local token range
};

class Scratch final : public StageScratch, public SurfaceSentence {
 public:
  std::vector<VerbDictionary::HeadRef> candidates;
  std::vector<TiedForm> tied;
  std::vector<CodedVerb> coded;
};

class SurfaceCoder final : public Stage {
 public:
  SurfaceCoder(std::shared_ptr<const VerbDictionary> dict, SurfaceCoderOptions options)
      : dict_(std::move(dict)), options_(std::move(options)) {
    for (uint32_t i = 0; i < options_.discards.size(); ++i) {
      if (!options_.discards[i].words.empty()) discard_index_[options_.discards[i].words[0].text].push_back(i);
    }
  }

  std::string_view name() const override { return "surface-coder"; }
  uint32_t Requires() const override { return kLayerMentions; }
  uint32_t Provides() const override { return kLayerEvents; }
  std::unique_ptr<StageScratch> NewScratch() const override { return std::make_unique<Scratch>(); }

  Status Process(Document& doc, StageScratch* scratch) const override {
    Scratch local;
    Scratch& s = scratch != nullptr ? static_cast<Scratch&>(*scratch) : local;
    const int date = DateNumber(doc.meta().date);
    size_t next_mention = 0;
    const auto& all_mentions = doc.mentions();
    for (uint32_t si = 0; si < doc.sentences().size(); ++si) {
      const SentenceRow& row = doc.sentences()[si];
      // Mentions are in token order: take this sentence's.
      while (next_mention < all_mentions.size() && all_mentions[next_mention].first_token < row.first_token) {
        ++next_mention;
      }
      size_t m_begin = next_mention;
      while (next_mention < all_mentions.size() && all_mentions[next_mention].first_token < row.end_token) {
        ++next_mention;
      }
      if (row.kind != Furniture::kBody) continue;
      uint32_t n = row.end_token - row.first_token;
      if (n == 0 || n > kMaxSentenceTokens) continue;
      Prepare(doc, row, m_begin, next_mention, s);
      if (Discarded(s, date)) continue;
      CodeSentence(doc, si, row, s);
    }
    return Status::Ok();
  }

 private:
  bool Discarded(const Scratch& s, int date) const {
    if (discard_index_.empty()) return false;
    for (uint32_t i = 0; i < s.words.size(); ++i) {
      std::string_view w = s.words[i];
      for (size_t len = std::min(w.size(), VerbDictionary::kMaxWordLength); len >= 1; --len) {
        auto it = discard_index_.find(w.substr(0, len));
        if (it == discard_index_.end()) continue;
        for (uint32_t d : it->second) {
          const DiscardPhrase& p = options_.discards[d];
          if (date != 0 && (date < p.from || date > p.to)) continue;
          if (i + p.words.size() > s.words.size()) continue;
          bool all = true;
          for (size_t k = 0; k < p.words.size() && all; ++k) all = DictWordMatches(p.words[k], s.words[i + k]);
          if (all) return true;
        }
      }
    }
    return false;
  }

  // TABARI's reading of a dictionary verb: any word of the verbs file is a verb unless shifted to a
  // noun — by a determiner right before it ("the restore", "an attack") or by a capital letter inside
  // the sentence ("about To Restore"). Our tagger adds one more shift: proper nouns and numbers.
  static bool CandidateVerbToken(const Document& doc, const Scratch& s, uint32_t first_token, uint32_t i) {
    const TokenRow& t = doc.tokens()[first_token + i];
    if (t.upos == Upos::PROPN || t.upos == Upos::NUM || t.upos == Upos::PUNCT || t.upos == Upos::DET ||
        t.upos == Upos::PRON || t.upos == Upos::ADP || t.upos == Upos::CCONJ) {
      return false;
    }
    std::string_view raw = doc.token(first_token + i).text();
    if (i > 0 && !s.all_caps && !raw.empty() && std::isupper(static_cast<unsigned char>(raw[0]))) return false;
    if (i > 0) {
      const std::string& prev = s.words[i - 1];
      if (prev == "THE" || prev == "A" || prev == "AN") return false;
    }
    return true;
  }

  void CodeSentence(Document& doc, uint32_t si, const SentenceRow& row, Scratch& s) const {
    s.coded.clear();
    uint32_t n = row.end_token - row.first_token;
    for (uint32_t i = 0; i < n; ++i) {
      if (s.starts_at[i] >= 0) {  // inside an actor: not a verb
        i = s.mentions[s.starts_at[i]].end - 1;
        continue;
      }
      if (s.marked[i] || !CandidateVerbToken(doc, s, row.first_token, i)) continue;
      s.candidates.clear();
      dict_->Candidates(s.words[i], &s.candidates);
      if (!s.lemmas[i].empty() && s.lemmas[i] != s.words[i]) dict_->Candidates(s.lemmas[i], &s.candidates);
      // The most specific form wins: most words, then the written form over the lemma ("left" is LEFT,
      // not LEAVE), then the longest head. Entries tied on that (a verb listed twice, as in
      // PETR.Validate.verbs.txt's two SHOT blocks) pool their patterns.
      size_t best_score = 0;
      s.tied.clear();
      for (const auto& c : s.candidates) {
        const VerbForm& f = dict_->verbs[c.verb].forms[c.form];
        uint32_t first = 0, end = 0;
        if (!FormAt(s, f, i, &first, &end)) continue;
        bool surface = DictWordMatches(f.head, s.words[i]);
        size_t score = (f.before.size() + f.after.size()) * 1000 + (surface ? 100 : 0) + f.head.text.size();
        if (!s.tied.empty() && score < best_score) continue;
        if (s.tied.empty() || score > best_score) s.tied.clear();
        best_score = score;
        bool seen = false;
        for (const auto& t : s.tied) seen |= t.ref.verb == c.verb;
        if (!seen) s.tied.push_back({c, first, end});
      }
      if (s.tied.empty()) continue;
      // PETRARCH dictionaries were written for a parser's verbs: nouns ("meetings", "a visit") are not.
      Upos upos = doc.tokens()[row.first_token + i].upos;
      if (dict_->formats[dict_->verbs[s.tied[0].ref.verb].file] == VerbFormat::kPetrarch && upos != Upos::VERB &&
          upos != Upos::AUX) {
        continue;
      }
      CodedVerb cv;
      cv.verb_token = i;
      bool matched = false;
      for (const auto& t : s.tied) {
        for (uint32_t pi : dict_->verbs[t.ref.verb].patterns) {
          const VerbPattern& p = dict_->patterns[pi];
          if (MatchPattern(s, p, t.first, t.end, &cv.binding)) {
            cv.code = p.code;
            cv.rule_file = p.file;
            cv.rule_line = p.line;
            cv.verb_first = t.first;
            cv.verb_end = t.end;
            matched = true;
            break;
          }
        }
        if (matched) break;
      }
      for (size_t k = 0; k < s.tied.size() && !matched; ++k) {
        const auto& t = s.tied[k];
        const VerbEntry& entry = dict_->verbs[t.ref.verb];
        const VerbForm& f = entry.forms[t.ref.form];
        VerbCode code = f.own_code ? f.code : entry.code;
        if (code.IsNull() && k + 1 < s.tied.size()) continue;  // a later tied entry may have a code
        cv.binding = Binding{};
        cv.binding.first = t.first;
        cv.binding.last = t.end - 1;
        cv.verb_first = t.first;
        cv.verb_end = t.end;
        cv.code = code;
        cv.rule_file = entry.file;
        cv.rule_line = entry.line;
        matched = true;
      }
      if (cv.code.IsDiscard() || cv.code.IsComplex()) return;  // the whole sentence is not coded
      if (cv.code.IsNull()) continue;
      i = std::max(i, cv.verb_end - 1);
      s.coded.push_back(std::move(cv));
    }
    Emit(doc, si, row, s);
  }

  // Possessive pronouns ("its embassy", "their meeting") are no default actors: TABARI's pronoun
  // dereferencing fills subjects and objects, not determiners.
  static bool DefaultCandidate(const Document& doc, const Scratch& s, const LocalMention& m) {
    if (s.marked[m.first]) return false;
    const MentionRow& row = doc.mentions()[m.doc_index];
    if (row.kind != MentionKind::kPronoun) return true;
    std::string_view x = doc.token(row.head_token).xpos();
    return x != "PRP$" && x != "WP$";
  }

  StrId CodeOf(const Document& doc, int32_t group, const Scratch& s) const {
    return doc.mentions()[s.mentions[s.groups[group].front()].doc_index].code;
  }

  // Source: the first actor of the verb's clause before the verb, else the first of the sentence.
  int32_t DefaultSource(const Document& doc, const Scratch& s, const std::vector<uint32_t>& clause,
                        uint32_t verb_first) const {
    int32_t first = -1;
    for (const auto& m : s.mentions) {
      if (m.first >= verb_first) break;
      if (!DefaultCandidate(doc, s, m)) continue;
      if (clause[m.first] == clause[verb_first]) return m.group;
      if (first < 0) first = m.group;
    }
    return first;
  }

  int32_t DefaultTarget(const Document& doc, const Scratch& s, uint32_t after, int32_t source) const {
    StrId source_code = source >= 0 ? CodeOf(doc, source, s) : kNoStr;
    for (const auto& m : s.mentions) {
      if (m.first < after || m.group == source || !DefaultCandidate(doc, s, m)) continue;
      if (CodeOf(doc, m.group, s) == source_code) continue;  // "Arnor ... its partner" is no target
      return m.group;
    }
    return -1;
  }

  // No actor after the verb: the nearest one between the source and the verb, in the verb's clause
  // ("... after Ent crowds burned down its embassy", "it requested that Elrond assist").
  int32_t TargetBeforeVerb(const Document& doc, const Scratch& s, const std::vector<uint32_t>& clause,
                           uint32_t verb_first, int32_t source) const {
    StrId source_code = CodeOf(doc, source, s);
    uint32_t source_end = s.mentions[s.groups[source].back()].end;
    int32_t best = -1;
    for (const auto& m : s.mentions) {
      if (m.first >= verb_first) break;
      if (m.first < source_end || m.group == source || !DefaultCandidate(doc, s, m)) continue;
      if (clause[m.first] != clause[verb_first] || CodeOf(doc, m.group, s) == source_code) continue;
      best = m.group;
    }
    return best;
  }

  // Passive voice: "Eriador was rejected by Osgiliath" -> the agent after BY is the source. Returns
  // the agent's group, or -1 when the verb is not a passive with a BY actor.
  int32_t PassiveAgent(const Document& doc, const SentenceRow& row, const Scratch& s, const CodedVerb& cv) const {
    if (doc.token(row.first_token + cv.verb_token).xpos() != "VBN") return -1;
    bool be = false;
    for (uint32_t back = 1; back <= 3 && back <= cv.verb_first && !be; ++back) {
      const std::string& lemma = s.lemmas[cv.verb_first - back];
      be = lemma == "BE";
    }
    if (!be) return -1;
    for (uint32_t i = cv.verb_end; i + 1 < s.words.size() && i < cv.verb_end + 4; ++i) {
      if (s.words[i] == "BY" && s.starts_at[i + 1] >= 0) return s.mentions[s.starts_at[i + 1]].group;
    }
    return -1;
  }

  // Resolves one coded verb into (source group, target group, or compound) and appends its rows.
  // Returns the number of rows it would add (adds them only when `commit`).
  size_t Rows(Document& doc, uint32_t si, const SentenceRow& row, const Scratch& s, const std::vector<uint32_t>& clause,
              const CodedVerb& cv, bool commit) const {
    const Binding& b = cv.binding;
    size_t count = 0;
    StrId rule = commit ? doc.Intern(dict_->Where(cv.rule_file, cv.rule_line)) : kNoStr;
    auto add = [&](int32_t src_m, int32_t tgt_m, const std::string& code) {
      if (code.empty() || code == "---") return;
      ++count;
      if (!commit) return;
      EventRow e;
      e.sentence = si;
      e.trigger_head = row.first_token + cv.verb_token;
      e.trigger_first = row.first_token + b.first;
      e.trigger_end = row.first_token + b.last + 1;
      e.source = s.mentions[src_m].doc_index;
      e.target = s.mentions[tgt_m].doc_index;
      e.cameo = doc.Intern(code);
      e.rule = rule;
      doc.mutable_events().push_back(e);
    };
    auto pairs = [&](int32_t src_g, int32_t tgt_g) {
      for (int32_t sm : s.groups[src_g]) {
        for (int32_t tm : s.groups[tgt_g]) {
          if (sm == tm) continue;
          // Within one compound a paired code runs each way once: A->B first, B->A second.
          if (src_g == tgt_g && !cv.code.second.empty() && tm < sm) continue;
          // An actor does not act on itself: same code on both sides is no event.
          if (doc.mentions()[s.mentions[sm].doc_index].code == doc.mentions()[s.mentions[tm].doc_index].code) continue;
          add(sm, tm, cv.code.first);
          if (!cv.code.second.empty()) add(tm, sm, cv.code.second);
        }
      }
    };
    if (b.compound >= 0 && b.source < 0 && b.target < 0) {
      // TABARI: '%' codes among the compound's members. PETRARCH: a compound after the verb is the
      // target of the subject ("Eriador agrees with the Philippines and France").
      int32_t subject = DefaultSource(doc, s, clause, cv.verb_first);
      bool after = s.mentions[s.groups[b.compound].front()].first >= cv.verb_end;
      if (dict_->formats[cv.rule_file] == VerbFormat::kPetrarch && after && subject >= 0) {
        pairs(subject, b.compound);
      } else {
        pairs(b.compound, b.compound);
      }
      return count;
    }
    int32_t src = b.source >= 0 ? b.source : b.compound >= 0 ? b.compound : DefaultSource(doc, s, clause, cv.verb_first);
    // "+ WAS * DEAD": the target is bound before the verb, so the source is the first actor after it.
    if (b.source < 0 && b.compound < 0 && b.target >= 0 && (src < 0 || src == b.target)) {
      src = DefaultTarget(doc, s, cv.verb_end, b.target);
    }
    int32_t tgt = b.target >= 0 ? b.target : DefaultTarget(doc, s, cv.verb_end, src);
    if (b.source < 0 && b.target < 0) {
      int32_t agent = PassiveAgent(doc, row, s, cv);
      if (agent >= 0 && src >= 0) {
        tgt = src;
        src = agent;
      }
    }
    if (tgt < 0 && src >= 0 && b.target < 0 && !cv.code.subordinate &&
        dict_->formats[cv.rule_file] == VerbFormat::kTabari) tgt = TargetBeforeVerb(doc, s, clause, cv.verb_first, src);
    if (src < 0 || tgt < 0 || src == tgt) return count;
    pairs(src, tgt);
    return count;
  }

  // TABARI codes one verb per clause: the first that yields an event. A subordinate code ("SAID")
  // counts only when no other verb of the sentence yields one; a verb that another verb's pattern
  // matched as a word ("SAID $ *") belongs to that event.
  void Emit(Document& doc, uint32_t si, const SentenceRow& row, Scratch& s) const {
    MarkClauses(doc, row, s);
    std::vector<bool> consumed(s.coded.size(), false);
    for (size_t a = 0; a < s.coded.size(); ++a) {
      for (size_t b = 0; b < s.coded.size(); ++b) {
        if (a == b) continue;
        const auto& w = s.coded[b].binding.words;
        if (std::find(w.begin(), w.end(), s.coded[a].verb_token) != w.end()) consumed[a] = true;
      }
    }
    for (int pass = 0; pass < 2; ++pass) {
      bool subordinate = pass == 1;
      uint32_t done_clause = UINT32_MAX;
      size_t emitted = 0;
      for (size_t k = 0; k < s.coded.size(); ++k) {
        const CodedVerb& cv = s.coded[k];
        if (consumed[k] || cv.code.subordinate != subordinate) continue;
        uint32_t c = s.clause[cv.verb_token];
        if (c == done_clause) continue;
        if (Rows(doc, si, row, s, s.clause, cv, false) == 0) continue;
        emitted += Rows(doc, si, row, s, s.clause, cv, true);
        done_clause = c;
      }
      if (emitted > 0) return;
    }
  }

  std::shared_ptr<const VerbDictionary> dict_;
  SurfaceCoderOptions options_;
  StringMap<std::vector<uint32_t>> discard_index_;
};

}  // namespace

std::shared_ptr<const Stage> MakeSurfaceCoderStage(std::shared_ptr<const VerbDictionary> dict,
                                                   SurfaceCoderOptions options) {
  return std::make_shared<SurfaceCoder>(std::move(dict), std::move(options));
}

Result<std::shared_ptr<const Stage>> LoadImportedVerbStage(const std::vector<std::string>& verb_files,
                                                           SurfaceCoderOptions options) {
  auto dict = LoadVerbDictionary(verb_files);
  if (!dict.ok()) return dict.status();
  return MakeSurfaceCoderStage(*dict, std::move(options));
}

}  // namespace dyad::events
