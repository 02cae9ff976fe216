#pragma once
// What fastText reads of a mail: one line of words, the same at training and
// at classification. Pure functions, thread-safe.
//
// The text is case-folded (and, when asked, stripped of accents); words are
// runs of letters and digits. Words that say nothing of what a mail is about
// are dropped: one-letter words ("l'", "à"), French function words ("le",
// "pour", "nous") and politeness formulas ("cordialement", "salutations").
// Measured on held-out families, dropping them gains about two points: they
// say more about who writes than about what is asked, and a way of writing
// the model never saw with a category must not pull a mail away from it.
// "tu" stays: colleagues say it, customers do not.
// What matters in a pattern rather than in its digits becomes a token of its
// own: __email, __url, __phone, __date, __time, __amount, __number, and
// __question / __exclaim for "?" and "!". The sender gives
// __domain_<domain> ("__domain_orange.fr", "__domain_company" for the
// company's own domains) and __from_<word> for the words of its local part
// ("factures@..." -> __from_factures). Then come the subject's words and the
// body's first kMaxBodyWords words: the opening of a mail says what it is
// about, and the cost of classify() stays bounded.
#include <relais/spi/classifier.h>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace relais::fasttext_classifier {

inline constexpr std::size_t kMaxBodyWords = 250;

struct WordOptions {
  bool fold_accents = true;
  std::span<const std::string> company_domains;  // lowercased
};

// Words separated by single spaces, on one line; empty when the mail has
// none (no sender, nothing but punctuation and uninformative words).
std::string mail_words(const spi::MailText& mail, const WordOptions& options);

// The words of each line of `body` that keeps at least kMinLineWords of
// them, in order: training examples of their own (see train() in
// fasttext_classifier.cpp). Greetings, signatures and form fields keep
// fewer and are left out.
inline constexpr std::size_t kMinLineWords = 3;
std::vector<std::string> line_words(std::string_view body, const WordOptions& options);

}  // namespace relais::fasttext_classifier
