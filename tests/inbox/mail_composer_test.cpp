// Outgoing mail: proper headers, checked input, and a round trip through
// the parser.
#include "inbox/mime/mail_composer.h"

#include <relais/errors.h>

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>

using namespace relais;
using namespace relais::detail;
using namespace std::chrono_literals;

namespace {

const Timestamp kNow = Timestamp(std::chrono::sys_days(std::chrono::year(2026) / 3 / 4) + 9h + 30min);

MailDraft reply_draft() {
  MailDraft draft;
  draft.from = {"Élec Bretagne", "contact@elec-bretagne.fr"};
  draft.to = {{"Hélène Le Gall", "helene.legall@orange.fr"}};
  draft.cc = {{"", "planning@elec-bretagne.fr"}};
  draft.subject = "Re: [T-2026-000123] Problème de disjoncteur électrique à Saint-Brieuc";
  draft.text = "Bonjour Madame Le Gall,\n\nNotre technicien passera jeudi à 14h.\n\n-- \nÉlec Bretagne\n02 99 00 00 00\n";
  draft.in_reply_to = "CAF3x9Yk2=reply-1@mail.gmail.com";
  draft.references = {"first-request-42@mail.gmail.com"};
  draft.message_id_domain = "Elec-Bretagne.fr";
  draft.extra_headers = {{"Auto-Submitted", "auto-replied"}, {"X-Relais-Ticket", "T-2026-000123"}};
  return draft;
}

std::string header_block(const std::string& raw) { return raw.substr(0, raw.find("\r\n\r\n")); }

std::vector<std::string> field_names(const InvalidInputError& error) {
  std::vector<std::string> fields;
  for (const auto& field_error : error.field_errors()) fields.push_back(field_error.field);
  return fields;
}

std::vector<std::string> fields_rejected(const MailDraft& draft) {
  try {
    compose_mail(draft, kNow);
  } catch (const InvalidInputError& error) {
    return field_names(error);
  }
  return {};
}

}  // namespace

