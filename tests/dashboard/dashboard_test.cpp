// The daily dashboard on both engines: exact counts on a prepared fortnight
// of desk work with a fixed clock, per person and for the office, the
// response-time medians, the extension sections, the HTML page's counts
// and escaping, and bad input.
#include "support/field_errors.h"
#include "support/utc.h"
#include "support/workspace_fixture.h"

#include <relais/dashboard/dashboard_service.h>

#include <regex>

using namespace relais;
using namespace std::chrono;
using namespace std::chrono_literals;
using relais::testing::field_errors_of;
using relais::testing::sample_company;
using relais::testing::utc;

namespace {

// Wednesday 25 November 2026, 10:00 in Paris.
const Timestamp kAt = utc(2026y / November / 25, 9h);

std::vector<std::string> numbers(const std::vector<Ticket>& tickets) {
  std::vector<std::string> found;
  for (const auto& ticket : tickets) found.push_back(ticket.subject);
  return found;
}

}  // namespace

class DashboardTest : public relais::testing::WorkspaceTest {
 protected:
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(utc(2026y / November / 10, 9h));

  // A fortnight of the office's work; every count of the tests below comes
  // from here (docs/dashboard.md explains each rule).
  Workspace prepare() {
    auto ws = open({.clock = clock});
    ws.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
    ws.users().create({.login = "paul", .display_name = "Paul", .role = Role::technician});
    customer_ = ws.customers().create(sample_company()).id;
    auto& desk = ws.desk();

    // Tuesday 10 November.
    ticket(ws, "T1 Devis <tableau> & \"prise\"", "marie", TicketSource::phone);  // never answered
    Ticket t2 = ticket(ws, "T2", "marie", TicketSource::email);
    log_call(ws, "marie", utc(2026y / November / 10, 9h, 30min), Direction::inbound, std::nullopt,
             CallOutcome::answered);  // before the traceability period

    // Monday 16 November: answered after 2 hours, resolved after a day.
    clock->set(utc(2026y / November / 16, 10h));
    Ticket t8 = ticket(ws, "T8", "marie", TicketSource::phone);
    clock->set(utc(2026y / November / 16, 12h));
    desk.add_comment(t8.id, "Nous passons demain.");
    desk.add_comment(t8.id, "note interne", true);
    clock->set(utc(2026y / November / 17, 10h));
    t8 = desk.set_status(t8.id, t8.version, TicketStatus::open);
    desk.set_status(t8.id, t8.version, TicketStatus::resolved);

    // Thursday 19 November: T2 answered by a move out of "new" after 9
    // days, then waiting for the customer.
    clock->set(utc(2026y / November / 19, 9h));
    t2 = desk.set_status(t2.id, t2.version, TicketStatus::open);
    desk.set_status(t2.id, t2.version, TicketStatus::waiting_customer);

    // Tuesday 24 November.
    clock->set(utc(2026y / November / 24, 9h));
    Ticket t3 = ticket(ws, "T3", "paul", TicketSource::web_form);
    t3 = desk.set_status(t3.id, t3.version, TicketStatus::open);
    desk.set_status(t3.id, t3.version, TicketStatus::waiting_customer);  // waiting one day only
    Ticket t4 = ticket(ws, "T4", "marie", TicketSource::phone, utc(2026y / November / 24, 14h));
    log_call(ws, "marie", utc(2026y / November / 24, 10h), Direction::inbound, t4.id, CallOutcome::answered);
    log_call(ws, "marie", utc(2026y / November / 24, 10h), Direction::outbound, t4.id,
             CallOutcome::answered);  // T4's first answer, after 1 hour
    log_call(ws, "marie", utc(2026y / November / 24, 11h), Direction::inbound, std::nullopt,
             CallOutcome::no_follow_up);
    log_call(ws, "marie", utc(2026y / November / 24, 12h), Direction::inbound, std::nullopt,
             CallOutcome::answered);  // untraced
    Interaction e1 = log_email(ws, "marie", utc(2026y / November / 24, 13h), std::nullopt);
    desk.update_interaction(e1.id, e1.version, {.outcome = CallOutcome::no_follow_up});

    // Wednesday 25 November, before the dashboard.
    clock->set(utc(2026y / November / 25, 8h));
    Ticket t5 = ticket(ws, "T5", "marie", TicketSource::email, utc(2026y / November / 25, 15h));
    Ticket t6 = ticket(ws, "T6", "paul", TicketSource::phone, utc(2026y / November / 26, 10h));
    Ticket t7 = ticket(ws, "T7", "marie", TicketSource::phone, utc(2026y / November / 25, 9h, 30min));
    log_call(ws, "paul", utc(2026y / November / 25, 8h), Direction::inbound, t6.id, CallOutcome::answered);
    log_email(ws, "marie", utc(2026y / November / 25, 7h), t5.id);
    desk.log_call({.phone = "06 98 76 54 32", .started_at = utc(2026y / November / 25, 7h, 30min), .user = "paul",
                   .outcome = CallOutcome::to_qualify});
    clock->set(utc(2026y / November / 25, 8h, 30min));
    desk.set_status(t7.id, t7.version, TicketStatus::resolved);  // answered and resolved in 30 minutes

    auto remind = [&](const std::string& assignee, Timestamp due) {
      return ws.reminders().add({.reason = "Rappeler " + assignee, .due_at = due, .assignee = assignee});
    };
    remind("marie", utc(2026y / November / 24, 8h));            // overdue
    remind("marie", utc(2026y / November / 25, 12h));           // today
    remind("marie", utc(2026y / November / 25, 7h));            // today, already past
    remind("marie", utc(2026y / November / 27, 9h));            // upcoming
    remind("marie", utc(2026y / December / 20, 9h));            // beyond the horizon
    remind("paul", utc(2026y / November / 25, 10h));            // today
    Reminder done = remind("marie", utc(2026y / November / 23, 9h));
    ws.reminders().done(done.id, done.version);
    clock->set(kAt);
    return ws;
  }

