#include "extract/timex_timeml.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dyad::extract {
namespace {

// Value of attribute name="..." inside one tag's text, or empty.
std::string Attribute(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    bool boundary = pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n');
    size_t eq = pos + name.size();
    if (boundary && eq + 1 < tag.size() && tag[eq] == '=' && (tag[eq + 1] == '"' || tag[eq + 1] == '\'')) {
      char q = tag[eq + 1];
      size_t close = tag.find(q, eq + 2);
      if (close == std::string_view::npos) return {};
      return std::string(tag.substr(eq + 2, close - eq - 2));
    }
    pos = eq;
  }
  return {};
}

bool DecodeEntity(std::string_view s, size_t* i, std::string* out) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (const auto& [name, c] : kEntities) {
    if (s.substr(*i, name.size()) == name) {
      out->push_back(c);
      *i += name.size();
      return true;
    }
  }
  return false;
}

double F1(size_t right, size_t gold, size_t system) {
  if (gold + system == 0) return 1.0;
  return 2.0 * static_cast<double>(right) / static_cast<double>(gold + system);
}

}  // namespace

Result<TimeMlDocument> ReadTimeMl(std::string_view xml) {
  TimeMlDocument doc;
  if (size_t a = xml.find("<DOCID>"); a != std::string_view::npos) {
    size_t b = xml.find("</DOCID>", a);
    if (b != std::string_view::npos) doc.id = std::string(xml.substr(a + 7, b - a - 7));
  }
  // The creation time: a TIMEX3 tag carrying functionInDocument="CREATION_TIME".
  for (size_t pos = xml.find("<TIMEX3"); pos != std::string_view::npos; pos = xml.find("<TIMEX3", pos + 1)) {
    size_t close = xml.find('>', pos);
    if (close == std::string_view::npos) break;
    std::string_view tag = xml.substr(pos, close - pos);
    if (Attribute(tag, "functionInDocument") == "CREATION_TIME") {
      doc.dct = Attribute(tag, "value");
      break;
    }
  }
  size_t start = xml.find("<TEXT>");
  size_t stop = xml.find("</TEXT>");
  if (start == std::string_view::npos || stop == std::string_view::npos || stop < start)
    return Status::InvalidInput("no <TEXT> element");
  std::string_view body = xml.substr(start + 6, stop - start - 6);
  bool open = false;
  GoldTimex current;
  size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c == '&') {
      if (!DecodeEntity(body, &i, &doc.text)) doc.text.push_back(body[i++]);
      continue;
    }
    if (c != '<') {
      doc.text.push_back(c);
      ++i;
      continue;
    }
    size_t close = body.find('>', i);
    if (close == std::string_view::npos) return Status::InvalidInput("unterminated tag");
    std::string_view tag = body.substr(i, close - i + 1);
    if (tag.starts_with("<TIMEX3")) {
      if (open) return Status::InvalidInput("nested TIMEX3");
      open = true;
      current = GoldTimex{doc.text.size(), 0, Attribute(tag, "type"), Attribute(tag, "value")};
      if (tag.ends_with("/>")) open = false;  // empty TIMEX3: no text span
    } else if (tag.starts_with("</TIMEX3")) {
      if (!open) return Status::InvalidInput("</TIMEX3> without <TIMEX3>");
      open = false;
      current.end = doc.text.size();
      if (current.end > current.begin) doc.timexes.push_back(current);
    }
    i = close + 1;
  }
  if (open) return Status::InvalidInput("unclosed TIMEX3");
  return doc;
}

TimexScores ScoreTimexes(const std::vector<GoldTimex>& gold, const std::vector<GoldTimex>& system,
                         std::vector<std::pair<size_t, size_t>>* pairs) {
  TimexScores s;
  s.gold = gold.size();
  s.system = system.size();
  if (pairs) pairs->clear();
  // Both lists are in text order and not overlapping among themselves: one merge pass.
  std::vector<bool> used(system.size(), false);
  size_t first = 0;
  for (size_t g = 0; g < gold.size(); ++g) {
    while (first < system.size() && system[first].end <= gold[g].begin) ++first;
    for (size_t k = first; k < system.size() && system[k].begin < gold[g].end; ++k) {
      if (used[k]) continue;
      used[k] = true;
      ++s.relaxed;
      if (system[k].begin == gold[g].begin && system[k].end == gold[g].end) ++s.strict;
      if (system[k].value == gold[g].value) ++s.value_right;
      if (system[k].type == gold[g].type) ++s.type_right;
      if (pairs) pairs->emplace_back(g, k);
      break;
    }
  }
  return s;
}

