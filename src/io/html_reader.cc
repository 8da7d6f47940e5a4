#include "io/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "core/utf8.h"
#include "io/reader.h"

namespace dyad {
namespace {

std::string_view Name(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

bool IsText(const xmlNode* n) { return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE; }

std::string_view Content(const xmlNode* n) {
  return n->content ? std::string_view(reinterpret_cast<const char*>(n->content)) : std::string_view();
}

// Attribute value, or empty. The view lives as long as the tree.
std::string_view Attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
    if (a->children != nullptr && IsText(a->children)) return Content(a->children);
    return {};
  }
  return {};
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

template <size_t N>
bool OneOf(std::string_view s, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// Elements that never hold article text.
constexpr std::array<std::string_view, 19> kDroppedTags = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "iframe",
    "svg", "button", "select", "textarea", "object", "embed", "canvas", "figure", "menu"};

// class/id words that mark page chrome rather than the article.
constexpr std::array<std::string_view, 12> kChromeHints = {
    "comment", "share", "social", "newsletter", "cookie", "sidebar", "breadcrumb", "related",
    "promo", "advert", "subscribe", "disqus"};

// Elements that start a new paragraph.
constexpr std::array<std::string_view, 27> kBlockTags = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table",
    "tr", "section", "article", "main", "dl", "dt", "dd", "figcaption", "address", "hr", "body",
    "center", "td"};

bool IsChrome(const xmlNode* n) {
  std::string_view name = Name(n);
  if (OneOf(name, kDroppedTags)) return true;
  if (name == "body" || name == "html" || name == "main") return false;
  std::string_view role = Attr(n, "role");
  if (role == "navigation" || role == "complementary" || role == "banner" || role == "contentinfo") return true;
  for (const char* attr : {"class", "id"}) {
    std::string v = Lower(Attr(n, attr));
    if (v.empty()) continue;
    for (std::string_view hint : kChromeHints)
      if (v.find(hint) != std::string::npos) return true;
  }
  return false;
}

// Walks the tree under root without recursion. enter(n) returns true to visit n's children;
// leave(n) is called after the children of every node for which enter returned true.
template <typename Enter, typename Leave>
void Walk(xmlNode* root, Enter enter, Leave leave) {
  xmlNode* n = root;
  while (true) {
    bool down = enter(n);
    if (down && n->children != nullptr) {
      n = n->children;
      continue;
    }
    if (down) leave(n);
    while (true) {
      if (n == root) return;
      if (n->next != nullptr) {
        n = n->next;
        break;
      }
      n = n->parent;
      if (n == nullptr) return;
      leave(n);
    }
  }
}

// Appends text with HTML whitespace rules: runs of whitespace become one space, paragraph breaks
// become "\n\n" (line breaks "\n"), and nothing leading or trailing.
class TextBuilder {
 public:
  void Text(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space_ = true;
        continue;
      }
      if (!out_.empty()) {
        if (brk_ == 2) out_ += "\n\n";
        else if (brk_ == 1) out_ += '\n';
        else if (space_) out_ += ' ';
      }
      brk_ = 0;
      space_ = false;
      out_ += c;
    }
  }
  void Break(int strength) { brk_ = std::max(brk_, strength); }
  std::string Take() { return std::move(out_); }
  size_t size() const { return out_.size(); }

 private:
  std::string out_;
  int brk_ = 0;
  bool space_ = false;
};

