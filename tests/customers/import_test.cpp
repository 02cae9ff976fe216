// The write half of the legacy import through the public API, on both
// engines: the demo exports, idempotent re-imports, edits kept, the second
// system merged into the first.
#include "support/files.h"
#include "support/workspace_fixture.h"

#include <relais/errors.h>

using namespace relais;

class ImportTest : public relais::testing::WorkspaceTest {};
RELAIS_INSTANTIATE_FOR_ENGINES(ImportTest);

namespace {

using relais::testing::file_contents;

std::string demo(const std::string& name) { return relais::testing::demo_data(name).string(); }

ImportReport import_demo(Workspace& ws, const std::string& system) {
  return ws.customers().import_file(demo(system + "-clients.csv"), demo(system + ".profile.json"));
}

void expect_invariant(const ImportReport& report) {
  EXPECT_EQ(report.rows, report.imported + report.merged + report.rejected);
  EXPECT_EQ(report.rejections.size(), report.rejected);
}

std::vector<Customer> all_customers(Workspace& ws) {
  return ws.customers().list({.include_archived = true, .limit = 500}).items;
}

Customer only_customer_with_email(Workspace& ws, const std::string& email) {
  auto found = ws.customers().lookup_email(email);
  EXPECT_EQ(found.size(), 1u) << email;
  return found.empty() ? Customer{} : found.front();
}

const char* const small_profile = R"({
  "name": "test", "system": "erp", "external_id": "Code",
  "fields": {"name": "Nom", "phones": "Tel", "emails": "Mail", "notes": "Notes",
             "site.postcode": "CP", "site.city": "Ville"}
})";

std::string small_csv(const std::string& name, const std::string& notes, const std::string& city = "Rennes") {
  return "Code;Nom;Tel;Mail;Notes;CP;Ville\n"
         "C1;" + name + ";02 99 40 12 85;c1@example.fr;" + notes + ";35000;" + city + "\n"
         "C2;Paul Martin;06 11 22 33 44;paul.martin@example.fr;;29200;Brest\n";
}

}  // namespace

TEST_P(ImportTest, DemoFilesImportWithTheExpectedCounts) {
  auto ws = open();
  ImportReport erp = import_demo(ws, "erp-mde");
  EXPECT_EQ(erp.source, "erp");
  EXPECT_EQ(erp.charset, "UTF-8");
  EXPECT_EQ(erp.rows, 37u);
  EXPECT_EQ(erp.imported, 33u);
  EXPECT_EQ(erp.merged, 0u);
  EXPECT_EQ(erp.rejected, 4u);
  expect_invariant(erp);
  EXPECT_EQ(all_customers(ws).size(), 33u);
  EXPECT_EQ(ws.journal_head().sequence - 1, 33);  // the first admin, then one entry per customer

  auto other = relais::testing::TestDatabase(GetParam(), "synchronous=NORMAL");
  auto sage_ws = Workspace::open(other.uri());
  ImportReport sage = import_demo(sage_ws, "sage100");
  EXPECT_EQ(sage.source, "sage");
  EXPECT_EQ(sage.charset, "WINDOWS-1252");
  EXPECT_EQ(sage.rows, 36u);
  EXPECT_EQ(sage.imported, 32u);
  EXPECT_EQ(sage.rejected, 4u);
  expect_invariant(sage);
}

TEST_P(ImportTest, StoresWindows1252AccentsAsUtf8AndTheExternalId) {
  auto ws = open();
  import_demo(ws, "sage100");
  Customer helene = only_customer_with_email(ws, "helene.kerjean@orange.fr");
  EXPECT_EQ(helene.name, "Hélène Kerjean");
  EXPECT_EQ(helene.notes, "Clés chez la voisine (Mme Guéguen)");
  ASSERT_EQ(helene.sites.size(), 1u);
  EXPECT_EQ(helene.sites[0].street, "7 impasse des Mouettes");
  EXPECT_EQ(helene.phones, std::vector<std::string>{"+33678123456"});
  EXPECT_EQ(helene.external_ids, (std::map<std::string, std::string>{{"sage", "411HELENE03"}}));
  ASSERT_EQ(ws.customers().history(helene.id).size(), 1u);
  EXPECT_EQ(ws.customers().history(helene.id)[0].action, "create");
}

