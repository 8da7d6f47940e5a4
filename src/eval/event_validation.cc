#include "eval/event_validation.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace dyad::eval {
namespace {

namespace fs = std::filesystem;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Collapses runs of whitespace to one space.
std::string Squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : Trim(s)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// "950101" (1930 pivot) or "19950101" -> "1995-01-01"; empty when malformed.
std::string IsoDate(std::string_view digits) {
  if (digits.size() != 6 && digits.size() != 8) return {};
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return {};
  }
  std::string year;
  if (digits.size() == 6) {
    int yy = (digits[0] - '0') * 10 + (digits[1] - '0');
    year = (yy < 30 ? "20" : "19") + std::string(digits.substr(0, 2));
    digits.remove_prefix(2);
  } else {
    year = std::string(digits.substr(0, 4));
    digits.remove_prefix(4);
  }
  return year + "-" + std::string(digits.substr(0, 2)) + "-" + std::string(digits.substr(2, 2));
}

// Reads the expected events of one TABARI comment into the record.
void ReadTabariExpectations(std::string_view comment, ValidationRecord* r) {
  for (size_t p = comment.find('{'); p != std::string_view::npos; p = comment.find('{', p + 1)) {
    size_t close = comment.find('}', p);
    if (close == std::string_view::npos) return;
    bool negative = p > 0 && comment[p - 1] == '-';
    std::string_view inside = Trim(comment.substr(p + 1, close - p - 1));
    p = close;
    if (inside.empty()) continue;
    if (inside.starts_with("OPTION")) {
      r->option = true;
      continue;
    }
    size_t s1 = inside.find('/');
    if (s1 == std::string_view::npos) {
      if (inside == "###") r->note = "discard";
      else if (inside == "+++") r->note = "complex";
      else if (inside == "---") r->note = "no event";
      continue;
    }
    size_t s2 = inside.find('/', s1 + 1);
    if (s2 == std::string_view::npos) continue;
    CodedTriple t{std::string(Trim(inside.substr(0, s1))), std::string(Trim(inside.substr(s1 + 1, s2 - s1 - 1))),
                  std::string(Trim(inside.substr(s2 + 1)))};
    (negative ? r->not_expected : r->expected).push_back(std::move(t));
  }
}

std::string Decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (auto [name, c] : kEntities) {
        if (s.substr(i, name.size()) == name) {
          out.push_back(c);
          i += name.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

// Attribute `name` of an opening tag's text ("<X a="1" b = '2'>"); empty when absent.
std::string Attribute(std::string_view tag, std::string_view name) {
  for (size_t p = tag.find(name); p != std::string_view::npos; p = tag.find(name, p + 1)) {
    if (p > 0 && !std::isspace(static_cast<unsigned char>(tag[p - 1]))) continue;
    size_t q = p + name.size();
    while (q < tag.size() && std::isspace(static_cast<unsigned char>(tag[q]))) ++q;
    if (q >= tag.size() || tag[q] != '=') continue;
    ++q;
    while (q < tag.size() && std::isspace(static_cast<unsigned char>(tag[q]))) ++q;
    if (q >= tag.size() || (tag[q] != '"' && tag[q] != '\'')) continue;
    char quote = tag[q];
    size_t end = tag.find(quote, q + 1);
    if (end == std::string_view::npos) return {};
    std::string v = Decode(tag.substr(q + 1, end - q - 1));
    v.erase(std::remove(v.begin(), v.end(), '"'), v.end());
    return std::string(Trim(v));
  }
  return {};
}

// The text between <name> and </name> after `from`; npos-safe.
std::string_view Element(std::string_view s, std::string_view name, size_t from = 0) {
  std::string open = "<" + std::string(name) + ">", close = "</" + std::string(name) + ">";
  size_t a = s.find(open, from);
  if (a == std::string_view::npos) return {};
  a += open.size();
  size_t b = s.find(close, a);
  if (b == std::string_view::npos) return {};
  return s.substr(a, b - a);
}

std::string StripComments(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t p = 0; p < s.size();) {
    size_t open = s.find("<!--", p);
    if (open == std::string_view::npos) {
      out.append(s.substr(p));
      break;
    }
    out.append(s.substr(p, open - p));
    size_t close = s.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    // Keep the line count: comments' newlines stay.
    out.append(static_cast<size_t>(std::count(s.begin() + open, s.begin() + close, '\n')), '\n');
    p = close + 3;
  }
  return out;
}

}  // namespace

