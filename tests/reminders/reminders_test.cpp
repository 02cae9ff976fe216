// Reminders on both engines: the default desk rules, escalation, the
// scheduler's guarantees (idempotent, catch-up, several processes), stop
// conditions written by another process, manual reminders and bad input.
#include "support/field_errors.h"
#include "support/utc.h"
#include "support/workspace_fixture.h"

#include <relais/reminders/reminder_service.h>

#include <barrier>
#include <map>
#include <thread>

using namespace relais;
using namespace std::chrono;
using namespace std::chrono_literals;
using relais::testing::field_errors_of;
using relais::testing::has_error;
using relais::testing::sample_company;
using relais::testing::utc;

namespace {

// The journal entries of reminders with `action`, oldest first.
std::vector<JournalEntry> reminder_entries(Workspace& ws, std::string_view action) {
  std::vector<JournalEntry> found;
  for (JournalCursor cursor = 0;;) {
    auto page = ws.journal(cursor, 1000);
    if (page.entries.empty()) return found;
    for (auto& entry : page.entries) {
      if (entry.entity == "reminder" && entry.action == action) found.push_back(std::move(entry));
    }
    cursor = page.next_cursor;
  }
}

std::vector<Reminder> all_reminders(Workspace& ws, ReminderWindow window = ReminderWindow::open) {
  ReminderQuery query;
  query.window = window;
  query.limit = 500;
  return ws.reminders().list(query).reminders;
}

std::vector<Reminder> of_rule(const std::vector<Reminder>& reminders, std::string_view rule) {
  std::vector<Reminder> found;
  std::copy_if(reminders.begin(), reminders.end(), std::back_inserter(found),
               [&](const Reminder& reminder) { return reminder.rule == rule; });
  return found;
}

}  // namespace

class ReminderTest : public relais::testing::WorkspaceTest {
 protected:
  // Friday 20 November 2026, 10:00 in Paris (09:00 UTC).
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(utc(2026y / November / 20, 9h));
  Workspace open_ws(const std::string& actor = "admin") { return open({.actor = actor, .clock = clock}); }

  Ticket open_ticket(Workspace& ws, std::optional<Timestamp> callback_at = std::nullopt) {
    if (!customer_) customer_ = ws.customers().create(sample_company()).id;
    TicketDraft draft;
    draft.kind = TicketKind::after_sales;
    draft.customer = *customer_;
    draft.subject = "Prise qui chauffe";
    draft.callback_at = callback_at;
    return ws.desk().open_ticket(draft);
  }

  // A ticket put in waiting_customer now.
  Ticket waiting_ticket(Workspace& ws) {
    Ticket ticket = open_ticket(ws);
    ticket = ws.desk().set_status(ticket.id, ticket.version, TicketStatus::open);
    return ws.desk().set_status(ticket.id, ticket.version, TicketStatus::waiting_customer);
  }

 private:
  std::optional<Uuid> customer_;
};
RELAIS_INSTANTIATE_FOR_ENGINES(ReminderTest);

TEST_P(ReminderTest, NewWorkspaceHasTheDeskRulesOnceAndADeletedOneStaysDeleted) {
  auto ws = open_ws();
  auto rules = ws.reminders().rules();
  ASSERT_EQ(rules.size(), 3u);
  auto expected = default_follow_up_rules();
  for (auto& rule : expected) rule.version = 1;
  EXPECT_EQ(rules, expected);
  ws.reminders().delete_rule("desk.unassigned", 1);
  EXPECT_EQ(ws.history("follow_up_rule", "desk.unassigned").back().action, "delete");
  auto again = open_ws();
  EXPECT_EQ(again.reminders().rules().size(), 2u);
  EXPECT_THROW(again.reminders().rule("desk.unassigned"), NotFoundError);
}

