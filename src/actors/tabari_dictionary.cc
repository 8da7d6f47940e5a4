#include "actors/tabari_dictionary.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace dyad::actors {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "AFGHAN_NATIONAL_ARMY_" -> "AFGHAN NATIONAL ARMY"
std::string PhraseWords(std::string_view raw) {
  std::string out;
  for (char c : Trim(raw)) out.push_back(c == '_' ? ' ' : c);
  return std::string(Trim(out));
}

struct Code {
  std::string code;
  int from = 0, to = 99999999;
  std::string from_text, to_text;
};

bool ParseCode(std::string_view inside, Code* out) {
  inside = Trim(inside);
  size_t sp = inside.find_first_of(" \t");
  out->code = std::string(inside.substr(0, sp));
  if (sp == std::string_view::npos) return !out->code.empty();
  std::string_view rest = Trim(inside.substr(sp));
  if (rest.empty()) return true;
  auto iso = [](int key) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", key / 10000, key / 100 % 100, key % 100);
    return std::string(b);
  };
  if (rest[0] == '>' || rest[0] == '<') {
    int d = ParseTabariDate(Trim(rest.substr(1)));
    if (d == 0) return false;
    if (rest[0] == '>') {
      out->from = d;
      out->from_text = iso(d);
    } else {
      out->to = d;
      out->to_text = iso(d);
    }
    return true;
  }
  size_t dash = rest.find('-');
  if (dash == std::string_view::npos) return false;
  int a = ParseTabariDate(Trim(rest.substr(0, dash)));
  int b = ParseTabariDate(Trim(rest.substr(dash + 1)));
  if (a == 0 || b == 0) return false;
  out->from = a;
  out->to = b;
  out->from_text = iso(a);
  out->to_text = iso(b);
  return true;
}

class Importer {
 public:
  Importer(std::string_view file, bool agents, ActorIndex* index)
      : file_(file), agents_(agents), index_(index) {}

  void Line(std::string_view raw, int line_no) {
    line_ = line_no;
    // PETRARCH files open with XML-style comments, "<!-- ... -->" (also written "<! -- ... -->"), that may
    // run over several lines; they are not word lists.
    if (in_xml_comment_) {
      if (raw.find("-->") != std::string_view::npos) in_xml_comment_ = false;
      return;
    }
    if (std::string_view lead = Trim(raw); lead.starts_with("<!")) {
      in_xml_comment_ = lead.find("-->", 2) == std::string_view::npos;
      return;
    }
    // Comments start at '#' or ';' outside brackets ("[###]" is a code: TABARI's null actor).
    size_t cut = raw.size();
    for (size_t i = 0, depth = 0; i < raw.size(); ++i) {
      if (raw[i] == '[') ++depth;
      if (raw[i] == ']' && depth > 0) --depth;
      if (depth == 0 && (raw[i] == '#' || raw[i] == ';')) {
        cut = i;
        break;
      }
    }
    std::string_view line = raw.substr(0, cut);
    if (line.starts_with("~~")) return;  // TABARI end-of-file marker ("~~FINISH ...")
    std::string_view t = Trim(line);
    if (t.empty()) return;
    // <NOUN> ... </NOUN>, <ADJECTIVE> ... </ADJECTIVE>: TABARI word-class lists, not actors.
    if (t.front() == '<') {
      Flush();
      in_word_list_ = !(t.size() > 1 && t[1] == '/');
      return;
    }
    if (in_word_list_) return;
    if (agents_ && t.front() == '!' && t.find('=') != std::string_view::npos) return Macro(t);
    if (t.front() == '[') return Codes(t);  // codes of the block above
    if (t.front() == '+') {
      if (names_.empty()) return Issue("synonym '+' before any actor", false);
      std::string_view body = t.substr(1);
      names_.push_back(PhraseWords(body.substr(0, body.find_first_of("[{"))));
      Codes(body.substr(std::min(body.size(), body.find('['))));
      return;
    }
    if (t.front() == '{' || t.front() == '}') return;  // block braces: the block's names follow
    {  // any other line starts a new actor (or agent noun)
      Flush();
      size_t cut = t.find_first_of("[{");
      names_.push_back(PhraseWords(t.substr(0, cut)));
      first_line_ = line_no;
      if (cut == std::string_view::npos) return;
      std::string_view rest = t.substr(cut);
      if (rest.front() == '{') {
        size_t close = rest.find('}');
        if (close == std::string_view::npos) return Issue("'{' without '}'", false);
        std::string_view plurals = rest.substr(1, close - 1);
        for (size_t p = 0; p < plurals.size();) {
          size_t q = plurals.find_first_of(" \t", p);
          if (q == std::string_view::npos) q = plurals.size();
          if (q > p) plurals_.push_back(PhraseWords(plurals.substr(p, q - p)));
          p = q + 1;
        }
        explicit_plural_ = true;
        rest = Trim(rest.substr(close + 1));
      }
      Codes(rest);
    }
  }

  void Flush() {
    if (names_.empty()) return;
    if (agents_) {
      FlushAgent();
    } else {
      FlushActor();
    }
    names_.clear();
    plurals_.clear();
    codes_.clear();
    explicit_plural_ = false;
  }

  TabariImportStats stats;

 private:
  void Issue(std::string message, bool warning) {
    stats.issues.push_back({{std::string(file_), line_}, std::move(message), warning});
  }

  void Macro(std::string_view t) {
    size_t eq = t.find('=');
    std::string name(Trim(t.substr(0, eq)));
    std::vector<std::string> values;
    std::string_view rest = t.substr(eq + 1);
    for (size_t p = 0; p <= rest.size();) {
      size_t q = rest.find(',', p);
      if (q == std::string_view::npos) q = rest.size();
      std::string v = PhraseWords(rest.substr(p, q - p));
      if (!v.empty()) values.push_back(v);
      p = q + 1;
    }
    macros_.emplace_back(std::move(name), std::move(values));
  }

