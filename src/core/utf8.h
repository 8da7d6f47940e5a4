// UTF-8 helpers shared by readers and the text stage: validation, decoding, repair.
//
// Invalid bytes are never silently dropped: Validate() reports where the first bad sequence is, and
// Repair() replaces each bad byte with U+FFFD so a record can still be processed when the caller
// chooses to (the reader records that it did).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Byte offset of the first invalid sequence (overlong, surrogate, > U+10FFFF, truncated), or npos.
size_t FirstInvalid(std::string_view s);
inline bool IsValid(std::string_view s) { return FirstInvalid(s) == std::string_view::npos; }

// Decodes the code point starting at s[i]; sets *len to its byte length (1 for an invalid byte, in
// which case kReplacement is returned). REQUIRES: i < s.size().
char32_t Decode(std::string_view s, size_t i, int* len);

// Appends the UTF-8 encoding of cp.
void Append(std::string& out, char32_t cp);

// Copy of s with every invalid byte replaced by U+FFFD; *replaced counts them (may be null).
std::string Repair(std::string_view s, size_t* replaced);

// Number of code points in s (invalid bytes count one each).
size_t CountCodePoints(std::string_view s);

}  // namespace dyad::utf8
