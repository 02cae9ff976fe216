// The office's old follow-up sheet brought into the desk, on both engines:
// the shipped Windows-1252 sheet, each row a ticket and a note on its
// customer, tables mapping the sheet's words, rejections with row and
// reason, and re-imports as the sheet grows.
#include "support/workspace_fixture.h"

#include <relais/desk/desk_service.h>

#include <map>
#include <optional>

using namespace relais;
using namespace std::chrono_literals;

namespace {

const std::string kData = RELAIS_EXAMPLES_DATA_DIR;
const std::string kSheet = kData + "/suivi-demandes.csv";
const std::string kProfile = kData + "/suivi-demandes.profile.json";

// The minimal profile of the tests that write their own sheet.
const std::string kSmallProfile = R"({"name": "t", "system": "t", "row_key": "N",
  "date": {"column": "Date", "format": "dd/mm/yyyy"},
  "customer": {"name": "Client", "phones": "Tel"}, "subject": "Demande"})";

}  // namespace

class FollowUpImportTest : public relais::testing::WorkspaceTest {
 protected:
  // 24 November 2026, noon in Paris.
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(std::chrono::sys_days{2026y / 11 / 24} + 11h);
  std::optional<Workspace> session;  // opened once the test database exists
  std::map<std::string, Customer> customers;

  Workspace& ws() { return *session; }

  void add(CustomerDraft draft) {
    std::string name = draft.name;
    customers[name] = ws().customers().create(draft, {.allow_duplicates = true});
  }

  void SetUp() override {
    WorkspaceTest::SetUp();
    session = open({.clock = clock});
    ws().users().create({.login = "marie", .display_name = "Marie Le Goff", .role = Role::assistant});
    ws().users().create({.login = "gaetan", .display_name = "Gaëtan Riou", .role = Role::technician});
    add({.kind = CustomerKind::person, .name = "Hélène Martin", .phones = {"06 12 34 56 78"}});
    add({.kind = CustomerKind::company, .name = "EHPAD Les Tilleuls", .phones = {"02 99 74 52 10"}});
    CustomerDraft agency{.kind = CustomerKind::company, .name = "Cabinet Le Gall Immobilier",
                         .phones = {"02.99.79.31.64"}};
    agency.contacts = {Contact{.name = "Sophie Le Gall", .phones = {"07 81 56 02 49"}}};
    add(agency);
    add({.kind = CustomerKind::company, .name = "Boulangerie Kerhervé", .phones = {"02 97 47 18 26"}});
    add({.kind = CustomerKind::person, .name = "Yves Le Floch", .phones = {"02 98 44 12 57", "07 86 31 22 09"}});
    add({.kind = CustomerKind::company, .name = "Pharmacie Saint-Germain", .phones = {"01 43 26 48 15"}});
    add({.kind = CustomerKind::person, .name = "Chloé Nguyen", .emails = {"chloe.nguyen@example.org"}});
    add({.kind = CustomerKind::company, .name = "Garage Lemoine Automobiles", .phones = {"02 99 31 45 67"}});
    add({.kind = CustomerKind::company, .name = "Menuiserie Pichon & Fils", .phones = {"02 99 94 21 37"}});
  }

  // The customer's one imported ticket.
  Ticket ticket_of(const std::string& name) {
    TicketQuery query;
    query.customer = customers.at(name).id;
    query.statuses = {TicketStatus::new_, TicketStatus::open, TicketStatus::waiting_customer,
                      TicketStatus::waiting_internal, TicketStatus::scheduled, TicketStatus::resolved,
                      TicketStatus::closed};
    auto page = ws().desk().tickets(query);
    EXPECT_EQ(page.tickets.size(), 1u) << name;
    return page.tickets.at(0);
  }
};
RELAIS_INSTANTIATE_FOR_ENGINES(FollowUpImportTest);

