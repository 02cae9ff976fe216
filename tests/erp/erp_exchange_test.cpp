// The exchange with the ERP and Sage through the "files" connector, on both
// engines: every customer reaches both systems once, their files come back
// without creating a duplicate, exports are incremental, and bad input is
// refused naming field and value with nothing stored.
//
// Sending the files back (outbox copied into inbox) stands for each system
// exporting its customers: it assumes the system's export layout is its
// import layout, which holds for Sage's parameterisable formats when one
// format serves both ways, and is assumed for the MDE ERP (docs/erp.md).
#include "support/files.h"
#include "support/workspace_fixture.h"

#include <relais/errors.h>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace relais;

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class ErpExchangeTest : public relais::testing::WorkspaceTest {
 protected:
  void SetUp() override {
    WorkspaceTest::SetUp();
    folder_ = fs::temp_directory_path() /
              ("relais-erp-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  // The "files" config of `system` ("erp" or "sage") with the shipped profile.
  json config(const std::string& system) const {
    const bool sage = system == "sage";
    return {{"system", system},
            {"profile", relais::testing::demo_data(sage ? "sage100.profile.json" : "erp-mde.profile.json").string()},
            {"outbox", (folder_ / ("to-" + system)).string()},
            {"inbox", (folder_ / ("from-" + system)).string()},
            {"id_prefix", sage ? "411R" : "R"},
            {"id_width", 5}};
  }

  void configure_both(Workspace& ws) {
    ws.erp().configure("erp", "files", config("erp").dump());
    ws.erp().configure("sage", "files", config("sage").dump());
  }

  // What the system sent, dropped back into its inbox as if it had exported it.
  void send_back(const std::string& system) {
    for (const auto& entry : fs::directory_iterator(folder_ / ("to-" + system))) {
      fs::copy_file(entry.path(), folder_ / ("from-" + system) / entry.path().filename());
    }
  }

  std::size_t files_in(const std::string& folder) const {
    const auto entries = fs::directory_iterator(folder_ / folder);
    return static_cast<std::size_t>(std::count_if(fs::begin(entries), fs::end(entries),
                                                  [](const fs::directory_entry& e) { return e.is_regular_file(); }));
  }

  // The InvalidInputError field that `action` throws.
  template <typename Action>
  static std::string refused_field(Action&& action) {
    try {
      action();
    } catch (const InvalidInputError& error) {
      return error.field_errors().front().field;
    }
    return "(accepted)";
  }

  fs::path folder_;
};
RELAIS_INSTANTIATE_FOR_ENGINES(ErpExchangeTest);

std::vector<Customer> all_customers(Workspace& ws) {
  return ws.customers().list({.include_archived = true, .limit = 500}).items;
}

// Companies and persons, with phones, emails, sites and contacts; the first
// already has an ERP id.
std::vector<Customer> create_customers(Workspace& ws) {
  std::vector<CustomerDraft> drafts{
      relais::testing::sample_company(),
      {.kind = CustomerKind::person, .name = "Hélène Kerjean", .phones = {"06 78 12 34 56"},
       .emails = {"helene.kerjean@orange.fr"},
       .sites = {Site{.street = "7 impasse des Mouettes", .postcode = "29200", .city = "Brest"}},
       .notes = "Clés chez la voisine"},
      {.kind = CustomerKind::company, .name = "Boulangerie Fournil d'Émeraude", .phones = {"02 96 87 10 20"},
       .emails = {"fournil.emeraude@wanadoo.fr"},
       .sites = {Site{.street = "3 allée des Cœurs", .postcode = "22100", .city = "Dinan"}},
       .contacts = {Contact{.name = "François Le Dû", .phones = {"06 99 88 77 66"}}}},
      {.kind = CustomerKind::person, .name = "Yann Le Bihan", .phones = {"06 45 23 18 90"},
       .sites = {Site{.label = "Chantier", .street = "14 rue de Dinan", .postcode = "35400", .city = "Saint-Malo",
                      .work_site = true}}},
  };
  std::vector<Customer> customers;
  for (const auto& draft : drafts) customers.push_back(ws.customers().create(draft));
  return customers;
}

TEST_P(ErpExchangeTest, ExportingToBothSystemsThenReimportingTheirFilesCreatesNoDuplicate) {
  auto ws = open();
  configure_both(ws);
  const auto created = create_customers(ws);

  const ErpExportReport erp = ws.erp().export_changes("erp");
  EXPECT_EQ(erp.exported, 4u);
  EXPECT_EQ(erp.ids_assigned, 3u);  // the sample company already had its ERP id
  const ErpExportReport sage = ws.erp().export_changes("sage");
  EXPECT_EQ(sage.exported, 4u);
  EXPECT_EQ(sage.ids_assigned, 4u);
  ASSERT_TRUE(fs::exists(erp.file)) << erp.file;
  ASSERT_TRUE(fs::exists(sage.file)) << sage.file;

  // Windows-1252: é and œ in one byte each.
  EXPECT_NE(relais::testing::file_contents(sage.file).find("all\xE9" "e des C\x9Curs"), std::string::npos);
  const std::string erp_bytes = relais::testing::file_contents(erp.file);
  EXPECT_TRUE(erp_bytes.starts_with("\xEF\xBB\xBFN° client;Type;"));

  std::vector<std::string> sage_ids;
  for (const auto& customer : all_customers(ws)) {
    ASSERT_EQ(customer.external_ids.size(), 2u) << customer.name;
    sage_ids.push_back(customer.external_ids.at("sage"));
  }
  std::sort(sage_ids.begin(), sage_ids.end());
  EXPECT_EQ(sage_ids, (std::vector<std::string>{"411R00001", "411R00002", "411R00003", "411R00004"}));
  EXPECT_EQ(ws.customers().get(created[0].id).external_ids.at("erp"), "C-1042");

  send_back("erp");
  send_back("sage");
  const auto head = ws.journal_head();
  for (const char* system : {"erp", "sage"}) {
    const auto results = ws.erp().import_pending(system);
    ASSERT_EQ(results.size(), 1u) << system;
    const ErpImportResult& result = results[0];
    EXPECT_TRUE(result.imported_ok) << system << ": " << result.error;
    EXPECT_EQ(result.report.imported, 0u) << system;
    EXPECT_EQ(result.report.merged, 4u) << system;
    EXPECT_EQ(result.report.rejected, 0u) << system;
    EXPECT_EQ(result.report.queued_for_review, 0u) << system;
    EXPECT_EQ(files_in(std::string("from-") + system + "/done"), 1u) << system;
  }
  EXPECT_EQ(all_customers(ws).size(), 4u);
  EXPECT_TRUE(ws.customers().duplicate_queue().items.empty());
  EXPECT_EQ(ws.journal_head(), head);  // the files brought nothing new: nothing written

  // Numbering for Sage changed every customer after the ERP's cursor, but
  // numberings are not changes: nothing goes to the ERP again.
  const ErpExportReport again = ws.erp().export_changes("erp");
  EXPECT_EQ(again.exported, 0u);
  EXPECT_EQ(again.file, "");
  EXPECT_EQ(files_in("to-erp"), 1u);
}

TEST_P(ErpExchangeTest, TheNextExportSendsOnlyWhatChanged) {
  auto ws = open();
  configure_both(ws);
  const auto created = create_customers(ws);
  ws.erp().export_changes("erp");
  ws.erp().export_changes("sage");

  const Customer helene = ws.customers().get(created[1].id);
  ws.customers().update(helene.id, helene.version, {.notes = "Clés chez le gardien"});
  for (const char* system : {"erp", "sage"}) {
    const ErpExportReport report = ws.erp().export_changes(system);
    EXPECT_EQ(report.exported, 1u) << system;
    EXPECT_EQ(report.ids_assigned, 0u) << system;
    EXPECT_EQ(report.cursor, ws.erp().system(system).export_cursor);
    const auto bytes = relais::testing::file_contents(report.file);
    const bool sage = std::string(system) == "sage";
    EXPECT_NE(bytes.find(sage ? "Cl\xE9s chez le gardien" : "Clés chez le gardien"), std::string::npos) << system;
    EXPECT_EQ(bytes.find("Yann Le Bihan"), std::string::npos) << system;
    EXPECT_EQ(std::count(bytes.begin(), bytes.end(), '\n'), 2) << system;  // the header and Hélène
  }

  for (const char* system : {"erp", "sage"}) {
    const ErpExportReport nothing = ws.erp().export_changes(system);
    EXPECT_EQ(nothing.exported, 0u);
    EXPECT_EQ(nothing.file, "");
    EXPECT_EQ(files_in(std::string("to-") + system), 2u);
  }
}

TEST_P(ErpExchangeTest, NumberingIsJournaledAndSkipsIdsTheSystemAlreadyUses) {
  auto ws = open();
  configure_both(ws);
  CustomerDraft known = relais::testing::sample_company("Client déjà chez Sage");
  known.external_ids = {{"sage", "411R00001"}};
  known.phones = {"02 23 45 12 34"};
  known.emails = {"accueil@legall-immo.fr"};
  known.siret = "";
  known.vat_number = "";
  known.contacts.clear();
  ws.customers().create(known);
  const Customer fresh = ws.customers().create({.name = "Paul Martin", .phones = {"06 11 22 33 44"}});

  EXPECT_EQ(ws.erp().export_changes("sage").ids_assigned, 1u);
  const Customer numbered = ws.customers().get(fresh.id);
  EXPECT_EQ(numbered.external_ids.at("sage"), "411R00002");
  EXPECT_EQ(numbered.version, fresh.version + 1);
  const auto history = ws.customers().history(fresh.id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].action, "number");
  EXPECT_EQ(ws.erp().system("sage").next_sequence, 3);
}

TEST_P(ErpExchangeTest, ArchivedCustomersAreNotSent) {
  auto ws = open();
  configure_both(ws);
  const auto created = create_customers(ws);
  ws.erp().export_changes("erp");
  const Customer yann = ws.customers().get(created[3].id);
  ws.customers().archive(yann.id, yann.version);
  const ErpExportReport report = ws.erp().export_changes("erp");
  EXPECT_EQ(report.exported, 0u);
  EXPECT_EQ(report.skipped_archived, 1u);
  EXPECT_EQ(report.file, "");
  EXPECT_EQ(ws.erp().export_changes("sage").exported, 3u);  // a first export sends the unarchived only
}

TEST_P(ErpExchangeTest, AFailedSendStoresNothing) {
  auto ws = open();
  configure_both(ws);
  create_customers(ws);
  EXPECT_TRUE(ws.erp().import_pending("sage").empty());  // the connector now exists, folders checked
  const ErpSystem before = ws.erp().system("sage");
  const auto head = ws.journal_head();
  fs::remove_all(folder_ / "to-sage");
  std::ofstream(folder_ / "to-sage") << "a file where the outbox should be";
  EXPECT_THROW(ws.erp().export_changes("sage"), StorageError);
  EXPECT_EQ(ws.erp().system("sage"), before);
  EXPECT_EQ(ws.journal_head(), head);
  for (const auto& customer : all_customers(ws)) EXPECT_FALSE(customer.external_ids.contains("sage"));

  fs::remove(folder_ / "to-sage");
  fs::create_directory(folder_ / "to-sage");
  const ErpExportReport retried = ws.erp().export_changes("sage");
  EXPECT_EQ(retried.exported, 4u);
  EXPECT_EQ(ws.customers().get(all_customers(ws)[0].id).external_ids.count("sage"), 1u);
}

TEST_P(ErpExchangeTest, AValueTheSystemsCharsetLacksStopsItsExportNamingFieldAndValue) {
  auto ws = open();
  configure_both(ws);
  ws.customers().create({.name = "Łukasz Kowalski", .phones = {"06 11 22 33 44"}});
  try {
    ws.erp().export_changes("sage");
    FAIL() << "exported what Windows-1252 cannot hold";
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors().front().field, "name");
    EXPECT_EQ(error.field_errors().front().value, "Łukasz Kowalski");
  }
  EXPECT_EQ(ws.erp().system("sage").export_cursor, 0);
  EXPECT_EQ(ws.erp().system("sage").next_sequence, 1);
  EXPECT_FALSE(all_customers(ws)[0].external_ids.contains("sage"));
  EXPECT_EQ(ws.erp().export_changes("erp").exported, 1u);  // UTF-8 holds it
}

