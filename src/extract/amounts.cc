#include "extract/amounts.h"

#include <optional>

#include "extract/amounts_lexicon.h"
#include "extract/numbers.h"
#include "extract/timex_lexicon.h"

namespace dyad {
namespace extract {
namespace {

constexpr size_t kMaxModifiers = 3;  // adjectives between a number and the counted noun

bool StartsWithDigit(std::string_view w) {
  return !w.empty() && w[0] >= '0' && w[0] <= '9';
}

class AmountRules {
 public:
  explicit AmountRules(const std::vector<AmountWord>& w) : w_(w) {
    lower_.reserve(w.size());
    glued_.reserve(w.size());
    for (const AmountWord& x : w) {
      lower_.push_back(x.lower);
      glued_.push_back(!x.space_before);
      // Without a currency, "200m" is metres, not millions.
      glued_not_m_.push_back(!x.space_before && x.lower != "m");
    }
  }

  std::optional<AmountMatch> At(size_t i) const {
    if (w_[i].in_timex) return std::nullopt;
    size_t j = Approximator(i);
    std::optional<std::string_view> currency;
    if (auto c = CurrencySymbol(L(j))) {
      currency = c;
      ++j;
    } else if (L(j) == "us" && L(j + 1) == "$") {
      currency = "USD";
      j += 2;
    }
    if (j >= w_.size() || w_[j].in_timex) return std::nullopt;
    auto number = ParseNumberAt(lower_, j, currency ? glued_ : glued_not_m_);
    if (!number || number->end <= j) return std::nullopt;
    for (size_t k = j; k < number->end; ++k)
      if (w_[k].in_timex) return std::nullopt;
    size_t k = number->end;
    AmountMatch m;
    m.first = static_cast<uint32_t>(i);
    m.value = number->value;
    if (currency) {
      m.kind = "money";
      m.unit = std::string(*currency);
      if (auto word = CurrencyName(L(k)); word && !word->needs_country) ++k;  // "$5 million dollars"
      m.end = static_cast<uint32_t>(k);
      return m;
    }
    if (Rejected(i, j, *number)) return std::nullopt;
    if (auto percent = PercentEnd(k)) {
      m.kind = "percent";
      m.unit = "percent";
      m.end = static_cast<uint32_t>(*percent);
      return m;
    }
    if (auto money = CurrencyAfter(k)) {
      m.kind = "money";
      m.unit = money->second;
      m.end = static_cast<uint32_t>(money->first);
      return m;
    }
    if (auto measure = MeasureAfter(k)) {
      m.kind = "quantity";
      m.unit = measure->second;
      m.end = static_cast<uint32_t>(ObjectEnd(measure->first));
      return m;
    }
    if (TimeUnitWord(L(k)) || (L(k) == "-" && TimeUnitWord(L(k + 1)))) return std::nullopt;
    // "one man", "a car": a single thing is not an amount worth reporting.
    if (number->value == 1 && !number->has_scale) return std::nullopt;
    if (auto counted = CountedAfter(k, number->value)) {
      m.kind = "count";
      m.unit = counted->second;
      m.end = static_cast<uint32_t>(counted->first);
      return m;
    }
    // "hundreds of people", "millions of dollars", "tens of thousands of refugees".
    if (L(k) == "of" && (number->approximate || number->has_scale)) {
      if (auto money = CurrencyAfter(k + 1)) {
        m.kind = "money";
        m.unit = money->second;
        m.end = static_cast<uint32_t>(money->first);
        return m;
      }
      if (auto counted = CountedAfter(k + 1, number->value)) {
        m.kind = "count";
        m.unit = counted->second;
        m.end = static_cast<uint32_t>(counted->first);
        return m;
      }
    }
    // A bare count ("at least 10 were killed", "two of them"), but not "one" or a lone year.
    if (L(j) == "one" || L(j) == "a" || L(j) == "an" || IsLabel(i, j, *number)) return std::nullopt;
    if (number->is_numeral && !number->has_scale && L(j).size() == 4 && number->value >= 1000 &&
        number->value <= 2199 && L(j).find(',') == std::string::npos)
      return std::nullopt;
    m.kind = "count";
    m.end = static_cast<uint32_t>(k);
    return m;
  }

 private:
  const std::string& L(size_t i) const {
    static const std::string kEmpty;
    return i < w_.size() ? w_[i].lower : kEmpty;
  }
  std::string_view X(size_t i) const { return i < w_.size() ? w_[i].xpos : std::string_view(); }

