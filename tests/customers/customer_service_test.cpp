// Customer records through the public API, on both engines.
#include "support/field_errors.h"
#include "support/workspace_fixture.h"

#include <relais/errors.h>

using namespace relais;
using relais::testing::field_errors_of;
using relais::testing::sample_company;

class CustomerServiceTest : public relais::testing::WorkspaceTest {};
RELAIS_INSTANTIATE_FOR_ENGINES(CustomerServiceTest);

namespace {

std::size_t count_customers(Workspace& ws) {
  return ws.customers().list({.include_archived = true, .limit = 500}).items.size();
}

}  // namespace

TEST_P(CustomerServiceTest, CreateNormalizesAndGetReturnsTheSameRecord) {
  auto ws = open();
  Customer created = ws.customers().create(sample_company());
  EXPECT_EQ(created.version, 1);
  EXPECT_EQ(created.id.version(), 7);
  EXPECT_EQ(created.phones, std::vector<std::string>{"+33299123456"});
  EXPECT_EQ(created.siret, "73282932000074");
  ASSERT_EQ(created.contacts.size(), 1u);
  EXPECT_FALSE(created.contacts[0].id.is_nil());
  EXPECT_EQ(created.contacts[0].phones, std::vector<std::string>{"+33612345678"});
  EXPECT_EQ(created.contacts[0].emails, std::vector<std::string>{"Sophie.Durand@durand-elec.fr"});
  EXPECT_EQ(ws.customers().get(created.id), created);
}

TEST_P(CustomerServiceTest, UpdateWithCurrentVersionChangesOnlyGivenFields) {
  auto ws = open();
  Customer created = ws.customers().create(sample_company());
  CustomerChanges changes;
  changes.name = "Durand Électricité";
  changes.tags = std::vector<std::string>{"professionnel", "maintenance"};
  Customer updated = ws.customers().update(created.id, created.version, changes);
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(updated.name, "Durand Électricité");
  EXPECT_EQ(updated.contacts, created.contacts);
  EXPECT_EQ(ws.customers().get(created.id), updated);
}

TEST_P(CustomerServiceTest, StaleUpdateIsAConflictAndWritesNothing) {
  auto ws = open();
  Customer created = ws.customers().create(sample_company());
  CustomerChanges first;
  first.notes = "Rappeler jeudi";
  ws.customers().update(created.id, 1, first);
  CustomerChanges stale;
  stale.notes = "overwritten?";
  EXPECT_THROW(ws.customers().update(created.id, 1, stale), ConflictError);
  EXPECT_EQ(ws.customers().get(created.id).notes, "Rappeler jeudi");
}

TEST_P(CustomerServiceTest, ConcurrentSessionsCannotSilentlyOverwrite) {
  auto marie = open();
  auto other = open();
  Customer created = marie.customers().create(sample_company());
  Customer seen_by_other = other.customers().get(created.id);
  CustomerChanges changes;
  changes.name = "Marie's edit";
  marie.customers().update(created.id, created.version, changes);
  changes.name = "Other's edit";
  EXPECT_THROW(other.customers().update(created.id, seen_by_other.version, changes), ConflictError);
}

TEST_P(CustomerServiceTest, UnknownIdIsNotFound) {
  auto ws = open();
  Uuid missing = Uuid::generate(SystemClock{});
  EXPECT_THROW(ws.customers().get(missing), NotFoundError);
  EXPECT_THROW(ws.customers().update(missing, 1, {}), NotFoundError);
}

TEST_P(CustomerServiceTest, BadInputNamesEveryFieldAndStoresNothing) {
  auto ws = open();
  CustomerDraft draft;
  draft.name = "";
  draft.phones = {"06 12 34"};
  draft.emails = {"not-an-email"};
  draft.siret = "73282932000075";
  auto errors = field_errors_of([&] { ws.customers().create(draft); });
  std::vector<std::string> fields;
  for (const auto& error : errors) fields.push_back(error.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "phones[0]", "emails[0]", "siret"}));
  EXPECT_EQ(errors[1].value, "06 12 34");
  EXPECT_EQ(count_customers(ws), 0u);
  EXPECT_EQ(ws.journal_head().sequence, 1);  // only the first admin
}

