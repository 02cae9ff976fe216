// Merging two customer records and undoing it, through the public API, on
// both engines.
#include "support/workspace_fixture.h"

#include <relais/errors.h>

#include <algorithm>

using namespace relais;
using relais::testing::sample_company;

class MergeTest : public relais::testing::WorkspaceTest {};
RELAIS_INSTANTIATE_FOR_ENGINES(MergeTest);

namespace {

// The same company entered a second time, under another name and ERP.
CustomerDraft second_entry() {
  CustomerDraft draft;
  draft.kind = CustomerKind::company;
  draft.name = "Durand Elec";
  draft.phones = {"06 98 76 54 32"};
  draft.emails = {"contact@durand-elec.fr", "compta@durand-elec.fr"};
  draft.notes = "Client depuis 2019, paie à 30 jours";
  draft.sites = {Site{.label = "Chantier Cesson", .street = "3 rue des Landes", .postcode = "35510",
                      .city = "Cesson-Sévigné", .work_site = true}};
  draft.contacts = {Contact{.name = "Paul Durand", .role = "chef de chantier", .phones = {"06 55 44 33 22"}}};
  draft.tags = {"chantier", "professionnel"};
  draft.external_ids = {{"sage", "411DUR"}};
  return draft;
}

// An unrelated customer.
CustomerDraft third_entry() {
  CustomerDraft draft;
  draft.name = "Martine Tiers";
  return draft;
}

// Equal field by field, except version and updated_at (which move on).
void expect_same_record(Customer actual, const Customer& expected) {
  actual.version = expected.version;
  actual.updated_at = expected.updated_at;
  EXPECT_EQ(actual, expected);
}

std::vector<std::string> actions_of(const std::vector<JournalEntry>& entries) {
  std::vector<std::string> actions;
  for (const auto& entry : entries) actions.push_back(entry.action);
  return actions;
}

class Merged {
 public:
  explicit Merged(Workspace& ws, const MergeOptions& options = {})
      : survivor(ws.customers().create(sample_company(), {.allow_duplicates = true})),
        other(ws.customers().create(second_entry(), {.allow_duplicates = true})),
        result(ws.customers().merge(survivor.id, survivor.version, other.id, other.version, options)) {}
  Customer survivor;
  Customer other;
  MergeResult result;
};

}  // namespace

TEST_P(MergeTest, MovesContactsSitesTagsAndExternalIdsToTheSurvivor) {
  auto ws = open();
  Merged merged(ws);
  const Customer& result = merged.result.survivor;
  EXPECT_EQ(result.version, merged.survivor.version + 1);
  EXPECT_EQ(result.phones, (std::vector<std::string>{"+33299123456", "+33698765432"}));
  EXPECT_EQ(result.emails, (std::vector<std::string>{"contact@durand-elec.fr", "compta@durand-elec.fr"}));
  EXPECT_EQ(result.tags, (std::vector<std::string>{"professionnel", "chantier"}));
  ASSERT_EQ(result.contacts.size(), 2u);
  EXPECT_EQ(result.contacts[1], merged.other.contacts[0]);  // same id: references stay valid
  ASSERT_EQ(result.sites.size(), 2u);
  EXPECT_EQ(result.sites[1], merged.other.sites[0]);
  EXPECT_EQ(result.external_ids, (std::map<std::string, std::string>{{"erp", "C-1042"}, {"sage", "411DUR"}}));
  EXPECT_EQ(ws.customers().get(result.id), result);

  Customer absorbed = ws.customers().get(merged.other.id);
  EXPECT_TRUE(absorbed.archived_at.has_value());
  EXPECT_EQ(absorbed.version, merged.other.version + 1);
  EXPECT_TRUE(absorbed.contacts.empty());
  EXPECT_TRUE(absorbed.sites.empty());
  EXPECT_TRUE(absorbed.external_ids.empty());
  auto found = ws.customers().lookup_phone("06 55 44 33 22");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, result.id);
}

