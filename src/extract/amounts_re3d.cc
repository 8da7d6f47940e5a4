#include "extract/amounts_re3d.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

namespace dyad::extract {
namespace {

namespace fs = std::filesystem;

struct Span {
  size_t begin = 0, end = 0;  // bytes
  std::string type;
};

Status ReadJsonLines(const fs::path& path, std::vector<nlohmann::json>* out) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read " + path.string());
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return Status::InvalidInput(path.string() + ":" + std::to_string(number) + ": not a JSON object");
    out->push_back(std::move(j));
  }
  return Status::Ok();
}

std::string Clip(const std::string& text, size_t b, size_t e) {
  b = std::min(b, text.size());
  e = std::min(std::max(e, b), text.size());
  std::string s = text.substr(b, e - b);
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

size_t Number(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer() || it->get<long long>() < 0) return SIZE_MAX;
  return static_cast<size_t>(it->get<long long>());
}

std::string Text(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::vector<size_t> Utf16ToByteOffsets(const std::string& text) {
  std::vector<size_t> map;
  map.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > text.size()) len = 1;
    map.push_back(i);
    if (len == 4) map.push_back(i);  // a surrogate pair is two code units
    i += len;
  }
  map.push_back(text.size());
  return map;
}

double AmountEvaluation::Precision(bool s) const {
  return system ? static_cast<double>(s ? strict : relaxed) / static_cast<double>(system) : 0.0;
}
double AmountEvaluation::Recall(bool s) const {
  return gold ? static_cast<double>(s ? strict : relaxed) / static_cast<double>(gold) : 0.0;
}
double AmountEvaluation::F1(bool s) const {
  return gold + system ? 2.0 * static_cast<double>(s ? strict : relaxed) / static_cast<double>(gold + system) : 0.0;
}

Result<AmountEvaluation> EvaluateRe3d(const std::string& root_path, const std::function<Status(Document&)>& analyze,
                                      size_t max_differences) {
  fs::path root = root_path;
  std::error_code ec;
  if (fs::exists(root / "original", ec)) root /= "original";
  std::vector<fs::path> folders;
  for (const auto& e : fs::directory_iterator(root, ec))
    if (e.is_directory() && fs::exists(e.path() / "documents.json")) folders.push_back(e.path());
  if (folders.empty()) return Status::NotFound(root.string() + ": no */documents.json (re3d format)");
  std::sort(folders.begin(), folders.end());
  AmountEvaluation out;
  auto note = [&](std::string line) {
    if (out.differences.size() < max_differences) out.differences.push_back(std::move(line));
  };
  for (const fs::path& folder : folders) {
    std::vector<nlohmann::json> documents, entities;
    DYAD_RETURN_IF_ERROR(ReadJsonLines(folder / "documents.json", &documents));
    DYAD_RETURN_IF_ERROR(ReadJsonLines(folder / "entities.json", &entities));
    std::map<std::string, std::vector<std::pair<std::pair<size_t, size_t>, std::string>>> gold_units;
    for (const auto& e : entities) {
      std::string type = Text(e, "type");
      if (type == "Money" || type == "Quantity")
        gold_units[Text(e, "documentId")].push_back({{Number(e, "begin"), Number(e, "end")}, type});
    }
    for (const auto& d : documents) {
      std::string id = Text(d, "_id");
      Document doc(Text(d, "text"));
      doc.meta().id = id;
      if (Status st = analyze(doc); !st.ok()) return Status(st.code(), id + ": " + st.message());
      ++out.documents;
      std::vector<size_t> map = Utf16ToByteOffsets(doc.text());
      std::vector<Span> gold, system;
      for (const auto& [range, type] : gold_units[id]) {
        auto [b, e] = range;
        if (b >= e || e >= map.size()) continue;
        Span s{map[b], map[e], type};
        bool dup = std::any_of(gold.begin(), gold.end(), [&](const Span& g) { return g.begin == s.begin && g.end == s.end; });
        if (!dup) gold.push_back(s);
      }
      std::sort(gold.begin(), gold.end(), [](const Span& x, const Span& y) { return x.begin < y.begin; });
      for (const AmountRow& r : doc.amounts())
        system.push_back({doc.tokens()[r.first_token].begin, doc.tokens()[r.end_token - 1].end, std::string(doc.Str(r.kind))});
      // Both lists are sorted; system spans do not overlap each other: one forward pass.
      std::vector<bool> used(system.size()), hit(gold.size());
      size_t first = 0;
      for (size_t g = 0; g < gold.size(); ++g) {
        while (first < system.size() && system[first].end <= gold[g].begin) ++first;
        for (size_t k = first; k < system.size() && system[k].begin < gold[g].end; ++k) {
          if (used[k]) continue;
          used[k] = hit[g] = true;
          ++out.relaxed;
          if (system[k].begin == gold[g].begin && system[k].end == gold[g].end) ++out.strict;
          break;
        }
        auto& t = out.recall_by_type[gold[g].type];
        t.first += hit[g] ? 1 : 0;
        ++t.second;
      }
      out.gold += gold.size();
      out.system += system.size();
      const std::string& text = doc.text();
      for (size_t g = 0; g < gold.size(); ++g)
        if (!hit[g])
          note("miss\t" + gold[g].type + "\t[" + Clip(text, gold[g].begin, gold[g].end) + "]\t..." +
               Clip(text, gold[g].begin > 30 ? gold[g].begin - 30 : 0, gold[g].end + 30) + "...");
      for (size_t k = 0; k < system.size(); ++k)
        if (!used[k])
          note("false\t" + system[k].type + "\t[" + Clip(text, system[k].begin, system[k].end) + "]\t..." +
               Clip(text, system[k].begin > 30 ? system[k].begin - 30 : 0, system[k].end + 30) + "...");
    }
  }
  return out;
}

}  // namespace dyad::extract
