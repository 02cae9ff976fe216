#include <relais/clock.h>
#include <relais/errors.h>
#include <relais/ids.h>

#include "core/changes.h"
#include "core/event_bus.h"
#include "journal/journal.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

using namespace relais;
using namespace std::chrono_literals;

TEST(UuidTest, GeneratesVersion7WithVariantBits) {
  ManualClock clock(Timestamp(1'700'000'000'000'000us));
  Uuid id = Uuid::generate(clock);
  EXPECT_EQ(id.version(), 7);
  EXPECT_EQ(id.bytes()[8] & 0xC0, 0x80);
  EXPECT_EQ(id.to_string().substr(0, 13), "018bcfe5-6800");  // 1.7e12 ms in the first 48 bits
}

TEST(UuidTest, IdsFromOneProcessSortInCreationOrder) {
  ManualClock clock(Timestamp(1'700'000'000'000'000us));
  std::vector<Uuid> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back(Uuid::generate(clock));
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::set<Uuid>(ids.begin(), ids.end()).size(), ids.size());
}

TEST(UuidTest, ParsesWhatItPrints) {
  Uuid id = Uuid::generate(SystemClock{});
  EXPECT_EQ(Uuid::parse(id.to_string()), id);
  std::string upper = id.to_string();
  for (auto& c : upper) c = static_cast<char>(std::toupper(c));
  EXPECT_EQ(Uuid::parse(upper), id);
}

TEST(UuidTest, RejectsMalformedTextNamingTheField) {
  for (std::string bad : {"", "not-a-uuid", "018bcfe5-6800-7000-8000-00000000000", "018bcfe5x6800-7000-8000-000000000000",
                          "018bcfe5-6800-7000-8000-00000000000g"}) {
    try {
      Uuid::parse(bad, "customer_id");
      ADD_FAILURE() << bad;
    } catch (const InvalidInputError& error) {
      ASSERT_EQ(error.field_errors().size(), 1u);
      EXPECT_EQ(error.field_errors()[0].field, "customer_id");
      EXPECT_EQ(error.field_errors()[0].value, bad);
    }
  }
}

TEST(ErrorsTest, QuotedValuesAreCutOnACharacterBoundary) {
  std::string long_value(100, 'a');
  long_value.replace(79, 2, "é");  // a two-byte character straddling the cut
  std::string quoted = quote_value(long_value);
  EXPECT_LT(quoted.size(), 110u);
  EXPECT_NE(quoted.find("(100 bytes)"), std::string::npos);
  EXPECT_EQ(quoted.substr(0, 79), long_value.substr(0, 79));
  EXPECT_EQ(quoted[79], '.');
}

TEST(ErrorsTest, InvalidInputCarriesEveryFieldError) {
  FieldErrors errors;
  errors.add("name", "", "must not be empty");
  errors.add("phones[0]", "06 12 34", "not a phone number");
  try {
    errors.throw_if_any();
    FAIL();
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.code(), ErrorCode::invalid_input);
    EXPECT_EQ(error.field_errors().size(), 2u);
    EXPECT_NE(std::string(error.what()).find("phones[0] \"06 12 34\""), std::string::npos);
    EXPECT_EQ(error.context().at("field"), "name");
  }
}

TEST(ClockTest, ManualClockMovesOnlyWhenTold) {
  ManualClock clock(Timestamp(0us));
  EXPECT_EQ(clock.now(), Timestamp(0us));
  clock.advance(90s);
  EXPECT_EQ(format_timestamp(clock.now()), "1970-01-01T00:01:30.000000Z");
}

TEST(EventBusTest, NamesEventsFromEntityAndAction) {
  EXPECT_EQ(detail::event_type("customer", "create"), "CustomerCreated");
  EXPECT_EQ(detail::event_type("customer", "archive"), "CustomerArchived");
  EXPECT_EQ(detail::event_type("user", "update"), "UserUpdated");
  EXPECT_EQ(detail::event_type("ticket_comment", "add"), "TicketCommentAdded");
}

TEST(EventBusTest, ThrowingSubscriberDoesNotStopTheOthers) {
  detail::EventBus bus;
  int delivered = 0;
  auto first = bus.subscribe([](const Event&) { throw std::runtime_error("boom"); }, "");
  auto second = bus.subscribe([&](const Event&) { ++delivered; }, "");
  bus.publish(Event{.type = "CustomerCreated"});
  EXPECT_EQ(delivered, 1);
}

TEST(EventBusTest, SubscriptionEndsWithItsHandle) {
  detail::EventBus bus;
  int delivered = 0;
  {
    auto subscription = bus.subscribe([&](const Event&) { ++delivered; }, "CustomerCreated");
    bus.publish(Event{.type = "CustomerCreated"});
    bus.publish(Event{.type = "CustomerUpdated"});
    EXPECT_TRUE(subscription.active());
  }
  bus.publish(Event{.type = "CustomerCreated"});
  EXPECT_EQ(delivered, 1);
}

TEST(ChangeListTest, RecordsOnlyFieldsThatDiffer) {
  detail::ChangeList changes;
  changes.compare("name", std::string("Durand"), std::string("Durand SARL"));
  changes.compare("tags", std::vector<std::string>{"a"}, std::vector<std::string>{"a"});
  changes.created("notes", std::string());
  changes.created("phones", std::vector<std::string>{"+33612345678"});
  auto list = changes.take();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0], (FieldChange{"name", "\"Durand\"", "\"Durand SARL\""}));
  EXPECT_EQ(list[1], (FieldChange{"phones", "null", "[\"+33612345678\"]"}));
}

