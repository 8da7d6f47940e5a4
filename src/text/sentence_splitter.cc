#include "text/sentence_splitter.h"

#include <algorithm>
#include <cstring>

#include "text/char_class.h"
#include "text/lexicon.h"

namespace dyad::text {
namespace {

enum class AbbrevEnd { kNo, kNever, kMaybe };  // how an abbreviation token may end a sentence

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<TokenSpan>& tokens, const SplitterOptions& options)
      : t_(text), tok_(tokens), max_tokens_(std::max<uint32_t>(options.max_tokens, 2)) {}

  void Run(std::vector<SentenceSpan>* out) {
    const size_t n = tok_.size();
    if (n == 0) return;
    AnalyseLines();
    const size_t first_out = out->size();
    size_t start = 0;
    bool quote_open = false;        // an ASCII " is open in this paragraph
    size_t line_begin = tok_[0].begin;
    bool start_after_blank = true;
    for (size_t i = 0; i < n; ++i) {
      std::string_view s = Text(i);
      if (s == "\"") quote_open = !quote_open;
      size_t end_at = SIZE_MAX;  // sentence ends after this token
      int newlines = i + 1 < n ? NewlinesAfter(i) : 0;
      if (i + 1 == n) {
        end_at = i;
      } else if (newlines >= 2) {
        end_at = i;
      } else if (IsFinal(s)) {
        size_t k = i;
        while (k + 1 < n && IsCloser(k + 1, quote_open)) {
          ++k;
          if (Text(k) == "\"") quote_open = false;
        }
        // A plain ". ? !" glued to its word with no closing quote ends the sentence even before a
        // lower-case word ("call them. they know"); a detached one (" . ") or an ellipsis does not.
        bool glued_plain = k == i && i > 0 && tok_[i].begin == tok_[i - 1].end &&
                           (s == "." || s.find_first_not_of("?!") == std::string_view::npos);
        if (k + 1 == n || NewlinesAfter(k) >= 2 || StartsSentence(k + 1) ||
            (glued_plain && ContinuesLowercase(k + 1)))
          end_at = k;
        else if (newlines == 1 && LineBreakEnds(i, line_begin)) end_at = i;
        else i = k;
      } else if (newlines == 1 && LineBreakEnds(i, line_begin)) {
        end_at = i;
      } else if (AbbreviationEnd(s) == AbbrevEnd::kMaybe && StartsAfterAbbreviation(i + 1)) {
        end_at = i;
      }
      if (end_at != SIZE_MAX) {
        i = end_at;
        out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i + 1), false, start_after_blank});
        start = i + 1;
        int nl = i + 1 < n ? NewlinesAfter(i) : 0;
        start_after_blank = nl >= 2;
        if (nl >= 2) quote_open = false;
      }
      if (i + 1 < n && NewlinesAfter(i) > 0) line_begin = LineStartBefore(i + 1);
    }
    MergePunctuationOnly(out, first_out);
    CutLongSentences(out, first_out);
    for (size_t k = first_out; k < out->size(); ++k) {
      SentenceSpan& sent = (*out)[k];
      std::string_view last = Text(sent.end_token - 1);
      sent.ends_with_abbreviation = AbbreviationEnd(last) == AbbrevEnd::kMaybe;
    }
  }

 private:
  std::string_view Text(size_t i) const { return t_.substr(tok_[i].begin, tok_[i].end - tok_[i].begin); }

  // Line breaks in the whitespace between token i and i + 1, capped at 2.
  int NewlinesAfter(size_t i) const {
    int count = 0;
    for (size_t b = tok_[i].end; b < tok_[i + 1].begin && count < 2; ++b) {
      char c = t_[b];
      if (c == '\n') ++count;
      else if (c == '\r' && !(b + 1 < tok_[i + 1].begin && t_[b + 1] == '\n')) ++count;
    }
    return count;
  }

  size_t LineStartBefore(size_t i) const {
    size_t b = tok_[i].begin;
    while (b > tok_[i - 1].end && t_[b - 1] != '\n' && t_[b - 1] != '\r') --b;
    return b;
  }

  // Hard-wrapped text (Reuters) has many lines and no long ones; one paragraph per line has long ones.
  void AnalyseLines() {
    size_t lines = 0, long_lines = 0;
    size_t b = 0;
    while (b < t_.size()) {
      const void* nl = std::memchr(t_.data() + b, '\n', t_.size() - b);
      size_t e = nl ? static_cast<size_t>(static_cast<const char*>(nl) - t_.data()) : t_.size();
      size_t len = e - b;
      if (len > 0 && t_[e - 1] == '\r') --len;
      if (len > 0) {
        ++lines;
        if (len > 100) ++long_lines;
        max_line_ = std::max(max_line_, len);
      }
      b = e + 1;
    }
    wrapped_ = lines >= 4 && long_lines * 10 < lines;
  }

  static bool IsFinal(std::string_view s) {
    if (s.empty()) return false;
    for (size_t k = 0; k < s.size();) {
      if (s[k] == '.' || s[k] == '!' || s[k] == '?') { ++k; continue; }
      if (s[k] == '\xE2' && s.compare(k, 3, "\xE2\x80\xA6") == 0) { k += 3; continue; }  // …
      return false;
    }
    return true;
  }

  bool IsCloser(size_t i, bool quote_open) const {
    std::string_view s = Text(i);
    bool glued = tok_[i].begin == tok_[i - 1].end;
    if (s == "\"") {
      // Detached from the full stop but glued to the next word, it opens the next sentence's quote
      // ("Councils. "The key issue ..." when the writer reopens a quote left open).
      bool opens_next = i + 1 < tok_.size() && tok_[i + 1].begin == tok_[i].end && IsAlnum(CharAt(Text(i + 1), 0).cp);
      return glued || (quote_open && !opens_next);
    }
    if (s == "'" || s == "''") return glued;
    CodePoint c = CharAt(s, 0);
    return static_cast<size_t>(c.len) == s.size() && IsClosingPunct(c.cp);
  }

  // Does token i look like the first token of a new sentence (after ". ! ?")?
  bool StartsSentence(size_t i) const {
    std::string_view s = Text(i);
    CodePoint c = CharAt(s, 0);
    if (IsLower(c.cp)) return false;  // "a UN crisis . supported proposal"
    if (s == "," || s == ";" || s == ":" || s == ")" || s == "]" || s == "%") return false;
    return true;
  }

  // Token i starts with a lower-case letter (StartsSentence() said no only because of that).
  bool ContinuesLowercase(size_t i) const { return IsLower(CharAt(Text(i), 0).cp); }

  bool StartsAfterAbbreviation(size_t i) const {
    if (NewlinesAfter(i - 1) > 0) return !IsLower(CharAt(Text(i), 0).cp);
    std::string_view s = Text(i);
    if (!IsUpper(CharAt(s, 0).cp)) return false;
    char buf[16];
    std::string_view key = LowerAscii(s, buf, sizeof buf);
    return !key.empty() && IsSentenceStarter(key);
  }

  static AbbrevEnd AbbreviationEnd(std::string_view s) {
    if (s.size() < 2 || s.back() != '.') return AbbrevEnd::kNo;
    std::string_view w = s.substr(0, s.size() - 1);
    bool alnum = false;
    for (char c : w) alnum |= IsAsciiAlpha(static_cast<unsigned char>(c));
    if (!alnum) return AbbrevEnd::kNo;
    if (w.size() == 1) return AbbrevEnd::kNever;  // an initial: "J."
    char buf[16];
    std::string_view key = LowerAscii(w, buf, sizeof buf);
    if (!key.empty() && LookupAbbreviation(key) == AbbrevKind::kTitle) return AbbrevEnd::kNever;
    return AbbrevEnd::kMaybe;
  }

  // Rule 2: does the single line break after token i end the sentence?
  bool LineBreakEnds(size_t i, size_t line_begin) const {
    std::string_view next = Text(i + 1);
    CodePoint first = CharAt(next, 0);
    if (IsLower(first.cp)) return false;
    bool bullet = next == "-" || next == "*" || next == "\xE2\x80\xA2" || next == "+";
    if (bullet) return true;
    std::string_view last = Text(i);
    if (last == "," || last == ";" || last == ":" || last == "-" || last == "(" || last == "&") return false;
    if (!wrapped_) return true;
    size_t len = tok_[i].end - line_begin;
    if (IsFinal(last) || len * 10 >= max_line_ * 6) return false;
    // A short line followed by a full, unindented line is wrapped prose whose start was cut (a
    // Reuters body whose dateline the reader removed: "Sweden's ruling Social Democratic\nParty
    // gave ..."); a headline is followed by an indented or blank line.
    size_t next_begin = tok_[i + 1].begin, next_line = next_begin;
    while (next_line > tok_[i].end && t_[next_line - 1] != '\n') --next_line;
    if (next_begin > next_line) return true;  // indented: a new paragraph
    const void* nl = std::memchr(t_.data() + next_begin, '\n', t_.size() - next_begin);
    size_t next_end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - t_.data()) : t_.size();
    return (next_end - next_line) * 10 < max_line_ * 6;
  }

  // Rule 5, in place over (*out)[first..].
  void MergePunctuationOnly(std::vector<SentenceSpan>* out, size_t first) const {
    size_t w = first;
    for (size_t r = first; r < out->size(); ++r) {
      const SentenceSpan cur = (*out)[r];
      bool has_word = false;
      for (uint32_t i = cur.first_token; i < cur.end_token && !has_word; ++i) {
        std::string_view t = Text(i);
        for (size_t k = 0; k < t.size() && !has_word;) {
          CodePoint c = CharAt(t, k);
          has_word = IsAlnum(c.cp);
          k += static_cast<size_t>(c.len);
        }
      }
      if (!has_word && !cur.starts_paragraph && w > first) (*out)[w - 1].end_token = cur.end_token;
      else (*out)[w++] = cur;
    }
    out->resize(w);
  }

  void CutLongSentences(std::vector<SentenceSpan>* out, size_t first) const {
    bool any = false;
    for (size_t k = first; k < out->size() && !any; ++k) any = (*out)[k].end_token - (*out)[k].first_token > max_tokens_;
    if (!any) return;
    std::vector<SentenceSpan> cut;
    for (size_t k = first; k < out->size(); ++k) CutLong((*out)[k], &cut);
    out->resize(first);
    out->insert(out->end(), cut.begin(), cut.end());
  }

  // Rule 6: cuts a sentence longer than max_tokens_ at the best boundary in the second half of each
  // window; each cut advances by at least max/2 tokens after scanning at most max/2, so it is linear.
  void CutLong(SentenceSpan sent, std::vector<SentenceSpan>* out) const {
    uint32_t s = sent.first_token;
    while (sent.end_token - s > max_tokens_) {
      uint32_t lo = s + max_tokens_ / 2, hi = s + max_tokens_;  // cut after a token in [lo, hi)
      uint32_t best = hi - 1;
      int best_rank = 0;
      for (uint32_t i = hi; i-- > lo;) {
        std::string_view w = Text(i);
        int rank = IsFinal(w) || w == ";" ? 3 : w == ":" || w == "--" || w == "\xE2\x80\x94" ? 2 : w == "," ? 1 : 0;
        if (rank > best_rank) {
          best_rank = rank;
          best = i;
          if (rank == 3) break;
        }
      }
      out->push_back({s, best + 1, false, s == sent.first_token && sent.starts_paragraph});
      s = best + 1;
    }
    out->push_back({s, sent.end_token, false, s == sent.first_token && sent.starts_paragraph});
  }

  std::string_view t_;
  const std::vector<TokenSpan>& tok_;
  uint32_t max_tokens_;
  bool wrapped_ = false;
  size_t max_line_ = 0;
};

}  // namespace

void SplitSentences(std::string_view text, const std::vector<TokenSpan>& tokens, std::vector<SentenceSpan>* out,
                    const SplitterOptions& options) {
  Splitter(text, tokens, options).Run(out);
}

}  // namespace dyad::text
