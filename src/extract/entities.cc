#include "extract/entities.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <string>
#include <set>
#include <unordered_map>

namespace dyad::extract {
namespace {

// Last words that make a name an organisation ("Acme Corp", "Labour Party", "Bank of England").
constexpr std::array<std::string_view, 74> kOrgLast = {
    "inc", "corp", "corporation", "ltd", "llc", "plc", "co", "company", "group", "party", "ministry",
    "university", "bank", "council", "committee", "commission", "agency", "association", "union",
    "club", "fc", "airlines", "airways", "times", "news", "post", "journal", "press", "institute",
    "foundation", "fund", "federation", "league", "department", "court", "army", "police", "parliament",
    "assembly", "congress", "senate", "exchange", "holdings", "international", "motors", "systems",
    "technologies", "communications", "industries", "services", "network", "reuters", "organisation",
    "organization", "office", "board", "authority", "front", "movement", "brigade", "ag", "sa", "nv",
    "united", "rovers", "wanderers", "athletic", "albion", "spor", "hotspur", "sc", "cf", "ac",
};
// First words of an organisation's name before "of" ("Ministry of Defence", "University of Michigan").
constexpr std::array<std::string_view, 12> kOrgFirst = {
    "ministry", "university", "bank", "department", "institute", "council", "college", "church",
    "house", "office", "federation", "association",
};
// Words that make an article a sports report, where towns are mostly teams ("Leeds beat Arsenal").
constexpr std::array<std::string_view, 24> kSportsWords = {
    "soccer", "football", "cricket", "rugby", "basketball", "baseball", "hockey", "tennis", "golf",
    "league", "match", "goal", "goals", "striker", "scored", "championship", "season", "innings",
    "wickets", "halftime", "standings", "midfielder", "coach", "cup",
};
// Last words of events, competitions and prizes (MISC): "World Cup", "Nobel Prize", "Euro 96".
constexpr std::array<std::string_view, 18> kMiscLast = {
    "cup", "championship", "championships", "open", "games", "olympics", "award", "awards", "prize",
    "war", "index", "festival", "prix", "series", "trophy", "day", "act", "treaty",
};
// Peoples and languages without the usual endings (MISC): "Swiss", "Dutch", "Thai".
constexpr std::array<std::string_view, 44> kPeoples = {
    "swiss", "dutch", "french", "thai", "greek", "czech", "basque", "uzbek", "kazakh", "arab", "arabs",
    "serb", "serbs", "croat", "croats", "kurds", "turk", "turks", "scot", "scots", "welsh", "irish",
    "iraqi", "israeli", "pakistani", "saudi", "yemeni", "kuwaiti", "afghan", "bosnian", "briton", "britons",
    "moslem", "moslems", "muslim", "muslims", "yugoslav", "tajik", "tajiks", "chechen", "chechens", "olympic",
    "jew", "jews",
};
// Country mentions that name an institution, not the land: "the Kremlin", "White House" (ORG).
constexpr std::array<std::string_view, 12> kInstitutionMetonyms = {
    "kremlin", "pentagon", "white house", "downing street", "elysee", "whitehall", "quai d'orsay",
    "zhongnanhai", "foggy bottom", "blue house", "porte", "vatican",
};
// Countries that are subdivisions in ISO 3166-2 but countries in news and sport ("England beat Wales").
constexpr std::array<std::string_view, 4> kNationsInSubdivisions = {"england", "scotland", "wales", "northern ireland"};
// Last words of a place's name (LOC): "Wall Street", "Gaza Strip", "Red Sea".
constexpr std::array<std::string_view, 30> kPlaceLast = {
    "street", "avenue", "road", "square", "bridge", "river", "island", "islands", "mountains", "sea", "ocean",
    "bay", "lake", "valley", "county", "province", "strip", "bank", "park", "airport", "stadium", "gulf",
    "strait", "peninsula", "desert", "coast", "heights", "hills", "canal", "plain",
};
// Words before a month name that make "May" a month ("in May", "last May").
constexpr std::array<std::string_view, 14> kMonthContext = {
    "in", "of", "since", "until", "by", "last", "next", "early", "late", "mid", "this", "from", "through", "to",
};

// Prepositions after which a town is a place, even in a sports report ("the match in Moscow").
constexpr std::array<std::string_view, 8> kPlacePrepositions = {"in", "at", "from", "near", "to", "into", "outside", "across"};

// Words before a person's name.
constexpr std::array<std::string_view, 40> kPersonTitles = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "president", "minister", "senator", "sen",
    "rep", "gov", "governor", "king", "queen", "prince", "princess", "pope", "judge", "general", "gen",
    "coach", "striker", "midfielder", "defender", "goalkeeper", "captain", "chairman", "spokesman",
    "spokeswoman", "secretary", "ambassador", "premier", "chancellor", "mayor", "leader", "father",
    "bishop",
};
// Words of offices and roles before a person's name, besides kPersonTitles ("Foreign Minister",
// "Federal Reserve Governor", "Chicago Cardinal", "Cofinec CEO").
constexpr std::array<std::string_view, 36> kRoleWords = {
    "director", "chief", "executive", "ceo", "head", "cardinal", "archbishop", "professor", "prof",
    "democrat", "republican", "congressman", "congresswoman", "deputy", "envoy", "commissioner",
    "commander", "colonel", "col", "lieutenant", "lt", "sergeant", "sgt", "major", "admiral", "dr",
    "chairwoman", "president-elect", "sheikh", "ayatollah", "rabbi", "reverend", "rev", "officer",
    "manager", "emperor",
};
// Words inside a name run when a proper noun follows ("Bank of England", "Procter & Gamble"); never
// "and": "Putin and Erdogan" are two names.
constexpr std::array<std::string_view, 9> kConnectors = {"of", "de", "&", "du", "van", "der", "da", "von", "di"};

// Capitalised words that are not names (weekdays, months, words of headlines and tables).
constexpr std::array<std::string_view, 39> kNotNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "group", "squad", "division", "result", "results", "standings", "scoreboard", "i",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gmt",
};

