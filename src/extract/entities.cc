#include "extract/entities.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <string>
#include <set>
#include <unordered_map>

#include "extract/entity_cues.h"
#include "extract/entity_gazetteer.h"
#include "extract/entity_lexicon.h"
#include "extract/entity_spans.h"
#include "extract/entity_words.h"

namespace dyad::extract {
namespace {

using namespace entity_words;

enum Pass { kSettled = 0, kContext = 1, kFallback = 2 };

class EntityFinder {
 public:
  EntityFinder(const Gazetteer* g, const EntityLexicon& lexicon, Document& doc)
      : g_(g), lexicon_(lexicon), doc_(doc), n_(static_cast<uint32_t>(doc.tokens().size())) {}

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
        const bool noun = (UposOf(i) == Upos::NOUN || UposOf(i) == Upos::X) && !Text(i - 1).empty() &&
                          std::isalpha(static_cast<unsigned char>(Text(i - 1)[0]));
        if ((UposOf(i) == Upos::PROPN || noun) && StartsUpper(Text(i))) mid_sentence_names_.insert(Lower(Text(i)));
      }
    }
    const std::vector<Span> spans = FindSpans();
    // Types: first the spans the rules settle, then those the words around them decide, then the
    // rest (each later pass may take a type the article gave the same name earlier or later).
    std::vector<std::string> types(spans.size());
    for (const auto& [f, e] : spans) {
      if (e - f == 1) ++lone_count_[FoldWord(Text(f))];
    }
    std::vector<int> decided(spans.size(), kFallback);  // the pass that typed each span
    for (int pass : {0, 1, 2, 3}) {  // kSettled, kContext, kFallback (text), kFallback (headlines)
      for (size_t k = 0; k < spans.size(); ++k) {
        // capitals headlines last, so that they find the names the text has typed
        const bool caps = caps_sentence_[doc_.tokens()[spans[k].first].sentence] != 0;
        if (pass >= kFallback && caps != (pass > kFallback)) continue;
        if (!types[k].empty()) continue;
        types[k] = Classify(spans[k].first, spans[k].second, std::min<int>(pass, kFallback));
        decided[k] = std::min<int>(pass, kFallback);
      }
    }
    PersonsBySurname(spans, decided, types);
    return Emit(spans, types);
  }

 private:
  using Span = std::pair<uint32_t, uint32_t>;

  // Runs of name words, cut into names (entity_spans.h), in order.
  std::vector<Span> FindSpans() {
    std::vector<Span> spans;
    caps_sentence_.assign(doc_.sentences().size(), 0);
    table_row_.assign(doc_.sentences().size(), 0);
    for (const SentenceRow& s : doc_.sentences()) {
      if (s.kind == Furniture::kByline || s.kind == Furniture::kCredit || s.kind == Furniture::kBoilerplate) continue;
      const uint32_t sentence = doc_.tokens()[s.first_token].sentence;
      caps_sentence_[sentence] = AllCapsSentence(s);
      table_row_[sentence] = IsTableRow(doc_, s);
      for (uint32_t i = s.first_token; i < s.end_token;) {
        // A title opens no name: "Defender Hassan Abbas" is the name "Hassan Abbas".
        if (In(kPersonTitles, Lower(Text(i))) && i + 1 < s.end_token && IsNameToken(i + 1, s) && mention_at_[i] < 0) {
          ++i;
          continue;
        }
        uint32_t j = i + 1;
        if (uint32_t len = GazetteerLength(i, s.end_token); len >= 2) {  // "United Arab Emirates", "New Zealand"
          // ... unless a name goes on after it ("New York Stock Exchange", "New York Yankees")
          const bool goes_on = caps_sentence_[sentence] == 0 && i + len < s.end_token && UposOf(i + len) == Upos::PROPN &&
                               IsNameToken(i + len, s) && GazetteerLength(i + len, s.end_token) == 0;
          if (!goes_on) {
            spans.emplace_back(i, i + len);
            i += len;
            continue;
          }
          j = i + len;
        } else if (IsCompound(Text(i)) && StartsUpper(Text(i))) {
          spans.emplace_back(i, i + 1);  // "Brazilian-born", "Ohio-based" stand alone
          ++i;
          continue;
        } else if (caps_sentence_[sentence] != 0 && CapsPlace(i)) {
          // In a capitals headline a country or town is a name of its own ("ROMANIA BEAT LITHUANIA").
          spans.emplace_back(i, i + 1);
          ++i;
          continue;
        } else if (!IsNameToken(i, s)) {
          ++i;
          continue;
        }
        while (j < s.end_token) {
          if (caps_sentence_[sentence] != 0 && CapsPlace(j)) break;
          if (IsNameToken(j, s) || (StartsUpper(Text(j)) && (In(kOrgLast, Lower(Text(j))) || In(kTeamLast, Lower(Text(j)))))) {
            ++j;  // "Manchester United" where the tagger calls "United" a verb
          } else if (j + 1 < s.end_token && In(kConnectors, Lower(Text(j))) && IsNameToken(j + 1, s)) {
            j += 2;
          } else if (j + 2 < s.end_token && In(kConnectors, Lower(Text(j))) && In(kConnectors, Lower(Text(j + 1))) &&
                     Text(j) != "&" && Text(j + 1) != "&" && IsNameToken(j + 2, s)) {
            j += 3;  // "Joost van der Westhuizen", "Maria de la Cruz"
          } else if (lexicon_.IsGivenName(Text(j - 1)) && StartsUpper(Text(j)) && std::isalpha(static_cast<unsigned char>(Text(j)[0])) &&
                     !In(kNotNames, Lower(Text(j)))) {
            ++j;  // a given name's surname the tagger calls something else ("John Major")
          } else {
            break;
          }
        }
        // A sentence's "The" is no part of the name ("The State Department said").
        uint32_t start = i;
        if (start == s.first_token && j - start >= 2 && Lower(Text(start)) == "the") ++start;
        AddNameSpans(NameRun{doc_, g_, lexicon_, mention_at_}, start, j, spans);
        i = j;
      }
    }
    return spans;
  }

  // A lone word typed ORG that is also a word of a person's full name in the article, later or
    // earlier ("Lebed" and "Alexander Lebed", "Wang" and "Wang Xiaoming"), is that person.
  void PersonsBySurname(const std::vector<Span>& spans, const std::vector<int>& decided, std::vector<std::string>& types) const {
    std::set<std::string> surnames, given_surnames;  // the latter of names opening with a given name
    for (size_t k = 0; k < spans.size(); ++k) {
      if (types[k] != "PER" || spans[k].second - spans[k].first < 2) continue;
      auto [name_first, name_end] = PersonName(spans[k].first, spans[k].second);  // "Cofinec CEO Stephen Frater"
      if (name_end - name_first < 2) continue;
      // a name the fallback called a person's holds no company's word ("Cofinec GDRs")
      bool doubtful = false;
      for (uint32_t i = name_first; i < name_end && decided[k] == kFallback; ++i) {
        doubtful = doubtful || strong_org_.count(Key(i, i + 1)) > 0;
      }
      if (doubtful) continue;
      for (uint32_t i = name_first; i < name_end; ++i) surnames.insert(FoldWord(Text(i)));
      if (lexicon_.IsGivenName(Text(name_first))) given_surnames.insert(FoldWord(Text(name_end - 1)));
    }
    for (size_t k = 0; k < spans.size(); ++k) {
      const uint32_t f = spans[k].first;
      if (spans[k].second - f != 1 || surnames.count(FoldWord(Text(f))) == 0) continue;
      const bool after_preposition = f > 0 && In(kPlacePrepositions, Lower(Text(f - 1)));
      // a country's name that is the surname of someone named here ("Jordan" and "Michael Jordan")
      if (types[k] == "LOC" && !after_preposition && given_surnames.count(FoldWord(Text(f))) > 0) types[k] = "PER";
      if (mention_at_[f] >= 0) continue;
      // also a town's name that is a person's surname here ("Washington" and "MaliVai Washington"), and
      // a sentence's first word the fallback left out ("Wang said" and "Wang Xiaoming")
      const Place* p = types[k] == "LOC" ? GazetteerPlace(f, f + 1) : nullptr;
      bool town = p != nullptr && (p->kind == PlaceKind::kCity || p->kind == PlaceKind::kSubdivision) && !after_preposition;
      bool left_out = types[k] == "-" && caps_sentence_[doc_.tokens()[f].sentence] == 0 && StartsUpper(Text(f));
      if (types[k] == "ORG" || town || left_out) types[k] = "PER";
    }
  }

  // The entity rows of the typed spans; a person's span is cut to the name (see PersonName).
  std::vector<EntityRow> Emit(const std::vector<Span>& spans, const std::vector<std::string>& types) {
    std::vector<EntityRow> out;
    auto add = [&](uint32_t first, uint32_t end, const std::string& type) {
      if (type.empty() || type == "-" || first >= end) return;
      EntityRow e;
      e.first_token = first;
      e.end_token = end;
      e.type = doc_.Intern(type);
      out.push_back(e);
    };
    for (size_t k = 0; k < spans.size(); ++k) {
      auto [first, end] = spans[k];
      if (types[k] != "PER") {
        add(first, end, types[k]);
        continue;
      }
      // A person's name without the titles before it and what follows "of"; the words before the
      // titles and after "of" are names of their own ("Cofinec CEO Stephen Frater", "Russian
      // President Boris Yeltsin", "Keith O'Neill of Norwich City").
      auto [name_first, name_end] = PersonName(first, end);
      const uint32_t titles = TitlesStart(first, name_first, [this](uint32_t i) { return Text(i); });
      if (titles > first && IsNameToken(titles - 1, doc_.sentences()[doc_.tokens()[first].sentence])) {
        // the body the office belongs to, when nothing else types it ("Acme CEO John Smith"); no
        // person before a title: "Iranian Foreign Minister X" keeps only the country's word
        std::string type = Classify(first, titles, kFallback);
        if (type == "PER") {
          const int m = mention_at_[first];
          const uint32_t country_end = m >= 0 && doc_.mentions()[m].kind == MentionKind::kCountry ? doc_.mentions()[m].end_token : first;
          if (country_end > first && country_end < titles) add(first, country_end, Classify(first, country_end, kFallback));
        } else {
          add(first, titles, type == "-" && UposOf(titles - 1) == Upos::PROPN ? "ORG" : type);
        }
      }
      add(name_first, name_end, "PER");
      if (name_end + 1 < end) add(name_end + 1, end, Classify(name_end + 1, end, kFallback));
    }
    return out;
  }

  std::string_view Text(uint32_t i) const { return doc_.token(i).norm(); }  // folded: curly quotes are straight
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
    const bool caps = caps_sentence_[doc_.tokens()[i].sentence] != 0;
    if (i == s.first_token && IsDateline(doc_, s, i, i + 1)) return true;  // "BUCHAREST 1996-08-30"
    if (!caps && IsAcronym(t)) return true;  // "NAACP", "MTV2" whatever the tagger says
    // In a capitals headline the tagger calls every word a proper noun: a name is one the article
    // writes as a name elsewhere ("STANDARD LIEGE BEAT ..." and "Standard Liege" in the text).
    if (UposOf(i) == Upos::PROPN && (!caps || mid_sentence_names_.count(Lower(t)) > 0)) return true;
    // A club's first word the tagger calls an adjective ("Real Madrid", "Sporting Lisbon", "White Sox").
    if ((In(kTeamFirst, Lower(t)) || In(kColours, Lower(t))) && !caps && i > s.first_token && i + 1 < s.end_token &&
        StartsUpper(Text(i + 1)) && UposOf(i + 1) == Upos::PROPN) {
      return true;
    }
    // A capitalised noun inside a sentence is a name the tagger missed ("Brooklyn Institute").
    if ((UposOf(i) == Upos::NOUN || UposOf(i) == Upos::X) && i > s.first_token && std::isalpha(static_cast<unsigned char>(Text(i - 1)[0])) &&
        !caps) {
      return true;
    }
    // A capitalised adjective opening a longer name that ends in an organisation's word ("Foreign
    // Ministry", "Central Narcotics Bureau"), not a lone "European".
    if (UposOf(i) == Upos::ADJ && i > s.first_token && !caps) {
      for (uint32_t j = i + 1; j < s.end_token && j <= i + 4 && StartsUpper(Text(j)); ++j) {
        if (In(kOrgLast, Lower(Text(j))) || In(kPlaceLast, Lower(Text(j)))) return true;  // "National Tennis Centre"
      }
    }
    // Every capitalised word of a results table or standings row ("Tranmere 4 2 1 1 6 4 7").
    if (table_row_[doc_.tokens()[i].sentence] != 0 && !caps && !In(kTableLabels, Lower(t)) && std::isalpha(static_cast<unsigned char>(t[0])) && t.size() > 1) return true;
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

  uint32_t GazetteerLength(uint32_t i, uint32_t s_end) const { return dyad::extract::GazetteerLength(g_, doc_, i, s_end); }
  const Place* GazetteerPlace(uint32_t first, uint32_t end) const { return dyad::extract::GazetteerPlace(g_, doc_, first, end); }
  bool IsDemonymOfCountry(const std::string& word) const { return dyad::extract::IsDemonymOfCountry(g_, word); }

  // A country or sizeable town in one word ("ROMANIA", "MOSCOW").
  bool CapsPlace(uint32_t i) const {
    const Place* p = GazetteerPlace(i, i + 1);
    return p != nullptr && (p->kind == PlaceKind::kCountry || p->kind == PlaceKind::kSubdivision || p->population >= 100000);
  }

  bool TableRow(uint32_t i) const { return table_row_[doc_.tokens()[i].sentence] != 0; }

  // "( Britain )" after the name: a player in a results list.
  bool CountryInBrackets(uint32_t end) const {
    return end + 2 < n_ && Text(end) == "(" && Text(end + 2) == ")" && GazetteerPlace(end + 1, end + 2) != nullptr;
  }

  // The type of [first, end) by the rules of `pass`: kSettled (names and lists), kContext (the words
  // around it), kFallback (defaults); empty when the pass does not decide. Every pass first takes the
  // settled rules, so a name typed by a later pass elsewhere in the article is found by its key.
  std::string Classify(uint32_t first, uint32_t end, int pass) {
    pass_ = pass;
    std::string last = Lower(Text(end - 1)), head = Lower(Text(first));
    const Place* place = GazetteerPlace(first, end);
    const SentenceRow& sentence = doc_.sentences()[doc_.tokens()[first].sentence];
    // 0. a dateline is a place ("BRUSSELS 1996-08-22", "PARIS (Reuters) -")
    if (IsDateline(doc_, sentence, first, end)) return Remember(first, end, "LOC");
    // a club by its first word, whatever the actors say ("Deportivo Coruna", "Real Madrid")
    if (In(kTeamFirst, head) && (end - first >= 2 || sports_)) return Remember(first, end, "ORG");
    // 1. the actor mention covering the name
    int m = mention_at_[end - 1] >= 0 ? mention_at_[end - 1] : mention_at_[first];
    // A country named inside a longer name ("Air France", "U.S. Open") does not type the name.
    if (m >= 0 && doc_.mentions()[m].kind == MentionKind::kCountry &&
        (doc_.mentions()[m].first_token > first || doc_.mentions()[m].end_token < end)) {
      m = -1;
    }
    // Nor does a person reaching beyond it ("Security Council" of "Security Council President X").
    if (m >= 0 && doc_.mentions()[m].kind == MentionKind::kPerson &&
        (doc_.mentions()[m].first_token < first || doc_.mentions()[m].end_token > end)) {
      m = -1;
    }
    if (m >= 0) {
      const MentionRow& row = doc_.mentions()[m];
      switch (row.kind) {
        case MentionKind::kPerson: return Remember(first, end, "PER");
        case MentionKind::kOrganisation:
          // a seat of power after "in" is the place ("in Brussels", "in Washington")
          if (place != nullptr && first > 0 && In(kPlacePrepositions, Lower(Text(first - 1)))) return Remember(first, end, "LOC");
          return Remember(first, end, "ORG");
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
    if (end - first == 1 && In(kTableLabels, head)) return "-";  // "Extras 12", "Attendance 35,000"
    if (end - first == 1 && In(kBodies, head)) return Remember(first, end, "ORG");  // "Treasury", "Reuters"
    // regions by their compass word ("the Midwest", "the South")
    if (end - first == 1 && In(kCompassRegions, head)) return Remember(first, end, "LOC");
    // 2. organisation cues: the last word, the first word before "of", an organisation's word before
    // "of" ("National Bank of Poland", "Board of Trade"), "&" ("Procter & Gamble"), a club's last word
    // in a sports report ("Norwich City")
    if (In(kOrgLast, last) && end - first >= 2) return Remember(first, end, "ORG");
    if (end - first >= 3 && In(kOrgFirst, head) && Lower(Text(first + 1)) == "of") return Remember(first, end, "ORG");
    for (uint32_t i = first + 1; i + 1 < end; ++i) {
      std::string w = Lower(Text(i));
      if (w == "&" || (w == "of" && (In(kOrgLast, Lower(Text(i - 1))) || In(kOrgFirst, Lower(Text(i - 1)))))) {
        return Remember(first, end, "ORG");
      }
    }
    if (sports_ && end - first >= 2 && In(kTeamLast, last)) return Remember(first, end, "ORG");
    // 3. a title before the name; a given name opening it ("Nolan Henke")
    if (first > 0 && In(kPersonTitles, Lower(Text(first - 1)))) return Remember(first, end, "PER");
    if (end - first >= 2 && In(kPersonTitles, head)) return Remember(first, end, "PER");
    if (end - first >= 2 && place == nullptr && !IsAllCaps(Text(first + 1)) &&
        (lexicon_.IsGivenName(Text(first)) || IsInitial(Text(first)))) {
      return Remember(first, end, "PER");  // "Nolan Henke", "P. Simmons"
    }
    // battles, sieges, treaties: MISC ("Battle of Gettysburg")
    if (end - first >= 3 && In(kMiscFirst, head) && Lower(Text(first + 1)) == "of") return "MISC";
    // 4. places; a town with a score after it is a team
    if (place != nullptr) {
      std::string words = Key(first, end);
      words.pop_back();
      bool town = (place->kind == PlaceKind::kCity || place->kind == PlaceKind::kSubdivision) &&
                  !In(kNationsInSubdivisions, words);
      bool after_preposition = first > 0 && In(kPlacePrepositions, Lower(Text(first - 1)));
      if (town && !after_preposition && (sports_ || ScoreAfter(end))) return Remember(first, end, "ORG");
      // A small town that the article gives no reason for is more often a surname ("Lara", "Cairns").
      bool weak = place->kind == PlaceKind::kCity && place->population < 200000 && !after_preposition &&
                  article_countries_.count(place->country) == 0 && end - first == 1;
      if (!weak) return Remember(first, end, "LOC");
    }
    // A results table's or standings' name: a team, unless a person's ("(Country)" after it, bowling
    // figures, a given name).
    if (TableRow(first) && caps_sentence_[doc_.tokens()[first].sentence] == 0) {
      if (CountryInBrackets(end) || PersonContext(doc_, sentence, first, end)) return Remember(first, end, "PER");
      if (lexicon_.IsGivenName(Text(first)) && end - first >= 2) return Remember(first, end, "PER");
      if (!In(kTableLabels, head)) return Remember(first, end, "ORG");
    }
    // scorecards and ages are sure signs of a person ("b Saqlain Mushtaq 113", "Brakmo, 45,")
    if (!TableRow(first) && PersonContext(doc_, sentence, first, end)) return Remember(first, end, "PER");
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
    // peoples, nationalities, languages: MISC; so are compounds "Brazilian-born", "Texas-based"
    if (end - first == 1 && IsCompound(last)) return "MISC";
    if (place == nullptr && (end - first == 1 || UposOf(end - 1) == Upos::ADJ || mention_at_[end - 1] >= 0) &&
        (In(kPeoples, last) || last.ends_with("ian") || last.ends_with("ians") || last.ends_with("ese") ||
         last.ends_with("ish") || IsDemonymOfCountry(last))) {
      return "MISC";
    }
    // events, competitions, prizes, works: MISC
    if (In(kMiscLast, last) && end - first >= 2) return "MISC";
    if (pass == kSettled) return "";
    const bool caps = caps_sentence_[doc_.tokens()[first].sentence] != 0;
    // 6. the words around it: "shares of X", "X, 35,", "in X", "X said"
    if (!caps) {
      if (OrganisationContext(doc_, sentence, first, end)) return Remember(first, end, "ORG");
      if (PersonContext(doc_, sentence, first, end)) return Remember(first, end, "PER");
      if (end - first == 1 && SubjectOfSpeech(first) && UposOf(first) == Upos::PROPN) return Remember(first, end, "PER");
      const std::string before = first > 0 ? Lower(Text(first - 1)) : "";
      if ((In(kStrongPlacePrepositions, before) || (end - first == 1 && In(kPlacePrepositions, before)) ||
           PlaceContext(doc_, sentence, first, end)) &&
          !lexicon_.IsGivenName(Text(first))) {
        return Remember(first, end, "LOC");
      }
    }
    if (pass == kContext) return "";
    if (end - first == 1 && ScoreAfter(end) && sports_) return "ORG";
    // 7. fallbacks. In an all-capitals headline nothing without evidence; a single word not seen as a
    // person's surname is more often a club, company or party than a person.
    if (caps) return "-";
    if (end - first == 1 && (In(kOrgLast, last) || In(kMiscLast, last))) return "-";  // "Court", "League" alone
    // Before "(Country)" a player.
    if (CountryInBrackets(end)) return Remember(first, end, "PER");
    if (end - first == 1) {
      // A lone capitalised common noun or a letter (tables, "Fifth") is no name without evidence.
      if (UposOf(first) != Upos::PROPN || Text(first).size() == 1 || In(kTableLabels, last) || In(kOrdinals, last)) return "-";
      if (IsAcronym(Text(first))) return Remember(first, end, "ORG");  // also a sentence's first word
      // A sentence's first word that the article never capitalises inside a sentence is more often
      // a headline's or table's word ("Sombre mood ...", "Nickel rose ...") than a name.
      if (first == sentence.first_token && mid_sentence_names_.count(head) == 0) return "-";
      if (lexicon_.IsGivenName(Text(first))) return Remember(first, end, "PER");
      // Nothing says what it is: a name the article repeats is more often an organisation's than
      // not; a name written once, with nothing around it, is as often a fragment or an event.
      // (In a sports report a plural is a team: "Yankees", "Saracens".)
      const bool team = sports_ && last.size() > 3 && last.back() == 's' && !last.ends_with("ss");
      if (lone_count_[FoldWord(Text(first))] < 2 && !team) return "-";
      return Remember(first, end, "ORG");
    }
    // A longer name with a country in it or opening with a town is a company or team, not a person
    // ("Air France", "Philadelphia Eagles", "Bombay Commodities").
    for (uint32_t i = first; i < end; ++i) {
      if (mention_at_[i] >= 0 && doc_.mentions()[mention_at_[i]].kind == MentionKind::kCountry) return Remember(first, end, "ORG");
    }
    // "Pirelli Cables" after "Pirelli" was seen as a company; "Norwich City" (a club's last word)
    if (strong_org_.count(Key(first, first + 1)) > 0 || In(kTeamLast, last) || In(kColours, head)) {
      return Remember(first, end, "ORG");  // ... and "Red Star", "Blue Jays"
    }
    if (const Place* opening = GazetteerPlace(first, first + std::max<uint32_t>(1, GazetteerLength(first, end - 1)));
        opening != nullptr && (opening->kind != PlaceKind::kCity || opening->population >= 100000)) {
      return Remember(first, end, "ORG");
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
    if (t == "ORG" && pass_ != kFallback) strong_org_.insert(Key(first, end));
    if (t == "PER" && end - first >= 2) word_type_.emplace(FoldWord(Text(end - 1)), t);
    if (t == "ORG" && end - first >= 2) {
      // "Pirelli SpA" -> "Pirelli" alone is the company; "Philadelphia Eagles" -> "Eagles" is the team.
      if (In(kOrgLast, Lower(Text(end - 1))) && !lexicon_.IsGivenName(Text(first)) && GazetteerPlace(first, end - 1) == nullptr) {
        seen_.emplace(Key(first, end - 1), t);
        if (pass_ != kFallback) strong_org_.insert(Key(first, end - 1));
      }
      // "LM Ericsson AB" -> "Ericsson": a company's own words, not its trade's or a place's
      if (In(kLegalForms, Lower(Text(end - 1)))) {
        for (uint32_t i = first; i + 1 < end; ++i) {
          std::string w = Lower(Text(i));
          if (w.size() > 2 && !In(kOrgLast, w) && !lexicon_.IsGivenName(w) && GazetteerPlace(i, i + 1) == nullptr) {
            word_type_.emplace(FoldWord(Text(i)), t);
            if (pass_ != kFallback) strong_org_.insert(Key(i, i + 1));
          }
        }
      }
      const Place* opening = GazetteerPlace(first, first + 1);
      if (end - first == 2 && opening != nullptr && opening->kind != PlaceKind::kCountry) word_type_.emplace(FoldWord(Text(end - 1)), t);
    }
    return t;
  }

  const Gazetteer* g_;
  const EntityLexicon& lexicon_;
  Document& doc_;
  uint32_t n_;
  std::vector<int> mention_at_;
  std::vector<uint8_t> caps_sentence_, table_row_;
  bool sports_ = false;
  std::set<std::string> article_countries_, mid_sentence_names_;
  std::unordered_map<std::string, int> lone_count_;  // how often each word is a name alone
  std::set<std::string> strong_org_;  // names typed ORG by a settled rule or the words around them
  int pass_ = kSettled;
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
  return FindEntities(gazetteer, EntityLexicon::Default(), doc);
}

std::vector<EntityRow> FindEntities(const Gazetteer* gazetteer, const EntityLexicon& lexicon, Document& doc) {
  if (doc.tokens().empty()) return {};
  return EntityFinder(gazetteer, lexicon, doc).Run();
}

std::shared_ptr<const Stage> MakeEntityStage(std::shared_ptr<const Gazetteer> gazetteer) {
  return std::make_shared<EntityStage>(std::move(gazetteer));
}

}  // namespace dyad::extract
