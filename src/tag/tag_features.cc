#include "tag/tag_features.h"

#include <algorithm>

namespace dyad::tag {
namespace {

// Template ids. DO NOT CHANGE: trained weights are keyed by them (bump the tagger format version).
enum Template : uint64_t {
  kBias = 1, kWord, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kPrefix2, kPrefix3, kShape, kFlags,
  kPrevWord, kPrev2Word, kNextWord, kNext2Word, kPrevSuffix3, kNextSuffix3, kPrevTag, kPrev2Tag,
  kPrevTagPair, kPrevTagWord, kAmbiguity, kNextAmbiguity, kAmbiguityPair, kPrevTagAmbiguity,
  kPrevWordWord, kWordNextWord, kNextShape, kPrevTagNextAmbiguity, kNext2Ambiguity, kCased, kPrevNextWord,
  kPrevTagNextWord, kNextSuffix2, kNextTag, kNext2Tag, kPrevNextTag, kNextTagWord, kNextTagPair,
};

// Stand-ins for words outside the sentence.
constexpr uint64_t kPadBefore = 0x5BEF0AE5C0FFEE01ULL;
constexpr uint64_t kPadAfter = 0xAF7E12D0C0FFEE02ULL;

bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

}  // namespace

uint64_t HashBytes(std::string_view s, uint64_t seed) {
  uint64_t h = 1469598103934665603ULL ^ seed;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return Mix(h, s.size());
}

void FoldWord(std::string_view w, std::string* out, bool lower_case) {
  for (size_t i = 0; i < w.size(); ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    // U+2018/2019/201A/201B -> ', U+201C/201D/201E/201F -> " (E2 80 98..9F).
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80) {
      auto c3 = static_cast<unsigned char>(w[i + 2]);
      if (c3 >= 0x98 && c3 <= 0x9B) {
        out->push_back('\'');
        i += 2;
        continue;
      }
      if (c3 >= 0x9C && c3 <= 0x9F) {
        out->push_back('"');
        i += 2;
        continue;
      }
    }
    if (lower_case && IsUpper(c)) c = static_cast<unsigned char>(c - 'A' + 'a');
    else if (IsDigit(c)) c = '0';
    out->push_back(static_cast<char>(c));
  }
}

void WordShape(std::string_view w, std::string* out) {
  size_t start = out->size();
  for (unsigned char c : w) {
    char s = IsUpper(c) ? 'X' : IsLower(c) ? 'x' : IsDigit(c) ? 'd' : c >= 0x80 ? 'u' : static_cast<char>(c);
    size_t len = out->size() - start;
    if (len >= 2 && (*out)[out->size() - 1] == s && (*out)[out->size() - 2] == s) continue;
    if (len >= 12) break;
    out->push_back(s);
  }
}

void DescribeWord(std::string_view form, bool sentence_start, std::string* buf, WordInfo* info) {
  buf->clear();
  FoldWord(form, buf, /*lower_case=*/false);
  info->cased = HashBytes(*buf, kCased);
  for (char& c : *buf)
    if (IsUpper(static_cast<unsigned char>(c))) c = static_cast<char>(c - 'A' + 'a');
  std::string_view f = *buf;
  info->word = HashBytes(f, kWord);
  for (int k = 0; k < 4; ++k) {
    size_t len = std::min<size_t>(k + 1, f.size());
    info->suffix[k] = HashBytes(f.substr(f.size() - len), kSuffix1 + k);
  }
  for (int k = 0; k < 3; ++k) info->prefix[k] = HashBytes(f.substr(0, k + 1), kPrefix1 + k);
  uint8_t flags = sentence_start ? kWordSentenceStart : 0;
  int letters = 0, upper = 0;
  for (unsigned char c : form) {
    if (IsUpper(c)) ++upper, ++letters;
    else if (IsLower(c) || c >= 0x80) ++letters;
    else if (IsDigit(c)) flags |= kWordHasDigit;
    else if (c == '-') flags |= kWordHasHyphen;
  }
  if (!form.empty() && IsUpper(static_cast<unsigned char>(form[0]))) flags |= kWordInitialCap;
  if (letters >= 2 && upper == letters) flags |= kWordAllCaps;
  if (letters == 0) flags |= kWordNoLetters;
  info->flags = flags;
  buf->clear();
  WordShape(form, buf);
  info->shape = HashBytes(*buf, kShape);
}

namespace {

// What the context templates read of the words around i (padding past the sentence's ends): one
// definition, so that the split extractors below compute exactly ExtractFeatures's keys.
struct Neighbours {
  Neighbours(const WordInfo* words, size_t n, size_t i)
      : prev_word(i >= 1 ? words[i - 1].word : kPadBefore),
        prev2_word(i >= 2 ? words[i - 2].word : kPadBefore),
        next_word(i + 1 < n ? words[i + 1].word : kPadAfter),
        next2_word(i + 2 < n ? words[i + 2].word : kPadAfter),
        prev_suffix(i >= 1 ? words[i - 1].suffix[2] : kPadBefore),
        next_suffix(i + 1 < n ? words[i + 1].suffix[2] : kPadAfter),
        next_suffix2(i + 1 < n ? words[i + 1].suffix[1] : kPadAfter),
        next_shape(i + 1 < n ? words[i + 1].shape : kPadAfter),
        next_amb(i + 1 < n ? words[i + 1].ambiguity : kPadAfter),
        next2_amb(i + 2 < n ? words[i + 2].ambiguity : kPadAfter) {}
  uint64_t prev_word, prev2_word, next_word, next2_word, prev_suffix, next_suffix, next_suffix2, next_shape,
      next_amb, next2_amb;
};

}  // namespace

