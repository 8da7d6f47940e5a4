#include "events/tabari_verbs.h"

#include "events/verb_pattern_lexer.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace dyad::events {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view StripBlockComment(std::string_view line, bool* in_comment) {
  // "<!-- ... -->" (PETRARCH files): drop the commented part; remember an unclosed one.
  std::string kept;
  if (*in_comment) {
    size_t end = line.find("-->");
    if (end == std::string_view::npos) return {};
    *in_comment = false;
    line = line.substr(end + 3);
  }
  size_t open = line.find("<!--");
  if (open == std::string_view::npos) return line;
  size_t end = line.find("-->", open + 4);
  if (end == std::string_view::npos) {
    *in_comment = true;
    return line.substr(0, open);
  }
  // A comment in the middle: keep what came before it (enough for these files: text after is rare).
  return line.substr(0, open);
}

class Importer {
 public:
  Importer(std::string_view file, VerbDictionary* dict) : dict_(dict) {
    file_index_ = static_cast<uint32_t>(dict->files.size());
    dict->files.emplace_back(file);
  }

  void Run(std::string_view text) {
    petrarch_ = DetectVerbFormat(text) == VerbFormat::kPetrarch;
    dict_->formats.push_back(petrarch_ ? VerbFormat::kPetrarch : VerbFormat::kTabari);
    bool in_block_comment = false;
    uint32_t line_no = 0;
    for (size_t p = 0; p < text.size();) {
      size_t nl = text.find('\n', p);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(p, nl - p);
      p = nl + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      line_ = line_no;
      line = StripBlockComment(line, &in_block_comment);
      if (line.starts_with("~~")) break;  // TABARI end-of-file marker
      if (!Line(line)) break;
    }
    dict_->lines += line_no;
  }

 private:
  void Issue(std::string message) {
    dict_->issues.push_back({dict_->files[file_index_], line_, std::move(message)});
  }

  // Cuts the comment: PETRARCH '#'; TABARI ';' (and '#' or "//" at the start of a line).
  std::string_view Uncomment(std::string_view raw) const {
    size_t cut = raw.size();
    if (petrarch_) {
      // '#' outside brackets: "[###]" is the discard code.
      cut = std::string_view::npos;
      for (size_t i = 0, depth = 0; i < raw.size(); ++i) {
        if (raw[i] == '[') ++depth;
        if (raw[i] == ']' && depth > 0) --depth;
        if (raw[i] == '#' && depth == 0) {
          cut = i;
          break;
        }
      }
    } else {
      std::string_view t = Trim(raw);
      if (t.starts_with("#") || t.starts_with("//")) return {};
      cut = raw.find(';');
    }
    return Trim(raw.substr(0, cut == std::string_view::npos ? raw.size() : cut));
  }

  bool Line(std::string_view raw) {
    std::string_view t = Uncomment(raw);
    if (t.empty()) return true;
    if (t.front() == '<') {  // <SYNSETS> </SYNSETS> <TIME> </TIME> and other sections
      std::string tag = Upper(t);
      if (tag.starts_with("<TIME>")) in_time_ = true;
      if (tag.starts_with("</TIME>")) in_time_ = false;
      synset_.clear();
      return true;
    }
    if (in_time_) return true;
    if (petrarch_ && t.starts_with("---")) return Block(t);
    if (t.front() == '&') {
      std::string name = Upper(Trim(t.substr(1)));
      size_t sp = name.find_first_of(" \t");
      if (sp != std::string::npos) name.resize(sp);
      while (!name.empty() && name.back() == '_') name.pop_back();
      if (name.empty()) {
        Issue("'&' without a synset name");
        return true;
      }
      synset_ = name;
      synsets_[synset_].clear();
      return true;
    }
    if (t.front() == '+' && !synset_.empty()) {
      synsets_[synset_].emplace_back(Trim(t.substr(1)));
      return true;
    }
    synset_.clear();
    if (t.front() == '-' && t.size() > 1 && std::isspace(static_cast<unsigned char>(t[1]))) return Pattern(t.substr(1));
    if (t == "-") return (Issue("empty pattern"), true);
    if (t.front() == '~') return true;  // PETRARCH transformations: not applied by the surface coder
    if (t.front() == '{') return Forms(t);
    return Verb(t);
  }

