// Parsing and loading of the actor tables; the cross-file checker is in actor_tables_check.cc.
#include "dict/actor_tables.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <initializer_list>
#include <utility>

#include "core/read_file.h"
#include "core/split.h"
#include "core/tsv_table.h"
#include "core/utf8.h"

namespace dyad {
namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "# reviewed to: 2025-06" -> "2025-06"; anything else -> "".
std::string ReviewedTo(std::string_view comment) {
  comment.remove_prefix(1);  // '#'
  comment = TrimSpaces(comment);
  constexpr std::string_view kKey = "reviewed to:";
  if (comment.size() < kKey.size()) return "";
  for (size_t i = 0; i < kKey.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(comment[i])) != kKey[i]) return "";
  }
  return std::string(TrimSpaces(comment.substr(kKey.size())));
}

// One table file: the rows through on_row, and the "# reviewed to:" date from its comments.
template <typename OnRow>
Result<TableFile> ParseTable(std::string_view text, std::string_view file,
                             std::initializer_list<std::string_view> header, OnRow&& on_row) {
  TableFile info;
  info.file = std::string(file);
  auto rows = WalkTsvTable(text, file, header, TsvTableOptions{}, std::forward<OnRow>(on_row),
                           [&](std::string_view comment) {
                             if (info.reviewed_to.empty()) info.reviewed_to = ReviewedTo(comment);
                           });
  if (!rows.ok()) return rows.status();
  info.rows = *rows;
  return info;
}

SourceLine Source(std::string_view file, int line) { return SourceLine{std::string(file), line}; }


}  // namespace