TEST_P(ErpExchangeTest, InboundFilesThatDoNotFitAreFiledAsFailed) {
  auto ws = open();
  configure_both(ws);
  fs::create_directories(folder_ / "from-erp");
  std::ofstream(folder_ / "from-erp" / "1-wrong-header.csv") << "Code;Nom\r\nC1;Alpha\r\n";
  std::ofstream(folder_ / "from-erp" / "2-good.csv")
      << relais::testing::file_contents(relais::testing::demo_data("erp-mde-clients.csv"));
  const auto results = ws.erp().import_pending("erp");
  ASSERT_EQ(results.size(), 2u);
  EXPECT_FALSE(results[0].imported_ok);
  EXPECT_NE(results[0].error.find("N° client"), std::string::npos) << results[0].error;
  EXPECT_FALSE(results[1].imported_ok);  // four malformed rows: a person should look at them
  EXPECT_EQ(results[1].report.imported, 33u);
  EXPECT_EQ(results[1].report.rejected, 4u);
  EXPECT_EQ(files_in("from-erp/failed"), 2u);
  EXPECT_TRUE(ws.erp().import_pending("erp").empty());
}

TEST_P(ErpExchangeTest, ConfigurationIsVersionedJournaledAndListed) {
  auto ws = open();
  const ErpSystem sage = ws.erp().configure("sage", "files", config("sage").dump());
  EXPECT_EQ(sage.version, 1);
  EXPECT_EQ(sage.next_sequence, 1);
  EXPECT_EQ(sage.export_cursor, 0);
  EXPECT_THROW(ws.erp().configure("sage", "files", config("sage").dump()), ConflictError);
  json moved = config("sage");
  moved["outbox"] = (folder_ / "to-sage-2").string();
  const ErpSystem changed = ws.erp().configure("sage", "files", moved.dump(), sage.version);
  EXPECT_EQ(changed.version, 2);
  EXPECT_EQ(changed.created_at, sage.created_at);
  EXPECT_THROW(ws.erp().configure("sage", "files", moved.dump(), sage.version), ConflictError);
  EXPECT_THROW(ws.erp().configure("erp", "files", config("erp").dump(), 3), NotFoundError);
  ws.erp().configure("erp", "files", config("erp").dump());
  const auto systems = ws.erp().systems();
  ASSERT_EQ(systems.size(), 2u);
  EXPECT_EQ(systems[0].system, "erp");
  EXPECT_EQ(systems[1], changed);

  ws.customers().create({.name = "Paul Martin", .phones = {"06 11 22 33 44"}});
  EXPECT_TRUE(fs::exists(ws.erp().export_changes("sage").file));
  EXPECT_EQ(files_in("to-sage-2"), 1u);  // the new config serves at once
  const auto history = ws.history("erp_system", "sage");
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].action, "configure");
  EXPECT_EQ(history[2].action, "export");
}