TEST(MailComposer, WritesTheHeadersOfAReply) {
  const ComposedMail mail = compose_mail(reply_draft(), kNow);
  const std::string headers = header_block(mail.raw);
  EXPECT_TRUE(mail.message_id.ends_with("@elec-bretagne.fr")) << mail.message_id;
  EXPECT_NE(headers.find("Message-Id: <" + mail.message_id + ">"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Date: Wed, 04 Mar 2026 09:30:00 +0000"), std::string::npos) << headers;
  EXPECT_NE(headers.find("In-Reply-To: <CAF3x9Yk2=reply-1@mail.gmail.com>"), std::string::npos) << headers;
  EXPECT_NE(headers.find("References: <first-request-42@mail.gmail.com>"), std::string::npos) << headers;
  EXPECT_NE(headers.find("MIME-Version: 1.0"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Content-Type: text/plain; charset=utf-8"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Content-Transfer-Encoding: quoted-printable"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Auto-Submitted: auto-replied"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Subject: Re: [T-2026-000123] =?UTF-8?"), std::string::npos) << headers;
  EXPECT_NE(headers.find("From: =?UTF-8?"), std::string::npos) << headers;
  EXPECT_NE(headers.find("To: =?UTF-8?"), std::string::npos) << headers;
}

TEST(MailComposer, WritesOnlyAsciiWithCrlfLineEnds) {
  const ComposedMail mail = compose_mail(reply_draft(), kNow);
  for (std::size_t i = 0; i < mail.raw.size(); ++i) {
    const auto byte = static_cast<unsigned char>(mail.raw[i]);
    ASSERT_LT(byte, 0x80) << "byte " << i;
    if (mail.raw[i] == '\n') ASSERT_TRUE(i > 0 && mail.raw[i - 1] == '\r') << "bare LF at " << i;
  }
  EXPECT_TRUE(mail.raw.ends_with("\r\n"));
}

TEST(MailComposer, ComposeThenParseGivesTheSameMail) {
  const MailDraft draft = reply_draft();
  const ComposedMail composed = compose_mail(draft, kNow);
  const ParsedMail parsed = parse_mail(composed.raw);
  EXPECT_EQ(parsed.parse_error, "");
  EXPECT_EQ(parsed.message_id, composed.message_id);
  EXPECT_EQ(parsed.subject, draft.subject);
  EXPECT_EQ(parsed.from, draft.from);
  EXPECT_EQ(parsed.to, draft.to);
  EXPECT_EQ(parsed.cc, draft.cc);
  EXPECT_EQ(parsed.in_reply_to, draft.in_reply_to);
  EXPECT_EQ(parsed.references,
            (std::vector<std::string>{"first-request-42@mail.gmail.com", "CAF3x9Yk2=reply-1@mail.gmail.com"}));
  ASSERT_TRUE(parsed.date);
  EXPECT_EQ(*parsed.date, kNow);
  EXPECT_EQ(parsed.text, "Bonjour Madame Le Gall,\n\nNotre technicien passera jeudi à 14h.\n\n-- \nÉlec Bretagne\n02 99 00 00 00");
  EXPECT_EQ(parsed.new_text, "Bonjour Madame Le Gall,\n\nNotre technicien passera jeudi à 14h.");
  EXPECT_EQ(parsed.signature, "-- \nÉlec Bretagne\n02 99 00 00 00");
  EXPECT_TRUE(parsed.problems.empty()) << parsed.problems.front();
}

TEST(MailComposer, LongLinesAndTrailingSpacesSurviveQuotedPrintable) {
  MailDraft draft = reply_draft();
  draft.text = std::string(300, 'x') + " é \nfin   \n";
  const ParsedMail parsed = parse_mail(compose_mail(draft, kNow).raw);
  EXPECT_EQ(parsed.text, std::string(300, 'x') + " é \nfin");  // trailing white space of the body is trimmed
}

TEST(MailComposer, ANewThreadHasNoParentHeaders) {
  MailDraft draft = reply_draft();
  draft.in_reply_to.clear();
  draft.references.clear();
  const std::string headers = header_block(compose_mail(draft, kNow).raw);
  EXPECT_EQ(headers.find("In-Reply-To"), std::string::npos);
  EXPECT_EQ(headers.find("References"), std::string::npos);
}

TEST(MailComposer, TheParentIsNotRepeatedInReferences) {
  MailDraft draft = reply_draft();
  draft.references = {"a@x", "CAF3x9Yk2=reply-1@mail.gmail.com", "a@x"};
  EXPECT_EQ(parse_mail(compose_mail(draft, kNow).raw).references,
            (std::vector<std::string>{"a@x", "CAF3x9Yk2=reply-1@mail.gmail.com"}));
}

TEST(MailComposer, MessageIdsAreUnique) {
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) ids.insert(compose_mail(reply_draft(), kNow).message_id);
  EXPECT_EQ(ids.size(), 1000u);
}

TEST(MailComposer, AddressesAreNormalized) {
  MailDraft draft = reply_draft();
  draft.to = {{"  Jean  ", "Jean.Dupont@GMAIL.COM"}};
  const ParsedMail parsed = parse_mail(compose_mail(draft, kNow).raw);
  EXPECT_EQ(parsed.to, (std::vector<MailAddress>{{"Jean", "jean.dupont@gmail.com"}}));
}

TEST(MailComposer, BadInputNamesEveryField) {
  MailDraft draft = reply_draft();
  draft.from.address = "pas une adresse";
  draft.to = {};
  draft.cc = {{"ok", "ok@example.fr"}, {"Bad\r\nBcc: x@y", "bad@example.fr"}};
  draft.subject = "Injected\r\nBcc: victim@example.com";
  draft.text = "caf\xE9";
  draft.in_reply_to = "<with-brackets@x>";
  draft.references = {"ok@x", "has space@x"};
  draft.message_id_domain = "-bad-.fr";
  draft.extra_headers = {{"Message-ID", "x"}, {"X Bad", "v"}, {"X-Ok", "line\nbreak"}};
  EXPECT_EQ(fields_rejected(draft),
            (std::vector<std::string>{"from", "to", "cc[1].name", "subject", "text", "in_reply_to", "references[1]",
                                      "message_id_domain", "extra_headers[0]", "extra_headers[1]", "extra_headers[2]"}));
}

TEST(MailComposer, EmptySubjectAndBadRecipientAreRejected) {
  MailDraft draft = reply_draft();
  draft.subject = "  ";
  draft.to = {{"", "nobody"}};
  EXPECT_EQ(fields_rejected(draft), (std::vector<std::string>{"to[0]", "subject"}));
}
