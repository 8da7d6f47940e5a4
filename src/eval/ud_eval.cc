#include "eval/ud_eval.h"

#include <algorithm>
#include <string_view>

#include "core/utf8.h"
#include "text/char_class.h"

namespace dyad::eval {
namespace {

constexpr size_t kMaxLcsCells = 1000000;

struct Span {
  uint32_t start = 0, end = 0;  // stripped character offsets
  bool operator==(const Span&) const = default;
};

struct Word {
  Span span;            // its multiword token's span when is_multiword (as conll18_ud_eval.py)
  bool is_multiword = false;
  std::string form;     // lower-cased
};

// Everything the scores need from one Document, in stripped coordinates.
struct Layout {
  std::string stripped;           // the non-whitespace characters, concatenated
  std::vector<uint32_t> offset;   // byte offset -> stripped char offset; size text+1
  std::vector<uint32_t> char_at;  // stripped char offset -> byte offset in `stripped`; size chars+1
  std::vector<Word> words;
  std::vector<Span> tokens;       // surface tokens
  std::vector<Span> sentences;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

Layout Build(const Document& doc) {
  Layout l;
  const std::string& text = doc.text();
  l.offset.assign(text.size() + 1, 0);
  uint32_t chars = 0;
  size_t i = 0;
  while (i < text.size()) {
    text::CodePoint c = text::CharAt(text, i);
    bool space = text::IsSpace(c.cp);
    for (int k = 0; k < c.len; ++k) l.offset[i + static_cast<size_t>(k)] = chars;
    if (!space) {
      l.char_at.push_back(static_cast<uint32_t>(l.stripped.size()));
      l.stripped.append(text, i, static_cast<size_t>(c.len));
      ++chars;
    }
    i += static_cast<size_t>(c.len);
  }
  l.offset[text.size()] = chars;
  l.char_at.push_back(static_cast<uint32_t>(l.stripped.size()));

  const auto& rows = doc.tokens();
  l.words.resize(rows.size());
  size_t g = 0;
  while (g < rows.size()) {
    size_t e = g;
    while (e + 1 < rows.size() && (rows[e].flags & kTokJoinedToNext) && rows[e + 1].sentence == rows[e].sentence) ++e;
    Span group{l.offset[rows[g].begin], l.offset[rows[e].end]};
    bool shared_slice = false;
    for (size_t k = g; k < e; ++k) shared_slice |= rows[k + 1].begin < rows[k].end;
    for (size_t k = g; k <= e; ++k) {
      Word& w = l.words[k];
      w.is_multiword = e > g;
      w.span = w.is_multiword ? group : Span{l.offset[rows[k].begin], l.offset[rows[k].end]};
      Token t = doc.token(static_cast<uint32_t>(k));
      w.form = Lower(shared_slice ? t.norm() : t.text());
    }
    l.tokens.push_back(group);
    g = e + 1;
  }
  for (const SentenceRow& s : doc.sentences()) {
    if (s.end_token <= s.first_token) continue;
    l.sentences.push_back({l.offset[rows[s.first_token].begin], l.offset[rows[s.end_token - 1].end]});
  }
  return l;
}

Status CheckSameCharacters(const Layout& gold, const Layout& system) {
  if (gold.stripped == system.stripped) return Status::Ok();
  size_t k = 0;
  while (k < gold.stripped.size() && k < system.stripped.size() && gold.stripped[k] == system.stripped[k]) ++k;
  return Status::InvalidInput("gold and system texts differ (ignoring whitespace) at stripped byte " +
                              std::to_string(k) + ": gold '" + gold.stripped.substr(k, 20) + "' vs system '" +
                              system.stripped.substr(k, 20) + "'");
}

Prf ScoreSpans(const std::vector<Span>& gold, const std::vector<Span>& system) {
  Prf p;
  p.gold = gold.size();
  p.system = system.size();
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (system[si].start < gold[gi].start) {
      ++si;
    } else if (gold[gi].start < system[si].start) {
      ++gi;
    } else {
      p.correct += gold[gi].end == system[si].end;
      ++gi;
      ++si;
    }
  }
  return p;
}

bool BeyondEnd(const std::vector<Word>& words, size_t i, uint32_t end) {
  if (i >= words.size()) return true;
  if (words[i].is_multiword) return words[i].span.start >= end;
  return words[i].span.end > end;
}

uint32_t ExtendEnd(const Word& w, uint32_t end) {
  return w.is_multiword && w.span.end > end ? w.span.end : end;
}

// Aligns the words of one multiword region [gs, ge) x [ss, se) by LCS of forms.
void AlignRegion(const std::vector<Word>& gold, const std::vector<Word>& sys, size_t gs, size_t ge, size_t ss,
                 size_t se, WordAlignment* a) {
  size_t gn = ge - gs, sn = se - ss;
  if (gn == 0 || sn == 0 || gn * sn > kMaxLcsCells) return;
  std::vector<uint32_t> lcs((gn + 1) * (sn + 1), 0);
  auto at = [&](size_t g, size_t s) -> uint32_t& { return lcs[g * (sn + 1) + s]; };
  for (size_t g = gn; g-- > 0;) {
    for (size_t s = sn; s-- > 0;) {
      uint32_t v = gold[gs + g].form == sys[ss + s].form ? 1 + at(g + 1, s + 1) : 0;
      at(g, s) = std::max({v, at(g + 1, s), at(g, s + 1)});
    }
  }
  size_t g = 0, s = 0;
  while (g < gn && s < sn) {
    if (gold[gs + g].form == sys[ss + s].form) {
      a->gold_to_system[gs + g] = static_cast<int32_t>(ss + s);
      ++a->aligned;
      ++g;
      ++s;
    } else if (at(g, s) == at(g + 1, s)) {
      ++g;
    } else {
      ++s;
    }
  }
}

WordAlignment Align(const std::vector<Word>& gold, const std::vector<Word>& sys) {
  WordAlignment a;
  a.gold_to_system.assign(gold.size(), -1);
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < sys.size()) {
    if (gold[gi].is_multiword || sys[si].is_multiword) {
      uint32_t end;
      if (gold[gi].is_multiword) {
        end = gold[gi].span.end;
        if (!sys[si].is_multiword && sys[si].span.start < gold[gi].span.start) ++si;
      } else {
        end = sys[si].span.end;
        if (!gold[gi].is_multiword && gold[gi].span.start < sys[si].span.start) ++gi;
      }
      size_t gs = gi, ss = si;
      while (!BeyondEnd(gold, gi, end) || !BeyondEnd(sys, si, end)) {
        if (gi < gold.size() && (si >= sys.size() || gold[gi].span.start <= sys[si].span.start)) {
          end = ExtendEnd(gold[gi], end);
          ++gi;
        } else {
          end = ExtendEnd(sys[si], end);
          ++si;
        }
      }
      AlignRegion(gold, sys, gs, gi, ss, si, &a);
    } else if (gold[gi].span == sys[si].span) {
      a.gold_to_system[gi] = static_cast<int32_t>(si);
      ++a.aligned;
      ++gi;
      ++si;
    } else if (gold[gi].span.start <= sys[si].span.start) {
      ++gi;
    } else {
      ++si;
    }
  }
  return a;
}

std::string SpanText(const Layout& l, Span sp) {
  uint32_t b = l.char_at[sp.start], e = l.char_at[sp.end];
  return l.stripped.substr(b, e - b);
}

// Walks two sorted span lists and reports each region where they disagree.
void DiffSpans(const char* what, const Layout& g, const Layout& s, const std::vector<Span>& gs,
               const std::vector<Span>& ss, size_t max, std::vector<std::string>* out) {
  size_t gi = 0, si = 0;
  while (gi < gs.size() && si < ss.size() && out->size() < max) {
    if (gs[gi] == ss[si]) {
      ++gi;
      ++si;
      continue;
    }
    // Both lists tile the same characters, so a mismatch starts at one character; extend the shorter
    // side until both end at the same character.
    size_t g0 = gi, s0 = si;
    uint32_t ge = gs[gi++].end, se = ss[si++].end;
    while (ge != se) {
      if (ge < se) {
        if (gi >= gs.size()) break;
        ge = gs[gi++].end;
      } else {
        if (si >= ss.size()) break;
        se = ss[si++].end;
      }
    }
    std::string line = std::string(what) + ": gold [";
    for (size_t k = g0; k < gi; ++k) line += (k > g0 ? " | " : "") + SpanText(g, gs[k]);
    line += "]  system [";
    for (size_t k = s0; k < si; ++k) line += (k > s0 ? " | " : "") + SpanText(s, ss[k]);
    out->push_back(line + "]");
  }
}

}  // namespace

