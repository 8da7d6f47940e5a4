#include "io/article_jsonl_writer.h"

#include "io/event_jsonl_writer.h"
#include "io/json_out.h"

namespace dyad {
namespace {

using namespace json;

// "text", "begin", "end" of a token range.
void TokenSpan(const Document& doc, uint32_t first, uint32_t end, std::string& out) {
  const auto& t = doc.tokens();
  if (first >= end || end > t.size()) {
    StringField(out, "text", "");
    IntField(out, "begin", 0);
    IntField(out, "end", 0);
    return;
  }
  StringField(out, "text", std::string_view(doc.text()).substr(t[first].begin, t[end - 1].end - t[first].begin));
  IntField(out, "begin", doc.CharOffset(t[first].begin));
  IntField(out, "end", doc.CharOffset(t[end - 1].end));
}

std::string_view MentionKindName(MentionKind k) {
  switch (k) {
    case MentionKind::kCountry: return "country";
    case MentionKind::kPerson: return "person";
    case MentionKind::kOrganisation: return "organisation";
    case MentionKind::kAgent: return "agent";
    case MentionKind::kPronoun: return "pronoun";
    case MentionKind::kNominal: return "nominal";
  }
  return "country";
}

void OpenArray(std::string& out, std::string_view key) {
  Key(out, key);
  out += '[';
}

void CloseArray(std::string& out) {
  Close(out, ']');
  out += ',';
}

}  // namespace

void WriteArticleJsonl(const Document& doc, const std::vector<events::EventRecord>& events,
                       const ArticleScores& scores, const events::KeepEvents& keep, std::string& out) {
  const DocumentMeta& m = doc.meta();
  out += '{';
  StringField(out, "doc_id", m.id);
  StringField(out, "date", m.date);
  StringField(out, "title", m.title);
  if (!m.url.empty()) StringField(out, "url", m.url);
  if (!m.source.empty()) StringField(out, "source", m.source);
  Key(out, "tone");
  if (scores.has_tone) {
    out += '{';
    DoubleField(out, "tone", scores.tone);
    DoubleField(out, "positive", scores.positive);
    DoubleField(out, "negative", scores.negative);
    DoubleField(out, "polarity", scores.polarity);
    IntField(out, "words", scores.words);
    Close(out, '}');
    out += ',';
  } else {
    out += "null,";
  }

  OpenArray(out, "actors");
  for (const MentionRow& a : doc.mentions()) {
    out += '{';
    TokenSpan(doc, a.first_token, a.end_token, out);
    StringField(out, "code", doc.Str(a.code));
    StringField(out, "country", doc.Str(a.country));
    StringField(out, "sector", doc.Str(a.sector));
    StringField(out, "name", doc.Str(a.name));
    StringField(out, "kind", MentionKindName(a.kind));
    StringField(out, "rule", doc.Str(a.rule));
    Close(out, '}');
    out += ',';
  }
  CloseArray(out);

  OpenArray(out, "events");
  for (const events::EventRecord& e : events) {
    if (!keep(e)) continue;
    AppendEventJson(e, out);
    out += ',';
  }
  CloseArray(out);

  OpenArray(out, "quotes");
  for (const QuoteRow& q : doc.quotes()) {
    out += '{';
    StringField(out, "text", std::string_view(doc.text()).substr(q.begin, q.end - q.begin));
    IntField(out, "begin", doc.CharOffset(q.begin));
    IntField(out, "end", doc.CharOffset(q.end));
    BoolField(out, "direct", q.direct);
    if (q.cue_token >= 0) StringField(out, "cue", doc.token(static_cast<uint32_t>(q.cue_token)).text());
    Key(out, "speaker");
    if (q.speaker_end > q.speaker_first) {
      out += '{';
      TokenSpan(doc, q.speaker_first, q.speaker_end, out);
      if (q.speaker_mention >= 0 && static_cast<size_t>(q.speaker_mention) < doc.mentions().size())
        StringField(out, "code", doc.Str(doc.mentions()[q.speaker_mention].code));
      Close(out, '}');
      out += ',';
    } else {
      out += "null,";
    }
    Close(out, '}');
    out += ',';
  }
  CloseArray(out);

  OpenArray(out, "dates");
  for (const TimexRow& t : doc.timexes()) {
    out += '{';
    TokenSpan(doc, t.first_token, t.end_token, out);
    StringField(out, "type", doc.Str(t.type));
    StringField(out, "value", doc.Str(t.value));
    Close(out, '}');
    out += ',';
  }
  CloseArray(out);

  OpenArray(out, "amounts");
  for (const AmountRow& a : doc.amounts()) {
    out += '{';
    TokenSpan(doc, a.first_token, a.end_token, out);
    DoubleField(out, "value", a.value);
    StringField(out, "unit", doc.Str(a.unit));
    StringField(out, "kind", doc.Str(a.kind));
    Close(out, '}');
    out += ',';
  }
  CloseArray(out);

  OpenArray(out, "places");
  for (const PlaceRow& p : doc.places()) {
    out += '{';
    TokenSpan(doc, p.first_token, p.end_token, out);
    StringField(out, "name", doc.Str(p.name));
    StringField(out, "country", doc.Str(p.country));
    StringField(out, "feature", doc.Str(p.feature));
    if (p.has_coordinates) {
      DoubleField(out, "lat", p.lat);
      DoubleField(out, "lon", p.lon);
    }
    Close(out, '}');
    out += ',';
  }
  CloseArray(out);

  OpenArray(out, "entities");
  for (const EntityRow& e : doc.entities()) {
    out += '{';
    TokenSpan(doc, e.first_token, e.end_token, out);
    StringField(out, "type", doc.Str(e.type));
    Close(out, '}');
    out += ',';
  }
  CloseArray(out);
  Close(out, '}');
  out += '\n';
}

}  // namespace dyad
