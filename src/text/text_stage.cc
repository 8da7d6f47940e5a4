#include "text/text_stage.h"

#include <limits>
#include <string>
#include <vector>

#include "text/normalize.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

struct TextScratch : StageScratch {
  std::vector<text::TokenSpan> tokens;
  std::vector<text::SentenceSpan> sentences;
  std::string folded;
};

class TextStage : public Stage {
 public:
  std::string_view name() const override { return "text"; }
  uint32_t Requires() const override { return kLayerText; }
  uint32_t Provides() const override { return kLayerTokens; }
  std::unique_ptr<StageScratch> NewScratch() const override { return std::make_unique<TextScratch>(); }

  Status Process(Document& doc, StageScratch* scratch) const override {
    TextScratch local;
    auto* s = scratch ? static_cast<TextScratch*>(scratch) : &local;
    const std::string& text = doc.text();
    if (text.size() >= std::numeric_limits<uint32_t>::max())
      return Status::TooLarge("document of " + std::to_string(text.size()) + " bytes (limit 4 GiB)");
    s->tokens.clear();
    s->sentences.clear();
    text::Tokenize(text, &s->tokens);
    // One less than the bound: splitting off a sentence-final abbreviation period adds a row.
    text::SplitterOptions options;
    options.max_tokens = text::kMaxSentenceTokens - 1;
    text::SplitSentences(text, s->tokens, &s->sentences, options);

    auto& rows = doc.mutable_tokens();
    auto& sents = doc.mutable_sentences();
    rows.clear();
    sents.clear();
    rows.reserve(s->tokens.size() + s->sentences.size() / 8);
    sents.reserve(s->sentences.size());
    std::string_view view = text;
    auto add_row = [&](uint32_t b, uint32_t e, uint8_t flags, uint32_t sentence) {
      TokenRow row;
      row.begin = b;
      row.end = e;
      row.flags = flags;
      row.sentence = sentence;
      std::string_view raw = view.substr(b, e - b);
      if (text::MayNeedFolding(raw) && text::FoldForMatching(raw, &s->folded)) row.norm = doc.Intern(s->folded);
      rows.push_back(row);
    };
    for (const text::SentenceSpan& span : s->sentences) {
      auto index = static_cast<uint32_t>(sents.size());
      SentenceRow srow;
      srow.first_token = static_cast<uint32_t>(rows.size());
      for (uint32_t i = span.first_token; i < span.end_token; ++i) {
        const text::TokenSpan& t = s->tokens[i];
        bool last = i + 1 == span.end_token;
        if (last && span.ends_with_abbreviation && t.end - t.begin >= 2) {
          // EWT: an abbreviation whose period ends the sentence gives "Inc" + ".".
          add_row(t.begin, t.end - 1, 0, index);
          add_row(t.end - 1, t.end, t.flags, index);
        } else {
          add_row(t.begin, t.end, t.flags, index);
        }
      }
      srow.end_token = static_cast<uint32_t>(rows.size());
      srow.begin = rows[srow.first_token].begin;
      srow.end = rows[srow.end_token - 1].end;
      sents.push_back(srow);
    }
    return Status::Ok();
  }
};

}  // namespace

std::shared_ptr<const Stage> MakeTextStage() { return std::make_shared<TextStage>(); }

}  // namespace dyad
