#include "mail_template.h"

#include <stdexcept>

namespace relais::synth {
namespace {

// Deeper than any table nests: a phrase that names itself.
constexpr int kMaxDepth = 12;

[[noreturn]] void bad_template(std::string_view text, const std::string& why) {
  throw std::logic_error("mail template \"" + std::string(text) + "\": " + why);
}

// The position of the brace that closes the one at `open`.
std::size_t closing_brace(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && --depth == 0) return i;
  }
  bad_template(text, "unbalanced {");
}

// The alternatives of a group, split at the '|' outside nested groups.
std::vector<std::string_view> alternatives(std::string_view inside) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < inside.size(); ++i) {
    if (inside[i] == '{') ++depth;
    if (inside[i] == '}') --depth;
    if (inside[i] == '|' && depth == 0) {
      parts.push_back(inside.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(inside.substr(start));
  return parts;
}

}  // namespace

std::string TemplateExpander::expand(std::string_view text) { return expand(text, 0); }

MailUrgency TemplateExpander::urgency(MailUrgency usual) const {
  return urgent_ ? MailUrgency::urgent : low_ ? MailUrgency::low : usual;
}

std::string TemplateExpander::expand(std::string_view text, int depth) {
  if (depth > kMaxDepth) bad_template(text, "phrases expand into themselves");
  std::string result;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '}') bad_template(text, "unbalanced }");
    if (text[i] != '{') {
      result += text[i++];
      continue;
    }
    const std::size_t close = closing_brace(text, i);
    result += expand_group(text.substr(i + 1, close - i - 1), depth + 1);
    i = close + 1;
  }
  return result;
}

std::string TemplateExpander::expand_group(std::string_view inside, int depth) {
  const auto parts = alternatives(inside);
  if (parts.size() > 1) return expand(parts[random_.below(parts.size())], depth);
  if (inside.starts_with('@')) {
    const auto found = sticky_.find(inside.substr(1));
    if (found != sticky_.end()) return found->second;
    std::string value = expand_group(inside.substr(1), depth);
    sticky_.emplace(inside.substr(1), value);
    return value;
  }
  if (inside == "--") return std::string(1, kSignatureMark);
  if (inside == "urgent" || inside == "low") {
    (inside == "urgent" ? urgent_ : low_) = true;
    return "";
  }
  if (auto value = variables_(inside)) return *value;
  if (const PhraseTable* found = table(inside)) return expand(random_.pick(found->phrases), depth);
  bad_template(inside, "no table or variable of that name");
}

const PhraseTable* TemplateExpander::table(std::string_view name) const {
  for (const auto& scope : scopes_) {
    for (const auto& candidate : scope) {
      if (candidate.name == name) return &candidate;
    }
  }
  return nullptr;
}

}  // namespace relais::synth
