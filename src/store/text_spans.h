// Where a row of an article sits in its text, as the store records it: character (code point)
// offsets, which is what SQLite's substr() counts, rather than the Document's byte offsets.
#pragma once

#include <cstdint>
#include <string_view>

#include "dyad/document.h"

namespace dyad::store {

// Character offsets of one article's byte offsets, as Document::CharOffset gives them. An article's
// rows come in text order, so each offset is counted on from the one before (the bytes in between,
// once) rather than from the start of its block in the Document's index; a step back or a long jump
// asks the Document. An article whose character count equals its byte count maps every offset to itself.
class CharOffsets {
 public:
  explicit CharOffsets(const Document& doc)
      : doc_(doc), text_(doc.text()), total_(doc.CharOffset(static_cast<uint32_t>(text_.size()))),
        identity_(total_ == text_.size()) {}
  uint32_t operator()(uint32_t byte) {
    if (identity_ && byte <= text_.size()) return byte;
    if (byte < byte_ || byte - byte_ > kMaxWalk || byte > text_.size()) {
      const uint32_t c = doc_.CharOffset(byte);
      if (byte <= text_.size()) byte_ = byte, chars_ = c;
      return c;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(text_.data()) + byte_;
    uint32_t starts = 0;
    for (uint32_t i = 0, n = byte - byte_; i < n; ++i) starts += (p[i] & 0xC0) != 0x80;  // not a continuation byte
    byte_ = byte;
    chars_ += starts;
    return chars_;
  }
  // The whole text's length in characters.
  uint32_t total() const { return total_; }

 private:
  static constexpr uint32_t kMaxWalk = 512;
  const Document& doc_;
  std::string_view text_;
  uint32_t total_;
  bool identity_;
  uint32_t byte_ = 0, chars_ = 0;  // the last offset asked for and its character offset
};

// A token range's text and character offsets.
struct TokenSpan {
  std::string_view text;
  uint32_t begin = 0, end = 0;
};
inline TokenSpan SpanOf(const Document& doc, CharOffsets& chars, uint32_t first, uint32_t end_token) {
  const auto& t = doc.tokens();
  if (first >= end_token || end_token > t.size()) return {};
  uint32_t b = t[first].begin, e = t[end_token - 1].end;
  return {std::string_view(doc.text()).substr(b, e - b), chars(b), chars(e)};
}
// Its text alone.
inline std::string_view SpanText(const Document& doc, uint32_t first, uint32_t end_token) {
  const auto& t = doc.tokens();
  if (first >= end_token || end_token > t.size()) return {};
  uint32_t b = t[first].begin, e = t[end_token - 1].end;
  return std::string_view(doc.text()).substr(b, e - b);
}

}  // namespace dyad::store
