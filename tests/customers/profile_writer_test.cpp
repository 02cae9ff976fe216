// The writing half: customers rendered with a mapping profile read back, with
// the same profile, as the same customers; quoting, charsets, dates and the
// values that cannot be written.
#include "customers/customer_rules.h"
#include "core/charset.h"
#include "customers/import/legacy_reader.h"
#include "customers/import/profile_writer.h"
#include "support/files.h"

#include <relais/errors.h>

#include <gtest/gtest.h>

#include <variant>

namespace relais::inline v1 {
// Failures print the record as JSON rather than as bytes.
void PrintTo(const Customer& customer, std::ostream* out) { *out << detail::customer_json(customer).dump(); }
}  // namespace relais::inline v1

namespace relais::detail {
namespace {

using namespace std::chrono;

// Every field target, lists spread over several columns.
const char* const full_profile = R"({
  "name": "full", "system": "erp", "external_id": "Code",
  "kind": {"column": "Type", "company_values": ["Société", "SOC"], "person_values": ["Particulier"]},
  "fields": {"name": "Nom", "phones": ["Tél 1", "Tél 2"], "emails": "Mails", "siret": "SIRET",
             "vat_number": "TVA", "notes": "Notes", "tags": ["Tag A", "Tag B"], "site.label": "Site",
             "site.street": ["Rue", "Rue 2"], "site.postcode": "CP", "site.city": "Ville", "site.country": "Pays",
             "contact.name": "Contact", "contact.role": "Rôle", "contact.phones": "Tél contact",
             "contact.emails": ["Mail contact"]},
  "dates": {"created": {"column": "Créé le", "format": "dd/mm/yyyy"}},
  "numbers": {"credit": {"column": "Encours"}},
  "extras": {"rep": "Commercial"}
})";

MappingProfile demo_profile(const std::string& name) {
  return load_profile(relais::testing::file_contents(relais::testing::demo_data(name + ".profile.json")));
}

Customer stored(const CustomerDraft& draft) {
  Customer customer = from_draft(normalize_customer(draft, *system_clock()), Customer{});
  customer.id = Uuid::generate(*system_clock());
  customer.created_at = customer.updated_at = sys_days{2024y / 3 / 5} + 10h;
  customer.version = 1;
  return customer;
}

// What a round trip can preserve: the fields, without ids or record metadata.
Customer comparable(Customer customer) {
  customer.id = Uuid{};
  customer.created_at = customer.updated_at = Timestamp{};
  customer.version = 0;
  for (auto& site : customer.sites) site.id = Uuid{};
  for (auto& contact : customer.contacts) contact.id = Uuid{};
  return customer;
}

struct ReadBack {
  std::string charset;
  std::vector<Customer> customers;
  std::vector<std::string> created;  // extras["created"] of each row
};

ReadBack read_back(const std::string& bytes, const MappingProfile& profile) {
  LegacyReader reader(bytes, profile);
  ReadBack result{reader.charset(), {}, {}};
  ReadRow row;
  while (reader.next(row)) {
    if (auto* rejected = std::get_if<RejectedRow>(&row)) {
      ADD_FAILURE() << rejected->reason;
      continue;
    }
    const auto& imported = std::get<ImportedRow>(row);
    result.customers.push_back(comparable(stored(imported.draft)));
    result.created.push_back(imported.extras.count("created") ? imported.extras.at("created") : "");
  }
  return result;
}

CustomerDraft tricky_company() {
  return {.kind = CustomerKind::company,
          .name = "Boulangerie \"Au Fournil\"; d'Émeraude",
          .phones = {"02 99 40 12 85", "06 45 23 18 90", "+44 20 7946 0958"},
          .emails = {"contact@fournil.fr", "compta@fournil.fr"},
          .siret = "732 829 320 00074",
          .vat_number = "FR44732829320",
          .sites = {Site{.label = "Chantier", .street = "2 rue du Port", .postcode = "35400", .city = "Saint-Malo",
                         .work_site = true},
                    Site{.label = "Siège", .street = "3 allée des Cœurs, Bât. B", .postcode = "22100", .city = "Dinan",
                         .country = "FR"}},
          .contacts = {Contact{.name = "François Le Dû", .role = "gérant", .phones = {"06 99 88 77 66"},
                               .emails = {"francois@fournil.fr"}}},
          .notes = "Four à sole :\nintervention avant 5 h, « urgent »",
          .tags = {"commerce", "boulangerie", "VIP"},
          .external_ids = {{"erp", "C-0042"}, {"sage", "411FOURNIL"}}};
}

