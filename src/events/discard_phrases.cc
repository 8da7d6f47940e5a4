#include "events/discard_phrases.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace dyad::events {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "[### <911226]", "[###]": is this the discard code, and in which window?
bool DiscardCode(std::string_view inside, int* from, int* to) {
  inside = Trim(inside);
  if (!inside.starts_with("###")) return false;
  std::string_view rest = Trim(inside.substr(3));
  *from = 0;
  *to = 99999999;
  if (rest.empty()) return true;
  auto date = [](std::string_view d) {
    d = Trim(d);
    if (d.size() != 6 && d.size() != 8) return 0;
    int v = 0;
    for (char c : d) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
      v = v * 10 + (c - '0');
    }
    if (d.size() == 6) v += (v / 10000 <= 30 ? 20000000 : 19000000);
    return v;
  };
  if (rest[0] == '<') *to = date(rest.substr(1)) - 1;
  else if (rest[0] == '>') *from = date(rest.substr(1)) + 1;
  else return false;
  return true;
}

std::vector<DictWord> PhraseWords(std::string_view phrase, bool stems) {
  std::vector<DictWord> words;
  for (size_t p = 0; p < phrase.size() && words.size() < 16;) {
    while (p < phrase.size() && (phrase[p] == '_' || std::isspace(static_cast<unsigned char>(phrase[p])))) ++p;
    size_t e = p;
    while (e < phrase.size() && phrase[e] != '_' && !std::isspace(static_cast<unsigned char>(phrase[e]))) ++e;
    if (e > p) {
      bool exact = !stems || (e < phrase.size() && phrase[e] == '_');
      words.push_back({Upper(phrase.substr(p, e - p)), exact ? DictWord::Match::kExact : DictWord::Match::kStem});
    }
    p = e;
  }
  return words;
}

}  // namespace

void ParseDiscardPhrases(std::string_view text, bool actors_file, std::vector<DiscardPhrase>* out) {
  // Actors files: a name line followed by its code lines; the discard applies to the name block.
  std::vector<DictWord> block;
  for (size_t p = 0; p < text.size();) {
    size_t nl = text.find('\n', p);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(p, nl - p);
    p = nl + 1;
    if (line.starts_with("~~")) break;
    if (!actors_file) {
      size_t hash = line.find('#');
      line = Trim(line.substr(0, hash == std::string_view::npos ? line.size() : hash));
      if (line.starts_with("<!--") || line.empty()) continue;
      if (line.front() == '+') line.remove_prefix(1);
      DiscardPhrase d;
      d.words = PhraseWords(line, false);
      if (!d.words.empty()) out->push_back(std::move(d));
      continue;
    }
    size_t semi = line.find(';');
    if (semi != std::string_view::npos) line = line.substr(0, semi);
    std::string_view t = Trim(line);
    if (t.empty() || t.front() == '#' || t.front() == '<') continue;
    size_t open = t.find('[');
    std::string_view name = Trim(t.substr(0, open));
    if (!name.empty() && name.front() != '+' && name.front() != '[') block = PhraseWords(name, true);
    for (size_t o = open; o != std::string_view::npos; o = t.find('[', o + 1)) {
      size_t close = t.find(']', o);
      if (close == std::string_view::npos) break;
      int from = 0, to = 0;
      if (DiscardCode(t.substr(o + 1, close - o - 1), &from, &to) && !block.empty()) {
        out->push_back({block, from, to});
      }
    }
  }
}

Result<size_t> ReadDiscardPhrases(const std::string& path, std::vector<DiscardPhrase>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  std::string lower = path.substr(path.find_last_of('/') + 1);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t before = out->size();
  ParseDiscardPhrases(ss.str(), lower.find("discard") == std::string::npos, out);
  return out->size() - before;
}

}  // namespace dyad::events
