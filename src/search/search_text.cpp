#include "search/search_text.h"

#include <relais/customers/matching.h>
#include <relais/customers/validation.h>
#include <relais/errors.h>

#include "core/text.h"

#include <algorithm>

namespace relais::inline v1::detail {
namespace {

constexpr std::size_t kMinPhoneDigits = 4;
// A single letter is the start of too many words to mean anything, and
// would make the engine merge the lists of all of them.
constexpr std::size_t kMinPrefixBytes = 2;
// Phone numbers are written in groups of two or three digits ("06 12 34",
// "0612 345 678"); longer groups are numbers of their own (a postcode, a
// year) and are never joined to their neighbours.
constexpr std::size_t kMaxJoinedGroup = 3;
constexpr std::string_view kEllipsis = "…";

bool all_digits(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> split_words(std::string_view folded) {
  std::vector<std::string> words;
  for (std::size_t start = 0; start < folded.size();) {
    const std::size_t end = std::min(folded.find(' ', start), folded.size());
    if (end > start) words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// "06 12 34 rue" -> "061234 rue": runs of short digit groups joined when
// they make a phone fragment.
std::vector<std::string> joined_digit_groups(const std::vector<std::string>& words) {
  std::vector<std::string> joined;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t end = i;
    std::string digits;
    while (end < words.size() && all_digits(words[end]) && words[end].size() <= kMaxJoinedGroup) {
      digits += words[end++];
    }
    if (end - i >= 2 && digits.size() >= kMinPhoneDigits) {
      joined.push_back(std::move(digits));
      i = end;
    } else {
      joined.push_back(words[i++]);
    }
  }
  return joined;
}

// The E.164 digits of a text that is a whole phone number. Only text
// starting like one ("+", "0") is tried, so that a SIREN or a postcode is
// never read as a number.
std::optional<std::string> whole_phone_number(std::string_view text) {
  if (text.front() != '+' && text.front() != '0') return std::nullopt;
  if (!is_valid_phone(text)) return std::nullopt;
  return normalize_phone(text).substr(1);
}

// "+33612345678" -> "0612345678": how French numbers are written at home.
// Other numbers are written in their international form here
// (format_phone_national), whose digits are the suffixes' already.
std::string national_digits(std::string_view e164) {
  return e164.starts_with("+33") ? "0" + std::string(e164.substr(3)) : std::string();
}

bool matches(std::string_view word, const std::vector<spi::FullTextTerm>& terms) {
  return std::any_of(terms.begin(), terms.end(), [&](const spi::FullTextTerm& term) {
    return term.prefix ? word.starts_with(term.word) : word == term.word;
  });
}

// The start of the first space-separated piece of `text` holding a word
// that matches, or npos.
std::size_t first_match(std::string_view text, const std::vector<spi::FullTextTerm>& terms) {
  for (std::size_t start = text.find_first_not_of(kAsciiWhitespace); start != std::string_view::npos;) {
    const std::size_t end = std::min(text.find_first_of(kAsciiWhitespace, start), text.size());
    for (const auto& word : split_words(fold_text(text.substr(start, end - start)))) {
      if (matches(word, terms)) return start;
    }
    start = text.find_first_not_of(kAsciiWhitespace, end);
  }
  return std::string_view::npos;
}

// Line breaks and runs of spaces as one space.
std::string single_spaced(std::string_view text) {
  std::string spaced;
  for (char c : text) {
    const bool space = kAsciiWhitespace.find(c) != std::string_view::npos;
    if (!space) spaced += c;
    else if (!spaced.empty() && spaced.back() != ' ') spaced += ' ';
  }
  return spaced;
}

}  // namespace

std::vector<spi::FullTextTerm> search_terms(std::string_view text) {
  const std::string_view trimmed = trim(text);
  if (trimmed.empty()) throw InvalidInputError("text", text, "must not be empty");
  if (text.size() > kMaxSearchTextBytes) {
    throw InvalidInputError("text", text, "longer than " + std::to_string(kMaxSearchTextBytes) + " bytes");
  }
  if (auto digits = whole_phone_number(trimmed)) return {{std::move(*digits), true}};
  std::vector<std::string> words;
  for (auto& word : joined_digit_groups(split_words(fold_text(trimmed)))) {
    if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
  }
  if (words.empty()) throw InvalidInputError("text", text, "holds no letter or digit to search for");
  if (words.size() > kMaxSearchTerms) {
    throw InvalidInputError("text", text, "more than " + std::to_string(kMaxSearchTerms) + " words");
  }
  std::vector<spi::FullTextTerm> terms;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool last = i + 1 == words.size();
    const bool prefix = (last && words[i].size() >= kMinPrefixBytes) ||
                        (all_digits(words[i]) && words[i].size() >= kMinPhoneDigits);
    terms.push_back({std::move(words[i]), prefix});
  }
  return terms;
}

std::vector<std::string> phone_search_words(std::string_view e164) {
  const std::string_view digits = e164.starts_with('+') ? e164.substr(1) : e164;
  std::vector<std::string> words;
  for (std::size_t start = 0; start + kMinPhoneDigits <= digits.size(); ++start) {
    words.emplace_back(digits.substr(start));
  }
  std::string national = national_digits(e164);
  if (national.size() >= kMinPhoneDigits && std::find(words.begin(), words.end(), national) == words.end()) {
    words.push_back(std::move(national));
  }
  return words;
}

std::string_view utf8_prefix(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  // Back off continuation bytes (10xxxxxx) to the start of a character.
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

std::string search_excerpt(std::string_view text, const std::vector<spi::FullTextTerm>& terms, std::size_t width) {
  text = trim(text);
  const std::size_t found = first_match(text, terms);
  const std::size_t match = found == std::string_view::npos ? 0 : found;
  // A third of the window before the match, starting at a word.
  std::size_t start = match > width / 3 ? match - width / 3 : 0;
  if (start > 0) start = std::min(text.find_first_not_of(kAsciiWhitespace, text.find_first_of(kAsciiWhitespace, start)), match);
  std::size_t end = text.size();
  if (end - start > width) {
    const std::size_t space = text.find_last_of(kAsciiWhitespace, start + width);
    end = space != std::string_view::npos && space > match ? space
                                                           : start + utf8_prefix(text.substr(start), width).size();
  }
  std::string excerpt = start > 0 ? std::string(kEllipsis) : std::string();
  excerpt += single_spaced(trim(text.substr(start, end - start)));
  if (end < text.size()) excerpt += kEllipsis;
  return excerpt;
}

}  // namespace relais::inline v1::detail
