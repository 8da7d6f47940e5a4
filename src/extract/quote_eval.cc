#include "extract/quote_eval.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/split.h"
#include "core/utf8.h"

namespace dyad::extract {
namespace {

// The text as code points, with each one's byte offset (and the end) for slicing.
struct CodePoints {
  std::vector<char32_t> cp;
  std::vector<uint32_t> byte;  // size cp.size() + 1
};

CodePoints Decode(std::string_view text) {
  CodePoints out;
  out.cp.reserve(text.size());
  out.byte.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    int len = 1;
    out.byte.push_back(static_cast<uint32_t>(i));
    out.cp.push_back(utf8::Decode(text, i, &len));
    i += static_cast<size_t>(len);
  }
  out.byte.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;        // Latin-1 punctuation and signs
  if (c >= 0x2000 && c <= 0x206F) return false;                 // general punctuation (quotes, dashes)
  if ((c >= 0x3000 && c <= 0x303F) || c == 0xFEFF || c == 0xFFFD) return false;
  return true;
}

bool IsOpeningMark(const std::vector<char32_t>& cp, size_t i) {
  char32_t c = cp[i];
  if (c == 0x201C || c == 0x201E || c == 0x2018 || c == 0xAB || c == '"' || c == '`') return true;
  return c == '\'' && i + 1 < cp.size() && cp[i + 1] == '\'';
}

// Word index of every code point (-1 outside words) and the number of words.
struct Words {
  std::vector<int> of;
  size_t count = 0;
};

Words Segment(const CodePoints& t) {
  Words w;
  w.of.assign(t.cp.size(), -1);
  bool in = false;
  for (size_t i = 0; i < t.cp.size(); ++i) {
    if (IsWordChar(t.cp[i])) {
      if (!in) ++w.count;
      in = true;
      w.of[i] = static_cast<int>(w.count) - 1;
    } else {
      in = false;
    }
  }
  return w;
}

// [first, end) word range covered by a code point range (words cut by the range count).
std::pair<int, int> WordSpan(const Words& w, CharRange r) {
  int first = -1, last = -2;
  for (uint32_t i = r.first; i < r.second && i < w.of.size(); ++i) {
    if (w.of[i] < 0) continue;
    if (first < 0) first = w.of[i];
    last = w.of[i];
  }
  return {first < 0 ? 0 : first, last + 1 < 0 ? 0 : last + 1};
}

void Mark(const Words& w, const std::vector<CharRange>& ranges, std::vector<uint8_t>& flags, uint8_t bit) {
  for (const auto& r : ranges) {
    auto [b, e] = WordSpan(w, r);
    for (int i = b; i < e; ++i) flags[i] |= bit;
  }
}

size_t Overlap(std::pair<int, int> a, std::pair<int, int> b) {
  int lo = std::max(a.first, b.first), hi = std::min(a.second, b.second);
  return hi > lo ? static_cast<size_t>(hi - lo) : 0;
}

std::string Slice(std::string_view text, const CodePoints& t, CharRange r, size_t max_chars) {
  uint32_t b = std::min<uint32_t>(r.first, static_cast<uint32_t>(t.cp.size()));
  uint32_t e = std::min<uint32_t>(r.second, static_cast<uint32_t>(t.cp.size()));
  if (e > b + max_chars) e = b + static_cast<uint32_t>(max_chars);
  std::string s(text.substr(t.byte[b], t.byte[e] - t.byte[b]));
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

double Ratio(size_t a, size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b); }
double Harmonic(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

}  // namespace

Result<std::vector<GoldAttribution>> ParseBratAttributions(std::string_view ann, std::string_view text) {
  CodePoints t = Decode(text);
  struct TextBound {
    std::string kind;
    std::vector<CharRange> ranges;
  };
  std::map<std::string, TextBound, std::less<>> bounds;
  std::vector<std::pair<size_t, std::string>> events;  // (line number, role list)
  size_t line_no = 0;
  for (size_t pos = 0; pos < ann.size();) {
    size_t nl = ann.find('\n', pos);
    std::string_view line = ann.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? ann.size() : nl + 1;
    ++line_no;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab < 2) continue;
    std::string_view id = line.substr(0, tab);
    if ((id[0] != 'T' && id[0] != 'E') ||
        !std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;  // a continuation line of a multi-line span text, a note, a comment
    }
    auto fields = SplitFields(line);
    auto bad = [&](const std::string& why) {
      return Status::InvalidInput("line " + std::to_string(line_no) + ": " + why);
    };
    if (fields.size() < 2) return bad("line without a second column");
    if (id[0] == 'E') {
      events.emplace_back(line_no, std::string(fields[1]));
      continue;
    }
    std::string_view spec = fields[1];
    size_t space = spec.find(' ');
    if (space == std::string_view::npos) return bad("T line without offsets");
    TextBound tb{std::string(spec.substr(0, space)), {}};
    for (std::string_view piece : SplitFields(spec.substr(space + 1), ';')) {
      unsigned b = 0, e = 0;
      if (std::sscanf(std::string(piece).c_str(), "%u %u", &b, &e) != 2 || b > e || e > t.cp.size()) {
        return bad("bad span '" + std::string(piece) + "'");
      }
      tb.ranges.emplace_back(b, e);
    }
    bounds[std::string(id)] = std::move(tb);
  }
  std::vector<GoldAttribution> out;
  for (const auto& [event_line, roles] : events) {
    GoldAttribution a;
    for (std::string_view role : SplitFields(roles, ' ')) {
      size_t colon = role.find(':');
      if (colon == std::string_view::npos) continue;
      auto it = bounds.find(role.substr(colon + 1));
      if (it == bounds.end()) {
        return Status::InvalidInput("line " + std::to_string(event_line) + ": unknown span " +
                                    std::string(role.substr(colon + 1)));
      }
      std::string_view name = role.substr(0, colon);
      auto& ranges = name == "Content" ? a.content : name == "Source" ? a.source : name == "Cue" ? a.cue : a.content;
      if (name == "Content" || name == "Source" || name == "Cue") {
        ranges.insert(ranges.end(), it->second.ranges.begin(), it->second.ranges.end());
      }
    }
    if (a.content.empty()) continue;
    std::sort(a.content.begin(), a.content.end());
    size_t i = a.content.front().first;
    while (i < a.content.front().second && (t.cp[i] == ' ' || t.cp[i] == '\n')) ++i;
    a.direct = i < a.content.front().second && IsOpeningMark(t.cp, i);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<SystemQuote> SystemQuotes(const Document& doc) {
  std::vector<SystemQuote> out;
  for (const QuoteRow& q : doc.quotes()) {
    SystemQuote s;
    s.content = {doc.CharOffset(q.begin), doc.CharOffset(q.end)};
    if (q.speaker_end > q.speaker_first && q.speaker_end <= doc.tokens().size()) {
      s.speaker = {doc.CharOffset(doc.tokens()[q.speaker_first].begin),
                   doc.CharOffset(doc.tokens()[q.speaker_end - 1].end)};
    }
    s.direct = q.direct;
    out.push_back(s);
  }
  return out;
}

void ScoreQuotes(std::string_view text, const std::vector<GoldAttribution>& gold,
                 const std::vector<SystemQuote>& system, QuoteScores* s, std::vector<std::string>* errors) {
  CodePoints t = Decode(text);
  Words w = Segment(t);
  enum : uint8_t { kGoldDirect = 1, kGoldIndirect = 2, kSysDirect = 4, kSysAny = 8 };
  std::vector<uint8_t> f(w.count, 0);
  for (const auto& a : gold) Mark(w, a.content, f, a.direct ? kGoldDirect : kGoldIndirect);
  for (const auto& q : system) {
    Mark(w, {q.content}, f, kSysAny);
    if (q.direct) Mark(w, {q.content}, f, kSysDirect);
  }
  ++s->docs;
  for (uint8_t x : f) {
    bool gd = x & kGoldDirect, gi = x & kGoldIndirect, sd = x & kSysDirect, sa = x & kSysAny;
    s->gold_words += gd;
    s->recall_hits += gd && sd;
    bool left_out = sd && gi && !gd;
    s->left_out_words += left_out;
    s->system_words += sd && !left_out;
    s->precision_hits += sd && gd;
    s->all_gold_words += gd || gi;
    s->all_system_words += sa;
    s->all_recall_hits += (gd || gi) && sa;
    s->all_precision_hits += sa && (gd || gi);
  }
  for (const auto& q : system) s->system_direct += q.direct;
  for (const auto& a : gold) {
    if (!a.direct) continue;
    ++s->gold_direct;
    if (a.source.empty()) continue;
    ++s->speaker_total;
    size_t best = 0;
    const SystemQuote* match = nullptr;
    for (const auto& q : system) {
      if (!q.direct) continue;
      size_t overlap = 0;
      for (const auto& r : a.content) overlap += Overlap(WordSpan(w, r), WordSpan(w, q.content));
      if (overlap > best) best = overlap, match = &q;
    }
    if (match == nullptr) continue;
    ++s->speaker_found;
    bool right = false;
    auto said = WordSpan(w, match->speaker);
    for (const auto& r : a.source) right = right || Overlap(WordSpan(w, r), said) > 0;
    s->speaker_right += right;
    if (!right && errors != nullptr) {
      errors->push_back("speaker '" + Slice(text, t, match->speaker, 60) + "' for gold '" +
                        Slice(text, t, a.source.front(), 60) + "': " + Slice(text, t, a.content.front(), 80));
    }
  }
}

double QuoteScores::Precision() const { return Ratio(precision_hits, system_words); }
double QuoteScores::Recall() const { return Ratio(recall_hits, gold_words); }
double QuoteScores::F1() const { return Harmonic(Precision(), Recall()); }
double QuoteScores::SpeakerAccuracyFound() const { return Ratio(speaker_right, speaker_found); }
double QuoteScores::SpeakerAccuracyAll() const { return Ratio(speaker_right, speaker_total); }

std::string FormatQuoteScores(const QuoteScores& s) {
  char buf[1024];
  double ap = Ratio(s.all_precision_hits, s.all_system_words), ar = Ratio(s.all_recall_hits, s.all_gold_words);
  std::snprintf(buf, sizeof buf,
                "documents             %zu\n"
                "gold direct quotes    %zu (system: %zu)\n"
                "direct content        P %.3f  R %.3f  F1 %.3f   (words: gold %zu, system %zu, %zu left out "
                "inside gold indirect contents)\n"
                "speaker accuracy      %.3f over found (%zu/%zu), %.3f over all gold direct with a source (%zu)\n"
                "all attributions      P %.3f  R %.3f  F1 %.3f   (word overlap, direct + indirect)\n",
                s.docs, s.gold_direct, s.system_direct, s.Precision(), s.Recall(), s.F1(), s.gold_words,
                s.system_words, s.left_out_words, s.SpeakerAccuracyFound(), s.speaker_right, s.speaker_found,
                s.SpeakerAccuracyAll(), s.speaker_total, ap, ar, Harmonic(ap, ar));
  return buf;
}

}  // namespace dyad::extract
