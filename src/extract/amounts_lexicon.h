// Word tables for amounts (internal to the amount extractor): currency symbols and words, units of
// measure, and the normalised names the AmountRow carries. Lookups take the lower-cased word.
#pragma once

#include <optional>
#include <string_view>

namespace dyad::extract {

// "$" → "USD", "£" → "GBP", "€" → "EUR", "us$" → "USD", "usd" → "USD" (codes before a number).
std::optional<std::string_view> CurrencySymbol(std::string_view lower);

struct CurrencyWord {
  std::string_view unit;  // ISO 4217 code when the word alone says which ("euros" → "EUR"), else
                          // the singular word ("dinar", "ducat") so that nothing is guessed
  bool needs_country;     // "dollars", "dinars": a preceding "Canadian" / "Jordanian" refines it
};
// "dollars", "euros", "pounds", "rubles", "dinars", "ducats" ...
std::optional<CurrencyWord> CurrencyName(std::string_view lower);
// "canadian" + dollar → "CAD", "jordanian" + dinar → "JOD" ...; nullopt when not known.
std::optional<std::string_view> CurrencyForCountryAdjective(std::string_view adjective, std::string_view unit);

// Units of measure → normalised unit name: "tons"/"tonnes" → "ton", "kilometres"/"km" → "km",
// "barrels" → "barrel", "mw" → "MW". Ambiguous short forms ("m") are handled by the caller.
std::optional<std::string_view> MeasureUnit(std::string_view lower);

}  // namespace dyad::extract
