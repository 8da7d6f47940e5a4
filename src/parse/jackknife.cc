#include "parse/jackknife.h"

#include "io/conllu.h"
#include "tag/tagger_model.h"

namespace dyad::parse {

std::vector<std::string_view> SplitSentenceBlocks(std::string_view conllu) {
  std::vector<std::string_view> blocks;
  size_t start = 0, pos = 0;
  bool has_content = false;
  while (pos < conllu.size()) {
    size_t eol = conllu.find('\n', pos);
    size_t next = eol == std::string_view::npos ? conllu.size() : eol + 1;
    std::string_view line = conllu.substr(pos, next - pos);
    bool blank = line.find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (blank && has_content) {
      blocks.push_back(conllu.substr(start, next - start));
      start = next;
      has_content = false;
    } else if (!blank) {
      has_content = true;
    } else {
      start = next;  // blank lines between blocks
    }
    pos = next;
  }
  if (has_content) blocks.push_back(conllu.substr(start));
  return blocks;
}

Result<std::vector<Document>> JackknifeTags(std::string_view conllu, int folds, const TaggerTrainOptions& options,
                                            const std::function<void(const std::string&)>& log) {
  std::vector<std::string_view> blocks = SplitSentenceBlocks(conllu);
  if (folds < 2 || static_cast<size_t>(folds) > blocks.size())
    return Status::InvalidArgument("jackknife needs 2 or more folds and at least one sentence per fold");
  std::vector<Document> out;
  for (int f = 0; f < folds; ++f) {
    size_t begin = blocks.size() * f / folds, end = blocks.size() * (f + 1) / folds;
    std::string held, rest;
    for (size_t i = 0; i < blocks.size(); ++i) {
      std::string& to = i >= begin && i < end ? held : rest;
      to.append(blocks[i]);
      if (to.back() != '\n') to += '\n';
      to += '\n';
    }
    auto train = ReadConllu(rest);
    if (!train.ok()) return train.status();
    auto fold = ReadConllu(held);
    if (!fold.ok()) return fold.status();
    auto tagger = TrainTaggerModel(*train, nullptr, options);
    if (!tagger.ok()) return tagger.status();
    tag::TaggerScratch scratch;
    tag::TagDocument(*tagger, *fold, scratch);
    if (log)
      log("jackknife fold " + std::to_string(f + 1) + "/" + std::to_string(folds) + ": tagged " +
          std::to_string(fold->tokens().size()) + " words with a tagger trained on the other folds");
    out.push_back(std::move(fold).value());
  }
  return out;
}

}  // namespace dyad::parse