CustomerDraft plain_person() {
  return {.kind = CustomerKind::person,
          .name = "Hélène Kerjean",
          .emails = {"helene.kerjean@orange.fr"},
          .sites = {Site{.street = "7 impasse des Mouettes", .postcode = "29200", .city = "Brest"}},
          .external_ids = {{"erp", "C-0043"}, {"sage", "411KERJEAN"}}};
}

// The billing site only, as the file carries it.
Customer expected_through_full_profile(const CustomerDraft& draft) {
  Customer expected = comparable(stored(draft));
  std::erase_if(expected.sites, [](const Site& site) { return site.work_site; });
  expected.external_ids = {{"erp", draft.external_ids.at("erp")}};
  return expected;
}

TEST(ProfileWriterTest, ReadingTheFileBackGivesTheSameCustomersThroughEveryTarget) {
  const MappingProfile profile = load_profile(full_profile);
  const std::vector<Customer> customers{stored(tricky_company()), stored(plain_person())};
  const ReadBack back = read_back(write_customers(customers, profile), profile);
  ASSERT_EQ(back.customers.size(), 2u);
  EXPECT_EQ(back.charset, "UTF-8");
  EXPECT_EQ(back.customers[0], expected_through_full_profile(tricky_company()));
  EXPECT_EQ(back.customers[1], expected_through_full_profile(plain_person()));
  EXPECT_EQ(back.created[0], "2024-03-05");
}

TEST(ProfileWriterTest, ShippedProfilesReadBackWhatTheyWrite) {
  CustomerDraft company = tricky_company();
  company.sites.erase(company.sites.begin());  // the work site, which no file carries
  company.sites[0].label = "";                 // neither system has a site label
  company.contacts[0].role = "";               // nor a contact's role
  company.tags = {"commerce"};                 // tags are one column in both
  CustomerDraft for_sage = company;
  for_sage.contacts[0] = Contact{.name = "François Le Dû"};  // Sage holds the contact's name only
  for_sage.phones.resize(1);                                   // and one phone
  for (const auto& [name, draft] : {std::pair{"erp-mde", company}, std::pair{"sage100", for_sage}}) {
    const MappingProfile profile = demo_profile(name);
    const std::vector<Customer> customers{stored(draft), stored(plain_person())};
    const ReadBack back = read_back(write_customers(customers, profile), profile);
    ASSERT_EQ(back.customers.size(), 2u) << name;
    Customer expected = comparable(customers[0]);
    expected.external_ids = {{profile.system, draft.external_ids.at(profile.system)}};
    EXPECT_EQ(back.customers[0], expected) << name;
    EXPECT_EQ(back.created[0], "2024-03-05") << name;
  }
}

TEST(ProfileWriterTest, SageFilesAreWindows1252QuotedEverywhere) {
  const MappingProfile profile = demo_profile("sage100");
  const std::vector<Customer> customers{stored(plain_person())};
  const std::string bytes = write_customers(customers, profile);
  EXPECT_FALSE(is_valid_utf8(bytes));
  EXPECT_TRUE(bytes.starts_with("\"Num\xE9ro\",\"Intitul\xE9\",\"Qualit\xE9\",")) << bytes;
  EXPECT_NE(bytes.find("\r\n\"411KERJEAN\",\"H\xE9l\xE8ne Kerjean\",\"Particulier\","), std::string::npos) << bytes;
  EXPECT_TRUE(bytes.ends_with(",\"05/03/2024\",\"\",\"\"\r\n")) << bytes;  // Encours and Représentant: empty
  EXPECT_EQ(read_back(bytes, profile).charset, "WINDOWS-1252");
}

TEST(ProfileWriterTest, CellsAreQuotedOnlyWhenNeededPerRfc4180) {
  const MappingProfile profile = load_profile(R"({"name": "p", "system": "erp", "external_id": "Code",
      "fields": {"name": "Nom", "notes": "Notes", "phones": "Tel", "emails": "Mails"},
      "export": {"line_end": "LF", "phone_format": "e164"}})");
  CustomerDraft draft{.name = "Dupont; \"le jeune\"", .phones = {"06 12 34 56 78", "02 99 40 12 85"},
                      .emails = {"a@b.fr"}, .notes = "ligne 1\nligne 2", .external_ids = {{"erp", "C1"}}};
  const std::vector<Customer> customers{stored(draft)};
  EXPECT_EQ(write_customers(customers, profile),
            "Code;Nom;Notes;Tel;Mails\n"
            "C1;\"Dupont; \"\"le jeune\"\"\";\"ligne 1\nligne 2\";\"+33612345678; +33299401285\";a@b.fr\n");
}