TEST_P(MergeTest, MostCompleteTakesTheLongerTextAndTiesGoToTheSurvivor) {
  auto ws = open();
  Merged merged(ws, {.rule = Survivorship::most_complete});
  EXPECT_EQ(merged.result.survivor.name, "Électricité Durand SARL");  // longer on the survivor
  EXPECT_EQ(merged.result.survivor.siret, "73282932000074");           // empty on the other
  EXPECT_EQ(merged.result.survivor.notes, "Client depuis 2019, paie à 30 jours");  // empty on the survivor
}

TEST_P(MergeTest, MostRecentTakesTheFieldsOfTheRecordUpdatedLast) {
  auto ws = open();
  Customer survivor = ws.customers().create(sample_company(), {.allow_duplicates = true});
  Customer other = ws.customers().create(second_entry(), {.allow_duplicates = true});
  auto result = ws.customers().merge(survivor.id, survivor.version, other.id, other.version,
                                     {.rule = Survivorship::most_recent});
  EXPECT_EQ(result.survivor.name, "Durand Elec");
  EXPECT_EQ(result.survivor.siret, "");
  EXPECT_EQ(result.survivor.id, survivor.id);
}

TEST_P(MergeTest, PickedFieldsOverrideTheRule) {
  auto ws = open();
  Customer survivor = ws.customers().create(sample_company(), {.allow_duplicates = true});
  Customer other = ws.customers().create(second_entry(), {.allow_duplicates = true});
  MergeOptions options{.rule = Survivorship::most_complete, .picked = {{"name", other.id}, {"notes", survivor.id}}};
  auto result = ws.customers().merge(survivor.id, survivor.version, other.id, other.version, options);
  EXPECT_EQ(result.survivor.name, "Durand Elec");
  EXPECT_EQ(result.survivor.notes, "");
}

TEST_P(MergeTest, PickNamingAThirdRecordIsInvalidInput) {
  auto ws = open();
  Customer survivor = ws.customers().create(sample_company(), {.allow_duplicates = true});
  Customer other = ws.customers().create(second_entry(), {.allow_duplicates = true});
  Customer third = ws.customers().create(third_entry(), {.allow_duplicates = true});
  try {
    ws.customers().merge(survivor.id, 1, other.id, 1, {.picked = {{"name", third.id}}});
    FAIL() << "expected InvalidInputError";
  } catch (const InvalidInputError& error) {
    ASSERT_EQ(error.field_errors().size(), 1u);
    EXPECT_EQ(error.field_errors()[0].field, "picked.name");
  }
  EXPECT_EQ(ws.customers().get(other.id), other);
}

TEST_P(MergeTest, ClashingExternalIdsAreRefusedUnlessPicked) {
  auto ws = open();
  Customer survivor = ws.customers().create(sample_company(), {.allow_duplicates = true});
  CustomerDraft draft = second_entry();
  draft.external_ids = {{"erp", "C-2077"}};
  Customer other = ws.customers().create(draft, {.allow_duplicates = true});
  try {
    ws.customers().merge(survivor.id, 1, other.id, 1);
    FAIL() << "expected ConflictError";
  } catch (const ConflictError& error) {
    EXPECT_EQ(error.context().at("field"), "external_ids.erp");
  }
  EXPECT_EQ(ws.customers().get(survivor.id), survivor);
  auto result = ws.customers().merge(survivor.id, 1, other.id, 1, {.picked = {{"external_ids.erp", other.id}}});
  EXPECT_EQ(result.survivor.external_ids.at("erp"), "C-2077");
}

