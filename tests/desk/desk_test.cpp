// The desk on both engines: calls and caller lookup, tickets through their
// lifecycle, concurrency, work lists and the 360° view.
#include "support/field_errors.h"
#include "support/workspace_fixture.h"

#include <relais/desk/desk_service.h>

#include <atomic>
#include <barrier>
#include <thread>

using namespace relais;
using namespace std::chrono_literals;
using relais::testing::field_errors_of;
using relais::testing::has_field;
using relais::testing::sample_company;

class DeskTest : public relais::testing::WorkspaceTest {
 protected:
  // 2026-11-24 09:00 in Paris (08:00 UTC).
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(std::chrono::sys_days{2026y / 11 / 24} + 8h);
  Workspace open_desk(const std::string& actor = "admin") { return open({.actor = actor, .clock = clock}); }

  Ticket open_request(Workspace& ws, const Customer& customer, TicketKind kind = TicketKind::breakdown) {
    TicketDraft draft;
    draft.kind = kind;
    draft.customer = customer.id;
    draft.subject = "Disjoncteur qui saute";
    return ws.desk().open_ticket(draft);
  }
};
RELAIS_INSTANTIATE_FOR_ENGINES(DeskTest);

namespace {

}  // namespace

TEST_P(DeskTest, LoggedCallIsTracedJournaledAndAnnounced) {
  auto ws = open_desk();
  Customer customer = ws.customers().create(sample_company());
  std::vector<Event> events;
  auto subscription = ws.subscribe([&](const Event& event) { events.push_back(event); }, "CallLogged");
  CallDraft draft;
  draft.customer = customer.id;
  draft.contact = customer.contacts[0].id;
  draft.phone = "06.12.34.56.78";
  draft.duration = 185s;
  draft.subject = "Panne tableau";
  Interaction call = ws.desk().log_call(draft);
  EXPECT_EQ(call.phone, "+33612345678");
  EXPECT_EQ(call.user, "admin");
  EXPECT_EQ(call.occurred_at, clock->now());
  EXPECT_EQ(ws.desk().get_interaction(call.id), call);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].entity_id, call.id.to_string());
  auto history = ws.history("call", call.id.to_string());
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].actor, "admin");
}

TEST_P(DeskTest, BadCallsAreRefusedNamingEachFieldAndNothingIsWritten) {
  auto ws = open_desk();
  Customer customer = ws.customers().create(sample_company());
  CallDraft draft;
  draft.customer = customer.id;
  draft.phone = "not a number";
  draft.duration = -5s;
  draft.started_at = std::chrono::sys_days{1900y / 1 / 1};
  draft.notes = std::string(5'000'000, 'x');
  auto errors = field_errors_of([&] { ws.desk().log_call(draft); });
  EXPECT_TRUE(has_field(errors, "phone"));
  EXPECT_TRUE(has_field(errors, "duration"));
  EXPECT_TRUE(has_field(errors, "started_at"));
  EXPECT_TRUE(has_field(errors, "notes"));
  for (const auto& error : errors) EXPECT_LT(error.value.size(), 200u) << error.field;

  CallDraft unknown;
  unknown.customer = Uuid::generate(*clock);
  unknown.phone = "0612345678";
  EXPECT_THROW(ws.desk().log_call(unknown), NotFoundError);
  CallDraft foreign_contact;
  foreign_contact.customer = customer.id;
  foreign_contact.contact = Uuid::generate(*clock);
  foreign_contact.phone = "0612345678";
  EXPECT_THROW(ws.desk().log_call(foreign_contact), NotFoundError);
  CallDraft nobody;
  nobody.phone = "0612345678";
  EXPECT_TRUE(has_field(field_errors_of([&] { ws.desk().log_call(nobody); }), "customer"));
  EXPECT_TRUE(ws.desk().timeline(customer.id).interactions.empty());
}

