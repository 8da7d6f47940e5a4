// `x` is one of a short, fixed list of words: the closed word classes that tagging and parsing repairs
// test against ("vow", "threaten", ...), where a linear scan beats building a set.
#pragma once

#include <initializer_list>
#include <string_view>

namespace dyad {

inline bool OneOf(std::string_view x, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (x == s) return true;
  return false;
}

}  // namespace dyad