template <typename L>
bool In(const L& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!out.empty() && out.back() == '.') out.pop_back();  // "Corp." "Mr."
  return out;
}

bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  return std::isupper(c) || c >= 0x80;
}

bool IsAllCaps(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letters += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
  }
  return letters >= 2;
}

class EntityFinder {
 public:
  EntityFinder(const Gazetteer* g, Document& doc) : g_(g), doc_(doc), n_(static_cast<uint32_t>(doc.tokens().size())) {}

  std::vector<EntityRow> Run() {
    uint32_t sports = 0;
    for (uint32_t i = 0; i < n_ && sports < 3; ++i) sports += In(kSportsWords, Lower(Text(i))) ? 1 : 0;
    sports_ = sports >= 3;
    for (const MentionRow& m : doc_.mentions()) {
      if (m.country != kNoStr) article_countries_.insert(std::string(doc_.Str(m.country)));
    }
    mention_at_.assign(n_, -1);
    const auto& ms = doc_.mentions();
    for (size_t m = 0; m < ms.size(); ++m) {
      for (uint32_t i = ms[m].first_token; i < ms[m].end_token && i < n_; ++i) mention_at_[i] = static_cast<int>(m);
    }
    // Words the article writes as proper nouns inside sentences (not at a sentence start).
    for (const SentenceRow& s : doc_.sentences()) {
      if (AllCapsSentence(s)) continue;
      for (uint32_t i = s.first_token + 1; i < s.end_token; ++i) {
        if (UposOf(i) == Upos::PROPN && StartsUpper(Text(i))) mid_sentence_names_.insert(Lower(Text(i)));
      }
    }
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    caps_sentence_.assign(doc_.sentences().size(), 0);
    for (const SentenceRow& s : doc_.sentences()) {
      if (s.kind == Furniture::kByline || s.kind == Furniture::kCredit || s.kind == Furniture::kBoilerplate) continue;
      caps_sentence_[doc_.tokens()[s.first_token].sentence] = AllCapsSentence(s);
      for (uint32_t i = s.first_token; i < s.end_token;) {
        // A title opens no name: "Defender Hassan Abbas" is the name "Hassan Abbas".
        if (In(kPersonTitles, Lower(Text(i))) && i + 1 < s.end_token && IsNameToken(i + 1, s) && mention_at_[i] < 0) {
          ++i;
          continue;
        }
        if (uint32_t len = GazetteerLength(i, s.end_token); len >= 2) {  // "United Arab Emirates", "New Zealand"
          spans.emplace_back(i, i + len);
          i += len;
          continue;
        }
        if (!IsNameToken(i, s)) {
          ++i;
          continue;
        }
        uint32_t j = i + 1;
        while (j < s.end_token) {
          if (IsNameToken(j, s)) {
            ++j;
          } else if (j + 1 < s.end_token && In(kConnectors, Lower(Text(j))) && IsNameToken(j + 1, s)) {
            j += 2;
          } else {
            break;
          }
        }
        spans.emplace_back(i, j);
        i = j;
      }
    }
    // Types: first the spans the rules settle, then the rest (which may take a type seen earlier).
    std::vector<std::string> types(spans.size());
    for (size_t k = 0; k < spans.size(); ++k) types[k] = Classify(spans[k].first, spans[k].second, true);
    for (size_t k = 0; k < spans.size(); ++k) {
      if (types[k].empty()) types[k] = Classify(spans[k].first, spans[k].second, false);
    }
    // A lone word typed ORG that is also a word of a person's full name in the article, later or
    // earlier ("Lebed" and "Alexander Lebed", "Wang" and "Wang Xiaoming"), is that person.
    std::set<std::string> surnames;
    for (size_t k = 0; k < spans.size(); ++k) {
      if (types[k] != "PER" || spans[k].second - spans[k].first < 2) continue;
      for (uint32_t i = spans[k].first; i < spans[k].second; ++i) surnames.insert(FoldWord(Text(i)));
    }
    for (size_t k = 0; k < spans.size(); ++k) {
      if (types[k] == "ORG" && spans[k].second - spans[k].first == 1 && mention_at_[spans[k].first] < 0 &&
          surnames.count(FoldWord(Text(spans[k].first))) > 0) {
        types[k] = "PER";
      }
    }
    std::vector<EntityRow> out;
    for (size_t k = 0; k < spans.size(); ++k) {
      if (types[k].empty() || types[k] == "-") continue;
      if (types[k] == "PER") spans[k] = PersonName(spans[k].first, spans[k].second);
      EntityRow e;
      e.first_token = spans[k].first;
      e.end_token = spans[k].second;
      e.type = doc_.Intern(types[k]);
      out.push_back(e);
    }
    return out;
  }

