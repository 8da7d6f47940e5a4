#include "extract/numbers.h"

#include <array>
#include <utility>

namespace dyad::extract {
namespace {

constexpr std::array<std::string_view, 20> kSmall = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kTens = {"", "", "twenty", "thirty", "forty", "fifty",
                                                    "sixty", "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 31> kOrdinalWords = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
    "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth",
    "twenty-ninth", "thirtieth", "thirty-first"};

// Vague plural counts: "dozens" (of) → at least 24, "hundreds" → 200, ...
std::optional<double> VagueCount(std::string_view w) {
  if (w == "dozens") return 24;
  if (w == "scores") return 40;
  if (w == "hundreds") return 200;
  if (w == "thousands") return 2000;
  if (w == "millions") return 2e6;
  if (w == "billions") return 2e9;
  return std::nullopt;
}

const std::string& At(const std::vector<std::string>& words, size_t i) {
  static const std::string kEmpty;
  return i < words.size() ? words[i] : kEmpty;
}

// Number words below one thousand: "twenty - five", "two hundred and fifty", "ninety".
std::optional<std::pair<size_t, double>> WordsBelowThousand(const std::vector<std::string>& w, size_t i) {
  size_t j = i;
  double value = 0;
  bool any = false;
  auto read_tens_units = [&](size_t k, double* out) -> size_t {
    auto s = SmallNumberWord(At(w, k));
    if (!s) return 0;
    if (*s >= 20 && *s % 10 == 0) {
      // "twenty-five" may come as one word or as "twenty" "-" "five".
      if (At(w, k + 1) == "-") {
        auto u = SmallNumberWord(At(w, k + 2));
        if (u && *u >= 1 && *u <= 9) {
          *out = *s + *u;
          return 3;
        }
      }
      auto u = SmallNumberWord(At(w, k + 1));
      if (u && *u >= 1 && *u <= 9) {
        *out = *s + *u;
        return 2;
      }
    }
    *out = *s;
    return 1;
  };
  double first = 0;
  size_t n = read_tens_units(j, &first);
  if (n == 0) return std::nullopt;
  j += n;
  value = first;
  any = true;
  if (At(w, j) == "hundred" && first >= 1 && first <= 9) {
    value = first * 100;
    ++j;
    size_t k = j;
    if (At(w, k) == "and") ++k;
    double rest = 0;
    size_t m = read_tens_units(k, &rest);
    if (m > 0 && rest < 100) {
      value += rest;
      j = k + m;
    }
  }
  if (!any) return std::nullopt;
  return std::make_pair(j, value);
}

}  // namespace

std::optional<double> ParseNumeral(std::string_view t) {
  if (t.empty() || t.size() > 24 || t[0] < '0' || t[0] > '9') return std::nullopt;
  double value = 0, scale = 0;
  int digits_since_comma = -1;
  bool seen_point = false;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      if (seen_point) {
        scale /= 10;
        value += (c - '0') * scale;
      } else {
        value = value * 10 + (c - '0');
        if (digits_since_comma >= 0) ++digits_since_comma;
      }
    } else if (c == ',' && !seen_point) {
      if (digits_since_comma >= 0 && digits_since_comma != 3) return std::nullopt;
      digits_since_comma = 0;
    } else if (c == '.' && !seen_point) {
      if (digits_since_comma >= 0 && digits_since_comma != 3) return std::nullopt;
      seen_point = true;
      scale = 1;
    } else {
      return std::nullopt;
    }
  }
  if (t.back() == ',' || t.back() == '.') return std::nullopt;
  if (digits_since_comma >= 0 && !seen_point && digits_since_comma != 3) return std::nullopt;
  return value;
}

std::optional<int> SmallNumberWord(std::string_view w) {
  for (size_t i = 0; i < kSmall.size(); ++i)
    if (w == kSmall[i]) return static_cast<int>(i);
  for (size_t i = 2; i < kTens.size(); ++i)
    if (w == kTens[i]) return static_cast<int>(i * 10);
  // "twenty-five" written as one token.
  if (size_t dash = w.find('-'); dash != std::string_view::npos && dash > 0) {
    auto tens = SmallNumberWord(w.substr(0, dash));
    auto unit = SmallNumberWord(w.substr(dash + 1));
    if (tens && unit && *tens >= 20 && *tens % 10 == 0 && *unit >= 1 && *unit <= 9) return *tens + *unit;
  }
  return std::nullopt;
}

