#include "text/furniture.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace dyad {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kNbsp = "\xC2\xA0";

std::string_view Trim(std::string_view s) {
  while (true) {
    if (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
    else if (s.substr(0, 3) == kBom) s.remove_prefix(3);
    else if (s.substr(0, 2) == kNbsp) s.remove_prefix(2);
    else break;
  }
  while (true) {
    if (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
    else if (s.size() >= 2 && s.substr(s.size() - 2) == kNbsp) s.remove_suffix(2);
    else break;
  }
  return s;
}

// ASCII lower case, with curly quotes folded to straight ones, for phrase matching.
std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0 || s.compare(i, 3, "\xE2\x80\x98") == 0) {
      out += '\'';
      i += 2;
    } else if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x9D") == 0) {
      out += '"';
      i += 2;
    } else {
      char c = s[i];
      out += IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

struct Range {
  size_t begin, end;  // byte offsets into the text
};

// Paragraphs: stretches of text separated by blank (whitespace-only) lines, trimmed, in order.
std::vector<Range> Paragraphs(std::string_view text, size_t max_paragraphs) {
  std::vector<Range> out;
  size_t pos = 0;
  size_t para_begin = std::string_view::npos;
  size_t para_end = 0;
  while (pos < text.size() && out.size() < max_paragraphs) {
    size_t nl = text.find('\n', pos);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, line_end - pos);
    std::string_view trimmed = Trim(line);
    if (trimmed.empty()) {
      if (para_begin != std::string_view::npos) out.push_back({para_begin, para_end});
      para_begin = std::string_view::npos;
    } else {
      size_t b = static_cast<size_t>(trimmed.data() - text.data());
      if (para_begin == std::string_view::npos) para_begin = b;
      para_end = b + trimmed.size();
    }
    pos = line_end + 1;
  }
  if (para_begin != std::string_view::npos && out.size() < max_paragraphs) out.push_back({para_begin, para_end});
  return out;
}

// Splits s into words at whitespace.
std::vector<std::string_view> Words(std::string_view s, size_t max_words) {
  std::vector<std::string_view> w;
  size_t i = 0;
  while (i < s.size() && w.size() <= max_words) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    if (i > b) w.push_back(s.substr(b, i - b));
  }
  return w;
}

bool Capitalised(std::string_view w) {
  while (!w.empty() && (w.front() == '(' || w.front() == '"' || w.front() == '\'')) w.remove_prefix(1);
  if (w.empty()) return false;
  return IsUpper(w.front()) || static_cast<unsigned char>(w.front()) >= 0x80;  // non-ASCII: benefit of doubt
}

constexpr size_t kMaxHeadlineBytes = 300;
constexpr size_t kMaxTrailingUnits = 30;
constexpr size_t kMaxClassifiedBytes = 2000;

// A headline paragraph: 1-3 lines, short, with no full stop (or comma, colon ...) at its end.
bool LooksLikeHeadline(std::string_view para) {
  if (para.empty() || para.size() > kMaxHeadlineBytes) return false;
  if (std::count(para.begin(), para.end(), '\n') > 2) return false;
  // In a headline of several lines no line ends a sentence either.
  for (size_t nl = para.find('\n'); nl != std::string_view::npos; nl = para.find('\n', nl + 1)) {
    std::string_view line = Trim(para.substr(0, nl));
    if (!line.empty() && line.back() == '.' && !EndsWith(line, "...")) return false;
  }
  std::string_view end = para;
  // Look through closing quotes and brackets at the end.
  while (!end.empty()) {
    if (end.back() == '"' || end.back() == '\'' || end.back() == ')') end.remove_suffix(1);
    else if (EndsWith(end, "\xE2\x80\x9D") || EndsWith(end, "\xE2\x80\x99")) end.remove_suffix(3);
    else break;
  }
  if (end.empty()) return false;
  char last = end.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return EndsWith(end, "...");
  bool has_letter = false;
  for (char c : para) has_letter = has_letter || IsUpper(c) || IsLower(c) || static_cast<unsigned char>(c) >= 0x80;
  return has_letter;
}

