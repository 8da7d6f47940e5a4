// Word lists of the entities stage (entities.cc, entity_cues.cc): cue words for organisations,
// persons, places, events, and the words that are no names (general English and news vocabulary
// written for dyad), and the word-shape tests they share.
#pragma once

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

namespace dyad::extract::entity_words {

// Last words that make a name an organisation ("Acme Corp", "Labour Party", "Bank of England").
inline constexpr std::array<std::string_view, 150> kOrgLast = {
    "inc", "corp", "corporation", "ltd", "llc", "plc", "co", "company", "group", "party", "ministry",
    "university", "bank", "council", "committee", "commission", "agency", "association", "union",
    "club", "fc", "airlines", "airways", "times", "news", "post", "journal", "press", "institute",
    "foundation", "fund", "federation", "league", "department", "court", "army", "police", "parliament",
    "assembly", "congress", "senate", "exchange", "holdings", "international", "motors", "systems",
    "technologies", "communications", "industries", "services", "network", "reuters", "organisation",
    "organization", "office", "board", "authority", "front", "movement", "brigade", "ag", "sa", "nv",
    "united", "rovers", "wanderers", "athletic", "albion", "spor", "hotspur", "sc", "cf", "ac",
    // companies' legal forms and trades
    "spa", "ab", "bros", "gmbh", "asa", "oy", "bv", "pty", "bhd", "tbk", "s.a", "n.v", "a.g", "bancorp", "trust",
    "securities", "capital", "partners", "investments", "insurance", "petroleum", "resources", "mining",
    "steel", "electric", "telecom", "pharmaceuticals", "chemical", "chemicals", "cement", "commodities",
    "controls", "foods", "financial", "entertainment", "broadcasting", "television", "tv", "radio",
    // news media and bodies
    "daily", "herald", "tribune", "gazette", "zeitung", "telegraph", "magazine", "desk", "bureau",
    "administration", "directorate", "tribunal", "corps", "guard", "navy", "militia", "campaign",
    "community", "force", "forces", "brigades", "reserve", "hospital", "railroad", "railway",
    "railways", "media", "records", "studios", "command", "orchestra", "band", "labs", "laboratories",
    "ventures", "enterprises", "college", "church",
};
// First words of an organisation's name before "of" ("Ministry of Defence", "University of Michigan").
inline constexpr std::array<std::string_view, 12> kOrgFirst = {
    "ministry", "university", "bank", "department", "institute", "council", "college", "church",
    "house", "office", "federation", "association",
};
// Words that make an article a sports report, where towns are mostly teams ("Leeds beat Arsenal").
inline constexpr std::array<std::string_view, 24> kSportsWords = {
    "soccer", "football", "cricket", "rugby", "basketball", "baseball", "hockey", "tennis", "golf",
    "league", "match", "goal", "goals", "striker", "scored", "championship", "season", "innings",
    "wickets", "halftime", "standings", "midfielder", "coach", "cup",
};
// Last words of events, competitions and prizes (MISC): "World Cup", "Nobel Prize", "Euro 96".
inline constexpr std::array<std::string_view, 18> kMiscLast = {
    "cup", "championship", "championships", "open", "games", "olympics", "award", "awards", "prize",
    "war", "index", "festival", "prix", "series", "trophy", "day", "act", "treaty",
};
// Peoples and languages without the usual endings (MISC): "Swiss", "Dutch", "Thai".
inline constexpr std::array<std::string_view, 78> kPeoples = {
    "swiss", "dutch", "french", "thai", "greek", "czech", "basque", "uzbek", "kazakh", "arab", "arabs",
    "serb", "serbs", "croat", "croats", "kurds", "turk", "turks", "scot", "scots", "welsh", "irish",
    "iraqi", "israeli", "pakistani", "saudi", "yemeni", "kuwaiti", "afghan", "bosnian", "briton", "britons",
    "moslem", "moslems", "muslim", "muslims", "yugoslav", "tajik", "tajiks", "chechen", "chechens", "olympic",
    "jew", "jews", "hutu", "hutus", "tutsi", "tutsis", "sikh", "sikhs", "hindu", "hindus", "catholic",
    "catholics", "protestant", "protestants", "sunni", "sunnis", "shia", "shiite", "shiites", "alawite",
    "alawites", "druze", "pashtun", "pashtuns", "uighur", "uighurs", "tamil", "tamils", "zulu", "zulus",
    "maori", "inuit", "islamist", "islamists", "texan", "texans",
};
// Country mentions that name an institution, not the land: "the Kremlin", "White House" (ORG).
inline constexpr std::array<std::string_view, 12> kInstitutionMetonyms = {
    "kremlin", "pentagon", "white house", "downing street", "elysee", "whitehall", "quai d'orsay",
    "zhongnanhai", "foggy bottom", "blue house", "porte", "vatican",
};
// Countries that are subdivisions in ISO 3166-2 but countries in news and sport ("England beat Wales").
inline constexpr std::array<std::string_view, 4> kNationsInSubdivisions = {"england", "scotland", "wales", "northern ireland"};
// Last words of a place's name (LOC): "Wall Street", "Gaza Strip", "Red Sea".
inline constexpr std::array<std::string_view, 37> kPlaceLast = {
    "street", "avenue", "road", "square", "bridge", "river", "island", "islands", "mountains", "sea", "ocean",
    "bay", "lake", "valley", "county", "province", "strip", "bank", "park", "airport", "stadium", "gulf",
    "strait", "peninsula", "desert", "coast", "heights", "hills", "canal", "plain", "centre", "center",
    "course", "motel", "arena", "circuit", "falls",
};
// Words before a month name that make "May" a month ("in May", "last May").
inline constexpr std::array<std::string_view, 14> kMonthContext = {
    "in", "of", "since", "until", "by", "last", "next", "early", "late", "mid", "this", "from", "through", "to",
};

// Prepositions after which a town is a place, even in a sports report ("the match in Moscow").
inline constexpr std::array<std::string_view, 8> kPlacePrepositions = {"in", "at", "from", "near", "to", "into", "outside", "across"};

// Words before a person's name.
inline constexpr std::array<std::string_view, 40> kPersonTitles = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "president", "minister", "senator", "sen",
    "rep", "gov", "governor", "king", "queen", "prince", "princess", "pope", "judge", "general", "gen",
    "coach", "striker", "midfielder", "defender", "goalkeeper", "captain", "chairman", "spokesman",
    "spokeswoman", "secretary", "ambassador", "premier", "chancellor", "mayor", "leader", "father",
    "bishop",
};
// Words of offices and roles before a person's name, besides kPersonTitles ("Foreign Minister",
// "Federal Reserve Governor", "Chicago Cardinal", "Cofinec CEO").
inline constexpr std::array<std::string_view, 36> kRoleWords = {
    "director", "chief", "executive", "ceo", "head", "cardinal", "archbishop", "professor", "prof",
    "democrat", "republican", "congressman", "congresswoman", "deputy", "envoy", "commissioner",
    "commander", "colonel", "col", "lieutenant", "lt", "sergeant", "sgt", "major", "admiral", "dr",
    "chairwoman", "president-elect", "sheikh", "ayatollah", "rabbi", "reverend", "rev", "officer",
    "manager", "emperor",
};
// Words inside a name run when a proper noun follows ("Bank of England", "Procter & Gamble"); never
// "and": "Putin and Erdogan" are two names.
inline constexpr std::array<std::string_view, 16> kConnectors = {
    "of", "de", "&", "du", "van", "der", "da", "von", "di", "del", "la", "le", "den", "dos", "bin", "ibn",
};
// Prepositions before a longer unknown name that make it a place: not "to", "from", "at", which
// also go before people ("the ball fell to Markus Schopp").
inline constexpr std::array<std::string_view, 5> kStrongPlacePrepositions = {"in", "near", "outside", "into", "across"};

