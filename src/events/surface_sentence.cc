#include "events/surface_sentence.h"

#include <algorithm>
#include <cctype>

namespace dyad::events {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// TABARI's comma marking: words between two commas at most kMaxAside apart are an aside ("Elrond
// brushed aside reports, rumored to originate in Mordor, that ..."); the actors and verbs in it are
// not coded. A list of actors ("Mordor, Rohan, Fornost and Bree") is no aside.
constexpr uint32_t kMaxAside = 10;
void MarkAsides(SurfaceSentence& s) {
  uint32_t n = static_cast<uint32_t>(s.words.size());
  s.marked.assign(n, false);
  std::vector<bool> in_mention(n, false);
  for (const auto& m : s.mentions) {
    for (uint32_t i = m.first; i < m.end; ++i) in_mention[i] = true;
  }
  int64_t open = -1;
  for (uint32_t i = 0; i < n; ++i) {
    if (s.words[i] != ",") continue;
    if (open >= 0 && i - open - 1 >= 2 && i - open - 1 <= kMaxAside) {
      bool list = true;
      for (uint32_t k = static_cast<uint32_t>(open) + 1; k < i && list; ++k) {
        list = in_mention[k] || s.upos[k] == Upos::DET || s.upos[k] == Upos::ADJ || s.upos[k] == Upos::CCONJ;
      }
      if (!list) {
        for (uint32_t k = static_cast<uint32_t>(open) + 1; k < i; ++k) s.marked[k] = true;
      }
    }
    open = i;
  }
}


}  // namespace

void Prepare(const Document& doc, const SentenceRow& row, size_t m_begin, size_t m_end, SurfaceSentence& s) {
  uint32_t n = row.end_token - row.first_token;
  s.words.resize(n);
  s.lemmas.resize(n);
  s.starts_at.assign(n, -1);
  s.ends_at.assign(n, -1);
  s.mentions.clear();
  s.groups.clear();
  s.upos.resize(n);
  uint32_t letters = 0, caps = 0;
  for (uint32_t i = 0; i < n; ++i) {
    Token t = doc.token(row.first_token + i);
    s.words[i] = Upper(t.norm());
    s.lemmas[i] = Upper(t.lemma());
    s.upos[i] = t.upos();
    std::string_view raw = t.text();
    if (raw.size() > 1 && std::isalpha(static_cast<unsigned char>(raw[0]))) {
      ++letters;
      caps += s.words[i] == raw;
    }
  }
  s.all_caps = letters >= 3 && caps * 10 >= letters * 8;
  for (size_t m = m_begin; m < m_end; ++m) {
    const MentionRow& mr = doc.mentions()[m];
    if (mr.code == kNoStr || mr.end_token > row.end_token || mr.end_token <= mr.first_token) continue;
    LocalMention lm{mr.first_token - row.first_token, mr.end_token - row.first_token, static_cast<int32_t>(m), -1};
    if (s.starts_at[lm.first] >= 0) continue;  // overlapping: keep the first
    if (!s.mentions.empty() && s.mentions.back().end > lm.first) continue;
    s.starts_at[lm.first] = static_cast<int32_t>(s.mentions.size());
    s.ends_at[lm.end - 1] = static_cast<int32_t>(s.mentions.size());
    s.mentions.push_back(lm);
  }
  // Groups: mentions separated only by ',', "and", "or" are one compound actor.
  for (size_t k = 0; k < s.mentions.size(); ++k) {
    bool joins = false;
    if (k > 0) {
      joins = true;
      bool any = false;
      // Determiners and adjectives may follow the conjunction ("Fornost and the evil awful Gondor");
      // nothing may come before it ("Danish shot and wounded Gondor" is no compound).
      for (uint32_t i = s.mentions[k - 1].end; i < s.mentions[k].first; ++i) {
        const std::string& w = s.words[i];
        if (w == "," || w == "AND" || w == "OR" || w == "NOR" || w == "&") {
          any = true;
        } else if (!any || (s.upos[i] != Upos::DET && s.upos[i] != Upos::ADJ && s.upos[i] != Upos::NOUN)) {
          joins = false;
        }
      }
      joins = joins && any;
    }
    if (!joins) s.groups.emplace_back();
    s.mentions[k].group = static_cast<int32_t>(s.groups.size() - 1);
    s.groups.back().push_back(static_cast<int32_t>(k));
  }
  MarkAsides(s);
}

