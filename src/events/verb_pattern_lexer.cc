#include "events/verb_pattern_lexer.h"

#include <cctype>

namespace dyad::events {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool IsDelimiter(char c) {
  return std::isspace(static_cast<unsigned char>(c)) || c == '_' || c == '~' || c == '{' || c == '}' ||
         c == '|' || c == '(' || c == ')' || c == '*' || c == '[' || c == ']';
}

}  // namespace

std::vector<DictWord> SplitClitics(DictWord w) {
  if (w.text.size() > 3 && w.text.ends_with("N'T")) {
    DictWord host{w.text.substr(0, w.text.size() - 3), DictWord::Match::kExact};
    return {std::move(host), DictWord{"N'T", DictWord::Match::kExact}};
  }
  if (w.text.size() > 1 && w.text.back() == '-') {  // "ANTI- Gondor": "anti" "-"
    DictWord host{w.text.substr(0, w.text.size() - 1), DictWord::Match::kExact};
    return {std::move(host), DictWord{"-", DictWord::Match::kExact}};
  }
  return {std::move(w)};
}

Lexed Lex(std::string_view s, bool petrarch, DictWord::Match plain) {
  Lexed out;
  size_t i = 0;
  auto mark_joined = [&]() {
    if (!out.items.empty()) out.items.back().joined_next = true;
  };
  while (i < s.size() && out.items.size() < kMaxPatternElements) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')') {
      ++i;
      continue;
    }
    if (c == '_' || c == '~') {
      // '_' after a word: the word is exact (TABARI); '~': it stays a stem. Either may join the next item.
      if (!out.items.empty() && out.items.back().kind == Item::Kind::kWord && !petrarch) {
        out.items.back().word.match = c == '_' ? DictWord::Match::kExact : DictWord::Match::kStem;
      }
      size_t j = i + 1;
      while (j < s.size() && (s[j] == '_' || s[j] == '~')) ++j;
      if (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) mark_joined();
      i = j;
      continue;
    }
    Item item;
    if (c == '*') {
      item.kind = Item::Kind::kVerb;
      ++i;
    } else if ((c == '$' || c == '+' || c == '%' || c == '^') &&
               (i + 1 == s.size() || IsDelimiter(s[i + 1]))) {
      item.kind = c == '$' ? Item::Kind::kSource
                  : c == '+' ? Item::Kind::kTarget
                  : c == '%' ? Item::Kind::kCompound
                             : Item::Kind::kSkip;
      ++i;
    } else if (c == '{') {
      size_t close = s.find('}', i);
      if (close == std::string_view::npos) {
        out.error = "'{' without '}'";
        return out;
      }
      std::string_view inside = s.substr(i + 1, close - i - 1);
      if (inside.find('{') != std::string_view::npos) {
        out.error = "nested '{'";
        return out;
      }
      item.kind = Item::Kind::kGroup;
      for (size_t p = 0; p <= inside.size();) {
        size_t bar = inside.find('|', p);
        if (bar == std::string_view::npos) bar = inside.size();
        std::vector<DictWord> words;
        std::string_view alt = inside.substr(p, bar - p);
        for (size_t q = 0; q < alt.size();) {
          // TABARI: words separated by spaces may have others between them; '_' keeps them adjacent.
          bool spaced = false;
          while (q < alt.size() && (std::isspace(static_cast<unsigned char>(alt[q])) || alt[q] == '_')) {
            spaced |= alt[q] != '_';
            ++q;
          }
          size_t e = q;
          while (e < alt.size() && !std::isspace(static_cast<unsigned char>(alt[e])) && alt[e] != '_') ++e;
          if (e > q) {
            DictWord w{Upper(alt.substr(q, e - q)), plain};
            if (e < alt.size() && alt[e] == '_' && !petrarch) w.match = DictWord::Match::kExact;
            if (!w.text.empty() && w.text.back() == '~') {
              w.text.pop_back();
              w.match = DictWord::Match::kStem;
            }
            w.gap_before = spaced && !words.empty() && !petrarch;
            if (!w.text.empty()) {
              for (auto& part : SplitClitics(std::move(w))) words.push_back(std::move(part));
            }
          }
          q = e;
        }
        if (!words.empty() && item.alternatives.size() < kMaxAlternatives) item.alternatives.push_back(std::move(words));
        p = bar + 1;
      }
      if (item.alternatives.empty()) {
        out.error = "empty '{ }'";
        return out;
      }
      i = close + 1;
    } else if (c == '}' || c == '|' || c == '[' || c == ']') {
      out.error = std::string("unexpected '") + c + "'";
      return out;
    } else if (c == '&') {
      size_t e = i + 1;
      while (e < s.size() && !IsDelimiter(s[e])) ++e;
      item.kind = Item::Kind::kSynset;
      item.name = Upper(s.substr(i + 1, e - i - 1));
      if (item.name.empty()) {
        out.error = "'&' without a synset name";
        return out;
      }
      i = e;
    } else {
      size_t e = i;
      while (e < s.size() && !IsDelimiter(s[e])) ++e;
      std::vector<DictWord> parts = SplitClitics(DictWord{Upper(s.substr(i, e - i)), plain});
      i = e;
      if (parts.size() == 2) {  // "DIDN'T": two adjacent words
        Item host;
        host.word = std::move(parts[0]);
        host.joined_next = true;
        out.items.push_back(std::move(host));
      }
      item.word = std::move(parts.back());
    }
    out.items.push_back(std::move(item));
  }
  if (i < s.size()) out.error = "pattern too long";
  return out;
}

}  // namespace dyad::events
