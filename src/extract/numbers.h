// Numbers written in news text: numerals ("9,000", "4.1", "1.5"), number words ("twenty-five",
// "two hundred"), scales ("million", "bn", "m"), and vague counts ("dozens", "hundreds of
// thousands", "a few thousand"). Shared by the time-expression and amount extractors.
//
// Input is a sentence as lower-cased word strings (one per token, hyphens as their own tokens, as the
// text stage splits them). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::extract {

// A numeral token: digits with optional "," thousands separators and one "." decimal point
// ("9,000", "4.1", ".5" is refused). nullopt for anything else (ordinals, "3pm", "m3").
std::optional<double> ParseNumeral(std::string_view token);

// "one" .. "nineteen", "twenty" .. "ninety" (and "zero", "ten"). nullopt otherwise.
std::optional<int> SmallNumberWord(std::string_view lower);

// Scale words and abbreviations: "hundred" 1e2, "thousand"/"k" 1e3, "million"/"m"/"mn"/"mln" 1e6,
// "billion"/"bn"/"b"/"bln" 1e9, "trillion"/"tn"/"trn" 1e12. Short forms only when allow_short.
std::optional<double> ScaleWord(std::string_view lower, bool allow_short);

// "first" .. "twentieth", "1st", "22nd", "23rd", "4th" → 1 .. 31 (ordinals used in dates).
std::optional<int> OrdinalValue(std::string_view lower);

struct NumberSpan {
  size_t end = 0;            // one past the last word used
  double value = 0;          // 22e6 for "22 million"; a lower bound for vague counts
  bool approximate = false;  // "dozens", "hundreds of", "a few thousand"
  bool has_scale = false;    // a scale word was used ("million", "bn")
  bool is_numeral = false;   // started with digits
};

// The longest number starting at words[i], or nullopt. Does not take "a"/"an" alone as 1 (callers
// decide that in context), but does read "a dozen", "a million", "half a million", "a few
// thousand". short_scale_ok[i] says whether words[i] may be a short scale ("m", "bn"): callers pass
// true only when the token is glued to the numeral before it ("20m"); an empty vector means never.
std::optional<NumberSpan> ParseNumberAt(const std::vector<std::string>& words, size_t i,
                                        const std::vector<bool>& short_scale_ok = {});

}  // namespace dyad::extract