TEST_P(FollowUpImportTest, TheShippedSheetBecomesTicketsAndNotes) {
  FollowUpReport report = ws().desk().import_follow_up_file(kSheet, kProfile);
  EXPECT_EQ(report.system, "suivi-excel");
  EXPECT_EQ(report.charset, "WINDOWS-1252");
  EXPECT_EQ(report.rows, 11u);
  EXPECT_EQ(report.imported, 8u);
  EXPECT_EQ(report.already_imported, 0u);
  EXPECT_EQ(report.rejected, 3u);
  EXPECT_EQ(report.rows, report.imported + report.already_imported + report.rejected);

  Ticket quote = ticket_of("Hélène Martin");
  EXPECT_EQ(quote.kind, TicketKind::quote_request);
  EXPECT_EQ(quote.status, TicketStatus::waiting_customer);
  EXPECT_EQ(quote.source, TicketSource::phone);
  EXPECT_EQ(quote.assignee, "marie");
  EXPECT_EQ(quote.subject, "Devis remplacement tableau électrique");
  EXPECT_EQ(quote.description, "Devis envoyé le 05/10, relancer mi-novembre");
  EXPECT_EQ(quote.number.rfind("T-2026-", 0), 0u);

  // The request on the customer's timeline, at the sheet's date, linked to
  // its ticket.
  auto timeline = ws().desk().timeline(customers.at("Hélène Martin").id).interactions;
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].kind, InteractionKind::note);
  EXPECT_EQ(timeline[0].ticket, quote.id);
  EXPECT_EQ(timeline[0].subject, quote.subject);
  EXPECT_EQ(timeline[0].occurred_at, std::chrono::sys_days{2026y / 10 / 1} + 22h);  // 2 Oct, 00:00 in Paris
}

TEST_P(FollowUpImportTest, TheProfilesTablesMapTheSheetsWords) {
  ws().desk().import_follow_up_file(kSheet, kProfile);
  Ticket breakdown = ticket_of("EHPAD Les Tilleuls");
  EXPECT_EQ(breakdown.kind, TicketKind::breakdown);
  EXPECT_EQ(breakdown.status, TicketStatus::resolved);
  EXPECT_EQ(breakdown.priority, TicketPriority::urgent);
  EXPECT_EQ(breakdown.assignee, "gaetan");
  EXPECT_TRUE(breakdown.resolved_at);
  Ticket closed = ticket_of("Yves Le Floch");
  EXPECT_EQ(closed.kind, TicketKind::administrative);
  EXPECT_EQ(closed.source, TicketSource::email);
  EXPECT_TRUE(closed.closed_at);
  Ticket request = ticket_of("Pharmacie Saint-Germain");
  EXPECT_EQ(request.kind, TicketKind::technician_request);
  EXPECT_EQ(request.source, TicketSource::technician);
  EXPECT_EQ(request.stage, TechnicianStage::quote_to_prepare);
  EXPECT_EQ(request.description, "Vu par Gaëtan sur place : 6 spots\n+ bandeau LED 4 m");
  // Found by the contact's mobile, by email; empty cells take the defaults.
  EXPECT_EQ(ticket_of("Cabinet Le Gall Immobilier").kind, TicketKind::maintenance_appointment);
  Ticket visit = ticket_of("Chloé Nguyen");
  EXPECT_EQ(visit.status, TicketStatus::new_);
  EXPECT_EQ(visit.priority, TicketPriority::normal);
  EXPECT_EQ(visit.assignee, "");
}

TEST_P(FollowUpImportTest, MalformedRowsAreRejectedWithTheirRowAndReason) {
  FollowUpReport report = ws().desk().import_follow_up_file(kSheet, kProfile);
  ASSERT_EQ(report.rejections.size(), 3u);
  const auto expect = [&](std::size_t i, std::size_t row, const std::string& text) {
    EXPECT_EQ(report.rejections[i].row, row);
    EXPECT_NE(report.rejections[i].reason.find(text), std::string::npos) << report.rejections[i].reason;
  };
  // Row 6 spans lines 7 and 8 (a line break in Remarques).
  expect(0, 7, "line 9: customer = \"Mme Ropars, 06 71 42 90 13\": no customer has this phone or email");
  expect(1, 8, "line 10: column \"Date\" (date) = \"31/11/2026\": not a date written dd/mm/yyyy");
  expect(2, 9, "line 11: column \"État\" (status) = \"À voir\": not in status.values");
  EXPECT_EQ(ws().desk().tickets().tickets.size(), 7u);  // the 8 imported but the closed one
}