TEST_P(MergeTest, SurvivorHistoryShowsTheMergedRecordsEntriesOldestFirst) {
  auto ws = open();
  Customer survivor = ws.customers().create(sample_company(), {.allow_duplicates = true});
  Customer other = ws.customers().create(second_entry(), {.allow_duplicates = true});
  CustomerChanges changes;
  changes.notes = "Rappeler";
  other = ws.customers().update(other.id, other.version, changes);
  auto other_history = ws.customers().history(other.id);
  auto result = ws.customers().merge(survivor.id, survivor.version, other.id, other.version);

  auto history = ws.customers().history(survivor.id);
  EXPECT_EQ(actions_of(history),
            (std::vector<std::string>{"create", "create", "update", "merged_into", "merge"}));
  EXPECT_TRUE(std::ranges::is_sorted(history, {}, &JournalEntry::sequence));
  EXPECT_EQ(history[1], other_history[0]);  // never rewritten
  EXPECT_EQ(history[2], other_history[1]);
  EXPECT_EQ(history[3].entity_id, other.id.to_string());
  EXPECT_EQ(history[3].changes.back(), (FieldChange{"merged_into", "null", "\"" + survivor.id.to_string() + "\""}));
  EXPECT_EQ(history[4].entity_id, survivor.id.to_string());

  ws.customers().unmerge(result.merge_id);
  EXPECT_EQ(actions_of(ws.customers().history(survivor.id)),
            (std::vector<std::string>{"create", "merge", "unmerge"}));
}

TEST_P(MergeTest, HistoryFollowsMergesRecursively) {
  auto ws = open();
  Customer a = ws.customers().create(sample_company("A"), {.allow_duplicates = true});
  Customer b = ws.customers().create(second_entry(), {.allow_duplicates = true});
  CustomerDraft c_draft;
  c_draft.name = "C";
  Customer c = ws.customers().create(c_draft, {.allow_duplicates = true});
  Customer b_merged = ws.customers().merge(b.id, b.version, c.id, c.version).survivor;
  ws.customers().merge(a.id, a.version, b.id, b_merged.version);
  std::vector<std::string> ids;
  for (const auto& entry : ws.customers().history(a.id)) ids.push_back(entry.entity_id);
  for (const auto& id : {a.id, b.id, c.id}) {
    EXPECT_NE(std::ranges::find(ids, id.to_string()), ids.end()) << id.to_string();
  }
}

TEST_P(MergeTest, UnmergeGivesBackBothRecordsFieldByField) {
  auto ws = open();
  Merged merged(ws);
  auto undone = ws.customers().unmerge(merged.result.merge_id);
  EXPECT_TRUE(undone.conflicts.empty());
  expect_same_record(undone.survivor, merged.survivor);
  expect_same_record(undone.restored, merged.other);
  expect_same_record(ws.customers().get(merged.survivor.id), merged.survivor);
  expect_same_record(ws.customers().get(merged.other.id), merged.other);
  EXPECT_EQ(ws.customers().get(merged.other.id).version, merged.other.version + 2);
  auto found = ws.customers().lookup_phone("06 55 44 33 22");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, merged.other.id);
}

TEST_P(MergeTest, UnmergeKeepsLaterEditsWhereTheyWereMadeAndReportsClashes) {
  auto ws = open();
  Merged merged(ws);
  Customer survivor = merged.result.survivor;
  CustomerChanges changes;
  changes.notes = "Édité après la fusion";  // the merge had filled notes from the other
  changes.siret = "";                        // the merge had kept the survivor's
  auto contacts = survivor.contacts;
  contacts.push_back(Contact{.name = "Nouveau contact"});
  changes.contacts = contacts;
  survivor = ws.customers().update(survivor.id, survivor.version, changes);

  auto undone = ws.customers().unmerge(merged.result.merge_id);
  EXPECT_EQ(undone.conflicts, (std::vector<std::string>{"contacts: edited after the merge; kept",
                                                        "notes: edited after the merge; kept"}));
  EXPECT_EQ(undone.survivor.notes, "Édité après la fusion");
  EXPECT_EQ(undone.survivor.siret, "");
  EXPECT_EQ(undone.survivor.name, merged.survivor.name);
  EXPECT_EQ(undone.survivor.phones, merged.survivor.phones);
  ASSERT_EQ(undone.survivor.contacts.size(), 2u);  // its own and the one added later
  EXPECT_EQ(undone.survivor.contacts[0], merged.survivor.contacts[0]);
  EXPECT_EQ(undone.survivor.contacts[1].name, "Nouveau contact");
  expect_same_record(undone.restored, merged.other);
  EXPECT_EQ(ws.customers().get(survivor.id), undone.survivor);
}

