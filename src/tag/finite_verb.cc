#include "tag/finite_verb.h"

#include <string_view>

namespace dyad::tag {
namespace {

bool In(std::string_view x, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (x == s) return true;
  return false;
}

bool CanBeSubject(std::string_view xpos) { return In(xpos, {"NN", "NNS", "NNP", "NNPS", "PRP"}); }
bool OpensAnObject(std::string_view xpos) {
  return In(xpos, {"DT", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "PRP", "PRP$", "CD"});
}

}  // namespace

bool IsFiniteVerbTag(std::string_view xpos) { return In(xpos, {"VBD", "VBZ", "VBP", "MD"}); }

int RepairMissingFiniteVerbs(Document& doc) {
  int repaired = 0;
  StrId vbd = kNoStr, feats = kNoStr;
  for (const SentenceRow& s : doc.sentences()) {
    if (s.end_token - s.first_token < 4) continue;  // too short to tell a headline fragment from a clause
    bool finite = false;
    for (uint32_t t = s.first_token; t < s.end_token && !finite; ++t) finite = IsFiniteVerbTag(doc.token(t).xpos());
    if (finite) continue;
    for (uint32_t t = s.first_token + 1; t + 1 < s.end_token; ++t) {
      if (doc.token(t).xpos() != "VBN") continue;
      if (!CanBeSubject(doc.token(t - 1).xpos()) || !OpensAnObject(doc.token(t + 1).xpos())) break;
      if (vbd == kNoStr) {
        vbd = doc.Intern("VBD");
        feats = doc.Intern("Mood=Ind|Tense=Past|VerbForm=Fin");
      }
      TokenRow& row = doc.mutable_tokens()[t];
      row.xpos = vbd;
      row.feats = feats;
      row.upos = Upos::VERB;
      ++repaired;
      break;
    }
  }
  return repaired;
}

}  // namespace dyad::tag