TEST_P(ReminderTest, WaitingForTheCustomerIsRelaunchedAt7Then14WorkingDaysInOrder) {
  auto ws = open_ws();
  Ticket ticket = waiting_ticket(ws);
  std::vector<Event> due_events;
  auto subscription = ws.subscribe([&](const Event& event) { due_events.push_back(event); }, "ReminderDue");

  auto report = ws.reminders().tick(clock->now());
  auto waiting = of_rule(all_reminders(ws), "desk.waiting_customer");
  ASSERT_EQ(waiting.size(), 2u);
  EXPECT_EQ(waiting[0].target, (ReminderTarget{"ticket", ticket.id.to_string()}));
  EXPECT_EQ(waiting[0].due_at, utc(2026y / December / 1, 7h));   // Tuesday 1 Dec, 08:00 Paris
  EXPECT_EQ(waiting[1].due_at, utc(2026y / December / 10, 7h));  // Thursday 10 Dec
  EXPECT_EQ(waiting[0].step, 0);
  EXPECT_EQ(waiting[1].reason, "Relancer le client (2e relance)");
  EXPECT_TRUE(report.became_due.empty());

  report = ws.reminders().tick(utc(2026y / December / 1, 7h));
  ASSERT_FALSE(report.became_due.empty());
  EXPECT_EQ(of_rule(report.became_due, "desk.waiting_customer").size(), 1u);
  EXPECT_EQ(of_rule(report.became_due, "desk.waiting_customer")[0].id, waiting[0].id);

  report = ws.reminders().tick(utc(2026y / December / 10, 7h));
  ASSERT_EQ(report.became_due.size(), 1u);
  EXPECT_EQ(report.became_due[0].id, waiting[1].id);
  EXPECT_EQ(of_rule(report.became_overdue, "desk.waiting_customer").size(), 1u);
  EXPECT_EQ(of_rule(report.became_overdue, "desk.waiting_customer")[0].id, waiting[0].id);

  // The events arrived in the order the steps fell due, carrying the reason.
  std::vector<std::string> waiting_due;
  for (const auto& event : due_events) {
    for (const auto& change : event.changes) {
      if (change.field == "rule" && change.after == "\"desk.waiting_customer\"") waiting_due.push_back(event.entity_id);
    }
  }
  EXPECT_EQ(waiting_due, (std::vector<std::string>{waiting[0].id.to_string(), waiting[1].id.to_string()}));
}

TEST_P(ReminderTest, HundredTicksAtTheSameInstantGiveTheSameItems) {
  auto ws = open_ws();
  waiting_ticket(ws);
  open_ticket(ws, utc(2026y / November / 20, 15h));
  const Timestamp later = utc(2026y / December / 2, 12h);
  ws.reminders().tick(later);
  const auto first = all_reminders(ws);
  const auto due = reminder_entries(ws, "due").size();
  for (int i = 0; i < 100; ++i) {
    auto report = ws.reminders().tick(later);
    ASSERT_EQ(report.created, 0u);
    ASSERT_TRUE(report.became_due.empty());
  }
  EXPECT_EQ(all_reminders(ws), first);
  EXPECT_EQ(reminder_entries(ws, "due").size(), due);
  // A restart (a new process on the same base) creates nothing either.
  auto restarted = open_ws();
  EXPECT_EQ(restarted.reminders().tick(later).created, 0u);
  EXPECT_EQ(all_reminders(restarted), first);
}

TEST_P(ReminderTest, TwoProcessesTickingAtOnceCreateAndAnnounceEachReminderOnce) {
  auto setup = open_ws();
  constexpr int kTickets = 12;
  for (int i = 0; i < kTickets; ++i) waiting_ticket(setup);
  // Two workspaces opened apart share nothing but the database, like two
  // processes; each ticks from its own thread at the same instant.
  auto first = open_ws();
  auto second = open_ws();
  const Timestamp later = utc(2026y / December / 15, 12h);
  std::barrier start(2);
  std::vector<TickReport> reports(2);
  auto run = [&](Workspace& ws, TickReport& total) {
    start.arrive_and_wait();
    for (int round = 0; round < 5; ++round) {
      auto report = ws.reminders().tick(later);
      total.created += report.created;
      total.became_due.insert(total.became_due.end(), report.became_due.begin(), report.became_due.end());
    }
  };
  std::thread a(run, std::ref(first), std::ref(reports[0]));
  std::thread b(run, std::ref(second), std::ref(reports[1]));
  a.join();
  b.join();
  // Per ticket: two waiting relaunches and one unassigned signal.
  const auto reminders = all_reminders(setup);
  EXPECT_EQ(reminders.size(), 3u * kTickets);
  EXPECT_EQ(reports[0].created + reports[1].created, 3u * kTickets);
  EXPECT_EQ(reports[0].became_due.size() + reports[1].became_due.size(), 3u * kTickets);
  std::map<std::string, int> announced;
  for (const auto& entry : reminder_entries(setup, "due")) ++announced[entry.entity_id];
  EXPECT_EQ(announced.size(), 3u * kTickets);
  for (const auto& [id, count] : announced) EXPECT_EQ(count, 1) << id;
  std::map<std::string, int> created;
  for (const auto& entry : reminder_entries(setup, "create")) ++created[entry.entity_id];
  EXPECT_EQ(created.size(), 3u * kTickets);
}

