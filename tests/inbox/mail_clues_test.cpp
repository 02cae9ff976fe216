// What the inbox reads in a mail without a database: phones and SIRETs in
// the text, the ticket tag, the subject as threading compares it, and
// whether a machine sent it.
#include "inbox/mail_clues.h"

#include <gtest/gtest.h>

using namespace relais::detail;

TEST(MailCluesTest, PhonesAreFoundInAnyCommonWritingAndGivenInE164) {
  auto phones = phones_in_text("Rappelez-moi au 06.12.34.56.78 ou au +33 (0)2 99 12 34 56, merci. Devis n° 2026-0042.");
  EXPECT_EQ(phones, (std::vector<std::string>{"+33612345678", "+33299123456"}));
  EXPECT_TRUE(phones_in_text("Rien ici, 12 rue des Lilas, 35000 Rennes").empty());
}

TEST(MailCluesTest, OnlySiretsWithAValidKeyAreFound) {
  EXPECT_EQ(sirets_in_text("SIRET : 732 829 320 00074 - TVA FR44732829320"), std::vector<std::string>{"73282932000074"});
  EXPECT_TRUE(sirets_in_text("Commande 73282932000075").empty());
}

TEST(MailCluesTest, TicketTagIsReadFromTheSubject) {
  EXPECT_EQ(ticket_tag("RE: Panne [T-2026-000123] urgente"), "T-2026-000123");
  EXPECT_EQ(ticket_tag("Panne T-2026-000123"), std::nullopt);
}

TEST(MailCluesTest, ThreadSubjectKeyStripsPrefixesTagsAccentsAndCase) {
  EXPECT_EQ(thread_subject_key("RE: TR : Re[2]: Panne électrique [T-2026-000001]"), "panne electrique");
  EXPECT_EQ(thread_subject_key("Fwd: PANNE ELECTRIQUE"), "panne electrique");
  EXPECT_EQ(thread_subject_key("Travaux: salle de bain"), "travaux salle de bain");
  EXPECT_TRUE(has_reply_prefix("Re : devis"));
  EXPECT_FALSE(has_reply_prefix("Remplacement tableau"));
}

TEST(MailCluesTest, TaggedSubjectCarriesTheTicketOnce) {
  EXPECT_EQ(tagged_subject("RE: Panne [T-2026-000001]", "T-2026-000001"), "[T-2026-000001] Panne");
  EXPECT_EQ(tagged_subject("", "T-2026-000001"), "[T-2026-000001]");
}

TEST(MailCluesTest, MachineMailIsRecognisedFromItsHeadersOrSender) {
  using Headers = std::vector<std::pair<std::string, std::string>>;
  EXPECT_TRUE(is_automatic(Headers{{"Auto-Submitted", "auto-replied"}}, "marc@example.fr"));
  EXPECT_FALSE(is_automatic(Headers{{"Auto-Submitted", "no"}}, "marc@example.fr"));
  EXPECT_TRUE(is_automatic(Headers{{"precedence", "Bulk"}}, "marc@example.fr"));
  EXPECT_TRUE(is_automatic(Headers{{"List-Id", "<news.example.fr>"}}, "marc@example.fr"));
  EXPECT_TRUE(is_automatic({}, "MAILER-DAEMON@mx.example.fr"));
  EXPECT_TRUE(is_automatic({}, "no-reply@example.fr"));
  EXPECT_FALSE(is_automatic({}, "marc@example.fr"));
}
