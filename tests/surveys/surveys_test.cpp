// Satisfaction surveys on both engines: sending after resolution through the
// maildir connector's pickup folder (once per ticket, also with two
// processes), customers without email, failures recorded and retried,
// relaunches and expiry, answers (one by one and from CSV), figures, the
// "survey" target kind of follow-up rules, and bad input.
#include "support/field_errors.h"
#include "support/utc.h"
#include "support/workspace_fixture.h"

#include <relais/dashboard/dashboard_service.h>
#include <relais/surveys/survey_service.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace relais;
using namespace std::chrono;
using namespace std::chrono_literals;
using relais::testing::field_errors_of;
using relais::testing::has_error;
using relais::testing::has_field;
using relais::testing::sample_company;
using relais::testing::utc;
namespace fs = std::filesystem;

namespace {

// The pickup files' text, quoted-printable soft breaks and '=' undone.
std::vector<std::string> sent_files(const fs::path& outbox) {
  std::vector<std::string> files;
  if (!fs::exists(outbox)) return files;
  for (const auto& entry : fs::directory_iterator(outbox)) {
    if (entry.path().filename().string().starts_with(".")) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    std::string raw = text.str();
    for (auto at = raw.find("=\r\n"); at != std::string::npos; at = raw.find("=\r\n", at)) raw.erase(at, 3);
    for (auto at = raw.find("=3D"); at != std::string::npos; at = raw.find("=3D", at)) raw.replace(at, 3, "=");
    files.push_back(raw);
  }
  return files;
}

}  // namespace

class SurveyTest : public relais::testing::WorkspaceTest {
 protected:
  void SetUp() override {
    WorkspaceTest::SetUp();
    folder_ = fs::temp_directory_path() / ("relais-surveys-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    for (const char* sub : {"new", "cur", "tmp"}) fs::create_directories(folder_ / "box" / sub);
  }
  void TearDown() override { fs::remove_all(folder_); }

  fs::path outbox() const { return folder_ / "outbox"; }
  std::string maildir_config(bool with_outbox = true) const {
    std::string config = R"({"path": ")" + (folder_ / "box").string() + "\"";
    if (with_outbox) config += R"(, "outbox": ")" + outbox().string() + "\"";
    return config + "}";
  }

  // Friday 20 November 2026, 10:00 in Paris.
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(utc(2026y / November / 20, 9h));
  Workspace open_ws(const std::string& actor = "admin") { return open({.actor = actor, .clock = clock}); }

  // A mailbox with a pickup folder, and surveys switched on from now.
  SurveySettings configure(Workspace& ws, bool with_outbox = true) {
    ws.inbox().configure_mailbox("contact", "maildir", maildir_config(with_outbox));
    SurveySettings settings = ws.surveys().settings();
    settings.url_template = "https://avis.duret-elec.fr/q?t={token}";
    settings.mailbox = "contact";
    settings.from_address = "contact@duret-elec.fr";
    settings.from_name = "Duret Électricité";
    return ws.surveys().configure(settings);
  }

  // A ticket of `customer` resolved an hour from now (the clock moves).
  Ticket resolved_ticket(Workspace& ws, const Uuid& customer, const std::string& subject = "Prise qui chauffe") {
    TicketDraft draft;
    draft.kind = TicketKind::after_sales;
    draft.customer = customer;
    draft.subject = subject;
    Ticket ticket = ws.desk().open_ticket(draft);
    clock->set(clock->now() + 1h);
    return ws.desk().set_status(ticket.id, ticket.version, TicketStatus::resolved);
  }

  Uuid customer(Workspace& ws, bool with_email = true) {
    CustomerDraft draft = sample_company(with_email ? "Électricité Durand SARL" : "Boulangerie Sans Mail");
    if (!with_email) {
      draft.emails.clear();
      draft.contacts.clear();
      draft.external_ids.clear();
      draft.siret.clear();
      draft.vat_number.clear();
      draft.phones = {"02 99 00 11 22"};
    }
    return ws.customers().create(draft).id;
  }

  fs::path folder_;
};
RELAIS_INSTANTIATE_FOR_ENGINES(SurveyTest);