// Capitalised words that are not names (weekdays, months, words of headlines and tables).
inline constexpr std::array<std::string_view, 39> kNotNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "group", "squad", "division", "result", "results", "standings", "scoreboard", "i",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gmt",
};

// Last words of football clubs' names, read in sports reports only ("Norwich City", "Crystal Palace").
inline constexpr std::array<std::string_view, 16> kTeamLast = {
    "city", "town", "county", "palace", "villa", "forest", "orient", "argyle", "thistle", "academical",
    "wednesday", "alexandra", "celtic", "rangers", "juniors", "dynamo",
};
// Labels of results tables and scorecards, no names ("Extras 12", "Attendance 35,000").
inline constexpr std::array<std::string_view, 24> kTableLabels = {
    "extras", "bowling", "batting", "attendance", "tries", "try", "conversions", "conversion", "penalties",
    "penalty", "scorers", "scorer", "avg", "pct", "chg", "yield", "fall", "wickets", "halftime", "half-time",
    "pts", "played", "goals", "points",
};
// Words before "of" inside one name ("Duke of Norfolk", "City of London", "Gulf of Mexico").
inline constexpr std::array<std::string_view, 26> kOfNames = {
    "duke", "duchess", "earl", "city", "republic", "isle", "gulf", "bay", "cape", "port", "kingdom", "state",
    "states", "county", "province", "district", "sea", "strait", "statue", "cathedral", "palace", "museum",
    "battle", "siege", "treaty", "war",
};
inline constexpr std::array<std::string_view, 10> kOrdinals = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
};
// Companies' legal forms, the last word of a company's name ("LM Ericsson AB", "Pirelli SpA").
inline constexpr std::array<std::string_view, 22> kLegalForms = {
    "inc", "corp", "corporation", "ltd", "llc", "plc", "co", "spa", "ab", "sa", "s.a", "nv", "n.v", "ag",
    "gmbh", "asa", "oy", "bv", "pty", "bhd", "tbk", "bros",
};
// First words of clubs' names ("Real Madrid", "Dinamo Zagreb", "Borussia Dortmund").
inline constexpr std::array<std::string_view, 27> kTeamFirst = {
    "real", "atletico", "sporting", "dinamo", "dynamo", "olympique", "deportivo", "borussia", "eintracht",
    "fortuna", "hertha", "werder", "partizan", "steaua", "spartak", "lokomotiv", "cska", "fc", "sc", "sk",
    "cd", "ud", "vfb", "vfl", "tsv", "fk", "nk",
};
// First words of events before "of" (MISC): "Battle of Britain", "Treaty of Rome".
inline constexpr std::array<std::string_view, 4> kMiscFirst = {"battle", "siege", "treaty", "war"};
// Regions named by a compass word alone ("the Midwest", "the South").
inline constexpr std::array<std::string_view, 10> kCompassRegions = {
    "midwest", "mideast", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
};
// Colours opening clubs' and bodies' names ("Red Star", "White Sox", "Blue Jays", "Red Cross").
inline constexpr std::array<std::string_view, 7> kColours = {"white", "blue", "red", "black", "green", "golden", "orange"};
// Lowercase ends of a capitalised compound that make it MISC ("Brazilian-born", "Texas-based").
inline constexpr std::array<std::string_view, 9> kCompoundEnds = {
    "born", "based", "origin", "owned", "led", "backed", "made", "registered", "listed",
};

