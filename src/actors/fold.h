// Folding for actor matching: the key a token or a dictionary word is compared by.
//
// FoldKey() lower-cases (Unicode case folding), strips diacritics (Erdoğan = Erdogan) and straightens
// typographic quotes and dashes, so "Erdoğan", "ERDOGAN" and "erdogan" share one key. Case is not lost
// for good: the index keeps, per dictionary word, whether the text must be capitalised or all upper
// case there (see ActorIndex), which is what tells "US" from "us" and "Turkey" from "turkey".
// SplitPhrase() cuts a dictionary phrase into the words the text stage would make of it ("Iran's" ->
// "Iran" "'s"; "U.S." stays one word; "US-backed" -> "US" "-" "backed").
// Thread-safe (no state).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dyad::actors {

// Appends nothing; overwrites *out with the key of `in`. ASCII input takes a no-allocation path when
// *out has capacity.
void FoldKey(std::string_view in, std::string* out);
std::string FoldKey(std::string_view in);

// Dictionary phrase -> words, split on spaces and '_' with punctuation split off as its own word.
std::vector<std::string> SplitPhrase(std::string_view phrase);

// Case shape of a word, for the index's case checks.
bool StartsUpper(std::string_view word);  // first letter upper case (non-ASCII letters count as upper)
bool IsAcronym(std::string_view word);    // 2-5 ASCII letters, all upper case ("US", "AP", "NATO")

}  // namespace dyad::actors