  bool Block(std::string_view t) {
    // "--- NAME [code] ---"
    synset_.clear();
    block_code_ = VerbCode{"---", "", false};
    size_t open = t.find('[');
    if (open != std::string_view::npos) {
      size_t close = t.find(']', open);
      if (close == std::string_view::npos) return (Issue("'[' without ']'"), true);
      if (!ParseCode(t.substr(open + 1, close - open - 1), &block_code_)) return true;
    }
    NewEntry(block_code_);
    block_open_ = true;
    return true;
  }

  bool ParseCode(std::string_view inside, VerbCode* code) {
    std::string c(Trim(inside));
    c.erase(std::remove_if(c.begin(), c.end(), [](char ch) { return std::isspace(static_cast<unsigned char>(ch)); }),
            c.end());
    code->subordinate = false;
    std::string parts[2];
    size_t colon = c.find(':');
    parts[0] = c.substr(0, colon);
    if (colon != std::string::npos) parts[1] = c.substr(colon + 1);
    for (auto& part : parts) {
      while (!part.empty() && (part.back() == '?' || part.back() == '!')) {
        if (part.back() == '?') code->subordinate = true;
        part.pop_back();
      }
      if (part.size() > 8) return (Issue("bad code [" + c + "]"), false);
      for (char ch : part) {
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '#' && ch != '+') {
          return (Issue("bad code [" + c + "]"), false);
        }
      }
    }
    if (parts[0].empty() || (colon != std::string::npos && parts[1].empty())) return (Issue("empty code []"), false);
    code->first = parts[0];
    code->second = parts[1];
    return true;
  }

  void NewEntry(const VerbCode& code) {
    VerbEntry e;
    e.code = code;
    e.file = file_index_;
    e.line = line_;
    dict_->verbs.push_back(std::move(e));
    current_ = static_cast<int64_t>(dict_->verbs.size()) - 1;
  }

  // "WORD_WORD_+HEAD" or "HEAD WORDS" -> a form. PETRARCH marks the head with '+'; TABARI's head is
  // the first word. TABARI: a word followed by '_' is exact (the head: exact plus regular endings),
  // otherwise a stem. PETRARCH: the head takes regular endings, other words are exact.
  // `listed`: an irregular form from "{ ... }" (exact in both formats unless a TABARI stem).
  bool ParseForm(std::string_view text, bool listed, VerbForm* form) {
    text = Trim(text);
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    struct W {
      std::string text;
      bool head = false, underscore = false;
    };
    std::vector<W> words;
    bool spaced = false;
    for (size_t p = 0; p < text.size();) {
      while (p < text.size() && std::isspace(static_cast<unsigned char>(text[p]))) {
        spaced = true;
        ++p;
      }
      size_t e = p;
      while (e < text.size() && text[e] != '_' && !std::isspace(static_cast<unsigned char>(text[e]))) ++e;
      std::string_view w = text.substr(p, e - p);
      bool head = false;
      if (!w.empty() && w.front() == '+') {
        head = true;
        w.remove_prefix(1);
      }
      bool underscore = e < text.size() && text[e] == '_';
      if (!w.empty()) words.push_back({Upper(w), head, underscore});
      p = underscore ? e + 1 : e;
      if (words.size() > 16) return false;
    }
    if (words.empty()) return false;
    size_t head = 0;
    for (size_t k = 0; k < words.size(); ++k) {
      if (words[k].head) head = k;
    }
    for (size_t k = 0; k < words.size(); ++k) {
      DictWord::Match m;
      if (petrarch_) {
        m = (k == head && !listed) ? DictWord::Match::kInflected : DictWord::Match::kExact;
      } else if (words[k].underscore) {
        m = (k == head && !listed) ? DictWord::Match::kInflected : DictWord::Match::kExact;
      } else {
        m = DictWord::Match::kStem;
      }
      DictWord w{std::move(words[k].text), m};
      if (k < head) form->before.push_back(std::move(w));
      if (k == head) form->head = std::move(w);
      if (k > head) form->after.push_back(std::move(w));
    }
    form->after_joined = !spaced;
    return true;
  }

  bool Verb(std::string_view t) {
    // TABARI: a new verb. PETRARCH: a verb of the current block (a leading '+' too).
    std::string_view body = t;
    if (!body.empty() && body.front() == '+' && petrarch_) body.remove_prefix(1);
    size_t cut = body.find_first_of("[{");
    std::string_view words = Trim(body.substr(0, cut));
    VerbCode code;
    bool has_code = false;
    std::string_view forms;
    if (cut != std::string_view::npos) {
      std::string_view rest = body.substr(cut);
      size_t fo = rest.find('{');
      if (fo != std::string_view::npos) {
        size_t fc = rest.find('}', fo);
        if (fc == std::string_view::npos) return (Issue("'{' without '}'"), true);
        forms = rest.substr(fo + 1, fc - fo - 1);
      }
      size_t co = rest.find('[');
      if (co != std::string_view::npos) {
        size_t cc = rest.find(']', co);
        if (cc == std::string_view::npos) return (Issue("'[' without ']'"), true);
        if (!ParseCode(rest.substr(co + 1, cc - co - 1), &code)) return true;
        has_code = true;
      }
    }
    if (words.empty()) return (Issue("verb line without a verb"), true);
    if (!petrarch_) {
      if (!has_code) return (Issue("verb without a [code]"), true);
      NewEntry(code);
    } else if (!block_open_) {
      NewEntry(has_code ? code : VerbCode{"---", "", false});
      block_open_ = true;
    }
    VerbForm form;
    if (!ParseForm(words, false, &form)) return (Issue("cannot read verb '" + std::string(words) + "'"), true);
    if (petrarch_ && has_code) {
      form.own_code = true;
      form.code = code;
    }
    dict_->verbs[current_].forms.push_back(form);
    if (!forms.empty()) AddForms(forms, form);
    return true;
  }

  void AddForms(std::string_view list, const VerbForm& base) {
    for (size_t p = 0; p < list.size();) {
      while (p < list.size() && std::isspace(static_cast<unsigned char>(list[p]))) ++p;
      size_t e = p;
      while (e < list.size() && !std::isspace(static_cast<unsigned char>(list[e]))) ++e;
      if (e > p) {
        VerbForm f;
        std::string_view w = list.substr(p, e - p);
        if (ParseForm(w, true, &f)) {
          f.own_code = base.own_code;
          f.code = base.code;
          dict_->verbs[current_].forms.push_back(std::move(f));
        }
      }
      p = e;
      if (dict_->verbs[current_].forms.size() > 64) return Issue("too many verb forms");
    }
  }

  bool Forms(std::string_view t) {
    if (current_ < 0) return (Issue("verb forms before any verb"), true);
    size_t close = t.find('}');
    if (close == std::string_view::npos) return (Issue("'{' without '}'"), true);
    const auto& forms = dict_->verbs[current_].forms;
    VerbForm base = forms.empty() ? VerbForm{} : forms.front();
    AddForms(t.substr(1, close - 1), base);
    return true;
  }

  // runs x parts: every run followed by every part (capped at kMaxAlternatives).
  static void Append(const std::vector<std::vector<DictWord>>& parts, bool gap, std::vector<std::vector<DictWord>>* runs) {
    std::vector<std::vector<DictWord>> next;
    for (const auto& r : *runs) {
      for (const auto& part : parts) {
        if (next.size() >= kMaxAlternatives || part.empty()) break;
        auto joined = r;
        size_t at = joined.size();
        joined.insert(joined.end(), part.begin(), part.end());
        if (at > 0) joined[at].gap_before = gap;
        next.push_back(std::move(joined));
      }
    }
    *runs = std::move(next);
  }

  // "{ &TIETYPES | CLOSER | &CURRENCY_EXCHANGE }": synset names inside alternatives expand too.
  bool ExpandGroup(const std::vector<std::vector<DictWord>>& alternatives, int depth,
                   std::vector<std::vector<DictWord>>* out) {
    for (const auto& alt : alternatives) {
      std::vector<std::vector<DictWord>> runs{{}};
      for (const auto& w : alt) {
        std::vector<std::vector<DictWord>> parts;
        if (w.text.size() > 1 && w.text.front() == '&') {
          std::string name = w.text.substr(1);
          while (!name.empty() && name.back() == '_') name.pop_back();
          if (!ExpandSynset(name, depth, &parts)) return false;
        } else {
          parts.push_back({w});
        }
        Append(parts, w.gap_before, &runs);
      }
      for (auto& r : runs) {
        if (!r.empty() && out->size() < kMaxAlternatives) out->push_back(std::move(r));
      }
    }
    return !out->empty();
  }

  // Expands a synset into alternatives (each a run of words). Depth-bounded; product capped.
  bool ExpandSynset(const std::string& name, int depth, std::vector<std::vector<DictWord>>* out) {
    auto it = synsets_.find(name);
    if (it == synsets_.end()) return (Issue("unknown synset &" + name), false);
    if (depth >= kMaxSynsetDepth) return (Issue("synsets nested too deep at &" + name), false);
    for (const auto& member : it->second) {
      Lexed lx = Lex(member, petrarch_, petrarch_ ? DictWord::Match::kInflected : DictWord::Match::kStem);
      if (!lx.error.empty()) {
        Issue("synset &" + name + ": " + lx.error);
        continue;
      }
      std::vector<std::vector<DictWord>> runs{{}};
      bool gap = false;  // TABARI: a space between member words allows others between them
      for (const auto& item : lx.items) {
        std::vector<std::vector<DictWord>> parts;
        if (item.kind == Item::Kind::kWord) {
          // Synset members: plurals are generated (PETRARCH) / stems (TABARI) unless marked exact.
          parts.push_back({item.word});
        } else if (item.kind == Item::Kind::kSynset) {
          if (!ExpandSynset(item.name, depth + 1, &parts)) continue;
        } else if (item.kind == Item::Kind::kGroup) {
          if (!ExpandGroup(item.alternatives, depth + 1, &parts)) continue;
        } else {
          continue;  // slots are not allowed in synsets ("PESO_$"): ignored
        }
        Append(parts, gap && !petrarch_, &runs);
        gap = !item.joined_next;
      }
      for (auto& r : runs) {
        if (!r.empty() && out->size() < kMaxAlternatives) out->push_back(std::move(r));
      }
    }
    return !out->empty();
  }

  bool Pattern(std::string_view t) {
    if (current_ < 0) return (Issue("pattern before any verb"), true);
    t = Trim(t);
    size_t open = t.rfind('[');
    if (open == std::string_view::npos) return (Issue("pattern without a [code]"), true);
    size_t close = t.find(']', open);
    if (close == std::string_view::npos) return (Issue("'[' without ']'"), true);
    VerbPattern pattern;
    if (!ParseCode(t.substr(open + 1, close - open - 1), &pattern.code)) return true;
    Lexed lx = Lex(t.substr(0, open), petrarch_, petrarch_ ? DictWord::Match::kExact : DictWord::Match::kStem);
    if (!lx.error.empty()) return (Issue("pattern: " + lx.error), true);
    bool seen_verb = false;
    for (size_t k = 0; k < lx.items.size(); ++k) {
      const Item& item = lx.items[k];
      if (item.kind == Item::Kind::kVerb) {
        if (seen_verb) return (Issue("pattern with two '*'"), true);
        seen_verb = true;
        pattern.verb_joined_after = item.joined_next;
        if (!pattern.before.empty()) pattern.verb_joined_before = pattern.before.back().joined_next;
        continue;
      }
      PatternElement el;
      el.joined_next = item.joined_next;
      switch (item.kind) {
        case Item::Kind::kWord:  // a literal word outweighs a set ("* DOLLAR" before "* &CURRENCY")
          el.alternatives.push_back({item.word});
          pattern.weight += 3;
          break;
        case Item::Kind::kGroup:
          if (!ExpandGroup(item.alternatives, 0, &el.alternatives)) return true;  // issue already reported
          pattern.weight += 2;
          break;
        case Item::Kind::kSynset:
          if (!ExpandSynset(item.name, 0, &el.alternatives)) return true;  // issue already reported
          pattern.weight += 2;
          break;
        case Item::Kind::kSource: el.kind = PatternElement::Kind::kSource; pattern.weight += 1; break;
        case Item::Kind::kTarget: el.kind = PatternElement::Kind::kTarget; pattern.weight += 1; break;
        case Item::Kind::kCompound: el.kind = PatternElement::Kind::kCompound; pattern.weight += 1; break;
        case Item::Kind::kSkip: el.kind = PatternElement::Kind::kSkip; break;
        case Item::Kind::kVerb: break;
      }
      (seen_verb ? pattern.after : pattern.before).push_back(std::move(el));
    }
    if (!seen_verb) return (Issue("pattern without '*'"), true);
    pattern.file = file_index_;
    pattern.line = line_;
    dict_->patterns.push_back(std::move(pattern));
    dict_->verbs[current_].patterns.push_back(static_cast<uint32_t>(dict_->patterns.size() - 1));
    return true;
  }

  VerbDictionary* dict_;
  uint32_t file_index_ = 0;
  uint32_t line_ = 0;
  bool petrarch_ = false;
  bool in_time_ = false;
  bool block_open_ = false;
  VerbCode block_code_;
  int64_t current_ = -1;
  std::string synset_;  // the synset whose '+' members follow
  std::unordered_map<std::string, std::vector<std::string>> synsets_;
};