  // "about", "more than", "at least", "up to", "an estimated" ... belong to the span.
  size_t Approximator(size_t i) const {
    const std::string& w = L(i);
    if (w == "about" || w == "around" || w == "nearly" || w == "almost" || w == "over" || w == "roughly" ||
        w == "approximately" || w == "some" || w == "just" || w == "only" || w == "under")
      return i + 1;
    if ((w == "more" || w == "less" || w == "fewer") && L(i + 1) == "than") return i + 2;
    if ((w == "at" && (L(i + 1) == "least" || L(i + 1) == "most")) || (w == "up" && L(i + 1) == "to")) return i + 2;
    if ((w == "an" || w == "the") && L(i + 1) == "estimated") return i + 2;
    return i;
  }

  // Numbers that are not amounts: in names, dates, times, ordinals, scores.
  bool Rejected(size_t i, size_t j, const NumberSpan& n) const {
    const std::string& next = L(n.end);
    if (next == ":" || next == "a.m." || next == "p.m." || next == "am" || next == "pm") return true;  // times
    if (j > 0) {
      const std::string& prev = L(j - 1);
      if (MonthNumber(prev)) return true;  // "July 18"
      if (prev == "-" || prev == "/" || prev == "#" || prev == "no." || prev == "number") return true;
      // "Resolution 2254", "Article 5", "Flight 17": a capitalised word right before a bare numeral.

    }
    if (n.end < w_.size() && MonthNumber(L(n.end)) && w_[n.end].capitalised) return true;  // "18 July"
    if (next == "-" && n.is_numeral && !n.has_scale) {
      // "F-16" handled above; "2009-2010" ranges and "14-year-old" ages are not amounts.
      return true;
    }
    return false;
  }

  // Bare numbers that label things: "Resolution 2254", "CTF 50", "(L 12)", "[1]", "section 119.3".
  bool IsLabel(size_t i, size_t j, const NumberSpan& n) const {
    const std::string& next = L(n.end);
    if (next == "]" || next == ")" || next == "b.c." || next == "bc" || next == "ad" || next == "a.d.") return true;
    if (j == 0) return false;
    const std::string& prev = L(j - 1);
    if (j == i && !n.has_scale && !n.approximate && w_[j - 1].capitalised) return true;
    return prev == "(" || prev == "[" || prev == "section" || prev == "article" || prev == "chapter" ||
           prev == "resolution" || prev == "resolutions" || prev == "paragraph";
  }

  std::optional<size_t> PercentEnd(size_t k) const {
    if (L(k) == "%" || L(k) == "percent" || L(k) == "pct") return k + 1;
    if (L(k) == "per" && L(k + 1) == "cent") return k + 2;
    if (L(k) == "percentage" && (L(k + 1) == "points" || L(k + 1) == "point")) return k + 2;
    return std::nullopt;
  }

  // "euros", "Jordanian dinars", "US dollars" → (end, unit).
  std::optional<std::pair<size_t, std::string>> CurrencyAfter(size_t k) const {
    if (auto word = CurrencyName(L(k))) return std::make_pair(k + 1, std::string(word->unit));
    // One or two words of country before the currency word.
    for (size_t span = 1; span <= 2; ++span) {
      auto word = CurrencyName(L(k + span));
      if (!word) continue;
      std::string adjective = L(k);
      if (span == 2) adjective += " " + L(k + 1);
      std::string family = L(k + span);
      if (family.size() > 1 && family.back() == 's') family.pop_back();
      if (auto code = CurrencyForCountryAdjective(adjective, family))
        return std::make_pair(k + span + 1, std::string(*code));
      if (span == 1 && (X(k) == "JJ" || X(k) == "NNP" || w_[k].capitalised))
        return std::make_pair(k + 2, std::string(word->unit));
    }
    return std::nullopt;
  }

  // "tons", "square kilometres", "barrels per day", "km" (glued: "5km") → (end, unit).
  std::optional<std::pair<size_t, std::string>> MeasureAfter(size_t k) const {
    std::string prefix;
    size_t u = k;
    if (L(u) == "square" || L(u) == "sq" || L(u) == "sq.") {
      prefix = "sq_";
      ++u;
    } else if (L(u) == "cubic" || L(u) == "cu") {
      prefix = "cu_";
      ++u;
    }
    std::optional<std::string_view> unit = MeasureUnit(L(u));
    // "m" after a number is metres only when glued and not a money scale (money took it already).
    if (!unit && L(u) == "m" && u < w_.size() && !w_[u].space_before) unit = "m";
    if (!unit) return std::nullopt;
    // Short units must be glued or clearly units ("5 km" yes; "5 t" no).
    if (L(u) == "t" && w_[u].space_before) return std::nullopt;
    std::string name = prefix + std::string(*unit);
    size_t end = u + 1;
    if (name == "barrel" && L(end) == "per" && L(end + 1) == "day") {
      name = "barrel/day";
      end += 2;
    } else if (name == "barrel" && L(end) == "a" && L(end + 1) == "day") {
      name = "barrel/day";
      end += 2;
    }
    return std::make_pair(end, name);
  }

