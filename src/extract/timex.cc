#include "extract/timex.h"

#include <optional>

namespace dyad {
namespace extract {
namespace {

bool SkippedFurniture(Furniture kind) {
  return kind == Furniture::kByline || kind == Furniture::kCredit || kind == Furniture::kBoilerplate;
}

void ToLowerAscii(std::string_view in, std::string* out) {
  out->assign(in);
  for (char& c : *out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

}  // namespace

void AnnotateTimexes(Document& doc) {
  std::optional<CivilDate> anchor = ParseIsoDate(doc.meta().date);
  auto& rows = doc.mutable_timexes();
  rows.clear();
  std::vector<TimexWord> words;
  std::vector<TimexMatch> matches;
  StrId type_ids[4] = {doc.Intern("DATE"), doc.Intern("TIME"), doc.Intern("DURATION"), doc.Intern("SET")};
  for (uint32_t s = 0; s < doc.sentences().size(); ++s) {
    const SentenceRow& sentence = doc.sentences()[s];
    if (SkippedFurniture(sentence.kind)) continue;
    uint32_t n = sentence.end_token - sentence.first_token;
    words.resize(n);
    for (uint32_t k = 0; k < n; ++k) {
      Token t = doc.token(sentence.first_token + k);
      ToLowerAscii(t.norm(), &words[k].lower);
      words[k].xpos = t.xpos();
      std::string_view raw = t.text();
      words[k].capitalised = !raw.empty() && raw[0] >= 'A' && raw[0] <= 'Z';
    }
    matches.clear();
    FindTimexes(words, anchor ? &*anchor : nullptr, &matches);
    for (const TimexMatch& m : matches) {
      TimexRow row;
      row.first_token = sentence.first_token + m.first;
      row.end_token = sentence.first_token + m.end;
      row.type = m.type == "DATE" ? type_ids[0] : m.type == "TIME" ? type_ids[1]
                 : m.type == "DURATION" ? type_ids[2] : m.type == "SET" ? type_ids[3] : doc.Intern(m.type);
      row.value = doc.Intern(m.value);
      rows.push_back(row);
    }
  }
}

}  // namespace extract

namespace {

class TimexStage final : public Stage {
 public:
  std::string_view name() const override { return "timex"; }
  uint32_t Requires() const override { return kLayerTags; }
  uint32_t Provides() const override { return kLayerTimexes; }
  Status Process(Document& doc, StageScratch*) const override {
    extract::AnnotateTimexes(doc);
    return Status::Ok();
  }
};

}  // namespace

std::shared_ptr<const Stage> MakeTimexStage() { return std::make_shared<TimexStage>(); }

}  // namespace dyad