bool EndsWithInflection(std::string_view word, std::string_view stem) {
  if (!word.starts_with(stem)) return false;
  std::string_view rest = word.substr(stem.size());
  if (rest.empty()) return true;
  static constexpr std::string_view kEndings[] = {"S", "ES", "ED", "D", "EN", "ING", "N"};
  for (auto e : kEndings) {
    if (rest == e) return true;
  }
  // Doubled final consonant: BAN -> BANNED, BANNING.
  if (rest.size() >= 3 && !stem.empty() && rest[0] == stem.back() && (rest.substr(1) == "ED" || rest.substr(1) == "ING")) {
    return true;
  }
  return false;
}

}  // namespace

bool DictWordMatches(const DictWord& w, std::string_view word) {
  switch (w.match) {
    case DictWord::Match::kExact: return word == w.text;
    case DictWord::Match::kStem: return word.starts_with(w.text);
    case DictWord::Match::kInflected: {
      if (EndsWithInflection(word, w.text)) return true;
      std::string_view t = w.text;
      if (t.size() > 2 && t.back() == 'E') return EndsWithInflection(word, t.substr(0, t.size() - 1)) &&
                                                  word.size() > t.size() - 1 && word.substr(t.size() - 1) == "ING";
      if (t.size() > 2 && t.back() == 'Y') {
        std::string_view rest = word.substr(std::min(word.size(), t.size() - 1));
        return word.starts_with(t.substr(0, t.size() - 1)) && (rest == "IES" || rest == "IED");
      }
      return false;
    }
  }
  return false;
}

