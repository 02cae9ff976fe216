#pragma once
// The little language the mail families are written in. Private to
// tools/synth.
//
//   {a|b|c}        one of the alternatives, at random; {a|} is "a" or nothing
//   {name}         a phrase of the table `name`, itself expanded, or the
//                  value of the mail's variable `name` (the same all through
//                  one mail: a first name, a town, an order number)
//   {@name}        like {name}, but expanded once per mail: the subject can
//                  name the fault the body described
//   {urgent} {low} nothing, but the mail's urgency becomes urgent (or low,
//                  unless something made it urgent)
//   {--}           kSignatureMark: where a signature stripper would cut
//
// Alternatives nest: "{Bonjour {first_name}|Bonjour}". Tables are looked up
// in scopes, most specific first (the family's, the category's, the common
// ones), so a family can say "greeting" its own way.
#include <relais/inbox/mail_category.h>

#include "random.h"

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace relais::synth {

// Stands for {--} in expanded text: the start of a closing formula or a
// signature.
inline constexpr char kSignatureMark = '\x1e';

struct PhraseTable {
  std::string_view name;
  std::span<const std::string_view> phrases;
};

class TemplateExpander {
 public:
  // Returns the value of a variable, or nothing when `name` is not one.
  using Variables = std::function<std::optional<std::string>(std::string_view name)>;

  TemplateExpander(Rng& random, std::vector<std::span<const PhraseTable>> scopes, Variables variables)
      : random_(random), scopes_(std::move(scopes)), variables_(std::move(variables)) {}

  // Throws std::logic_error naming the template for an unknown name, an
  // unbalanced brace or phrases that expand into themselves: a bug in the
  // tables, which the generator's tests run into.
  std::string expand(std::string_view text);

  // `usual` unless an expanded phrase said {urgent} or {low}.
  MailUrgency urgency(MailUrgency usual) const;

 private:
  std::string expand(std::string_view text, int depth);
  std::string expand_group(std::string_view inside, int depth);
  const PhraseTable* table(std::string_view name) const;

  Rng& random_;
  std::vector<std::span<const PhraseTable>> scopes_;
  Variables variables_;
  std::map<std::string, std::string, std::less<>> sticky_;
  bool urgent_ = false;
  bool low_ = false;
};

}  // namespace relais::synth