TEST_P(ErpExchangeTest, BadConfigurationsAreRefusedNamingTheFieldAndNothingIsStored) {
  auto ws = open();
  json missing = config("sage");
  missing.erase("outbox");
  EXPECT_EQ(refused_field([&] { ws.erp().configure("sage", "files", missing.dump()); }), "config.outbox");
  json relative = config("sage");
  relative["inbox"] = "from-sage";
  EXPECT_EQ(refused_field([&] { ws.erp().configure("sage", "files", relative.dump()); }), "config.inbox");
  EXPECT_EQ(refused_field([&] { ws.erp().configure("sage", "files", "{not json"); }), "config");
  EXPECT_EQ(refused_field([&] { ws.erp().configure("Sage 100", "files", config("sage").dump()); }), "system");
  EXPECT_EQ(refused_field([&] { ws.erp().configure("sage", "../files", config("sage").dump()); }), "plugin");
  // The connector serves "erp", the profile serves "erp": neither is "sage".
  EXPECT_EQ(refused_field([&] { ws.erp().configure("sage", "files", config("erp").dump()); }), "config.system");
  json erp_profile = config("sage");
  erp_profile["profile"] = config("erp")["profile"];
  EXPECT_EQ(refused_field([&] { ws.erp().configure("sage", "files", erp_profile.dump()); }), "profile.system");
  EXPECT_THROW(ws.erp().configure("sage", "ftp", config("sage").dump()), PluginError);
  EXPECT_TRUE(ws.erp().systems().empty());
}

