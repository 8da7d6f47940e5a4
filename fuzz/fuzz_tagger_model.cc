// Fuzzes the tagger's model payload parser: the input is wrapped in a valid model-file container
// (right magic, kind and checksum) so the fuzzer reaches TaggerModel's own validation, which must
// reject every inconsistent payload with a Status and never crash. A payload that loads is used
// to tag a short sentence.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model_file.h"
#include "tag/tagger_model.h"

namespace {

void PutU32(std::string& s, uint32_t v) { s.append(reinterpret_cast<const char*>(&v), sizeof v); }
void PutU64(std::string& s, uint64_t v) { s.append(reinterpret_cast<const char*>(&v), sizeof v); }
void PutStr(std::string& s, std::string_view v) {
  PutU32(s, static_cast<uint32_t>(v.size()));
  s.append(v);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes("DYADMODL", 8);
  PutU32(bytes, dyad::kContainerVersion);
  PutStr(bytes, "tagger");
  PutU32(bytes, dyad::tag::kTaggerFormatVersion);
  PutStr(bytes, "fuzz");
  PutStr(bytes, "fuzz");
  PutU64(bytes, size);
  bytes.append(reinterpret_cast<const char*>(data), size);
  PutU64(bytes, dyad::ModelChecksum(reinterpret_cast<const char*>(data), size));
  auto model = dyad::tag::TaggerModel::FromBytes(std::move(bytes));
  if (model.ok()) {
    std::vector<std::string_view> forms = {"The", "talks", "ended", "."};
    std::vector<uint32_t> out(forms.size());
    dyad::tag::TaggerScratch scratch;
    model->TagSentence(forms.data(), forms.size(), scratch, out.data());
    std::string lemma;
    for (size_t i = 0; i < forms.size(); ++i)
      model->lemmatizer().Lemmatize(forms[i], model->tag_class(out[i]).xpos, &lemma);
  }
  return 0;
}
