#include "dyad/document.h"

#include <array>
#include <bit>
#include <cassert>
#include <cstring>

namespace dyad {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(Upos::kCount)> kUposNames = {
    "_",     "ADJ",   "ADP",  "ADV",   "AUX",  "CCONJ", "DET", "INTJ", "NOUN",
    "NUM",   "PART",  "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

constexpr uint32_t kCharBlock = 128;

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Code points that start in bytes [p, p + n): the bytes that are not UTF-8 continuation bytes
// (10xxxxxx), counted eight at a time (a continuation byte has bit 7 set and bit 6 clear).
uint32_t CountCodePointStarts(const char* p, size_t n) {
  uint32_t continuation = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    continuation += static_cast<uint32_t>(std::popcount(w & ~(w << 1) & 0x8080808080808080ull));
  }
  for (; i < n; ++i) continuation += IsContinuationByte(static_cast<unsigned char>(p[i]));
  return static_cast<uint32_t>(n) - continuation;
}

}  // namespace

std::string_view UposName(Upos u) {
  auto i = static_cast<size_t>(u);
  return i < kUposNames.size() ? kUposNames[i] : "_";
}

Upos UposFromName(std::string_view name) {
  for (size_t i = 1; i < kUposNames.size(); ++i)
    if (kUposNames[i] == name) return static_cast<Upos>(i);
  return Upos::kNone;
}

std::string_view FurnitureName(Furniture f) {
  switch (f) {
    case Furniture::kBody: return "body";
    case Furniture::kHeadline: return "headline";
    case Furniture::kDateline: return "dateline";
    case Furniture::kByline: return "byline";
    case Furniture::kCredit: return "credit";
    case Furniture::kBoilerplate: return "boilerplate";
  }
  return "body";
}

std::string_view ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kIntended: return "intended";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kReported: return "reported";
  }
  return "asserted";
}

Document::Document(std::string text, DocumentMeta meta) : text_(std::move(text)), meta_(std::move(meta)) {}

StrId Document::Intern(std::string_view s) {
  if (s.empty()) return kNoStr;
  auto it = string_ids_.find(s);
  if (it != string_ids_.end()) return it->second;
  string_store_.emplace_back(s);
  std::string_view stored = string_store_.back();
  auto id = static_cast<StrId>(strings_.size());
  strings_.push_back(stored);
  string_ids_.emplace(stored, id);
  return id;
}

void Document::BuildCharIndex() const {
  char_index_built_ = true;
  ascii_only_ = true;
  for (unsigned char c : text_) {
    if (c >= 0x80) { ascii_only_ = false; break; }
  }
  if (ascii_only_) return;
  char_blocks_.clear();
  char_blocks_.reserve(text_.size() / kCharBlock + 1);
  uint32_t chars = 0;
  for (size_t b = 0; b < text_.size(); ++b) {
    if (b % kCharBlock == 0) char_blocks_.push_back(chars);
    if (!IsContinuationByte(static_cast<unsigned char>(text_[b]))) ++chars;
  }
}

uint32_t Document::CharOffset(uint32_t byte) const {
  assert(byte <= text_.size());
  if (!char_index_built_) BuildCharIndex();
  if (ascii_only_) return byte;
  uint32_t block = byte / kCharBlock;
  if (block >= char_blocks_.size()) block = static_cast<uint32_t>(char_blocks_.size()) - 1;
  const uint32_t start = block * kCharBlock;
  return char_blocks_[block] + CountCodePointStarts(text_.data() + start, byte - start);
}

}  // namespace dyad
