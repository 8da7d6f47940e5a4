// Hand-made articles with events, for the store's tests and benchmark (no engine needed): a Document
// with sentences, two actor mentions per sentence and EventRecords as MakeEventRecords would give.
#pragma once

#include <string>
#include <vector>

#include "dyad/document.h"
#include "events/event_record.h"

namespace dyad::store::testing {

struct TestArticle {
  Document doc;
  std::vector<events::EventRecord> events;
};

struct TestEvent {
  TestEvent(std::string s, std::string t, std::string c, std::string d = "", bool neg = false)
      : source(std::move(s)), target(std::move(t)), code(std::move(c)), date(std::move(d)), negated(neg) {}
  std::string source, target, code;  // actor codes ("RUSGOV"), CAMEO code ("036")
  std::string date;                   // empty: the article date
  bool negated = false;
};

// The country of a test actor code: its first block, or a multinational's second ("MNCUSAAPL": USA),
// as CAMEO codes them.
inline std::string CountryOfTestCode(const std::string& code) {
  return code.substr(code.rfind("MNC", 0) == 0 ? 3 : 0, 3);
}

// One sentence per event: "<SOURCE> <verb>s <TARGET> on day N." with tokens, a sentence row, two
// mentions and a quote in the first sentence.
inline TestArticle MakeTestArticle(const std::string& id, const std::string& date, const std::vector<TestEvent>& evs,
                                   const std::string& source = "wire", const std::string& extra_text = "") {
  std::string text = extra_text;
  struct Pos { uint32_t sb, se, tb, te, vb, ve, b, e; };
  std::vector<Pos> pos;
  for (size_t i = 0; i < evs.size(); ++i) {
    Pos p{};
    p.b = static_cast<uint32_t>(text.size());
    p.sb = p.b;
    text += evs[i].source.empty() ? "Someone" : evs[i].source;
    p.se = static_cast<uint32_t>(text.size());
    text += " ";
    p.vb = static_cast<uint32_t>(text.size());
    text += "met";
    p.ve = static_cast<uint32_t>(text.size());
    text += " ";
    p.tb = static_cast<uint32_t>(text.size());
    text += evs[i].target.empty() ? "nobody" : evs[i].target;
    p.te = static_cast<uint32_t>(text.size());
    text += " \xE2\x80\x9Ctoday\xE2\x80\x9D";  // a non-ASCII quote so character offsets differ from bytes
    p.e = static_cast<uint32_t>(text.size());
    text += ". ";
    pos.push_back(p);
  }
  DocumentMeta meta;
  meta.id = id;
  meta.date = date;
  meta.title = "Test article " + id;
  meta.source = source;
  TestArticle a{Document(text, meta), {}};
  Document& d = a.doc;
  for (size_t i = 0; i < evs.size(); ++i) {
    const Pos& p = pos[i];
    uint32_t t0 = static_cast<uint32_t>(d.tokens().size());
    for (auto [b, e] : {std::pair{p.sb, p.se}, {p.vb, p.ve}, {p.tb, p.te}}) {
      TokenRow t;
      t.begin = b;
      t.end = e;
      t.sentence = static_cast<uint32_t>(i);
      d.mutable_tokens().push_back(t);
    }
    SentenceRow s;
    s.begin = p.b;
    s.end = p.e;
    s.first_token = t0;
    s.end_token = t0 + 3;
    d.mutable_sentences().push_back(s);
    for (int side = 0; side < 2; ++side) {
      MentionRow m;
      m.first_token = m.head_token = t0 + (side == 0 ? 0 : 2);
      m.end_token = m.first_token + 1;
      const std::string& code = side == 0 ? evs[i].source : evs[i].target;
      m.code = d.Intern(code);
      m.country = d.Intern(CountryOfTestCode(code));
      m.rule = d.Intern("test");
      d.mutable_mentions().push_back(m);
    }
    events::EventRecord r;
    r.doc_id = id;
    r.event_id = id + ":" + std::to_string(i);
    r.sentence_index = static_cast<uint32_t>(i);
    r.sentence_text = text.substr(p.b, p.e - p.b);
    r.date = evs[i].date.empty() ? date : evs[i].date;
    r.has_source = !evs[i].source.empty();
    r.has_target = !evs[i].target.empty();
    r.source = {evs[i].source, evs[i].source, CountryOfTestCode(evs[i].source), "government", "", d.CharOffset(p.sb), d.CharOffset(p.se)};
    r.target = {evs[i].target, evs[i].target, CountryOfTestCode(evs[i].target), "government", "", d.CharOffset(p.tb), d.CharOffset(p.te)};
    r.cameo_code = evs[i].code;
    r.cameo_root = evs[i].code.substr(0, 2);
    r.cameo_name = "test code";
    int root = std::stoi(r.cameo_root);
    r.quad_class = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
    r.goldstein = root <= 9 ? 3.0 : -5.0;
    r.plover_type = root <= 5 ? "CONSULT" : "ASSAULT";
    r.plover_contexts = {"diplomatic"};
    r.trigger_text = "met";
    r.trigger_begin = d.CharOffset(p.vb);
    r.trigger_end = d.CharOffset(p.ve);
    r.negated = evs[i].negated;
    r.has_location = true;
    r.location = {"Tehran", "IRN", 35.69, 51.42, true, 0, 0};
    r.rule = "test-rule";
    a.events.push_back(std::move(r));
  }
  if (!evs.empty()) {
    QuoteRow q;
    q.begin = pos[0].te + 4;  // "today" inside the curly quotes of the first sentence
    q.end = pos[0].te + 9;
    q.cue_token = 1;
    q.speaker_first = 0;
    q.speaker_end = 1;
    q.speaker_mention = 0;
    d.mutable_quotes().push_back(q);
  }
  return a;
}

}  // namespace dyad::store::testing