VerbFormat DetectVerbFormat(std::string_view text) {
  size_t lines = 0;
  for (size_t p = 0; p < text.size() && lines < 5000; ++lines) {
    size_t nl = text.find('\n', p);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view t = Trim(text.substr(p, nl - p));
    if (t.size() > 6 && t.starts_with("--- ") && t.ends_with("---")) return VerbFormat::kPetrarch;
    p = nl + 1;
  }
  return VerbFormat::kTabari;
}

void ImportVerbs(std::string_view text, std::string_view file_name, VerbDictionary* dict) {
  Importer(file_name, dict).Run(text);
}

const std::vector<VerbDictionary::HeadRef>* VerbDictionary::Heads(std::string_view key) const {
  auto it = heads_.find(key);
  return it == heads_.end() ? nullptr : &it->second;
}

void VerbDictionary::Candidates(std::string_view word, std::vector<HeadRef>* out) const {
  size_t n = std::min(word.size(), kMaxWordLength);
  for (size_t len = n; len >= 2; --len) {
    const auto* refs = Heads(word.substr(0, len));
    if (refs == nullptr) continue;
    for (const auto& r : *refs) {
      if (DictWordMatches(verbs[r.verb].forms[r.form].head, word)) out->push_back(r);
    }
  }
}

void VerbDictionary::Finish() {
  heads_.clear();
  for (uint32_t v = 0; v < verbs.size(); ++v) {
    auto& e = verbs[v];
    std::stable_sort(e.patterns.begin(), e.patterns.end(),
                     [&](uint32_t a, uint32_t b) { return patterns[a].weight > patterns[b].weight; });
    for (uint32_t f = 0; f < e.forms.size(); ++f) heads_[e.forms[f].head.text].push_back({v, f});
  }
}

std::string VerbDictionary::Where(uint32_t file, uint32_t line) const {
  std::string name = file < files.size() ? files[file] : "?";
  size_t slash = name.find_last_of('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  return name + ":" + std::to_string(line);
}

Result<std::shared_ptr<const VerbDictionary>> LoadVerbDictionary(const std::vector<std::string>& paths) {
  auto dict = std::make_shared<VerbDictionary>();
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::NotFound("cannot open verb dictionary " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Status::IoError("cannot read " + path);
    ImportVerbs(ss.str(), path, dict.get());
  }
  dict->Finish();
  return std::shared_ptr<const VerbDictionary>(std::move(dict));
}

}  // namespace dyad::events
