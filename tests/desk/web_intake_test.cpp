// The web-form intake on both engines: a request becomes a ticket whose
// customer is matched (sure), created beside a probable twin, or created;
// bad requests are refused whole.
#include "support/workspace_fixture.h"

#include <relais/desk/desk_service.h>

#include <algorithm>
#include <optional>

using namespace relais;
using namespace std::chrono_literals;

class WebIntakeTest : public relais::testing::WorkspaceTest {
 protected:
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(std::chrono::sys_days{2026y / 11 / 24} + 8h);
  std::optional<Workspace> workspace;

  void SetUp() override {
    WorkspaceTest::SetUp();
    workspace = open({.clock = clock});
  }
  Workspace& ws() { return *workspace; }

  static WebRequest request() {
    WebRequest request;
    request.name = "Hélène Martin";
    request.phone = "06 12 34 56 78";
    request.email = "helene.martin@example.fr";
    request.street = "3 rue des Lilas";
    request.postcode = "35000";
    request.city = "Rennes";
    request.kind = TicketKind::breakdown;
    request.message = "Le disjoncteur saute\nsurtout quand le four chauffe.";
    request.consent = true;
    request.consent_version = "2026-01";
    return request;
  }

  Customer existing_helene(std::vector<std::string> emails = {"helene.martin@example.fr"}) {
    CustomerDraft draft;
    draft.name = "Hélène Martin";
    draft.phones = {"0612345678"};
    draft.emails = std::move(emails);
    draft.sites = {Site{.street = "8 avenue Janvier", .postcode = "35700", .city = "Rennes"}};
    return ws().customers().create(draft);
  }

  std::string change_of(const JournalEntry& entry, std::string_view field) {
    for (const auto& change : entry.changes) {
      if (change.field == field) return change.after;
    }
    return {};
  }
};
RELAIS_INSTANTIATE_FOR_ENGINES(WebIntakeTest);

TEST_P(WebIntakeTest, NewPersonBecomesCustomerTicketAndNoteInOneGo) {
  std::vector<std::string> types;
  auto subscription = ws().subscribe([&](const Event& event) { types.push_back(event.type); });
  WebRequestResult result = ws().desk().submit_web_request(request());

  EXPECT_EQ(result.matched, WebRequestMatch::created);
  EXPECT_EQ(result.customer.kind, CustomerKind::person);
  EXPECT_EQ(result.customer.phones, std::vector<std::string>{"+33612345678"});
  ASSERT_EQ(result.customer.sites.size(), 1u);
  EXPECT_TRUE(result.customer.sites[0].work_site);
  const Ticket& ticket = result.ticket;
  EXPECT_EQ(ticket.number, "T-2026-000001");
  EXPECT_EQ(ticket.source, TicketSource::web_form);
  EXPECT_EQ(ticket.kind, TicketKind::breakdown);
  EXPECT_EQ(ticket.status, TicketStatus::new_);
  EXPECT_EQ(ticket.subject, "Le disjoncteur saute");
  EXPECT_EQ(ticket.description, request().message);
  EXPECT_EQ(ticket.site, result.customer.sites[0].id);
  EXPECT_EQ(ws().desk().get_ticket(ticket.id), ticket);

  auto timeline = ws().desk().timeline(result.customer.id).interactions;
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].kind, InteractionKind::note);
  EXPECT_EQ(timeline[0].direction, Direction::inbound);
  EXPECT_EQ(timeline[0].ticket, ticket.id);
  EXPECT_EQ(types, (std::vector<std::string>{"CustomerCreated", "TicketOpened", "NoteLogged", "WebRequestReceived"}));

  auto proof = ws().history("web_request", ticket.id.to_string());
  ASSERT_EQ(proof.size(), 1u);
  EXPECT_EQ(change_of(proof[0], "consent_version"), "\"2026-01\"");
  EXPECT_EQ(change_of(proof[0], "consent_at"), "\"" + format_timestamp(clock->now()) + "\"");
  EXPECT_EQ(change_of(proof[0], "matched"), "\"created\"");
  EXPECT_EQ(change_of(proof[0], "ticket"), "\"T-2026-000001\"");
}