// Whitespace-collapsed, trimmed copy (for comparing a paragraph with a record's title).
std::string Collapse(std::string_view s) {
  std::string out;
  for (std::string_view w : Words(s, 400)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool SameTitle(std::string_view para, std::string_view title) {
  if (title.empty() || para.size() > 4 * kMaxHeadlineBytes) return false;
  std::string a = Collapse(para), b = Collapse(title);
  auto strip = [](std::string& s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  };
  strip(a);
  strip(b);
  return !a.empty() && a == b;
}

// The dashes a dateline ends with, longest first.
constexpr std::array<std::string_view, 5> kDatelineDashes = {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-", "\xE2\x80\x95"};

// Lines that close an article: phrases at the start of a (folded) unit.
constexpr std::array<std::string_view, 30> kBoilerplateStarts = {
    "comments are closed", "sign up", "subscribe", "copyright", "\xC2\xA9", "(c) ", "all rights reserved",
    "share this", "share on", "share:", "click here", "read more", "related:", "related coverage",
    "click to", "download the", "get the latest", "listen to", "advertisement", "this material may not be",
    "like us on", "join the conversation", "want more", "want to receive", "for more on", "see also:",
    "you may also like", "report an error", "sponsored", "more from"};

// Credit openers ("Reporting by X; Editing by Y").
constexpr std::array<std::string_view, 7> kCreditStarts = {
    "(reporting by", "(additional reporting by", "(writing by", "reporting by", "additional reporting by",
    "writing by", "editing by"};

// What may follow "contributed" at the end of a credit line.
constexpr std::array<std::string_view, 7> kContributedTails = {
    "", " to this report", " to this story", " to this article", " reporting", " research", " from"};

bool IsUrl(std::string_view s) {
  return (StartsWith(s, "http://") || StartsWith(s, "https://") || StartsWith(s, "www.")) &&
         std::none_of(s.begin(), s.end(), IsSpace);
}

}  // namespace

std::string_view HeadlineCandidate(std::string_view text) {
  auto paras = Paragraphs(text.substr(0, std::min(text.size(), size_t{4096})), 2);
  if (paras.size() < 2) return {};  // a blank line and more text must follow
  std::string_view first = text.substr(paras[0].begin, paras[0].end - paras[0].begin);
  return LooksLikeHeadline(first) ? first : std::string_view();
}

size_t DatelineLength(std::string_view para) {
  std::string_view head = para.substr(0, 120);
  // Find the first spaced dash ("X — ", "X - "), or a dash right after ")".
  size_t dash_at = std::string_view::npos, dash_len = 0;
  for (size_t i = 1; i < head.size() && dash_at == std::string_view::npos; ++i) {
    for (std::string_view d : kDatelineDashes) {
      if (head.compare(i, d.size(), d) != 0) continue;
      bool before_ok = IsSpace(head[i - 1]) || head[i - 1] == ')';
      size_t after = i + d.size();
      bool after_ok = after < para.size() && (IsSpace(para[after]) || para.compare(after, 2, kNbsp) == 0);
      if (before_ok && after_ok) {
        dash_at = i;
        dash_len = d.size();
      }
      break;
    }
  }
  if (dash_at == std::string_view::npos) return 0;
  std::string_view prefix = Trim(head.substr(0, dash_at));
  auto words = Words(prefix, 10);
  if (words.empty() || words.size() > 9) return 0;
  // The place: the first words, in capitals ("TEHRAN", "ST. LOUIS", "MEXICO CITY"), until a comma or "(".
  size_t i = 0;
  int capitals = 0;
  bool place_done = false;
  for (; i < words.size() && !place_done; ++i) {
    std::string_view w = words[i];
    if (w.front() == '(') break;
    if (w.back() == ',') {
      w.remove_suffix(1);
      place_done = true;
    }
    if (w.empty()) return 0;
    for (char c : w) {
      if (IsLower(c)) return 0;
      if (IsUpper(c)) ++capitals;
      else if (!(c == '.' || c == '-' || c == '\'' || static_cast<unsigned char>(c) >= 0x80)) return 0;
    }
    if (i >= 4) return 0;
  }
  if (capitals < 2) return 0;
  // The rest: a region or date ("Iran", "Feb. 8", "July 18") and an agency in brackets ("(Reuters)").
  for (; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (!(Capitalised(w) || IsDigit(w.front()))) return 0;
    for (char c : w)
      if (!(IsUpper(c) || IsLower(c) || IsDigit(c) || c == '.' || c == ',' || c == '(' || c == ')' ||
            c == '-' || c == '\'' || static_cast<unsigned char>(c) >= 0x80))
        return 0;
  }
  return dash_at + dash_len;
}

bool IsByline(std::string_view para) {
  para = Trim(para);
  if (para.size() > 160 || para.find('\n') != std::string_view::npos) return false;
  if (!(StartsWith(para, "By ") || StartsWith(para, "BY "))) return false;
  auto words = Words(para.substr(3), 16);
  if (words.empty() || words.size() > 15 || !Capitalised(words[0])) return false;
  static constexpr std::array<std::string_view, 12> kConnectors = {
      "and", "of", "the", "for", "in", "de", "van", "von", "al", "bin", "|", "-"};
  for (std::string_view w : words) {
    std::string_view bare = w;
    while (!bare.empty() && (bare.back() == ',' || bare.back() == ';')) bare.remove_suffix(1);
    if (bare.empty() || Capitalised(bare)) continue;
    if (std::find(kConnectors.begin(), kConnectors.end(), bare) != kConnectors.end()) continue;
    if (bare == "\xE2\x80\x94" || bare == "\xE2\x80\x93") continue;
    return false;
  }
  return true;
}

Furniture ClassifyTrailing(std::string_view unit) {
  unit = Trim(unit);
  if (unit.empty() || unit.size() > kMaxClassifiedBytes) return Furniture::kBody;
  std::string f = Fold(unit);
  if (IsUrl(f)) return Furniture::kBoilerplate;
  if (f == "reuter" || f == "reuters" || f == "(ap)" || f == "ap") return Furniture::kCredit;
  for (std::string_view p : kCreditStarts) {
    // Bracketed credits are unmistakable; bare ones must be short ("Reporting by X; Editing by Y").
    if (StartsWith(f, p) && (p.front() == '(' || Words(unit, 21).size() <= 20)) return Furniture::kCredit;
  }
  for (std::string_view p : kBoilerplateStarts)
    if (StartsWith(f, p)) return Furniture::kBoilerplate;
  if (f.find("all rights reserved") != std::string::npos) return Furniture::kBoilerplate;
  if (StartsWith(f, "follow ")) {
    for (std::string_view hint : {"http", "@", "twitter", "facebook", "instagram", "coverage", "newsletter", "on x"})
      if (f.find(hint) != std::string::npos) return Furniture::kBoilerplate;
  }
  auto words = Words(unit, 60);
  if (words.size() > 60 || !EndsWith(f, ".")) return Furniture::kBody;
  std::string_view core = std::string_view(f).substr(0, f.size() - 1);  // without the final "."
  // "... contributed." / "... contributed to this report." / "... contributed reporting from Ankara."
  size_t at = core.rfind(" contributed");
  if (at != std::string_view::npos) {
    std::string_view tail = core.substr(at + 12);
    for (std::string_view t : kContributedTails) {
      if (t.empty() ? tail.empty() : StartsWith(tail, t)) return Furniture::kCredit;
    }
  }
  // "Isachenkov reported from Moscow." : a short name, then "reported from" a place.
  at = core.find(" reported from ");
  if (at != std::string_view::npos) {
    auto who = Words(unit.substr(0, at), 5);
    if (!who.empty() && who.size() <= 4 && std::all_of(who.begin(), who.end(), Capitalised)) return Furniture::kCredit;
  }
  return Furniture::kBody;
}

namespace {

class FurnitureStage : public Stage {
 public:
  std::string_view name() const override { return "furniture"; }
  uint32_t Requires() const override { return kLayerTokens; }
  uint32_t Provides() const override { return 0; }
  Status Process(Document& doc, StageScratch*) const override;
};

// A piece of a sentence that lies inside one paragraph.
struct Unit {
  size_t begin, end;
  uint32_t sentence;
};

Status FurnitureStage::Process(Document& doc, StageScratch*) const {
  std::string_view text = doc.text();
  auto& spans = doc.mutable_furniture();
  spans.clear();
  auto& sentences = doc.mutable_sentences();
  for (auto& s : sentences) s.kind = Furniture::kBody;
  if (Trim(text).empty()) return Status::Ok();
  auto add_span = [&](size_t b, size_t e, Furniture k) {
    spans.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), k});
  };

  // Top: headline, bylines, dateline. Only the first few paragraphs matter.
  auto paras = Paragraphs(text, 8);
  auto para_text = [&](size_t i) { return text.substr(paras[i].begin, paras[i].end - paras[i].begin); };
  size_t next = 0;
  if (paras.size() >= 2 && (LooksLikeHeadline(para_text(0)) || SameTitle(para_text(0), doc.meta().title))) {
    add_span(paras[0].begin, paras[0].end, Furniture::kHeadline);
    next = 1;
  }
  for (size_t k = 0; k < 2 && next < paras.size() && IsByline(para_text(next)); ++k, ++next)
    add_span(paras[next].begin, paras[next].end, Furniture::kByline);
  for (size_t k = 0; k < 2 && next + k < paras.size(); ++k) {
    if (size_t len = DatelineLength(para_text(next + k)); len > 0) {
      add_span(paras[next + k].begin, paras[next + k].begin + len, Furniture::kDateline);
      break;
    }
  }
  size_t top_end = spans.empty() ? 0 : spans.back().end;

  // Units: sentences cut at paragraph breaks (blank lines), so a sentence the splitter ran across
  // a break is still judged paragraph by paragraph.
  std::vector<Unit> units;
  for (uint32_t si = 0; si < sentences.size(); ++si) {
    size_t b = std::min<size_t>(sentences[si].begin, text.size());
    size_t e = std::min<size_t>(std::max<size_t>(sentences[si].end, b), text.size());
    for (const Range& r : Paragraphs(text.substr(b, e - b), e - b + 1))
      units.push_back({b + r.begin, b + r.end, si});
  }

  // Bottom: credit and boilerplate, backwards from the end until the first body unit.
  std::vector<FurnitureSpan> tail;
  for (size_t k = 0; k < units.size() && k < kMaxTrailingUnits; ++k) {
    const Unit& u = units[units.size() - 1 - k];
    if (u.begin < top_end) break;
    std::string_view ut = text.substr(u.begin, u.end - u.begin);
    bool has_alnum = std::any_of(ut.begin(), ut.end(), [](char c) { return IsUpper(c) || IsLower(c) || IsDigit(c); });
    if (!has_alnum) continue;  // stray punctuation between furniture lines
    Furniture kind = ClassifyTrailing(ut);
    if (kind == Furniture::kBody) break;
    tail.push_back({static_cast<uint32_t>(u.begin), static_cast<uint32_t>(u.end), kind});
  }
  std::reverse(tail.begin(), tail.end());
  for (const auto& t : tail) {  // merge neighbours of one kind with only whitespace between them
    if (!spans.empty() && spans.back().kind == t.kind && spans.back().end <= t.begin &&
        Trim(text.substr(spans.back().end, t.begin - spans.back().end)).empty())
      spans.back().end = t.end;
    else
      spans.push_back(t);
  }

  // Sentences made only of one kind of furniture take that kind.
  std::vector<int> kind_of(sentences.size(), -1);  // -1 unset, -2 mixed/body
  for (const Unit& u : units) {
    auto it = std::upper_bound(spans.begin(), spans.end(), u.begin,
                               [](size_t b, const FurnitureSpan& s) { return b < s.begin; });
    int k = -2;
    if (it != spans.begin()) {
      const FurnitureSpan& s = *(it - 1);
      if (s.begin <= u.begin && u.end <= s.end) k = static_cast<int>(s.kind);
    }
    int& cur = kind_of[u.sentence];
    cur = cur == -1 ? k : (cur == k ? k : -2);
  }
  for (size_t i = 0; i < sentences.size(); ++i)
    if (kind_of[i] >= 0) sentences[i].kind = static_cast<Furniture>(kind_of[i]);
  return Status::Ok();
}

}  // namespace

std::shared_ptr<const Stage> MakeFurnitureStage() { return std::make_shared<FurnitureStage>(); }

}  // namespace dyad
