// The reply splitter alone: quotes, reply headers, forwards and signatures
// in the shapes French and English mail clients write them.
#include "inbox/mime/reply_split.h"

#include <gtest/gtest.h>

using namespace relais::detail;

TEST(ReplySplit, PlainTextWithoutQuoteOrSignatureIsAllNew) {
  const auto split = split_reply("Bonjour,\n\nLa prise du salon ne marche plus.\n");
  EXPECT_EQ(split.new_text, "Bonjour,\n\nLa prise du salon ne marche plus.");
  EXPECT_EQ(split.quoted_text, "");
  EXPECT_EQ(split.signature, "");
}

TEST(ReplySplit, FrenchReplyHeaderOnOneLineStartsTheQuote) {
  const auto split = split_reply(
      "D'accord pour mardi.\n\n"
      "Le mar. 4 mars 2026 à 09:30, Élec Bretagne <contact@elec-bretagne.fr> a écrit :\n"
      "> Nous pouvons passer mardi.\n");
  EXPECT_EQ(split.new_text, "D'accord pour mardi.");
  EXPECT_EQ(split.quoted_text,
            "Le mar. 4 mars 2026 à 09:30, Élec Bretagne <contact@elec-bretagne.fr> a écrit :\n"
            "> Nous pouvons passer mardi.");
}

TEST(ReplySplit, FrenchReplyHeaderWrappedOverTwoOrThreeLinesIsOneHeader) {
  const auto two = split_reply(
      "Merci.\n\nLe lun. 3 mars 2026 à 10:12, Jean Dupont <\njean.dupont@gmail.com> a écrit :\n> Bonjour\n");
  EXPECT_EQ(two.new_text, "Merci.");
  EXPECT_EQ(two.quoted_text, "Le lun. 3 mars 2026 à 10:12, Jean Dupont <\njean.dupont@gmail.com> a écrit :\n> Bonjour");
  const auto three = split_reply("Merci.\nLe lundi 3 mars 2026\nà 10:12, Jean Dupont\n<jean@x.fr> a écrit :\nTexte cité\n");
  EXPECT_EQ(three.new_text, "Merci.");
  EXPECT_EQ(three.quoted_text, "Le lundi 3 mars 2026\nà 10:12, Jean Dupont\n<jean@x.fr> a écrit :\nTexte cité");
}

TEST(ReplySplit, ReplyHeaderWithNoBreakSpaceBeforeTheColonIsSeen) {
  const auto split = split_reply("Oui.\nLe 3 mars 2026 à 10:12, Jean a écrit\xC2\xA0:\n> Question ?\n");
  EXPECT_EQ(split.new_text, "Oui.");
  EXPECT_EQ(split.quoted_text, "Le 3 mars 2026 à 10:12, Jean a écrit\xC2\xA0:\n> Question ?");
}

TEST(ReplySplit, AReplyHeaderWithoutDateIsNotTakenForOne) {
  // "Le client a écrit :" in the sender's own words: no digit, no header.
  const auto split = split_reply("Le client a écrit :\nil veut un devis.\n");
  EXPECT_EQ(split.new_text, "Le client a écrit :\nil veut un devis.");
  EXPECT_EQ(split.quoted_text, "");
}

TEST(ReplySplit, EnglishReplyHeaderStartsTheQuote) {
  const auto split = split_reply("Sounds good.\n\nOn Mon, 3 Mar 2026 at 10:12, Jean Dupont <jean@x.fr> wrote:\n> Shall we?\n");
  EXPECT_EQ(split.new_text, "Sounds good.");
  EXPECT_EQ(split.quoted_text, "On Mon, 3 Mar 2026 at 10:12, Jean Dupont <jean@x.fr> wrote:\n> Shall we?");
}

