// The pure record rules, without a database.
#include "customers/customer_rules.h"

#include <relais/errors.h>

#include <gtest/gtest.h>

using namespace relais;

TEST(CustomerRulesTest, AssignsIdsToNewSitesAndContactsOnly) {
  ManualClock clock(Timestamp(std::chrono::seconds(1'800'000'000)));
  Uuid kept = Uuid::generate(clock);
  CustomerDraft draft;
  draft.name = "  Hélène Martin ";
  draft.sites = {Site{.id = kept, .postcode = "35000"}, Site{.postcode = "75011"}};
  auto normalized = detail::normalize_customer(draft, clock);
  EXPECT_EQ(normalized.name, "Hélène Martin");
  EXPECT_EQ(normalized.sites[0].id, kept);
  EXPECT_FALSE(normalized.sites[1].id.is_nil());
}

TEST(CustomerRulesTest, ForeignPostcodesAreNotCheckedAsFrench) {
  ManualClock clock(Timestamp{});
  CustomerDraft draft;
  draft.name = "Client belge";
  draft.sites = {Site{.postcode = "1000", .city = "Bruxelles", .country = "BE"}};
  EXPECT_NO_THROW(detail::normalize_customer(draft, clock));
  draft.sites[0].country = "FR";
  EXPECT_THROW(detail::normalize_customer(draft, clock), InvalidInputError);
}

TEST(CustomerRulesTest, DuplicatePhonesAndTagsCollapse) {
  ManualClock clock(Timestamp{});
  CustomerDraft draft;
  draft.name = "Durand";
  draft.phones = {"06 12 34 56 78", "+33612345678"};
  draft.tags = {"vip", " vip "};
  auto normalized = detail::normalize_customer(draft, clock);
  EXPECT_EQ(normalized.phones.size(), 1u);
  EXPECT_EQ(normalized.tags, std::vector<std::string>{"vip"});
}

TEST(CustomerRulesTest, ExternalSystemNamesAreChecked) {
  ManualClock clock(Timestamp{});
  CustomerDraft draft;
  draft.name = "Durand";
  draft.external_ids = {{"SAGE 100", "C1"}, {"erp", ""}};
  try {
    detail::normalize_customer(draft, clock);
    FAIL();
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors().size(), 2u);
  }
}
