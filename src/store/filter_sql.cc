#include "store/filter_sql.h"

#include "store/schema.h"

namespace dyad::store {

std::string Where::Param(std::variant<int64_t, std::string> v) {
  values.push_back(std::move(v));
  std::string name = "?";  // not "?" + to_string(): GCC 12 warns falsely (-Wrestrict) on that form
  name += std::to_string(values.size());
  return name;
}

void Where::And(const std::string& cond) {
  sql += sql.empty() ? " WHERE " : " AND ";
  sql += cond;
}

void Where::Bind(Stmt& s) const {
  for (size_t i = 0; i < values.size(); ++i) {
    if (const auto* n = std::get_if<int64_t>(&values[i])) s.Bind(static_cast<int>(i + 1), *n);
    else s.Bind(static_cast<int>(i + 1), std::string_view(std::get<std::string>(values[i])));
  }
}

namespace {

// "side" is "source" or "target". A 3-letter value is a country: the side's code is one of those
// that country's events have used (actor_countries, a few dozen codes), so the code index answers
// it with one range per code, and the row's own country column confirms it. A longer value is a
// code prefix, matched by a half-open range so the code index is used.
std::string ActorCondition(Where& w, const std::string& side, const std::string& value) {
  if (value.size() == 3) {
    std::string country = w.Param(value);
    return "(e." + side + "_code IN (SELECT code FROM actor_countries WHERE country = " + country + ") AND e." + side +
           "_country = " + country + ")";
  }
  std::string lo = w.Param(value), hi = w.Param(value + "\x7f");
  return "(e." + side + "_code >= " + lo + " AND e." + side + "_code < " + hi + ")";
}

}  // namespace

Where BuildWhere(const EventFilter& f) {
  Where w;
  if (!f.source.empty()) w.And(ActorCondition(w, "source", f.source));
  if (!f.target.empty()) w.And(ActorCondition(w, "target", f.target));
  if (!f.actor.empty())
    w.And(std::string("(") + ActorCondition(w, "source", f.actor) + " OR " + ActorCondition(w, "target", f.actor) + ")");
  if (!f.country.empty())
    w.And(std::string("(") + ActorCondition(w, "source", f.country) + " OR " + ActorCondition(w, "target", f.country) + ")");
  if (!f.code.empty()) {
    w.And("substr(e.cameo_code, 1, " + std::to_string(f.code.size()) + ") = " + w.Param(f.code));
  }
  if (!f.plover.empty()) w.And("e.plover_type = " + w.Param(f.plover));
  if (f.quad_class != 0) w.And("e.quad_class = " + w.Param(int64_t{f.quad_class}));
  if (!f.from.empty()) w.And("e.day >= " + w.Param(DayNumber(f.from)));
  if (!f.to.empty()) w.And("e.day <= " + w.Param(DayNumber(f.to)));
  if (!f.place.empty()) {
    std::string p = w.Param(f.place);
    w.And("EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_key = e.id AND (m.loc_name = " + p +
          " COLLATE NOCASE OR m.loc_country = " + p + "))");
  }
  return w;
}

}  // namespace dyad::store