TEST_P(DeskTest, IncomingCallFindsTheCustomerAndContactInAnyWriting) {
  auto ws = open_desk();
  Customer customer = ws.customers().create(sample_company());
  std::vector<Event> rings;
  auto subscription = ws.subscribe([&](const Event& event) { rings.push_back(event); }, "IncomingCall");
  for (const char* written : {"06 12 34 56 78", "+33 (0)6 12 34 56 78", "0033612345678", "06-12-34-56-78"}) {
    CallerLookup lookup = ws.desk().incoming_call(written);
    ASSERT_TRUE(lookup.known()) << written;
    EXPECT_EQ(lookup.number, "+33612345678");
    EXPECT_EQ(lookup.display, "06 12 34 56 78");
    ASSERT_EQ(lookup.matches.size(), 1u);
    EXPECT_EQ(lookup.matches[0].customer.id, customer.id);
    ASSERT_TRUE(lookup.matches[0].contact);
    EXPECT_EQ(lookup.matches[0].contact->name, "Sophie Durand");
  }
  ASSERT_EQ(rings.size(), 4u);
  bool names_customer = false;
  for (const auto& change : rings[0].changes) {
    if (change.field == "customers") names_customer = change.after.find(customer.id.to_string()) != std::string::npos;
  }
  EXPECT_TRUE(names_customer);
  EXPECT_FALSE(ws.desk().lookup_caller("07 00 00 00 01").known());
  EXPECT_THROW(ws.desk().lookup_caller("hello"), InvalidInputError);
}

TEST_P(DeskTest, CallsFromThePhoneLogWaitToBeQualified) {
  auto ws = open_desk();
  Customer customer = ws.customers().create(sample_company());
  CallDraft missed;
  missed.phone = "02 99 00 11 22";
  missed.outcome = CallOutcome::to_qualify;
  Interaction logged = ws.desk().log_call(missed);
  EXPECT_FALSE(logged.customer);
  ASSERT_EQ(ws.desk().calls_to_qualify().interactions.size(), 1u);
  InteractionChanges qualify;
  qualify.customer = customer.id;
  qualify.outcome = CallOutcome::answered;
  qualify.subject = "Demande de devis";
  Interaction qualified = ws.desk().update_interaction(logged.id, logged.version, qualify);
  EXPECT_EQ(qualified.version, 2);
  EXPECT_TRUE(ws.desk().calls_to_qualify().interactions.empty());
  EXPECT_THROW(ws.desk().update_interaction(logged.id, logged.version, qualify), ConflictError);
}

TEST_P(DeskTest, TicketsAreNumberedPerParisYear) {
  auto ws = open_desk();
  Customer customer = ws.customers().create(sample_company());
  EXPECT_EQ(open_request(ws, customer).number, "T-2026-000001");
  EXPECT_EQ(open_request(ws, customer).number, "T-2026-000002");
  // 23:30 UTC on New Year's Eve is already 2027 in Paris.
  clock->set(std::chrono::sys_days{2026y / 12 / 31} + 23h + 30min);
  Ticket first_of_year = open_request(ws, customer);
  EXPECT_EQ(first_of_year.number, "T-2027-000001");
  EXPECT_EQ(ws.desk().find_ticket("T-2027-000001").id, first_of_year.id);
  EXPECT_THROW(ws.desk().find_ticket("T-1999-000001"), NotFoundError);
}