TEST_P(ReminderTest, CatchUpAfterAWeekendOffAnnouncesInDueOrderWithoutDuplicates) {
  auto ws = open_ws();
  // A rule of this office: a quick check the next two days, calendar days.
  FollowUpRule quick;
  quick.name = "office.quick_check";
  quick.triggers = {{"TicketOpened", "", {}, ""}};
  quick.unit = DelayUnit::calendar_days;
  quick.steps = {{1, "Vérifier la demande", ""}, {2, "Vérifier encore", ""}};
  quick.stop_when = {{"TicketStatusChanged", "status", {"resolved", "closed"}, ""}};
  ws.reminders().create_rule(quick);
  // Friday 10:00: a ticket with a callback promised at 17:00 Paris. The
  // machine is then off until Monday 10:00: no tick ran meanwhile.
  Ticket ticket = open_ticket(ws, utc(2026y / November / 20, 16h));
  clock->set(utc(2026y / November / 23, 9h));
  auto report = ws.reminders().tick(clock->now());

  ASSERT_EQ(report.created, 4u);
  std::vector<std::pair<std::string, std::int64_t>> due_order;
  for (const auto& reminder : report.became_due) due_order.emplace_back(reminder.rule, reminder.step);
  EXPECT_EQ(due_order, (std::vector<std::pair<std::string, std::int64_t>>{
                           {"desk.callback", 0}, {"office.quick_check", 0}, {"office.quick_check", 1},
                           {"desk.unassigned", 0}}));
  EXPECT_EQ(report.became_overdue.size(), 3u);
  // The announcements were journaled in time order: each reminder's due,
  // then its overdue, before the next one's due.
  std::vector<std::string> sequence;
  for (JournalCursor cursor = 0;;) {
    auto page = ws.journal(cursor, 1000);
    if (page.entries.empty()) break;
    for (const auto& entry : page.entries) {
      if (entry.entity == "reminder" && (entry.action == "due" || entry.action == "overdue")) {
        sequence.push_back(entry.action);
      }
    }
    cursor = page.next_cursor;
  }
  EXPECT_EQ(sequence, (std::vector<std::string>{"due", "overdue", "due", "overdue", "due", "overdue", "due"}));
  const auto overdue = ws.reminders().list({.window = ReminderWindow::overdue, .limit = 50}).reminders;
  ASSERT_EQ(overdue.size(), 3u);
  for (const auto& reminder : overdue) EXPECT_TRUE(reminder.overdue(clock->now()));
  EXPECT_EQ(overdue[0].due_at, utc(2026y / November / 20, 16h));  // the callback, at its time
  // Ticking again finds nothing new.
  report = ws.reminders().tick(clock->now());
  EXPECT_EQ(report.created, 0u);
  EXPECT_TRUE(report.became_due.empty());
  EXPECT_EQ(all_reminders(ws).size(), 4u);
  (void)ticket;
}