std::vector<std::string> DescribeDifferences(const Document& gold, const Document& system, size_t max) {
  std::vector<std::string> out;
  Layout g = Build(gold), s = Build(system);
  if (!CheckSameCharacters(g, s).ok()) return out;
  DiffSpans("token", g, s, g.tokens, s.tokens, max, &out);
  DiffSpans("sentence", g, s, g.sentences, s.sentences, 2 * max, &out);
  return out;
}

Result<WordAlignment> AlignWords(const Document& gold, const Document& system) {
  Layout g = Build(gold), s = Build(system);
  DYAD_RETURN_IF_ERROR(CheckSameCharacters(g, s));
  return Align(g.words, s.words);
}

Result<TokenizationScores> EvaluateTokenization(const Document& gold, const Document& system) {
  Layout g = Build(gold), s = Build(system);
  DYAD_RETURN_IF_ERROR(CheckSameCharacters(g, s));
  TokenizationScores scores;
  scores.tokens = ScoreSpans(g.tokens, s.tokens);
  scores.sentences = ScoreSpans(g.sentences, s.sentences);
  WordAlignment a = Align(g.words, s.words);
  scores.words.gold = g.words.size();
  scores.words.system = s.words.size();
  scores.words.correct = a.aligned;
  return scores;
}

std::string RunningTextFromGold(const Document& gold) {
  std::string out;
  std::string_view text = gold.text();
  uint32_t prev_end = 0;
  bool first = true;
  for (const SentenceRow& s : gold.sentences()) {
    if (s.end <= s.begin) continue;
    if (!first) {
      std::string_view gap = text.substr(prev_end, s.begin - prev_end);
      out += gap.find("\n\n") != std::string_view::npos ? "\n\n" : " ";
    }
    out.append(text.substr(s.begin, s.end - s.begin));
    prev_end = s.end;
    first = false;
  }
  return out;
}

}  // namespace dyad::eval
