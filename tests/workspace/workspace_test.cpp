// Opening a workspace, the actor, users and events, on both engines.
#include "support/workspace_fixture.h"

#include <relais/errors.h>
#include <relais/version.h>

#include <atomic>
#include <thread>

using namespace relais;
using namespace std::chrono_literals;
using relais::testing::sample_company;

class WorkspaceOpenTest : public relais::testing::WorkspaceTest {};
RELAIS_INSTANTIATE_FOR_ENGINES(WorkspaceOpenTest);

TEST(WorkspaceVersionTest, RuntimeVersionMatchesHeaders) { EXPECT_EQ(runtime_version(), RELAIS_VERSION); }

TEST(WorkspaceUriTest, BadUrisAreInvalidInputNamingTheUri) {
  for (std::string uri : {"", "/tmp/x.db", "mysql://localhost/db", "sqlite:///tmp/x.db?synchronous=SOMETIMES",
                          "postgresql://marie@localhost:notaport/db"}) {
    try {
      Workspace::open(uri);
      ADD_FAILURE() << uri;
    } catch (const InvalidInputError& error) {
      EXPECT_EQ(error.field_errors().at(0).field.substr(0, 3), "uri") << uri;
    }
  }
}

TEST(WorkspaceUriTest, UnknownStoragePluginIsAPluginError) {
  EXPECT_THROW(Workspace::open("sqlite:///tmp/never.db", {.storage_plugin = "nonexistent"}), PluginError);
}

TEST_P(WorkspaceOpenTest, NewWorkspaceStartsWithOneActiveAdmin) {
  auto ws = open();
  EXPECT_EQ(ws.engine(), relais::testing::engine_name(GetParam()));
  EXPECT_EQ(ws.actor().login, "admin");
  EXPECT_EQ(ws.actor().role, Role::admin);
  auto users = ws.users().list();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_TRUE(users[0].active);
}

TEST_P(WorkspaceOpenTest, ReopeningRunsNoMigrationTwice) {
  { open().customers().create(sample_company()); }
  auto ws = open();
  EXPECT_EQ(ws.users().list().size(), 1u);
  EXPECT_EQ(ws.customers().list().items.size(), 1u);
}

TEST_P(WorkspaceOpenTest, ActorMustBeAKnownActiveUserWithTheGivenRole) {
  auto admin = open();
  User marie = admin.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  EXPECT_EQ(open_as("assistant:marie").actor().login, "marie");
  EXPECT_THROW(open_as("technician:marie"), PermissionDeniedError);
  EXPECT_THROW(open_as("nobody"), PermissionDeniedError);
  admin.users().set_active("marie", marie.version, false);
  EXPECT_THROW(open_as("marie"), PermissionDeniedError);
}

TEST_P(WorkspaceOpenTest, OnlyAdminsManageUsers) {
  auto admin = open();
  admin.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  auto marie = admin.as_user("marie");
  EXPECT_THROW(marie.users().create({.login = "paul", .display_name = "Paul"}), PermissionDeniedError);
  EXPECT_NO_THROW(marie.customers().create(sample_company()));
  EXPECT_EQ(marie.customers().list().items.at(0).name, "Électricité Durand SARL");
}

TEST_P(WorkspaceOpenTest, UserRulesAreEnforced) {
  auto ws = open();
  EXPECT_THROW(ws.users().create({.login = "Marie Curie", .display_name = "M"}), InvalidInputError);
  ws.users().create({.login = "marie", .display_name = "Marie"});
  EXPECT_THROW(ws.users().create({.login = "marie", .display_name = "Other"}), ConflictError);
  User admin = ws.users().get("admin");
  EXPECT_THROW(ws.users().set_active("admin", admin.version, false), InvalidInputError);
  EXPECT_TRUE(ws.users().get("admin").active);
  EXPECT_THROW(ws.users().get("ghost"), NotFoundError);
}