TEST(UuidTest, ForkedProcessesDoNotRepeatTheParentsIds) {
  ManualClock clock(Timestamp(1'700'000'000'000'000us));
  Uuid::generate(clock);  // the parent's generator is now seeded and in use
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  if (child == 0) {
    std::string id = Uuid::generate(clock).to_string();
    std::_Exit(write(pipe_fds[1], id.data(), id.size()) == 36 ? 0 : 1);
  }
  std::string parent_id = Uuid::generate(clock).to_string();
  char child_id[36];
  ASSERT_EQ(read(pipe_fds[0], child_id, sizeof child_id), 36);
  waitpid(child, nullptr, 0);
  EXPECT_NE(parent_id, std::string(child_id, 36));
}

// The journal's JSON strings: the texts nlohmann::json(text).dump() writes
// (what the journal wrote before), invalid UTF-8 refused the same way.
TEST(JsonString, WritesWhatNlohmannWrites) {
  using relais::detail::json_string;
  EXPECT_EQ(json_string(""), "\"\"");
  EXPECT_EQ(json_string("Rappeler le client"), "\"Rappeler le client\"");
  EXPECT_EQ(json_string("say \"hi\" \\ / ok"), "\"say \\\"hi\\\" \\\\ / ok\"");
  EXPECT_EQ(json_string("a\bb\tc\nd\fe\rf"), "\"a\\bb\\tc\\nd\\fe\\rf\"");
  EXPECT_EQ(json_string(std::string("\x01\x1f\x7f", 3)), "\"\\u0001\\u001f\x7f\"");
  EXPECT_EQ(json_string(std::string("nul\0", 4)), "\"nul\\u0000\"");
  EXPECT_EQ(json_string("Relance programmée — 😀"), "\"Relance programmée — 😀\"");
  EXPECT_ANY_THROW(json_string("\xc3"));          // cut short
  EXPECT_ANY_THROW(json_string("\xc0\xaf"));      // overlong
  EXPECT_ANY_THROW(json_string("\xed\xa0\x80"));  // a surrogate
  EXPECT_ANY_THROW(json_string("\xf4\x90\x80\x80"));  // above U+10FFFF
}
