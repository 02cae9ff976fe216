#include "inbox/mime/html_to_text.h"

#include "core/text.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

namespace relais::inline v1::detail {
namespace {

// What an element does to the text around it.
enum class Layout { flow, block, line_break, list, ordered_list, list_item, cell, quote, preformatted, dropped };

struct TagLayout {
  GumboTag tag;
  Layout layout;
};

// Elements absent from this table flow with their text (span, a, b, font...).
constexpr TagLayout kTagLayouts[] = {
    {GUMBO_TAG_BR, Layout::line_break},
    {GUMBO_TAG_P, Layout::block},          {GUMBO_TAG_DIV, Layout::block},
    {GUMBO_TAG_H1, Layout::block},         {GUMBO_TAG_H2, Layout::block},
    {GUMBO_TAG_H3, Layout::block},         {GUMBO_TAG_H4, Layout::block},
    {GUMBO_TAG_H5, Layout::block},         {GUMBO_TAG_H6, Layout::block},
    {GUMBO_TAG_TABLE, Layout::block},      {GUMBO_TAG_TR, Layout::block},
    {GUMBO_TAG_CAPTION, Layout::block},    {GUMBO_TAG_HR, Layout::block},
    {GUMBO_TAG_ADDRESS, Layout::block},    {GUMBO_TAG_ARTICLE, Layout::block},
    {GUMBO_TAG_ASIDE, Layout::block},      {GUMBO_TAG_CENTER, Layout::block},
    {GUMBO_TAG_DL, Layout::block},         {GUMBO_TAG_DT, Layout::block},
    {GUMBO_TAG_DD, Layout::block},         {GUMBO_TAG_FIELDSET, Layout::block},
    {GUMBO_TAG_FIGURE, Layout::block},     {GUMBO_TAG_FIGCAPTION, Layout::block},
    {GUMBO_TAG_FOOTER, Layout::block},     {GUMBO_TAG_FORM, Layout::block},
    {GUMBO_TAG_HEADER, Layout::block},     {GUMBO_TAG_MAIN, Layout::block},
    {GUMBO_TAG_NAV, Layout::block},        {GUMBO_TAG_SECTION, Layout::block},
    {GUMBO_TAG_DETAILS, Layout::block},    {GUMBO_TAG_SUMMARY, Layout::block},
    {GUMBO_TAG_UL, Layout::list},          {GUMBO_TAG_MENU, Layout::list},
    {GUMBO_TAG_OL, Layout::ordered_list},  {GUMBO_TAG_LI, Layout::list_item},
    {GUMBO_TAG_TD, Layout::cell},          {GUMBO_TAG_TH, Layout::cell},
    {GUMBO_TAG_BLOCKQUOTE, Layout::quote}, {GUMBO_TAG_PRE, Layout::preformatted},
    {GUMBO_TAG_SCRIPT, Layout::dropped},   {GUMBO_TAG_STYLE, Layout::dropped},
    {GUMBO_TAG_HEAD, Layout::dropped},     {GUMBO_TAG_TITLE, Layout::dropped},
    {GUMBO_TAG_TEMPLATE, Layout::dropped}, {GUMBO_TAG_SVG, Layout::dropped},
    {GUMBO_TAG_IFRAME, Layout::dropped},   {GUMBO_TAG_OBJECT, Layout::dropped},
};

Layout layout_of(GumboTag tag) {
  const auto* found = std::find_if(std::begin(kTagLayouts), std::end(kTagLayouts),
                                   [tag](const TagLayout& entry) { return entry.tag == tag; });
  return found == std::end(kTagLayouts) ? Layout::flow : found->layout;
}

// Tags that never deepen the tree: void elements, and those a sibling
// closes by itself (<p>, <li>, <td>... are often left open).
constexpr std::string_view kTagsThatDoNotNest[] = {
    "br", "img", "hr", "meta", "link", "input", "wbr", "col", "area", "base", "source", "track", "embed",
    "param", "p", "li", "td", "th", "tr", "dt", "dd", "option"};

bool is_ascii_letter(char c) { return is_ascii_alphanumeric(c) && !(c >= '0' && c <= '9'); }

// The lowercase name of the tag whose name starts at `html[start]`.
std::string tag_name(std::string_view html, std::size_t start) {
  std::size_t end = start;
  while (end < html.size() && is_ascii_alphanumeric(html[end])) ++end;
  return lowercase_ascii(std::string(html.substr(start, end - start)));
}

bool deepens_tree(std::string_view name, bool self_closing) {
  return !self_closing &&
         std::find(std::begin(kTagsThatDoNotNest), std::end(kTagsThatDoNotNest), name) == std::end(kTagsThatDoNotNest);
}

// `html` without the tags of elements nested deeper than kMaxHtmlNesting,
// counting open and close tags as they come (a cheap upper bound of gumbo's
// depth). Text, comments and the other tags are copied unchanged.
std::string without_deep_nesting(std::string_view html, bool& flattened) {
  std::string out;
  out.reserve(html.size());
  int depth = 0;
  std::size_t copied = 0;
  for (std::size_t open = html.find('<'); open != std::string_view::npos; open = html.find('<', open + 1)) {
    const bool closing = open + 1 < html.size() && html[open + 1] == '/';
    const std::size_t name_start = open + (closing ? 2 : 1);
    if (name_start >= html.size() || !is_ascii_letter(html[name_start])) continue;  // text, comment
    const std::size_t close = html.find('>', name_start);
    if (close == std::string_view::npos) break;
    const std::size_t tag_start = open;
    open = close;
    if (!deepens_tree(tag_name(html, name_start), html[close - 1] == '/')) continue;
    const bool too_deep = (closing ? depth : depth + 1) > kMaxHtmlNesting;
    depth = closing ? std::max(0, depth - 1) : depth + 1;
    if (!too_deep) continue;
    flattened = true;
    out.append(html.substr(copied, tag_start - copied));
    copied = close + 1;
  }
  out.append(html.substr(copied));
  return out;
}

// Collects text line by line: collapses white space, prefixes quoted lines
// and keeps at most one blank line in a row.
class LineWriter {
 public:
  // Outside <pre>: runs of white space become one pending space, written
  // only between two words of a line.
  void write_flowing(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
      if (const std::size_t space = white_space_length(text.substr(i)); space > 0) {
        space_pending_ = true;
        i += space;
        continue;
      }
      if (space_pending_ && !line_.empty()) line_ += ' ';
      space_pending_ = false;
      line_ += text[i++];
    }
  }