TEST_P(SurveyTest, AResolvedTicketGetsOneSurveyMailedWithItsTokenInTheUrl) {
  auto ws = open_ws();
  configure(ws);
  const Uuid durand = customer(ws);
  const Ticket ticket = resolved_ticket(ws, durand);
  std::vector<Event> events;
  auto subscription = ws.subscribe([&](const Event& event) {
    if (event.entity == "survey") events.push_back(event);
  });

  const SurveySendReport report = ws.surveys().send_due(clock->now());
  ASSERT_EQ(report.sent.size(), 1u);
  EXPECT_TRUE(report.failed.empty());
  const Survey& survey = report.sent.front();
  EXPECT_EQ(survey.state, SurveyState::sent);
  EXPECT_EQ(survey.target_kind, "ticket");
  EXPECT_EQ(survey.target_id, ticket.id.to_string());
  EXPECT_EQ(survey.target_label, ticket.number);
  EXPECT_EQ(survey.recipient, "contact@durand-elec.fr");
  EXPECT_EQ(survey.customer_name, "Électricité Durand SARL");
  EXPECT_EQ(survey.token.size(), 32u);
  EXPECT_EQ(survey.sent_at, clock->now());

  const auto files = sent_files(outbox());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_NE(files[0].find("https://avis.duret-elec.fr/q?t=" + survey.token), std::string::npos) << files[0];
  EXPECT_NE(files[0].find("X-Receiver: contact@durand-elec.fr"), std::string::npos);
  EXPECT_NE(files[0].find(ticket.number), std::string::npos);

  // Events after commit: created, then sent (and the mail kept in the thread).
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, "SurveyCreated");
  EXPECT_EQ(events[1].type, "SurveySent");
  EXPECT_EQ(ws.inbox().thread(ticket.id).size(), 1u);

  // Idempotent: nothing more to send, and send() refuses a second survey.
  const SurveySendReport again = ws.surveys().send_due(clock->now());
  EXPECT_TRUE(again.sent.empty() && again.failed.empty() && again.skipped.empty());
  EXPECT_THROW(ws.surveys().send(ticket.id), ConflictError);
  EXPECT_EQ(sent_files(outbox()).size(), 1u);
  EXPECT_EQ(ws.surveys().find(ticket.number).id, survey.id);
  EXPECT_EQ(ws.surveys().find(survey.token).id, survey.id);
}

TEST_P(SurveyTest, TicketsResolvedBeforeSurveysWereSwitchedOnAreNotSurveyed) {
  auto ws = open_ws();
  const Uuid durand = customer(ws);
  resolved_ticket(ws, durand);
  clock->set(clock->now() + 1h);
  configure(ws);
  EXPECT_TRUE(ws.surveys().send_due(clock->now()).sent.empty());
  EXPECT_EQ(sent_files(outbox()).size(), 0u);
}

TEST_P(SurveyTest, ACustomerWithoutEmailIsSkippedAndReportedOnce) {
  auto ws = open_ws();
  configure(ws);
  const Ticket ticket = resolved_ticket(ws, customer(ws, false));
  const SurveySendReport report = ws.surveys().send_due(clock->now());
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_TRUE(report.sent.empty());
  EXPECT_EQ(report.skipped[0].state, SurveyState::skipped);
  EXPECT_EQ(report.skipped[0].target_label, ticket.number);
  EXPECT_FALSE(report.skipped[0].last_error.empty());
  EXPECT_TRUE(ws.surveys().send_due(clock->now()).skipped.empty());
  EXPECT_EQ(sent_files(outbox()).size(), 0u);
  // Nothing to answer for.
  EXPECT_TRUE(has_field(field_errors_of([&] { ws.surveys().record_answer(ticket.number, 8); }), "state"));
}

TEST_P(SurveyTest, TwoProcessesSendingAtOnceMailEachSurveyOnce) {
  auto setup = open_ws();
  configure(setup);
  const Uuid durand = customer(setup);
  for (int i = 0; i < 4; ++i) resolved_ticket(setup, durand, "Demande " + std::to_string(i));
  // Two separate opens: two engines, as two processes would have.
  auto first = open_ws();
  auto second = open_ws();
  SurveySendReport reports[2];
  auto run = [&](Workspace& ws, SurveySendReport& report) { report = ws.surveys().send_due(clock->now()); };
  std::thread a(run, std::ref(first), std::ref(reports[0]));
  std::thread b(run, std::ref(second), std::ref(reports[1]));
  a.join();
  b.join();
  // Each ticket was claimed by one process only, and each mailed once.
  EXPECT_EQ(reports[0].sent.size() + reports[1].sent.size(), 4u);
  EXPECT_TRUE(reports[0].failed.empty() && reports[1].failed.empty());
  EXPECT_TRUE(setup.surveys().send_due(clock->now()).sent.empty());
  const auto files = sent_files(outbox());
  ASSERT_EQ(files.size(), 4u);
  const auto surveys = setup.surveys().list().surveys;
  ASSERT_EQ(surveys.size(), 4u);
  for (const auto& survey : surveys) {
    EXPECT_EQ(survey.state, SurveyState::sent);
    EXPECT_EQ(std::count_if(files.begin(), files.end(),
                            [&](const std::string& file) { return file.find(survey.token) != std::string::npos; }),
              1);
  }
}