TEST_P(ImportTest, MalformedRowsAreReportedAndTheRestImported) {
  auto ws = open();
  ImportReport report = import_demo(ws, "erp-mde");
  ASSERT_EQ(report.rejections.size(), 4u);
  std::string reasons;
  for (const auto& rejection : report.rejections) {
    EXPECT_GT(rejection.row, 0u);
    reasons += rejection.reason + "\n";
  }
  EXPECT_NE(reasons.find("\"02 98 5\""), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("broken quoting"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("wrong column count"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("31/13/2019"), std::string::npos) << reasons;
  EXPECT_TRUE(ws.customers().lookup_email("yvonne@free.fr").empty());
}

TEST_P(ImportTest, ARowRefusedByTheCustomerRulesIsRejectedWithItsFieldAndRow) {
  auto ws = open();
  std::string long_name(400, 'x');
  ImportReport report = ws.customers().import_csv(small_csv(long_name, ""), small_profile);
  EXPECT_EQ(report.imported, 1u);
  ASSERT_EQ(report.rejections.size(), 1u);
  EXPECT_EQ(report.rejections[0].row, 1u);
  EXPECT_EQ(report.rejections[0].reason.rfind("line 2: name = \"", 0), 0u) << report.rejections[0].reason;
  expect_invariant(report);
}

TEST_P(ImportTest, ReimportingTheSameFileChangesNothing) {
  auto ws = open();
  import_demo(ws, "erp-mde");
  auto head = ws.journal_head();
  ImportReport again = import_demo(ws, "erp-mde");
  EXPECT_EQ(again.imported, 0u);
  EXPECT_EQ(again.merged, 33u);
  EXPECT_EQ(again.rejected, 4u);
  EXPECT_TRUE(again.differences.empty());
  expect_invariant(again);
  EXPECT_EQ(ws.journal_head(), head);
  for (const auto& customer : all_customers(ws)) EXPECT_EQ(customer.version, 1) << customer.name;
}

TEST_P(ImportTest, AFieldEditedInRelaisIsKeptAndReportedWhenTheFileChangesItToo) {
  auto ws = open();
  ws.customers().import_csv(small_csv("Syndic Ar Mor", "first note"), small_profile);
  Customer imported = only_customer_with_email(ws, "c1@example.fr");
  CustomerChanges edit;
  edit.name = "Syndic Ar Mor (Saint-Malo)";
  ws.customers().update(imported.id, imported.version, edit);

  // Unchanged file: the edit stands and there is nothing to report.
  ImportReport same = ws.customers().import_csv(small_csv("Syndic Ar Mor", "first note"), small_profile);
  EXPECT_TRUE(same.differences.empty());
  EXPECT_EQ(same.merged, 2u);

  // The file changes the edited name and the untouched notes and city.
  ImportReport changed =
      ws.customers().import_csv(small_csv("SYNDIC AR MOR", "second note", "Saint-Malo"), small_profile);
  EXPECT_EQ(changed.merged, 2u);
  ASSERT_EQ(changed.differences.size(), 1u);
  const ImportDifference& difference = changed.differences[0];
  EXPECT_EQ(difference.row, 1u);
  EXPECT_EQ(difference.customer, imported.id);
  EXPECT_EQ(difference.field, "name");
  EXPECT_EQ(difference.in_relais, "\"Syndic Ar Mor (Saint-Malo)\"");
  EXPECT_EQ(difference.in_file, "\"SYNDIC AR MOR\"");
  Customer after = ws.customers().get(imported.id);
  EXPECT_EQ(after.name, "Syndic Ar Mor (Saint-Malo)");
  EXPECT_EQ(after.notes, "second note");
  ASSERT_EQ(after.sites.size(), 1u);
  EXPECT_EQ(after.sites[0].city, "Saint-Malo");
  EXPECT_EQ(after.sites[0].id, imported.sites[0].id);  // updated in place, not replaced
  EXPECT_EQ(after.version, 3);
  auto history = ws.customers().history(imported.id);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history.back().action, "update");
}

TEST_P(ImportTest, TheSecondSystemMergesIntoTheCustomersOfTheFirst) {
  auto ws = open();
  import_demo(ws, "erp-mde");
  ImportReport sage = import_demo(ws, "sage100");
  expect_invariant(sage);
  EXPECT_EQ(sage.merged, 28u);   // the customers both systems hold
  EXPECT_EQ(sage.imported, 4u);  // the Sage-only ones, and a misspelt Loïc Guillou
  EXPECT_EQ(sage.queued_for_review, 1u);  // ...who is only probably the ERP's
  EXPECT_EQ(all_customers(ws).size(), 37u);
  Customer syndic = only_customer_with_email(ws, "contact@syndic-armor.fr");
  EXPECT_EQ(syndic.external_ids,
            (std::map<std::string, std::string>{{"erp", "MDE-C0101"}, {"sage", "411SYNDIC01"}}));
  EXPECT_EQ(syndic.name, "Syndic Ar Mor");  // the first import's value, not overwritten by a sure match

  auto head = ws.journal_head();
  ImportReport again = import_demo(ws, "sage100");
  EXPECT_EQ(again.merged, 32u);
  EXPECT_TRUE(again.differences.empty());
  EXPECT_EQ(ws.journal_head(), head);
}

TEST_P(ImportTest, ABadProfileOrAMissingColumnWritesNothing) {
  auto ws = open();
  auto head = ws.journal_head();
  auto bytes = file_contents(demo("erp-mde-clients.csv"));
  EXPECT_THROW(ws.customers().import_csv(bytes, R"({"name": "x", "system": "erp"})"), InvalidInputError);
  EXPECT_THROW(ws.customers().import_csv(bytes, small_profile), InvalidInputError);  // no "Code" column
  EXPECT_EQ(ws.journal_head(), head);
  EXPECT_TRUE(all_customers(ws).empty());
}

TEST_P(ImportTest, AMissingFileIsNotFoundNamingThePath) {
  auto ws = open();
  try {
    ws.customers().import_file("/nonexistent/clients.csv", demo("erp-mde.profile.json"));
    FAIL() << "expected NotFoundError";
  } catch (const NotFoundError& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent/clients.csv"), std::string::npos) << error.what();
  }
}

TEST_P(ImportTest, ReportsProgressAfterEachBatch) {
  auto ws = open();
  std::vector<std::size_t> done;
  ImportOptions options;
  options.batch_size = 10;
  options.progress = [&](const ImportProgress& progress) {
    EXPECT_EQ(progress.rows_total, 37u);
    done.push_back(progress.rows_done);
  };
  ws.customers().import_file(demo("erp-mde-clients.csv"), demo("erp-mde.profile.json"), options);
  EXPECT_EQ(done, (std::vector<std::size_t>{10, 20, 30, 37}));
}

TEST_P(ImportTest, AProbableDuplicateIsImportedAndCountedForReview) {
  auto ws = open();
  const std::string header = "Code;Nom;Tel;Mail;Notes;CP;Ville\n";
  ws.customers().import_csv(header + "C1;Jean Dupont;02 99 40 12 85;;;35000;Rennes\n", small_profile);
  // Same postcode, a name one letter apart, another phone.
  const std::string twin = "C9;Jean Dupond;06 99 88 77 66;;;35000;Rennes\n";
  // The premise: the row is a probable, not a sure, match of C1.
  ImportOptions options;
  CustomerDraft draft{.name = "Jean Dupond", .phones = {"06 99 88 77 66"},
                      .sites = {Site{.postcode = "35000", .city = "Rennes"}}};
  auto candidates = ws.customers().check_duplicates(draft, options.thresholds);
  ASSERT_EQ(candidates.size(), 1u);
  ASSERT_EQ(candidates[0].match.outcome, MatchOutcome::probable) << candidates[0].match.score;

  ImportReport report = ws.customers().import_csv(header + twin, small_profile, options);
  EXPECT_EQ(report.imported, 1u);
  EXPECT_EQ(report.merged, 0u);
  EXPECT_EQ(report.queued_for_review, 1u);
  EXPECT_EQ(all_customers(ws).size(), 2u);
  auto queue = ws.customers().duplicate_queue().items;
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].outcome, MatchOutcome::probable);
  EXPECT_TRUE(queue[0].a == candidates[0].customer.id || queue[0].b == candidates[0].customer.id);
}