  void write_preformatted(std::string_view text) {
    for (char c : text) {
      if (c == '\n') {
        break_line();
      } else if (c != '\r') {
        line_ += c;
      }
    }
  }

  // A block boundary: ends the current line when it holds something.
  void end_line() {
    if (!line_.empty()) emit_line();
    space_pending_ = false;
  }

  // <br>: ends the current line, even an empty one.
  void break_line() {
    emit_line();
    space_pending_ = false;
  }

  // Starts a line with a list marker, the text to follow after a space.
  void start_item(std::string marker) {
    end_line();
    line_ = std::move(marker);
    space_pending_ = true;
  }

  // Separates two cells of a table row.
  void separate() { space_pending_ = true; }

  void enter_quote() { end_line(), ++quote_depth_; }
  void leave_quote() { end_line(), --quote_depth_; }

  std::string finish() && {
    end_line();
    while (out_.ends_with('\n')) out_.pop_back();
    return std::move(out_);
  }

 private:
  // Bytes of white space at the start of `text`: ASCII, the no-break space
  // (U+00A0) and the narrow one (U+202F, before French colons).
  static std::size_t white_space_length(std::string_view text) {
    if (text.starts_with("\xC2\xA0")) return 2;
    if (text.starts_with("\xE2\x80\xAF")) return 3;
    const char c = text.front();
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ? 1 : 0;
  }