bool CodedTriple::operator<(const CodedTriple& o) const {
  return std::tie(source, target, code) < std::tie(o.source, o.target, o.code);
}
bool CodedTriple::operator==(const CodedTriple& o) const {
  return source == o.source && target == o.target && code == o.code;
}
std::string CodedTriple::ToString() const { return source + " / " + target + " / " + code; }

SuiteFormat DetectSuiteFormat(std::string_view text) {
  std::string_view head = text.substr(0, std::min<size_t>(text.size(), 1 << 16));
  if (head.find("<Sentences>") != std::string_view::npos || head.find("<Sentence ") != std::string_view::npos) {
    return SuiteFormat::kPetrarch;
  }
  return SuiteFormat::kTabari;
}

ValidationSuite ParseTabariSuite(std::string_view text, std::string_view file_name) {
  ValidationSuite suite;
  suite.format = SuiteFormat::kTabari;
  enum { kBetween, kText, kComment } state = kBetween;
  ValidationRecord r;
  std::string body, comment;
  bool stop = false;
  auto finish = [&]() {
    if (state == kBetween) return;
    r.text = Squeeze(body);
    ReadTabariExpectations(comment, &r);
    // The stop record says it ("This is the end of ..."); START-00 quotes the phrase, which is no stop.
    size_t stop_at = r.text.find("end of the standard validation records");
    if (stop_at != std::string::npos && (stop_at == 0 || r.text[stop_at - 1] != '"')) {
      stop = true;
    } else if (state == kText) {
      suite.issues.push_back(std::string(file_name) + ":" + std::to_string(r.line) + ": record " + r.id +
                             " has no /* ... */ block");
    } else {
      suite.records.push_back(std::move(r));
    }
    r = ValidationRecord{};
    body.clear();
    comment.clear();
    state = kBetween;
  };
  uint32_t line_no = 0;
  for (size_t p = 0; p < text.size() && !stop;) {
    size_t nl = text.find('\n', p);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(p, nl - p);
    p = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (state == kComment) {
      size_t end = line.find("*/");
      comment.append(line.substr(0, end == std::string_view::npos ? line.size() : end)).push_back('\n');
      if (end != std::string_view::npos) finish();
      continue;
    }
    // A record header: 6 or 8 digits, spaces, an id.
    size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if ((digits == 6 || digits == 8) && digits < line.size() && (line[digits] == ' ' || line[digits] == '\t')) {
      finish();
      if (stop) break;
      state = kText;
      r.line = line_no;
      r.date = IsoDate(line.substr(0, digits));
      std::string_view id = Trim(line.substr(digits));
      r.id = std::string(id.substr(0, id.find_first_of(" \t")));
      r.category = r.id.substr(0, r.id.find('-'));
      continue;
    }
    if (state == kBetween) continue;  // '#' banners, blank lines
    size_t open = line.find("/*");
    if (open == std::string_view::npos) {
      body.append(line).push_back('\n');
      continue;
    }
    body.append(line.substr(0, open)).push_back('\n');
    state = kComment;
    std::string_view rest = line.substr(open + 2);
    size_t end = rest.find("*/");
    comment.append(rest.substr(0, end == std::string_view::npos ? rest.size() : end)).push_back('\n');
    if (end != std::string_view::npos) finish();
  }
  if (!stop) finish();
  return suite;
}