  // "of grain", "of much-needed grain": the measured stuff joins the span (a few words, ending on a noun).
  size_t ObjectEnd(size_t k) const {
    if (L(k) != "of") return k;
    size_t end = k, j = k + 1;
    if (X(j) == "DT") ++j;
    for (size_t steps = 0; steps < 5 && j < w_.size(); ++steps, ++j) {
      std::string_view x = X(j);
      if (x == "NN" || x == "NNS") end = j + 1;
      else if (!(x == "JJ" || x == "HYPH" || x == "VBN" || x == "RB" || L(j) == "-")) break;
    }
    return end;
  }

  // The counted noun after a number: "people", "Syrian refugees", "wounded soldiers".
  std::optional<std::pair<size_t, std::string>> CountedAfter(size_t k, double value) const {
    size_t j = k;
    for (size_t m = 0; m < kMaxModifiers && j < w_.size(); ++m) {
      std::string_view x = X(j);
      if (x == "NNS" || x == "NNPS" || (value == 1 && (x == "NN")) || L(j) == "people") break;
      if (x == "JJ" || x == "VBN" || x == "HYPH" || L(j) == "-" || (x == "NNP" && w_[j].capitalised) || x == "NN")
        ++j;
      else
        return std::nullopt;
    }
    std::string_view x = X(j);
    if (!(x == "NNS" || x == "NNPS" || L(j) == "people" || (value == 1 && x == "NN"))) return std::nullopt;
    if (TimeUnitWord(L(j))) return std::nullopt;
    // "Six Nations", "Three Kings": a capitalised number word before a capitalised noun is a name.
    if (k > 0 && w_[k - 1].capitalised && w_[j].capitalised && !StartsWithDigit(L(k - 1))) return std::nullopt;
    std::string unit = w_[j].lemma.empty() ? L(j) : std::string(w_[j].lemma);
    if (L(j) == "people" || L(j) == "persons") unit = "people";
    for (char& c : unit)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return std::make_pair(j + 1, unit);
  }

  const std::vector<AmountWord>& w_;
  std::vector<std::string> lower_;
  std::vector<bool> glued_, glued_not_m_;
};

bool SkippedFurniture(Furniture kind) {
  return kind == Furniture::kByline || kind == Furniture::kCredit || kind == Furniture::kBoilerplate;
}

}  // namespace

void FindAmounts(const std::vector<AmountWord>& words, std::vector<AmountMatch>* out) {
  AmountRules rules(words);
  size_t i = 0;
  while (i < words.size()) {
    std::optional<AmountMatch> m = rules.At(i);
    if (!m || m->end <= i) {
      ++i;
      continue;
    }
    i = m->end;
    out->push_back(std::move(*m));
  }
}

void AnnotateAmounts(Document& doc) {
  auto& rows = doc.mutable_amounts();
  rows.clear();
  std::vector<bool> in_timex(doc.tokens().size(), false);
  for (const TimexRow& t : doc.timexes())
    for (uint32_t k = t.first_token; k < t.end_token && k < in_timex.size(); ++k) in_timex[k] = true;
  std::vector<AmountWord> words;
  std::vector<AmountMatch> matches;
  for (const SentenceRow& sentence : doc.sentences()) {
    if (SkippedFurniture(sentence.kind)) continue;
    uint32_t n = sentence.end_token - sentence.first_token;
    words.resize(n);
    for (uint32_t k = 0; k < n; ++k) {
      uint32_t index = sentence.first_token + k;
      Token t = doc.token(index);
      AmountWord& w = words[k];
      w.lower.assign(t.norm());
      for (char& c : w.lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      w.xpos = t.xpos();
      w.lemma = t.lemma();
      std::string_view raw = t.text();
      w.capitalised = !raw.empty() && raw[0] >= 'A' && raw[0] <= 'Z';
      w.space_before = k == 0 || (doc.tokens()[index - 1].flags & kTokSpaceAfter) != 0;
      w.in_timex = in_timex[index];
    }
    matches.clear();
    FindAmounts(words, &matches);
    for (const AmountMatch& m : matches) {
      AmountRow row;
      row.first_token = sentence.first_token + m.first;
      row.end_token = sentence.first_token + m.end;
      row.value = m.value;
      row.unit = doc.Intern(m.unit);
      row.kind = doc.Intern(m.kind);
      rows.push_back(row);
    }
  }
}

}  // namespace extract

namespace {

class AmountStage final : public Stage {
 public:
  std::string_view name() const override { return "amounts"; }
  uint32_t Requires() const override { return kLayerTags; }
  uint32_t Provides() const override { return kLayerAmounts; }
  Status Process(Document& doc, StageScratch*) const override {
    extract::AnnotateAmounts(doc);
    return Status::Ok();
  }
};

}  // namespace

std::shared_ptr<const Stage> MakeAmountStage() { return std::make_shared<AmountStage>(); }

}  // namespace dyad