TEST_P(FollowUpImportTest, ImportingTheGrownSheetAgainOnlyAddsTheNewRows) {
  ws().desk().import_follow_up_file(kSheet, kProfile);
  const auto head = ws().journal_head();
  FollowUpReport again = ws().desk().import_follow_up_file(kSheet, kProfile);
  EXPECT_EQ(again.imported, 0u);
  EXPECT_EQ(again.already_imported, 8u);
  EXPECT_EQ(again.rejected, 3u);
  EXPECT_EQ(ws().journal_head(), head);

  const std::string grown = "N;Date;Client;Tel;Demande\r\n"
                            "S-0142;02/10/2026;Hélène Martin;0612345678;Devis remplacement tableau électrique\r\n"
                            "S-0170;23/11/2026;Hélène Martin;0612345678;Prise extérieure à poser\r\n";
  FollowUpReport report = ws().desk().import_follow_up(grown, R"({"name": "t", "system": "suivi-excel",
    "row_key": "N", "date": {"column": "Date", "format": "dd/mm/yyyy"},
    "customer": {"name": "Client", "phones": "Tel"}, "subject": "Demande"})");
  EXPECT_EQ(report.already_imported, 1u);
  EXPECT_EQ(report.imported, 1u);
}

TEST_P(FollowUpImportTest, TheNameTellsApartCustomersSharingANumber) {
  add({.kind = CustomerKind::person, .name = "Jean Martin", .phones = {"06 12 34 56 78"}});
  const std::string sheet = "N;Date;Client;Tel;Demande\r\n"
                            "1;20/11/2026;MARTIN Jean;06 12 34 56 78;Devis VMC\r\n"
                            "2;20/11/2026;Mme Martin;06 12 34 56 78;Devis tableau\r\n"
                            "3;20/11/2026;Jean Martin;;Devis portail\r\n"
                            "4;20/11/2026;Jean Martin;06 12 34;Devis portail\r\n";
  FollowUpReport report = ws().desk().import_follow_up(sheet, kSmallProfile);
  EXPECT_EQ(report.imported, 1u);
  EXPECT_EQ(ticket_of("Jean Martin").subject, "Devis VMC");
  ASSERT_EQ(report.rejections.size(), 3u);
  // "Mme Martin" is neither's name key: both stay candidates.
  EXPECT_NE(report.rejections[0].reason.find("matches 2 customers: Hélène Martin (" +
                                             customers.at("Hélène Martin").id.to_string() + "), Jean Martin ("),
            std::string::npos)
      << report.rejections[0].reason;
  EXPECT_NE(report.rejections[1].reason.find("no customer has this phone or email"), std::string::npos)
      << report.rejections[1].reason;
  EXPECT_NE(report.rejections[2].reason.find("column \"Tel\" (customer.phones) = \"06 12 34\""), std::string::npos)
      << report.rejections[2].reason;
}

TEST_P(FollowUpImportTest, ProfileErrorsNameTheKeyAndWriteNothing) {
  const std::string sheet = "N;Date;Client;Tel;Demande\r\n1;20/11/2026;Hélène Martin;0612345678;Devis\r\n";
  auto key_of = [&](const std::string& profile) {
    try {
      ws().desk().import_follow_up(sheet, profile);
    } catch (const InvalidInputError& error) {
      return error.field_errors().front().field;
    }
    return std::string("no error");
  };
  const std::string base = R"("name": "t", "system": "t", "date": {"column": "Date", "format": "dd/mm/yyyy"},
    "subject": "Demande", "customer": {"phones": "Tel"})";
  EXPECT_EQ(key_of("{" + base + "}"), "row_key");
  EXPECT_EQ(key_of(R"({"row_key": "N", )" + base + R"(, "status": {"column": "N", "values": {"Fait": "done"}}})"),
            "status.values.Fait");
  EXPECT_EQ(key_of(R"({"row_key": "N", )" + base + R"(, "kind": {"column": "N", "values": {}}})"), "kind.values");
  EXPECT_EQ(key_of(R"({"row_key": "N", )" + base + R"(, "assignee": "Client"})"), "users");
  EXPECT_EQ(key_of(R"({"row_key": "Numéro", )" + base + "}"), "row_key");
  EXPECT_EQ(key_of(R"({"row_key": "N", "name": "t", "system": "t", "date": {"column": "Date", "format": "dd/mm/yyyy"},
    "subject": "Demande", "customer": {}})"),
            "customer");
  EXPECT_TRUE(ws().desk().tickets().tickets.empty());
}