  Ticket ticket(Workspace& ws, const std::string& subject, const std::string& assignee, TicketSource source,
                std::optional<Timestamp> callback_at = std::nullopt) {
    TicketDraft draft;
    draft.customer = *customer_;
    draft.subject = subject;
    draft.assignee = assignee;
    draft.source = source;
    draft.callback_at = callback_at;
    return ws.desk().open_ticket(draft);
  }

  Interaction log_call(Workspace& ws, const std::string& user, Timestamp at, Direction direction,
                       std::optional<Uuid> ticket, CallOutcome outcome) {
    return ws.desk().log_call({.customer = *customer_, .ticket = ticket, .direction = direction,
                               .phone = "02 99 12 34 56", .started_at = at, .user = user, .outcome = outcome});
  }

  Interaction log_email(Workspace& ws, const std::string& user, Timestamp at, std::optional<Uuid> ticket) {
    return ws.desk().log_interaction({.kind = InteractionKind::email, .customer = *customer_, .ticket = ticket,
                                      .occurred_at = at, .user = user, .subject = "Question"});
  }

  std::optional<Uuid> customer_;
};
RELAIS_INSTANTIATE_FOR_ENGINES(DashboardTest);

TEST_P(DashboardTest, OfficeCountsAreExactOnThePreparedFortnight) {
  auto ws = prepare();
  const Dashboard d = ws.dashboard().build({.at = kAt});
  EXPECT_EQ(d.user, "");
  EXPECT_EQ(d.at, kAt);
  EXPECT_EQ(d.day_start, utc(2026y / November / 24, 23h));
  EXPECT_EQ(d.day_end, utc(2026y / November / 25, 23h));

  EXPECT_EQ(d.reminders.due_today, 3);
  EXPECT_EQ(d.reminders.overdue, 1);
  EXPECT_EQ(d.reminders.upcoming, 1);
  ASSERT_EQ(d.reminders.first_due_today.size(), 3u);
  EXPECT_EQ(d.reminders.first_due_today[0].due_at, utc(2026y / November / 25, 7h));
  ASSERT_EQ(d.reminders.first_upcoming.size(), 1u);  // the one beyond the horizon is left out

  EXPECT_EQ(d.waiting.threshold, kAt - days(3));
  EXPECT_EQ(d.waiting.waiting_customer, 1);
  EXPECT_EQ(numbers(d.waiting.first_waiting_customer), std::vector<std::string>{"T2"});
  EXPECT_EQ(d.waiting.unanswered, 1);
  EXPECT_EQ(numbers(d.waiting.first_unanswered), std::vector<std::string>{"T1 Devis <tableau> & \"prise\""});

  EXPECT_EQ(d.callbacks.overdue, 1);
  EXPECT_EQ(d.callbacks.due_today, 1);
  EXPECT_EQ(numbers(d.callbacks.first), (std::vector<std::string>{"T4", "T5"}));

  EXPECT_EQ(d.new_requests.since, utc(2026y / November / 23, 23h));
  EXPECT_EQ(d.new_requests.total, 5);
  EXPECT_EQ(d.new_requests.by_source,
            (std::map<std::string, std::int64_t>{{"email", 1}, {"phone", 3}, {"web_form", 1}}));
  ASSERT_EQ(d.new_requests.first.size(), 5u);

  EXPECT_EQ(d.traceability.from, utc(2026y / November / 18, 23h));
  EXPECT_EQ(d.traceability.inbound_calls, 5);
  EXPECT_EQ(d.traceability.inbound_emails, 2);
  EXPECT_EQ(d.traceability.linked_to_ticket, 3);
  EXPECT_EQ(d.traceability.no_follow_up, 2);
  EXPECT_EQ(d.traceability.untraced(), 2);
  EXPECT_DOUBLE_EQ(*d.traceability.share(), 5.0 / 7.0);

  EXPECT_EQ(d.triage.count, 0);
  EXPECT_FALSE(d.triage.oldest);

  const auto& week = d.response_times.this_week;
  EXPECT_EQ(week.from, utc(2026y / November / 22, 23h));
  EXPECT_EQ(week.answered, 3);             // T3 at once, T7 in 30 min, T4 in 1 h
  EXPECT_EQ(week.median_first_answer, seconds(1800));
  EXPECT_EQ(week.resolved, 1);
  EXPECT_EQ(week.median_resolution, seconds(1800));
  const auto& last = d.response_times.last_week;
  EXPECT_EQ(last.from, utc(2026y / November / 15, 23h));
  EXPECT_EQ(last.answered, 2);             // T8 in 2 h, T2 in 9 days
  EXPECT_EQ(last.median_first_answer, seconds((7200 + 9 * 86400) / 2));
  EXPECT_EQ(last.resolved, 1);
  EXPECT_EQ(last.median_resolution, seconds(86400));

  // The registered sections, in order; no survey was ever sent here.
  ASSERT_EQ(d.sections.size(), 2u);
  EXPECT_EQ(d.sections[0].name, "calls_to_qualify");
  EXPECT_EQ(d.sections[1].name, "surveys_to_relaunch");
  EXPECT_EQ(d.sections[1].counts.at("count"), 0);
  EXPECT_EQ(d.sections[0].counts.at("count"), 1);
  ASSERT_EQ(d.sections[0].items.size(), 1u);
  EXPECT_EQ(d.sections[0].items[0].kind, "interaction");
  EXPECT_EQ(d.sections[0].items[0].label, "06 98 76 54 32");  // as people write it, not E.164
}