TEST(ReplySplit, TopPostedQuoteWithoutMarksIsQuotedToTheEnd) {
  // Outlook and HTML clients quote without '>': everything after the header.
  const auto split = split_reply(
      "Très bien.\n\n-----Message d'origine-----\nDe : Élec Bretagne\nEnvoyé : lundi 3 mars 2026 10:12\n"
      "À : Jean\nObjet : Devis\n\nVoici le devis.\n\nCordialement,\nÉlec Bretagne\n");
  EXPECT_EQ(split.new_text, "Très bien.");
  EXPECT_EQ(split.signature, "");  // the sign-off in the quote belongs to the quote
  EXPECT_EQ(split.quoted_text,
            "-----Message d'origine-----\nDe : Élec Bretagne\nEnvoyé : lundi 3 mars 2026 10:12\nÀ : Jean\nObjet : Devis\n\n"
            "Voici le devis.\n\nCordialement,\nÉlec Bretagne");
}

TEST(ReplySplit, OriginalMessageSeparatorInEnglish) {
  const auto split = split_reply("OK.\n-----Original Message-----\nFrom: a\nSent: today\nTo: b\nSubject: c\nold text\n");
  EXPECT_EQ(split.new_text, "OK.");
  EXPECT_EQ(split.quoted_text, "-----Original Message-----\nFrom: a\nSent: today\nTo: b\nSubject: c\nold text");
}

TEST(ReplySplit, OutlookHeaderBlockUnderItsRuleStartsTheQuote) {
  const auto split = split_reply(
      "Je confirme.\n\n________________________________\nDe : Élec Bretagne <contact@elec-bretagne.fr>\n"
      "Envoyé : vendredi 7 mars 2026 17:02\nÀ : Marie Durand\nObjet : RE: Parking\n\nBonjour Madame,\n");
  EXPECT_EQ(split.new_text, "Je confirme.");
  EXPECT_EQ(split.quoted_text,
            "________________________________\nDe : Élec Bretagne <contact@elec-bretagne.fr>\n"
            "Envoyé : vendredi 7 mars 2026 17:02\nÀ : Marie Durand\nObjet : RE: Parking\n\nBonjour Madame,");
}

TEST(ReplySplit, OutlookHeaderBlockInBoldFromHtmlAndInEnglish) {
  const auto split = split_reply("Fine.\n*From:* Elec\n*Sent:* Friday\n*To:* John\n*Subject:* Quote\nold\n");
  EXPECT_EQ(split.new_text, "Fine.");
  EXPECT_EQ(split.quoted_text, "*From:* Elec\n*Sent:* Friday\n*To:* John\n*Subject:* Quote\nold");
}

TEST(ReplySplit, ADeLineAloneIsNotAHeaderBlock) {
  const auto split = split_reply("De : mon côté, rien à signaler.\nÀ bientôt\n");
  EXPECT_EQ(split.quoted_text, "");
}

TEST(ReplySplit, BottomPostedAnswersBetweenQuotesStayNew) {
  const auto split = split_reply(
      "On Mon, 10 Mar 2026 at 18:00, Elec <c@e.fr> wrote:\n> Des prises USB ?\n\nOui, deux.\n\n"
      "> Le matin ?\n\nOui, dès 8h.\n");
  EXPECT_EQ(split.new_text, "Oui, deux.\n\nOui, dès 8h.");
  EXPECT_EQ(split.quoted_text, "On Mon, 10 Mar 2026 at 18:00, Elec <c@e.fr> wrote:\n> Des prises USB ?\n> Le matin ?");
}

TEST(ReplySplit, QuotedLinesWithoutHeaderAreQuoted) {
  const auto split = split_reply("> ancienne question\nnouvelle réponse\n");
  EXPECT_EQ(split.new_text, "nouvelle réponse");
  EXPECT_EQ(split.quoted_text, "> ancienne question");
}