// Clauses: a sentence splits at ';' and at "and"/"but"/"or" that join verbs, not nouns: by the parse
// when there is one (the conjunction's head is a verb), else when a verb follows within 3 words.
void MarkClauses(const Document& doc, const SentenceRow& row, SurfaceSentence& s) {
  std::vector<uint32_t>* clause = &s.clause;
  clause->assign(s.words.size(), 0);
  uint32_t c = 0;
  uint32_t n = static_cast<uint32_t>(s.words.size());
  for (uint32_t i = 0; i < n; ++i) {
    const std::string& w = s.words[i];
    bool boundary = w == ";";
    if ((w == "BUT" || w == "AND" || w == "OR") && s.starts_at[i] < 0) {
      bool in_group = false;  // "Arnor and Gondor": a compound actor, not two clauses
      for (size_t k = 1; k < s.mentions.size() && !in_group; ++k) {
        in_group = s.mentions[k - 1].end <= i && i < s.mentions[k].first &&
                   s.mentions[k - 1].group == s.mentions[k].group;
      }
      int32_t head = doc.tokens()[row.first_token + i].head;
      if (head >= 0) {
        Upos hu = doc.tokens()[head].upos;
        boundary = hu == Upos::VERB || hu == Upos::AUX;
      }
      // A verb within the next few words (an actor counts as one) also starts a clause.
      for (uint32_t k = i + 1, words = 0; k < n && words < 3 && !boundary && s.upos[k] != Upos::PUNCT; ++words) {
        if (s.starts_at[k] >= 0) {
          k = s.mentions[s.starts_at[k]].end;
          continue;
        }
        boundary = s.upos[k] == Upos::VERB || s.upos[k] == Upos::AUX;
        ++k;
      }
      boundary = boundary && !in_group;
    }
    if (boundary) ++c;
    (*clause)[i] = c;
  }
}

bool WordAt(const SurfaceSentence& s, const DictWord& w, uint32_t i) {
  // Exact words ("RESOLUTION_") are the written form only; the others may match the lemma too.
  if (DictWordMatches(w, s.words[i])) return true;
  return w.match != DictWord::Match::kExact && !s.lemmas[i].empty() && DictWordMatches(w, s.lemmas[i]);
}

// Words marked gap_before may have up to kMaxRunGap other words before them.
constexpr int64_t kMaxRunGap = 4;

// Matches the run with its first word at `at`; sets *last to the token of its last word.
static bool RunFrom(const SurfaceSentence& s, const std::vector<DictWord>& run, int64_t at, int64_t* last) {
  int64_t n = static_cast<int64_t>(s.words.size());
  if (at < 0 || at >= n || run.empty() || !WordAt(s, run[0], static_cast<uint32_t>(at))) return false;
  int64_t pos = at;
  for (size_t k = 1; k < run.size(); ++k) {
    int64_t limit = run[k].gap_before ? pos + 1 + kMaxRunGap : pos + 1;
    bool found = false;
    for (int64_t q = pos + 1; q <= limit && q < n && !found; ++q) {
      if (WordAt(s, run[k], static_cast<uint32_t>(q))) {
        found = true;
        pos = q;
      }
    }
    if (!found) return false;
  }
  *last = pos;
  return true;
}

bool RunAt(const SurfaceSentence& s, const std::vector<DictWord>& run, int64_t at) {
  int64_t last = 0;
  return RunFrom(s, run, at, &last);
}

