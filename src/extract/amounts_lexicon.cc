#include "extract/amounts_lexicon.h"

#include <array>
#include <utility>

namespace dyad::extract {
namespace {

template <typename T, size_t N>
std::optional<T> Find(const std::array<std::pair<std::string_view, T>, N>& table, std::string_view w) {
  for (const auto& [word, value] : table)
    if (word == w) return value;
  return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kSymbols = {{
    {"$", "USD"}, {"us$", "USD"}, {"£", "GBP"}, {"€", "EUR"}, {"¥", "JPY"}, {"₹", "INR"}, {"₽", "RUB"},
    {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"}, {"a$", "AUD"}, {"c$", "CAD"}, {"₺", "TRY"}, {"₪", "ILS"},
}};

constexpr std::array<std::pair<std::string_view, CurrencyWord>, 54> kCurrencyWords = {{
    {"dollar", {"USD", true}}, {"dollars", {"USD", true}}, {"euro", {"EUR", false}}, {"euros", {"EUR", false}},
    {"pound", {"GBP", true}}, {"pounds", {"GBP", true}}, {"sterling", {"GBP", false}},
    {"yen", {"JPY", false}}, {"yuan", {"CNY", false}}, {"renminbi", {"CNY", false}},
    {"ruble", {"RUB", false}}, {"rubles", {"RUB", false}}, {"rouble", {"RUB", false}}, {"roubles", {"RUB", false}},
    {"rial", {"rial", true}}, {"rials", {"rial", true}}, {"riyal", {"SAR", true}}, {"riyals", {"SAR", true}},
    {"lira", {"TRY", true}}, {"liras", {"TRY", true}}, {"lire", {"lira", true}},
    {"dinar", {"dinar", true}}, {"dinars", {"dinar", true}}, {"dirham", {"AED", true}}, {"dirhams", {"AED", true}},
    {"rupee", {"INR", true}}, {"rupees", {"INR", true}}, {"shekel", {"ILS", false}}, {"shekels", {"ILS", false}},
    {"hryvnia", {"UAH", false}}, {"hryvnias", {"UAH", false}}, {"hryvnas", {"UAH", false}},
    {"franc", {"CHF", true}}, {"francs", {"CHF", true}}, {"won", {"KRW", false}}, {"rand", {"ZAR", false}},
    {"peso", {"peso", true}}, {"pesos", {"peso", true}}, {"manat", {"manat", true}}, {"afghani", {"AFN", false}},
    {"afghanis", {"AFN", false}}, {"taka", {"BDT", false}}, {"naira", {"NGN", false}}, {"krone", {"krone", true}},
    {"kroner", {"krone", true}}, {"kronor", {"SEK", false}},
    // Historic and other currencies the tables do not code: the word itself is the unit.
    {"ducat", {"ducat", false}}, {"ducats", {"ducat", false}}, {"florins", {"florin", false}},
    {"guilders", {"guilder", false}}, {"drachmas", {"drachma", false}}, {"marks", {"mark", true}},
    {"shillings", {"shilling", true}}, {"bitcoins", {"BTC", false}},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 36> kCountryCurrency = {{
    {"us:dollar", "USD"}, {"u.s.:dollar", "USD"}, {"american:dollar", "USD"}, {"canadian:dollar", "CAD"},
    {"australian:dollar", "AUD"}, {"hong kong:dollar", "HKD"}, {"singapore:dollar", "SGD"},
    {"new zealand:dollar", "NZD"}, {"taiwan:dollar", "TWD"}, {"zimbabwean:dollar", "ZWL"},
    {"jordanian:dinar", "JOD"}, {"iraqi:dinar", "IQD"}, {"kuwaiti:dinar", "KWD"}, {"libyan:dinar", "LYD"},
    {"bahraini:dinar", "BHD"}, {"tunisian:dinar", "TND"}, {"algerian:dinar", "DZD"}, {"serbian:dinar", "RSD"},
    {"iranian:rial", "IRR"}, {"omani:rial", "OMR"}, {"yemeni:rial", "YER"}, {"qatari:riyal", "QAR"},
    {"saudi:riyal", "SAR"}, {"syrian:pound", "SYP"}, {"lebanese:pound", "LBP"}, {"egyptian:pound", "EGP"},
    {"sudanese:pound", "SDG"}, {"british:pound", "GBP"}, {"turkish:lira", "TRY"}, {"swiss:franc", "CHF"},
    {"pakistani:rupee", "PKR"}, {"indian:rupee", "INR"}, {"mexican:peso", "MXN"}, {"argentine:peso", "ARS"},
    {"philippine:peso", "PHP"}, {"azerbaijani:manat", "AZN"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 52> kMeasures = {{
    {"ton", "ton"}, {"tons", "ton"}, {"tonne", "ton"}, {"tonnes", "ton"}, {"t", "ton"},
    {"barrel", "barrel"}, {"barrels", "barrel"}, {"bpd", "barrel/day"}, {"b/d", "barrel/day"},
    {"km", "km"}, {"kilometre", "km"}, {"kilometres", "km"}, {"kilometer", "km"}, {"kilometers", "km"},
    {"mile", "mile"}, {"miles", "mile"}, {"mi", "mile"}, {"metre", "m"}, {"metres", "m"}, {"meter", "m"},
    {"meters", "m"}, {"ft", "ft"}, {"feet", "ft"}, {"foot", "ft"}, {"kg", "kg"}, {"kilogram", "kg"},
    {"kilograms", "kg"}, {"kilos", "kg"}, {"gram", "g"}, {"grams", "g"}, {"pounds-weight", "lb"},
    {"litre", "litre"}, {"litres", "litre"}, {"liter", "litre"}, {"liters", "litre"}, {"gallon", "gallon"},
    {"gallons", "gallon"}, {"acre", "acre"}, {"acres", "acre"}, {"hectare", "hectare"}, {"hectares", "hectare"},
    {"mw", "MW"}, {"megawatts", "MW"}, {"gw", "GW"}, {"gigawatts", "GW"}, {"kw", "kW"}, {"kwh", "kWh"},
    {"m3", "m3"}, {"bcm", "bcm"}, {"cm", "cm"}, {"mm", "mm"}, {"lbs", "lb"},
}};

}  // namespace

std::optional<std::string_view> CurrencySymbol(std::string_view w) { return Find(kSymbols, w); }
std::optional<CurrencyWord> CurrencyName(std::string_view w) { return Find(kCurrencyWords, w); }
std::optional<std::string_view> MeasureUnit(std::string_view w) { return Find(kMeasures, w); }

std::optional<std::string_view> CurrencyForCountryAdjective(std::string_view adjective, std::string_view unit) {
  // unit is the singular family name ("dollar", "dinar") looked up as "adjective:unit".
  char key[64];
  if (adjective.size() + unit.size() + 1 >= sizeof key) return std::nullopt;
  size_t n = 0;
  for (char c : adjective) key[n++] = c;
  key[n++] = ':';
  for (char c : unit) key[n++] = c;
  return Find(kCountryCurrency, std::string_view(key, n));
}

}  // namespace dyad::extract