  void emit_line() {
    const bool blank = line_.empty();
    if (!(blank && last_was_blank_)) {
      out_.append(static_cast<std::size_t>(quote_depth_), '>');
      if (quote_depth_ > 0 && !blank) out_ += ' ';
      out_ += line_;
      out_ += '\n';
      last_was_blank_ = blank;
    }
    line_.clear();
  }

  std::string out_;
  std::string line_;
  bool space_pending_ = false;
  bool last_was_blank_ = true;  // no blank line at the start either
  int quote_depth_ = 0;
};

// Walks gumbo's tree without recursion (its depth follows the input) and
// lays the text out through a LineWriter.
class Renderer {
 public:
  std::string render(const GumboNode& root) && {
    std::vector<std::pair<const GumboNode*, unsigned int>> open;  // entered elements, next child
    auto visit = [&](const GumboNode& node) {
      if (node.type == GUMBO_NODE_DOCUMENT || node.type == GUMBO_NODE_ELEMENT) {
        if (enter(node)) open.emplace_back(&node, 0u);
      } else if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE ||
                 node.type == GUMBO_NODE_CDATA) {
        write_text(node.v.text.text);
      }
    };
    visit(root);
    while (!open.empty()) {
      auto& [node, next] = open.back();
      const GumboVector& children =
          node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
      if (next < children.length) {
        const auto* child = static_cast<const GumboNode*>(children.data[next++]);
        visit(*child);  // may grow `open`: node and next are not used after it
      } else {
        if (node->type == GUMBO_NODE_ELEMENT) leave(layout_of(node->v.element.tag));
        open.pop_back();
      }
    }
    return std::move(writer_).finish();
  }

 private:
  struct List {
    bool ordered;
    int items = 0;
  };

  // Returns whether the element's children are to be visited.
  bool enter(const GumboNode& node) {
    if (node.type != GUMBO_NODE_ELEMENT) return true;
    switch (layout_of(node.v.element.tag)) {
      case Layout::dropped: return false;
      case Layout::block: writer_.end_line(); break;
      case Layout::line_break: writer_.break_line(); break;
      case Layout::list: writer_.end_line(), lists_.push_back({false}); break;
      case Layout::ordered_list: writer_.end_line(), lists_.push_back({true}); break;
      case Layout::list_item: writer_.start_item(item_marker()); break;
      case Layout::cell: writer_.separate(); break;
      case Layout::quote: writer_.enter_quote(); break;
      case Layout::preformatted: writer_.end_line(), ++preformatted_; break;
      case Layout::flow: break;
    }
    return true;
  }

  void leave(Layout layout) {
    switch (layout) {
      case Layout::block:
      case Layout::list_item: writer_.end_line(); break;
      case Layout::list:
      case Layout::ordered_list: writer_.end_line(), lists_.pop_back(); break;
      case Layout::cell: writer_.separate(); break;
      case Layout::quote: writer_.leave_quote(); break;
      case Layout::preformatted: writer_.end_line(), --preformatted_; break;
      case Layout::flow:
      case Layout::line_break:
      case Layout::dropped: break;
    }
  }

  std::string item_marker() {
    if (lists_.empty()) return "-";
    List& list = lists_.back();
    std::string marker(2 * (lists_.size() - 1), ' ');
    return marker + (list.ordered ? std::to_string(++list.items) + "." : "-");
  }

  void write_text(const char* text) {
    if (preformatted_ > 0) {
      writer_.write_preformatted(text);
    } else {
      writer_.write_flowing(text);
    }
  }

  LineWriter writer_;
  std::vector<List> lists_;
  int preformatted_ = 0;
};

}  // namespace

HtmlText html_to_text(std::string_view html) {
  HtmlText result;
  const std::string shallow = without_deep_nesting(html, result.flattened);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the error list is never read: do not grow it
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&options, shallow.data(), shallow.size()),
      [](GumboOutput* parsed) { gumbo_destroy_output(&kGumboDefaultOptions, parsed); });
  if (!output) throw std::bad_alloc();
  result.text = Renderer().render(*output->root);
  return result;
}

}  // namespace relais::inline v1::detail
