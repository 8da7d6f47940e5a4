#include "actors/coref.h"

#include <algorithm>

#include "actors/fold.h"

namespace dyad::actors {
namespace {

constexpr uint32_t kSentenceWindow = 3;

enum class PronounClass { kNone, kPerson, kThing, kGroup };

PronounClass ClassOf(std::string_view f) {
  if (f == "he" || f == "him" || f == "his" || f == "she" || f == "her" || f == "hers") {
    return PronounClass::kPerson;
  }
  if (f == "it" || f == "its") return PronounClass::kThing;
  if (f == "they" || f == "them" || f == "their") return PronounClass::kGroup;
  return PronounClass::kNone;
}

// Nouns of institutions: a singular agent ending in one is an "it" ("The Syrian government said its
// forces ...", "the Turkish army said its jets ..."); a person's role noun ("the minister") is not.
bool IsInstitutionNoun(std::string_view f) {
  static constexpr std::string_view kNouns[] = {
      "government", "army", "military", "ministry", "parliament", "court", "navy", "regime", "administration",
      "council", "cabinet", "party", "agency", "force", "coalition", "alliance", "authority", "legislature",
      "assembly", "senate", "congress", "commission", "committee", "embassy", "junta", "command", "service",
      "movement", "front", "union", "organisation", "organization", "mission", "office", "department",
      "bureau", "state", "group", "militia", "guard"};
  for (std::string_view n : kNouns)
    if (f == n) return true;
  return false;
}

// A country or an organisation, or a singular agent that is an institution (folded: the document's
// folded tokens, to read the agent's noun).
bool IsThing(const Span& s, const std::vector<std::string>& folded) {
  MentionKind k = s.kind == MentionKind::kPronoun ? s.resolved_kind : s.kind;
  if (k == MentionKind::kCountry || k == MentionKind::kOrganisation) return true;
  const bool agent = s.kind == MentionKind::kAgent || s.kind == MentionKind::kNominal;
  return agent && !s.plural && s.end > s.first && IsInstitutionNoun(folded[s.end - 1]);
}
bool IsPersonLike(const Span& s) {
  return s.kind == MentionKind::kPerson || (s.kind == MentionKind::kPronoun && s.resolved_kind == MentionKind::kPerson);
}
bool IsPluralAgent(const Span& s) { return s.kind == MentionKind::kAgent && s.plural; }

bool IsMonth(std::string_view f) {
  for (std::string_view m : {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"}) {
    if (f == m) return true;
  }
  return false;
}

// "in May", "May 5", "early May": a month, not Mrs May.
bool ReadsAsMonth(const Document& doc, const std::vector<std::string>& folded, uint32_t sentence_first,
                  uint32_t sentence_end, uint32_t t) {
  if (!IsMonth(folded[t])) return false;
  if (t + 1 < sentence_end && doc.token(t + 1).upos() == Upos::NUM) return true;
  if (t == sentence_first) return true;
  if (doc.token(t - 1).upos() == Upos::NUM) return true;
  for (std::string_view w : {"in", "on", "by", "since", "until", "till", "from", "of", "during", "last", "next", "this",
                             "early", "late", "mid", "mid-", "before", "after", "through", "to", "between", "and"}) {
    if (folded[t - 1] == w) return true;
  }
  return false;
}

// A known person's bare surname at token t (see CorefState::person_surnames): after an honorific, or a
// proper noun that does not open the sentence and does not read as a month.
bool KnownSurnameAt(const Document& doc, const std::vector<std::string>& folded, uint32_t sentence_first,
                    uint32_t sentence_end, uint32_t t) {
  if (t > sentence_first && IsHonorific(folded[t - 1])) return true;
  return t > sentence_first && doc.token(t).upos() == Upos::PROPN &&
         !ReadsAsMonth(doc, folded, sentence_first, sentence_end, t);
}

bool IsSubject(const Document& doc, const Span& s) {
  return doc.token(s.head).deprel().starts_with("nsubj");
}

// The resolved mention a new one should point at: follow one step so chains stay short.
int Root(const std::vector<Span>& all, int i) {
  return all[i].antecedent >= 0 ? all[i].antecedent : i;
}

// The antecedent for a pronoun or role noun: among earlier mentions passing `fits` (within the
// sentence window), take the nearest sentence that has any; in it, the subject when parsed, else the
// first such mention (English subjects come first: "Turkey, a NATO member, ... Syria. It has ...").
// With `nearest_only`, simply the nearest one.
template <typename Fits>
int Nearest(const Document& doc, const std::vector<Span>& all, const CorefState& st, uint32_t sentence,
            bool nearest_only, Fits fits) {
  int found = -1;
  for (int i = static_cast<int>(all.size()) - 1; i >= 0; --i) {
    if (st.sentence_of[i] + kSentenceWindow < sentence) break;
    if (!fits(all[i])) continue;
    if (found >= 0 && st.sentence_of[i] != st.sentence_of[found]) break;
    if (nearest_only) return i;
    if (IsSubject(doc, all[i])) return i;
    found = i;  // keeps moving to the earliest candidate of that sentence
  }
  return found;
}

void CopyActor(Span& to, const Span& from, int antecedent) {
  to.code = from.code;
  to.country = from.country;
  to.sector = from.sector;
  to.name = from.name;
  to.antecedent = antecedent;
  to.resolved_kind = from.kind == MentionKind::kPronoun ? from.resolved_kind : from.kind;
}

void Push(std::vector<Span>& all, CorefState& st, uint32_t sentence, Span s) {
  all.push_back(std::move(s));
  st.sentence_of.push_back(sentence);
}

}  // namespace

void ResolveSentence(const Document& doc, uint32_t sentence, const std::vector<std::string>& folded,
                     std::vector<Span>& spans, std::vector<Span>& all, CorefState& st) {
  const SentenceRow& row = doc.sentences()[sentence];
  std::vector<bool> covered(row.end_token - row.first_token, false);
  for (const auto& s : spans) {
    for (uint32_t t = s.first; t < s.end; ++t) covered[t - row.first_token] = true;
  }
  // Placeholders for pronouns and remembered surnames, sorted in with the dictionary spans.
  for (uint32_t t = row.first_token; t < row.end_token; ++t) {
    if (covered[t - row.first_token]) continue;
    const std::string& f = folded[t];
    if (ClassOf(f) != PronounClass::kNone) {
      Span p;
      p.first = t;
      p.end = t + 1;
      p.head = t;
      p.kind = MentionKind::kPronoun;
      spans.push_back(std::move(p));
    } else if (StartsUpper(doc.token(t).text()) &&
               (st.surnames.count(f) > 0 ||
                (st.person_surnames.count(f) > 0 && KnownSurnameAt(doc, folded, row.first_token, row.end_token, t)))) {
      Span p;
      p.first = t;
      p.end = t + 1;
      p.head = t;
      p.kind = MentionKind::kPerson;
      p.rule = "surname";
      spans.push_back(std::move(p));
    }
  }
  std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.first < b.first; });