// Bodies named by one word, which the lone-word rules would leave out ("Treasury", "Reuters").
inline constexpr std::array<std::string_view, 22> kBodies = {
    "treasury", "parliament", "congress", "senate", "fed", "knesset", "duma", "bundestag", "bundesbank", "sejm",
    "politburo", "interpol", "reuters", "xinhua", "tass", "itar-tass", "yonhap", "bernama", "kyodo", "afp",
    "nasdaq", "opec",
};

// Words that qualify an office before its title ("Foreign Minister", "Prime Minister", "Vice
// President"): part of the title, not of a name.
inline constexpr std::array<std::string_view, 20> kOfficeQualifiers = {
    "foreign", "interior", "defence", "defense", "finance", "prime", "vice", "economy", "trade", "justice",
    "home", "health", "energy", "oil", "education", "agriculture", "labour", "labor", "transport", "information",
};

// Word shapes.
template <typename L>
bool In(const L& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!out.empty() && out.back() == '.') out.pop_back();  // "Corp." "Mr."
  return out;
}

inline bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  return std::isupper(c) || c >= 0x80;
}

inline bool IsAllCaps(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letters += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
  }
  return letters >= 2;
}

// Two to six capitals, digits after the first allowed ("NAACP", "MTV2"), or two to four with dots
// ("U.N."), not a roman numeral.
inline bool IsAcronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 8 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
  bool roman = true;
  size_t letters = 0, dots = 0;
  for (char c : w) {
    if (c == '.') {
      ++dots;
      continue;
    }
    if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c))) return false;
    ++letters;
    roman = roman && std::string_view("IVXLC").find(c) != std::string_view::npos;
  }
  if (dots > 0 && (dots != letters || letters > 4)) return false;  // "U.N.", not "U.N" or "A.B.C.D.E."
  return letters >= 2 && letters <= 6 && !roman;
}

// "Brazilian-born", "Ohio-based": a word, a dash and one of kCompoundEnds.
inline bool IsCompound(std::string_view w) {
  size_t dash = w.rfind('-');
  return dash != std::string_view::npos && dash > 0 && In(kCompoundEnds, Lower(w.substr(dash + 1)));
}

// The titles and offices before a person's name in [first, name): where they start ("Iranian Foreign
// Minister X" -> at "Foreign"). `text(i)` gives word i.
template <typename TextOf>
uint32_t TitlesStart(uint32_t first, uint32_t name, const TextOf& text) {
  uint32_t titles = name;
  while (titles > first && (In(kPersonTitles, Lower(text(titles - 1))) || In(kRoleWords, Lower(text(titles - 1))))) --titles;
  if (titles < name) {
    while (titles > first && In(kOfficeQualifiers, Lower(text(titles - 1)))) --titles;
  }
  return titles;
}

inline bool IsInitial(std::string_view w) {  // "P.", "J.J."
  return w.size() >= 2 && w.size() <= 4 && w.back() == '.' && std::isupper(static_cast<unsigned char>(w[0]));
}

}  // namespace dyad::extract::entity_words
