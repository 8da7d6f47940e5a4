#include "tag/lemmatizer.h"

#include <algorithm>

#include "tag/tag_features.h"

namespace dyad::tag {
namespace {

// Case pattern of a form, part of every suffix-rule key: EWT lower-cases "The" but keeps "NASA".
enum CaseClass : uint64_t { kLower = 1, kInitialCap, kAllCaps, kOtherCase };

CaseClass CaseOf(std::string_view f) {
  int upper = 0, lower = 0;
  for (unsigned char c : f) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (c >= 'a' && c <= 'z') ++lower;
  }
  if (upper == 0) return kLower;
  if (lower == 0) return kAllCaps;
  if (f[0] >= 'A' && f[0] <= 'Z' && upper == 1) return kInitialCap;
  return kOtherCase;
}

void AsciiLower(std::string_view f, std::string* out) {
  out->assign(f);
  for (char& c : *out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

uint64_t TableKey(std::string_view lower, std::string_view xpos) {
  return Mix(HashBytes(lower, 0x7AB1E), HashBytes(xpos, 0x9005));
}

uint64_t ExactKey(std::string_view form, std::string_view xpos) {
  return Mix(HashBytes(form, 0xE4AC7), HashBytes(xpos, 0x9005));
}

// "6,363,217" -> "6363217": digits with digit-group commas (and maybe a decimal part).
bool StripDigitGroupCommas(std::string_view form, std::string* out) {
  if (form.size() < 5 || form.size() > 64) return false;
  bool comma = false;
  for (size_t i = 0; i < form.size(); ++i) {
    char c = form[i];
    if (c == ',') {
      if (i == 0 || i + 1 >= form.size() || form[i - 1] < '0' || form[i - 1] > '9') return false;
      comma = true;
    } else if ((c < '0' || c > '9') && c != '.') {
      return false;
    }
  }
  if (!comma) return false;
  out->clear();
  for (char c : form)
    if (c != ',') out->push_back(c);
  return true;
}

uint64_t RuleKey(std::string_view xpos, CaseClass cc, std::string_view suffix) {
  return Mix(Mix(HashBytes(xpos, 0x9005), cc), HashBytes(suffix, 0x5FF1));
}

struct Irregular {
  const char* form;
  const char* xpos_prefix;  // matches every XPOS starting with it ("VB" = all verb forms)
  const char* lemma;
};

// English irregular forms, written for dyad (not taken from any corpus). Only consulted for
// (form, XPOS) pairs the training data did not show.
constexpr Irregular kIrregulars[] = {
    // be, have, do, go
    {"am", "VB", "be"}, {"is", "VB", "be"}, {"are", "VB", "be"}, {"was", "VB", "be"}, {"were", "VB", "be"},
    {"been", "VB", "be"}, {"being", "VB", "be"}, {"'m", "VB", "be"}, {"'re", "VB", "be"}, {"ai", "VB", "be"},
    {"has", "VB", "have"}, {"had", "VB", "have"}, {"having", "VB", "have"}, {"'ve", "VB", "have"},
    {"does", "VB", "do"}, {"did", "VB", "do"}, {"done", "VB", "do"}, {"doing", "VB", "do"},
    {"went", "VB", "go"}, {"gone", "VB", "go"}, {"goes", "VB", "go"},
    // modals
    {"ca", "MD", "can"}, {"could", "MD", "could"}, {"wo", "MD", "will"}, {"'ll", "MD", "will"},
    {"'d", "MD", "would"}, {"sha", "MD", "shall"},
    // common irregular verbs (past / participle)
    {"said", "VB", "say"}, {"made", "VB", "make"}, {"took", "VB", "take"}, {"taken", "VB", "take"},
    {"came", "VB", "come"}, {"saw", "VBD", "see"}, {"seen", "VB", "see"}, {"knew", "VB", "know"},
    {"known", "VB", "know"}, {"got", "VB", "get"}, {"gotten", "VB", "get"}, {"gave", "VB", "give"},
    {"given", "VB", "give"}, {"found", "VB", "find"}, {"thought", "VB", "think"}, {"told", "VB", "tell"},
    {"became", "VB", "become"}, {"left", "VB", "leave"}, {"felt", "VB", "feel"}, {"brought", "VB", "bring"},
    {"began", "VB", "begin"}, {"begun", "VB", "begin"}, {"kept", "VB", "keep"}, {"held", "VB", "hold"},
    {"wrote", "VB", "write"}, {"written", "VB", "write"}, {"stood", "VB", "stand"}, {"heard", "VB", "hear"},
    {"meant", "VB", "mean"}, {"met", "VB", "meet"}, {"ran", "VB", "run"}, {"paid", "VB", "pay"},
    {"sat", "VB", "sit"}, {"spoke", "VB", "speak"}, {"spoken", "VB", "speak"}, {"led", "VB", "lead"},
    {"grew", "VB", "grow"}, {"grown", "VB", "grow"}, {"lost", "VB", "lose"}, {"fell", "VBD", "fall"},
    {"fallen", "VB", "fall"}, {"sent", "VB", "send"}, {"built", "VB", "build"},
    {"understood", "VB", "understand"}, {"drew", "VB", "draw"}, {"drawn", "VB", "draw"},
    {"broke", "VBD", "break"}, {"broken", "VB", "break"}, {"spent", "VB", "spend"}, {"rose", "VBD", "rise"},
    {"risen", "VB", "rise"}, {"drove", "VB", "drive"}, {"driven", "VB", "drive"}, {"bought", "VB", "buy"},
    {"wore", "VB", "wear"}, {"worn", "VB", "wear"}, {"chose", "VB", "choose"}, {"chosen", "VB", "choose"},
    {"sought", "VB", "seek"}, {"threw", "VB", "throw"}, {"thrown", "VB", "throw"}, {"caught", "VB", "catch"},
    {"dealt", "VB", "deal"}, {"won", "VB", "win"}, {"fought", "VB", "fight"}, {"fled", "VB", "flee"},
    {"struck", "VB", "strike"}, {"sold", "VB", "sell"}, {"taught", "VB", "teach"}, {"flew", "VB", "fly"},
    {"flown", "VB", "fly"}, {"forgot", "VB", "forget"}, {"forgotten", "VB", "forget"}, {"shot", "VB", "shoot"},
    {"slew", "VBD", "slay"}, {"slain", "VB", "slay"}, {"hid", "VB", "hide"}, {"hidden", "VB", "hide"},
    {"ate", "VB", "eat"}, {"eaten", "VB", "eat"}, {"bore", "VBD", "bear"}, {"borne", "VB", "bear"},
    {"beaten", "VB", "beat"}, {"bit", "VBD", "bite"}, {"bitten", "VB", "bite"}, {"blew", "VB", "blow"},
    {"blown", "VB", "blow"}, {"froze", "VB", "freeze"}, {"frozen", "VB", "freeze"}, {"swore", "VB", "swear"},
    {"sworn", "VB", "swear"}, {"stole", "VB", "steal"}, {"stolen", "VB", "steal"}, {"shook", "VB", "shake"},
    {"shaken", "VB", "shake"}, {"woke", "VB", "wake"}, {"woken", "VB", "wake"}, {"rode", "VB", "ride"},
    {"ridden", "VB", "ride"}, {"sang", "VB", "sing"}, {"sung", "VB", "sing"}, {"swam", "VB", "swim"},
    {"drank", "VB", "drink"}, {"drunk", "VBN", "drink"}, {"sank", "VB", "sink"}, {"sunk", "VB", "sink"},
    {"rang", "VB", "ring"}, {"rung", "VB", "ring"}, {"fed", "VB", "feed"}, {"bled", "VB", "bleed"},
    {"sped", "VB", "speed"}, {"slid", "VB", "slide"}, {"hung", "VB", "hang"}, {"laid", "VB", "lay"},
    {"lain", "VB", "lie"}, {"withdrew", "VB", "withdraw"}, {"withdrawn", "VB", "withdraw"},
    {"arose", "VB", "arise"}, {"arisen", "VB", "arise"}, {"forbade", "VB", "forbid"},
    {"forbidden", "VB", "forbid"}, {"forgave", "VB", "forgive"}, {"forgiven", "VB", "forgive"},
    {"wept", "VB", "weep"}, {"swept", "VB", "sweep"}, {"slept", "VB", "sleep"}, {"crept", "VB", "creep"},
    {"dug", "VB", "dig"}, {"stuck", "VB", "stick"}, {"swung", "VB", "swing"}, {"spun", "VB", "spin"},
    {"clung", "VB", "cling"}, {"flung", "VB", "fling"}, {"bound", "VBD", "bind"}, {"overcame", "VB", "overcome"},
    {"undertook", "VB", "undertake"}, {"undertaken", "VB", "undertake"}, {"mistook", "VB", "mistake"},
    {"mistaken", "VBN", "mistake"}, {"foresaw", "VB", "foresee"}, {"foreseen", "VB", "foresee"},
    {"overtook", "VB", "overtake"}, {"overtaken", "VB", "overtake"}, {"upheld", "VB", "uphold"},
    {"withheld", "VB", "withhold"}, {"shone", "VB", "shine"}, {"strode", "VB", "stride"},
    {"sprang", "VB", "spring"}, {"sprung", "VB", "spring"}, {"strove", "VB", "strive"},
    {"striven", "VB", "strive"}, {"wove", "VB", "weave"}, {"woven", "VB", "weave"}, {"tore", "VB", "tear"},
    {"torn", "VB", "tear"}, {"lent", "VB", "lend"}, {"bent", "VB", "bend"}, {"fled", "VB", "flee"},
    {"sought", "VB", "seek"}, {"besought", "VB", "beseech"}, {"oversaw", "VB", "oversee"},
    {"overseen", "VB", "oversee"}, {"outran", "VB", "outrun"}, {"reran", "VB", "rerun"},
    {"rebuilt", "VB", "rebuild"}, {"retold", "VB", "retell"}, {"rewrote", "VB", "rewrite"},
    {"rewritten", "VB", "rewrite"}, {"underwent", "VB", "undergo"}, {"undergone", "VB", "undergo"},
    {"befell", "VB", "befall"}, {"befallen", "VB", "befall"}, {"misled", "VB", "mislead"},
    // irregular plurals
    {"men", "NNS", "man"}, {"women", "NNS", "woman"}, {"children", "NNS", "child"}, {"feet", "NNS", "foot"},
    {"teeth", "NNS", "tooth"}, {"mice", "NNS", "mouse"}, {"geese", "NNS", "goose"}, {"oxen", "NNS", "ox"},
    {"lives", "NNS", "life"}, {"wives", "NNS", "wife"}, {"knives", "NNS", "knife"}, {"leaves", "NNS", "leaf"},
    {"wolves", "NNS", "wolf"}, {"halves", "NNS", "half"}, {"thieves", "NNS", "thief"},
    {"shelves", "NNS", "shelf"}, {"loaves", "NNS", "loaf"}, {"criteria", "NNS", "criterion"},
    {"phenomena", "NNS", "phenomenon"}, {"analyses", "NNS", "analysis"}, {"crises", "NNS", "crisis"},
    {"theses", "NNS", "thesis"}, {"hypotheses", "NNS", "hypothesis"}, {"diagnoses", "NNS", "diagnosis"},
    {"indices", "NNS", "index"}, {"matrices", "NNS", "matrix"}, {"appendices", "NNS", "appendix"},
    {"nuclei", "NNS", "nucleus"}, {"stimuli", "NNS", "stimulus"}, {"alumni", "NNS", "alumnus"},
    {"fungi", "NNS", "fungus"}, {"cacti", "NNS", "cactus"}, {"syllabi", "NNS", "syllabus"},
    {"policemen", "NNS", "policeman"}, {"businessmen", "NNS", "businessman"},
    {"spokesmen", "NNS", "spokesman"}, {"congressmen", "NNS", "congressman"},
    {"gunmen", "NNS", "gunman"}, {"chairmen", "NNS", "chairman"}, {"firemen", "NNS", "fireman"},
    {"servicemen", "NNS", "serviceman"}, {"militiamen", "NNS", "militiaman"},
    {"spokeswomen", "NNS", "spokeswoman"}, {"grandchildren", "NNS", "grandchild"},
    // irregular comparison
    {"better", "JJR", "good"}, {"best", "JJS", "good"}, {"worse", "JJR", "bad"}, {"worst", "JJS", "bad"},
    {"further", "JJR", "far"}, {"furthest", "JJS", "far"}, {"farther", "JJR", "far"},
    {"farthest", "JJS", "far"}, {"better", "RBR", "well"}, {"best", "RBS", "well"},
    {"elder", "JJR", "old"}, {"eldest", "JJS", "old"},
    // pronouns: case forms take the nominative as lemma in UD English
    {"me", "PRP", "I"}, {"my", "PRP$", "my"}, {"him", "PRP", "he"}, {"her", "PRP", "she"},
    {"us", "PRP", "we"}, {"them", "PRP", "they"},
};

bool XposMatches(std::string_view xpos, std::string_view prefix) { return xpos.rfind(prefix, 0) == 0; }

}  // namespace

bool IrregularLemma(std::string_view lower_form, std::string_view xpos, std::string_view* lemma) {
  for (const Irregular& irr : kIrregulars) {
    if (lower_form == irr.form && XposMatches(xpos, irr.xpos_prefix)) {
      *lemma = irr.lemma;
      return true;
    }
  }
  return false;
}

LemmaEdit EditFor(std::string_view form, std::string_view lemma) {
  std::string lower, title;
  AsciiLower(form, &lower);
  title = lower;
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 'a' + 'A');
  auto common = [&](std::string_view a) {
    size_t n = 0;
    while (n < a.size() && n < lemma.size() && a[n] == lemma[n]) ++n;
    return n;
  };
  size_t by_lower = common(lower), by_keep = common(form), by_title = common(title);
  LemmaEdit e;
  size_t keep = by_lower;
  if (by_keep > keep) e.case_mode = LemmaCase::kKeep, keep = by_keep;
  if (by_title > keep) e.case_mode = LemmaCase::kTitle, keep = by_title;
  e.strip = static_cast<uint8_t>(std::min<size_t>(form.size() - keep, 255));
  e.append = std::string(lemma.substr(keep));
  return e;
}

bool Lemmatizer::Apply(const LemmaEdit& e, std::string_view form, std::string_view lower, std::string* out) const {
  std::string_view base = e.case_mode == LemmaCase::kKeep ? form : lower;
  if (e.strip > base.size()) return false;
  size_t cut = base.size() - e.strip;
  // Never cut a UTF-8 sequence in half.
  if (cut < base.size() && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) return false;
  out->assign(base.substr(0, cut));
  if (e.case_mode == LemmaCase::kTitle && !out->empty() && (*out)[0] >= 'a' && (*out)[0] <= 'z')
    (*out)[0] = static_cast<char>((*out)[0] - 'a' + 'A');
  out->append(e.append);
  return !out->empty();
}

void Lemmatizer::Lemmatize(std::string_view form, std::string_view xpos, std::string* out) const {
  std::string lower;  // forms are short: this stays in the small-string buffer, no allocation
  AsciiLower(form, &lower);
  if (uint32_t id = exact_.Find(ExactKey(form, xpos)); id != FlatTable64::kMissing && id < edits_.size()) {
    if (Apply(edits_[id], form, lower, out)) return;
  }
  if (uint32_t id = table_.Find(TableKey(lower, xpos)); id != FlatTable64::kMissing && id < edits_.size()) {
    if (Apply(edits_[id], form, lower, out)) return;
  }
  std::string_view irregular;
  if (IrregularLemma(lower, xpos, &irregular)) {
    out->assign(irregular);
    return;
  }
  if (xpos == "CD" && StripDigitGroupCommas(form, out)) return;
  CaseClass cc = CaseOf(form);
  size_t longest = std::min<size_t>(lower.size(), kMaxRuleSuffix);
  for (size_t len = longest + 1; len-- > 0;) {
    uint32_t id = rules_.Find(RuleKey(xpos, cc, std::string_view(lower).substr(lower.size() - len)));
    if (id != FlatTable64::kMissing && id < edits_.size() && Apply(edits_[id], form, lower, out)) return;
  }
  bool proper = xpos == "NNP" || xpos == "NNPS";
  out->assign(proper ? form : std::string_view(lower));
}

void Lemmatizer::BuildIndexes() {
  exact_.Build(exact_keys_, exact_edits_);
  table_.Build(table_keys_, table_edits_);
  rules_.Build(rule_keys_, rule_edits_);
}

void Lemmatizer::Save(ModelWriter& w) const {
  w.U32(static_cast<uint32_t>(edits_.size()));
  for (const LemmaEdit& e : edits_) {
    w.U32(static_cast<uint32_t>(e.case_mode) | (static_cast<uint32_t>(e.strip) << 8));
    w.Str(e.append);
  }
  w.Array(exact_keys_);
  w.Array(exact_edits_);
  w.Array(table_keys_);
  w.Array(table_edits_);
  w.Array(rule_keys_);
  w.Array(rule_edits_);
}

Status Lemmatizer::Load(ModelReader& r) {
  constexpr size_t kMaxEntries = 1 << 24;
  uint32_t n = 0;
  if (!r.U32(&n) || n > kMaxEntries) return Status::Corrupt("lemmatizer: bad edit count");
  edits_.assign(n, LemmaEdit());
  for (LemmaEdit& e : edits_) {
    uint32_t bits = 0;
    if (!r.U32(&bits) || !r.Str(&e.append, 256)) return Status::Corrupt("lemmatizer: truncated edits");
    if ((bits & 0xFF) > static_cast<uint32_t>(LemmaCase::kTitle) || (bits >> 16) != 0)
      return Status::Corrupt("lemmatizer: bad edit");
    e.case_mode = static_cast<LemmaCase>(bits & 0xFF);
    e.strip = static_cast<uint8_t>(bits >> 8);
  }
  if (!r.Array(&exact_keys_, kMaxEntries) || !r.Array(&exact_edits_, kMaxEntries) ||
      !r.Array(&table_keys_, kMaxEntries) || !r.Array(&table_edits_, kMaxEntries) ||
      !r.Array(&rule_keys_, kMaxEntries) || !r.Array(&rule_edits_, kMaxEntries))
    return Status::Corrupt("lemmatizer: truncated tables");
  if (exact_keys_.size() != exact_edits_.size() || table_keys_.size() != table_edits_.size() ||
      rule_keys_.size() != rule_edits_.size())
    return Status::Corrupt("lemmatizer: table sizes differ");
  for (uint32_t id : exact_edits_)
    if (id >= n) return Status::Corrupt("lemmatizer: edit id out of range");
  for (uint32_t id : table_edits_)
    if (id >= n) return Status::Corrupt("lemmatizer: edit id out of range");
  for (uint32_t id : rule_edits_)
    if (id >= n) return Status::Corrupt("lemmatizer: edit id out of range");
  BuildIndexes();
  return Status::Ok();
}

void LemmatizerBuilder::Add(std::string_view form, std::string_view xpos, std::string_view lemma) {
  if (form.empty() || lemma.empty()) return;
  LemmaEdit e = EditFor(form, lemma);
  std::string lower;
  AsciiLower(form, &lower);
  exact_counts_[ExactKey(form, xpos)][e]++;
  exact_to_table_[ExactKey(form, xpos)] = TableKey(lower, xpos);
  table_counts_[TableKey(lower, xpos)][e]++;
  CaseClass cc = CaseOf(form);
  size_t longest = std::min<size_t>(lower.size(), kMaxRuleSuffix);
  uint64_t parent = 0;
  for (size_t len = 0; len <= longest; ++len) {
    uint64_t key = RuleKey(xpos, cc, std::string_view(lower).substr(lower.size() - len));
    rule_counts_[key][e]++;
    rule_length_[key] = static_cast<int>(len);
    if (len > 0) rule_parent_[key] = parent;
    parent = key;
  }
}

Lemmatizer LemmatizerBuilder::Build(int min_rule_count) const {
  Lemmatizer lem;
  std::map<LemmaEdit, uint32_t> edit_ids;
  auto id_of = [&](const LemmaEdit& e) {
    auto [it, added] = edit_ids.emplace(e, static_cast<uint32_t>(lem.edits_.size()));
    if (added) lem.edits_.push_back(e);
    return it->second;
  };
  auto best = [](const std::map<LemmaEdit, int>& counts, int* count) {
    const LemmaEdit* b = nullptr;
    int bc = 0;
    for (const auto& [e, c] : counts)
      if (c > bc) b = &e, bc = c;  // ties: the first in edit order, so the result is deterministic
    *count = bc;
    return b;
  };
  std::map<uint64_t, uint32_t> table_edit;
  for (const auto& [key, counts] : table_counts_) {
    int c = 0;
    lem.table_keys_.push_back(key);
    lem.table_edits_.push_back(id_of(*best(counts, &c)));
    table_edit[key] = lem.table_edits_.back();
  }
  // The exact-form table only where the spelling's own edit differs from its lower-cased entry
  // ("i" -> "I" while "I" keeps its form): most spellings agree and need no entry.
  for (const auto& [key, counts] : exact_counts_) {
    int c = 0;
    uint32_t id = id_of(*best(counts, &c));
    if (table_edit.at(exact_to_table_.at(key)) == id) continue;
    lem.exact_keys_.push_back(key);
    lem.exact_edits_.push_back(id);
  }
  // Rules, shortest suffix first; a longer suffix is kept only when it changes the outcome.
  std::vector<std::pair<int, uint64_t>> order;
  for (const auto& [key, len] : rule_length_) order.push_back({len, key});
  std::sort(order.begin(), order.end());
  std::map<uint64_t, uint32_t> effective;  // rule key -> edit id the lookup would produce
  for (const auto& [len, key] : order) {
    int c = 0;
    const LemmaEdit* e = best(rule_counts_.at(key), &c);
    uint32_t inherited = FlatTable64::kMissing;
    if (len > 0) {
      auto p = effective.find(rule_parent_.at(key));
      if (p != effective.end()) inherited = p->second;
    }
    if (len == 0 || c >= min_rule_count) {
      uint32_t id = id_of(*e);
      if (id != inherited) {
        lem.rule_keys_.push_back(key);
        lem.rule_edits_.push_back(id);
      }
      effective[key] = id;
    } else if (inherited != FlatTable64::kMissing) {
      effective[key] = inherited;
    }
  }
  lem.BuildIndexes();
  return lem;
}

}  // namespace dyad::tag