  auto is_thing = [&](const Span& m) { return IsThing(m, folded); };
  for (size_t k = 0; k < spans.size(); ++k) {
    Span& s = spans[k];
    bool after_the = s.first > row.first_token &&
                     (folded[s.first - 1] == "the" ||
                      (s.first > row.first_token + 1 && folded[s.first - 2] == "the" &&
                       doc.token(s.first - 1).upos() == Upos::NUM));
    if (s.kind == MentionKind::kPronoun) {
      PronounClass pc = ClassOf(folded[s.first]);
      if (pc == PronounClass::kThing && folded[s.first] == "it" && s.first + 1 < row.end_token) {
        const std::string& next = folded[s.first + 1];
        if (next == "is" || next == "was" || next == "'s" || next == "will" || next == "would") continue;
      }
      int a = -1;
      if (pc == PronounClass::kPerson) {
        a = Nearest(doc, all, st, sentence, false, IsPersonLike);
        // "Jason Burke was told when he visited": a name that is no actor stands between the pronoun and
        // the person found, so "he" is most likely that name, not an actor.
        if (a >= 0) {
          uint32_t from = std::max(row.first_token, all[a].end), run = 0;
          for (uint32_t t = from; t < s.first && run < 2; ++t) {
            const bool name = !covered[t - row.first_token] && doc.token(t).upos() == Upos::PROPN &&
                              StartsUpper(doc.token(t).text());
            run = name ? run + 1 : 0;
          }
          if (run >= 2) a = -1;
        }
      } else if (pc == PronounClass::kThing) {
        a = Nearest(doc, all, st, sentence, false, is_thing);
      } else {  // they/them/their
        a = Nearest(doc, all, st, sentence, false, IsPluralAgent);
        if (a < 0) a = Nearest(doc, all, st, sentence, false, is_thing);
      }
      if (a < 0) continue;
      a = Root(all, a);
      CopyActor(s, all[a], a);
      s.rule = "pronoun:" + std::string(folded[s.first]);
      Push(all, st, sentence, std::move(s));
      continue;
    }
    if (s.rule == "surname" && s.code.empty()) {
      auto known = st.surnames.find(folded[s.first]);
      int a = Root(all, known != st.surnames.end() ? known->second : st.person_surnames[folded[s.first]]);
      CopyActor(s, all[a], a);
      Push(all, st, sentence, std::move(s));
      continue;
    }
    if (s.bare_agent) {
      if (!after_the) continue;
      // "the president, Bashar al-Assad, ...": the apposed name is the mention, not an antecedent.
      if (k + 1 < spans.size() && spans[k + 1].first == s.end + 1 && folded[s.end] == "," &&
          spans[k + 1].kind == MentionKind::kPerson) {
        continue;
      }
      std::string role = s.role;
      // "the president", "the two leaders": the nearest actor whose code carries the noun's role.
      auto fits = [&](const Span& m) { return m.code.size() > 3 && m.code.compare(3, role.size(), role) == 0; };
      int a = Nearest(doc, all, st, sentence, true, fits);
      if (a < 0) continue;
      a = Root(all, a);
      // "the two leaders", "both presidents": a pair, the nearest two with different codes. Leaders, not
      // "the two officials" (unnamed sources).
      static constexpr std::string_view kPairNouns[] = {"leaders", "presidents", "ministers", "premiers", "heads",
                                                        "men", "women", "countries", "nations", "governments"};
      const bool pair = s.plural && s.first >= 1 && (folded[s.first - 1] == "two" || folded[s.first - 1] == "both") &&
                        std::find(std::begin(kPairNouns), std::end(kPairNouns), folded[s.end - 1]) != std::end(kPairNouns);
      if (pair) {
        const std::string first_code = all[a].code;
        const int b = Nearest(doc, all, st, sentence, true, [&](const Span& m) { return fits(m) && m.code != first_code; });
        if (b >= 0) s.partner = Root(all, b);
      }
      CopyActor(s, all[a], a);
      s.kind = MentionKind::kNominal;
      s.rule = "role-noun:" + s.rule;
      Push(all, st, sentence, std::move(s));
      continue;
    }
    if (s.code.empty()) continue;
    // "Conservative leader Michael Howard ... Mr Howard said": a bare surname is the person the article
    // named in full, not another person in the dictionary with that surname (John Howard).
    if (s.entry_kind == EntryKind::kPerson && s.entry != UINT32_MAX && s.end - s.first == 1) {
      auto named = st.person_surnames.find(folded[s.first]);
      if (named != st.person_surnames.end() && all[static_cast<size_t>(named->second)].entry != s.entry) {
        const int a = Root(all, named->second);
        CopyActor(s, all[static_cast<size_t>(a)], a);
        s.entry = all[static_cast<size_t>(a)].entry;
        s.rule = "surname:named-earlier";
        Push(all, st, sentence, std::move(s));
        continue;
      }
    }
    if (s.entry_kind == EntryKind::kPerson && s.entry != UINT32_MAX) {
      auto it = st.first_of_entry.find(s.entry);
      if (it != st.first_of_entry.end()) {
        s.antecedent = it->second;
        // "US President Joe Biden ... Biden said": the bare name is the office holder the article
        // introduced, even where the date alone finds him out of office ("former" still wins).
        const Span& first = all[static_cast<size_t>(it->second)];
        if (first.titled_role && s.rule.starts_with("out-of-office:")) {
          s.code = first.code;
          s.country = first.country;
          s.sector = first.sector;
          s.titled_role = true;
          s.rule = "titled-role:antecedent";
        }
      } else {
        st.first_of_entry[s.entry] = static_cast<int>(all.size());
        if (s.end - s.first >= 2 && StartsUpper(doc.token(s.end - 1).text())) {
          st.person_surnames.emplace(folded[s.end - 1], static_cast<int>(all.size()));
        }
      }
    } else if (s.kind == MentionKind::kPerson && s.end - s.first >= 1) {
      // Unknown person (title + name, apposition): remember the surname.
      st.surnames[folded[s.end - 1]] = static_cast<int>(all.size());
    } else if (s.kind == MentionKind::kAgent && after_the) {
      std::string code = s.code;
      int a = Nearest(doc, all, st, sentence, true, [&](const Span& m) { return m.code == code; });
      if (a >= 0) {
        s.antecedent = Root(all, a);
        s.kind = MentionKind::kNominal;
      }
    }
    Push(all, st, sentence, std::move(s));
  }
}

}  // namespace dyad::actors
