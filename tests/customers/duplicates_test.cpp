// Duplicate customers: refused at creation unless forced, found in batch,
// queued for review; on both engines.
#include "support/workspace_fixture.h"

#include <relais/customers/duplicates.h>

using namespace relais;
using relais::testing::sample_company;

class DuplicatesTest : public relais::testing::WorkspaceTest {};
RELAIS_INSTANTIATE_FOR_ENGINES(DuplicatesTest);

namespace {

CustomerDraft household(const std::string& name, const std::string& phone, const std::string& email) {
  CustomerDraft draft;
  draft.name = name;
  draft.phones = {phone};
  draft.emails = {email};
  draft.sites = {Site{.street = "3 rue de la Paix", .postcode = "35000", .city = "Rennes"}};
  return draft;
}

std::vector<DuplicateCandidate> refused_candidates(Workspace& ws, const CustomerDraft& draft) {
  try {
    ws.customers().create(draft);
  } catch (const DuplicateCustomerError& error) {
    return error.candidates();
  }
  ADD_FAILURE() << "expected DuplicateCustomerError for " << draft.name;
  return {};
}

}  // namespace

TEST_P(DuplicatesTest, ANameBeyondLatin1IsStoredAndFound) {
  auto ws = open();
  ws.customers().create(household("Łukasz Kowalski", "06 11 22 33 44", "lukasz@example.pl"));
  EXPECT_EQ(refused_candidates(ws, household("Lukasz Kowalski", "06 11 22 33 44", "lk@example.pl")).size(), 1u);
}

TEST_P(DuplicatesTest, CreateCollidingOnPhoneIsRefusedWithTheCandidate) {
  auto ws = open();
  Customer existing = ws.customers().create(household("Hélène Martin", "06 12 34 56 78", "helene@example.fr"));
  auto candidates = refused_candidates(ws, household("Helene MARTIN", "+33 6 12 34 56 78", "h.martin@other.fr"));
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].customer.id, existing.id);
  EXPECT_NE(candidates[0].match.outcome, MatchOutcome::none);
  EXPECT_FALSE(candidates[0].match.reasons.empty());
  EXPECT_EQ(ws.customers().list().items.size(), 1u);
}

TEST_P(DuplicatesTest, CreateCollidingOnEmailOrSiretIsRefused) {
  auto ws = open();
  Customer company = ws.customers().create(sample_company());
  CustomerDraft same_siret;
  same_siret.kind = CustomerKind::company;
  same_siret.name = "Durand Electricite";
  same_siret.siret = "73282932000074";
  EXPECT_EQ(refused_candidates(ws, same_siret).at(0).customer.id, company.id);
  CustomerDraft same_email = household("Sophie Durand", "07 81 22 33 44", "contact@durand-elec.fr");
  same_email.kind = CustomerKind::company;
  same_email.name = "Durand électricité";
  EXPECT_EQ(refused_candidates(ws, same_email).at(0).customer.id, company.id);
}

TEST_P(DuplicatesTest, CreateAnywayWhenForced) {
  auto ws = open();
  ws.customers().create(household("Hélène Martin", "06 12 34 56 78", "helene@example.fr"));
  auto twin = household("Hélène Martin", "06 12 34 56 78", "helene@example.fr");
  EXPECT_THROW(ws.customers().create(twin), ConflictError);
  EXPECT_NO_THROW(ws.customers().create(twin, {.allow_duplicates = true}));
  EXPECT_EQ(ws.customers().list().items.size(), 2u);
}

TEST_P(DuplicatesTest, CheckDuplicatesWarnsWithoutWriting) {
  auto ws = open();
  Customer existing = ws.customers().create(household("Jean-Yves Le Goff", "02 99 12 34 56", "jy.legoff@example.fr"));
  auto head = ws.journal_head();
  auto candidates = ws.customers().check_duplicates(household("Le Goff Jean Yves", "0299123456", "jy.legoff@example.fr"));
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].customer.id, existing.id);
  EXPECT_EQ(candidates[0].match.outcome, MatchOutcome::sure);
  EXPECT_EQ(ws.journal_head(), head);
  EXPECT_TRUE(ws.customers().check_duplicates(household("Paul Riou", "07 98 76 54 32", "paul@riou.fr")).empty());
}