TEST(ReplySplit, GmailForwardKeepsTheForwardedMessageAsNewText) {
  const auto split = split_reply(
      "Pour info.\n\nCordialement,\nMarie\n\n---------- Forwarded message ---------\nDe : Paul <p@x.fr>\n"
      "Date: ven. 7 mars 2026\nSubject: Coupure\nTo: <c@e.fr>\n\nPlus de courant.\n> cité par Paul\n");
  EXPECT_EQ(split.new_text,
            "Pour info.\n\n---------- Forwarded message ---------\nDe : Paul <p@x.fr>\nDate: ven. 7 mars 2026\n"
            "Subject: Coupure\nTo: <c@e.fr>\n\nPlus de courant.\n> cité par Paul");
  EXPECT_EQ(split.signature, "Cordialement,\nMarie");
  EXPECT_EQ(split.quoted_text, "");
}

TEST(ReplySplit, FrenchAndAppleForwardMarkers) {
  for (const char* marker : {"---------- Message transféré ---------", "Début du message réexpédié :",
                             "Begin forwarded message:"}) {
    const auto split = split_reply(std::string("Voir plus bas.\n\n") + marker + "\nDe: x\nTexte transféré\n");
    EXPECT_EQ(split.new_text, std::string("Voir plus bas.\n\n") + marker + "\nDe: x\nTexte transféré") << marker;
    EXPECT_EQ(split.quoted_text, "") << marker;
  }
}

TEST(ReplySplit, InAForwardOutlooksSeparatorStartsForwardedContent) {
  const std::string text = "Peux-tu voir ?\n-----Message d'origine-----\nDe : Client\nEnvoyé : lundi\nÀ : nous\nObjet : Panne\nPlus de courant.\n";
  EXPECT_EQ(split_reply(text, /*forwarded=*/true).new_text,
            "Peux-tu voir ?\n-----Message d'origine-----\nDe : Client\nEnvoyé : lundi\nÀ : nous\nObjet : Panne\nPlus de courant.");
  EXPECT_EQ(split_reply(text, /*forwarded=*/false).new_text, "Peux-tu voir ?");
}

TEST(ReplySplit, DashDashSpaceDelimiterStartsTheSignature) {
  const auto split = split_reply("Texte.\n-- \nJean Dupont\nSARL Dupont - 12 rue des Lilas, 35000 Rennes - une très longue ligne de pied de page légal qui dépasse quatre-vingts caractères\n");
  EXPECT_EQ(split.new_text, "Texte.");
  EXPECT_EQ(split.signature.substr(0, 15), "-- \nJean Dupont");
}

TEST(ReplySplit, FrenchSignOffsFollowedByAShortBlock) {
  for (const char* sign_off : {"Cordialement,", "Bien cordialement", "Bonne journée !", "Bien à vous,",
                               "Salutations distinguées.", "Cdlt", "Merci d'avance,", "Kind regards,"}) {
    const auto split =
        split_reply(std::string("Pouvez-vous passer jeudi ?\n\n") + sign_off + "\nJean Dupont\nTél : 06 12 34 56 78\n");
    EXPECT_EQ(split.new_text, "Pouvez-vous passer jeudi ?") << sign_off;
    EXPECT_EQ(split.signature, std::string(sign_off) + "\nJean Dupont\nTél : 06 12 34 56 78") << sign_off;
  }
}

TEST(ReplySplit, SignOffWithTheNameOnTheSameLine) {
  const auto split = split_reply("Merci de rappeler.\nCordialement, Jean Dupont\n");
  EXPECT_EQ(split.new_text, "Merci de rappeler.");
  EXPECT_EQ(split.signature, "Cordialement, Jean Dupont");
}

TEST(ReplySplit, SignatureKeepsPhoneAndSiretForTheInbox) {
  const auto split = split_reply(
      "Merci de repasser.\n\nBien cordialement,\nMarie Durand\nSyndic de l'Ouest\nTél : 02 99 12 34 56\nSIRET 732 829 320 00074\n");
  EXPECT_EQ(split.signature,
            "Bien cordialement,\nMarie Durand\nSyndic de l'Ouest\nTél : 02 99 12 34 56\nSIRET 732 829 320 00074");
}