TEST_P(ReminderTest, ACustomerReplyLoggedByAnotherProcessCancelsTheRelaunches) {
  auto ws = open_ws();
  Ticket ticket = waiting_ticket(ws);
  ws.reminders().tick(clock->now());
  ASSERT_EQ(of_rule(all_reminders(ws), "desk.waiting_customer").size(), 2u);
  // The mail fetcher, another process, logs the customer's reply.
  {
    auto mail_fetcher = open_ws();
    InteractionDraft reply;
    reply.kind = InteractionKind::email;
    reply.customer = ticket.customer;
    reply.ticket = ticket.id;
    reply.direction = Direction::inbound;
    reply.subject = "Re: Prise qui chauffe";
    mail_fetcher.desk().log_interaction(reply);
  }
  auto report = ws.reminders().tick(clock->now());
  EXPECT_EQ(report.cancelled, 2u);
  EXPECT_TRUE(of_rule(all_reminders(ws), "desk.waiting_customer").empty());
  const auto closed = of_rule(all_reminders(ws, ReminderWindow::closed), "desk.waiting_customer");
  ASSERT_EQ(closed.size(), 2u);
  EXPECT_EQ(closed[0].state, ReminderState::cancelled);
  EXPECT_EQ(closed[0].note, "stopped by EmailLogged");
  // Nothing falls due later.
  EXPECT_TRUE(of_rule(ws.reminders().tick(utc(2026y / December / 20, 9h)).became_due, "desk.waiting_customer").empty());
}

TEST_P(ReminderTest, AssigningTheTicketStopsTheUnassignedSignalAndTheAssigneeGetsTheRelaunches) {
  auto ws = open_ws();
  ws.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  Ticket ticket = open_ticket(ws);
  ticket = ws.desk().assign(ticket.id, ticket.version, "marie");
  ticket = ws.desk().set_status(ticket.id, ticket.version, TicketStatus::open);
  ws.desk().set_status(ticket.id, ticket.version, TicketStatus::waiting_customer);
  ws.reminders().tick(clock->now());
  const auto open = all_reminders(ws);
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].assignee, "marie");
  EXPECT_EQ(of_rule(all_reminders(ws, ReminderWindow::closed), "desk.unassigned").size(), 1u);
  auto marie = open_ws("marie");
  EXPECT_EQ(marie.reminders().mine(ReminderWindow::upcoming).reminders.size(), 2u);
  EXPECT_TRUE(ws.reminders().mine(ReminderWindow::upcoming).reminders.empty());
}

TEST_P(ReminderTest, ManualReminderIsDoneSnoozedOrCancelledUnderItsVersion) {
  auto ws = open_ws();
  Customer customer = ws.customers().create(sample_company());
  // "Rappeler Mme Martin jeudi": Thursday 26 Nov, 14:00 Paris.
  Reminder reminder = ws.reminders().add({.reason = "Rappeler Mme Martin",
                                          .due_at = utc(2026y / November / 26, 13h),
                                          .target = {"customer", customer.id.to_string()}});
  EXPECT_EQ(reminder.assignee, "admin");
  EXPECT_EQ(reminder.state, ReminderState::pending);
  EXPECT_FALSE(reminder.overdue(clock->now()));
  EXPECT_TRUE(reminder.overdue(utc(2026y / November / 26, 23h)));  // Friday 00:00 Paris has begun
  EXPECT_FALSE(reminder.overdue(utc(2026y / November / 26, 22h)));

  auto snoozed = ws.reminders().snooze(reminder.id, reminder.version, utc(2026y / November / 27, 8h));
  EXPECT_EQ(snoozed.state, ReminderState::snoozed);
  EXPECT_EQ(snoozed.version, 2);
  EXPECT_THROW(ws.reminders().done(reminder.id, reminder.version), ConflictError);
  // The scheduler wakes it when the snooze ends and announces it then.
  auto report = ws.reminders().tick(utc(2026y / November / 27, 8h));
  ASSERT_EQ(report.became_due.size(), 1u);
  EXPECT_EQ(report.became_due[0].state, ReminderState::pending);
  auto woken = ws.reminders().get(reminder.id);
  EXPECT_EQ(woken.state, ReminderState::pending);
  auto done = ws.reminders().done(woken.id, woken.version, "Devis accepté");
  EXPECT_EQ(done.state, ReminderState::done);
  EXPECT_TRUE(done.closed_at.has_value());
  EXPECT_THROW(ws.reminders().cancel(done.id, done.version), InvalidInputError);

  Reminder other = ws.reminders().add({.reason = "Relancer le fournisseur", .due_at = utc(2026y / November / 30, 9h)});
  auto cancelled = ws.reminders().cancel(other.id, other.version, "plus utile");
  EXPECT_EQ(cancelled.state, ReminderState::cancelled);
  EXPECT_EQ(ws.history("reminder", other.id.to_string()).back().action, "cancel");
}

