// The text side of search without a database: how typed text becomes
// terms, which words index a phone number, and excerpts.
#include "search/search_text.h"

#include <relais/errors.h>

#include <gtest/gtest.h>

#include <algorithm>

using relais::InvalidInputError;
using relais::detail::phone_search_words;
using relais::detail::search_excerpt;
using relais::detail::search_terms;
using relais::detail::utf8_prefix;
using Terms = std::vector<relais::spi::FullTextTerm>;

namespace relais::spi {
void PrintTo(const FullTextTerm& term, std::ostream* out) { *out << term.word << (term.prefix ? "*" : ""); }
}  // namespace relais::spi

TEST(SearchTerms, FoldsEveryWordAndMatchesTheLastAsAPrefix) {
  EXPECT_EQ(search_terms("  Électricité DURAND "), (Terms{{"electricite"}, {"durand", true}}));
  EXPECT_EQ(search_terms("l'électricien"), (Terms{{"l"}, {"electricien", true}}));
  EXPECT_EQ(search_terms("prise prise Prise"), (Terms{{"prise", true}}));
  EXPECT_EQ(search_terms("durand j"), (Terms{{"durand"}, {"j"}})) << "one letter is no start of a word";
}

TEST(SearchTerms, OperatorsBecomeSpaces) {
  EXPECT_EQ(search_terms("\"AND OR NEAR("), (Terms{{"and"}, {"or"}, {"near", true}}));
  EXPECT_EQ(search_terms("title:vmc*"), (Terms{{"title"}, {"vmc", true}}));
}

TEST(SearchTerms, DigitsAreMatchedAsPhoneFragments) {
  EXPECT_EQ(search_terms("5678 durand"), (Terms{{"5678", true}, {"durand", true}}));
  EXPECT_EQ(search_terms("06 12 34"), (Terms{{"061234", true}}));
  EXPECT_EQ(search_terms("0612 34"), (Terms{{"0612", true}, {"34", true}})) << "4 digits stand alone";
  EXPECT_EQ(search_terms("12 35000 rennes"), (Terms{{"12"}, {"35000", true}, {"rennes", true}}))
      << "a street number is not joined to a postcode";
  EXPECT_EQ(search_terms("3 rue"), (Terms{{"3"}, {"rue", true}}));
}

TEST(SearchTerms, AWholePhoneNumberBecomesItsInternationalDigits) {
  for (const char* written : {"+33 (0)6 12 34 56 78", "0033 6 12 34 56 78", "06.12.34.56.78", "0612345678"}) {
    EXPECT_EQ(search_terms(written), (Terms{{"33612345678", true}})) << written;
  }
  EXPECT_EQ(search_terms("732829320"), (Terms{{"732829320", true}})) << "a SIREN stays a SIREN";
}

TEST(SearchTerms, RefusesWhatCannotBeSearched) {
  EXPECT_THROW(search_terms(""), InvalidInputError);
  EXPECT_THROW(search_terms(" \t"), InvalidInputError);
  EXPECT_THROW(search_terms("*** ((( ---"), InvalidInputError);
  EXPECT_THROW(search_terms(std::string(1001, 'a')), InvalidInputError);
  EXPECT_NO_THROW(search_terms(std::string(1000, 'a')));
  std::string words;
  for (int i = 0; i < 16; ++i) words += "w" + std::to_string(i) + " ";
  EXPECT_NO_THROW(search_terms(words));
  EXPECT_THROW(search_terms(words + "w16"), InvalidInputError);
}

TEST(PhoneSearchWords, EverySubstringOfFourDigitsIsThePrefixOfOne) {
  auto words = phone_search_words("+33612345678");
  EXPECT_NE(std::find(words.begin(), words.end(), "0612345678"), words.end());
  const std::string national = "0612345678";
  for (std::size_t start = 0; start + 4 <= national.size(); ++start) {
    const std::string part = national.substr(start, 4);
    EXPECT_TRUE(std::any_of(words.begin(), words.end(), [&](const std::string& word) { return word.starts_with(part); }))
        << part;
  }
  EXPECT_EQ(words.size(), 9u) << "8 suffixes of 33612345678 and the national form";
  EXPECT_EQ(phone_search_words("+3224123456").size(), 7u) << "a foreign number is written internationally";
}

TEST(SearchExcerpt, ShowsThePassageAroundTheFirstMatch) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "bla bla ";
  text += "le Disjoncteur saute\n\nsouvent ";
  for (int i = 0; i < 20; ++i) text += "bla bla ";
  const std::string excerpt = search_excerpt(text, {{"disjoncteur"}}, 60);
  EXPECT_TRUE(excerpt.starts_with("…bla")) << excerpt;
  EXPECT_TRUE(excerpt.ends_with("…")) << excerpt;
  EXPECT_NE(excerpt.find("le Disjoncteur saute souvent"), std::string::npos) << excerpt;
  EXPECT_EQ(search_excerpt("Court texte", {{"absent"}}), "Court texte");
  EXPECT_EQ(search_excerpt(text, {{"absent"}}, 20), "bla bla bla bla bla…");
  EXPECT_EQ(search_excerpt("électricité générale", {{"elec", true}}), "électricité générale");
}

TEST(SearchExcerpt, NeverCutsACharacter) {
  const std::string accents = "éééééééééé";
  EXPECT_EQ(utf8_prefix(accents, 5), "éé");
  const std::string excerpt = search_excerpt(accents + accents + accents, {{"x"}}, 7);
  EXPECT_EQ(excerpt, "ééé…");
}
