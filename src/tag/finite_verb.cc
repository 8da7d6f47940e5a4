#include "tag/finite_verb.h"

#include <string>
#include <string_view>

#include "core/one_of.h"

namespace dyad::tag {
namespace {

bool CanBeSubject(std::string_view xpos) { return OneOf(xpos, {"NN", "NNS", "NNP", "NNPS", "PRP"}); }
bool OpensAnObject(std::string_view xpos) {
  return OneOf(xpos, {"DT", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "PRP", "PRP$", "CD"});
}

}  // namespace

bool IsFiniteVerbTag(std::string_view xpos) { return OneOf(xpos, {"VBD", "VBZ", "VBP", "MD"}); }

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
    const bool proper_subject = OneOf(prev, {"NNP", "NNPS"});
    if (!proper_subject && prev != "NN") continue;
    // After a proper-noun subject also a common noun ("Iran vows revenge") or a verb's preposition
    // ("Israel withdraws from Gaza", "Russia warns of retaliation").
    const bool preposition = next == "IN" && OneOf(doc.token(t + 1).text(), {"from", "against", "over", "with", "of", "to", "on"});
    if (OneOf(next, {"DT", "NNP", "NNPS", "PRP", "PRP$", "CD", "JJ", "RP"}) ||
        (proper_subject && (OneOf(next, {"NN", "NNS"}) || preposition)))
      return static_cast<int>(t);
  }
  return -1;
}

// "Afghans Vow to Kill UN Hostage", "Rebels Threaten to Cut Oil Supplies": in a headline the verb before
// a to-infinitive is a capitalised word the tagger takes for a proper noun (or, lower-cased, a noun:
// "Afghans vow"). A verb of intent or attempt from this list before "to" + a base verb is the sentence's
// present-tense verb when it agrees with the word before it: the bare form after a plural ("Afghans
// Vow"), the -s form after a singular ("Iran Threatens"). "Bush Plan to Cut Taxes" stays a noun phrase.
constexpr std::string_view kVerbsBeforeTo[] = {
    "vow", "plan", "threaten", "agree", "refuse", "seek", "want", "pledge", "promise", "decide", "hope",
    "aim", "try", "fail", "offer", "prepare", "vote", "resolve", "intend", "expect", "need",
    "claim", "struggle", "scramble", "rush", "race", "fight", "push", "press", "begin", "start", "continue",
    "appear", "seem", "look", "rally", "battle", "work"};

// The verb's base when token t is one of kVerbsBeforeTo (any case, bare or with -s) in that frame; empty
// otherwise. `third_person` tells the -s form.
std::string BaseVerbBeforeTo(const Document& doc, const SentenceRow& s, uint32_t t, bool* third_person) {
  if (t == s.first_token || t + 2 >= s.end_token) return {};
  const Token w = doc.token(t);
  if (!OneOf(w.xpos(), {"NN", "NNS", "NNP", "NNPS"})) return {};
  const Token subject = doc.token(t - 1);
  if (!CanBeSubject(subject.xpos()) && subject.xpos() != "NNPS") return {};
  if (doc.token(t + 1).text() != "to" || doc.token(t + 2).xpos() != "VB") return {};
  // Plural: a plural tag, a capitalised plural the tagger called singular ("Afghans"), we/they.
  const std::string_view st = subject.text();
  const bool plural = OneOf(subject.xpos(), {"NNS", "NNPS"}) || OneOf(st, {"we", "We", "they", "They"}) ||
                      (subject.xpos() == "NNP" && st.size() > 3 && st.back() == 's' && st[st.size() - 2] != 's');
  std::string form(w.text());
  for (char& ch : form) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  for (std::string_view v : kVerbsBeforeTo) {
    if (form == v && plural) {
      *third_person = false;
      return form;
    }
    if (!plural && form.size() == v.size() + 1 && form.back() == 's' && form.compare(0, v.size(), v) == 0) {
      *third_person = true;
      return std::string(v);
    }
  }
  return {};
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
    for (uint32_t t = s.first_token + 1; t + 2 < s.end_token && !done; ++t) {
      bool third_person = false;
      const std::string base = BaseVerbBeforeTo(doc, s, t, &third_person);
      if (base.empty()) continue;
      TokenRow& row = doc.mutable_tokens()[t];
      row.xpos = doc.Intern(third_person ? "VBZ" : "VBP");
      row.feats = doc.Intern(third_person ? "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
                                          : "Mood=Ind|Tense=Pres|VerbForm=Fin");
      row.upos = Upos::VERB;
      row.lemma = doc.Intern(base);
      ++repaired;
      done = true;
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

int RepairIrregularPastTense(Document& doc) {
  // The past tense of "shoot" and "strike" is the noun "shot" and "strike"-less "struck" to a tagger
  // trained on web text: "Israeli police shot a teenager" came out with "shot" a noun (even, once, a
  // colon). Between a possible subject and what opens its object, "dead", or "and" + another past
  // form, it is the verb.
  struct Past {
    std::string_view form, base;
  };
  static constexpr Past kForms[] = {{"shot", "shoot"}, {"struck", "strike"}};
  int repaired = 0;
  for (const SentenceRow& s : doc.sentences()) {
    for (uint32_t t = s.first_token + 1; t + 1 < s.end_token; ++t) {
      const Token w = doc.token(t);
      const Past* past = nullptr;
      for (const Past& p : kForms)
        if (w.text() == p.form) past = &p;
      if (past == nullptr || OneOf(w.xpos(), {"VBD", "VBN"})) continue;
      if (!CanBeSubject(doc.token(t - 1).xpos())) continue;
      const Token next = doc.token(t + 1);
      // "and wounded": the tagger may read the other past form as an adjective too.
      const Token other = doc.token(t + 2 < s.end_token ? t + 2 : t);
      const bool coordinated = next.text() == "and" && t + 2 < s.end_token &&
                               (OneOf(other.xpos(), {"VBD", "VBN"}) ||
                                (other.xpos() == "JJ" && other.text().ends_with("ed")));
      if (!coordinated && !OpensAnObject(next.xpos()) && next.text() != "dead") continue;
      TokenRow& row = doc.mutable_tokens()[t];
      row.xpos = doc.Intern("VBD");
      row.feats = doc.Intern("Mood=Ind|Tense=Past|VerbForm=Fin");
      row.upos = Upos::VERB;
      row.lemma = doc.Intern(past->base);
      ++repaired;
    }
  }
  return repaired;
}

}  // namespace dyad::tag