// A pop-up needs no read: the event carries the reminder's facts, and
// leaves out those without a value (a manual reminder has no target and no
// rule). The tick's own entries are passed by the feed's cursor, and what
// comes after them is still followed.
TEST_P(ReminderTest, AnAnnouncementCarriesItsFactsAndTheFeedPassesTheTicksOwnEntries) {
  auto ws = open_ws();
  Reminder reminder = ws.reminders().add({.reason = "Rappeler Mme Martin", .due_at = utc(2026y / November / 23, 9h)});
  std::vector<Event> due_events;
  auto subscription = ws.subscribe([&](const Event& event) { due_events.push_back(event); }, "ReminderDue");

  TickReport report = ws.reminders().tick(utc(2026y / November / 23, 9h));
  ASSERT_EQ(due_events.size(), 1u);
  std::map<std::string, std::string> facts;
  for (const auto& change : due_events[0].changes) facts[change.field] = change.after;
  EXPECT_EQ(facts, (std::map<std::string, std::string>{{"reason", "\"Rappeler Mme Martin\""},
                                                       {"assignee", "\"admin\""},
                                                       {"step", "0"},
                                                       {"due_at", "\"2026-11-23T09:00:00.000000Z\""}}));
  EXPECT_EQ(due_events[0].entity_id, reminder.id.to_string());
  EXPECT_EQ(report.cursor, ws.journal_head().sequence);

  waiting_ticket(ws);
  report = ws.reminders().tick(utc(2026y / November / 23, 10h));
  EXPECT_EQ(report.events_read, 4u);  // the customer, the ticket opened, its two status moves
  // The unassigned ticket's reminder and the two steps of the
  // waiting-for-the-customer follow-up.
  EXPECT_EQ(report.created, 3u);
}

TEST_P(ReminderTest, ListsShowDueTodayOverdueAndUpcomingPerPersonOrForEveryone) {
  auto ws = open_ws();
  ws.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  ws.reminders().add({.reason = "hier", .due_at = utc(2026y / November / 19, 9h)});
  ws.reminders().add({.reason = "aujourd'hui", .due_at = utc(2026y / November / 20, 15h)});
  ws.reminders().add({.reason = "lundi", .due_at = utc(2026y / November / 23, 9h), .assignee = "marie"});
  auto reasons = [](const ReminderPage& page) {
    std::vector<std::string> list;
    for (const auto& reminder : page.reminders) list.push_back(reminder.reason);
    return list;
  };
  EXPECT_EQ(reasons(ws.reminders().mine(ReminderWindow::overdue)), std::vector<std::string>{"hier"});
  EXPECT_EQ(reasons(ws.reminders().mine(ReminderWindow::due_today)), std::vector<std::string>{"aujourd'hui"});
  EXPECT_TRUE(ws.reminders().mine(ReminderWindow::upcoming).reminders.empty());
  EXPECT_EQ(reasons(ws.reminders().list({.window = ReminderWindow::upcoming})), std::vector<std::string>{"lundi"});
  auto first = ws.reminders().list({.window = ReminderWindow::open, .limit = 2});
  ASSERT_FALSE(first.next_cursor.empty());
  auto rest = ws.reminders().list({.window = ReminderWindow::open, .limit = 2, .after = first.next_cursor});
  EXPECT_EQ(reasons(rest), std::vector<std::string>{"lundi"});
}

