#include "extract/entities.h"

#include <algorithm>
#include <array>
#include <cctype>
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
constexpr std::array<std::string_view, 30> kPeoples = {
    "swiss", "dutch", "french", "thai", "greek", "czech", "basque", "uzbek", "kazakh", "arab", "arabs",
    "serb", "serbs", "croat", "croats", "kurds", "turk", "turks", "scot", "scots", "welsh", "irish",
    "iraqi", "israeli", "pakistani", "saudi", "yemeni", "kuwaiti", "afghan", "bosnian",
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
    std::vector<EntityRow> out;
    for (size_t k = 0; k < spans.size(); ++k) {
      if (types[k].empty() || types[k] == "-") continue;
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
    if (UposOf(i) == Upos::PROPN) return true;
    // A capitalised noun inside a sentence is a name the tagger missed ("Brooklyn Institute").
    if ((UposOf(i) == Upos::NOUN || UposOf(i) == Upos::X) && i > s.first_token && std::isalpha(static_cast<unsigned char>(Text(i - 1)[0])) &&
        !caps_sentence_[doc_.tokens()[i].sentence]) {
      return true;
    }
    int m = mention_at_[i];
    if (m >= 0) {
      MentionKind k = doc_.mentions()[m].kind;
      if (k == MentionKind::kPerson || k == MentionKind::kOrganisation) return true;
    }
    return false;
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
    if (m >= 0) {
      const MentionRow& row = doc_.mentions()[m];
      switch (row.kind) {
        case MentionKind::kPerson: return Remember(first, end, "PER");
        case MentionKind::kOrganisation: return Remember(first, end, "ORG");
        case MentionKind::kCountry:
          if (place != nullptr) return Remember(first, end, "LOC");
          if (UposOf(end - 1) == Upos::ADJ || last.ends_with("ian") || last.ends_with("ese") ||
              last.ends_with("ish") || last.ends_with("ians") || last.ends_with("an") || last.ends_with("i")) {
            return "MISC";
          }
          return Remember(first, end, "ORG");  // "the Kremlin", "White House", "Downing Street"
        default: break;
      }
    }
    // 2. organisation cues
    if (In(kOrgLast, last) && end - first >= 2) return Remember(first, end, "ORG");
    if (end - first >= 3 && In(kOrgFirst, head) && Lower(Text(first + 1)) == "of") return Remember(first, end, "ORG");
    // 3. a title before the name
    if (first > 0 && In(kPersonTitles, Lower(Text(first - 1)))) return Remember(first, end, "PER");
    if (end - first >= 2 && In(kPersonTitles, head)) return Remember(first, end, "PER");
    // 4. places; a town with a score after it is a team
    if (place != nullptr) {
      bool town = place->kind == PlaceKind::kCity || place->kind == PlaceKind::kSubdivision;
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
    // 5. seen before
    auto it = seen_.find(Key(first, end));
    if (it != seen_.end()) return it->second;
    if (end - first == 1) {
      auto word = word_type_.find(FoldWord(Text(first)));
      if (word != word_type_.end()) return word->second;
    }
    // peoples, nationalities, languages: MISC
    if (end - first == 1 && place == nullptr &&
        (In(kPeoples, last) || last.ends_with("ian") || last.ends_with("ians") || last.ends_with("ese") ||
         last.ends_with("ish"))) {
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
    if (end - first == 1) return Remember(first, end, "ORG");
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
  std::set<std::string> article_countries_;
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
