#include "io/jsonl_writer.h"

#include "core/utf8.h"
#include "io/json_out.h"

namespace dyad {

using json::AppendInt;
using json::AppendUInt;
using json::Close;
using json::IntField;
using json::Key;
using json::StringField;

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    // Copy the run of bytes that need no escaping in one go.
    size_t run = i;
    while (run < s.size()) {
      auto c = static_cast<unsigned char>(s[run]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++run;
    }
    out.append(s.data() + i, run - i);
    i = run;
    if (i >= s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      int len;
      char32_t cp = utf8::Decode(s, i, &len);
      if (cp == utf8::kReplacement && len == 1) utf8::Append(out, utf8::kReplacement);
      else out.append(s.data() + i, len);
      i += len;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    ++i;
  }
  out += '"';
}

void WriteJsonl(const Document& doc, const std::vector<std::string>& warnings, std::string& out) {
  const DocumentMeta& m = doc.meta();
  out += '{';
  StringField(out, "id", m.id);
  StringField(out, "date", m.date);
  StringField(out, "title", m.title);
  if (!m.url.empty()) StringField(out, "url", m.url);
  if (!m.source.empty()) StringField(out, "source", m.source);
  if (!warnings.empty()) {
    Key(out, "warnings");
    out += '[';
    for (const auto& w : warnings) {
      AppendJsonString(out, w);
      out += ',';
    }
    Close(out, ']');
    out += ',';
  }
  Key(out, "sentences");
  out += '[';
  const auto& toks = doc.tokens();
  for (uint32_t si = 0; si < doc.sentences().size(); ++si) {
    const SentenceRow& s = doc.sentences()[si];
    out += '{';
    IntField(out, "index", si);
    if (s.id != kNoStr) StringField(out, "id", doc.Str(s.id));
    IntField(out, "begin", doc.CharOffset(s.begin));
    IntField(out, "end", doc.CharOffset(s.end));
    StringField(out, "text", doc.sentence(si).text());
    StringField(out, "kind", FurnitureName(s.kind));
    Key(out, "tokens");
    out += '[';
    for (uint32_t t = s.first_token; t < s.end_token && t < toks.size(); ++t) {
      const TokenRow& r = toks[t];
      Token tok = doc.token(t);
      out += '{';
      IntField(out, "i", t - s.first_token + 1);
      StringField(out, "text", tok.text());
      if (r.norm != kNoStr && tok.norm() != tok.text()) StringField(out, "norm", tok.norm());
      IntField(out, "begin", doc.CharOffset(r.begin));
      IntField(out, "end", doc.CharOffset(r.end));
      if (r.upos != Upos::kNone) StringField(out, "upos", UposName(r.upos));
      if (r.xpos != kNoStr) StringField(out, "xpos", tok.xpos());
      if (r.lemma != kNoStr) StringField(out, "lemma", tok.lemma());
      if (r.feats != kNoStr) StringField(out, "feats", tok.feats());
      if (r.deprel != kNoStr) {
        IntField(out, "head", r.head == kNoHead ? 0 : int64_t{r.head} - s.first_token + 1);
        StringField(out, "deprel", tok.deprel());
      }
      if (r.flags & kTokJoinedToNext) out += "\"joined\":true,";
      Close(out, '}');
      out += ',';
    }
    Close(out, ']');
    out += "},";
  }
  Close(out, ']');
  out += ',';
  Key(out, "furniture");
  out += '[';
  std::string_view text = doc.text();
  for (const FurnitureSpan& f : doc.furniture()) {
    out += '{';
    StringField(out, "kind", FurnitureName(f.kind));
    IntField(out, "begin", doc.CharOffset(f.begin));
    IntField(out, "end", doc.CharOffset(f.end));
    StringField(out, "text", text.substr(f.begin, f.end - f.begin));
    Close(out, '}');
    out += ',';
  }
  Close(out, ']');
  out += "}\n";
}

void WriteJsonlError(std::string_view id, std::string_view where, const Status& status, std::string& out) {
  out += "{\"error\":{";
  StringField(out, "id", id);
  StringField(out, "where", where);
  StringField(out, "code", StatusCodeName(status.code()));
  StringField(out, "reason", status.message());
  Close(out, '}');
  out += "}\n";
}

}  // namespace dyad