TEST_P(ReminderTest, CalendarOverridesAreStoredJournaledAndMoveWorkingDayDelays) {
  auto ws = open_ws();
  // The office closes Monday 23 Nov: a new unassigned ticket is then
  // signalled on Tuesday 24 at 09:00, business hours starting at 09:00.
  ws.reminders().set_calendar_day({2026y / November / 23, false, "inventaire"});
  ws.reminders().set_business_start(9h);
  auto calendar = ws.reminders().calendar();
  EXPECT_FALSE(calendar.is_working_day(2026y / November / 23));
  EXPECT_EQ(calendar.business_start(), 9h);
  EXPECT_EQ(ws.history("calendar_day", "2026-11-23").size(), 1u);
  open_ticket(ws);
  ws.reminders().tick(clock->now());
  auto unassigned = of_rule(all_reminders(ws), "desk.unassigned");
  ASSERT_EQ(unassigned.size(), 1u);
  EXPECT_EQ(unassigned[0].due_at, utc(2026y / November / 24, 8h));
  ws.reminders().remove_calendar_day(2026y / November / 23);
  EXPECT_TRUE(ws.reminders().calendar().overrides().empty());
  EXPECT_THROW(ws.reminders().remove_calendar_day(2026y / November / 23), NotFoundError);
}

TEST_P(ReminderTest, BadRulesAndRemindersNameTheFieldAndTheValue) {
  auto ws = open_ws();
  FollowUpRule rule;
  rule.name = "office.bad";
  rule.triggers = {{"TicketOpend", "", {}, ""}};
  rule.steps = {{-2, "Relancer", ""}, {14, "Relancer encore", ""}, {7, "Trop tard", ""}};
  auto errors = field_errors_of([&] { ws.reminders().create_rule(rule); });
  EXPECT_TRUE(has_error(errors, "triggers[0].event", "TicketOpend"));
  EXPECT_TRUE(has_error(errors, "steps[0].offset", "-2"));
  EXPECT_TRUE(has_error(errors, "steps[2].offset", "7"));
  rule.target_kind = "quotation";
  EXPECT_TRUE(has_error(field_errors_of([&] { ws.reminders().create_rule(rule); }), "target_kind", "quotation"));
  EXPECT_THROW(ws.reminders().rule("office.bad"), NotFoundError);

  Reminder reminder = ws.reminders().add({.reason = "Rappeler", .due_at = utc(2026y / November / 23, 9h)});
  const Timestamp past = utc(2026y / November / 19, 9h);
  EXPECT_TRUE(has_error(field_errors_of([&] { ws.reminders().snooze(reminder.id, reminder.version, past); }), "until",
                        format_timestamp(past)));
  EXPECT_TRUE(has_error(field_errors_of([&] { ws.reminders().add({.reason = "", .due_at = past}); }), "reason", ""));
  EXPECT_TRUE(has_error(field_errors_of([&] {
                          ws.reminders().add({.reason = "x", .due_at = past, .assignee = "personne"});
                        }),
                        "assignee", "personne"));
  EXPECT_THROW(ws.reminders().add({.reason = "x", .due_at = past, .target = {"ticket", "nope"}}), NotFoundError);
  // Nothing was written by the refused calls.
  EXPECT_EQ(all_reminders(ws).size(), 1u);
}

TEST_P(ReminderTest, RulesAreEditedUnderTheirVersionAndJournaled) {
  auto ws = open_ws();
  FollowUpRule rule = ws.reminders().rule("desk.waiting_customer");
  rule.steps.push_back({21, "Prévenir le responsable", "admin"});
  rule.expire_after = 30;
  FollowUpRule updated = ws.reminders().update_rule(rule.name, rule.version, rule);
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(ws.reminders().rule(rule.name), updated);
  EXPECT_THROW(ws.reminders().update_rule(rule.name, 1, rule), ConflictError);
  auto history = ws.history("follow_up_rule", rule.name);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].action, "update");
  // The new step escalates to the manager; the follow-up expires at D+30.
  waiting_ticket(ws);
  ws.reminders().tick(clock->now());
  auto waiting = of_rule(all_reminders(ws), "desk.waiting_customer");
  ASSERT_EQ(waiting.size(), 3u);
  EXPECT_EQ(waiting[2].assignee, "admin");
  auto report = ws.reminders().tick(utc(2027y / January / 15, 9h));
  EXPECT_EQ(report.expired, 3u);
  EXPECT_TRUE(of_rule(all_reminders(ws), "desk.waiting_customer").empty());
}

