#include "inbox/mail_clues.h"

#include <relais/customers/matching.h>
#include <relais/customers/validation.h>

#include "core/text.h"

#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <regex>

namespace relais::inline v1::detail {
namespace {

using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

// A matcher reading a long text gives up after this many candidates: a mail
// of figures (an invoice pasted in) must not cost seconds.
constexpr int kMaxPhoneTries = 200;

void add_once(std::vector<std::string>& list, std::string value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

const std::regex& ticket_tag_pattern() {
  static const std::regex pattern(R"(\[\s*(T-\d{4}-\d{6})\s*\])");
  return pattern;
}

// "re:", "re :", "re[2]:", "tr:", "fwd:"... at the start of `text`: the
// length of the prefix, 0 when there is none.
std::size_t reply_prefix_length(std::string_view text) {
  static const std::regex pattern(R"(^\s*(re|tr|fwd?|aw|wg)\s*(\[\d+\])?\s*:)", std::regex::icase);
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_search(text.begin(), text.end(), match, pattern)) return 0;
  return static_cast<std::size_t>(match.length(0));
}

std::string_view without_reply_prefixes(std::string_view subject) {
  while (std::size_t length = reply_prefix_length(subject)) subject.remove_prefix(length);
  return trim(subject);
}

std::string without_tags(std::string_view subject) {
  return std::regex_replace(std::string(subject), ticket_tag_pattern(), " ");
}

}  // namespace

std::vector<std::string> phones_in_text(std::string_view text) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumberMatcher matcher(util, std::string(text), "FR", PhoneNumberMatcher::VALID, kMaxPhoneTries);
  std::vector<std::string> phones;
  PhoneNumberMatch match;
  while (matcher.HasNext() && matcher.Next(&match)) {
    std::string e164;
    util.Format(match.number(), PhoneNumberUtil::E164, &e164);
    add_once(phones, std::move(e164));
  }
  return phones;
}

std::vector<std::string> sirets_in_text(std::string_view text) {
  // 14 digits, grouped by spaces or dots as people write them (3 3 3 5,
  // 9 5), not glued to other digits.
  static const std::regex pattern(R"((^|[^\d])(\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{5})(?![\d]))");
  std::vector<std::string> sirets;
  const std::string copy(text);
  for (auto it = std::sregex_iterator(copy.begin(), copy.end(), pattern); it != std::sregex_iterator(); ++it) {
    std::string digits;
    for (char c : (*it)[2].str()) {
      if (c >= '0' && c <= '9') digits += c;
    }
    if (is_valid_siret(digits)) add_once(sirets, std::move(digits));
  }
  return sirets;
}

std::optional<std::string> ticket_tag(std::string_view subject) {
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_search(subject.begin(), subject.end(), match, ticket_tag_pattern())) return std::nullopt;
  return match[1].str();
}

bool has_reply_prefix(std::string_view subject) { return reply_prefix_length(subject) > 0; }

std::string thread_subject_key(std::string_view subject) {
  return fold_text(without_reply_prefixes(without_tags(without_reply_prefixes(subject))));
}

std::string tagged_subject(std::string_view subject, std::string_view number) {
  std::string rest(trim(without_tags(without_reply_prefixes(subject))));
  std::string tagged = "[" + std::string(number) + "]";
  if (!rest.empty()) tagged += " " + rest;
  return tagged;
}

bool is_automatic(const std::vector<std::pair<std::string, std::string>>& headers, std::string_view from_address) {
  for (const auto& [name, value] : headers) {
    const std::string header = lowercase_ascii(name);
    const std::string content = lowercase_ascii(std::string(trim(value)));
    if (header == "auto-submitted" && content != "no") return true;
    if (header == "precedence" && (content == "bulk" || content == "list" || content == "junk")) return true;
    if (header == "list-id" || header == "list-unsubscribe" || header == "x-autoreply" ||
        header == "x-autorespond") {
      return true;
    }
  }
  const std::string local = lowercase_ascii(std::string(from_address.substr(0, from_address.find('@'))));
  return local == "mailer-daemon" || local == "postmaster" || local == "noreply" || local == "no-reply" ||
         local == "donotreply" || local == "ne-pas-repondre" || local.empty();
}

std::string address_domain(std::string_view address) {
  const auto at = address.rfind('@');
  if (at == std::string_view::npos) return "";
  return lowercase_ascii(std::string(address.substr(at + 1)));
}

}  // namespace relais::inline v1::detail
