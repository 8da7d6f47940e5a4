#include "extract/entity_cues.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "extract/entity_words.h"

namespace dyad::extract {
namespace {

using entity_words::In;
using entity_words::Lower;
using entity_words::StartsUpper;

// Lowercase words a table row may hold: "Ajax v PSV", "Sussex 301 for 6 dec".
constexpr std::array<std::string_view, 9> kTableWords = {"v", "vs", "at", "and", "of", "de", "for", "dec", "aet"};
// "shares of X", "analysts at X": the one or two words before an organisation.
constexpr std::array<std::string_view, 16> kOrgBefore = {
    "shares of", "shares in", "stake in", "stakes in", "subsidiary of", "unit of", "analyst at", "analysts at",
    "economist at", "economists at", "dealer at", "dealers at", "strategist at", "spokesman for",
    "spokeswoman for", "shareholders in",
};
// "X's spokesman", "X's shares": what an organisation has.
constexpr std::array<std::string_view, 16> kOrgPossessions = {
    "spokesman", "spokeswoman", "spokesperson", "chairman", "shares", "stock", "board", "shareholders",
    "subsidiary", "headquarters", "profit", "profits", "earnings", "executives", "management", "employees",
};
// "news agency X", "tyre giant X": an organisation's kind just before its name.
constexpr std::array<std::string_view, 28> kOrgKindBefore = {
    "agency", "company", "firm", "group", "newspaper", "daily", "weekly", "magazine", "carrier", "airline",
    "bank", "maker", "giant", "club", "side", "champions", "broker", "brokerage", "insurer", "retailer",
    "manufacturer", "conglomerate", "broadcaster", "network", "station", "rivals", "automaker", "producer",
};
// "Acme CEO John Smith": offices of a company or body written between its name and a person's.
constexpr std::array<std::string_view, 9> kOrgOffices = {
    "ceo", "chairman", "chairwoman", "spokesman", "spokeswoman", "president", "director", "executive", "chief",
};
// "X's wife": what a person has.
constexpr std::array<std::string_view, 12> kPersonPossessions = {
    "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow", "family", "lawyer", "lawyers",
};
// "the village of X", "east of X": a place noun or a direction before "of".
constexpr std::array<std::string_view, 22> kPlaceNounsBeforeOf = {
    "town", "village", "city", "province", "region", "district", "capital", "port", "outskirts", "suburb",
    "suburbs", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "island",
    "streets", "state",
};
// "towards X", "via X": words that only go before places (besides "in", "at", "near" ...).
constexpr std::array<std::string_view, 5> kPlaceBefore = {"towards", "toward", "via", "approaching", "outskirts"};
constexpr std::array<std::string_view, 6> kSayForms = {"said", "says", "told", "added", "stated", "insisted"};
constexpr std::array<std::string_view, 6> kMonths3 = {"jan", "feb", "mar", "apr", "may", "jun"};
constexpr std::array<std::string_view, 6> kMonths3b = {"jul", "aug", "sep", "oct", "nov", "dec"};

bool IsDate(std::string_view w) {  // "1996-08-22", "22/08/96": three parts, a year of four digits or slashes
  if (w.size() < 6 || w.size() > 10 || !std::isdigit(static_cast<unsigned char>(w[0]))) return false;
  size_t parts = 1, run = 0, longest = 0;
  bool slash = false;
  for (char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      longest = std::max(longest, ++run);
    } else if (c == '-' || c == '/') {
      ++parts, run = 0, slash = slash || c == '/';
    } else {
      return false;
    }
  }
  return parts == 3 && (longest == 4 || slash);
}

}  // namespace

bool IsScore(std::string_view w) {
  if (w.empty() || w.size() > 16) return false;
  size_t run = 0;
  for (char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (++run > 3) return false;
    } else if (c == '-' && run > 0) {
      run = 0;
    } else {
      return false;
    }
  }
  return run > 0;
}

bool IsTableRow(const Document& doc, const SentenceRow& s) {
  if (s.end_token - s.first_token > 40) return false;
  uint32_t scores = 0, names = 0;
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    std::string_view t = doc.token(i).text();
    if (t.empty()) continue;
    if (IsScore(t)) {
      ++scores;
    } else if (StartsUpper(t)) {
      ++names;
    } else if (std::isalpha(static_cast<unsigned char>(t[0]))) {
      if (!In(kTableWords, t)) return false;
    } else if (std::isdigit(static_cast<unsigned char>(t[0]))) {
      if (t.find('.') == std::string_view::npos && t.find(',') == std::string_view::npos) return false;  // a date
    }
  }
  return scores >= 1 && names >= 1 && StartsUpper(doc.token(s.first_token).text());
}