TEST_P(SurveyTest, AFailedDeliveryIsRecordedThenSentByTheNextRun) {
  auto ws = open_ws();
  configure(ws, /*with_outbox=*/false);
  const Ticket ticket = resolved_ticket(ws, customer(ws));
  std::vector<std::string> types;
  auto subscription = ws.subscribe([&](const Event& event) { types.push_back(event.type); }, "SurveySendFailed");

  SurveySendReport report = ws.surveys().send_due(clock->now());
  ASSERT_EQ(report.failed.size(), 1u);
  EXPECT_EQ(report.failed[0].state, SurveyState::pending);
  EXPECT_NE(report.failed[0].last_error.find("outbox"), std::string::npos) << report.failed[0].last_error;
  EXPECT_EQ(types.size(), 1u);
  EXPECT_EQ(ws.surveys().find(ticket.number).last_error, report.failed[0].last_error);

  const Mailbox box = ws.inbox().mailboxes().front();
  ws.inbox().configure_mailbox("contact", "maildir", maildir_config(true), box.version);
  report = ws.surveys().send_due(clock->now());
  ASSERT_EQ(report.sent.size(), 1u);
  EXPECT_EQ(report.sent[0].state, SurveyState::sent);
  EXPECT_TRUE(report.sent[0].last_error.empty());
  EXPECT_EQ(sent_files(outbox()).size(), 1u);
}

TEST_P(SurveyTest, UnansweredSurveysAreRelaunchedAfterTheDelayUpToTheMaximumThenExpire) {
  auto ws = open_ws();
  configure(ws);  // 7 days, 2 relaunches
  resolved_ticket(ws, customer(ws));
  Survey survey = ws.surveys().send_due(clock->now()).sent.at(0);

  clock->set(clock->now() + days(6));
  EXPECT_TRUE(ws.surveys().to_relaunch(clock->now()).empty());
  EXPECT_EQ(ws.surveys().count_to_relaunch(clock->now()), 0);
  clock->set(clock->now() + days(1));
  ASSERT_EQ(ws.surveys().to_relaunch(clock->now()).size(), 1u);
  EXPECT_EQ(ws.surveys().count_to_relaunch(clock->now()), 1);
  // The dashboard's section says the same, the office's in anyone's.
  const Dashboard dashboard = ws.dashboard().build({.at = clock->now()});
  const auto section = std::find_if(dashboard.sections.begin(), dashboard.sections.end(),
                                    [](const DashboardSection& s) { return s.name == "surveys_to_relaunch"; });
  ASSERT_NE(section, dashboard.sections.end());
  EXPECT_EQ(section->counts.at("count"), 1);
  ASSERT_EQ(section->items.size(), 1u);
  EXPECT_EQ(section->items[0].id, survey.id.to_string());
  EXPECT_EQ(section->items[0].time, survey.last_sent_at);
  EXPECT_EQ(dashboard_counts(dashboard).at("surveys_to_relaunch.count"), 1);

  SurveySendReport report = ws.surveys().relaunch_due(clock->now());
  ASSERT_EQ(report.sent.size(), 1u);
  EXPECT_EQ(report.sent[0].relaunches, 1);
  EXPECT_EQ(report.sent[0].last_sent_at, clock->now());
  EXPECT_EQ(ws.surveys().count_to_relaunch(clock->now()), 0);
  EXPECT_TRUE(ws.surveys().relaunch_due(clock->now()).sent.empty());  // not twice

  clock->set(clock->now() + days(7));
  survey = ws.surveys().to_relaunch(clock->now()).at(0);
  EXPECT_THROW(ws.surveys().relaunch(survey.id, survey.version - 1), ConflictError);
  survey = ws.surveys().relaunch(survey.id, survey.version);
  EXPECT_EQ(survey.relaunches, 2);
  EXPECT_TRUE(has_error(field_errors_of([&] { ws.surveys().relaunch(survey.id, survey.version); }), "relaunches", "2"));

  const auto files = sent_files(outbox());
  ASSERT_EQ(files.size(), 3u);
  for (const auto& file : files) EXPECT_NE(file.find(survey.token), std::string::npos);

  clock->set(clock->now() + days(7));
  report = ws.surveys().relaunch_due(clock->now());
  EXPECT_TRUE(report.sent.empty());
  ASSERT_EQ(report.expired.size(), 1u);
  EXPECT_EQ(report.expired[0].state, SurveyState::expired);
  EXPECT_EQ(ws.history("survey", survey.id.to_string()).back().action, "expire");
}

