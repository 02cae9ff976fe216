#pragma once
// The text side of search, without a database: what a user typed turned
// into full-text terms, the words a phone number is found by, and the
// excerpt shown around a match. Pure functions, thread-safe.
#include <relais/spi/storage.h>

#include <string>
#include <string_view>
#include <vector>

namespace relais::inline v1::detail {

inline constexpr std::size_t kMaxSearchTextBytes = 1000;
inline constexpr std::size_t kMaxSearchTerms = 16;

// The user's words, folded (fold_text) and deduplicated, every one to match;
// the last matches as a prefix from 2 characters on. Digits are phone fragments: a group of 4 or
// more digits matches as a prefix (of the words phone_search_words() gives),
// and a run of short digit groups ("06 12 34") is joined first. Text that is
// a whole phone number ("+33 (0)6 12 34 56 78") becomes its E.164 digits.
// Throws InvalidInputError naming "text": empty, longer than
// kMaxSearchTextBytes, no letter or digit, more than kMaxSearchTerms words.
std::vector<spi::FullTextTerm> search_terms(std::string_view text);

// The words indexed for an E.164 number so that any 4 or more consecutive
// digits find it: every suffix of 4 digits or more of its international
// digits (any substring is the prefix of one), and for a French number its
// national digits ("0612345678").
std::vector<std::string> phone_search_words(std::string_view e164);

// About `width` bytes of `text` around the first word matching a term
// (folded as the terms are), or its start; cut at spaces, "…" marking each
// cut.
std::string search_excerpt(std::string_view text, const std::vector<spi::FullTextTerm>& terms,
                           std::size_t width = 160);

// `text` cut to at most `bytes` bytes without splitting a UTF-8 character.
std::string_view utf8_prefix(std::string_view text, std::size_t bytes);

}  // namespace relais::inline v1::detail