TEST_P(DeskTest, StatusFollowsTheLifecycleAndEveryChangeIsInTheHistory) {
  auto ws = open_desk();
  ws.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  auto marie = ws.as_user("marie");
  Customer customer = ws.customers().create(sample_company());
  std::vector<std::string> types;
  auto subscription = ws.subscribe([&](const Event& event) { types.push_back(event.type); });
  Ticket ticket = open_request(ws, customer);
  try {
    marie.desk().set_status(ticket.id, ticket.version, TicketStatus::closed);
    FAIL() << "expected InvalidInputError";
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors()[0].value, "new -> closed");
  }
  ticket = marie.desk().set_status(ticket.id, ticket.version, TicketStatus::open);
  ticket = marie.desk().set_status(ticket.id, ticket.version, TicketStatus::resolved);
  EXPECT_TRUE(ticket.resolved_at);
  ticket = marie.desk().set_status(ticket.id, ticket.version, TicketStatus::closed);
  EXPECT_THROW(marie.desk().set_status(ticket.id, ticket.version, TicketStatus::open), InvalidInputError);
  ticket = marie.desk().set_status(ticket.id, ticket.version, TicketStatus::open, "Le client rappelle : ça recommence");
  EXPECT_FALSE(ticket.closed_at);
  EXPECT_EQ(ticket.version, 5);

  auto history = ws.desk().ticket_history(ticket.id);
  ASSERT_EQ(history.size(), 5u);
  EXPECT_EQ(history[0].action, "open");
  for (std::size_t i = 1; i < history.size(); ++i) {
    EXPECT_EQ(history[i].action, "set_status");
    EXPECT_EQ(history[i].actor, "marie");
  }
  bool reason_kept = false;
  for (const auto& change : history[4].changes) reason_kept |= change.field == "reason";
  EXPECT_TRUE(reason_kept);
  EXPECT_EQ(types.front(), "TicketOpened");
  EXPECT_EQ(types.back(), "TicketStatusChanged");
}

TEST_P(DeskTest, TwoUsersAssigningAtOnceOneWinsTheOtherConflicts) {
  auto ws = open_desk();
  ws.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  ws.users().create({.login = "paul", .display_name = "Paul", .role = Role::technician});
  Customer customer = ws.customers().create(sample_company());
  Ticket ticket = open_request(ws, customer);
  auto marie = open_desk("marie");
  auto paul = open_desk("paul");
  std::atomic<int> won = 0, conflicts = 0;
  std::barrier start(2);
  auto assign = [&](Workspace& session, const char* assignee) {
    start.arrive_and_wait();
    try {
      session.desk().assign(ticket.id, ticket.version, assignee);
      ++won;
    } catch (const ConflictError&) {
      ++conflicts;
    }
  };
  std::thread first([&] { assign(marie, "marie"); });
  std::thread second([&] { assign(paul, "paul"); });
  first.join();
  second.join();
  EXPECT_EQ(won, 1);
  EXPECT_EQ(conflicts, 1);
  EXPECT_EQ(ws.desk().get_ticket(ticket.id).version, 2);
  EXPECT_THROW(ws.desk().assign(ticket.id, 2, "nobody"), InvalidInputError);
}

TEST_P(DeskTest, TechnicianRequestsMoveThroughTheirStages) {
  auto ws = open_desk();
  ws.users().create({.login = "paul", .display_name = "Paul", .role = Role::technician});
  auto paul = open_desk("paul");
  Customer customer = ws.customers().create(sample_company());
  Ticket request = open_request(paul, customer, TicketKind::technician_request);
  EXPECT_EQ(request.requested_by, "paul");
  EXPECT_EQ(request.stage, TechnicianStage::quote_to_prepare);
  request = ws.desk().set_stage(request.id, request.version, TechnicianStage::quote_sent);
  EXPECT_THROW(ws.desk().set_stage(request.id, request.version, TechnicianStage::quote_to_prepare), InvalidInputError);
  request = ws.desk().set_stage(request.id, request.version, TechnicianStage::accepted);
  TicketQuery mine;
  mine.requested_by = "paul";
  auto page = paul.desk().tickets(mine);
  ASSERT_EQ(page.tickets.size(), 1u);
  EXPECT_EQ(page.tickets[0].stage, TechnicianStage::accepted);
  Ticket breakdown = open_request(ws, customer);
  EXPECT_THROW(ws.desk().set_stage(breakdown.id, breakdown.version, TechnicianStage::quote_sent), InvalidInputError);
}

