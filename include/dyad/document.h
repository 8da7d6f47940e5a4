// Document: one article and everything dyad learns about it.
//
// A Document owns the original UTF-8 text, its metadata, and flat arrays that the pipeline stages fill
// in order: tokens (text stage), tags and lemmas (tag stage), heads and relations (parse stage), and
// typed span layers (furniture, mentions, events, time expressions, quotes, amounts, places, entities). Token and Sentence are light
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
  int32_t partner = -1;                     // "the two leaders": the pair's other member (index), or -1
  MentionKind kind = MentionKind::kCountry;
};

// How sure the text is that an event happened. DO NOT CHANGE values: written to outputs and stores.
enum class Modality : uint8_t {
  kAsserted = 0,      // "Putin visited Iran"
  kIntended = 1,      // "Putin will visit", "plans to visit", "is scheduled to hold talks"
  kHypothetical = 2,  // "could impose", "if Turkey attacks"
  kReported = 3,      // claimed by someone other than the writer ("X said Y attacked Z")
};
std::string_view ModalityName(Modality m);  // "asserted", "intended", "hypothetical", "reported"

// A coded event (events stage): who did what to whom, with the words that say so and the rule that
// coded it. Source and target point into mentions(); coordinated actors give one row per pair.
struct EventRow {
  uint32_t sentence = 0;
  uint32_t trigger_head = 0;                // the token the pattern anchored on (verb or event noun)
  uint32_t trigger_first = 0, trigger_end = 0;  // token range covering every trigger word
  int32_t source = -1, target = -1;         // indexes into mentions(); -1 when absent
  StrId cameo = kNoStr;                     // CAMEO event code, "036"
  StrId rule = kNoStr;                      // id of the pattern or rule that produced it
  int32_t timex = -1;                       // index into timexes() giving the event date; -1: article date
  int32_t place = -1;                       // index into places(); -1: none attached
  Modality modality = Modality::kAsserted;
  bool negated = false;
};

// A time expression (extract stage), normalised against the article date, TIMEX3-style.
struct TimexRow {
  uint32_t first_token = 0, end_token = 0;  // token range [first, end)
  StrId type = kNoStr;                      // "DATE", "TIME", "DURATION", "SET"
  StrId value = kNoStr;                     // "2022-07-19", "2022-06", "2015", "P3D", "PRESENT_REF"
};

// A quotation (extract stage): the quoted words, the cue and the speaker.
struct QuoteRow {
  uint32_t begin = 0, end = 0;         // byte range of the content (inside the quote marks when direct)
  int32_t cue_token = -1;              // the cue verb ("said", "warned"), -1 when none
  uint32_t speaker_first = 0, speaker_end = 0;  // token range of the speaker as written; empty: unknown
  int32_t speaker_mention = -1;        // index into mentions() when the speaker resolved to an actor
  bool direct = true;                  // false: indirect ("X said that ...")
};

// An amount (extract stage): number + scale + unit or counted thing, value normalised.
struct AmountRow {
  uint32_t first_token = 0, end_token = 0;
  double value = 0;                    // 22e6 for "22 million"
  StrId unit = kNoStr;                 // "USD", "ton", "people", "percent", ...
  StrId kind = kNoStr;                 // "money", "quantity", "percent", "count"
};

// A place (extract stage), resolved through the gazetteer when possible.
struct PlaceRow {
  uint32_t first_token = 0, end_token = 0;
  StrId name = kNoStr;                 // canonical name ("Tehran")
  StrId country = kNoStr;              // CAMEO / ISO alpha-3 country code, "IRN"
  StrId feature = kNoStr;              // "city", "country", "region", "water", ...
  double lat = 0, lon = 0;
  bool has_coordinates = false;
};

// A named entity (extract stage).
struct EntityRow {
  uint32_t first_token = 0, end_token = 0;
  StrId type = kNoStr;                 // "PER", "ORG", "LOC", "MISC", ...
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
  const std::vector<EventRow>& events() const { return events_; }
  std::vector<EventRow>& mutable_events() { return events_; }
  const std::vector<TimexRow>& timexes() const { return timexes_; }
  std::vector<TimexRow>& mutable_timexes() { return timexes_; }
  const std::vector<QuoteRow>& quotes() const { return quotes_; }
  std::vector<QuoteRow>& mutable_quotes() { return quotes_; }
  const std::vector<AmountRow>& amounts() const { return amounts_; }
  std::vector<AmountRow>& mutable_amounts() { return amounts_; }
  const std::vector<PlaceRow>& places() const { return places_; }
  std::vector<PlaceRow>& mutable_places() { return places_; }
  const std::vector<EntityRow>& entities() const { return entities_; }
  std::vector<EntityRow>& mutable_entities() { return entities_; }

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
  std::vector<EventRow> events_;
  std::vector<TimexRow> timexes_;
  std::vector<QuoteRow> quotes_;
  std::vector<AmountRow> amounts_;
  std::vector<PlaceRow> places_;
  std::vector<EntityRow> entities_;

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