TEST_P(DashboardTest, OnePersonSeesTheirOwnWork) {
  auto ws = prepare();
  const Dashboard marie = ws.dashboard().build({.user = "marie", .at = kAt});
  EXPECT_EQ(marie.reminders.due_today, 2);
  EXPECT_EQ(marie.reminders.overdue, 1);
  EXPECT_EQ(marie.reminders.upcoming, 1);
  EXPECT_EQ(marie.waiting.waiting_customer, 1);
  EXPECT_EQ(marie.waiting.unanswered, 1);
  EXPECT_EQ(marie.callbacks.overdue, 1);
  EXPECT_EQ(marie.callbacks.due_today, 1);
  EXPECT_EQ(marie.new_requests.total, 3);
  EXPECT_EQ(marie.new_requests.by_source, (std::map<std::string, std::int64_t>{{"email", 1}, {"phone", 2}}));
  EXPECT_EQ(marie.traceability.inbound_calls, 3);
  EXPECT_EQ(marie.traceability.inbound_emails, 2);
  EXPECT_EQ(marie.traceability.linked_to_ticket, 2);
  EXPECT_EQ(marie.traceability.no_follow_up, 2);
  EXPECT_EQ(marie.response_times.this_week.answered, 2);
  EXPECT_EQ(marie.response_times.this_week.median_first_answer, seconds(2700));
  EXPECT_EQ(marie.sections[0].counts.at("count"), 0);

  const Dashboard paul = ws.dashboard().build({.user = "paul", .at = kAt});
  EXPECT_EQ(paul.reminders.due_today, 1);
  EXPECT_EQ(paul.reminders.overdue, 0);
  EXPECT_EQ(paul.waiting.waiting_customer, 0);  // T3 waits since yesterday only
  EXPECT_EQ(paul.callbacks.due_today + paul.callbacks.overdue, 0);  // T6's is tomorrow
  EXPECT_EQ(paul.new_requests.total, 2);
  EXPECT_EQ(paul.traceability.inbound_calls, 2);
  EXPECT_EQ(paul.traceability.linked_to_ticket, 1);
  EXPECT_EQ(paul.sections[0].counts.at("count"), 1);

  // mine(): the acting user's, now.
  auto as_marie = ws.as_user("marie");
  EXPECT_EQ(as_marie.dashboard().mine().reminders.due_today, 2);
}