std::optional<double> ScaleWord(std::string_view w, bool allow_short) {
  if (w == "hundred") return 1e2;
  if (w == "thousand") return 1e3;
  if (w == "million") return 1e6;
  if (w == "billion") return 1e9;
  if (w == "trillion") return 1e12;
  if (!allow_short) return std::nullopt;
  if (w == "k") return 1e3;
  if (w == "m" || w == "mn" || w == "mln") return 1e6;
  if (w == "b" || w == "bn" || w == "bln") return 1e9;
  if (w == "tn" || w == "trn") return 1e12;
  return std::nullopt;
}

std::optional<int> OrdinalValue(std::string_view w) {
  for (size_t i = 0; i < kOrdinalWords.size(); ++i)
    if (w == kOrdinalWords[i]) return static_cast<int>(i + 1);
  if (w.size() < 3 || w.size() > 4) return std::nullopt;
  std::string_view suffix = w.substr(w.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
  int v = 0;
  for (char c : w.substr(0, w.size() - 2)) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < 1 || v > 31) return std::nullopt;
  return v;
}

std::optional<NumberSpan> ParseNumberAt(const std::vector<std::string>& w, size_t i,
                                        const std::vector<bool>& short_ok) {
  if (i >= w.size()) return std::nullopt;
  auto short_allowed = [&](size_t k) { return k < short_ok.size() && short_ok[k]; };
  NumberSpan out;
  // "tens of thousands", "hundreds of thousands", "dozens", "hundreds of millions".
  if (w[i] == "tens" && At(w, i + 1) == "of") {
    auto v = VagueCount(At(w, i + 2));
    if (v && *v >= 2000) return NumberSpan{i + 3, *v / 2 * 10, true, true, false};
    return std::nullopt;
  }
  if (auto v = VagueCount(w[i])) {
    if (w[i] == "scores" && At(w, i + 1) != "of") return std::nullopt;  // "the scores" of a match
    out = NumberSpan{i + 1, *v, true, false, false};
    if (At(w, i + 1) == "of") {
      auto more = VagueCount(At(w, i + 2));
      if (more && *more >= 2000) out = NumberSpan{i + 3, *v / 2 * *more, true, true, false};
    }
    return out;
  }
  size_t j = i;
  double base = 0;
  // "half a million", "a million", "a dozen", "a few thousand", "a couple of hundred".
  if (w[i] == "half" && (At(w, i + 1) == "a" || At(w, i + 1) == "an")) {
    auto s = ScaleWord(At(w, i + 2), false);
    if (!s || *s < 1e3) return std::nullopt;
    return NumberSpan{i + 3, 0.5 * *s, false, true, false};
  }
  if (w[i] == "a" || w[i] == "an") {
    if (At(w, i + 1) == "dozen") return NumberSpan{i + 2, 12, false, false, false};
    if (At(w, i + 1) == "few" || At(w, i + 1) == "couple") {
      size_t k = i + 2;
      if (At(w, k) == "of") ++k;
      auto s = ScaleWord(At(w, k), false);
      if (!s) return std::nullopt;
      return NumberSpan{k + 1, (w[i + 1] == "few" ? 3 : 2) * *s, w[i + 1] == "few", true, false};
    }
    auto s = ScaleWord(At(w, i + 1), false);
    if (!s) return std::nullopt;
    j = i + 2;
    base = *s;
    out.has_scale = true;
  } else if (w[i] == "several" || w[i] == "few") {
    auto s = ScaleWord(At(w, i + 1), false);
    if (!s) return std::nullopt;
    return NumberSpan{i + 2, 3 * *s, true, true, false};
  } else if (auto n = ParseNumeral(w[i])) {
    base = *n;
    j = i + 1;
    out.is_numeral = true;
  } else if (auto words = WordsBelowThousand(w, i)) {
    base = words->second;
    j = words->first;
  } else {
    return std::nullopt;
  }
  // Scales: "4.1 million", "two hundred thousand", "20 m" (glued), "two dozen".
  for (int guard = 0; guard < 3; ++guard) {
    if (At(w, j) == "dozen" && !out.has_scale) {
      base *= 12;
      ++j;
      continue;
    }
    auto s = ScaleWord(At(w, j), short_allowed(j));
    if (!s) break;
    base *= *s;
    out.has_scale = true;
    ++j;
  }
  out.end = j;
  out.value = base;
  return out;
}

}  // namespace dyad::extract