TEST_P(ReminderTest, AddManyStoresAllOrNothingAndNamesEachBadDraft) {
  auto ws = open_ws();
  ws.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  std::vector<ReminderDraft> drafts;
  for (int i = 0; i < 3; ++i) {
    drafts.push_back({.reason = "Relance " + std::to_string(i), .due_at = clock->now() + hours(i + 1),
                      .assignee = i == 0 ? "" : "marie"});
  }
  std::vector<Event> created;
  auto subscription = ws.subscribe([&](const Event& event) { created.push_back(event); }, "ReminderCreated");
  auto stored = ws.reminders().add_many(drafts);
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[0].assignee, "admin");  // "" is the acting user, as in add()
  EXPECT_EQ(stored[1].reason, "Relance 1");
  EXPECT_EQ(stored[2].version, 1);
  EXPECT_EQ(ws.reminders().get(stored[2].id), stored[2]);
  ASSERT_EQ(created.size(), 3u);
  EXPECT_EQ(created[1].entity_id, stored[1].id.to_string());

  auto field_only = [](const std::vector<FieldError>& errors, std::string_view field) {
    return std::any_of(errors.begin(), errors.end(), [&](const FieldError& error) { return error.field == field; });
  };
  auto bad = drafts;
  bad[1].reason = "";
  bad[2].due_at = utc(1990y / January / 1, 0h);
  auto errors = field_errors_of([&] { ws.reminders().add_many(bad); });
  EXPECT_EQ(errors.size(), 2u);
  EXPECT_TRUE(field_only(errors, "drafts[1].reason"));
  EXPECT_TRUE(has_error(errors, "drafts[2].due_at", "1990-01-01T00:00:00.000000Z"));
  auto unknown = drafts;
  unknown[2].assignee = "nobody";
  errors = field_errors_of([&] { ws.reminders().add_many(unknown); });
  EXPECT_TRUE(field_only(errors, "drafts[2].assignee"));
  auto missing = drafts;
  missing[1].target = {"ticket", Uuid::generate(*clock).to_string()};
  EXPECT_THROW(ws.reminders().add_many(missing), NotFoundError);
  EXPECT_EQ(all_reminders(ws).size(), 3u);  // nothing of the refused calls was stored
  EXPECT_TRUE(ws.reminders().add_many({}).empty());
  std::vector<ReminderDraft> too_many(10'001, drafts[1]);
  errors = field_errors_of([&] { ws.reminders().add_many(too_many); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "drafts");
}

// A tick announcing more than a hundred reminders journals them in
// multi-row inserts (a hundred entries each, the rest one by one): each is
// still one entry and one ReminderDue event, in due order, and the chain
// verifies.
TEST_P(ReminderTest, ALargeTickJournalsAndPublishesEachAnnouncementOnce) {
  auto ws = open_ws();
  std::vector<ReminderDraft> drafts;
  for (int i = 0; i < 250; ++i) {
    drafts.push_back({.reason = "Relance \"n°\" " + std::to_string(i), .due_at = clock->now() + minutes(i + 1)});
  }
  auto stored = ws.reminders().add_many(drafts);
  std::vector<Event> due_events;
  auto subscription = ws.subscribe([&](const Event& event) { due_events.push_back(event); }, "ReminderDue");
  const JournalCursor before = ws.journal_head().sequence;

  auto report = ws.reminders().tick(clock->now() + hours(1));
  ASSERT_EQ(report.became_due.size(), 60u);
  report = ws.reminders().tick(clock->now() + hours(5));
  ASSERT_EQ(report.became_due.size(), 190u);
  EXPECT_TRUE(ws.reminders().tick(clock->now() + hours(5)).became_due.empty());

  ASSERT_EQ(due_events.size(), 250u);
  for (std::size_t i = 0; i < due_events.size(); ++i) {
    EXPECT_EQ(due_events[i].entity_id, stored[i].id.to_string());
    if (i) EXPECT_EQ(due_events[i].sequence, due_events[i - 1].sequence + 1);
  }
  EXPECT_GT(due_events.front().sequence, before);
  auto entries = ws.journal(due_events.front().sequence - 1, 1).entries;
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].changes, due_events.front().changes);
  EXPECT_EQ(due_events[7].changes.at(0).after, "\"Relance \\\"n°\\\" 7\"");
  auto verification = ws.verify_journal(ws.journal_head());
  EXPECT_TRUE(verification.ok) << (verification.problems.empty() ? "" : verification.problems[0].detail);
}
