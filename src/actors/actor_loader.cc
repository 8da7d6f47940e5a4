#include "actors/actor_loader.h"

#include <array>
#include <chrono>
#include <cstdlib>
#include <set>

namespace dyad::actors {

std::string DefaultDataDir() {
  if (const char* env = std::getenv("DYAD_DATA"); env != nullptr && *env != '\0') return env;
  return std::string(DYAD_SOURCE_DIR) + "/data";
}

Result<std::shared_ptr<const ActorIndex>> LoadActorIndex(const ActorLoadOptions& options,
                                                         ActorLoadReport* report) {
  auto start = std::chrono::steady_clock::now();
  ActorLoadReport local;
  ActorLoadReport& rep = report != nullptr ? *report : local;
  auto index = std::make_shared<ActorIndex>();
  if (!options.dict_only) {
    std::string dir = (options.data_dir.empty() ? DefaultDataDir() : options.data_dir) + "/actors";
    Result<ActorTables> tables = LoadActorTables(dir);
    if (!tables.ok()) return tables.status();
    rep.countries = tables->countries.size();
    rep.regions = tables->regions.size();
    rep.organisations = tables->organisations.size();
    rep.agents = tables->agents.size();
    rep.person_rows = tables->persons.size();
    index->AddTables(*tables);
  }
  for (const auto& path : options.dicts) {
    Result<TabariImportStats> st = ImportTabariFile(path, index.get());
    if (!st.ok()) return st.status();
    rep.imports.push_back(std::move(st).value());
  }
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::shared_ptr<const ActorIndex>(std::move(index));
}

std::vector<std::string> CountriesWithoutLeader(const ActorTables& tables, int date) {
  static constexpr std::array<std::string_view, 18> kTitles = {
      "President", "Prime Minister", "King", "Queen", "Emir", "Amir", "Sultan", "Chancellor",
      "Supreme Leader", "Premier", "Head of", "Chairman", "Taoiseach", "Grand Duke", "Pope", "Captain",
      "Prince", "Chief Executive"};
  std::set<std::string> led;
  for (const auto& p : tables.persons) {
    if (p.code.size() != 6 || p.code.compare(3, 3, "GOV") != 0) continue;
    int from = p.from.empty() ? 0 : p.from.Earliest();
    int to = p.to.empty() ? 99999999 : p.to.Latest();
    if (date < from || date > to) continue;
    for (auto t : kTitles) {
      if (p.role.find(t) != std::string::npos) {  // "Acting President", "Interim President"
        led.insert(p.code.substr(0, 3));
        break;
      }
    }
  }
  std::vector<std::string> missing;
  for (const auto& c : tables.countries) {
    if (c.code.size() == 3 && led.count(c.code) == 0) missing.push_back(c.code + " " + c.name);
  }
  return missing;
}

}  // namespace dyad::actors

namespace dyad::actors {

std::vector<char*> TakeRepeatedFlag(int argc, char** argv, std::string_view flag, std::vector<std::string>* values) {
  std::vector<char*> rest;
  std::string prefix = std::string(flag) + "=";
  for (int i = 0; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == flag && i + 1 < argc) {
      values->emplace_back(argv[++i]);
    } else if (a.starts_with(prefix)) {
      values->emplace_back(a.substr(prefix.size()));
    } else {
      rest.push_back(argv[i]);
    }
  }
  return rest;
}

}  // namespace dyad::actors