int ExtractFeatures(const WordInfo* words, size_t n, size_t i, uint32_t prev_tag, uint32_t prev2_tag,
                    const uint32_t* right_tags, uint64_t* keys) {
  int k = ExtractWordFeatures(words[i], keys);
  return k + ExtractContextFeatures(words, n, i, prev_tag, prev2_tag, right_tags, keys + k);
}

int ExtractWordFeatures(const WordInfo& w, uint64_t* keys) {
  int k = 0;
  keys[k++] = Mix(kBias, 0);
  keys[k++] = Mix(kWord, w.word);
  for (int s = 0; s < 4; ++s) keys[k++] = Mix(kSuffix1 + s, w.suffix[s]);
  for (int s = 0; s < 3; ++s) keys[k++] = Mix(kPrefix1 + s, w.prefix[s]);
  keys[k++] = Mix(kShape, w.shape);
  keys[k++] = Mix(kFlags, w.flags);
  keys[k++] = Mix(kAmbiguity, w.ambiguity);
  keys[k++] = Mix(kCased, w.cased);
  return k;
}

int ExtractContextFeatures(const WordInfo* words, size_t n, size_t i, uint32_t prev_tag, uint32_t prev2_tag,
                           const uint32_t* right_tags, uint64_t* keys) {
  int k = ExtractStaticContextFeatures(words, n, i, keys);
  k += ExtractTagContextFeatures(words, n, i, prev_tag, prev2_tag, keys + k);
  if (right_tags == nullptr) return k;
  const uint64_t word = words[i].word;
  const uint64_t next_tag = i + 1 < n ? right_tags[i + 1] : kPadAfter;
  const uint64_t next2_tag = i + 2 < n ? right_tags[i + 2] : kPadAfter;
  keys[k++] = Mix(kNextTag, next_tag);
  keys[k++] = Mix(kNext2Tag, next2_tag);
  keys[k++] = Mix(Mix(kPrevNextTag, prev_tag), next_tag);
  keys[k++] = Mix(Mix(kNextTagWord, next_tag), word);
  keys[k++] = Mix(Mix(kNextTagPair, next_tag), next2_tag);
  return k;
}

int ExtractStaticContextFeatures(const WordInfo* words, size_t n, size_t i, uint64_t* keys) {
  const WordInfo& w = words[i];
  const Neighbours nb(words, n, i);
  int k = 0;
  keys[k++] = Mix(kPrevWord, nb.prev_word);
  keys[k++] = Mix(kPrev2Word, nb.prev2_word);
  keys[k++] = Mix(kNextWord, nb.next_word);
  keys[k++] = Mix(kNext2Word, nb.next2_word);
  keys[k++] = Mix(kPrevSuffix3, nb.prev_suffix);
  keys[k++] = Mix(kNextSuffix3, nb.next_suffix);
  keys[k++] = Mix(kNextAmbiguity, nb.next_amb);
  keys[k++] = Mix(Mix(kAmbiguityPair, w.ambiguity), nb.next_amb);
  keys[k++] = Mix(Mix(kPrevWordWord, nb.prev_word), w.word);
  keys[k++] = Mix(Mix(kWordNextWord, w.word), nb.next_word);
  keys[k++] = Mix(kNextShape, nb.next_shape);
  keys[k++] = Mix(kNext2Ambiguity, nb.next2_amb);
  keys[k++] = Mix(Mix(kPrevNextWord, nb.prev_word), nb.next_word);
  keys[k++] = Mix(kNextSuffix2, nb.next_suffix2);
  return k;
}

int ExtractTagContextFeatures(const WordInfo* words, size_t n, size_t i, uint32_t prev_tag, uint32_t prev2_tag,
                              uint64_t* keys) {
  const WordInfo& w = words[i];
  const Neighbours nb(words, n, i);
  int k = 0;
  keys[k++] = Mix(kPrevTag, prev_tag);
  keys[k++] = Mix(kPrev2Tag, prev2_tag);
  keys[k++] = Mix(Mix(kPrevTagPair, prev_tag), prev2_tag);
  keys[k++] = Mix(Mix(kPrevTagWord, prev_tag), w.word);
  keys[k++] = Mix(Mix(kPrevTagAmbiguity, prev_tag), w.ambiguity);
  keys[k++] = Mix(Mix(kPrevTagNextAmbiguity, prev_tag), nb.next_amb);
  keys[k++] = Mix(Mix(kPrevTagNextWord, prev_tag), nb.next_word);
  return k;
}

static_assert(kNumTagContextFeatures == 7, "word, static and tag keys must add up to ExtractFeatures's");
static_assert(kNextSuffix2 == kNumFeatures, "template count and kNumFeatures differ");
static_assert(kNextTagPair == kMaxFeatures, "template count and kMaxFeatures differ");

}  // namespace dyad::tag
