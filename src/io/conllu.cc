#include "io/conllu.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/split.h"
#include "core/utf8.h"

namespace dyad {
namespace {

// One word line of a sentence, before it is placed in the Document.
struct WordLine {
  std::string form, lemma, upos, xpos, feats, deprel;
  int head = -1;  // 0 = root, -1 = "_"
  bool space_after = true;
};

// A surface token: a single word, or a multiword range with its words.
struct SurfaceToken {
  std::string form;
  bool space_after = true;
  std::vector<WordLine> words;
};

bool ParseInt(std::string_view s, int* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool HasSpaceAfterNo(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    std::string_view item = misc.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos);
    if (item == "SpaceAfter=No") return true;
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return false;
}

std::string Field(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

class Builder {
 public:
  Status AddSentence(std::vector<SurfaceToken>& toks, const std::string& sent_id, int break_before,
                     size_t first_line) {
    if (toks.empty()) return Status::Ok();
    if (!text_.empty()) text_ += break_before >= 2 ? "\n\n" : "\n";
    SentenceRow srow;
    srow.first_token = static_cast<uint32_t>(rows_.size());
    srow.begin = static_cast<uint32_t>(text_.size());
    std::vector<int> heads;  // 1-based within sentence
    for (size_t t = 0; t < toks.size(); ++t) {
      SurfaceToken& st = toks[t];
      auto tok_begin = static_cast<uint32_t>(text_.size());
      text_ += st.form;
      auto tok_end = static_cast<uint32_t>(text_.size());
      // Do the words spell the surface token? Then each gets its own slice.
      std::string joined;
      for (auto& w : st.words) joined += w.form;
      bool spelled = joined == st.form;
      uint32_t cursor = tok_begin;
      for (size_t k = 0; k < st.words.size(); ++k) {
        WordLine& w = st.words[k];
        PendingRow r;
        r.row.sentence = static_cast<uint32_t>(sentences_.size());
        if (spelled) {
          r.row.begin = cursor;
          r.row.end = cursor + static_cast<uint32_t>(w.form.size());
          cursor = r.row.end;
        } else {
          r.row.begin = tok_begin;
          r.row.end = tok_end;
          r.norm = w.form;
        }
        r.lemma = w.lemma;
        r.xpos = w.xpos;
        r.feats = w.feats;
        r.deprel = w.deprel;
        r.row.upos = UposFromName(w.upos);
        bool last_word = k + 1 == st.words.size();
        if (!last_word) r.row.flags |= kTokJoinedToNext;
        if (last_word && st.space_after && t + 1 < toks.size()) r.row.flags |= kTokSpaceAfter;
        heads.push_back(w.head);
        rows_.push_back(std::move(r));
      }
      if (st.space_after && t + 1 < toks.size()) text_ += ' ';
    }
    srow.end_token = static_cast<uint32_t>(rows_.size());
    srow.end = static_cast<uint32_t>(text_.size());
    auto n = static_cast<int>(heads.size());
    for (int i = 0; i < n; ++i) {
      int h = heads[i];
      if (h > n || h < -1)
        return Status::InvalidInput("sentence starting at line " + std::to_string(first_line) +
                                    ": HEAD " + std::to_string(h) + " outside the sentence");
      rows_[srow.first_token + i].row.head = h <= 0 ? kNoHead : static_cast<int32_t>(srow.first_token + h - 1);
    }
    sentence_ids_.push_back(sent_id);
    sentences_.push_back(srow);
    return Status::Ok();
  }

  Document Finish(ConlluStats* stats) {
    Document doc(std::move(text_));
    auto& tokens = doc.mutable_tokens();
    tokens.reserve(rows_.size());
    for (auto& r : rows_) {
      r.row.norm = doc.Intern(r.norm);
      r.row.lemma = doc.Intern(r.lemma);
      r.row.xpos = doc.Intern(r.xpos);
      r.row.feats = doc.Intern(r.feats);
      r.row.deprel = doc.Intern(r.deprel);
      tokens.push_back(r.row);
    }
    for (size_t i = 0; i < sentences_.size(); ++i) sentences_[i].id = doc.Intern(sentence_ids_[i]);
    doc.mutable_sentences() = std::move(sentences_);
    if (stats) {
      stats->sentences = doc.sentences().size();
      stats->words = tokens.size();
      stats->multiword_tokens = multiword_;
    }
    return doc;
  }

  size_t multiword_ = 0;

 private:
  struct PendingRow {
    TokenRow row;
    std::string norm, lemma, xpos, feats, deprel;
  };
  std::string text_;
  std::vector<PendingRow> rows_;
  std::vector<SentenceRow> sentences_;
  std::vector<std::string> sentence_ids_;
};

}  // namespace

Result<Document> ReadConllu(std::string_view data, ConlluStats* stats) {
  if (size_t bad = utf8::FirstInvalid(data); bad != std::string_view::npos)
    return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(bad));
  Builder builder;
  std::vector<SurfaceToken> toks;
  std::string sent_id;
  int break_before = 1;
  int pending_break = 1;
  size_t sentence_line = 0;
  int mwt_remaining = 0;  // words still expected inside the current multiword range
  int expected_id = 1;
  size_t line_no = 0;
  size_t pos = 0;
  auto error = [&](const std::string& what) {
    return Status::InvalidInput("line " + std::to_string(line_no) + ": " + what);
  };
  while (pos <= data.size()) {
    size_t nl = data.find('\n', pos);
    std::string_view line = data.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? data.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!toks.empty()) {
        if (mwt_remaining > 0) return error("multiword token range not complete at sentence end");
        DYAD_RETURN_IF_ERROR(builder.AddSentence(toks, sent_id, break_before, sentence_line));
        toks.clear();
        sent_id.clear();
        pending_break = 1;
        expected_id = 1;
      }
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# sent_id = ", 0) == 0) sent_id = std::string(line.substr(12));
      else if (line.rfind("# newdoc", 0) == 0 || line.rfind("# newpar", 0) == 0) pending_break = 2;
      continue;
    }
    auto cols = SplitFields(line);
    if (cols.size() != 10) return error("expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    std::string_view id = cols[0];
    if (toks.empty() && mwt_remaining == 0) {
      sentence_line = line_no;
      break_before = pending_break;
    }
    if (id.find('.') != std::string_view::npos) continue;  // empty node: enhanced graphs only
    bool space_after = !HasSpaceAfterNo(cols[9]);
    if (auto dash = id.find('-'); dash != std::string_view::npos) {
      int a, b;
      if (!ParseInt(id.substr(0, dash), &a) || !ParseInt(id.substr(dash + 1), &b) || b < a || a != expected_id)
        return error("bad multiword token range '" + std::string(id) + "'");
      if (mwt_remaining > 0) return error("multiword token ranges overlap");
      SurfaceToken st;
      st.form = std::string(cols[1]);
      st.space_after = space_after;
      toks.push_back(std::move(st));
      mwt_remaining = b - a + 1;
      builder.multiword_++;
      continue;
    }
    int n;
    if (!ParseInt(id, &n) || n != expected_id)
      return error("expected word id " + std::to_string(expected_id) + ", found '" + std::string(id) + "'");
    ++expected_id;
    WordLine w;
    w.form = std::string(cols[1]);
    if (w.form.empty()) return error("empty FORM");
    w.lemma = Field(cols[2]);
    if (cols[2] == "_" && cols[1] == "_") w.lemma = "_";
    w.upos = Field(cols[3]);
    w.xpos = Field(cols[4]);
    w.feats = Field(cols[5]);
    if (cols[6] != "_" && !ParseInt(cols[6], &w.head)) return error("HEAD is not a number");
    w.deprel = Field(cols[7]);
    w.space_after = space_after;
    if (mwt_remaining > 0) {
      toks.back().words.push_back(std::move(w));
      --mwt_remaining;
    } else {
      SurfaceToken st;
      st.form = w.form;
      st.space_after = space_after;
      st.words.push_back(std::move(w));
      toks.push_back(std::move(st));
    }
  }
  if (!toks.empty()) {
    if (mwt_remaining > 0) return Status::InvalidInput("multiword token range not complete at end of file");
    DYAD_RETURN_IF_ERROR(builder.AddSentence(toks, sent_id, break_before, sentence_line));
  }
  return builder.Finish(stats);
}

