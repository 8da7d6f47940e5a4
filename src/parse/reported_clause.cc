#include "parse/reported_clause.h"

#include <string_view>
#include <vector>

#include "core/one_of.h"

namespace dyad::parse {
namespace {

// Verbs that report or assert a clause and take it without "that".
bool ReportsAClause(std::string_view lemma) {
  return OneOf(lemma, {"claim", "say", "allege", "believe", "think", "report", "insist", "argue", "suspect", "fear",
                    "know", "deny", "confirm", "prove", "suggest", "indicate", "assert", "maintain", "conclude",
                    "find", "show", "estimate", "acknowledge", "admit", "announce", "add", "charge", "contend",
                    "hope", "expect", "assume", "reckon", "understand", "realise", "realize", "recall", "learn"});
}

// Participles that are never the past tense ("taken", not "took"): such a verb cannot be finite.
bool OnlyAParticiple(std::string_view form) {
  return OneOf(form, {"taken", "given", "shown", "seen", "known", "done", "gone", "written", "driven", "broken",
                   "chosen", "spoken", "stolen", "forgotten", "hidden", "beaten", "eaten", "fallen", "risen",
                   "thrown", "blown", "drawn", "grown", "flown", "worn", "sworn", "torn", "born", "borne", "begun",
                   "sung", "rung", "drunk", "swum", "ridden", "bitten", "frozen", "woken", "proven", "shaken"});
}

}  // namespace

int RepairReportedClauses(Document& doc, uint32_t si) {
  const SentenceRow row = doc.sentences()[si];
  auto& tokens = doc.mutable_tokens();
  int repaired = 0;
  StrId nsubj = kNoStr, ccomp = kNoStr, vbd = kNoStr, finite = kNoStr;
  // Which tokens have an object (one pass, so the search below stays linear).
  std::vector<bool> has_object(row.end_token - row.first_token, false);
  for (uint32_t k = row.first_token; k < row.end_token; ++k) {
    const int32_t h = tokens[k].head;
    if (h >= static_cast<int32_t>(row.first_token) && h < static_cast<int32_t>(row.end_token) &&
        doc.token(k).deprel() == "obj")
      has_object[static_cast<uint32_t>(h) - row.first_token] = true;
  }
  for (uint32_t v = row.first_token; v < row.end_token; ++v) {
    const Token verb = doc.token(v);
    if (verb.deprel() != "acl" || verb.xpos() != "VBN" || OnlyAParticiple(verb.text())) continue;
    const int32_t n = tokens[v].head;
    if (n < static_cast<int32_t>(row.first_token) || n >= static_cast<int32_t>(v)) continue;  // the noun comes first
    const Token noun = doc.token(static_cast<uint32_t>(n));
    if (noun.deprel() != "obj" || !OneOf(noun.xpos(), {"NN", "NNS", "NNP", "NNPS"})) continue;
    const int32_t s = tokens[static_cast<uint32_t>(n)].head;
    if (s < static_cast<int32_t>(row.first_token) || s >= static_cast<int32_t>(row.end_token)) continue;
    const Token say = doc.token(static_cast<uint32_t>(s));
    if (say.upos() != Upos::VERB || !ReportsAClause(say.lemma())) continue;
    // The participle has an object of its own, and nothing but the noun's own words stands between
    // them (no comma: "the forces, used to ..." is an apposition or a reduced relative after all).
    // The noun's own words stand between them: a few at most (this also keeps the scan linear).
    if (!has_object[v - row.first_token] || v - static_cast<uint32_t>(n) > 8) continue;
    bool gap = false;
    for (uint32_t k = static_cast<uint32_t>(n) + 1; k < v && !gap; ++k) gap = doc.token(k).upos() == Upos::PUNCT;
    if (gap) continue;
    if (nsubj == kNoStr) {
      nsubj = doc.Intern("nsubj");
      ccomp = doc.Intern("ccomp");
      vbd = doc.Intern("VBD");
      finite = doc.Intern("Mood=Ind|Tense=Past|VerbForm=Fin");
    }
    tokens[v].head = s;
    tokens[v].deprel = ccomp;
    tokens[v].xpos = vbd;
    tokens[v].feats = finite;
    tokens[static_cast<uint32_t>(n)].head = static_cast<int32_t>(v);
    tokens[static_cast<uint32_t>(n)].deprel = nsubj;
    ++repaired;
  }
  return repaired;
}

}  // namespace dyad::parse
