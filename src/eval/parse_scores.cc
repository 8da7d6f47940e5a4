#include "eval/parse_scores.h"

#include <cstdio>

namespace dyad::eval {
namespace {

std::string_view Universal(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

// Adds one gold word (g) and, when aligned, its system word (s) to every score. head_ok says whether
// the system head corresponds to the gold head.
void Count(const Document& gold, uint32_t g, const Document& sys, int32_t s, bool head_ok, ParseScores* out) {
  auto bump = [&](Prf& p, bool ok) {
    ++p.gold;
    if (s >= 0 && ok) ++p.correct;
  };
  Token gt = gold.token(g);
  if (s < 0) {
    for (Prf* p : {&out->upos, &out->xpos, &out->ufeats, &out->lemma, &out->uas, &out->las, &out->las_full}) ++p->gold;
    return;
  }
  Token st = sys.token(static_cast<uint32_t>(s));
  bump(out->upos, gt.upos() == st.upos());
  bump(out->xpos, gt.xpos() == st.xpos());
  bump(out->ufeats, gt.feats() == st.feats());
  bump(out->lemma, gt.lemma().empty() || gt.lemma() == st.lemma());  // ReadConllu keeps "_" as ""
  bump(out->uas, head_ok);
  bump(out->las, head_ok && Universal(gt.deprel()) == Universal(st.deprel()));
  bump(out->las_full, head_ok && gt.deprel() == st.deprel());
}

void SetSystem(ParseScores* s, size_t system_words) {
  s->words.system = system_words;
  for (Prf* p : {&s->upos, &s->xpos, &s->ufeats, &s->lemma, &s->uas, &s->las, &s->las_full})
    p->system = system_words;
}

}  // namespace

Result<ParseScores> ScoreGoldTokens(const Document& gold, const Document& system) {
  if (gold.tokens().size() != system.tokens().size())
    return Status::InvalidInput("gold has " + std::to_string(gold.tokens().size()) + " words, system " +
                                std::to_string(system.tokens().size()));
  ParseScores out;
  for (uint32_t t = 0; t < gold.tokens().size(); ++t) {
    bool head_ok = gold.tokens()[t].head == system.tokens()[t].head;
    Count(gold, t, system, static_cast<int32_t>(t), head_ok, &out);
  }
  out.words.gold = out.words.correct = gold.tokens().size();
  SetSystem(&out, system.tokens().size());
  return out;
}

Result<ParseScores> ScoreAligned(const Document& gold, const Document& system) {
  auto align = AlignWords(gold, system);
  if (!align.ok()) return align.status();
  const std::vector<int32_t>& g2s = align->gold_to_system;
  ParseScores out;
  for (uint32_t g = 0; g < gold.tokens().size(); ++g) {
    int32_t s = g < g2s.size() ? g2s[g] : -1;
    bool head_ok = false;
    if (s >= 0) {
      int32_t gh = gold.tokens()[g].head;
      int32_t sh = system.tokens()[static_cast<uint32_t>(s)].head;
      if (gh == kNoHead) head_ok = sh == kNoHead;
      else head_ok = sh != kNoHead && static_cast<size_t>(gh) < g2s.size() && g2s[gh] == sh;
    }
    Count(gold, g, system, s, head_ok, &out);
  }
  out.words.gold = gold.tokens().size();
  out.words.correct = align->aligned;
  SetSystem(&out, system.tokens().size());
  return out;
}

std::string FormatParseScores(const ParseScores& s) {
  std::string out;
  char line[160];
  auto add = [&](const char* name, const Prf& p) {
    std::snprintf(line, sizeof line, "%-9s P %6.2f  R %6.2f  F1 %6.2f\n", name, p.Precision(), p.Recall(), p.F1());
    out += line;
  };
  add("Words", s.words);
  add("UPOS", s.upos);
  add("XPOS", s.xpos);
  add("UFeats", s.ufeats);
  add("Lemmas", s.lemma);
  add("UAS", s.uas);
  add("LAS", s.las);
  add("LAS-full", s.las_full);
  return out;
}

}  // namespace dyad::eval
