#include "store/article_layers.h"

#include <charconv>
#include <cmath>

namespace dyad::store {
namespace {

// Writes `[[a, b, ...], [...]]` into one string: rows of fields, commas where they belong.
class JsonRows {
 public:
  explicit JsonRows(std::string* out) : out_(out) { out_->clear(); }
  void Row() {
    out_->append(rows_++ == 0 ? "[[" : "],[");
    fields_ = 0;
  }
  void Int(int64_t v) {
    Sep();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_->append(buf, r.ptr);
  }
  // Always with a fraction or exponent, so SQLite reads a REAL back ("5.0", not the integer 5).
  void Real(double v) {
    Sep();
    if (!std::isfinite(v)) {
      out_->append("null");
      return;
    }
    char buf[40];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    std::string_view s(buf, static_cast<size_t>(r.ptr - buf));
    out_->append(s);
    if (s.find_first_of(".e") == std::string_view::npos) out_->append(".0");
  }
  void Null() {
    Sep();
    out_->append("null");
  }
  // Empty text is null (BindOpt's rule: absent text reads as NULL).
  void Text(std::string_view s) {
    Sep();
    if (s.empty()) out_->append("null");
    else AppendJsonString(out_, s);
  }
  // Closes the array; no rows leaves the string empty.
  void Finish() {
    if (rows_ > 0) out_->append("]]");
  }

 private:
  void Sep() {
    if (fields_++ > 0) out_->push_back(',');
  }
  std::string* out_;
  size_t rows_ = 0, fields_ = 0;
};

// A layer of token-range rows: each row opens with begin, end, text; `extra` writes the rest.
template <typename Rows, typename Extra>
void SpanLayer(const Document& doc, CharOffsets& chars, const Rows& rows, std::string* out, Extra extra) {
  JsonRows j(out);
  for (const auto& r : rows) {
    const TokenSpan sp = SpanOf(doc, chars, r.first_token, r.end_token);
    j.Row();
    j.Int(sp.begin);
    j.Int(sp.end);
    j.Text(sp.text);
    extra(j, r);
  }
  j.Finish();
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t plain = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\t': out->append("\\t"); break;
      case '\r': out->append("\\r"); break;
      default: {
        const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(esc, sizeof esc);
      }
    }
  }
  out->append(s.data() + plain, s.size() - plain);
  out->push_back('"');
}

void EncodeArticleLayers(const Document& doc, CharOffsets& chars, ArticleLayers* out) {
  out->sentence_chars.clear();
  {
    JsonRows j(&out->sentences);
    for (const SentenceRow& r : doc.sentences()) {
      const uint32_t b = chars(r.begin), e = chars(r.end);
      out->sentence_chars.emplace_back(b, e);
      j.Row();
      j.Int(b);
      j.Int(e);
      j.Int(static_cast<int>(r.kind));
    }
    j.Finish();
  }
  SpanLayer(doc, chars, doc.mentions(), &out->mentions, [&](JsonRows& j, const MentionRow& m) {
    j.Int(static_cast<int>(m.kind));
    j.Text(doc.Str(m.code));
    j.Text(doc.Str(m.country));
    j.Text(doc.Str(m.sector));
    j.Text(doc.Str(m.name));
    j.Text(doc.Str(m.rule));
    j.Int(m.antecedent);
    j.Int(m.partner);
  });
  SpanLayer(doc, chars, doc.timexes(), &out->dates, [&](JsonRows& j, const TimexRow& t) {
    j.Text(doc.Str(t.type));
    j.Text(doc.Str(t.value));
  });
  SpanLayer(doc, chars, doc.amounts(), &out->amounts, [&](JsonRows& j, const AmountRow& a) {
    j.Real(a.value);
    j.Text(doc.Str(a.unit));
    j.Text(doc.Str(a.kind));
  });
  SpanLayer(doc, chars, doc.places(), &out->places, [&](JsonRows& j, const PlaceRow& p) {
    j.Text(doc.Str(p.name));
    j.Text(doc.Str(p.country));
    j.Text(doc.Str(p.feature));
    if (p.has_coordinates) {
      j.Real(p.lat);
      j.Real(p.lon);
    } else {
      j.Null();
      j.Null();
    }
  });
  SpanLayer(doc, chars, doc.entities(), &out->entities,
            [&](JsonRows& j, const EntityRow& e) { j.Text(doc.Str(e.type)); });
}

}  // namespace dyad::store