std::string Collapse(std::string_view s, size_t max_bytes) {
  TextBuilder b;
  b.Text(s);
  std::string out = b.Take();
  if (out.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

// All the text under n (ignoring scripts and styles), whitespace collapsed.
std::string TextUnder(xmlNode* n, size_t max_bytes) {
  TextBuilder b;
  Walk(
      n,
      [&](xmlNode* x) {
        if (IsText(x)) b.Text(Content(x));
        if (x->type != XML_ELEMENT_NODE && x != n) return false;
        if (Name(x) == "script" || Name(x) == "style") return false;
        return b.size() < max_bytes;
      },
      [](xmlNode*) {});
  return Collapse(b.Take(), max_bytes);
}

constexpr size_t kMaxTitleBytes = 1000;

struct PageMeta {
  std::string og_title, h1, title, date;
};

PageMeta ReadPageMeta(xmlNode* root) {
  PageMeta m;
  static constexpr std::array<std::string_view, 11> kDateKeys = {
      "article:published_time", "og:article:published_time", "date", "pubdate", "publishdate",
      "dc.date", "dc.date.issued", "datepublished", "sailthru.date", "parsely-pub-date", "publish-date"};
  Walk(
      root,
      [&](xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE;
        std::string_view name = Name(n);
        if (name == "script" || name == "style") return false;
        if (name == "title" && m.title.empty()) {
          m.title = TextUnder(n, kMaxTitleBytes);
          return false;
        }
        if (name == "h1" && m.h1.empty()) {
          m.h1 = TextUnder(n, kMaxTitleBytes);
          return false;
        }
        if (name == "meta") {
          std::string key = Lower(Attr(n, "property"));
          if (key.empty()) key = Lower(Attr(n, "name"));
          if (key.empty()) key = Lower(Attr(n, "itemprop"));
          std::string_view content = Attr(n, "content");
          if (key == "og:title" && m.og_title.empty()) m.og_title = Collapse(content, kMaxTitleBytes);
          if (m.date.empty() && OneOf(key, kDateKeys)) {
            auto d = NormalizeDate(Collapse(content, 64));
            if (d.ok()) m.date = *d;
          }
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  return m;
}

// Picks the element that holds the article: the <article> with the most paragraph text, unless some
// other element directly holds clearly more paragraph text (then that one).
xmlNode* FindArticleRoot(xmlNode* root) {
  struct Frame {
    int p = -1;        // index of the nearest enclosing <p> in paras, or -1
    int article = -1;  // index of the nearest enclosing <article> in articles, or -1
  };
  struct Scored {
    xmlNode* node;
    size_t bytes;
  };
  // Everything in document order, so that ties go to the earlier element, deterministically.
  std::vector<Scored> paras, articles, parents;
  std::vector<int> para_article;
  std::vector<Frame> stack{Frame{}};
  xmlNode* body = nullptr;
  Walk(
      root,
      [&](xmlNode* n) {
        const Frame top = stack.back();
        if (IsText(n)) {
          if (top.p >= 0) paras[top.p].bytes += Content(n).size();
          return false;
        }
        if (n->type != XML_ELEMENT_NODE) {
          if (n != root) return false;
          stack.push_back(top);
          return true;
        }
        if (IsChrome(n)) return false;
        Frame f = top;
        std::string_view name = Name(n);
        if (name == "p") {
          f.p = static_cast<int>(paras.size());
          paras.push_back({n, 0});
          para_article.push_back(top.article);
        } else if (name == "article") {
          f.article = static_cast<int>(articles.size());
          articles.push_back({n, 0});
        } else if (name == "body" && body == nullptr) {
          body = n;
        }
        stack.push_back(f);
        return true;
      },
      [&](xmlNode*) { stack.pop_back(); });
  std::unordered_map<xmlNode*, size_t> parent_index;
  for (size_t i = 0; i < paras.size(); ++i) {
    if (para_article[i] >= 0) articles[para_article[i]].bytes += paras[i].bytes;
    xmlNode* parent = paras[i].node->parent;
    if (parent == nullptr) continue;
    auto [it, added] = parent_index.emplace(parent, parents.size());
    if (added) parents.push_back({parent, 0});
    parents[it->second].bytes += paras[i].bytes;
  }
  auto best = [](const std::vector<Scored>& v) {
    Scored b{nullptr, 0};
    for (const auto& s : v)
      if (b.node == nullptr || s.bytes > b.bytes) b = s;
    return b;
  };
  Scored article = best(articles);
  Scored parent = best(parents);
  if (article.node != nullptr && article.bytes > 0 && article.bytes * 2 >= parent.bytes) return article.node;
  if (parent.node != nullptr && parent.bytes > 0) return parent.node;
  if (article.node != nullptr) return article.node;
  return body != nullptr ? body : root;
}

std::string ExtractText(xmlNode* container) {
  TextBuilder b;
  Walk(
      container,
      [&](xmlNode* n) {
        if (IsText(n)) {
          b.Text(Content(n));
          return false;
        }
        if (n == container) return true;
        if (n->type != XML_ELEMENT_NODE || IsChrome(n)) return false;
        std::string_view name = Name(n);
        if (name == "br") b.Break(1);
        if (OneOf(name, kBlockTags)) b.Break(2);
        return true;
      },
      [&](xmlNode* n) {
        if (OneOf(Name(n), kBlockTags)) b.Break(2);
      });
  return b.Take();
}

// The charset a page declares in its first bytes ("" when none).
std::string DeclaredCharset(std::string_view html) {
  std::string head = Lower(html.substr(0, 4096));
  size_t at = head.find("charset=");
  if (at == std::string::npos) return {};
  size_t b = at + 8;
  while (b < head.size() && (head[b] == '"' || head[b] == '\'' || head[b] == ' ')) ++b;
  size_t e = b;
  while (e < head.size() && (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' || head[e] == '_')) ++e;
  return head.substr(b, e - b);
}

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

}  // namespace

Result<HtmlArticle> ExtractHtmlArticle(std::string_view html) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (html.size() > kMaxRecordBytes)
    return Status::TooLarge("HTML larger than " + std::to_string(kMaxRecordBytes) + " bytes");
  HtmlArticle article;
  // Pages that are valid UTF-8, or that declare no other charset, are read as UTF-8 (repairing bad
  // bytes, with a warning). Pages that declare another charset are decoded by libxml2.
  std::string input;
  const char* encoding = "UTF-8";
  std::string declared = DeclaredCharset(html);
  if (!utf8::IsValid(html) && !declared.empty() && declared != "utf-8" && declared != "utf8") {
    encoding = nullptr;
    input.assign(html);
    std::replace(input.begin(), input.end(), '\0', ' ');
  } else {
    input = SanitizeText(html, &article.warnings);
  }
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      htmlReadMemory(input.data(), static_cast<int>(input.size()), nullptr, encoding, options));
  if (doc == nullptr) {
    if (input.find_first_not_of(" \t\r\n") == std::string::npos) return article;  // empty page: empty doc
    return Status::InvalidInput("HTML could not be parsed");
  }
  xmlNode* root = reinterpret_cast<xmlNode*>(doc.get());
  PageMeta meta = ReadPageMeta(root);
  // libxml2 passes bytes through unconverted when a page declares a charset it does not know, so every
  // string taken from the tree is repaired, not only the body.
  article.title = SanitizeText(!meta.og_title.empty() ? meta.og_title : !meta.h1.empty() ? meta.h1 : meta.title,
                               &article.warnings);
  article.date = SanitizeText(meta.date, &article.warnings);
  article.text = SanitizeText(ExtractText(FindArticleRoot(root)), &article.warnings);
  return article;
}

}  // namespace dyad