ValidationSuite ParsePetrarchSuite(std::string_view raw, std::string_view file_name) {
  ValidationSuite suite;
  suite.format = SuiteFormat::kPetrarch;
  std::string text = StripComments(raw);
  std::string_view s = text;
  std::string_view env = Element(s, "Environment");
  auto named = [&](std::string_view tag, std::vector<std::string>* out) {
    std::string v(Trim(Element(env, tag)));
    if (!v.empty()) out->push_back(v);
  };
  named("Verbfile", &suite.verb_files);
  named("Actorfile", &suite.actor_files);
  named("Agentfile", &suite.agent_files);
  named("Discardfile", &suite.discard_files);
  std::set<std::string> include;
  {
    std::istringstream words{std::string(Element(env, "Include"))};
    for (std::string w; words >> w;) include.insert(w);
  }
  for (size_t p = s.find("<Sentence "); p != std::string_view::npos; p = s.find("<Sentence ", p + 1)) {
    size_t tag_end = s.find('>', p);
    size_t end = s.find("</Sentence>", p);
    if (tag_end == std::string_view::npos || end == std::string_view::npos) {
      suite.issues.push_back(std::string(file_name) + ": unterminated <Sentence> at byte " + std::to_string(p));
      break;
    }
    std::string_view tag = s.substr(p, tag_end - p);
    std::string_view body = s.substr(tag_end + 1, end - tag_end - 1);
    ValidationRecord r;
    r.line = static_cast<uint32_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(p), '\n') + 1);
    r.id = Attribute(tag, "id");
    r.date = IsoDate(Attribute(tag, "date"));
    r.category = Attribute(tag, "category");
    r.text = Squeeze(Decode(Element(body, "Text")));
    for (size_t q = body.find("<EventCoding"); q != std::string_view::npos; q = body.find("<EventCoding", q + 1)) {
      size_t qe = body.find('>', q);
      if (qe == std::string_view::npos) break;
      std::string_view ev = body.substr(q, qe - q);
      std::string error = Attribute(ev, "error");
      if (!error.empty()) {
        r.note = "error: " + error;
        continue;
      }
      if (!Attribute(ev, "noevents").empty()) {
        r.note = "noevents";
        continue;
      }
      CodedTriple t{Attribute(ev, "sourcecode"), Attribute(ev, "targetcode"), Attribute(ev, "eventcode")};
      if (!t.code.empty()) r.expected.push_back(std::move(t));
    }
    p = end;
    if (!include.empty() && include.count(r.category) == 0) continue;
    if (r.text.empty()) {
      suite.issues.push_back(std::string(file_name) + ":" + std::to_string(r.line) + ": sentence " + r.id +
                             " has no <Text>");
      continue;
    }
    suite.records.push_back(std::move(r));
  }
  return suite;
}

Result<ValidationSuite> ReadValidationSuite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  std::string text = ss.str();
  fs::path dir = fs::path(path).parent_path();
  std::error_code ec;
  if (DetectSuiteFormat(text) == SuiteFormat::kPetrarch) {
    ValidationSuite suite = ParsePetrarchSuite(text, path);
    auto resolve = [&](std::vector<std::string>* files) {
      for (auto& f : *files) {
        fs::path in_dicts = dir / "validate_dicts" / f;
        f = (fs::exists(in_dicts, ec) ? in_dicts : dir / f).string();
      }
    };
    resolve(&suite.verb_files);
    resolve(&suite.actor_files);
    resolve(&suite.agent_files);
    resolve(&suite.discard_files);
    return suite;
  }
  ValidationSuite suite = ParseTabariSuite(text, path);
  // The dictionaries: the .project file beside the suite that names this text file (else any).
  std::string own = fs::path(path).filename().string();
  std::vector<fs::path> projects;
  for (const auto& entry : fs::directory_iterator(dir.empty() ? "." : dir, ec)) {
    if (entry.path().extension() == ".project") projects.push_back(entry.path());
  }
  std::sort(projects.begin(), projects.end());
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& project : projects) {
      std::ifstream pf(project);
      std::string content((std::istreambuf_iterator<char>(pf)), std::istreambuf_iterator<char>());
      if (pass == 0 && content.find(own) == std::string::npos) continue;
      std::istringstream lines(content);
      for (std::string line; std::getline(lines, line);) {
        std::string_view l = Trim(line);
        auto value = [&](std::string_view key) -> std::string {
          if (!l.starts_with(key)) return {};
          return (dir / std::string(Trim(l.substr(key.size())))).string();
        };
        if (auto v = value("<actorsfile>"); !v.empty()) suite.actor_files.push_back(v);
        if (auto v = value("<agentsfile>"); !v.empty()) suite.agent_files.push_back(v);
        if (auto v = value("<verbsfile>"); !v.empty()) suite.verb_files.push_back(v);
      }
      return suite;
    }
  }
  return suite;
}

RecordScore ScoreRecord(const ValidationRecord& record, std::vector<CodedTriple> got) {
  RecordScore score;
  std::set<CodedTriple> want(record.expected.begin(), record.expected.end());
  std::set<CodedTriple> have(got.begin(), got.end());
  for (const auto& t : want) {
    if (have.count(t) == 0) score.missing.push_back(t);
  }
  for (const auto& t : have) {
    if (want.count(t) == 0) score.extra.push_back(t);
  }
  score.right = score.missing.empty() && score.extra.empty();
  return score;
}

}  // namespace dyad::eval
