// Document: one article and everything dyad learns about it.
//
// A Document owns the original UTF-8 text, its metadata, and flat arrays that the pipeline stages fill
// in order: tokens (text stage), tags and lemmas (tag stage), heads and relations (parse stage), and
// typed span layers (furniture now; mentions, events, quotes ... later). Token and Sentence are light
// views (document pointer + index). Stages add layers; none edits another stage's layer.
//
// Offsets: internally every offset is a byte offset into text(). Anything written for users converts
// with CharOffset(), which gives code point offsets into the same original text, so that text[b:e] in
// Python is the span.
//
// Strings derived from the text (normalised forms, lemmas, XPOS, FEATS, DEPREL) are interned in a
// per-document pool and referred to by StrId, so rows stay small and comparisons are integer compares.
//
// Thread-safety: a Document is used by one thread at a time; stages that process it are const and
// shared between threads.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad {

using StrId = uint32_t;
inline constexpr StrId kNoStr = 0;  // the empty string; id 0 is always ""

// Universal POS tags. DO NOT CHANGE the order: model files store these values.
enum class Upos : uint8_t {
  kNone = 0, ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM,
  VERB, X, kCount
};
std::string_view UposName(Upos u);  // "NOUN"; "_" for kNone
Upos UposFromName(std::string_view name);  // kNone when unknown

struct DocumentMeta {
  std::string id;
  std::string date;  // YYYY-MM-DD, or empty when unknown
  std::string title;
  std::string url;
  std::string source;
};

// Bits of TokenRow::flags.
enum TokenFlag : uint8_t {
  kTokSpaceAfter = 1 << 0,    // whitespace follows in the original text
  kTokJoinedToNext = 1 << 1,  // next token is part of the same surface token (UD multiword token)
};

inline constexpr int32_t kNoHead = -1;  // head of the root, or not parsed yet

struct TokenRow {
  uint32_t begin = 0, end = 0;  // byte range in Document::text()
  uint32_t sentence = 0;        // index into sentences
  StrId norm = kNoStr;          // folded form for matching (NFC, straight quotes ...); kNoStr = raw slice
  StrId lemma = kNoStr;
  StrId xpos = kNoStr;
  StrId feats = kNoStr;
  StrId deprel = kNoStr;
  int32_t head = kNoHead;       // document-level token index of the head; kNoHead for root / unparsed
  Upos upos = Upos::kNone;
  uint8_t flags = 0;
};

// What a stretch of text is, beyond the article body. Later stages skip everything but kBody.
// DO NOT CHANGE the values: they are written to outputs and stores.
enum class Furniture : uint8_t {
  kBody = 0,
  kHeadline = 1,     // the title line(s) at the top
  kDateline = 2,     // "TEHRAN, Iran —" at the start of the first paragraph
  kByline = 3,       // "By Jane Doe, Associated Press"
  kCredit = 4,       // "Associated Press writers ... contributed."
  kBoilerplate = 5,  // "Comments are closed.", "Follow AP's coverage at https://..."
};
std::string_view FurnitureName(Furniture f);

struct SentenceRow {
  uint32_t begin = 0, end = 0;              // byte range (first token begin .. last token end)
  uint32_t first_token = 0, end_token = 0;  // token index range [first, end)
  Furniture kind = Furniture::kBody;        // kBody unless the whole sentence is furniture
  StrId id = kNoStr;                        // sentence id when the input gave one (CoNLL-U sent_id)
};

// A marked stretch of furniture inside or across sentences (a dateline starts a body sentence).
struct FurnitureSpan {
  uint32_t begin = 0, end = 0;  // byte range
  Furniture kind = Furniture::kBody;
};

// An actor mention (actors stage): a token range resolved to a CAMEO actor code.
// DO NOT CHANGE MentionKind values: they are written to outputs and stores.
enum class MentionKind : uint8_t {
  kCountry = 0,       // "Iran", "Iranian", "Tehran" (metonym)
  kPerson = 1,        // "Ebrahim Raisi", "Raisi"
  kOrganisation = 2,  // "NATO", "Hezbollah"
  kAgent = 3,         // "Russian officials", "Ukrainian forces", "Iran's parliament" (composed)
  kPronoun = 4,       // "he", "they" resolved by coreference
  kNominal = 5,       // "the two leaders", "the Iranian government" resolved by coreference
};