TEST(ReplySplit, SignOffFollowedByMoreTextIsNotASignature) {
  const auto split = split_reply(
      "Bonjour,\nBonne journée à vous aussi ! Je voulais aussi vous demander si vous pourriez passer vérifier "
      "la VMC quand vous viendrez pour le tableau, elle fait un bruit étrange depuis une semaine.\n");
  EXPECT_EQ(split.signature, "");
  const auto questions = split_reply("Bonjour,\nCordialement\nPouvez-vous venir demain ?\n");
  EXPECT_EQ(questions.signature, "");
}

TEST(ReplySplit, TooLongABlockAfterTheSignOffIsNotASignature) {
  std::string text = "Voici ma demande.\nCordialement,\n";
  for (int line = 0; line < 9; ++line) text += "ligne " + std::to_string(line) + "\n";
  EXPECT_EQ(split_reply(text).signature, "");
}

TEST(ReplySplit, ASignOffAloneIsTheMessage) {
  const auto split = split_reply("Bonne journée !\n");
  EXPECT_EQ(split.new_text, "Bonne journée !");
  EXPECT_EQ(split.signature, "");
}

TEST(ReplySplit, BareMerciIsNotASignOff) {
  EXPECT_EQ(split_reply("Bonjour,\nMerci\nJean\n").signature, "");
}

TEST(ReplySplit, DeviceLinesAreSignatures) {
  for (const char* device : {"Envoyé de mon iPhone", "Envoyé de mon smartphone Samsung Galaxy", "Sent from my iPad",
                             "Obtenir Outlook pour Android", "Envoyé depuis l'application Mail Orange"}) {
    const auto split = split_reply(std::string("Ok pour demain.\n\n") + device + "\n\n> Le 3 mars 2026 à 10:12, X a écrit :\n> Demain ?\n");
    EXPECT_EQ(split.new_text, "Ok pour demain.") << device;
    EXPECT_EQ(split.signature, device) << device;
    EXPECT_EQ(split.quoted_text, "> Le 3 mars 2026 à 10:12, X a écrit :\n> Demain ?") << device;
  }
}

TEST(ReplySplit, SignOffBeforeTheDelimiterJoinsTheSignature) {
  const auto split = split_reply("Texte.\n\nCordialement,\nJean\n-- \nSARL Dupont\n");
  EXPECT_EQ(split.new_text, "Texte.");
  EXPECT_EQ(split.signature, "Cordialement,\nJean\n-- \nSARL Dupont");
}

TEST(ReplySplit, CarriageReturnsAreTolerated) {
  const auto split = split_reply("Oui.\r\n\r\nLe 3 mars 2026 à 10:12, X a écrit :\r\n> Q\r\n");
  EXPECT_EQ(split.new_text, "Oui.");
  EXPECT_EQ(split.quoted_text, "Le 3 mars 2026 à 10:12, X a écrit :\n> Q");
}

TEST(ReplySplit, EmptyText) {
  const auto split = split_reply("");
  EXPECT_EQ(split.new_text, "");
  EXPECT_EQ(split.quoted_text, "");
  EXPECT_EQ(split.signature, "");
}

TEST(ForwardSubject, RecognisesTheFirstPrefixOnly) {
  for (const char* subject : {"TR: Panne", "Tr : Panne", "Fwd: Panne", "FW: Panne", "fw:Panne", "Transf: Panne"}) {
    EXPECT_TRUE(is_forward_subject(subject)) << subject;
  }
  for (const char* subject : {"RE: TR: Panne", "Panne", "Traitement: Panne", "[T-2026-000123] TR: Panne"}) {
    EXPECT_FALSE(is_forward_subject(subject)) << subject;
  }
}
