// The desk's words and the ticket lifecycle, without a database.
#include <relais/desk/interaction.h>
#include <relais/desk/ticket.h>
#include <relais/errors.h>

#include <gtest/gtest.h>

#include <set>
#include <utility>

using namespace relais;

namespace {

constexpr TicketStatus kStatuses[] = {TicketStatus::new_, TicketStatus::open, TicketStatus::waiting_customer,
                                      TicketStatus::waiting_internal, TicketStatus::scheduled,
                                      TicketStatus::resolved, TicketStatus::closed};

}  // namespace

TEST(TicketLifecycle, AllowsExactlyTheDocumentedTransitions) {
  using enum TicketStatus;
  const std::set<std::pair<TicketStatus, TicketStatus>> allowed = {
      {new_, open},           {new_, resolved},
      {open, waiting_customer}, {open, waiting_internal}, {open, scheduled}, {open, resolved},
      {waiting_customer, open}, {waiting_customer, resolved},
      {waiting_internal, open}, {waiting_internal, resolved},
      {scheduled, open},      {scheduled, resolved},
      {resolved, closed},     {resolved, open},
      {closed, open}};
  for (auto from : kStatuses) {
    for (auto to : kStatuses) {
      EXPECT_EQ(can_transition(from, to), allowed.contains({from, to}))
          << to_string(from) << " -> " << to_string(to);
    }
  }
}

TEST(TechnicianStages, MoveForwardOnly) {
  using enum TechnicianStage;
  EXPECT_TRUE(can_advance(quote_to_prepare, quote_sent));
  EXPECT_TRUE(can_advance(quote_sent, follow_up));
  EXPECT_TRUE(can_advance(quote_sent, accepted));
  EXPECT_TRUE(can_advance(follow_up, refused));
  EXPECT_FALSE(can_advance(quote_sent, quote_to_prepare));
  EXPECT_FALSE(can_advance(accepted, refused));
  EXPECT_FALSE(can_advance(quote_to_prepare, accepted));
}

TEST(DeskWords, RoundTripAndNameTheFieldOnError) {
  for (auto status : kStatuses) EXPECT_EQ(parse_ticket_status(to_string(status)), status);
  EXPECT_EQ(to_string(TicketStatus::new_), "new");
  EXPECT_EQ(parse_ticket_kind("technician_request"), TicketKind::technician_request);
  EXPECT_EQ(parse_call_outcome("to_qualify"), CallOutcome::to_qualify);
  try {
    parse_ticket_kind("devis", "tickets[3].kind");
    FAIL() << "expected InvalidInputError";
  } catch (const InvalidInputError& error) {
    ASSERT_EQ(error.field_errors().size(), 1u);
    EXPECT_EQ(error.field_errors()[0].field, "tickets[3].kind");
    EXPECT_NE(error.field_errors()[0].message.find("quote_request"), std::string::npos);
  }
}