bool IsDateline(const Document& doc, const SentenceRow& s, uint32_t first, uint32_t end) {
  if (first != s.first_token || end >= s.end_token) return false;
  std::string_view next = doc.token(end).text();
  if (IsDate(next)) return true;
  if (next == "," && end + 1 < s.end_token) {
    std::string m = Lower(doc.token(end + 1).text()).substr(0, 3);
    return In(kMonths3, m) || In(kMonths3b, m);
  }
  if (next == "(" && end + 2 < s.end_token && doc.token(end + 2).text() == ")") {
    std::string agency = Lower(doc.token(end + 1).text());
    return agency == "reuters" || agency == "ap" || agency == "afp" || agency == "upi" || agency == "xinhua";
  }
  return false;
}

bool OrganisationContext(const Document& doc, const SentenceRow& s, uint32_t first, uint32_t end) {
  auto word = [&](uint32_t i) { return Lower(doc.token(i).norm()); };
  if (first >= s.first_token + 2 && In(kOrgBefore, word(first - 2) + " " + word(first - 1))) return true;
  if (first > s.first_token && In(kOrgKindBefore, word(first - 1))) return true;
  if (first > s.first_token && word(first - 1).ends_with("-based")) return true;  // "Ohio-based KeyCorp"
  if (end + 1 < s.end_token && word(end) == "'s" && In(kOrgPossessions, word(end + 1))) return true;
  if (end < s.end_token && (word(end) == "shares" || word(end) == "stock")) return true;
  // "Acme CEO John Smith", "Acme chairman John Smith": an office of the body before a name
  if (end + 1 < s.end_token && In(kOrgOffices, word(end)) && StartsUpper(doc.token(end + 1).text())) return true;
  // "X said it would", "X says its": a company or body speaks of itself as "it".
  if (end + 1 < s.end_token && In(kSayForms, word(end)) && (word(end + 1) == "it" || word(end + 1) == "its")) return true;
  return false;
}

bool PlaceContext(const Document& doc, const SentenceRow& s, uint32_t first, uint32_t /*end*/) {
  auto word = [&](uint32_t i) { return Lower(doc.token(i).norm()); };
  if (first > s.first_token && In(kPlaceBefore, word(first - 1))) return true;
  return first >= s.first_token + 2 && word(first - 1) == "of" && In(kPlaceNounsBeforeOf, word(first - 2));
}

bool PersonContext(const Document& doc, const SentenceRow& s, uint32_t first, uint32_t end) {
  auto word = [&](uint32_t i) { return Lower(doc.token(i).norm()); };
  // an age: "X , 35 ,"
  if (end + 2 < s.end_token && word(end) == "," && word(end + 2) == ",") {
    std::string a = word(end + 1);
    if (a.size() == 2 && std::isdigit(static_cast<unsigned char>(a[0])) && std::isdigit(static_cast<unsigned char>(a[1]))) return true;
  }
  if (end + 1 < s.end_token && word(end) == "," && word(end + 1) == "who") return true;
  if (end + 1 < s.end_token && In(kSayForms, word(end)) && (word(end + 1) == "he" || word(end + 1) == "she")) return true;
  if (end + 1 < s.end_token && word(end) == "'s" && In(kPersonPossessions, word(end + 1))) return true;
  // cricket: "c Healy b Warne", "lbw b Warne", "st Healy", and a batsman's line "Vaas c Healy b Warne 12"
  if (first > s.first_token) {
    std::string before = word(first - 1);
    if (before == "c" || before == "b" || before == "st") return true;
  }
  if (end < s.end_token) {
    std::string after = word(end);
    if (after == "c" || after == "b" || after == "lbw" || after == "st") return true;
    // bowling figures "10-1-40-2": overs, maidens, runs, wickets
    std::string_view t = doc.token(end).text();
    if (IsScore(t) && std::count(t.begin(), t.end(), '-') == 3) return true;
  }
  return false;
}

}  // namespace dyad::extract
