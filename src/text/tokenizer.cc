#include "text/tokenizer.h"

#include "dyad/document.h"
#include "text/char_class.h"
#include "text/lexicon.h"

namespace dyad::text {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (AsciiLower(s[at + i]) != prefix[i]) return false;
  return true;
}

// Characters that may end a URL in running text but almost never belong to it.
bool IsUrlTrailer(char c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '\'': case '"': case ')':
    case ']': case '}': case '>': case '*':
      return true;
    default:
      return false;
  }
}

bool IsEmailLocalChar(char c) {
  return IsAsciiAlpha(static_cast<unsigned char>(c)) || IsAsciiDigit(static_cast<unsigned char>(c)) ||
         c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool IsDomainChar(char c) {
  return IsAsciiAlpha(static_cast<unsigned char>(c)) || IsAsciiDigit(static_cast<unsigned char>(c)) ||
         c == '.' || c == '-';
}

constexpr std::string_view kEmoticons[] = {
    ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":'(", ">:(", "^_^", "-_-", ":)", ":(", ";)", ":D",
    ":P", ":p", ":O", ":o", ":/", "=)", "=(", "<3", ":|", ";P", "D:", "(:"};

// Tokenises one whitespace-free chunk [begin, end) of the text.
class ChunkTokenizer {
 public:
  ChunkTokenizer(std::string_view text, std::vector<TokenSpan>* out) : t_(text), out_(out) {}

  // has_at: the chunk contains '@' (the caller saw every byte already).
  void Run(size_t begin, size_t end, bool has_at) {
    begin_ = begin;
    end_ = end;
    no_email_before_ = begin;
    has_at_ = has_at;
    size_t p = begin;
    while (p < end_) {
      size_t q = MatchSpecial(p);
      if (q != kNone) {
        Emit(p, q, 0);
        p = q;
        continue;
      }
      CodePoint c = CharAt(t_, p);
      p = IsAlnum(c.cp) ? ScanWord(p) : ScanPunct(p, c);
    }
  }

 private:
  void Emit(size_t b, size_t e, uint8_t flags) {
    out_->push_back(TokenSpan{static_cast<uint32_t>(b), static_cast<uint32_t>(e), flags});
  }

  CodePoint At(size_t i) const { return i < end_ ? CharAt(t_, i) : CodePoint{0, 0}; }

  // The code point ending just before byte i (i > begin_).
  char32_t Before(size_t i) const {
    size_t k = i - 1;
    while (k > begin_ && (static_cast<unsigned char>(t_[k]) & 0xC0) == 0x80 && i - k < 4) --k;
    return CharAt(t_, k).cp;
  }

  // URL, e-mail, @handle, #hashtag or emoticon starting at p: its end, else kNone.
  size_t MatchSpecial(size_t p) const {
    char c = t_[p];
    if (c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' || c == 'F' || c == 'm' || c == 'M') {
      if (StartsWithNoCase(t_, p, "http://") || StartsWithNoCase(t_, p, "https://") ||
          StartsWithNoCase(t_, p, "ftp://") || StartsWithNoCase(t_, p, "www.") ||
          StartsWithNoCase(t_, p, "mailto:"))
        return UrlEnd(p);
    }
    if (has_at_ && p >= no_email_before_ && IsEmailLocalChar(c) && c != '.' && c != '-') {
      size_t e = EmailEnd(p);
      if (e != kNone) return e;
    }
    if ((c == 'w' || c == 'b' || c == 'W' || c == 'B') && p + 1 < end_ && t_[p + 1] == '/') {
      // "w/", "w/o", "b/c": EWT keeps these shorthand forms whole.
      size_t q = p + 2;
      if (q < end_ && (t_[q] == 'o' || t_[q] == 'c')) ++q;
      bool shorthand = (q == p + 2 && (c == 'w' || c == 'W')) || q == p + 3;
      if (shorthand && (q == end_ || !IsAlnum(CharAt(t_, q).cp))) return q;
    }
    if ((c == '@' || c == '#') && (p == begin_ || !IsAlnum(Before(p)))) {
      size_t q = p + 1;
      bool letter = false;
      while (q < end_ && (IsAsciiAlpha(static_cast<unsigned char>(t_[q])) ||
                          IsAsciiDigit(static_cast<unsigned char>(t_[q])) || t_[q] == '_' ||
                          (c == '@' && t_[q] == '.' && q + 1 < end_ &&
                           IsAsciiAlpha(static_cast<unsigned char>(t_[q + 1]))))) {
        letter |= IsAsciiAlpha(static_cast<unsigned char>(t_[q]));
        ++q;
      }
      if (letter && (c == '@' || IsAsciiAlpha(static_cast<unsigned char>(t_[p + 1])))) return q;
    }
    if (c == ':' || c == ';' || c == '=' || c == '^' || c == '<' || c == '>' || c == '-' || c == 'D' ||
        c == '(') {
      if (p > begin_ && IsAlnum(Before(p))) return kNone;
      for (std::string_view e : kEmoticons) {
        if (e[0] != c || p + e.size() > end_ || t_.compare(p, e.size(), e) != 0) continue;
        size_t q = p + e.size();
        if (q < end_ && (IsAlnum(CharAt(t_, q).cp) || t_[q] == '/')) continue;
        if (e == "D:" || e == "(:") {
          if (p != begin_ || q != end_) continue;  // only as a chunk of its own
        }
        return q;
      }
    }
    return kNone;
  }

  size_t UrlEnd(size_t p) const {
    size_t q = p;
    int open_parens = 0;
    while (q < end_) {
      char c = t_[q];
      if (c == '<' || c == '>' || c == '"') break;
      if (static_cast<unsigned char>(c) >= 0x80) {  // curly quotes and other non-ASCII end a URL
        CodePoint cp = CharAt(t_, q);
        if (!IsAlnum(cp.cp)) break;
        q += static_cast<size_t>(cp.len);
        continue;
      }
      if (c == '(') ++open_parens;
      if (c == ')') --open_parens;
      ++q;
    }
    while (q > p + 4 && IsUrlTrailer(t_[q - 1])) {
      if (t_[q - 1] == ')' && open_parens >= 0) break;  // the URL's own balanced paren
      if (t_[q - 1] == ')') ++open_parens;
      --q;
    }
    return q;
  }

  // An e-mail address at p. A failed attempt remembers how far its local part reached: every start
  // inside that run would fail the same way, so the chunk is never rescanned (linear time).
  size_t EmailEnd(size_t p) const {
    size_t q = p;
    while (q < end_ && IsEmailLocalChar(t_[q])) ++q;
    no_email_before_ = q;
    if (q == p || q >= end_ || t_[q] != '@') return kNone;
    size_t d = ++q;
    bool dot = false;
    while (q < end_ && IsDomainChar(t_[q])) {
      dot |= t_[q] == '.' && q > d;
      ++q;
    }
    while (q > d && (t_[q - 1] == '.' || t_[q - 1] == '-')) --q;
    if (q <= d) return kNone;
    if (!dot) {  // "Warner@ENRON": a bare host name, letters only
      for (size_t k = d; k < q; ++k)
        if (!IsAsciiAlpha(static_cast<unsigned char>(t_[k]))) return kNone;
      return q - d >= 2 ? q : kNone;
    }
    // The last dot must be inside the trimmed domain.
    bool inner_dot = false;
    for (size_t k = d + 1; k + 1 < q; ++k) inner_dot |= t_[k] == '.';
    return inner_dot ? q : kNone;
  }

  // Bytes of the clitic starting at the apostrophe at q ("'s", "’ll", "'t" of n't), when it ends the
  // word; 0 otherwise.
  size_t CliticLength(size_t q, bool* is_nt) const {
    *is_nt = false;
    size_t a = q + static_cast<size_t>(CharAt(t_, q).len);
    size_t e = a;
    while (e < end_ && e - a < 3 && IsAsciiAlpha(static_cast<unsigned char>(t_[e]))) ++e;
    if (e == a) return 0;
    if (e < end_ && IsAlnum(CharAt(t_, e).cp)) return 0;
    char buf[4];
    std::string_view key = LowerAscii(t_.substr(a, e - a), buf, sizeof buf);
    if (key == "s" || key == "re" || key == "ll" || key == "ve" || key == "d" || key == "m") return e - q;
    if (key == "t" && q > begin_ && (t_[q - 1] == 'n' || t_[q - 1] == 'N')) {
      *is_nt = true;
      return e - q;
    }
    return 0;
  }

  bool KeepHyphen(size_t seg, size_t hyphen, size_t after) const {
    char buf[16];
    std::string_view left = LowerAscii(t_.substr(seg, hyphen - seg), buf, sizeof buf);
    if (!left.empty() && IsHyphenPrefix(left)) return true;
    // Phone numbers: 713-853-3989, 646-8420, 1-800-991-9019.
    size_t r = after;
    while (r < end_ && IsAsciiDigit(static_cast<unsigned char>(t_[r]))) ++r;
    bool left_digits = hyphen > seg;
    for (size_t k = seg; k < hyphen; ++k) left_digits &= IsAsciiDigit(static_cast<unsigned char>(t_[k])) != 0;
    if (!left_digits || r == after) return false;
    size_t ln = hyphen - seg, rn = r - after;
    bool continues = r < end_ && t_[r] == '-';
    return (ln == 3 && rn == 4) || (ln == 1 && rn == 4) || (ln == 3 && rn == 3 && continues) ||
           (ln == 1 && rn == 3 && continues);
  }

  bool IsAbbreviationBeforePeriod(size_t p, size_t q) const {
    size_t n = q - p;
    if (n == 1) return IsUpper(CharAt(t_, p).cp);
    // Letters with inner periods and short segments: U.S, i.e, a.m, Ph.D, a.k.a
    bool dotted = false, ok = true;
    size_t seg = 0;
    for (size_t k = p; k < q && ok; ++k) {
      char c = t_[k];
      if (c == '.') {
        dotted = true;
        seg = 0;
      } else if (IsAsciiAlpha(static_cast<unsigned char>(c))) {
        ok = ++seg <= 2;
      } else {
        ok = false;
      }
    }
    if (dotted && ok) return true;
    char buf[16];
    std::string_view key = LowerAscii(t_.substr(p, n), buf, sizeof buf);
    if (key.empty()) return false;
    AbbrevKind kind = LookupAbbreviation(key);
    if (kind == AbbrevKind::kNone) return false;
    if (key == "no" || key == "nos" || key == "vol" || key == "fig") {  // "No. 5", not "said no."
      size_t r = q + 1;
      while (r < t_.size() && (t_[r] == ' ' || t_[r] == '\t')) ++r;
      return r < t_.size() && IsAsciiDigit(static_cast<unsigned char>(t_[r]));
    }
    // Abbreviations that are also common lower-case words count only when capitalised.
    bool capital = IsUpper(CharAt(t_, p).cp);
    if (!capital && (key == "ill" || key == "miss" || key == "wash" || key == "mass" || key == "art" ||
                     key == "sun" || key == "sat" || key == "wed" || key == "mar" || key == "del" ||
                     key == "ind" || key == "la" || key == "pa" || key == "mo" || key == "ch" ||
                     key == "sec" || key == "det" || key == "est" || key == "op" || key == "fr" ||
                     key == "hon" || key == "co" || key == "min" || key == "info" || key == "ps" ||
                     key == "v" || key == "ave" || key == "rd" || key == "pt" ||
                     key == "al" || key == "ft" || key == "mt"))
      return false;
    return true;
  }

  // Emits one scanned word, splitting EWT contractions written without an apostrophe ("dont") and
  // a unit glued to a number ("3bn").
  void EmitWord(size_t b, size_t e, uint8_t flags) {
    // Contractions are at most 8 bytes; a unit split needs a leading digit. Other words skip the
    // look-ups entirely (this runs for every word of the text).
    bool digit = IsAsciiDigit(static_cast<unsigned char>(t_[b]));
    if (e - b > 8 && !digit) {
      Emit(b, e, flags);
      return;
    }
    char buf[16];
    std::string_view key = LowerAscii(t_.substr(b, e - b), buf, sizeof buf);
    if (!key.empty()) {
      // Every contraction in the lexicon ends in one of these letters: a cheap filter first.
      char last = key.back();
      bool may_contract = last == 't' || last == 'a' || last == 'e' || last == 'm' || last == 's' || last == 'l';
      if (size_t k = may_contract ? SplitContraction(key) : 0; k > 0 && k < key.size()) {
        Emit(b, b + k, kTokJoinedToNext);
        Emit(b + k, e, flags);
        return;
      }
      if (IsAsciiDigit(static_cast<unsigned char>(key[0]))) {
        size_t k = 0;
        while (k < key.size() && (IsAsciiDigit(static_cast<unsigned char>(key[k])) || key[k] == '.' ||
                                  key[k] == ',' || key[k] == ':'))
          ++k;
        if (k < key.size() && key[k - 1] != '.' && IsUnitAfterNumber(key.substr(k))) {
          Emit(b, b + k, 0);
          Emit(b + k, e, flags);
          return;
        }
      }
    }
    Emit(b, e, flags);
  }

  size_t ScanWord(size_t p) {
    size_t q = p;
    size_t seg = p;      // start of the current hyphen segment
    size_t dot_seg = p;  // start of the current period segment
    size_t clitic = kNone, clitic_end = kNone;
    bool nt = false;
    while (q < end_) {
      auto byte = static_cast<unsigned char>(t_[q]);
      if (static_cast<unsigned>((byte | 0x20) - 'a') < 26u || static_cast<unsigned>(byte - '0') < 10u) {
        ++q;
        continue;
      }
      CodePoint c = CharAt(t_, q);
      if (IsAlnum(c.cp) || c.cp == '_') {
        q += static_cast<size_t>(c.len);
        continue;
      }
      size_t nx = q + static_cast<size_t>(c.len);
      CodePoint n = At(nx);
      bool next_alnum = nx < end_ && IsAlnum(n.cp);
      char32_t prev = Before(q);
      if (c.cp == '.' && next_alnum) {
        // 4.1, U.S, Ph.D, apnews.com; but "Tuesday.The" (a missing space) splits.
        if ((IsAsciiDigit(prev) && IsAsciiDigit(n.cp)) || q - dot_seg <= 2 || IsLower(n.cp) ||
            IsAsciiDigit(n.cp)) {
          q = nx;
          dot_seg = nx;
          continue;
        }
        break;
      }
      if (c.cp == ',' && IsAsciiDigit(prev) && nx + 3 <= end_ && IsAsciiDigit(t_[nx]) &&
          IsAsciiDigit(t_[nx + 1]) && IsAsciiDigit(t_[nx + 2]) &&
          (nx + 3 == end_ || !IsAsciiDigit(static_cast<unsigned char>(t_[nx + 3])))) {
        q = nx;
        continue;
      }
      if ((c.cp == ':' || c.cp == '/') && IsAsciiDigit(prev) && IsAsciiDigit(n.cp)) {
        q = nx;
        continue;
      }
      if (c.cp == '&' && IsUpper(prev) && IsUpper(n.cp)) {
        q = nx;
        continue;
      }
      if ((c.cp == '-' || c.cp == 0x2011) && next_alnum && KeepHyphen(seg, q, nx)) {
        q = nx;
        seg = nx;
        continue;
      }
      if (IsApostrophe(c.cp)) {
        if (size_t len = CliticLength(q, &nt); len > 0) {
          clitic = nt ? q - 1 : q;
          clitic_end = q + len;
          if (nt && clitic == p) clitic = kNone;  // "n't" alone: no host word
          break;
        }
        if (next_alnum && c.cp != '`') {  // O'Brien, rock'n'roll
          q = nx;
          continue;
        }
        // Plural possessive: "parents'" -> parents + '
        if ((prev == 's' || prev == 'S') && !next_alnum && q - p >= 2 && c.cp != '`') {
          clitic = q;
          clitic_end = nx;
        }
        break;
      }
      break;
    }
    if (clitic != kNone) {
      EmitWord(p, clitic, kTokJoinedToNext);
      Emit(clitic, clitic_end, 0);
      return clitic_end;
    }
    if (q < end_ && t_[q] == '.' && !(q + 1 < end_ && t_[q + 1] == '.') && IsAbbreviationBeforePeriod(p, q)) {
      Emit(p, q + 1, 0);
      return q + 1;
    }
    EmitWord(p, q, 0);
    return q;
  }

  // Punctuation and symbols: runs of sentence-final marks ("...", "?!") and runs of one repeated
  // mark ("--", "**", "''") are single tokens; anything else is one code point.
  size_t ScanPunct(size_t p, CodePoint c) {
    size_t q = p + static_cast<size_t>(c.len);
    auto is_final = [](char32_t x) { return x == '.' || x == '!' || x == '?'; };
    if (is_final(c.cp)) {
      while (q < end_ && is_final(static_cast<unsigned char>(t_[q]))) ++q;
      // "...?" is an ellipsis and a question mark; ".?" and "?!" stay one token.
      size_t dots = 0;
      while (p + dots < q && t_[p + dots] == '.') ++dots;
      if (dots >= 3 && dots < q - p) q = p + dots;
    } else {
      while (q < end_) {
        CodePoint n = CharAt(t_, q);
        if (n.cp != c.cp || n.len != c.len) break;
        q += static_cast<size_t>(n.len);
      }
    }
    Emit(p, q, 0);
    return q;
  }

  std::string_view t_;
  std::vector<TokenSpan>* out_;
  size_t begin_ = 0, end_ = 0;
  bool has_at_ = false;
  mutable size_t no_email_before_ = 0;
};

}  // namespace

void Tokenize(std::string_view text, std::vector<TokenSpan>* out) {
  ChunkTokenizer chunker(text, out);
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b == ' ' || (b >= 0x09 && b <= 0x0D)) {
        ++i;
        continue;
      }
    } else {
      CodePoint c = CharAt(text, i);
      if (IsSpace(c.cp)) {
        i += static_cast<size_t>(c.len);
        continue;
      }
    }
    size_t start = i;
    bool has_at = false;
    while (i < n) {
      auto x = static_cast<unsigned char>(text[i]);
      if (x > ' ' && x < 0x80) {  // the common case: printable ASCII
        has_at |= x == '@';
        ++i;
        continue;
      }
      if (x < 0x80) {
        if (x == ' ' || (x >= 0x09 && x <= 0x0D)) break;
        ++i;
        continue;
      }
      CodePoint c = CharAt(text, i);
      if (IsSpace(c.cp)) break;
      i += static_cast<size_t>(c.len);
    }
    size_t first = out->size();
    chunker.Run(start, i, has_at);
    if (i < n && out->size() > first) out->back().flags |= kTokSpaceAfter;
  }
}

}  // namespace dyad::text
