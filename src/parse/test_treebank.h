// A tiny hand-written treebank for parser tests (no shared data needed), and helpers to build
// Documents by hand.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dyad/document.h"
#include "io/conllu.h"

namespace dyad::parse::testing {

inline constexpr char kTinyTreebank[] =
    "# sent_id = a\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tpresident\tpresident\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# sent_id = b\n"
    "1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tTehran\tTehran\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
    "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tTuesday\tTuesday\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = c\n"
    "1\tLeaders\tleader\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\ttalked\ttalk\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_\n"
    "4\tTehran\tTehran\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
    "5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_\n"
    "6\tagreed\tagree\tVERB\tVBD\t_\t2\tconj\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = d\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\ttalks\ttalk\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_\n"
    "3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n"
    "4\theld\thold\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "6\tIran\tIran\tPROPN\tNNP\t_\t4\tobl:agent\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n";

inline Document TinyTreebank() { return std::move(ReadConllu(kTinyTreebank)).value(); }

// One sentence of `n` tokens, all with the given form and UPOS, text "f f f ...".
inline Document UniformSentence(const std::string& form, Upos upos, int n) {
  std::string text;
  for (int i = 0; i < n; ++i) text += form + " ";
  Document doc(text);
  auto& toks = doc.mutable_tokens();
  for (int i = 0; i < n; ++i) {
    TokenRow t;
    t.begin = static_cast<uint32_t>(i * (form.size() + 1));
    t.end = t.begin + static_cast<uint32_t>(form.size());
    t.upos = upos;
    toks.push_back(t);
  }
  SentenceRow s;
  s.begin = 0;
  s.end = static_cast<uint32_t>(text.size());
  s.first_token = 0;
  s.end_token = static_cast<uint32_t>(n);
  doc.mutable_sentences().push_back(s);
  return doc;
}

// The first `sentences` sentences of a CoNLL-U file (empty when the file is missing: tests skip).
inline std::string HeadOfConllu(const std::string& path, int sentences) {
  std::ifstream in(path);
  if (!in) return "";
  std::string line, out;
  int seen = 0;
  while (seen < sentences && std::getline(in, line)) {
    out += line + "\n";
    if (line.empty()) ++seen;
  }
  return out;
}

// Whether two trained models save to the same bytes (the trainers' determinism tests). `name` keeps
// the temporary files of different tests apart.
template <typename Model>
bool SameSavedBytes(const Model& a, const Model& b, const std::string& name) {
  const std::string base = (std::filesystem::temp_directory_path() / ("dyad_" + name + "_")).string() +
                           std::to_string(::getpid());
  const std::string p1 = base + "_1", p2 = base + "_2";
  if (!a.Save(p1, "tiny").ok() || !b.Save(p2, "tiny").ok()) return false;
  auto read = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const bool same = read(p1) == read(p2);
  std::remove(p1.c_str());
  std::remove(p2.c_str());
  return same;
}

}  // namespace dyad::parse::testing
