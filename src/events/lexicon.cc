#include "events/lexicon.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/read_file.h"
#include "core/tsv_table.h"
#include "ontology/ontology_tables.h"

namespace dyad::events {
namespace {

namespace fs = std::filesystem;

std::string Stem(std::string_view file) { return fs::path(std::string(file)).stem().string(); }



}  // namespace

void EventLexicon::Index(uint32_t i) {
  auto& table = patterns_[i].kind == TriggerKind::kVerb ? verbs_ : nouns_;
  for (const std::string& lemma : patterns_[i].trigger) table[lemma].push_back(i);
}

void EventLexicon::SortTriggerLists() {
  auto by_specificity = [&](uint32_t a, uint32_t b) {
    return patterns_[a].specificity() > patterns_[b].specificity();
  };
  for (auto* table : {&verbs_, &nouns_})
    for (auto& [lemma, list] : *table) std::stable_sort(list.begin(), list.end(), by_specificity);
}

void EventLexicon::Add(EventPattern pattern) {
  patterns_.push_back(std::move(pattern));
  Index(static_cast<uint32_t>(patterns_.size() - 1));
  SortTriggerLists();
}

Status EventLexicon::AddPatterns(std::string_view text, std::string_view file) {
  const std::string stem = Stem(file);
  TsvTableOptions options;
  options.min_columns = 3;
  options.reject_stray_spaces = true;
  auto rows = WalkTsvTable(text, file, {"cameo", "kind", "pattern", "flags"}, options,
                           [&](const std::vector<std::string_view>& c, int line) -> Status {
                             auto p = ParsePattern(c[0], c[1], c[2], c[3], stem);
                             if (!p.ok()) return TableLineError(file, line, p.status().message());
                             p->file = std::string(file);
                             p->line = line;
                             patterns_.push_back(std::move(*p));
                             Index(static_cast<uint32_t>(patterns_.size() - 1));
                             return Status::Ok();
                           });
  SortTriggerLists();
  return rows.ok() ? Status::Ok() : rows.status();
}

Status EventLexicon::AddIntents(std::string_view text, std::string_view file) {
  TsvTableOptions options;
  options.min_columns = 3;
  options.reject_stray_spaces = true;
  auto rows = WalkTsvTable(text, file, {"cameo", "intent", "threat", "note"}, options,
                           [&](const std::vector<std::string_view>& c, int line) -> Status {
                             for (size_t i = 0; i < 3; ++i)
                               if (!(i > 0 && c[i].empty()) && !IsCameoCode(c[i]))
                                 return TableLineError(file, line, "'" + std::string(c[i]) + "' is not a CAMEO code");
                             if (!intents_.emplace(std::string(c[0]), IntentRow{std::string(c[1]), std::string(c[2])}).second)
                               return TableLineError(file, line, "code " + std::string(c[0]) + " repeats");
                             return Status::Ok();
                           });
  return rows.ok() ? Status::Ok() : rows.status();
}

Status EventLexicon::AddGovernors(std::string_view text, std::string_view file) {
  TsvTableOptions options;
  options.min_columns = 2;
  options.reject_stray_spaces = true;
  auto rows = WalkTsvTable(
      text, file, {"lemma", "effect", "cameo", "note"}, options,
      [&](const std::vector<std::string_view>& c, int line) -> Status {
        Governor g;
        if (c[1] == "intended") g.effect = GovernorEffect::kIntended;
        else if (c[1] == "threatened") g.effect = GovernorEffect::kThreatened;
        else if (c[1] == "refused") g.effect = GovernorEffect::kRefused;
        else if (c[1] == "hypothetical") g.effect = GovernorEffect::kHypothetical;
        else if (c[1] == "attempted") g.effect = GovernorEffect::kAttempted;
        else return TableLineError(file, line, "effect '" + std::string(c[1]) +
                                                   "' must be intended, threatened, refused, hypothetical or attempted");
        if (!c[2].empty() && !IsCameoCode(c[2]))
          return TableLineError(file, line, "'" + std::string(c[2]) + "' is not a CAMEO code");
        g.cameo = std::string(c[2]);
        if (c[0].empty()) return TableLineError(file, line, "empty lemma");
        if (!governors_.emplace(std::string(c[0]), std::move(g)).second)
          return TableLineError(file, line, "governor '" + std::string(c[0]) + "' repeats");
        return Status::Ok();
      });
  return rows.ok() ? Status::Ok() : rows.status();
}

const std::vector<uint32_t>* EventLexicon::Triggered(TriggerKind kind, std::string_view lemma) const {
  const auto& table = kind == TriggerKind::kVerb ? verbs_ : nouns_;
  auto it = table.find(lemma);
  return it == table.end() ? nullptr : &it->second;
}

const Governor* EventLexicon::FindGovernor(std::string_view lemma) const {
  auto it = governors_.find(lemma);
  return it == governors_.end() ? nullptr : &it->second;
}

std::string EventLexicon::IntentCode(std::string_view code, bool threat) const {
  for (size_t n = code.size(); n >= 2; --n) {
    auto it = intents_.find(code.substr(0, n));
    if (it == intents_.end()) continue;
    const std::string& to = threat ? it->second.threat : it->second.intent;
    if (!to.empty()) return to;
  }
  return std::string(code);
}

std::vector<std::string> CheckEventLexicon(const EventLexicon& lexicon, const Ontology& ontology) {
  std::vector<std::string> problems;
  std::set<std::string> seen;
  auto where = [](const EventPattern& p) { return p.file + ":" + std::to_string(p.line) + ": "; };
  for (const EventPattern& p : lexicon.patterns()) {
    if (!ontology.FindCameo(p.cameo)) problems.push_back(where(p) + "unknown CAMEO code " + p.cameo);
    if (!p.pair_code.empty() && !ontology.FindCameo(p.pair_code))
      problems.push_back(where(p) + "unknown pair code " + p.pair_code);
    // The same words limited to armed or unarmed actors are a separate rule (it comes first; the other
    // catches the rest).
    std::string key = (p.kind == TriggerKind::kVerb ? "verb " : "noun ") + p.id.substr(p.id.find(':') + 1) +
                      (p.armed ? " (armed)" : "") + (p.unarmed ? " (unarmed)" : "") +
                      (p.speakers ? " (speakers)" : "");
    if (!seen.insert(key).second) problems.push_back(where(p) + "repeats pattern '" + key + "'");
  }
  return problems;
}

Result<EventLexicon> LoadEventLexicon(const std::string& dir) {
  EventLexicon lexicon;
  const fs::path root(dir);
  std::error_code ec;
  if (!fs::is_directory(root / "patterns", ec)) return Status::NotFound(dir + "/patterns: no such folder");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(root / "patterns", ec))
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    auto text = ReadWholeFile(f.string());
    if (!text.ok()) return text.status();
    DYAD_RETURN_IF_ERROR(lexicon.AddPatterns(*text, "patterns/" + f.filename().string()));
  }
  auto intents = ReadWholeFile((root / "intent.tsv").string());
  if (!intents.ok()) return intents.status();
  DYAD_RETURN_IF_ERROR(lexicon.AddIntents(*intents, "intent.tsv"));
  auto governors = ReadWholeFile((root / "governors.tsv").string());
  if (!governors.ok()) return governors.status();
  DYAD_RETURN_IF_ERROR(lexicon.AddGovernors(*governors, "governors.tsv"));
  return lexicon;
}

}  // namespace dyad::events
