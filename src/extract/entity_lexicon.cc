#include "extract/entity_lexicon.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include "actors/actor_loader.h"

namespace dyad::extract {
namespace {

std::string Key(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

bool NameShaped(std::string_view w) {
  if (w.empty() || !std::isalpha(static_cast<unsigned char>(w[0]))) return false;
  for (char c : w) {
    unsigned char u = static_cast<unsigned char>(c);
    if (!std::isalpha(u) && c != '-' && c != '\'' && u < 0x80) return false;
  }
  return true;
}

}  // namespace

Result<std::shared_ptr<const EntityLexicon>> EntityLexicon::Load(const std::string& given_names_path) {
  std::ifstream in(given_names_path);
  if (!in) return Status::NotFound(given_names_path + ": cannot open");
  auto lex = std::make_shared<EntityLexicon>();
  std::string line;
  size_t no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string w;
    while (words >> w) {
      if (!NameShaped(w)) {
        return Status::InvalidInput(given_names_path + ":" + std::to_string(no) + ": '" + w + "' is not a name");
      }
      lex->given_.insert(Key(w));
    }
  }
  return std::shared_ptr<const EntityLexicon>(std::move(lex));
}

const EntityLexicon& EntityLexicon::Default() {
  static const std::shared_ptr<const EntityLexicon> lexicon = [] {
    auto loaded = Load(actors::DefaultDataDir() + "/entities/given_names.txt");
    return loaded.ok() ? *loaded : std::make_shared<const EntityLexicon>();
  }();
  return *lexicon;
}

std::shared_ptr<const EntityLexicon> EntityLexicon::FromNames(const std::vector<std::string>& given_names) {
  auto lex = std::make_shared<EntityLexicon>();
  for (const auto& n : given_names) lex->given_.insert(Key(n));
  return lex;
}

bool EntityLexicon::IsGivenName(std::string_view word) const {
  if (word.empty() || given_.empty()) return false;
  return given_.find(Key(word)) != given_.end();
}

}  // namespace dyad::extract
