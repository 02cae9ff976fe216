#pragma once
// A test suite parameterized over both engines: each test gets a fresh
// database and opens workspaces on it.
#include <relais/workspace.h>

#include "support/test_database.h"

#include <memory>

namespace relais::testing {

class WorkspaceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override { database_ = std::make_unique<TestDatabase>(GetParam(), "synchronous=NORMAL"); }

  Workspace open(OpenOptions options = {}) { return Workspace::open(database_->uri(), std::move(options)); }
  Workspace open_as(const std::string& actor) { return open({.actor = actor}); }
  const TestDatabase& database() const { return *database_; }

 private:
  std::unique_ptr<TestDatabase> database_;
};

// A realistic company customer with a site and a contact.
inline CustomerDraft sample_company(const std::string& name = "Électricité Durand SARL") {
  CustomerDraft draft;
  draft.kind = CustomerKind::company;
  draft.name = name;
  draft.phones = {"02 99 12 34 56"};
  draft.emails = {"contact@durand-elec.fr"};
  draft.siret = "732 829 320 00074";
  draft.vat_number = "FR44732829320";
  draft.sites = {Site{.label = "Siège", .street = "12 boulevard de la Liberté", .postcode = "35000", .city = "Rennes"}};
  draft.contacts = {Contact{.name = "Sophie Durand", .role = "gérante", .phones = {"06.12.34.56.78"},
                            .emails = {"Sophie.Durand@Durand-Elec.FR"}}};
  draft.tags = {"professionnel"};
  draft.external_ids = {{"erp", "C-1042"}};
  return draft;
}

#define RELAIS_INSTANTIATE_FOR_ENGINES(Suite)                                                      \
  INSTANTIATE_TEST_SUITE_P(Engines, Suite, ::testing::ValuesIn(::relais::testing::all_engines()), \
                           ::relais::testing::EngineParamName())

}  // namespace relais::testing