TEST_P(SurveyTest, AnswersAreMatchedByTokenIdOrTicketAndRecordedOnce) {
  auto ws = open_ws();
  configure(ws);
  const Ticket ticket = resolved_ticket(ws, customer(ws));
  const Survey survey = ws.surveys().send_due(clock->now()).sent.at(0);
  std::vector<Event> answered;
  auto subscription = ws.subscribe([&](const Event& event) { answered.push_back(event); }, "SurveyAnswered");

  auto errors = field_errors_of([&] { ws.surveys().record_answer(survey.token, 11); });
  EXPECT_TRUE(has_error(errors, "score", "11"));
  EXPECT_TRUE(has_error(field_errors_of([&] { ws.surveys().record_answer(survey.token, -1); }), "score", "-1"));
  EXPECT_THROW(ws.surveys().record_answer("0123456789abcdef0123456789abcdef", 8), NotFoundError);
  EXPECT_TRUE(answered.empty());

  const Survey done = ws.surveys().record_answer(survey.token, 4, "Technicien en retard", clock->now() - 1h);
  EXPECT_EQ(done.state, SurveyState::answered);
  EXPECT_EQ(done.score, 4);
  EXPECT_EQ(done.comment, "Technicien en retard");
  EXPECT_EQ(done.answered_at, clock->now() - 1h);
  ASSERT_EQ(answered.size(), 1u);
  EXPECT_EQ(answered[0].entity_id, survey.id.to_string());

  // The same answer again (by ticket number, by id) changes nothing; another
  // one is refused.
  EXPECT_EQ(ws.surveys().record_answer(ticket.number, 4, "Technicien en retard").version, done.version);
  EXPECT_EQ(ws.surveys().record_answer(survey.id.to_string(), 4, "Technicien en retard").version, done.version);
  EXPECT_THROW(ws.surveys().record_answer(survey.token, 9), ConflictError);
  EXPECT_EQ(ws.surveys().get(survey.id).score, 4);
  EXPECT_EQ(answered.size(), 1u);
  // An answered survey is not relaunched.
  clock->set(clock->now() + days(30));
  EXPECT_TRUE(ws.surveys().to_relaunch(clock->now()).empty());
}

TEST_P(SurveyTest, SettingsRefuseBadInputAndStaleVersions) {
  auto ws = open_ws();
  SurveySettings settings = ws.surveys().settings();
  EXPECT_EQ(settings.version, 0);
  EXPECT_FALSE(settings.body_template.empty());
  // Not configured: nothing can be sent.
  EXPECT_TRUE(has_field(field_errors_of([&] { ws.surveys().send_due(clock->now()); }), "url_template"));

  SurveySettings bad = settings;
  bad.url_template = "https://avis.duret-elec.fr/q";
  bad.relaunch_delay_days = -3;
  bad.max_relaunches = 11;
  bad.body_template = "Merci !";
  bad.mailbox = "nowhere";
  auto errors = field_errors_of([&] { ws.surveys().configure(bad); });
  EXPECT_TRUE(has_error(errors, "url_template", "https://avis.duret-elec.fr/q"));
  EXPECT_TRUE(has_error(errors, "relaunch_delay_days", "-3"));
  EXPECT_TRUE(has_error(errors, "max_relaunches", "11"));
  EXPECT_TRUE(has_field(errors, "body_template"));
  bad = settings;
  bad.url_template = "https://avis.duret-elec.fr/q/{token}";
  bad.mailbox = "nowhere";
  EXPECT_TRUE(has_error(field_errors_of([&] { ws.surveys().configure(bad); }), "mailbox", "nowhere"));
  EXPECT_EQ(ws.surveys().settings().version, 0);  // nothing written

  const SurveySettings stored = configure(ws);
  EXPECT_EQ(stored.version, 1);
  EXPECT_EQ(stored.resolved_since, clock->now());
  EXPECT_THROW(ws.surveys().configure(settings), ConflictError);  // read at version 0
  EXPECT_EQ(ws.history("survey_settings", "surveys").back().action, "configure");

  ws.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  auto marie = open_ws("marie");
  EXPECT_THROW(marie.surveys().configure(stored), PermissionDeniedError);
}