TEST_P(DeskTest, WorkListsShowWhatIsLateAndWhatIsForToday) {
  auto ws = open_desk();
  Customer customer = ws.customers().create(sample_company());
  auto with_due = [&](std::optional<Timestamp> due, std::string assignee) {
    TicketDraft draft;
    draft.customer = customer.id;
    draft.subject = "Rappeler le client";
    draft.due_at = due;
    draft.assignee = std::move(assignee);
    return ws.desk().open_ticket(draft);
  };
  Ticket late = with_due(clock->now() - 2h, "admin");
  Ticket today = with_due(clock->now() + 6h, "admin");
  Ticket tomorrow = with_due(clock->now() + 30h, "admin");
  Ticket undated = with_due(std::nullopt, "admin");
  with_due(clock->now() - 1h, "");

  auto overdue = ws.desk().overdue();
  ASSERT_EQ(overdue.tickets.size(), 2u);
  EXPECT_EQ(overdue.tickets[0].id, late.id);
  std::vector<Uuid> mine;
  for (const auto& ticket : ws.desk().my_work_today().tickets) mine.push_back(ticket.id);
  EXPECT_EQ(mine, (std::vector<Uuid>{late.id, today.id, undated.id}));

  TicketQuery paged;
  paged.limit = 2;
  auto first = ws.desk().tickets(paged);
  ASSERT_EQ(first.tickets.size(), 2u);
  paged.after = first.next_cursor;
  auto second = ws.desk().tickets(paged);
  ASSERT_EQ(second.tickets.size(), 2u);
  paged.after = second.next_cursor;
  auto third = ws.desk().tickets(paged);
  EXPECT_EQ(third.tickets.size(), 1u);
  EXPECT_TRUE(third.next_cursor.empty());
  EXPECT_EQ(third.tickets[0].id, undated.id);
  (void)tomorrow;
  paged.after = "garbage";
  EXPECT_THROW(ws.desk().tickets(paged), InvalidInputError);
  TicketDraft ancient;
  ancient.customer = customer.id;
  ancient.subject = "x";
  ancient.due_at = std::chrono::sys_days{1900y / 1 / 1};
  EXPECT_TRUE(has_field(field_errors_of([&] { ws.desk().open_ticket(ancient); }), "due_at"));
}

TEST_P(DeskTest, CustomerViewGathersTicketsTimelineCountsAndParts) {
  auto ws = open_desk();
  Customer customer = ws.customers().create(sample_company());
  Ticket ticket = open_request(ws, customer);
  for (int i = 0; i < 3; ++i) {
    clock->advance(1min);
    CallDraft call;
    call.customer = customer.id;
    call.ticket = ticket.id;
    call.phone = "02 99 12 34 56";
    call.subject = "Appel " + std::to_string(i);
    ws.desk().log_call(call);
  }
  InteractionDraft note;
  note.kind = InteractionKind::note;
  note.customer = customer.id;
  note.notes = "Portail bleu, sonner deux fois";
  ws.desk().log_interaction(note);
  ws.desk().add_comment(ticket.id, "Pièce commandée", true);

  TimelineQuery first_page;
  first_page.limit = 3;
  CustomerView view = ws.desk().customer_view(customer.id, first_page);
  EXPECT_EQ(view.customer.id, customer.id);
  ASSERT_EQ(view.open_tickets.size(), 1u);
  ASSERT_EQ(view.timeline.interactions.size(), 3u);
  EXPECT_EQ(view.timeline.interactions[0].kind, InteractionKind::note);
  EXPECT_EQ(view.counts.interactions.at("call"), 3);
  EXPECT_EQ(view.counts.interactions.at("note"), 1);
  EXPECT_EQ(view.counts.open_tickets, 1);
  ASSERT_TRUE(view.parts.contains("duplicates"));
  EXPECT_EQ(view.parts.at("duplicates").counts.at("pending"), 0);
  TimelineQuery rest;
  rest.after = view.timeline.next_cursor;
  EXPECT_EQ(ws.desk().timeline(customer.id, rest).interactions.size(), 1u);
  ASSERT_EQ(ws.desk().comments(ticket.id).size(), 1u);
  EXPECT_TRUE(ws.desk().comments(ticket.id)[0].internal);
  EXPECT_THROW(ws.desk().customer_view(Uuid::generate(*clock)), NotFoundError);
}
