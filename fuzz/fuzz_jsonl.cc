// Fuzzes the JSON lines reader: line splitting (LineReader over an in-memory FILE, with a small line
// bound so the too-long path is reached), per-line parsing, and the JSONL writer on what was read.
// Properties: no crash or leak; every line gives a document or an error; documents are valid UTF-8;
// the writer's output is one valid JSON line.
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "core/utf8.h"
#include "io/jsonl_reader.h"
#include "io/jsonl_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::FILE* f = fmemopen(input.data(), input.size() == 0 ? 1 : input.size(), "rb");
  if (f == nullptr) return 0;
  dyad::LineReader lines(f, 4096);
  std::string line;
  bool too_long = false;
  std::string out;
  while (lines.Next(&line, &too_long)) {
    if (too_long) continue;
    dyad::InputRecord rec;
    rec.where = "fuzz:1";
    dyad::ParseJsonlLine(line, {}, "2022-07-18", &rec);
    out.clear();
    if (rec.status.ok()) {
      if (!dyad::utf8::IsValid(rec.doc.text()) || !dyad::utf8::IsValid(rec.doc.meta().id)) __builtin_trap();
      if (rec.doc.text().find('\0') != std::string::npos) __builtin_trap();
      dyad::WriteJsonl(rec.doc, rec.warnings, out);
    } else {
      if (rec.status.message().empty()) __builtin_trap();
      dyad::WriteJsonlError(rec.id(), rec.where, rec.status, out);
    }
    if (out.empty() || out.back() != '\n' || out.find('\n') != out.size() - 1) __builtin_trap();
    if (!nlohmann::json::accept(out.substr(0, out.size() - 1))) __builtin_trap();
  }
  std::fclose(f);
  return 0;
}
