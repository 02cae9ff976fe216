// What the fastText classifier reads of a mail (plugins/classifier-fasttext/
// mail_words.h): folded words, patterns as tokens, the sender's domain, and
// the words that say nothing left out.
#include "mail_words.h"

#include <gtest/gtest.h>

namespace relais::fasttext_classifier {
namespace {

std::string words_of(std::string body, bool fold_accents = true, std::string sender = "") {
  return mail_words({"", std::move(sender), std::move(body)}, {fold_accents, {}});
}

TEST(MailWords, TextIsCaseAndAccentFoldedAndPunctuationSeparatesWords) {
  EXPECT_EQ(words_of("Électricité: PRISE-murale, coeur/CŒUR"), "electricite prise murale coeur coeur");
  EXPECT_EQ(words_of("Électricité: PRISE-murale", false), "électricité prise murale");
}

TEST(MailWords, FunctionWordsPolitenessAndOneLetterWordsAreLeftOut) {
  EXPECT_EQ(words_of("Bonjour, je voudrais un devis pour l'installation d'une borne. Cordialement"),
            "voudrais devis installation borne");
  EXPECT_EQ(words_of("tu peux passer ?"), "tu peux passer __question");
}

TEST(MailWords, PhonesEmailsLinksDatesTimesAndAmountsBecomeTokens) {
  EXPECT_EQ(words_of("06 12 34 56 78 / 06.12.34.56.78 / +33 (0)6 12 34 56 78 / 0298123456"),
            "__phone __phone __phone __phone");
  EXPECT_EQ(words_of("écrire à jean.dupont@orange.fr ou voir https://exemple.fr/page"), "ecrire __email voir __url");
  EXPECT_EQ(words_of("le 12/03, le 12/03/2026 à 14h30 ou 9h"), "__date __date __time __time");
  EXPECT_EQ(words_of("1 250,00 € TTC, 350 euros, 80 € HT"), "__amount __amount __amount");
  EXPECT_EQ(words_of("commande 4500123456, disjoncteur 32A, 2 prises"),
            "commande __number disjoncteur 32a __number prises");
}

TEST(MailWords, TheSenderGivesItsDomainAndTheWordsOfItsLocalPart) {
  EXPECT_EQ(words_of("", true, "Service Factures <factures.clients@Rexel.fr>"),
            "__domain_rexel.fr __from_factures __from_clients");
  EXPECT_EQ(
      mail_words({"", "gaetan@duret-electricite.fr", ""}, {true, std::vector<std::string>{"duret-electricite.fr"}}),
      "__domain_company __from_gaetan");
}

TEST(MailWords, SubjectComesBeforeBodyAndNothingLeftGivesNoWords) {
  EXPECT_EQ(mail_words({"Panne", "", "plus de courant"}, {}), "panne courant");
  EXPECT_EQ(mail_words({"", "", "Bonjour, merci !"}, {}), "__exclaim");
  EXPECT_EQ(mail_words({}, {}), "");
}

TEST(MailWords, BytesThatAreNotUtf8AreSetApartNotGuessed) {
  EXPECT_EQ(words_of("Caf\xe9 cr\xe8me prise"), "caf cr prise");
}

TEST(MailWords, TheBodyIsReadUpToItsFirstWords) {
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "chantier ";
  const std::string words = words_of(body);
  EXPECT_EQ(static_cast<std::size_t>(std::count(words.begin(), words.end(), ' ')) + 1, kMaxBodyWords);
}

TEST(MailWords, LinesWithEnoughWordsAreKeptForTraining) {
  const auto lines = line_words("Bonjour,\nLa VMC ne tourne plus depuis hier.\nMerci\nJean Dupont\n06 12 34 56 78", {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines.front(), "vmc tourne depuis hier");
}

}  // namespace
}  // namespace relais::fasttext_classifier
