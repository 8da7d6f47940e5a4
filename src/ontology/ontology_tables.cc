// Parsing, lookup and checking of the CAMEO / PLOVER ontology tables.
#include "ontology/ontology_tables.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <initializer_list>
#include <set>
#include <utility>

#include "core/read_file.h"
#include "core/split.h"
#include "core/tsv_table.h"
#include "core/utf8.h"

namespace dyad {
namespace {

std::string Where(std::string_view file, int line) { return std::string(file) + ":" + std::to_string(line) + ": "; }

// Every table here rejects cells with stray spaces; the format rules themselves live in core/tsv_table.h.
template <typename OnRow>
Result<int> ParseTable(std::string_view text, std::string_view file, std::initializer_list<std::string_view> header,
                       OnRow&& on_row) {
  TsvTableOptions options;
  options.reject_stray_spaces = true;
  return WalkTsvTable(text, file, header, options, std::forward<OnRow>(on_row));
}


bool IsRoot(std::string_view s) {
  if (s.size() != 2 || !IsCameoCode(s)) return false;
  int n = (s[0] - '0') * 10 + (s[1] - '0');
  return n >= 1 && n <= 20;
}

// Strict decimal: optional '-', digits, optional '.' and digits. No exponent, no '+', no spaces.
bool ParseDecimal(std::string_view s, double* out) {
  if (s.empty()) return false;
  size_t i = s[0] == '-' ? 1 : 0;
  size_t digits = 0;
  bool dot = false;
  for (size_t j = i; j < s.size(); ++j) {
    if (s[j] == '.' && !dot) {
      dot = true;
    } else if (s[j] >= '0' && s[j] <= '9') {
      ++digits;
    } else {
      return false;
    }
  }
  if (digits == 0 || s.back() == '.') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);  // locale-independent
  return ec == std::errc() && p == s.data() + s.size();
}

bool IsUpperWord(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= 'A' && c <= 'Z'; });
}

// Lower-case ASCII letters, digits, '_' and '-': the spelling of PLOVER modes and contexts.
bool IsLowerToken(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

Status CheckTokens(const std::vector<std::string>& items, std::string_view what, std::string_view file, int line) {
  for (const std::string& item : items) {
    if (!IsLowerToken(item)) {
      return TableLineError(file, line,
                       std::string(what) + " '" + item + "' must be lower-case letters, digits, '_' or '-'");
    }
  }
  return Status::Ok();
}


constexpr std::string_view kCategories[] = {"verbal cooperation", "material cooperation", "verbal conflict",
                                            "material conflict"};

}  // namespace