TEST_P(DashboardTest, ALongerWaitingThresholdAndNoItems) {
  auto ws = prepare();
  const Dashboard d = ws.dashboard().build({.at = kAt, .waiting_days = 10, .items = 0});
  EXPECT_EQ(d.waiting.waiting_customer, 0);  // T2 waits since 6 days
  EXPECT_EQ(d.waiting.unanswered, 1);        // T1, 15 days
  EXPECT_TRUE(d.waiting.first_unanswered.empty());
  EXPECT_TRUE(d.reminders.first_due_today.empty());
  EXPECT_TRUE(d.sections[0].items.empty());
  EXPECT_EQ(d.reminders.due_today, 3);
}

TEST_P(DashboardTest, HtmlCarriesEveryCountAndEscapesText) {
  auto ws = prepare();
  const Dashboard d = ws.dashboard().build({.at = kAt});
  for (const std::string language : {"fr", "en"}) {
    const std::string html = render_dashboard_html(d, {.language = language});
    std::map<std::string, std::int64_t> found;
    const std::regex count(R"re(data-count="([a-z0-9_.]+)">(-?[0-9]+)<)re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), count); it != std::sregex_iterator(); ++it) {
      EXPECT_FALSE(found.contains((*it)[1].str())) << "twice: " << (*it)[1];
      found[(*it)[1].str()] = std::stoll((*it)[2].str());
    }
    EXPECT_EQ(found, dashboard_counts(d));
    EXPECT_NE(html.find("T1 Devis &lt;tableau&gt; &amp; &quot;prise&quot;"), std::string::npos);
    EXPECT_EQ(html.find("<tableau>"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http"), std::string::npos);  // nothing fetched
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_NE(html.find("data-seconds=\"response_times.this_week.median_first_answer\" data-value=\"1800\""),
              std::string::npos);
  }
  EXPECT_NE(render_dashboard_html(d).find("Rappels"), std::string::npos);
  EXPECT_EQ(ws.dashboard().html({.at = kAt}, {.language = "en"}), render_dashboard_html(d, {.language = "en"}));
  auto errors = field_errors_of([&] { render_dashboard_html(d, {.language = "de"}); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "language");
  EXPECT_EQ(errors[0].value, "de");
}

TEST_P(DashboardTest, BadInputNamesTheFieldAndValue) {
  auto ws = open({.clock = clock});
  auto expect_error = [&](const DashboardQuery& query, const std::string& field, const std::string& value) {
    auto errors = field_errors_of([&] { ws.dashboard().build(query); });
    ASSERT_EQ(errors.size(), 1u) << field;
    EXPECT_EQ(errors[0].field, field);
    EXPECT_EQ(errors[0].value, value);
  };
  expect_error({.user = "nobody"}, "user", "nobody");
  expect_error({.waiting_days = -1}, "waiting_days", "-1");
  expect_error({.upcoming_days = 0}, "upcoming_days", "0");
  expect_error({.traceability_days = 400}, "traceability_days", "400");
  expect_error({.items = 51}, "items", "51");
  expect_error({.at = utc(1999y / December / 31, 0h)}, "at", "1999-12-31T00:00:00.000000Z");
  auto errors = field_errors_of([&] { ws.dashboard().build({.waiting_days = -2, .items = 100}); });
  EXPECT_EQ(errors.size(), 2u);
}

TEST_P(DashboardTest, AnEmailMayBeClosedAsNoFollowUpButNotGivenACallOutcome) {
  auto ws = prepare();
  auto email = log_email(ws, "marie", kAt - 1h, std::nullopt);
  auto errors = field_errors_of(
      [&] { ws.desk().update_interaction(email.id, email.version, {.outcome = CallOutcome::answered}); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "outcome");
  EXPECT_EQ(errors[0].value, "answered");
  auto note = ws.desk().log_interaction({.kind = InteractionKind::note, .customer = *customer_, .subject = "n"});
  EXPECT_THROW(ws.desk().update_interaction(note.id, note.version, {.outcome = CallOutcome::no_follow_up}),
               InvalidInputError);
  auto closed = ws.desk().update_interaction(email.id, email.version, {.outcome = CallOutcome::no_follow_up});
  EXPECT_EQ(closed.outcome, CallOutcome::no_follow_up);
  EXPECT_EQ(parse_call_outcome("no_follow_up"), CallOutcome::no_follow_up);
  EXPECT_EQ(ws.dashboard().build({.at = kAt}).traceability.no_follow_up, 3);
}

TEST_P(DashboardTest, MailsOfTheInboxCountInTheOfficeTraceabilityAndTriage) {
  auto ws = prepare();
  clock->set(kAt - 2h);
  const std::string raw =
      "From: Hélène Martin <helene.martin@example.fr>\r\n"
      "To: contact@duret.fr\r\n"
      "Subject: Question sur ma facture\r\n"
      "Message-ID: <dashboard-1@example.fr>\r\n"
      "Date: Wed, 25 Nov 2026 08:00:00 +0100\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "\r\n"
      "Bonjour, pouvez-vous me rappeler ?\r\n";
  const IngestResult ingested = ws.inbox().ingest(raw);
  ASSERT_EQ(ingested.mail.state, MailState::triage);
  clock->set(kAt);
  const Dashboard office = ws.dashboard().build({.at = kAt});
  EXPECT_EQ(office.triage.count, 1);
  EXPECT_EQ(office.triage.oldest, ingested.mail.received_at);
  ASSERT_EQ(office.triage.first.size(), 1u);
  EXPECT_EQ(office.traceability.inbound_emails, 3);  // two typed in, one from the inbox
  EXPECT_EQ(office.traceability.untraced(), 3);      // the mail waits in triage: not traced yet
  // A person's traceability counts what they logged; mails belong to nobody before dispatch.
  EXPECT_EQ(ws.dashboard().build({.user = "marie", .at = kAt}).traceability.inbound_emails, 2);
  EXPECT_EQ(ws.dashboard().build({.user = "marie", .at = kAt}).triage.count, 1);
}