TEST_P(CustomerServiceTest, HugeNameIsRejectedWithAReadableValue) {
  auto ws = open();
  CustomerDraft draft;
  draft.name = std::string(10 * 1024 * 1024, 'x');
  auto errors = field_errors_of([&] { ws.customers().create(draft); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "name");
  EXPECT_LT(errors[0].value.size(), 120u);
  EXPECT_EQ(count_customers(ws), 0u);
}

TEST_P(CustomerServiceTest, BadUpdateLeavesTheStoredRecordIntact) {
  auto ws = open();
  Customer created = ws.customers().create(sample_company());
  CustomerChanges changes;
  changes.name = "New name";
  changes.contacts = std::vector<Contact>{Contact{.name = "X", .phones = {"12"}}};
  auto errors = field_errors_of([&] { ws.customers().update(created.id, 1, changes); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "contacts[0].phones[0]");
  EXPECT_EQ(ws.customers().get(created.id), created);
}

TEST_P(CustomerServiceTest, LookupFindsPhoneInAnyWritingOnCustomerOrContact) {
  auto ws = open();
  Customer created = ws.customers().create(sample_company());
  for (std::string phone : {"06 12 34 56 78", "+33 (0)6 12 34 56 78", "0033612345678", "06-12-34-56-78"}) {
    auto found = ws.customers().lookup_phone(phone);
    ASSERT_EQ(found.size(), 1u) << phone;
    EXPECT_EQ(found[0].id, created.id);
  }
  EXPECT_EQ(ws.customers().lookup_phone("02.99.12.34.56").size(), 1u);
  EXPECT_TRUE(ws.customers().lookup_phone("07 00 00 00 00").empty());
  EXPECT_THROW(ws.customers().lookup_phone("06 12 34"), InvalidInputError);
}

TEST_P(CustomerServiceTest, LookupFindsEmailIgnoringDomainCase) {
  auto ws = open();
  Customer created = ws.customers().create(sample_company());
  EXPECT_EQ(ws.customers().lookup_email("contact@DURAND-ELEC.fr").at(0).id, created.id);
  EXPECT_EQ(ws.customers().lookup_email("Sophie.Durand@durand-elec.fr").at(0).id, created.id);
}

TEST_P(CustomerServiceTest, ArchivedCustomersLeaveTheDefaultListing) {
  auto ws = open();
  Customer created = ws.customers().create(sample_company());
  Customer archived = ws.customers().archive(created.id, created.version);
  EXPECT_TRUE(archived.archived_at.has_value());
  EXPECT_TRUE(ws.customers().list().items.empty());
  EXPECT_EQ(ws.customers().list({.include_archived = true}).items.size(), 1u);
  EXPECT_THROW(ws.customers().archive(created.id, archived.version), ConflictError);
}

TEST_P(CustomerServiceTest, ListingPagesThroughEveryCustomerInNameOrder) {
  auto ws = open();
  for (int i = 0; i < 23; ++i) {
    CustomerDraft draft;
    draft.name = "Client " + std::string(1, static_cast<char>('A' + (i * 7) % 23));
    if (i % 2) draft.tags = {"maintenance"};
    ws.customers().create(draft);
  }
  std::vector<std::string> names;
  CustomerQuery query{.limit = 5};
  for (;;) {
    auto page = ws.customers().list(query);
    for (const auto& customer : page.items) names.push_back(customer.name);
    if (page.next_cursor.empty()) break;
    query.after = page.next_cursor;
  }
  EXPECT_EQ(names.size(), 23u);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(ws.customers().list({.tag = "maintenance", .limit = 100}).items.size(), 11u);
  EXPECT_THROW(ws.customers().list({.limit = 0}), InvalidInputError);
  EXPECT_THROW(ws.customers().list({.after = "garbage"}), InvalidInputError);
}

TEST_P(CustomerServiceTest, ExternalIdBelongsToOneCustomerOnly) {
  auto ws = open();
  ws.customers().create(sample_company());
  auto second = sample_company("Autre client");
  EXPECT_THROW(ws.customers().create(second), ConflictError);
  EXPECT_EQ(count_customers(ws), 1u);
}

TEST_P(CustomerServiceTest, HistoryShowsEveryChangeWithBeforeAndAfter) {
  auto ws = open();
  Customer created = ws.customers().create(sample_company());
  CustomerChanges changes;
  changes.name = "Durand & Fils";
  ws.customers().update(created.id, created.version, changes);
  auto history = ws.customers().history(created.id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].action, "create");
  EXPECT_EQ(history[0].actor, "admin");
  EXPECT_EQ(history[1].action, "update");
  ASSERT_EQ(history[1].changes.size(), 1u);
  EXPECT_EQ(history[1].changes[0], (FieldChange{"name", "\"Électricité Durand SARL\"", "\"Durand & Fils\""}));
}