  void Codes(std::string_view t) {
    for (size_t p = t.find('['); p != std::string_view::npos; p = t.find('[', p + 1)) {
      size_t close = t.find(']', p);
      if (close == std::string_view::npos) return Issue("'[' without ']'", false);
      Code c;
      if (!ParseCode(t.substr(p + 1, close - p - 1), &c)) {
        Issue("bad code or date restriction: [" + std::string(t.substr(p + 1, close - p - 1)) + "]", false);
        continue;
      }
      if (names_.empty()) return Issue("code line before any actor", false);
      codes_.push_back(std::move(c));
    }
  }

  // Expands !MACRO! in a noun ("BUSINESS!PERSON!" -> "BUSINESSMAN", "BUSINESSMEN", ...).
  std::vector<std::string> Expand(const std::string& noun) const {
    for (const auto& [name, values] : macros_) {
      size_t at = noun.find(name);
      if (at == std::string::npos) continue;
      std::vector<std::string> out;
      for (const auto& v : values) out.push_back(noun.substr(0, at) + v + noun.substr(at + name.size()));
      return out;
    }
    return {noun};
  }

  void FlushAgent() {
    if (codes_.empty()) return Issue("agent without a [~CODE]", true);
    std::string role = codes_[0].code;
    role.erase(std::remove(role.begin(), role.end(), '~'), role.end());
    if (role.empty() || role == "---") return;
    std::string src = std::string(file_) + ":" + std::to_string(first_line_);
    ActorEntry one = MakeEntry(EntryKind::kAgent, role, "", "", names_[0], src);
    one.imported = true;
    uint32_t single = index_->AddEntry(one);
    one.plural = true;
    uint32_t many = index_->AddEntry(std::move(one));
    for (const auto& n : names_) {
      for (const auto& form : Expand(n)) {
        index_->AddPhrase(form, single, true);
        ++stats.phrases;
        if (!explicit_plural_) {
          index_->AddPhrase(form + (form.ends_with("S") ? "ES" : "S"), many, true);
          ++stats.phrases;
        }
      }
    }
    for (const auto& p : plurals_) {
      for (const auto& form : Expand(p)) {
        index_->AddPhrase(form, many, true);
        ++stats.phrases;
      }
    }
    ++stats.actors;
  }

  void FlushActor() {
    if (codes_.empty()) return Issue("actor without a [CODE]", true);
    std::vector<Code> codes;
    for (auto& c : codes_) {
      // "---", "###", "+++": TABARI's "not an actor" codes.
      if (c.code != "---" && c.code != "###" && c.code != "+++") codes.push_back(c);
    }
    if (codes.empty()) return;
    std::string src = std::string(file_) + ":" + std::to_string(first_line_);
    bool dated = codes.size() > 1 || codes[0].from != 0 || codes[0].to != 99999999;
    uint32_t id;
    if (dated) {
      id = index_->PersonEntry(names_[0] + "\x1f" + src, src, true);
      ActorEntry& e = index_->mutable_entry(id);
      e.name = names_[0];
      e.country = codes[0].code.substr(0, 3);
      for (const auto& c : codes) {
        ActorRole r{c.code, c.from, c.to, c.from_text, c.to_text, "imported role", src};
        // An undated default code beside dated ones applies outside the dated spans.
        e.roles.push_back(std::move(r));
      }
    } else {
      const std::string& code = codes[0].code;
      EntryKind kind = code.size() == 3 ? EntryKind::kCountry : EntryKind::kOrganisation;
      ActorEntry e = MakeEntry(kind, code, code.substr(0, 3), "", names_[0], src);
      e.imported = true;
      id = index_->AddEntry(std::move(e));
    }
    for (const auto& n : names_) {
      if (n.empty()) continue;
      index_->AddPhrase(n, id, true);
      ++stats.phrases;
    }
    ++stats.actors;
  }

  std::string_view file_;
  bool agents_;
  ActorIndex* index_;
  int line_ = 0, first_line_ = 0;
  std::vector<std::string> names_, plurals_;
  std::vector<Code> codes_;
  bool explicit_plural_ = false;
  bool in_xml_comment_ = false;
  bool in_word_list_ = false;
  std::vector<std::pair<std::string, std::vector<std::string>>> macros_;
};

}  // namespace

int ParseTabariDate(std::string_view d) {
  if (d.size() != 6 && d.size() != 8) return 0;
  int v = 0;
  for (char c : d) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
    v = v * 10 + (c - '0');
  }
  if (d.size() == 6) {
    int yy = v / 10000;
    v += (yy <= 30 ? 20000000 : 19000000);
  }
  int month = v / 100 % 100, day = v % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return 0;
  return v;
}

TabariImportStats ImportTabari(std::string_view text, std::string_view file, bool agents, ActorIndex* index) {
  Importer imp(file, agents, index);
  int line_no = 0;
  for (size_t p = 0; p < text.size();) {
    size_t nl = text.find('\n', p);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(p, nl - p);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    imp.Line(line, ++line_no);
    p = nl + 1;
  }
  imp.Flush();
  imp.stats.lines = static_cast<size_t>(line_no);
  return std::move(imp.stats);
}

Result<TabariImportStats> ImportTabariFile(const std::string& path, ActorIndex* index) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open dictionary " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  std::string lower = path.substr(path.find_last_of('/') + 1);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool agents = lower.find("agents") != std::string::npos;
  return ImportTabari(ss.str(), path, agents, index);
}

}  // namespace dyad::actors