TEST_P(SurveyTest, ACsvOfAnswersAppliesValidRowsReportsBadOnesAndIsIdempotent) {
  auto ws = open_ws();
  configure(ws);
  const Uuid durand = customer(ws);
  const Ticket first = resolved_ticket(ws, durand, "Tableau");
  const Ticket second = resolved_ticket(ws, durand, "Prise");
  const Ticket third = resolved_ticket(ws, durand, "Éclairage");
  ws.surveys().send_due(clock->now());
  const Survey a = ws.surveys().find(first.number);
  const Survey c = ws.surveys().find(third.number);

  const std::string csv =
      "Jeton;Ticket;Note;Commentaire;Date\n" +
      a.token + ";;9;Très bien;21/11/2026 10:30\n" +
      ";" + second.number + ";11;Trop cher;21/11/2026\n" +
      "ffffffffffffffffffffffffffffffff;;7;;\n" +
      c.token + ";;5;Pas rappelé;2026-11-21\n" +
      c.token + ";;dix;;\n";
  SurveyImportReport report = ws.surveys().import_answers(csv);
  EXPECT_EQ(report.rows, 5u);
  EXPECT_EQ(report.answered, 2u);
  EXPECT_EQ(report.unchanged, 0u);
  EXPECT_EQ(report.rejected, 3u);
  ASSERT_EQ(report.rejections.size(), 3u);
  EXPECT_EQ(report.rejections[0].row, 2u);
  EXPECT_NE(report.rejections[0].reason.find("line 3"), std::string::npos) << report.rejections[0].reason;
  EXPECT_NE(report.rejections[0].reason.find("score"), std::string::npos);
  EXPECT_NE(report.rejections[0].reason.find("\"11\""), std::string::npos);
  EXPECT_EQ(report.rejections[1].row, 3u);
  EXPECT_NE(report.rejections[1].reason.find("ffffffff"), std::string::npos) << report.rejections[1].reason;
  EXPECT_EQ(report.rejections[2].row, 5u);
  EXPECT_NE(report.rejections[2].reason.find("\"dix\""), std::string::npos) << report.rejections[2].reason;

  const Survey answered = ws.surveys().get(a.id);
  EXPECT_EQ(answered.score, 9);
  EXPECT_EQ(answered.comment, "Très bien");
  EXPECT_EQ(answered.answered_at, utc(2026y / November / 21, 9h, 30min));  // 10:30 in Paris
  EXPECT_EQ(ws.surveys().find(second.number).state, SurveyState::sent);

  report = ws.surveys().import_answers(csv);
  EXPECT_EQ(report.answered, 0u);
  EXPECT_EQ(report.unchanged, 2u);
  EXPECT_EQ(report.rejected, 3u);

  // A file without a score column is refused whole.
  EXPECT_TRUE(has_field(field_errors_of([&] { ws.surveys().import_answers("token;comment\nabc;ok\n"); }), "score"));
}