// ---------------------------------------------------------------------------------------------------
// PartialDate

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Parses exactly `width` ASCII digits.
bool Digits(std::string_view s, size_t width, int* out) {
  if (s.size() != width) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

std::string TwoDigits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

int PartialDate::Earliest() const { return year * 10000 + (month ? month : 1) * 100 + (day ? day : 1); }

int PartialDate::Latest() const {
  int m = month ? month : 12;
  int d = day ? day : DaysInMonth(year, m);
  return year * 10000 + m * 100 + d;
}

std::string PartialDate::ToString() const {
  if (empty()) return "";
  std::string s = std::to_string(year);
  if (month) s += "-" + TwoDigits(month);
  if (day) s += "-" + TwoDigits(day);
  return s;
}

Result<PartialDate> ParsePartialDate(std::string_view text) {
  PartialDate d;
  if (text.empty()) return d;
  auto bad = [&](std::string_view why) {
    return Status::InvalidInput("bad date '" + std::string(text) + "': " + std::string(why));
  };
  if (!Digits(text.substr(0, 4), 4, &d.year)) return bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
  if (d.year < 1000 || d.year > 2999) return bad("year out of range");
  if (text.size() == 4) return d;
  if (text.size() != 7 && text.size() != 10) return bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
  if (text[4] != '-' || !Digits(text.substr(5, 2), 2, &d.month)) return bad("expected YYYY-MM");
  if (d.month < 1 || d.month > 12) return bad("month out of range");
  if (text.size() == 7) return d;
  if (text[7] != '-' || !Digits(text.substr(8, 2), 2, &d.day)) return bad("expected YYYY-MM-DD");
  if (d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return bad("day out of range");
  return d;
}

// ---------------------------------------------------------------------------------------------------
// Parsers

using Cells = std::vector<std::string_view>;

Result<TableFile> ParseCountries(std::string_view text, std::string_view file, std::vector<CountryRow>* out) {
  return ParseTable(text, file, {"code", "iso2", "name", "aliases", "adjectives", "metonyms", "regions"},
                    [&](const Cells& c, int line) {
                      CountryRow r;
                      r.code = c[0];
                      r.iso2 = c[1];
                      r.name = c[2];
                      r.aliases = SplitList(c[3]);
                      r.adjectives = SplitList(c[4]);
                      r.metonyms = SplitList(c[5]);
                      r.regions = SplitList(c[6]);
                      r.source = Source(file, line);
                      out->push_back(std::move(r));
                      return Status::Ok();
                    });
}

Result<TableFile> ParseRegions(std::string_view text, std::string_view file, std::vector<RegionRow>* out) {
  return ParseTable(text, file, {"code", "name", "aliases", "adjectives"}, [&](const Cells& c, int line) {
    RegionRow r;
    r.code = c[0];
    r.name = c[1];
    r.aliases = SplitList(c[2]);
    r.adjectives = SplitList(c[3]);
    r.source = Source(file, line);
    out->push_back(std::move(r));
    return Status::Ok();
  });
}

Result<TableFile> ParseOrganisations(std::string_view text, std::string_view file,
                                     std::vector<OrganisationRow>* out) {
  return ParseTable(text, file, {"code", "name", "aliases", "kind", "country"}, [&](const Cells& c, int line) {
    OrganisationRow r;
    r.code = c[0];
    r.name = c[1];
    r.aliases = SplitList(c[2]);
    r.kind = c[3];
    r.country = c[4];
    r.source = Source(file, line);
    out->push_back(std::move(r));
    return Status::Ok();
  });
}

Result<TableFile> ParseAgents(std::string_view text, std::string_view file, std::vector<AgentRow>* out) {
  return ParseTable(text, file, {"noun", "plural", "role", "sector", "note"}, [&](const Cells& c, int line) {
    AgentRow r;
    r.noun = c[0];
    r.plural = c[1];
    r.role = c[2];
    r.sector = c[3];
    r.note = c[4];
    r.source = Source(file, line);
    out->push_back(std::move(r));
    return Status::Ok();
  });
}

Result<TableFile> ParsePersons(std::string_view text, std::string_view file, std::vector<PersonRow>* out) {
  return ParseTable(text, file, {"name", "aliases", "code", "from", "to", "role"}, [&](const Cells& c, int line) {
    PersonRow r;
    r.name = c[0];
    r.aliases = SplitList(c[1]);
    r.code = c[2];
    Result<PartialDate> from = ParsePartialDate(c[3]);
    if (!from.ok()) return TableLineError(file, line, "from: " + from.status().message());
    Result<PartialDate> to = ParsePartialDate(c[4]);
    if (!to.ok()) return TableLineError(file, line, "to: " + to.status().message());
    r.from = *from;
    r.to = *to;
    r.role = c[5];
    r.source = Source(file, line);
    out->push_back(std::move(r));
    return Status::Ok();
  });
}

// ---------------------------------------------------------------------------------------------------
// Loading a data folder

namespace {

template <typename Row>
using Parser = Result<TableFile> (*)(std::string_view, std::string_view, std::vector<Row>*);

template <typename Row>
Status LoadOne(const std::filesystem::path& path, const std::string& name, Parser<Row> parse,
               std::vector<Row>* rows, std::vector<TableFile>* files) {
  Result<std::string> text = ReadWholeFile(path.string());
  if (!text.ok()) return text.status();
  Result<TableFile> info = parse(*text, name, rows);
  if (!info.ok()) return info.status();
  files->push_back(std::move(info).value());
  return Status::Ok();
}

}  // namespace

Result<ActorTables> LoadActorTables(const std::string& actors_dir) {
  namespace fs = std::filesystem;
  const fs::path dir(actors_dir);
  ActorTables t;
  DYAD_RETURN_IF_ERROR(LoadOne<CountryRow>(dir / "countries.tsv", "countries.tsv", &ParseCountries,
                                           &t.countries, &t.files));
  DYAD_RETURN_IF_ERROR(LoadOne<RegionRow>(dir / "regions.tsv", "regions.tsv", &ParseRegions, &t.regions,
                                          &t.files));
  DYAD_RETURN_IF_ERROR(LoadOne<OrganisationRow>(dir / "organisations.tsv", "organisations.tsv",
                                                &ParseOrganisations, &t.organisations, &t.files));
  DYAD_RETURN_IF_ERROR(LoadOne<AgentRow>(dir / "agents.tsv", "agents.tsv", &ParseAgents, &t.agents, &t.files));

  const fs::path persons = dir / "persons";
  std::error_code ec;
  if (!fs::is_directory(persons, ec)) return t;
  std::vector<fs::path> paths;
  for (fs::directory_iterator it(persons, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".tsv" && it->is_regular_file(ec)) paths.push_back(it->path());
  }
  if (ec) return Status::IoError(persons.string() + ": " + ec.message());
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    DYAD_RETURN_IF_ERROR(LoadOne<PersonRow>(p, "persons/" + p.filename().string(), &ParsePersons, &t.persons,
                                            &t.files));
  }
  return t;
}

}  // namespace dyad
