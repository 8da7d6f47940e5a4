#include "extract/quote_marks.h"

#include <cctype>
#include <string_view>

namespace dyad::extract {
namespace {

constexpr uint32_t kMaxQuoteTokens = 1500;  // an open quote longer than this is a stray mark

enum class Mark { kNone, kOpen2, kClose2, kEither2, kOpen1, kClose1, kEither1 };

Mark MarkOf(std::string_view t) {
  if (t == "\xE2\x80\x9C" || t == "\xE2\x80\x9E" || t == "\xC2\xAB" || t == "``") return Mark::kOpen2;  // “ „ «
  if (t == "\xE2\x80\x9D" || t == "\xC2\xBB") return Mark::kClose2;                                 // ” »
  if (t == "\"" || t == "''") return Mark::kEither2;
  if (t == "\xE2\x80\x98" || t == "`") return Mark::kOpen1;  // ‘
  if (t == "\xE2\x80\x99") return Mark::kClose1;             // ’
  if (t == "'") return Mark::kEither1;
  return Mark::kNone;
}

bool IsSpaceOrOpener(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '(' || c == '[' || c == '{';
}

// Direction of an ambiguous mark from its neighbours: open when it follows a space (or starts the
// text, or follows a dash) and a non-space follows it; close when it follows a non-space.
Mark Resolve(const Document& doc, uint32_t i, bool open_now) {
  Mark m = MarkOf(doc.token(i).text());
  if (m != Mark::kEither1 && m != Mark::kEither2) return m;
  const TokenRow& t = doc.tokens()[i];
  const std::string& s = doc.text();
  bool space_before = t.begin == 0 || IsSpaceOrOpener(s[t.begin - 1]) ||
                      (t.begin >= 3 && s.compare(t.begin - 3, 3, "\xE2\x80\x94") == 0);  // —
  bool space_after = t.end >= s.size() || s[t.end] == ' ' || s[t.end] == '\n' || s[t.end] == '\r';
  bool two = m == Mark::kEither2;
  if (space_before && !space_after) return two ? Mark::kOpen2 : Mark::kOpen1;
  if (!space_before) return two ? Mark::kClose2 : Mark::kClose1;
  if (!two) return Mark::kNone;  // a lone ' between spaces: not a quote mark
  return open_now ? Mark::kClose2 : Mark::kOpen2;
}

class Pairer {
 public:
  explicit Pairer(const Document& doc) : doc_(doc), n_(static_cast<uint32_t>(doc.tokens().size())) {}

  std::vector<QuoteStretch> Run() {
    int32_t open = -1;  // token index of the open double mark
    bool open_continues = false;
    for (uint32_t i = 0; i < n_; ++i) {
      if (open >= 0 && (ParagraphBreakBefore(i) || !Body(i))) {
        Emit(open, i, -1, open_continues);
        open = -1;
        if (Body(i) && Resolve(doc_, i, false) == Mark::kOpen2) {  // the quote goes on in this paragraph
          open = static_cast<int32_t>(i);
          open_continues = true;
          continue;
        }
      }
      if (!Body(i)) continue;
      Mark m = Resolve(doc_, i, open >= 0);
      if (m == Mark::kOpen2) {
        if (open >= 0) Emit(open, i, -1, open_continues);  // unbalanced: close what was open
        open = static_cast<int32_t>(i);
        open_continues = false;
      } else if (m == Mark::kClose2 && open >= 0) {
        Emit(open, i, static_cast<int32_t>(i), open_continues);
        open = -1;
      } else if (m == Mark::kOpen1 && open < 0) {
        uint32_t sentence_end = doc_.sentences()[doc_.tokens()[i].sentence].end_token;
        for (uint32_t j = i + 1; j < sentence_end; ++j) {
          Mark c = Resolve(doc_, j, true);
          if (c == Mark::kClose1) {
            Emit(static_cast<int32_t>(i), j, static_cast<int32_t>(j), false);
            i = j;
            break;
          }
          if (c == Mark::kOpen2 || c == Mark::kOpen1) break;
        }
      }
      if (open >= 0 && i - static_cast<uint32_t>(open) > kMaxQuoteTokens) open = -1;
    }
    if (open >= 0) Emit(open, n_, -1, open_continues);
    return std::move(out_);
  }

 private:
  bool Body(uint32_t i) const { return doc_.sentences()[doc_.tokens()[i].sentence].kind == Furniture::kBody; }

  // A blank line between two tokens (a single newline may be a wrapped line).
  bool ParagraphBreakBefore(uint32_t i) const {
    if (i == 0) return false;
    const auto& t = doc_.tokens();
    std::string_view gap(doc_.text().data() + t[i - 1].end, t[i].begin - t[i - 1].end);
    size_t nl = gap.find('\n');
    return nl != std::string_view::npos && gap.find('\n', nl + 1) != std::string_view::npos;
  }

  // Content between the open mark and `end` (the closing mark, or where the paragraph ended).
  void Emit(int32_t open, uint32_t end, int32_t close, bool continues) {
    uint32_t first = static_cast<uint32_t>(open) + 1;
    while (first < end && !IsWordToken(doc_, first) && !IsQuoteMarkToken(doc_, first) &&
           doc_.token(first).text() != "(") {
      ++first;
    }
    while (end > first) {
      std::string_view t = doc_.token(end - 1).text();
      if (t != "," && t != ";" && t != ":" && t != "-" && t != "\xE2\x80\x94") break;
      --end;
    }
    bool words = false;
    for (uint32_t i = first; i < end && !words; ++i) words = IsWordToken(doc_, i);
    if (words) out_.push_back({first, end, open, close, continues});
  }

  const Document& doc_;
  uint32_t n_;
  std::vector<QuoteStretch> out_;
};

}  // namespace

bool IsWordToken(const Document& doc, uint32_t i) {
  const TokenRow& t = doc.tokens()[i];
  if (t.upos == Upos::PUNCT || t.upos == Upos::SYM || t.end == t.begin) return false;
  if (MarkOf(doc.token(i).text()) != Mark::kNone) return false;
  unsigned char c = static_cast<unsigned char>(doc.text()[t.begin]);
  return std::isalnum(c) || c >= 0x80;
}

bool IsQuoteMarkToken(const Document& doc, uint32_t i) { return MarkOf(doc.token(i).text()) != Mark::kNone; }

std::vector<QuoteStretch> FindQuoteStretches(const Document& doc) { return Pairer(doc).Run(); }

}  // namespace dyad::extract
