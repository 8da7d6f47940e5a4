// Word lists the entities stage reads at run time (dyad's own, under data/entities/): given names
// ("Nolan", "Dariusz", "Kofi"). A name that opens with a given name is a person's, which settles
// names the other rules would call a team, a company or a place ("Nolan Henke 68", "Mike Tyson").
// Thread-safety: immutable after Load(); lookups are const.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/string_hash.h"
#include "dyad/status.h"

namespace dyad::extract {

class EntityLexicon {
 public:
  // given_names.txt: whitespace-separated names, '#' starts a comment line. NotFound when missing;
  // InvalidInput ("file:line: ...") for a word that is not a name (digits, punctuation other than
  // '-' and '\'').
  static Result<std::shared_ptr<const EntityLexicon>> Load(const std::string& given_names_path);
  // Data folder's entities/given_names.txt (actors::DefaultDataDir()); an empty lexicon when missing.
  static const EntityLexicon& Default();
  static std::shared_ptr<const EntityLexicon> FromNames(const std::vector<std::string>& given_names);

  // `word` as written ("Nolan", "NOLAN"); case and a trailing period are ignored.
  bool IsGivenName(std::string_view word) const;
  size_t size() const { return given_.size(); }

 private:
  std::unordered_set<std::string, StringHash, std::equal_to<>> given_;
};

}  // namespace dyad::extract
