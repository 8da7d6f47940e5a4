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

namespace {

// "The Duma backs Putin's plan", "Iran vows revenge": a lower-case plural noun in -s right after a singular
// or proper noun, before what opens its object (a determiner, a proper noun, a pronoun, a number, an
// adjective or a particle; a common noun only after a proper-noun subject) is the present-tense verb.
int PresentTenseVerb(const Document& doc, const SentenceRow& s) {
  for (uint32_t t = s.first_token + 1; t + 1 < s.end_token; ++t) {
    const Token w = doc.token(t);
    if (w.xpos() != "NNS") continue;
    std::string_view form = w.text();
    if (form.size() < 4 || form.back() != 's') continue;
    bool lower = true;
    for (char ch : form) lower = lower && ch >= 'a' && ch <= 'z';
    const char before_s = form[form.size() - 2];
    if (!lower || before_s == 's' || before_s == 'u' || before_s == 'i') continue;  // "press", "bus", "analysis"
    std::string_view prev = doc.token(t - 1).xpos(), next = doc.token(t + 1).xpos();
    const bool proper_subject = In(prev, {"NNP", "NNPS"});
    if (!proper_subject && prev != "NN") continue;
    // After a proper-noun subject also a common noun ("Iran vows revenge") or a verb's preposition
    // ("Israel withdraws from Gaza", "Russia warns of retaliation").
    const bool preposition = next == "IN" && In(doc.token(t + 1).text(), {"from", "against", "over", "with", "of", "to", "on"});
    if (In(next, {"DT", "NNP", "NNPS", "PRP", "PRP$", "CD", "JJ", "RP"}) ||
        (proper_subject && (In(next, {"NN", "NNS"}) || preposition)))
      return static_cast<int>(t);
  }
  return -1;
}

}  // namespace

int RepairMissingFiniteVerbs(Document& doc) {
  int repaired = 0;
  StrId vbd = kNoStr, feats = kNoStr, vbz = kNoStr, present = kNoStr;
  for (const SentenceRow& s : doc.sentences()) {
    if (s.end_token - s.first_token < 4) continue;  // too short to tell a headline fragment from a clause
    bool finite = false;
    for (uint32_t t = s.first_token; t < s.end_token && !finite; ++t) finite = IsFiniteVerbTag(doc.token(t).xpos());
    if (finite) continue;
    bool done = false;
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
      done = true;
      break;
    }
    if (done) continue;
    const int t = PresentTenseVerb(doc, s);
    if (t < 0) continue;
    if (vbz == kNoStr) {
      vbz = doc.Intern("VBZ");
      present = doc.Intern("Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin");
    }
    TokenRow& row = doc.mutable_tokens()[static_cast<uint32_t>(t)];
    row.xpos = vbz;
    row.feats = present;
    row.upos = Upos::VERB;
    ++repaired;
  }
  return repaired;
}

}  // namespace dyad::tag