// Matches one element whose last token is exactly `q` (backward) or whose first token is `q`
// (forward). On success sets [*first, *last] and binds slots.
static bool ElementAt(const SurfaceSentence& s, const PatternElement& el, int64_t q, bool backward, uint32_t* first,
               uint32_t* last, Binding* b) {
  int64_t n = static_cast<int64_t>(s.words.size());
  if (q < 0 || q >= n) return false;
  switch (el.kind) {
    case PatternElement::Kind::kWords:
      for (const auto& run : el.alternatives) {
        // Forward: the run starts at q. Backward: it ends at q (try the few starts that could).
        int64_t lowest = backward ? q - static_cast<int64_t>(run.size()) * (1 + kMaxRunGap) + 1 : q;
        for (int64_t at = q; at >= std::max<int64_t>(0, lowest); --at) {
          int64_t end = 0;
          if (RunFrom(s, run, at, &end) && (!backward || end == q)) {
            *first = static_cast<uint32_t>(at);
            *last = static_cast<uint32_t>(end);
            for (uint32_t i = *first; i <= *last; ++i) b->words.push_back(i);
            return true;
          }
        }
      }
      return false;
    case PatternElement::Kind::kSkip: {
      // '^' skips one unit — a word or a whole actor — with its determiner ("at the Gondor of").
      auto is_det = [&](int64_t i) { return i >= 0 && i < n && (s.words[i] == "THE" || s.words[i] == "A" || s.words[i] == "AN"); };
      if (!backward && is_det(q) && q + 1 < n) ++q;
      int32_t m = backward ? s.ends_at[q] : s.starts_at[q];
      *first = *last = static_cast<uint32_t>(q);
      if (m >= 0) {
        *first = s.mentions[m].first;
        *last = s.mentions[m].end - 1;
      }
      if (!backward && is_det(static_cast<int64_t>(*first) - 1)) *first -= 1;
      if (backward && is_det(static_cast<int64_t>(*first) - 1)) *first -= 1;
      return true;
    }
    default: {
      int32_t m = backward ? s.ends_at[q] : s.starts_at[q];
      if (m < 0 || s.marked[q]) return false;
      int32_t g = s.mentions[m].group;
      if (el.kind == PatternElement::Kind::kCompound) {
        if (s.groups[g].size() < 2) return false;
        b->compound = g;
      } else if (el.kind == PatternElement::Kind::kSource) {
        b->source = g;
      } else {
        b->target = g;
      }
      // A compound is one unit: span the whole group.
      *first = s.mentions[s.groups[g].front()].first;
      *last = s.mentions[s.groups[g].back()].end - 1;
      return true;
    }
  }
}

bool MatchPattern(const SurfaceSentence& s, const VerbPattern& p, uint32_t verb_first, uint32_t verb_end,
                  Binding* b) {
  *b = Binding{};
  b->first = verb_first;
  b->last = verb_end - 1;
  int64_t pos = static_cast<int64_t>(verb_first) - 1;
  for (size_t k = p.before.size(); k-- > 0;) {
    const PatternElement& el = p.before[k];
    bool joined = (k + 1 == p.before.size()) ? p.verb_joined_before : el.joined_next;
    if (el.kind == PatternElement::Kind::kSkip) joined = true;
    bool found = false;
    for (int64_t q = pos; q >= 0 && !found; --q) {
      uint32_t f = 0, l = 0;
      if (ElementAt(s, el, q, true, &f, &l, b)) {
        found = true;
        pos = static_cast<int64_t>(f) - 1;
        b->first = std::min(b->first, f);
      }
      if (joined) break;
    }
    if (!found) return false;
  }
  pos = verb_end;
  int64_t n = static_cast<int64_t>(s.words.size());
  for (size_t k = 0; k < p.after.size(); ++k) {
    const PatternElement& el = p.after[k];
    bool joined = k == 0 ? p.verb_joined_after : p.after[k - 1].joined_next;
    if (el.kind == PatternElement::Kind::kSkip) joined = true;
    bool found = false;
    for (int64_t q = pos; q < n && !found; ++q) {
      uint32_t f = 0, l = 0;
      if (ElementAt(s, el, q, false, &f, &l, b)) {
        found = true;
        pos = static_cast<int64_t>(l) + 1;
        b->last = std::max(b->last, l);
      }
      if (joined) break;
    }
    if (!found) return false;
  }
  return true;
}

// The verb form at local token i: checks the words glued around the head; sets the verb's range.
bool FormAt(const SurfaceSentence& s, const VerbForm& f, uint32_t i, uint32_t* first, uint32_t* end) {
  int64_t start = static_cast<int64_t>(i) - static_cast<int64_t>(f.before.size());
  if (!f.before.empty() && !RunAt(s, f.before, start)) return false;
  *first = static_cast<uint32_t>(start);
  uint32_t pos = i + 1;
  for (const auto& w : f.after) {
    bool found = false;
    for (uint32_t q = pos; q < s.words.size() && !found; ++q) {
      if (WordAt(s, w, q)) {
        found = true;
        pos = q + 1;
      }
      if (f.after_joined || q >= pos + 3) break;  // spaced TABARI verbs: small gaps only
    }
    if (!found) return false;
  }
  *end = pos;
  return true;
}


}  // namespace dyad::events