TEST_P(SurveyTest, FiguresCountResponsesScoresAndTheDetractorsToCallBack) {
  auto ws = open_ws();
  configure(ws);
  const Timestamp start = clock->now();
  const Uuid durand = customer(ws);
  std::vector<Ticket> tickets;
  for (int i = 0; i < 5; ++i) tickets.push_back(resolved_ticket(ws, durand, "Demande " + std::to_string(i)));
  ws.surveys().send_due(clock->now());
  ws.surveys().record_answer(tickets[0].number, 10);
  ws.surveys().record_answer(tickets[1].number, 9);
  ws.surveys().record_answer(tickets[2].number, 7);
  ws.surveys().record_answer(tickets[3].number, 3, "Chantier sale");

  const SurveyFigures figures = ws.surveys().figures(start, clock->now() + 1h);
  EXPECT_EQ(figures.sent, 5);
  EXPECT_EQ(figures.answered, 4);
  EXPECT_DOUBLE_EQ(figures.response_rate, 0.8);
  ASSERT_TRUE(figures.average_score);
  EXPECT_DOUBLE_EQ(*figures.average_score, 7.25);
  EXPECT_EQ(figures.promoters, 2);
  EXPECT_EQ(figures.passives, 1);
  EXPECT_EQ(figures.detractors, 1);
  ASSERT_TRUE(figures.nps);
  EXPECT_DOUBLE_EQ(*figures.nps, 25.0);
  ASSERT_EQ(figures.to_call_back.size(), 1u);
  EXPECT_EQ(figures.to_call_back[0].ticket, tickets[3].number);
  EXPECT_EQ(figures.to_call_back[0].customer_name, "Électricité Durand SARL");
  EXPECT_EQ(figures.to_call_back[0].score, 3);
  EXPECT_EQ(figures.to_call_back[0].comment, "Chantier sale");

  const SurveyFigures empty = ws.surveys().figures(start - days(30), start);
  EXPECT_EQ(empty.sent, 0);
  EXPECT_FALSE(empty.average_score);
  EXPECT_FALSE(empty.nps);
  EXPECT_TRUE(has_field(field_errors_of([&] { ws.surveys().figures(start, start); }), "to"));

  // The customer 360° view shows the surveys.
  const CustomerView view = ws.desk().customer_view(durand);
  ASSERT_TRUE(view.parts.contains("surveys"));
  EXPECT_EQ(view.parts.at("surveys").counts.at("surveys"), 5);
  EXPECT_EQ(view.parts.at("surveys").items.size(), 5u);
}

TEST_P(SurveyTest, AFollowUpRuleCanWatchSurveysForDetractors) {
  auto ws = open_ws();
  configure(ws);
  const auto kinds = reminder_target_kinds();
  const auto survey_kind = std::find_if(kinds.begin(), kinds.end(), [](const auto& kind) { return kind.kind == "survey"; });
  ASSERT_NE(survey_kind, kinds.end());
  EXPECT_NE(std::find(survey_kind->events.begin(), survey_kind->events.end(), "SurveyAnswered"), survey_kind->events.end());

  FollowUpRule rule;
  rule.name = "surveys.detractor_callback";
  rule.target_kind = "survey";
  rule.triggers = {EventMatch{"SurveyAnswered", "detractor", {"true"}, ""}};
  rule.unit = DelayUnit::working_days;
  rule.steps = {EscalationStep{1, "Rappeler le client mécontent", ""}};
  ws.reminders().create_rule(rule);

  const Uuid durand = customer(ws);
  const Ticket happy = resolved_ticket(ws, durand, "Tableau");
  const Ticket unhappy = resolved_ticket(ws, durand, "Prise");
  ws.surveys().send_due(clock->now());
  ws.reminders().tick(clock->now());
  ws.surveys().record_answer(happy.number, 10);
  const Survey survey = ws.surveys().record_answer(unhappy.number, 2, "Jamais venu");
  ws.reminders().tick(clock->now());

  ReminderQuery query;
  query.limit = 500;
  std::vector<Reminder> callbacks;
  for (const auto& reminder : ws.reminders().list(query).reminders) {
    if (reminder.rule == "surveys.detractor_callback") callbacks.push_back(reminder);
  }
  ASSERT_EQ(callbacks.size(), 1u);
  EXPECT_EQ(callbacks[0].target, (ReminderTarget{"survey", survey.id.to_string()}));
}

TEST_P(SurveyTest, ACancelledSurveyIsNotRelaunched) {
  auto ws = open_ws();
  configure(ws);
  resolved_ticket(ws, customer(ws));
  Survey survey = ws.surveys().send_due(clock->now()).sent.at(0);
  survey = ws.surveys().cancel(survey.id, survey.version);
  EXPECT_EQ(survey.state, SurveyState::cancelled);
  EXPECT_TRUE(has_field(field_errors_of([&] { ws.surveys().cancel(survey.id, survey.version); }), "state"));
  clock->set(clock->now() + days(8));
  EXPECT_TRUE(ws.surveys().to_relaunch(clock->now()).empty());
  SurveyQuery query;
  query.states = {SurveyState::cancelled};
  EXPECT_EQ(ws.surveys().list(query).surveys.size(), 1u);
}