 private:
  std::string_view Text(uint32_t i) const { return doc_.token(i).text(); }
  Upos UposOf(uint32_t i) const { return doc_.tokens()[i].upos; }

  bool AllCapsSentence(const SentenceRow& s) const {
    uint32_t caps = 0, words = 0;
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      if (!std::isalpha(static_cast<unsigned char>(Text(i)[0]))) continue;
      ++words;
      caps += IsAllCaps(Text(i)) || Text(i).size() == 1 ? 1 : 0;
    }
    return words >= 2 && caps * 10 >= words * 8;
  }

  // A word of a name: a capitalised proper noun, or a capitalised word inside a person's or
  // organisation's actor mention. In an all-capitals headline only the tagger's proper nouns count.
  bool IsNameToken(uint32_t i, const SentenceRow& s) const {
    std::string_view t = Text(i);
    if (!StartsUpper(t)) return false;
    // "U.S.", "C." (an initial): letters and dots; otherwise the word must end in a letter or digit.
    bool dotted = t.back() == '.' && t.size() <= 5 &&
                  std::all_of(t.begin(), t.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '.'; });
    if (!dotted && !std::isalnum(static_cast<unsigned char>(t.back()))) return false;
    if (In(kNotNames, Lower(t)) || (t.size() == 1 && UposOf(i) != Upos::PROPN)) return false;
    if (Lower(t) == "may" && IsMonthMay(i, s)) return false;
    if (UposOf(i) == Upos::PROPN) return true;
    // A capitalised noun inside a sentence is a name the tagger missed ("Brooklyn Institute").
    const bool caps = caps_sentence_[doc_.tokens()[i].sentence] != 0;
    if ((UposOf(i) == Upos::NOUN || UposOf(i) == Upos::X) && i > s.first_token && std::isalpha(static_cast<unsigned char>(Text(i - 1)[0])) &&
        !caps) {
      return true;
    }
    // A capitalised adjective opening a longer name ("Foreign Ministry"), not a lone "European".
    if (UposOf(i) == Upos::ADJ && i > s.first_token && !caps && i + 1 < s.end_token && StartsUpper(Text(i + 1)) &&
        In(kOrgLast, Lower(Text(i + 1)))) {
      return true;
    }
    // A sentence's first word that the article also capitalises mid-sentence ("Lebed said ...").
    if (i == s.first_token && !caps && mid_sentence_names_.count(Lower(t)) > 0) return true;
    // In a capitals headline, a country or sizeable town ("ROMANIA BEAT LITHUANIA").
    if (caps) {
      const Place* p = GazetteerPlace(i, i + 1);
      if (p != nullptr && (p->kind == PlaceKind::kCountry || p->population >= 100000)) return true;
    }
    int m = mention_at_[i];
    if (m >= 0) {
      MentionKind k = doc_.mentions()[m].kind;
      if (k == MentionKind::kPerson || k == MentionKind::kOrganisation) return true;
    }
    return false;
  }

  // The name inside a person's span: what follows the last title or role word ("Russian President
  // Boris Yeltsin", "Air Traffic Control Administration Director Branko Bilbija" -> the name), and
  // what comes before "of" ("Keith O'Neill of Norwich City").
  std::pair<uint32_t, uint32_t> PersonName(uint32_t first, uint32_t end) const {
    for (uint32_t i = first + 1; i + 1 < end; ++i) {
      if (Lower(Text(i)) == "of") {
        end = i;
        break;
      }
    }
    for (uint32_t i = end - 1; i > first; --i) {
      std::string w = Lower(Text(i - 1));
      bool role = In(kPersonTitles, w) || In(kRoleWords, w);
      bool country = mention_at_[i - 1] >= 0 && doc_.mentions()[mention_at_[i - 1]].kind == MentionKind::kCountry &&
                     doc_.mentions()[mention_at_[i - 1]].end_token <= i;
      if (role || country) return {i, end};
    }
    return {first, end};
  }

  // "Rwandan", "Zairean", "Kenyans": a country's name plus -n, -an, -ian (plural -s).
  bool IsDemonymOfCountry(std::string word) const {
    if (g_ == nullptr || word.size() < 5) return false;
    if (word.back() == 's') word.pop_back();
    if (!word.ends_with("n")) return false;
    for (size_t cut : {1, 2, 3}) {
      if (word.size() <= cut + 2) break;
      const auto* names = g_->Find(word.substr(0, word.size() - cut));
      if (names == nullptr) continue;
      for (const PlaceName& pn : *names) {
        if (g_->places()[pn.place].kind == PlaceKind::kCountry) return true;
      }
    }
    return false;
  }

  // The word is the subject of a speech verb ("Lebed said", "Wang told reporters").
  bool SubjectOfSpeech(uint32_t i) const {
    const TokenRow& t = doc_.tokens()[i];
    if (t.head < 0 || static_cast<uint32_t>(t.head) >= n_ || doc_.Str(t.deprel) != "nsubj") return false;
    std::string_view lemma = doc_.Str(doc_.tokens()[t.head].lemma);
    return lemma == "say" || lemma == "tell" || lemma == "add" || lemma == "ask" || lemma == "insist" ||
           lemma == "explain" || lemma == "admit" || lemma == "complain";
  }

  // "May" as the month: after "in", "last" ..., or next to a number ("May 5", "5 May").
  bool IsMonthMay(uint32_t i, const SentenceRow& s) const {
    if (i > s.first_token && (In(kMonthContext, Lower(Text(i - 1))) || UposOf(i - 1) == Upos::NUM)) return true;
    return i + 1 < s.end_token && UposOf(i + 1) == Upos::NUM;
  }

  // A score right after the name ("Leeds 2 Arsenal 1"): a number of at most three digits.
  bool ScoreAfter(uint32_t end) const {
    if (end >= n_ || UposOf(end) != Upos::NUM) return false;
    std::string_view t = Text(end);
    return t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  }

  // The length of the longest gazetteer name at i written with capitals (0 when none).
  uint32_t GazetteerLength(uint32_t i, uint32_t s_end) const {
    if (g_ == nullptr || !StartsUpper(Text(i))) return 0;
    std::string key;
    uint32_t best = 0;
    for (uint32_t len = 1; len <= Gazetteer::kMaxWords && i + len <= s_end; ++len) {
      std::string_view w = Text(i + len - 1);
      if (len > 1) key += ' ';
      key += FoldWord(w);
      if (!StartsUpper(w) && w != "of" && w != "and") break;
      if (StartsUpper(w) && g_->Find(key) != nullptr) best = len;
      if (!g_->IsPrefix(key)) break;
    }
    return best;
  }

  // The gazetteer's place for the exact words [first, end), or null.
  const Place* GazetteerPlace(uint32_t first, uint32_t end) const {
    if (g_ == nullptr || end - first > Gazetteer::kMaxWords) return nullptr;
    std::string key;
    for (uint32_t i = first; i < end; ++i) {
      if (i > first) key += ' ';
      key += FoldWord(Text(i));
    }
    const auto* names = g_->Find(key);
    if (names == nullptr) return nullptr;
    const Place* best = nullptr;
    for (const PlaceName& pn : *names) {
      const Place& p = g_->places()[pn.place];
      if (best == nullptr || static_cast<int>(p.kind) < static_cast<int>(best->kind) ||
          (p.kind == best->kind && p.population > best->population)) {
        best = &p;
      }
    }
    return best;
  }

  // The type of [first, end); with `settled_only`, empty when only the fallbacks would decide.
  std::string Classify(uint32_t first, uint32_t end, bool settled_only) {
    std::string last = Lower(Text(end - 1)), head = Lower(Text(first));
    const Place* place = GazetteerPlace(first, end);
    // 1. the actor mention covering the name
    int m = mention_at_[end - 1] >= 0 ? mention_at_[end - 1] : mention_at_[first];
    // A country named inside a longer name ("Air France", "U.S. Open") does not type the name.
    if (m >= 0 && doc_.mentions()[m].kind == MentionKind::kCountry &&
        (doc_.mentions()[m].first_token > first || doc_.mentions()[m].end_token < end)) {
      m = -1;
    }
    if (m >= 0) {
      const MentionRow& row = doc_.mentions()[m];
      switch (row.kind) {
        case MentionKind::kPerson: return Remember(first, end, "PER");
        case MentionKind::kOrganisation: return Remember(first, end, "ORG");
        case MentionKind::kCountry: {
          if (place != nullptr) return Remember(first, end, "LOC");
          if (In(kPeoples, last) || UposOf(end - 1) == Upos::ADJ || last.ends_with("ian") || last.ends_with("ese") ||
              last.ends_with("ish") || last.ends_with("ians") || last.ends_with("an") || last.ends_with("ans") ||
              last.ends_with("i") || last.ends_with("is")) {
            return "MISC";
          }
          // "the Kremlin", "White House" are institutions; "West Bank", "Gaza" are land.
          std::string words = Key(first, end);
          words.pop_back();
          if (In(kInstitutionMetonyms, words)) return Remember(first, end, "ORG");
          return Remember(first, end, "LOC");
        }
        default: break;
      }
    }
    // a country or a named feature ("West Bank", "Gaza Strip") even when its last word is an
    // organisation's ("bank")
    if (place != nullptr && (place->kind == PlaceKind::kCountry || place->kind == PlaceKind::kFeature)) {
      return Remember(first, end, "LOC");
    }
    // 2. organisation cues
    if (In(kOrgLast, last) && end - first >= 2) return Remember(first, end, "ORG");
    if (end - first >= 3 && In(kOrgFirst, head) && Lower(Text(first + 1)) == "of") return Remember(first, end, "ORG");
    // 3. a title before the name
    if (first > 0 && In(kPersonTitles, Lower(Text(first - 1)))) return Remember(first, end, "PER");
    if (end - first >= 2 && In(kPersonTitles, head)) return Remember(first, end, "PER");
    // 4. places; a town with a score after it is a team
    if (place != nullptr) {
      std::string words = Key(first, end);
      words.pop_back();
      bool town = (place->kind == PlaceKind::kCity || place->kind == PlaceKind::kSubdivision) &&
                  !In(kNationsInSubdivisions, words);
      bool after_preposition = first > 0 && In(kPlacePrepositions, Lower(Text(first - 1)));
      // "LONDON 1996-12-06": a dateline is a place, also in a sports report.
      bool dateline = end < n_ && std::isdigit(static_cast<unsigned char>(Text(end)[0])) &&
                      Text(end).find('-') != std::string_view::npos;
      if (town && !after_preposition && !dateline && (sports_ || ScoreAfter(end))) return Remember(first, end, "ORG");
      // A small town that the article gives no reason for is more often a surname ("Lara", "Cairns").
      bool weak = place->kind == PlaceKind::kCity && place->population < 200000 && !after_preposition &&
                  article_countries_.count(place->country) == 0 && end - first == 1;
      if (!weak) return Remember(first, end, "LOC");
    }
    // A team: a name ending in a sizeable town ("Stefanel Milan", "Bayer Leverkusen"), or any name
    // with a score after it.
    if (end - first >= 2 && (sports_ || ScoreAfter(end)) && Text(first).size() > 2) {
      const Place* part = GazetteerPlace(end - 1, end);
      if (ScoreAfter(end) || (part != nullptr && part->kind == PlaceKind::kCity && part->population >= 150000)) {
        return Remember(first, end, "ORG");
      }
    }
    // a place by its last word ("Wall Street", "Gaza Strip"), unless an organisation's
    if (end - first >= 2 && In(kPlaceLast, last)) return Remember(first, end, "LOC");
    // 5. seen before
    auto it = seen_.find(Key(first, end));
    if (it != seen_.end()) return it->second;
    if (end - first == 1) {
      auto word = word_type_.find(FoldWord(Text(first)));
      if (word != word_type_.end()) return word->second;
    }
    // peoples, nationalities, languages: MISC
    if (place == nullptr && (end - first == 1 || UposOf(end - 1) == Upos::ADJ || mention_at_[end - 1] >= 0) &&
        (In(kPeoples, last) || last.ends_with("ian") || last.ends_with("ians") || last.ends_with("ese") ||
         last.ends_with("ish") || IsDemonymOfCountry(last))) {
      return "MISC";
    }
    // events, competitions, prizes, works: MISC
    if (In(kMiscLast, last) && end - first >= 2) return "MISC";
    if (settled_only) return "";
    if (end - first == 1 && ScoreAfter(end) && sports_) return "ORG";
    // 6. fallbacks. In an all-capitals headline nothing without evidence; a single word not seen as a
    // person's surname is more often a club, company or party than a person.
    if (caps_sentence_[doc_.tokens()[first].sentence] != 0) return "-";
    if (end - first == 1 && (In(kOrgLast, last) || In(kMiscLast, last))) return "-";  // "Court", "League" alone
    // An unknown name after "in", "at", "near" ... is a place; before "(Country)" a player.
    if (first > 0 && In(kPlacePrepositions, Lower(Text(first - 1)))) return Remember(first, end, "LOC");
    if (end + 2 < n_ && Text(end) == "(" && GazetteerPlace(end + 1, end + 2) != nullptr) return Remember(first, end, "PER");
    if (end - first == 1) {
      // A lone capitalised common noun or a letter (tables, "Fifth") is no name without evidence.
      if (UposOf(first) != Upos::PROPN || Text(first).size() == 1) return "-";
      // The one who said or told something is a person ("Lebed said").
      if (SubjectOfSpeech(first)) return Remember(first, end, "PER");
      return Remember(first, end, "ORG");
    }
    // A longer name with a country in it is a company or team, not a person ("Air France").
    for (uint32_t i = first; i < end; ++i) {
      if (mention_at_[i] >= 0 && doc_.mentions()[mention_at_[i]].kind == MentionKind::kCountry) return Remember(first, end, "ORG");
    }
    return Remember(first, end, "PER");
  }

  std::string Key(uint32_t first, uint32_t end) const {
    std::string key;
    for (uint32_t i = first; i < end; ++i) key += FoldWord(Text(i)) + " ";
    return key;
  }

  // Types seen: the whole name, and a person's last word and an organisation's first word alone.
  std::string Remember(uint32_t first, uint32_t end, const char* type) {
    std::string t = type;
    seen_.emplace(Key(first, end), t);
    if (t == "PER" && end - first >= 2) word_type_.emplace(FoldWord(Text(end - 1)), t);
    return t;
  }

  const Gazetteer* g_;
  Document& doc_;
  uint32_t n_;
  std::vector<int> mention_at_;
  std::vector<uint8_t> caps_sentence_;
  bool sports_ = false;
  std::set<std::string> article_countries_, mid_sentence_names_;
  std::unordered_map<std::string, std::string> seen_, word_type_;
};

class EntityStage : public Stage {
 public:
  explicit EntityStage(std::shared_ptr<const Gazetteer> g) : g_(std::move(g)) {}
  std::string_view name() const override { return "entities"; }
  uint32_t Requires() const override { return kLayerMentions; }
  uint32_t Provides() const override { return kLayerEntities; }
  Status Process(Document& doc, StageScratch*) const override {
    doc.mutable_entities() = FindEntities(g_.get(), doc);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const Gazetteer> g_;
};

}  // namespace

std::vector<EntityRow> FindEntities(const Gazetteer* gazetteer, Document& doc) {
  if (doc.tokens().empty()) return {};
  return EntityFinder(gazetteer, doc).Run();
}

std::shared_ptr<const Stage> MakeEntityStage(std::shared_ptr<const Gazetteer> gazetteer) {
  return std::make_shared<EntityStage>(std::move(gazetteer));
}

}  // namespace dyad::extract