Result<Document> ReadConlluFile(const std::string& path, ConlluStats* stats) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  auto doc = ReadConllu(ss.str(), stats);
  if (!doc.ok()) return Status(doc.status().code(), path + ": " + doc.status().message());
  doc->meta().id = path;
  return doc;
}

namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

void AppendField(std::string& out, std::string_view s) {
  if (s.empty()) out += '_';
  else out += s;
}

}  // namespace

void WriteConllu(const Document& doc, std::string& out) {
  const auto& sents = doc.sentences();
  for (uint32_t si = 0; si < sents.size(); ++si) {
    const SentenceRow& s = sents[si];
    if (s.end_token == s.first_token) continue;
    out += "# sent_id = ";
    if (s.id != kNoStr) {
      out += doc.Str(s.id);
    } else {
      if (!doc.meta().id.empty()) {
        out += doc.meta().id;
        out += '-';
      }
      out += std::to_string(si + 1);
    }
    out += "\n# text = ";
    for (char c : doc.sentence(si).text()) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    out += '\n';
    uint32_t t = s.first_token;
    while (t < s.end_token) {
      uint32_t last = t;
      while (last + 1 < s.end_token && (doc.tokens()[last].flags & kTokJoinedToNext)) ++last;
      const TokenRow& tl = doc.tokens()[last];
      // Whitespace after the token in the original text; the end of the text counts as a space.
      bool space_after = last + 1 < s.end_token
                             ? tl.end < doc.tokens()[last + 1].begin
                             : tl.end >= doc.text().size() || IsSpaceByte(doc.text()[tl.end]);
      if (last > t) {  // multiword token range line
        out += std::to_string(t - s.first_token + 1);
        out += '-';
        out += std::to_string(last - s.first_token + 1);
        out += '\t';
        out += std::string_view(doc.text()).substr(doc.tokens()[t].begin, tl.end - doc.tokens()[t].begin);
        out += space_after ? "\t_\t_\t_\t_\t_\t_\t_\t_\n" : "\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n";
      }
      for (uint32_t w = t; w <= last; ++w) {
        Token tok = doc.token(w);
        const TokenRow& r = tok.row();
        out += std::to_string(w - s.first_token + 1);
        out += '\t';
        std::string_view form = r.norm != kNoStr && last > t ? tok.norm() : tok.text();
        for (char c : form) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
        out += '\t';
        AppendField(out, tok.lemma());
        out += '\t';
        out += r.upos == Upos::kNone ? std::string_view("_") : UposName(r.upos);
        out += '\t';
        AppendField(out, tok.xpos());
        out += '\t';
        AppendField(out, tok.feats());
        out += '\t';
        bool parsed = r.deprel != kNoStr;
        if (!parsed) out += '_';
        else if (r.head == kNoHead) out += '0';
        else out += std::to_string(r.head - static_cast<int32_t>(s.first_token) + 1);
        out += '\t';
        AppendField(out, tok.deprel());
        out += "\t_\t";
        out += (last == t && !space_after) ? "SpaceAfter=No" : "_";
        out += '\n';
      }
      t = last + 1;
    }
    out += '\n';
  }
}

}  // namespace dyad
