// Reading mail text whose declared charset may be wrong or missing.
#include "inbox/mime/mail_charset.h"

#include "core/charset.h"

#include <gtest/gtest.h>

using namespace relais::detail;

TEST(MailCharset, DeclaredCharsetsThatFitAreReadSilently) {
  EXPECT_EQ(decode_mail_text("caf\xC3\xA9", "UTF-8").text, "café");
  EXPECT_EQ(decode_mail_text("caf\xE9", "ISO-8859-15").text, "café");
  EXPECT_EQ(decode_mail_text("\xA4 \xBD", "iso-8859-15").text, "€ œ");
  EXPECT_EQ(decode_mail_text("l\x92\xE9t\xE9 \x85", "windows-1252").text, "l’été …");
  EXPECT_EQ(decode_mail_text("plain ascii", "us-ascii").problem, "");
}

TEST(MailCharset, Latin1IsReadAsWindows1252) {
  const MailText text = decode_mail_text("800 \x80 \x9C", "ISO-8859-1");
  EXPECT_EQ(text.text, "800 € œ");
  EXPECT_EQ(text.problem, "");
}

TEST(MailCharset, Utf8LabelledLatin1IsReadAsUtf8AndNoted) {
  const MailText text = decode_mail_text("H\xC3\xA9l\xC3\xA8ne", "iso-8859-1");
  EXPECT_EQ(text.text, "Hélène");
  EXPECT_EQ(text.problem, "charset 'iso-8859-1' declared but the text is UTF-8: read as utf-8");
}

TEST(MailCharset, BytesTheDeclaredCharsetCannotReadAreGuessed) {
  const MailText text = decode_mail_text("Le diff\xE9rentiel refuse de se r\xE9\x61rmer apr\xE8s la temp\xEAte.", "utf-8");
  EXPECT_EQ(text.text, "Le différentiel refuse de se réarmer après la tempête.");
  EXPECT_EQ(text.problem, "charset 'utf-8' does not fit the text: read as windows-1252");
}

TEST(MailCharset, SequencesBeyondUnicodeUnderAUtf8LabelAreNotPassedThrough) {
  // glibc's iconv reads F6 A9 90 96 as "UTF-8" (a code point past U+10FFFF).
  const MailText text = decode_mail_text("\xF6\xA9\x90\x96 plans", "utf-8");
  EXPECT_TRUE(is_valid_utf8(text.text)) << text.text;
  EXPECT_TRUE(text.text.ends_with(" plans"));
  EXPECT_TRUE(text.problem.starts_with("charset 'utf-8' does not fit the text")) << text.problem;
}

TEST(MailCharset, UnknownAndMissingCharsetsAreGuessedAndNoted) {
  const std::string latin1 = "Pouvez-vous passer v\xE9rifier le tableau \xE9lectrique de la cuisine ?";
  const MailText unknown = decode_mail_text(latin1, "x-unknown");
  EXPECT_EQ(unknown.text, "Pouvez-vous passer vérifier le tableau électrique de la cuisine ?");
  EXPECT_EQ(unknown.problem, "charset 'x-unknown' unknown: read as windows-1252");
  const MailText missing = decode_mail_text(latin1, "");
  EXPECT_EQ(missing.text, unknown.text);
  EXPECT_EQ(missing.problem, "no charset declared: read as windows-1252");
}

TEST(MailCharset, AsciiWithoutCharsetIsNotAProblem) {
  EXPECT_EQ(decode_mail_text("Hello", "").problem, "");
}

TEST(MailCharset, Utf8ByteOrderMarkIsDropped) {
  EXPECT_EQ(decode_mail_text("\xEF\xBB\xBFtexte", "utf-8").text, "texte");
}

TEST(MailCharset, NonWesternDeclaredCharsetsAreTrusted) {
  // Shift_JIS for "日本": not valid UTF-8, read through iconv as declared.
  EXPECT_EQ(decode_mail_text("\x93\xFA\x96\x7B", "Shift_JIS").text, "日本");
}