TEST_P(WebIntakeTest, SureMatchIsTheExistingCustomerWhoGainsTheNewAddressOnce) {
  Customer helene = existing_helene();
  WebRequestResult first = ws().desk().submit_web_request(request());
  EXPECT_EQ(first.matched, WebRequestMatch::sure);
  EXPECT_EQ(first.customer.id, helene.id);
  ASSERT_EQ(first.customer.sites.size(), 2u);
  EXPECT_EQ(first.customer.version, helene.version + 1);
  EXPECT_EQ(first.ticket.site, first.customer.sites[1].id);

  WebRequest again = request();
  again.street = "3, rue des lilas";  // the same place, typed otherwise
  WebRequestResult second = ws().desk().submit_web_request(again);
  EXPECT_EQ(second.customer.version, first.customer.version);
  EXPECT_EQ(second.ticket.site, first.ticket.site);
  EXPECT_EQ(second.ticket.number, "T-2026-000002");
  EXPECT_EQ(ws().customers().list().items.size(), 1u);
}

TEST_P(WebIntakeTest, ProbableMatchCreatesTheCustomerAndQueuesThePairForReview) {
  Customer helene = existing_helene({});
  WebRequest same_name_and_phone = request();
  WebRequestResult result = ws().desk().submit_web_request(same_name_and_phone);
  EXPECT_EQ(result.matched, WebRequestMatch::probable);
  EXPECT_NE(result.customer.id, helene.id);
  auto queue = ws().customers().duplicate_queue().items;
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(std::min(queue[0].a, queue[0].b), std::min(helene.id, result.customer.id));
  EXPECT_EQ(std::max(queue[0].a, queue[0].b), std::max(helene.id, result.customer.id));
}

TEST_P(WebIntakeTest, EveryBadFieldIsReportedAtOnceAndNothingIsWritten) {
  const auto head = ws().journal_head();
  WebRequest bad;
  bad.name = " ";
  bad.phone = "12 34";
  bad.postcode = "3500";
  bad.kind = TicketKind::technician_request;
  bad.honeypot = "http://spam.example";
  try {
    ws().desk().submit_web_request(bad);
    FAIL() << "expected InvalidInputError";
  } catch (const InvalidInputError& error) {
    std::vector<std::string> fields;
    for (const auto& field_error : error.field_errors()) fields.push_back(field_error.field);
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{"city", "consent", "consent_version", "honeypot", "kind", "message",
                                                "name", "phone", "postcode", "street"}));
  }
  EXPECT_EQ(ws().journal_head(), head);
  EXPECT_TRUE(ws().customers().list().items.empty());
  EXPECT_TRUE(ws().desk().tickets().tickets.empty());
}

TEST_P(WebIntakeTest, AnEmailAloneIsEnoughToAnswerAndTheAddressIsOptional) {
  WebRequest request;
  request.name = "Yann Le Bihan";
  request.email = "yann@example.fr";
  request.message = "Pouvez-vous me faire un devis pour une borne de recharge ?";
  request.kind = TicketKind::quote_request;
  request.consent = true;
  request.consent_version = "2026-01";
  WebRequestResult result = ws().desk().submit_web_request(request);
  EXPECT_TRUE(result.customer.sites.empty());
  EXPECT_FALSE(result.ticket.site);

  request.email.clear();
  try {
    ws().desk().submit_web_request(request);
    FAIL() << "expected InvalidInputError";
  } catch (const InvalidInputError& error) {
    ASSERT_EQ(error.field_errors().size(), 1u);
    EXPECT_EQ(error.field_errors()[0].field, "phone");
  }
}

TEST_P(WebIntakeTest, ALongFirstLineIsCutOnACharacterBoundaryForTheSubject) {
  WebRequest long_line = request();
  long_line.message = std::string(116, 'a') + "é" + std::string(50, 'b');
  WebRequestResult result = ws().desk().submit_web_request(long_line);
  EXPECT_EQ(result.ticket.subject, std::string(116, 'a') + "\u2026");
  EXPECT_EQ(result.ticket.description, long_line.message);
}

TEST(WebIntakeRequestTest, AFilledHoneypotIsSpam) {
  WebRequest request;
  EXPECT_FALSE(request.is_spam());
  request.honeypot = "x";
  EXPECT_TRUE(request.is_spam());
}