bool IsCameoCode(std::string_view s) {
  return s.size() >= 2 && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

QuadClass QuadClassOfRoot(std::string_view root) {
  assert(IsRoot(root));
  int n = (root[0] - '0') * 10 + (root[1] - '0');
  if (n <= 5) return QuadClass::kVerbalCooperation;
  if (n <= 9) return QuadClass::kMaterialCooperation;
  if (n <= 14) return QuadClass::kVerbalConflict;
  return QuadClass::kMaterialConflict;
}

// ---------------------------------------------------------------------------------------------------
// Parsers

Result<int> ParseCameoEvents(std::string_view text, std::string_view file, std::vector<CameoEvent>* out) {
  return ParseTable(text, file, {"code", "name", "goldstein", "quad_class", "description"},
                    [&](const std::vector<std::string_view>& c, int line) -> Status {
                      CameoEvent e;
                      e.code = std::string(c[0]);
                      if (!IsCameoCode(e.code))
                        return TableLineError(file, line, "code '" + e.code + "' must be 2-4 digits");
                      if (!IsRoot(e.root())) {
                        return TableLineError(file, line, "code '" + e.code + "' must start with a root 01-20");
                      }
                      if (c[1].empty()) return TableLineError(file, line, "empty name");
                      e.name = std::string(c[1]);
                      if (!ParseDecimal(c[2], &e.goldstein)) {
                        return TableLineError(file, line, "goldstein '" + std::string(c[2]) + "' is not a decimal number");
                      }
                      if (c[3].size() != 1 || c[3][0] < '1' || c[3][0] > '4') {
                        return TableLineError(file, line, "quad_class '" + std::string(c[3]) + "' must be 1, 2, 3 or 4");
                      }
                      e.quad_class = static_cast<QuadClass>(c[3][0] - '0');
                      if (c[4].empty()) return TableLineError(file, line, "empty description");
                      e.description = std::string(c[4]);
                      e.line = line;
                      out->push_back(std::move(e));
                      return Status::Ok();
                    });
}

Result<int> ParsePloverTypes(std::string_view text, std::string_view file, std::vector<PloverType>* out) {
  return ParseTable(text, file, {"type", "category", "modes", "description"},
                    [&](const std::vector<std::string_view>& c, int line) -> Status {
                      PloverType t;
                      t.type = std::string(c[0]);
                      if (!IsUpperWord(t.type))
                        return TableLineError(file, line, "type '" + t.type + "' must be upper-case letters");
                      t.category = std::string(c[1]);
                      t.modes = SplitList(c[2]);
                      DYAD_RETURN_IF_ERROR(CheckTokens(t.modes, "mode", file, line));
                      if (c[3].empty()) return TableLineError(file, line, "empty description");
                      t.description = std::string(c[3]);
                      t.line = line;
                      out->push_back(std::move(t));
                      return Status::Ok();
                    });
}

Result<int> ParsePloverContexts(std::string_view text, std::string_view file, std::vector<PloverContext>* out) {
  return ParseTable(text, file, {"context", "description"},
                    [&](const std::vector<std::string_view>& c, int line) -> Status {
                      PloverContext x;
                      x.context = std::string(c[0]);
                      DYAD_RETURN_IF_ERROR(CheckTokens({x.context}, "context", file, line));
                      if (c[1].empty()) return TableLineError(file, line, "empty description");
                      x.description = std::string(c[1]);
                      x.line = line;
                      out->push_back(std::move(x));
                      return Status::Ok();
                    });
}

Result<int> ParseCameoToPlover(std::string_view text, std::string_view file, std::vector<CameoToPlover>* out) {
  return ParseTable(text, file, {"cameo_code", "plover_type", "plover_mode", "plover_context", "note"},
                    [&](const std::vector<std::string_view>& c, int line) -> Status {
                      CameoToPlover m;
                      m.cameo_code = std::string(c[0]);
                      if (!IsCameoCode(m.cameo_code)) {
                        return TableLineError(file, line, "cameo_code '" + m.cameo_code + "' must be 2-4 digits");
                      }
                      m.plover_type = std::string(c[1]);
                      if (!m.plover_type.empty() && !IsUpperWord(m.plover_type)) {
                        return TableLineError(file, line, "plover_type '" + m.plover_type + "' must be upper-case letters");
                      }
                      m.plover_modes = SplitList(c[2]);
                      DYAD_RETURN_IF_ERROR(CheckTokens(m.plover_modes, "plover_mode", file, line));
                      m.plover_contexts = SplitList(c[3]);
                      DYAD_RETURN_IF_ERROR(CheckTokens(m.plover_contexts, "plover_context", file, line));
                      m.note = std::string(c[4]);
                      m.line = line;
                      out->push_back(std::move(m));
                      return Status::Ok();
                    });
}

// ---------------------------------------------------------------------------------------------------
// Lookups

namespace {

template <typename Row, typename Key>
void Index(const std::vector<Row>& rows, Key key, std::map<std::string, size_t, std::less<>>* index) {
  index->clear();
  for (size_t i = 0; i < rows.size(); ++i) index->emplace(key(rows[i]), i);  // first row wins
}

template <typename Row>
const Row* Lookup(const std::vector<Row>& rows, const std::map<std::string, size_t, std::less<>>& index,
                  std::string_view key) {
  auto it = index.find(key);
  return it == index.end() || it->second >= rows.size() ? nullptr : &rows[it->second];
}

}  // namespace

void Ontology::BuildIndex() {
  Index(
      cameo_events, [](const CameoEvent& e) { return e.code; }, &cameo_index_);
  Index(
      plover_types, [](const PloverType& t) { return t.type; }, &type_index_);
  Index(
      plover_contexts, [](const PloverContext& x) { return x.context; }, &context_index_);
  Index(
      cameo_to_plover, [](const CameoToPlover& m) { return m.cameo_code; }, &mapping_index_);
}

const CameoEvent* Ontology::FindCameo(std::string_view code) const { return Lookup(cameo_events, cameo_index_, code); }
const PloverType* Ontology::FindPloverType(std::string_view type) const {
  return Lookup(plover_types, type_index_, type);
}
const PloverContext* Ontology::FindPloverContext(std::string_view context) const {
  return Lookup(plover_contexts, context_index_, context);
}
const CameoToPlover* Ontology::FindMapping(std::string_view cameo_code) const {
  return Lookup(cameo_to_plover, mapping_index_, cameo_code);
}

// ---------------------------------------------------------------------------------------------------
// Checker

std::vector<std::string> CheckOntology(const Ontology& o) {
  std::vector<std::string> issues;
  auto issue = [&](std::string_view file, int line, const std::string& message) {
    issues.push_back(Where(file, line) + message);
  };

  // CAMEO codes: unique, parent present, quad class from the root, Goldstein range.
  std::map<std::string, int, std::less<>> cameo_lines;
  for (const CameoEvent& e : o.cameo_events) {
    auto [it, inserted] = cameo_lines.emplace(e.code, e.line);
    if (!inserted)
      issue(kCameoEventsFile, e.line,
            "duplicate code " + e.code + " (first at line " + std::to_string(it->second) + ")");
  }
  for (const CameoEvent& e : o.cameo_events) {
    if (e.code.size() > 2 && cameo_lines.find(e.parent()) == cameo_lines.end()) {
      issue(kCameoEventsFile, e.line, "code " + e.code + " has no parent row " + std::string(e.parent()));
    }
    if (IsRoot(e.root()) && e.quad_class != QuadClassOfRoot(e.root())) {
      issue(kCameoEventsFile, e.line,
            "quad_class " + std::to_string(static_cast<int>(e.quad_class)) + " disagrees with root " +
                std::string(e.root()) + " (expected " + std::to_string(static_cast<int>(QuadClassOfRoot(e.root()))) +
                ")");
    }
    if (!(e.goldstein >= -10.0 && e.goldstein <= 10.0)) {
      issue(kCameoEventsFile, e.line, "goldstein of " + e.code + " outside [-10, 10]");
    }
  }

  // PLOVER types and contexts: unique keys, known categories, unique modes.
  std::map<std::string, const PloverType*, std::less<>> types;
  for (const PloverType& t : o.plover_types) {
    if (!types.emplace(t.type, &t).second) issue(kPloverTypesFile, t.line, "duplicate type " + t.type);
    if (std::find(std::begin(kCategories), std::end(kCategories), t.category) == std::end(kCategories)) {
      issue(kPloverTypesFile, t.line,
            "category '" + t.category + "' must be verbal/material cooperation/conflict (e.g. 'verbal conflict')");
    }
    std::set<std::string_view> modes;
    for (const std::string& m : t.modes) {
      if (!modes.insert(m).second) issue(kPloverTypesFile, t.line, "mode '" + m + "' listed twice");
    }
  }
  std::set<std::string, std::less<>> contexts;
  for (const PloverContext& x : o.plover_contexts) {
    if (!contexts.insert(x.context).second) issue(kPloverContextsFile, x.line, "duplicate context " + x.context);
  }

  // Mapping: one row per CAMEO code, names that exist.
  std::map<std::string, int, std::less<>> mapped;
  for (const CameoToPlover& m : o.cameo_to_plover) {
    auto [it, inserted] = mapped.emplace(m.cameo_code, m.line);
    if (!inserted) {
      issue(kCameoToPloverFile, m.line,
            "duplicate cameo_code " + m.cameo_code + " (first at line " + std::to_string(it->second) + ")");
    }
    if (cameo_lines.find(m.cameo_code) == cameo_lines.end()) {
      issue(kCameoToPloverFile, m.line, "cameo_code " + m.cameo_code + " is not in " + std::string(kCameoEventsFile));
    }
    const PloverType* type = nullptr;
    if (!m.plover_type.empty()) {
      auto t = types.find(m.plover_type);
      if (t == types.end()) {
        issue(kCameoToPloverFile, m.line, "unknown plover_type " + m.plover_type);
      } else {
        type = t->second;
      }
    } else if (!m.plover_modes.empty() || !m.plover_contexts.empty()) {
      issue(kCameoToPloverFile, m.line, "plover_mode or plover_context given without a plover_type");
    }
    if (type != nullptr) {
      for (const std::string& mode : m.plover_modes) {
        if (std::find(type->modes.begin(), type->modes.end(), mode) == type->modes.end()) {
          issue(kCameoToPloverFile, m.line, "mode '" + mode + "' is not a mode of " + type->type);
        }
      }
    }
    for (const std::string& c : m.plover_contexts) {
      if (contexts.find(c) == contexts.end()) issue(kCameoToPloverFile, m.line, "unknown plover_context '" + c + "'");
    }
  }
  for (const CameoEvent& e : o.cameo_events) {
    if (mapped.find(e.code) == mapped.end()) {
      issue(kCameoEventsFile, e.line, "code " + e.code + " has no row in " + std::string(kCameoToPloverFile));
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------
// Loading

namespace {

template <typename Row>
Status LoadOne(const std::filesystem::path& dir, std::string_view name,
               Result<int> (*parse)(std::string_view, std::string_view, std::vector<Row>*), std::vector<Row>* rows) {
  Result<std::string> text = ReadWholeFile((dir / std::string(name)).string());
  if (!text.ok()) return text.status();
  Result<int> n = parse(*text, name, rows);
  return n.ok() ? Status::Ok() : n.status();
}

}  // namespace

Result<Ontology> LoadOntology(const std::string& data_dir) {
  const std::filesystem::path dir(data_dir);
  Ontology o;
  DYAD_RETURN_IF_ERROR(LoadOne<CameoEvent>(dir, kCameoEventsFile, &ParseCameoEvents, &o.cameo_events));
  DYAD_RETURN_IF_ERROR(LoadOne<PloverType>(dir, kPloverTypesFile, &ParsePloverTypes, &o.plover_types));
  DYAD_RETURN_IF_ERROR(LoadOne<PloverContext>(dir, kPloverContextsFile, &ParsePloverContexts, &o.plover_contexts));
  DYAD_RETURN_IF_ERROR(LoadOne<CameoToPlover>(dir, kCameoToPloverFile, &ParseCameoToPlover, &o.cameo_to_plover));
  std::vector<std::string> issues = CheckOntology(o);
  if (!issues.empty()) {
    // The first problem leads ("file:line: message"); the next ones follow, up to kListed.
    constexpr size_t kListed = 20;
    std::string m = issues[0];
    if (issues.size() > 1) m += " (" + std::to_string(issues.size()) + " problems in " + data_dir + ")";
    for (size_t i = 1; i < issues.size() && i < kListed; ++i) m += "\n  " + issues[i];
    if (issues.size() > kListed) m += "\n  ...";
    return Status::InvalidInput(std::move(m));
  }
  o.BuildIndex();
  return o;
}

}  // namespace dyad
