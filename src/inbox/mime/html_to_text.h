#pragma once
// HTML mail bodies as plain text, for the inbox's text, the reply splitter
// and the classifier, through gumbo (Google's HTML5 parser).
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

struct HtmlText {
  std::string text;        // UTF-8, lines separated by '\n', none at the end
  bool flattened = false;  // elements were nested too deep: the deepest lost their tags
};

// How deep elements may nest before the deeper ones lose their tags (their
// text is kept). gumbo's memory grows with the square of the nesting depth:
// 5,000 unclosed <table> tags cost 800 MB, and a mail can carry many more.
inline constexpr int kMaxHtmlNesting = 256;

// Renders `html` (UTF-8; invalid bytes become U+FFFD) as text a person reads
// the way the mail looked:
// - block elements (p, div, h1-h6, tr, table, ...) start and end lines; <br>
//   ends a line, even an empty one; at most one blank line in a row;
// - list items start with "- " (ul) or "1. ", "2. "... (ol), indented by two
//   spaces per level of nested list;
// - table cells of a row are separated by a space;
// - the lines of a <blockquote> start with "> " (one per level), so that the
//   reply splitter sees the quote as it would in a plain-text reply;
// - links keep their text, images their nothing: href and src are dropped;
// - script, style, head, title, template and comments are dropped;
// - entities are decoded; outside <pre>, runs of white space (no-break
//   spaces included) become one space and lines are trimmed.
// Thread-safe; owns nothing after it returns; throws only std::bad_alloc.
HtmlText html_to_text(std::string_view html);

}  // namespace relais::inline v1::detail
