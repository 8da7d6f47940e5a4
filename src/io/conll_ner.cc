#include "io/conll_ner.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace dyad {

std::string CanonicalNerType(std::string_view type) {
  std::string t(type);
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kMap = {{
      {"per", "PER"}, {"person", "PER"},
      {"org", "ORG"}, {"organisation", "ORG"}, {"organization", "ORG"}, {"corporation", "ORG"}, {"group", "ORG"},
      {"loc", "LOC"}, {"location", "LOC"},
      {"misc", "MISC"}, {"nationality", "MISC"}, {"product", "MISC"}, {"creative-work", "MISC"},
  }};
  for (const auto& [from, to] : kMap) {
    if (t == from) return std::string(to);
  }
  return "";
}

std::vector<NerDocument> ReadConllNer(std::istream& in, uint32_t sentences_per_doc) {
  std::vector<NerDocument> docs(1);
  std::string line, type;
  uint32_t id = 0, start = 0, sentences = 0;
  bool docstart_seen = false;
  auto close = [&]() {
    NerDocument& d = docs.back();
    if (!type.empty()) d.spans.push_back({start, d.tokens, type});
    type.clear();
  };
  auto new_doc = [&]() {
    close();
    if (docs.back().tokens > 0) docs.emplace_back();
    id = 0, sentences = 0;
  };
  while (std::getline(in, line)) {
    if (line.size() > (1u << 20)) line.resize(1u << 20);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("-DOCSTART-")) {
      docstart_seen = true;
      new_doc();
      continue;
    }
    // Split on spaces and tabs: the word is the first cell, the tag the last.
    std::vector<std::string_view> cells;
    for (size_t i = 0; i < line.size();) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) cells.emplace_back(line.data() + i, j - i);
      i = j;
    }
    if (cells.empty()) {
      close();
      if (id > 0) {
        docs.back().conllu += "\n";
        ++sentences;
        if (!docstart_seen && sentences_per_doc > 0 && sentences >= sentences_per_doc) new_doc();
      }
      id = 0;
      continue;
    }
    std::string_view tag = cells.size() >= 2 ? cells.back() : std::string_view("O");
    std::string t = tag.size() > 2 && tag[1] == '-' ? CanonicalNerType(tag.substr(2)) : "";
    if (t.empty()) {
      close();
    } else if (tag[0] == 'B' || t != type) {
      close();
      type = t, start = docs.back().tokens;
    }
    std::string word(cells[0]);
    docs.back().conllu += std::to_string(++id) + "\t" + word + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
    ++docs.back().tokens;
  }
  close();
  if (docs.back().tokens == 0) docs.pop_back();
  return docs;
}

}  // namespace dyad
