// The mail categories of DOMAIN.md and the ticket each opens, without a
// database.
#include <relais/errors.h>
#include <relais/inbox/mail_category.h>

#include <gtest/gtest.h>

using namespace relais;

namespace {

constexpr MailCategory kCategories[] = {
    MailCategory::quote_request,  MailCategory::breakdown,      MailCategory::after_sales,
    MailCategory::maintenance_appointment, MailCategory::information_request, MailCategory::administrative,
    MailCategory::supplier,       MailCategory::internal,       MailCategory::newsletter_spam,
    MailCategory::other};

}  // namespace

TEST(MailCategory, EveryNameReadsBackAsItsCategory) {
  for (auto category : kCategories) EXPECT_EQ(parse_mail_category(to_string(category)), category);
  for (auto urgency : {MailUrgency::low, MailUrgency::normal, MailUrgency::urgent}) {
    EXPECT_EQ(parse_mail_urgency(to_string(urgency)), urgency);
  }
}

TEST(MailCategory, AnUnknownNameIsRefusedWithItsFieldAndTheAcceptedWords) {
  try {
    parse_mail_category("devis", "correction.category");
    FAIL() << "no error";
  } catch (const InvalidInputError& error) {
    ASSERT_EQ(error.field_errors().size(), 1u);
    EXPECT_EQ(error.field_errors()[0].field, "correction.category");
    EXPECT_EQ(error.field_errors()[0].value, "devis");
    EXPECT_NE(error.field_errors()[0].message.find("quote_request"), std::string::npos);
  }
}

TEST(MailCategory, OpensTheTicketKindOfTheSharedVocabulary) {
  EXPECT_EQ(ticket_kind_for(MailCategory::quote_request), TicketKind::quote_request);
  EXPECT_EQ(ticket_kind_for(MailCategory::breakdown), TicketKind::breakdown);
  EXPECT_EQ(ticket_kind_for(MailCategory::after_sales), TicketKind::after_sales);
  EXPECT_EQ(ticket_kind_for(MailCategory::maintenance_appointment), TicketKind::maintenance_appointment);
  EXPECT_EQ(ticket_kind_for(MailCategory::information_request), TicketKind::information);
  EXPECT_EQ(ticket_kind_for(MailCategory::administrative), TicketKind::administrative);
  EXPECT_EQ(ticket_kind_for(MailCategory::supplier), std::nullopt);
  EXPECT_EQ(ticket_kind_for(MailCategory::newsletter_spam), std::nullopt);
  EXPECT_EQ(ticket_kind_for(MailCategory::other), std::nullopt);
  EXPECT_EQ(ticket_kind_for(MailCategory::internal), std::nullopt);
  EXPECT_EQ(ticket_kind_for(MailCategory::internal, true), TicketKind::technician_request);
  EXPECT_EQ(ticket_kind_for(MailCategory::quote_request, true), TicketKind::quote_request)
      << "only an internal mail becomes a technician request";
}

TEST(MailCategory, UrgencyGivesTheTicketPriority) {
  EXPECT_EQ(ticket_priority_for(MailUrgency::urgent), TicketPriority::urgent);
  EXPECT_EQ(ticket_priority_for(MailUrgency::normal), TicketPriority::normal);
  EXPECT_EQ(ticket_priority_for(MailUrgency::low), TicketPriority::low);
}