TEST_P(ErpExchangeTest, AProfileWithABadExportLayoutIsRefusedNamingItsKey) {
  auto ws = open();
  fs::create_directories(folder_);
  const auto write_profile = [&](const std::string& name, const std::function<void(json&)>& change) {
    json profile = json::parse(relais::testing::file_contents(relais::testing::demo_data("sage100.profile.json")));
    change(profile);
    std::ofstream(folder_ / name) << profile.dump();
    json settings = config("sage");
    settings["profile"] = (folder_ / name).string();
    return settings.dump();
  };
  const std::string bad_charset = write_profile("charset.json", [](json& p) { p["charset"] = "KOI8-R"; });
  EXPECT_EQ(refused_field([&] { ws.erp().configure("sage", "files", bad_charset); }), "profile.charset");
  const std::string bad_bom = write_profile("bom.json", [](json& p) { p["export"]["bom"] = true; });
  EXPECT_EQ(refused_field([&] { ws.erp().configure("sage", "files", bad_bom); }), "profile.export.bom");
  const std::string short_columns = write_profile("columns.json", [](json& p) { p["export"]["columns"] = {"Numéro"}; });
  EXPECT_EQ(refused_field([&] { ws.erp().configure("sage", "files", short_columns); }), "profile.export.columns");
  EXPECT_TRUE(ws.erp().systems().empty());
}

TEST_P(ErpExchangeTest, OnlyAnAdminConfiguresAndUnknownSystemsAreNotFound) {
  auto admin = open();
  admin.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  auto marie = open_as("marie");
  EXPECT_THROW(marie.erp().configure("sage", "files", config("sage").dump()), PermissionDeniedError);
  EXPECT_TRUE(admin.erp().systems().empty());
  EXPECT_THROW(marie.erp().export_changes("sage"), NotFoundError);
  EXPECT_THROW(marie.erp().import_pending("sage"), NotFoundError);
  EXPECT_THROW(marie.erp().system("sage"), NotFoundError);
  configure_both(admin);
  marie.customers().create({.name = "Paul Martin", .phones = {"06 11 22 33 44"}});
  EXPECT_EQ(marie.erp().export_changes("sage").exported, 1u);  // exporting is everyday work
}

}  // namespace
