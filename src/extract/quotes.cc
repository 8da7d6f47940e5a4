#include "extract/quotes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>
#include <unordered_set>

#include "extract/dep_tree.h"
#include "extract/quote_marks.h"

namespace dyad::extract {
namespace {

// Verbs that introduce a quotation (direct or reported). Lemmas.
constexpr std::array<std::string_view, 76> kCueLemmas = {
    "say",      "tell",      "warn",     "stress",   "add",       "note",     "describe", "call",
    "write",    "insist",    "argue",    "claim",    "announce",  "accuse",   "explain",  "state",
    "declare",  "assert",    "reply",    "respond",  "answer",    "ask",      "suggest",  "acknowledge",
    "admit",    "deny",      "confirm",  "report",   "recall",    "continue", "conclude", "emphasize",
    "emphasise", "underline", "urge",    "predict",  "promise",   "vow",      "pledge",   "threaten",
    "tweet",    "post",      "joke",     "quip",     "complain",  "charge",   "contend",  "maintain",
    "observe",  "remark",    "comment",  "mention",  "repeat",    "reiterate", "lament",  "shout",
    "yell",     "scream",    "cry",      "whisper",  "concede",   "counter",  "retort",   "boast",
    "brag",     "caution",   "proclaim", "testify",  "muse",      "recount",  "estimate", "allege",
    "demand",   "scoff",     "sing",     "chant",
};
// Cues that report a clause without quote marks ("X said (that) ..."): speech verbs that take a ccomp.
// Also the verbs of findings, estimates and beliefs ("a report found that ...", "polls show ...",
// "Obama believes ..."): attributions of a claim to a source, as PolNeAR annotates them.
constexpr std::array<std::string_view, 49> kClauseCueLemmas = {
    "find",    "show",     "estimate", "believe",  "think",    "agree",     "indicate",  "reveal",
    "expect",
    "say",     "tell",     "warn",    "stress",   "add",      "note",      "write",     "insist",
    "argue",   "claim",    "announce", "explain", "state",    "declare",   "assert",    "reply",
    "respond", "suggest",  "acknowledge", "admit", "deny",    "confirm",   "report",    "recall",
    "conclude", "emphasize", "emphasise", "predict", "promise", "vow",     "pledge",    "threaten",
    "tweet",   "complain", "charge",   "contend",  "maintain", "concede",  "testify",   "allege",
};
// Cues whose speaker may follow them: "…,” said Trump.
constexpr std::array<std::string_view, 26> kInvertingCues = {
    "say",    "add",     "write",   "note",    "explain", "ask",    "continue", "insist", "argue",
    "declare", "reply",  "respond", "answer",  "observe", "remark", "comment",  "quip",   "joke",
    "concede", "counter", "retort", "recall",  "conclude", "tweet", "shout",    "cry",
};
// Words that the parser sometimes makes the subject of "said" but never speak ("said Friday").
constexpr std::array<std::string_view, 22> kTimeWords = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "week", "month", "year", "morning", "afternoon", "evening",
    "night", "weekend", "earlier", "later", "last", "recently",
};

bool InList(std::string_view word, const auto& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Every inflected form of the cue verbs ("said", "conceded", "tweeted", "denies", "quipped" ...),
// built once: the lemmatiser does not know every rare verb, and the tagger calls some of them nouns.
const std::unordered_set<std::string>& CueForms() {
  static const std::unordered_set<std::string> forms = [] {
    std::unordered_set<std::string> f = {"said", "told", "wrote", "written", "sang", "sung"};
    for (std::string_view lemma : kCueLemmas) {
      std::string l(lemma), stem = l;
      bool e = l.back() == 'e', y = l.back() == 'y' && l.size() > 2 && !std::strchr("aeiou", l[l.size() - 2]);
      bool s_end = l.back() == 's' || l.back() == 'h' || l.back() == 'x';
      f.insert(l);
      f.insert(y ? l.substr(0, l.size() - 1) + "ies" : s_end ? l + "es" : l + "s");
      f.insert(e ? l + "d" : y ? l.substr(0, l.size() - 1) + "ied" : l + "ed");
      f.insert(e ? l.substr(0, l.size() - 1) + "ing" : l + "ing");
      // doubled final consonant: admitted, quipped, regretted
      char last = l.back(), before = l.size() > 2 ? l[l.size() - 2] : 'a';
      if (!std::strchr("aeiouwxy", last) && std::strchr("aeiou", before) && l.size() > 2 &&
          !std::strchr("aeiou", l[l.size() - 3])) {
        f.insert(l + last + "ed");
        f.insert(l + last + "ing");
      }
    }
    return f;
  }();
  return forms;
}

constexpr int kMaxClimb = 8;               // steps up the tree from a quote or a cue
constexpr uint32_t kMaxPhrase = 10;        // tokens in a speaker phrase found by position
constexpr uint32_t kAppositionWindow = 40; // "“…,” Name, a long apposition, said"
constexpr uint32_t kInheritSentences = 2;  // a quote with no cue takes the speaker of one this close

// Who said a quote: the cue and the speaker as written ([first, end), head), any part may be missing.
struct Attribution {
  int cue = -1;
  uint32_t first = 0, end = 0;
  int head = -1;
  bool found() const { return end > first; }
};

class QuoteFinder {
 public:
  explicit QuoteFinder(const Document& doc)
      : doc_(doc), n_(static_cast<uint32_t>(doc.tokens().size())), tree_(doc) {}

  std::vector<QuoteRow> Run() {
    IndexMentions();
    stretches_ = FindQuoteStretches(doc_);
    in_quote_.assign(n_, -1);
    for (size_t k = 0; k < stretches_.size(); ++k) {
      for (uint32_t i = stretches_[k].first; i < stretches_[k].end; ++i) in_quote_[i] = static_cast<int>(k);
    }
    // Own attribution first; then the paragraphs of one quote share a speaker (forward, then
    // backward); then a quote with no cue takes the speaker of a kept quote just before it.
    std::vector<QuoteRow> rows(stretches_.size());
    for (size_t k = 0; k < stretches_.size(); ++k) {
      const QuoteStretch& st = stretches_[k];
      rows[k].begin = doc_.tokens()[st.first].begin;
      rows[k].end = doc_.tokens()[st.end - 1].end;
      if (!st.continues) Apply(Attribute(st), rows[k]);
    }
    for (size_t k = 1; k < rows.size(); ++k) {
      if (stretches_[k].continues && !HasSpeaker(rows[k])) CopySpeaker(rows[k - 1], rows[k]);
    }
    for (size_t k = rows.size(); k-- > 1;) {
      if (stretches_[k].continues && !HasSpeaker(rows[k - 1])) CopySpeaker(rows[k], rows[k - 1]);
    }
    std::vector<QuoteRow> out;
    int last = -1;
    for (size_t k = 0; k < rows.size(); ++k) {
      const QuoteStretch& st = stretches_[k];
      if (!HasSpeaker(rows[k]) && last >= 0 &&
          SentenceOf(st.first) <= SentenceOf(stretches_[last].end - 1) + kInheritSentences) {
        CopySpeaker(rows[last], rows[k]);
      }
      if (!HasSpeaker(rows[k]) && !Standalone(st)) continue;  // scare quotes, titles
      out.push_back(rows[k]);
      last = static_cast<int>(k);
    }
    AddIndirect(out);
    std::stable_sort(out.begin(), out.end(), [](const QuoteRow& a, const QuoteRow& b) { return a.begin < b.begin; });
    return out;
  }

 private:
  const TokenRow& Tok(uint32_t i) const { return doc_.tokens()[i]; }
  std::string_view Text(uint32_t i) const { return doc_.token(i).text(); }
  std::string_view Lemma(uint32_t i) const { return doc_.Str(Tok(i).lemma); }
  uint32_t SentenceOf(uint32_t i) const { return Tok(i).sentence; }
  uint32_t SentenceEnd(uint32_t i) const { return doc_.sentences()[SentenceOf(i)].end_token; }
  uint32_t SentenceFirst(uint32_t i) const { return doc_.sentences()[SentenceOf(i)].first_token; }
  bool Body(uint32_t i) const { return doc_.sentences()[SentenceOf(i)].kind == Furniture::kBody; }
  bool Inside(int32_t i, const QuoteStretch& st) const {
    return i >= 0 && static_cast<uint32_t>(i) >= st.first && static_cast<uint32_t>(i) < st.end;
  }
  bool IsCue(uint32_t i) const {
    return Tok(i).upos == Upos::VERB && in_quote_[i] < 0 && (InList(Lemma(i), kCueLemmas) || IsCueForm(i));
  }
  // The word is an inflected form of a cue verb, whatever the tagger and lemmatiser made of it.
  bool IsCueForm(uint32_t i) const {
    if (in_quote_[i] >= 0) return false;
    std::string lower(Text(i));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return CueForms().count(lower) > 0;
  }
  bool IsTimeWord(uint32_t i) const {
    std::string lower(Text(i));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return InList(lower, kTimeWords);
  }
  bool IsDash(uint32_t i) const {
    std::string_view t = Text(i);
    return t == "-" || t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" || t == "\xE2\x80\x95";
  }

  // After a closing mark, the words at k may attribute the quote: in its sentence, or in the next one
  // when the splitter cut after “…?” or “…!” or the next word is lower case ("…?” he said).
  bool AttributionMayFollow(const QuoteStretch& st, uint32_t k) const {
    uint32_t close = static_cast<uint32_t>(st.close_mark);
    if (SentenceOf(k) == SentenceOf(close)) return true;
    if (BlankLineBetween(close, k) || close == 0) return false;
    std::string_view last = Text(close - 1);
    unsigned char c = static_cast<unsigned char>(Text(k)[0]);
    return last == "?" || last == "!" || last == "," || std::islower(c);
  }

  bool BlankLineBetween(uint32_t a, uint32_t b) const {
    std::string_view gap(doc_.text().data() + Tok(a).end, Tok(b).begin - Tok(a).end);
    size_t nl = gap.find('\n');
    return nl != std::string_view::npos && gap.find('\n', nl + 1) != std::string_view::npos;
  }

  void IndexMentions() {
    mention_at_.assign(n_, -1);
    const auto& ms = doc_.mentions();
    for (size_t m = 0; m < ms.size(); ++m) {
      for (uint32_t i = ms[m].first_token; i < ms[m].end_token && i < n_; ++i) {
        if (mention_at_[i] < 0 || ms[m].head_token == i) mention_at_[i] = static_cast<int>(m);
      }
    }
  }

  // ---- speaker phrases found by position (robust to parse errors around quote marks) ----

  bool IsPhraseWord(uint32_t i) const {
    if (in_quote_[i] >= 0 || IsQuoteMarkToken(doc_, i)) return false;
    Upos u = Tok(i).upos;
    return u == Upos::PROPN || u == Upos::NOUN || u == Upos::PRON || u == Upos::DET || u == Upos::ADJ ||
           u == Upos::NUM || (u == Upos::PART && Text(i) == "'s") || (u == Upos::PART && Text(i) == "\xE2\x80\x99s");
  }
  bool IsHeadWord(uint32_t i) const {
    Upos u = Tok(i).upos;
    return (u == Upos::PROPN || u == Upos::NOUN || u == Upos::PRON) && !IsTimeWord(i);
  }
  // "(D-Wis.)" right before `end`: the index of its "(", else end.
  uint32_t SkipParenthesisBack(uint32_t end, uint32_t floor) const {
    if (end == floor || Text(end - 1) != ")") return end;
    for (uint32_t j = end - 1; j > floor && end - j < 10; --j) {
      if (Text(j - 1) == "(") return j - 1;
    }
    return end;
  }

  // The noun phrase ending right before `end` (adverbs, auxiliaries and a parenthesis skipped):
  // "Rep. Gwen Moore (D-Wis.) also said" -> "Rep. Gwen Moore".
  Attribution PhraseBefore(uint32_t end) const {
    uint32_t floor = SentenceFirst(end > 0 ? end - 1 : 0);
    for (int skip = 0; skip < 3 && end > floor; ++skip) {
      Upos u = Tok(end - 1).upos;
      if (u == Upos::ADV || u == Upos::AUX) --end;
    }
    end = SkipParenthesisBack(end, floor);
    Attribution a;
    uint32_t first = end;
    while (first > floor && end - first < kMaxPhrase && IsPhraseWord(first - 1)) --first;
    // The head is the last noun (ignoring a possessive 's); a time word cannot be it.
    for (uint32_t j = end; j > first; --j) {
      if (IsHeadWord(j - 1)) {
        a.head = static_cast<int>(j - 1);
        break;
      }
    }
    if (a.head < 0) return {};
    a.first = first, a.end = end;
    return a;
  }

  // The noun phrase starting at `begin`, "of"/"for" phrases included ("said the director of the FBI").
  Attribution PhraseAfter(uint32_t begin) const {
    if (begin >= n_) return {};
    uint32_t floor_end = SentenceEnd(begin), end = begin;
    while (end < floor_end && end - begin < kMaxPhrase) {
      if (IsPhraseWord(end) && !IsTimeWord(end)) {
        ++end;
      } else if ((Text(end) == "of" || Text(end) == "for") && end > begin && end + 1 < floor_end &&
                 IsPhraseWord(end + 1)) {
        ++end;
      } else {
        break;
      }
    }
    Attribution a;
    for (uint32_t j = begin; j < end && Text(j) != "of" && Text(j) != "for"; ++j) {
      if (IsHeadWord(j)) a.head = static_cast<int>(j);
    }
    if (a.head < 0) return {};
    a.first = begin, a.end = end;
    return a;
  }

  // ---- the parse ----

  // The subject of a cue; "adding ...", "stressing ..." climb to the verb they hang from; a relative
  // pronoun gives its noun. Never a token inside the quote itself, never a time word. -1 when none.
  int SubjectOf(uint32_t cue, const QuoteStretch& st) const {
    int32_t v = static_cast<int32_t>(cue);
    for (int step = 0; step < 4 && v >= 0; ++step) {
      for (uint32_t c : tree_.Children(v)) {
        std::string_view rel = tree_.Rel(c);
        bool quoted_passive = rel == "nsubj:pass" && Lemma(v) == "quote";
        if (rel != "nsubj" && !quoted_passive) continue;
        if (Inside(c, st) || IsTimeWord(c)) return -1;
        std::string_view lemma = Lemma(c);
        if ((lemma == "who" || lemma == "that") && tree_.Rel(v).starts_with("acl") && tree_.Head(v) >= 0) {
          return tree_.Head(v);
        }
        return static_cast<int>(c);
      }
      std::string_view rel = tree_.Rel(v);
      int32_t h = tree_.Head(v);
      if (rel == "acl" && Text(v).ends_with("ing") && h >= 0 && IsHeadWord(h) && !Inside(h, st)) {
        return h;  // "footage of Hillary Clinton asking, “…”"
      }
      if (rel != "advcl" && rel != "xcomp" && rel != "conj") break;
      v = tree_.Head(v);
      if (Inside(v, st)) break;
    }
    return -1;
  }

  // The subject as written: its name words, titles, determiners and possessor.
  Attribution SubjectPhrase(uint32_t s) const {
    Attribution a;
    a.first = s, a.end = s + 1, a.head = static_cast<int>(s);
    for (uint32_t c : tree_.Children(s)) {
      std::string_view rel = tree_.Rel(c);
      if (rel == "compound" || rel.starts_with("flat") || rel == "amod" || rel == "det" || rel == "nmod:poss" ||
          rel == "nummod" || rel == "nmod:desc") {
        a.first = std::min(a.first, tree_.SubtreeFirst(c));
        a.end = std::max(a.end, tree_.SubtreeEnd(c));
      }
    }
    return a;
  }

  // "said X": verbs whose speaker may follow them (others take an object there: "stressed the need").
  bool Inverts(uint32_t cue) const { return InList(Lemma(cue), kInvertingCues); }

  // The speaker of a cue: its subject in the parse; else, for ", adding ..." / ", stressing ...", the
  // speaker of the cue before it in the sentence; else the phrase right before it, or right after it
  // for a verb that inverts ("said X").
  Attribution SpeakerOfCue(uint32_t cue, const QuoteStretch& st) const {
    Attribution a;
    if (int s = SubjectOf(cue, st); s >= 0) {
      a = SubjectPhrase(static_cast<uint32_t>(s));
    } else if (Text(cue).ends_with("ing") && cue > SentenceFirst(cue) && Text(cue - 1) == ",") {
      for (uint32_t j = cue - 1; j-- > SentenceFirst(cue);) {
        if (!IsCue(j)) continue;
        if (int s2 = SubjectOf(j, st); s2 >= 0) {
          a = SubjectPhrase(static_cast<uint32_t>(s2));
        } else {
          a = PhraseBefore(j);
        }
        break;
      }
    } else if (a = PhraseBefore(cue); !a.found() && cue > 0 && Text(cue - 1) == ",") {
      // "Hillary Clinton, at a later press gaggle, said": the phrase before the comma that opens the aside
      for (uint32_t p = cue - 1; p-- > SentenceFirst(cue) && cue - p < 16 && !IsQuoteMarkToken(doc_, p);) {
        if (Text(p) == ",") {
          a = PhraseBefore(p);
          break;
        }
      }
    } else if ((!a.found() || Inside(a.head, st)) && Inverts(cue)) {
      a = PhraseAfter(cue + 1);
    }
    if (Inside(a.head, st)) a = {};
    a.cue = static_cast<int>(cue);
    return a;
  }

  // ---- attribution of one quoted stretch ----

  // The patterns right around the marks: “…,” X said / “…,” said X / “…,” X, a long apposition, said /
  // “…” — X / X said: “…”.
  Attribution Adjacent(const QuoteStretch& st) const {
    if (st.close_mark >= 0) {
      uint32_t k = static_cast<uint32_t>(st.close_mark) + 1;
      // “…”― Pamela Padilla   (the splitter may start a new sentence at the dash)
      if (k < n_ && IsDash(k) && !BlankLineBetween(k - 1, k)) return PhraseAfter(k + 1);
      if (k < n_ && Text(k) == "," && SentenceOf(k) == SentenceOf(st.close_mark)) ++k;
      uint32_t sentence_end = k < n_ ? SentenceEnd(k) : 0;
      if (k < n_ && AttributionMayFollow(st, k)) {
        if (IsCue(k) || (IsCueForm(k) && Tok(k).upos != Upos::PUNCT)) {  // said X
          Attribution a = Inverts(k) ? PhraseAfter(k + 1) : Attribution{};
          if (!a.found()) a = SpeakerOfCue(k, st);
          a.cue = static_cast<int>(k);
          return a;
        }
        Attribution np = PhraseAfter(k);
        if (np.found()) {
          uint32_t m = np.end;
          while (m < sentence_end && m - np.end < 3 && (Tok(m).upos == Upos::ADV || Tok(m).upos == Upos::AUX)) ++m;
          if (m < sentence_end && Text(m) == "(") {
            while (m < sentence_end && m - np.end < 10 && Text(m) != ")") ++m;
            ++m;
          }
          // "X said", "X concludes" (even when tagged a noun), "X barked" after “…,”
          bool verb_after_comma = Tok(m).upos == Upos::VERB && st.close_mark > 0 &&
                                  Text(st.close_mark - 1) == "," && doc_.Str(Tok(m).xpos).starts_with("VB");
          if (m < sentence_end && (IsCue(m) || (IsCueForm(m) && Tok(m).upos != Upos::PUNCT) || verb_after_comma)) {
            np.cue = static_cast<int>(m);
            return np;
          }
          if (m < sentence_end && Text(m) == ",") {  // an apposition, then ", said"
            for (uint32_t c = m + 1; c < sentence_end && c - m < kAppositionWindow; ++c) {
              if (IsQuoteMarkToken(doc_, c)) break;
              if (IsCue(c) && (Text(c - 1) == "," || (Tok(c - 1).upos == Upos::ADV && Text(c - 2) == ","))) {
                np.cue = static_cast<int>(c);
                return np;
              }
            }
          }
        }
      }
    }
    if (st.open_mark > 0) {
      uint32_t j = static_cast<uint32_t>(st.open_mark) - 1;
      bool punct = (Text(j) == "," || Text(j) == ":") && j > 0;
      if (punct) --j;
      if (SentenceOf(j) == SentenceOf(st.first) || Text(j + 1) == ":") {
        if (IsCue(j)) return SpeakerOfCue(j, st);
        // "said Trump: “…”" inverted before the quote
        Attribution np = punct ? PhraseBefore(j + 1) : Attribution{};
        if (np.found() && np.first > 0 && IsCue(np.first - 1) &&
            (Lemma(np.first - 1) == "say" || Lemma(np.first - 1) == "write" || Lemma(np.first - 1) == "add")) {
          np.cue = static_cast<int>(np.first - 1);
          return np;
        }
      }
    }
    return {};
  }

  // The cue of a quote by the parse: a cue that governs the quote (climbing from every token whose
  // head lies outside it), or one that hangs from the quote ("..., he said" as parataxis). -1: none.
  int GoverningCue(const QuoteStretch& st) const {
    for (uint32_t i = st.first; i < st.end; ++i) {
      int32_t h = tree_.Head(i);
      if (h < 0 || Inside(h, st)) continue;
      for (int step = 0; step < kMaxClimb && h >= 0 && in_quote_[h] < 0; ++step, h = tree_.Head(h)) {
        if (IsCue(h)) return h;
      }
    }
    uint32_t from = SentenceFirst(st.first), to = SentenceEnd(st.end - 1);
    for (uint32_t i = from; i < to; ++i) {
      if (IsCue(i) && Inside(tree_.Head(i), st)) return static_cast<int>(i);
    }
    return -1;
  }

  // The nearest cue outside quotes in the quote's first and last sentences, one with a speaker first.
  Attribution NearestCue(const QuoteStretch& st) const {
    uint32_t s_first = SentenceOf(st.first), s_last = SentenceOf(st.end - 1);
    uint32_t from = SentenceFirst(st.first), to = SentenceEnd(st.end - 1);
    Attribution best;
    uint32_t best_dist = UINT32_MAX;
    for (uint32_t i = from; i < to; ++i) {
      if (!IsCue(i) || (SentenceOf(i) != s_first && SentenceOf(i) != s_last)) continue;
      uint32_t dist = i < st.first ? st.first - i : i - st.end;
      Attribution a = SpeakerOfCue(i, st);
      if ((a.found() && !best.found()) || (a.found() == best.found() && dist < best_dist)) {
        best = a, best_dist = dist;
      }
    }
    return best;
  }

  Attribution Attribute(const QuoteStretch& st) const {
    if (Attribution a = Adjacent(st); a.found()) return a;
    if (int cue = GoverningCue(st); cue >= 0) {
      if (Attribution a = SpeakerOfCue(static_cast<uint32_t>(cue), st); a.found()) return a;
    }
    if (Attribution a = NearestCue(st); a.found() || a.cue >= 0) return a;
    if (int x = AccordingTo(st.first, st.end); x >= 0) return SubjectPhrase(static_cast<uint32_t>(x));
    // The sentence before ends with a cue and a colon ("He said:").
    uint32_t s = SentenceOf(st.first);
    if (s > 0) {
      const SentenceRow& prev = doc_.sentences()[s - 1];
      if (prev.kind == Furniture::kBody && prev.end_token > prev.first_token && Text(prev.end_token - 1) == ":") {
        for (uint32_t i = prev.end_token; i-- > prev.first_token;) {
          if (IsCue(i)) return SpeakerOfCue(i, st);
        }
      }
    }
    return {};
  }

  // X's head token when the token at i starts "according to X", else -1.
  int AccordingSource(uint32_t i) const {
    std::string_view w = Text(i);
    uint32_t sentence_end = SentenceEnd(i);
    if ((w != "according" && w != "According") || i + 2 >= sentence_end || Text(i + 1) != "to") return -1;
    int32_t h = tree_.Head(i);
    if (h > static_cast<int32_t>(i) + 1 && Tok(h).upos != Upos::VERB) return h;
    Attribution a = PhraseAfter(i + 2);  // no parse (or a strange one): the phrase after "to"
    return a.head;
  }

  // "according to X" outside quotes in the sentences of the tokens [first, end): X, or -1.
  int AccordingTo(uint32_t first, uint32_t end) const {
    for (uint32_t i = SentenceFirst(first), to = SentenceEnd(end - 1); i < to; ++i) {
      if (in_quote_[i] >= 0) continue;
      if (int x = AccordingSource(i); x >= 0) return x;
    }
    return -1;
  }

  // A direct quote with no speaker is kept only when it stands as a sentence of its own (a quoted
  // statement, not a scare-quoted word or a title).
  bool Standalone(const QuoteStretch& st) const {
    uint32_t words = 0;
    for (uint32_t i = st.first; i < st.end; ++i) words += IsWordToken(doc_, i) ? 1 : 0;
    return words >= 4 && st.first <= SentenceFirst(st.first) + 1;
  }

  static bool HasSpeaker(const QuoteRow& q) { return q.speaker_first != q.speaker_end; }
  static void CopySpeaker(const QuoteRow& from, QuoteRow& to) {
    to.speaker_first = from.speaker_first;
    to.speaker_end = from.speaker_end;
    to.speaker_mention = from.speaker_mention;
  }

  // Fills the row's cue and speaker; the span widens to the actor mention at its head, and
  // speaker_mention follows pronouns and nominals to the mention they stand for.
  void Apply(const Attribution& a, QuoteRow& q) const {
    q.cue_token = a.cue;
    if (!a.found()) return;
    uint32_t first = a.first, end = a.end;
    int m = a.head >= 0 ? mention_at_[a.head] : -1;
    for (uint32_t i = first; i < end && m < 0; ++i) m = mention_at_[i];
    if (m >= 0) {
      const MentionRow& row = doc_.mentions()[m];
      first = std::min(first, row.first_token);
      end = std::max(end, row.end_token);
      for (int step = 0; step < 8; ++step) {
        const MentionRow& r = doc_.mentions()[m];
        if ((r.kind != MentionKind::kPronoun && r.kind != MentionKind::kNominal) || r.antecedent < 0 ||
            static_cast<size_t>(r.antecedent) >= doc_.mentions().size()) {
          break;
        }
        m = r.antecedent;
      }
    }
    q.speaker_first = first;
    q.speaker_end = end;
    q.speaker_mention = m;
  }

  // ---- indirect quotes ----

  void AddIndirectRow(uint32_t first, uint32_t end, const Attribution& a, std::vector<QuoteRow>& out) const {
    while (first < end && !IsWordToken(doc_, first) && !IsQuoteMarkToken(doc_, first)) ++first;
    while (end > first && !IsWordToken(doc_, end - 1) && !IsQuoteMarkToken(doc_, end - 1)) --end;
    uint32_t words = 0, quoted = 0;
    for (uint32_t i = first; i < end; ++i) {
      if (!IsWordToken(doc_, i)) continue;
      ++words;
      quoted += in_quote_[i] >= 0 ? 1 : 0;
    }
    if (words < 3 || 2 * quoted > words || !a.found()) return;
    QuoteRow q;
    q.direct = false;
    q.begin = Tok(first).begin;
    q.end = Tok(end - 1).end;
    Apply(a, q);
    out.push_back(q);
  }

  // "X said (that) CLAUSE", "CLAUSE, X said" and "according to X, CLAUSE".
  void AddIndirect(std::vector<QuoteRow>& out) const {
    const QuoteStretch none;
    for (uint32_t i = 0; i < n_; ++i) {
      if (!Body(i) || in_quote_[i] >= 0) continue;
      if (int x = AccordingSource(i); x >= 0) {
        const SentenceRow& s = doc_.sentences()[SentenceOf(i)];
        uint32_t phrase_end = std::max(static_cast<uint32_t>(x) + 1, tree_.SubtreeEnd(x));
        Attribution a = SubjectPhrase(static_cast<uint32_t>(x));
        a.cue = static_cast<int>(i);
        if (i - s.first_token >= s.end_token - phrase_end) {
          AddIndirectRow(s.first_token, i, a, out);
        } else {
          AddIndirectRow(phrase_end, s.end_token, a, out);
        }
        continue;
      }
      if (Tok(i).upos != Upos::VERB || !InList(Lemma(i), kClauseCueLemmas)) continue;
      int subject = SubjectOf(i, none);
      if (subject < 0) continue;
      Attribution a = SubjectPhrase(static_cast<uint32_t>(subject));
      a.cue = static_cast<int>(i);
      int complement = -1;
      for (uint32_t c : tree_.Children(i)) {
        if (tree_.Rel(c) == "ccomp") {
          complement = static_cast<int>(c);
          break;
        }
      }
      int32_t h = tree_.Head(i);
      if (complement >= 0) {
        AddIndirectRow(tree_.SubtreeFirst(complement), tree_.SubtreeEnd(complement), a, out);
      } else if (tree_.Rel(i) == "parataxis" && h >= 0 && h < static_cast<int32_t>(i)) {
        AddIndirectRow(tree_.SubtreeFirst(h), std::min(tree_.SubtreeFirst(i), tree_.SubtreeEnd(h)), a, out);
      }
    }
  }

  const Document& doc_;
  uint32_t n_;
  DepTree tree_;
  std::vector<int> mention_at_, in_quote_;
  std::vector<QuoteStretch> stretches_;
};

class QuoteStage : public Stage {
 public:
  std::string_view name() const override { return "quotes"; }
  uint32_t Requires() const override { return kLayerMentions; }
  uint32_t Provides() const override { return kLayerQuotes; }
  Status Process(Document& doc, StageScratch*) const override {
    doc.mutable_quotes() = FindQuotes(doc);
    return Status::Ok();
  }
};

}  // namespace

bool IsQuoteCueLemma(std::string_view lemma) { return InList(lemma, kCueLemmas); }

std::vector<QuoteRow> FindQuotes(const Document& doc) {
  if (doc.tokens().empty() || doc.sentences().empty()) return {};
  return QuoteFinder(doc).Run();
}

std::shared_ptr<const Stage> MakeQuoteStage() { return std::make_shared<QuoteStage>(); }

}  // namespace dyad::extract