TEST_P(MergeTest, StaleVersionIsAConflictAndWritesNothing) {
  auto ws = open();
  Customer survivor = ws.customers().create(sample_company(), {.allow_duplicates = true});
  Customer other = ws.customers().create(second_entry(), {.allow_duplicates = true});
  EXPECT_THROW(ws.customers().merge(survivor.id, survivor.version + 1, other.id, other.version), ConflictError);
  EXPECT_THROW(ws.customers().merge(survivor.id, survivor.version, other.id, other.version + 1), ConflictError);
  EXPECT_EQ(ws.customers().get(survivor.id), survivor);
  EXPECT_EQ(ws.customers().get(other.id), other);
  EXPECT_EQ(ws.customers().history(survivor.id).size(), 1u);
}

TEST_P(MergeTest, SameIdTwiceIsInvalidInput) {
  auto ws = open();
  Customer survivor = ws.customers().create(sample_company(), {.allow_duplicates = true});
  EXPECT_THROW(ws.customers().merge(survivor.id, 1, survivor.id, 1), InvalidInputError);
}

TEST_P(MergeTest, AMergedRecordCannotBeMergedAgain) {
  auto ws = open();
  Merged merged(ws);
  Customer third = ws.customers().create(third_entry(), {.allow_duplicates = true});
  Customer absorbed = ws.customers().get(merged.other.id);
  EXPECT_THROW(ws.customers().merge(third.id, third.version, absorbed.id, absorbed.version), ConflictError);
  EXPECT_THROW(ws.customers().merge(absorbed.id, absorbed.version, third.id, third.version), ConflictError);
  EXPECT_EQ(ws.customers().get(third.id), third);
}

TEST_P(MergeTest, UnmergeTwiceIsAConflict) {
  auto ws = open();
  Merged merged(ws);
  ws.customers().unmerge(merged.result.merge_id);
  EXPECT_THROW(ws.customers().unmerge(merged.result.merge_id), ConflictError);
}

TEST_P(MergeTest, UnknownIdsAreNotFound) {
  auto ws = open();
  Customer survivor = ws.customers().create(sample_company(), {.allow_duplicates = true});
  Uuid unknown = Uuid::generate(ws.clock());
  EXPECT_THROW(ws.customers().merge(survivor.id, 1, unknown, 1), NotFoundError);
  EXPECT_THROW(ws.customers().merge(unknown, 1, survivor.id, 1), NotFoundError);
  EXPECT_THROW(ws.customers().unmerge(unknown), NotFoundError);
  EXPECT_THROW(ws.customers().history(unknown), NotFoundError);
}

TEST_P(MergeTest, UnmergeWaitsUntilALaterMergeOfTheSurvivorIsUndone) {
  auto ws = open();
  Merged merged(ws);
  Customer third = ws.customers().create(third_entry(), {.allow_duplicates = true});
  auto later = ws.customers().merge(third.id, third.version, merged.survivor.id, merged.result.survivor.version);
  EXPECT_THROW(ws.customers().unmerge(merged.result.merge_id), ConflictError);
  ws.customers().unmerge(later.merge_id);
  auto undone = ws.customers().unmerge(merged.result.merge_id);
  expect_same_record(undone.survivor, merged.survivor);
  expect_same_record(undone.restored, merged.other);
  expect_same_record(ws.customers().get(third.id), third);
}