void TimexScores::Add(const TimexScores& o) {
  gold += o.gold;
  system += o.system;
  relaxed += o.relaxed;
  strict += o.strict;
  value_right += o.value_right;
  type_right += o.type_right;
}
double TimexScores::RelaxedF1() const { return F1(relaxed, gold, system); }
double TimexScores::StrictF1() const { return F1(strict, gold, system); }
double TimexScores::ValueAccuracy() const {
  return relaxed == 0 ? 0.0 : static_cast<double>(value_right) / static_cast<double>(relaxed);
}
double TimexScores::ValueF1() const { return F1(value_right, gold, system); }

namespace {

std::string Clip(const std::string& text, size_t b, size_t e) {
  b = std::min(b, text.size());
  e = std::min(std::max(e, b), text.size());
  std::string s = text.substr(b, e - b);
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

std::string Context(const std::string& text, size_t b, size_t e) {
  return "..." + Clip(text, b > 40 ? b - 40 : 0, e + 40) + "...";
}

}  // namespace

Result<TimeMlEvaluation> EvaluateTimeMl(const std::string& path, const std::function<Status(Document&)>& analyze,
                                        size_t max_differences) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(path, ec))
      if (e.is_regular_file() && e.path().extension() == ".tml") files.push_back(e.path());
  } else if (fs::exists(path, ec)) {
    files.emplace_back(path);
  }
  if (files.empty()) return Status::NotFound(path + ": no .tml files");
  std::sort(files.begin(), files.end());
  TimeMlEvaluation out;
  auto note = [&](std::string line) {
    if (out.differences.size() < max_differences) out.differences.push_back(std::move(line));
  };
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::IoError(file.string() + ": cannot read");
    std::stringstream ss;
    ss << in.rdbuf();
    auto gold = ReadTimeMl(ss.str());
    if (!gold.ok()) return Status(gold.status().code(), file.string() + ": " + gold.status().message());
    DocumentMeta meta;
    meta.id = gold->id;
    meta.date = gold->dct.substr(0, std::min<size_t>(10, gold->dct.size()));
    Document doc(gold->text, meta);
    if (Status st = analyze(doc); !st.ok()) return Status(st.code(), file.string() + ": " + st.message());
    std::vector<GoldTimex> system;
    for (const TimexRow& t : doc.timexes())
      system.push_back({doc.tokens()[t.first_token].begin, doc.tokens()[t.end_token - 1].end,
                        std::string(doc.Str(t.type)), std::string(doc.Str(t.value))});
    std::vector<std::pair<size_t, size_t>> pairs;
    out.scores.Add(ScoreTimexes(gold->timexes, system, &pairs));
    ++out.documents;
    if (out.differences.size() >= max_differences) continue;
    const std::string& text = doc.text();
    std::vector<bool> gold_hit(gold->timexes.size()), sys_hit(system.size());
    for (auto [g, k] : pairs) {
      gold_hit[g] = sys_hit[k] = true;
      const GoldTimex &gt = gold->timexes[g], &st = system[k];
      if (gt.value != st.value || gt.begin != st.begin || gt.end != st.end)
        note(gold->id + "\tdiff\tgold [" + Clip(text, gt.begin, gt.end) + "] " + gt.type + " " + gt.value +
             "\tsys [" + Clip(text, st.begin, st.end) + "] " + st.type + " " + st.value);
    }
    for (size_t g = 0; g < gold_hit.size(); ++g)
      if (!gold_hit[g]) {
        const GoldTimex& gt = gold->timexes[g];
        note(gold->id + "\tmiss\t[" + Clip(text, gt.begin, gt.end) + "] " + gt.type + " " + gt.value + "\t" +
             Context(text, gt.begin, gt.end));
      }
    for (size_t k = 0; k < sys_hit.size(); ++k)
      if (!sys_hit[k]) {
        const GoldTimex& st = system[k];
        note(gold->id + "\tfalse\t[" + Clip(text, st.begin, st.end) + "] " + st.type + " " + st.value + "\t" +
             Context(text, st.begin, st.end));
      }
  }
  return out;
}

}  // namespace dyad::extract
