#include "parse/parser.h"

#include "parse/beam_search.h"
#include "parse/parser_model.h"
#include "parse/reported_clause.h"

namespace dyad {
namespace {

struct ParserScratch : StageScratch {
  parse::ParseState state;
  std::vector<parse::WordAttrs> attrs;
  std::vector<StrId> label_ids;  // model label -> id in the current document (kNoStr until interned)
  parse::BeamSearch beam;        // used only with a beam
};

class ParserStage : public Stage {
 public:
  ParserStage(parse::ParserModel model, int beam_size) : model_(std::move(model)), beam_size_(beam_size) {}
  std::string_view name() const override { return "parser"; }
  uint32_t Requires() const override { return kLayerTags; }
  uint32_t Provides() const override { return kLayerParse; }
  std::unique_ptr<StageScratch> NewScratch() const override { return std::make_unique<ParserScratch>(); }

  Status Process(Document& doc, StageScratch* scratch) const override {
    auto* s = static_cast<ParserScratch*>(scratch);
    if (s == nullptr) return Status::Internal("parser: no scratch");
    s->label_ids.assign(model_.labels.size(), kNoStr);
    for (uint32_t si = 0; si < doc.sentences().size(); ++si) {
      const SentenceRow row = doc.sentences()[si];
      if (row.end_token <= row.first_token) continue;
      parse::FillSentenceAttrs(doc, si, &s->attrs);
      parse::SentenceAttrs a{s->attrs.data(), static_cast<int>(s->attrs.size()) - 1};
      if (beam_size_ == 1) {
        model_.Parse(a, s->state);
      } else {
        parse::BeamParse(model_, a, beam_size_, s->beam, s->state);
      }
      auto& tokens = doc.mutable_tokens();
      for (int w = 1; w <= a.n; ++w) {
        const parse::WordState& ws = s->state.word(w);
        TokenRow& t = tokens[row.first_token + w - 1];
        t.head = ws.head <= 0 ? kNoHead : static_cast<int32_t>(row.first_token) + ws.head - 1;
        StrId& id = s->label_ids[ws.label];
        if (id == kNoStr) id = doc.Intern(model_.labels[ws.label]);
        t.deprel = id;
      }
      parse::RepairReportedClauses(doc, si);
    }
    return Status::Ok();
  }

 private:
  parse::ParserModel model_;
  int beam_size_;
};

}  // namespace

Result<std::shared_ptr<const Stage>> LoadParserStage(const std::string& model_path, const ParserOptions& options) {
  if (options.beam_size < 1 || options.beam_size > parse::kMaxBeam)
    return Status::InvalidInput("parser beam size must be 1.." + std::to_string(parse::kMaxBeam));
  auto m = parse::ParserModel::Load(model_path);
  if (!m.ok()) return m.status();
  return std::shared_ptr<const Stage>(std::make_shared<ParserStage>(std::move(m).value(), options.beam_size));
}

}  // namespace dyad