TEST_P(DuplicatesTest, RelativesSharingAPhoneAreNotDuplicates) {
  auto ws = open();
  ws.customers().create(household("Hélène Martin", "02 99 12 34 56", "martin@example.fr"));
  EXPECT_NO_THROW(ws.customers().create(household("Paul Martin", "02 99 12 34 56", "paul.martin@example.fr")));
}

TEST_P(DuplicatesTest, ArchivedCustomersAreNotCandidates) {
  auto ws = open();
  Customer old = ws.customers().create(household("Hélène Martin", "06 12 34 56 78", "helene@example.fr"));
  ws.customers().archive(old.id, old.version);
  EXPECT_NO_THROW(ws.customers().create(household("Hélène Martin", "06 12 34 56 78", "helene@example.fr")));
}

TEST_P(DuplicatesTest, BatchFinderQueuesEachPairOnceForReview) {
  auto ws = open();
  Customer a = ws.customers().create(household("Hélène Martin", "06 12 34 56 78", "helene@example.fr"));
  Customer b = ws.customers().create(household("Helene Martinn", "06.12.34.56.78", "helene@example.fr"),
                                     {.allow_duplicates = true});
  ws.customers().create(household("Paul Riou", "07 98 76 54 32", "paul@riou.fr"));
  FinderReport report = ws.customers().find_duplicates();
  EXPECT_EQ(report.customers_scanned, 3u);
  EXPECT_EQ(report.sure + report.probable, 1u);
  EXPECT_GE(report.comparisons, 1u);
  EXPECT_FALSE(report.resumed);
  auto queue = ws.customers().duplicate_queue();
  ASSERT_EQ(queue.items.size(), 1u);
  EXPECT_EQ(std::minmax(a.id, b.id), std::minmax(queue.items[0].a, queue.items[0].b));
  EXPECT_EQ(ws.customers().find_duplicates().sure + ws.customers().find_duplicates().probable, 0u);
  EXPECT_EQ(ws.customers().duplicate_queue().items.size(), 1u);
}

TEST_P(DuplicatesTest, DismissedPairsLeaveTheQueue) {
  auto ws = open();
  ws.customers().create(household("Hélène Martin", "06 12 34 56 78", "helene@example.fr"));
  ws.customers().create(household("Hélène Martin", "06 12 34 56 78", "helene@example.fr"), {.allow_duplicates = true});
  ws.customers().find_duplicates();
  DuplicatePair pair = ws.customers().duplicate_queue().items.at(0);
  DuplicatePair dismissed = ws.customers().dismiss_duplicate(pair.id, pair.version);
  EXPECT_EQ(dismissed.status, ReviewStatus::dismissed);
  EXPECT_TRUE(ws.customers().duplicate_queue().items.empty());
  EXPECT_EQ(ws.customers().duplicate_queue({.status = ReviewStatus::dismissed}).items.size(), 1u);
  EXPECT_THROW(ws.customers().dismiss_duplicate(pair.id, pair.version), ConflictError);
  EXPECT_THROW(ws.customers().dismiss_duplicate(Uuid::generate(SystemClock{}), 1), NotFoundError);
}

TEST_P(DuplicatesTest, InterruptedFinderResumesAfterItsLastBatch) {
  auto ws = open();
  for (int i = 0; i < 6; ++i) {
    ws.customers().create(household("Client " + std::string(1, static_cast<char>('A' + i)) + " Kerouac",
                                    "06 12 34 56 7" + std::to_string(i), "client" + std::to_string(i) + "@example.fr"),
                          {.allow_duplicates = true});
  }
  FinderOptions interrupted{.batch_size = 2, .progress = [](const FinderProgress& progress) {
                              if (progress.customers_done == 2) throw std::runtime_error("power cut");
                            }};
  EXPECT_THROW(ws.customers().find_duplicates(interrupted), std::runtime_error);
  FinderReport resumed = ws.customers().find_duplicates({.batch_size = 2});
  EXPECT_TRUE(resumed.resumed);
  EXPECT_EQ(resumed.customers_scanned, 4u);
  EXPECT_FALSE(ws.customers().find_duplicates().resumed);
  EXPECT_TRUE(ws.verify_journal().ok);
}
