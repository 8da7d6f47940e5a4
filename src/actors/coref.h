// Within-document coreference for the actors stage. Internal to the module.
//
// Called once per body sentence, in order, with that sentence's spans; appends the kept mentions to
// `all` (document order), resolving as it goes:
//   - repeated names: a later mention of a known person points at the first one; an unknown person
//     named by a title or apposition is remembered by surname, and a later bare surname ("Maleki")
//     becomes a mention of the same actor; so does a known person's surname that the dictionary cannot
//     list alone ("Theresa May" ... "Mrs May", "May said"), after an honorific or as a proper noun
//     inside a sentence;
//   - pronouns: he/him/his/she/her -> a person; it/its -> a country/organisation ("it is/was/will" is
//     skipped: usually not an actor); they/them/their -> a plural agent, else a country/organisation.
//     Which one: within 3 sentences back, the nearest sentence that has a compatible mention before
//     the pronoun, and in it the subject (parsed) or else the first such mention (an earlier pronoun
//     counts as what it stands for);
//   - role nouns: "the president", "the (two) leaders", "the minister" (an agent noun with no actor
//     of its own, after "the") -> nearest earlier mention whose code carries that role block (plural:
//     nearest person); "the Iranian government" (composed, after "the") points at an earlier mention
//     with the same code and becomes kNominal.
// Bare agent nouns that stay unresolved are dropped (no code to give).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "actors/spans.h"

namespace dyad::actors {

struct CorefState {
  std::vector<uint32_t> sentence_of;                    // per mention in `all`
  std::unordered_map<std::string, int> surnames;        // folded surname -> mention index
  std::unordered_map<uint32_t, int> first_of_entry;     // dictionary person entry -> first mention
  // Surnames of dictionary persons named in full earlier ("Theresa May" -> "may") whose bare surname is
  // no alias, usually because it is also a word or a month: "Mrs May", or a proper-noun "May" inside a
  // sentence, is that person.
  std::unordered_map<std::string, int> person_surnames;
};

void ResolveSentence(const Document& doc, uint32_t sentence, const std::vector<std::string>& folded,
                     std::vector<Span>& spans, std::vector<Span>& all, CorefState& state);

}  // namespace dyad::actors