TEST_P(WorkspaceOpenTest, JournalRecordsTheActorOfEachChange) {
  auto admin = open();
  admin.users().create({.login = "marie", .display_name = "Marie"});
  auto marie = admin.as_user("marie");
  Customer created = marie.customers().create(sample_company());
  auto history = admin.history("customer", created.id.to_string());
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].actor, "marie");
}

TEST_P(WorkspaceOpenTest, SubscribersRunAfterCommitAndMayThrow) {
  auto ws = open();
  std::vector<Event> seen;
  auto failing = ws.subscribe([](const Event&) { throw std::runtime_error("subscriber bug"); });
  auto recording = ws.subscribe([&](const Event& event) {
    // After commit: the record is already readable from another session.
    auto other = open();
    EXPECT_NO_THROW(other.customers().get(Uuid::parse(event.entity_id)));
    seen.push_back(event);
  }, "CustomerCreated");
  Customer created = ws.customers().create(sample_company());
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].entity_id, created.id.to_string());
  EXPECT_EQ(seen[0].actor, "admin");
  EXPECT_EQ(ws.customers().get(created.id), created);
}

TEST_P(WorkspaceOpenTest, FailedWritesPublishNothing) {
  auto ws = open();
  int events = 0;
  auto subscription = ws.subscribe([&](const Event&) { ++events; });
  EXPECT_THROW(ws.customers().create(CustomerDraft{}), InvalidInputError);
  EXPECT_EQ(events, 0);
  subscription.reset();
  ws.customers().create(sample_company());
  EXPECT_EQ(events, 0);
}

TEST_P(WorkspaceOpenTest, ChangesOfOneSessionReachAnotherThroughTheFeed) {
  auto reader = open();
  auto cursor = reader.journal_head().sequence;
  auto writer = open();
  Customer created = writer.customers().create(sample_company());
  auto page = reader.changes_since(cursor);
  ASSERT_EQ(page.events.size(), 1u);
  EXPECT_EQ(page.events[0].type, "CustomerCreated");
  EXPECT_EQ(page.events[0].entity_id, created.id.to_string());
  EXPECT_TRUE(reader.changes_since(page.next_cursor).events.empty());
  EXPECT_THROW(reader.changes_since(0, 0), InvalidInputError);
}

TEST_P(WorkspaceOpenTest, WaitForChangesWakesOnAnotherConnectionsCommit) {
  auto reader = open({.poll_interval = 20ms});
  auto cursor = reader.journal_head().sequence;
  std::thread writer([&] {
    std::this_thread::sleep_for(150ms);
    open().customers().create(sample_company());
  });
  auto start = std::chrono::steady_clock::now();
  auto page = reader.wait_for_changes(cursor, 10s);
  writer.join();
  EXPECT_EQ(page.events.size(), 1u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  auto empty = reader.wait_for_changes(page.next_cursor, 100ms);
  EXPECT_TRUE(empty.events.empty());
}

TEST_P(WorkspaceOpenTest, SchemaNewerThanTheLibraryIsRefused) {
  { open(); }
  relais::testing::execute_raw_sql(database(), "UPDATE relais_schema SET version = 99 WHERE area = 'customers'");
  try {
    open();
    FAIL() << "opened a database from the future";
  } catch (const StorageError& error) {
    EXPECT_NE(std::string(error.what()).find("newer than this library"), std::string::npos);
    EXPECT_EQ(error.context().at("area"), "customers");
    EXPECT_EQ(error.context().at("database_version"), "99");
  }
}

TEST_P(WorkspaceOpenTest, ConcurrentWritersFromManyThreadsLoseNothing) {
  auto ws = open({.pool_size = 4});
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        try {
          ws.customers().create({.name = "Client " + std::to_string(t) + "-" + std::to_string(i)});
        } catch (...) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(ws.customers().list({.limit = 500}).items.size(), 100u);
  EXPECT_TRUE(ws.verify_journal().ok);
  EXPECT_EQ(ws.journal_head().sequence, 101);
}