struct MentionRow {
  uint32_t first_token = 0, end_token = 0;  // token range [first, end)
  uint32_t head_token = 0;                  // syntactic head of the mention
  StrId code = kNoStr;                      // CAMEO actor code, e.g. "RUSGOV"
  StrId country = kNoStr;                   // country / IGO trio, e.g. "RUS"
  StrId sector = kNoStr;                    // PLOVER sector word, e.g. "government"
  StrId name = kNoStr;                      // canonical name when known ("Vladimir Putin")
  StrId rule = kNoStr;                      // why: dictionary entry or rule id
  int32_t antecedent = -1;                  // index of the mention this one corefers with, or -1
  MentionKind kind = MentionKind::kCountry;
};

class Document;

class Token {
 public:
  Token(const Document* doc, uint32_t index) : doc_(doc), i_(index) {}
  uint32_t index() const { return i_; }
  const TokenRow& row() const;
  std::string_view text() const;  // the original bytes
  std::string_view norm() const;  // folded form (== text() when nothing to fold)
  std::string_view lemma() const;
  std::string_view xpos() const;
  std::string_view feats() const;
  std::string_view deprel() const;
  Upos upos() const { return row().upos; }
  int32_t head() const { return row().head; }

 private:
  const Document* doc_;
  uint32_t i_;
};

class Sentence {
 public:
  Sentence(const Document* doc, uint32_t index) : doc_(doc), i_(index) {}
  uint32_t index() const { return i_; }
  const SentenceRow& row() const;
  std::string_view text() const;
  uint32_t size() const { return row().end_token - row().first_token; }
  Token token(uint32_t k) const { return Token(doc_, row().first_token + k); }  // k < size()

 private:
  const Document* doc_;
  uint32_t i_;
};

class Document {
 public:
  Document() = default;
  explicit Document(std::string text, DocumentMeta meta = {});
  Document(const Document&) = delete;             // owns interned views: copying would dangle
  Document& operator=(const Document&) = delete;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;

  const std::string& text() const { return text_; }
  const DocumentMeta& meta() const { return meta_; }
  DocumentMeta& meta() { return meta_; }

  // Rows, filled by stages. Readers of a layer use the const accessors.
  const std::vector<TokenRow>& tokens() const { return tokens_; }
  std::vector<TokenRow>& mutable_tokens() { return tokens_; }
  const std::vector<SentenceRow>& sentences() const { return sentences_; }
  std::vector<SentenceRow>& mutable_sentences() { return sentences_; }
  const std::vector<FurnitureSpan>& furniture() const { return furniture_; }
  std::vector<FurnitureSpan>& mutable_furniture() { return furniture_; }
  const std::vector<MentionRow>& mentions() const { return mentions_; }
  std::vector<MentionRow>& mutable_mentions() { return mentions_; }

  Token token(uint32_t i) const { return Token(this, i); }
  Sentence sentence(uint32_t i) const { return Sentence(this, i); }

  // Interning: equal strings get equal ids within this document. Views stay valid for its lifetime.
  StrId Intern(std::string_view s);
  std::string_view Str(StrId id) const { return strings_[id]; }

  // Byte offset -> code point offset into text(). O(1) amortised; byte must be <= text().size().
  uint32_t CharOffset(uint32_t byte) const;

 private:
  void BuildCharIndex() const;

  std::string text_;
  DocumentMeta meta_;
  std::vector<TokenRow> tokens_;
  std::vector<SentenceRow> sentences_;
  std::vector<FurnitureSpan> furniture_;
  std::vector<MentionRow> mentions_;

  std::deque<std::string> string_store_;                 // stable storage behind strings_
  std::vector<std::string_view> strings_{std::string_view()};
  std::unordered_map<std::string_view, StrId> string_ids_;

  // Code point count at the start of every 256-byte block; empty until first needed.
  mutable std::vector<uint32_t> char_blocks_;
  mutable bool char_index_built_ = false;
  mutable bool ascii_only_ = false;
};

inline const TokenRow& Token::row() const { return doc_->tokens()[i_]; }
inline std::string_view Token::text() const {
  return std::string_view(doc_->text()).substr(row().begin, row().end - row().begin);
}
inline std::string_view Token::norm() const { return row().norm == kNoStr ? text() : doc_->Str(row().norm); }
inline std::string_view Token::lemma() const { return doc_->Str(row().lemma); }
inline std::string_view Token::xpos() const { return doc_->Str(row().xpos); }
inline std::string_view Token::feats() const { return doc_->Str(row().feats); }
inline std::string_view Token::deprel() const { return doc_->Str(row().deprel); }
inline const SentenceRow& Sentence::row() const { return doc_->sentences()[i_]; }
inline std::string_view Sentence::text() const {
  return std::string_view(doc_->text()).substr(row().begin, row().end - row().begin);
}

}  // namespace dyad