TEST(ProfileWriterTest, AUtf8BomIsWrittenWhenAsked) {
  const MappingProfile profile = demo_profile("erp-mde");
  const std::vector<Customer> customers{stored(plain_person())};
  const std::string bytes = write_customers(customers, profile);
  EXPECT_TRUE(bytes.starts_with("\xEF\xBB\xBFN° client;Type;Nom / Raison sociale;")) << bytes;
  EXPECT_NE(bytes.find("\r\nC-0043;PART;Hélène Kerjean;7 impasse des Mouettes;;29200;Brest;;;"), std::string::npos);
}

TEST(ProfileWriterTest, ACharacterTheCharsetLacksNamesFieldValueAndCustomerAndWritesNothing) {
  CustomerDraft draft = plain_person();
  draft.name = "Łukasz Kowalski";
  draft.notes = "Très sympa \xF0\x9F\x98\x80";  // an emoji
  draft.external_ids = {{"sage", "411LUKASZ"}};
  const std::vector<Customer> customers{stored(plain_person()), stored(draft)};
  try {
    write_customers(customers, demo_profile("sage100"));
    FAIL() << "wrote what Windows-1252 cannot hold";
  } catch (const InvalidInputError& error) {
    ASSERT_EQ(error.field_errors().size(), 2u) << error.what();
    EXPECT_EQ(error.field_errors()[0].field, "name");
    EXPECT_EQ(error.field_errors()[0].value, "Łukasz Kowalski");
    EXPECT_NE(error.field_errors()[0].message.find(customers[1].id.to_string()), std::string::npos);
    EXPECT_NE(error.field_errors()[0].message.find("WINDOWS-1252"), std::string::npos);
    EXPECT_EQ(error.field_errors()[1].field, "notes");
  }
  EXPECT_NO_THROW(write_customers(customers, demo_profile("erp-mde")));  // UTF-8 holds anything
}

TEST(ProfileWriterTest, AListItemHoldingASeparatorIsRefused) {
  CustomerDraft draft = plain_person();
  draft.tags = {"ok", "gros, client"};
  const std::vector<Customer> customers{stored(draft)};
  try {
    write_customers(customers, load_profile(full_profile));
    FAIL() << "wrote a tag the reader would split";
  } catch (const InvalidInputError& error) {
    ASSERT_EQ(error.field_errors().size(), 1u);
    EXPECT_EQ(error.field_errors()[0].field, "tags");
    EXPECT_EQ(error.field_errors()[0].value, "gros, client");
  }
}

TEST(ProfileWriterTest, CreatedIsTheDateInParis) {
  const MappingProfile profile = load_profile(R"({"name": "p", "system": "erp", "external_id": "Code",
      "fields": {"name": "Nom"}, "dates": {"created": {"column": "Créé", "format": "yyyy-mm-dd"}},
      "export": {"line_end": "LF"}})");
  const std::pair<Timestamp, std::string> cases[] = {
      {sys_days{2024y / 6 / 30} + 21h + 59min, "2024-06-30"},  // 23:59 summer time
      {sys_days{2024y / 6 / 30} + 22h, "2024-07-01"},
      {sys_days{2024y / 12 / 31} + 23h, "2025-01-01"},         // 00:00 winter time
      {sys_days{2024y / 3 / 31} + 22h + 30min, "2024-04-01"},  // the day summer time starts
      {sys_days{2024y / 10 / 27} + 22h + 30min, "2024-10-27"}, // the day it ends
  };
  for (const auto& [time, date] : cases) {
    Customer customer = stored(plain_person());
    customer.created_at = time;
    const std::vector<Customer> customers{customer};
    EXPECT_EQ(write_customers(customers, profile), "Code;Nom;Créé\nC-0043;Hélène Kerjean;" + date + "\n");
  }
}

TEST(ProfileWriterTest, ACustomerWithoutAnIdInTheSystemGetsAnEmptyCell) {
  const MappingProfile profile = load_profile(R"({"name": "p", "system": "mde2", "external_id": "Code",
      "fields": {"name": "Nom"}, "export": {"line_end": "LF", "columns": ["Nom", "Fax", "Code"]}})");
  const std::vector<Customer> customers{stored(plain_person())};
  EXPECT_EQ(write_customers(customers, profile), "Nom;Fax;Code\nHélène Kerjean;;\n");
}

}  // namespace
}  // namespace relais::detail
