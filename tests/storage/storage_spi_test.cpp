// The storage SPI conformance suite: every test runs on SQLite and on
// PostgreSQL, through the storage-soci plugin as the library loads it.
#include "host/plugin_host.h"
#include "support/test_database.h"

#include <relais/spi/storage.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <limits>
#include <thread>

namespace relais {
namespace {

using relais::testing::Engine;
using relais::testing::TestDatabase;
using spi::Value;
using namespace std::chrono_literals;

detail::PluginHost& plugin_host() {
  static detail::PluginHost host;
  return host;
}

std::shared_ptr<spi::StorageBackend> open_backend(const std::string& uri) {
  return plugin_host().create_as<spi::StorageBackend>("storage", "soci", uri);
}

// Expects `action` to throw exactly `ErrorType` and returns it.
template <class ErrorType, class Action>
ErrorType expect_error(Action&& action) {
  try {
    action();
  } catch (const ErrorType& error) {
    return error;
  } catch (const std::exception& error) {
    ADD_FAILURE() << "unexpected exception: " << error.what();
    throw;
  }
  ADD_FAILURE() << "no exception";
  throw std::runtime_error("expected an exception");
}

class StorageSpiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam());
    backend_ = open_backend(database_->uri());
    connection_ = backend_->connect();
    connection_->execute_script(
        "CREATE TABLE item (id BIGINT PRIMARY KEY, label TEXT UNIQUE, amount DOUBLE PRECISION, note TEXT);"
        "CREATE TABLE part (id BIGINT PRIMARY KEY, item_id BIGINT NOT NULL REFERENCES item (id))");
  }

  bool on_postgresql() const { return GetParam() == Engine::postgresql; }

  std::int64_t insert_item(spi::Connection& connection, std::int64_t id, std::string label) {
    const Value params[] = {id, std::move(label), 1.0, nullptr};
    return connection.execute("INSERT INTO item (id, label, amount, note) VALUES (?, ?, ?, ?)", params);
  }

  std::int64_t count_items(spi::Connection& connection) {
    return connection.query("SELECT count(*) FROM item", {}).at(0).integer(0);
  }

  std::unique_ptr<TestDatabase> database_;
  std::shared_ptr<spi::StorageBackend> backend_;
  std::unique_ptr<spi::Connection> connection_;
};

TEST_P(StorageSpiTest, TypedBindsRoundTrip) {
  const std::vector<std::vector<Value>> rows = {
      {std::int64_t{1}, std::string("Hélène Œuvre — ça marche"), 1.5, nullptr},
      {std::numeric_limits<std::int64_t>::max(), std::string(), -2.25e300, std::string("x")},
      {std::numeric_limits<std::int64_t>::min(), nullptr, 0.1, std::string("日本語")},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(connection_->execute("INSERT INTO item (id, label, amount, note) VALUES (?, ?, ?, ?)", row), 1);
  }
  for (const auto& expected : rows) {
    const Value key[] = {expected[0]};
    const auto found = connection_->query("SELECT id, label, amount, note FROM item WHERE id = ?", key);
    ASSERT_EQ(found.size(), 1u);
    ASSERT_EQ(found[0].size(), 4u);
    for (std::size_t column = 0; column < 4; ++column) {
      EXPECT_EQ(found[0].value(column), expected[column]) << "column " << column;
    }
  }
}

TEST_P(StorageSpiTest, SameStatementAcceptsNullThenTextThenNumberInOneParameter) {
  insert_item(*connection_, 1, "a");
  const std::string sql = "UPDATE item SET note = ? WHERE id = ?";
  for (const Value& note : {Value{nullptr}, Value{std::string("text")}, Value{std::int64_t{42}}}) {
    const Value params[] = {note, std::int64_t{1}};
    EXPECT_EQ(connection_->execute(sql, params), 1);
  }
  EXPECT_EQ(connection_->query("SELECT note FROM item", {}).at(0).text(0), "42");
}

TEST_P(StorageSpiTest, ExecuteCountsTheRowsChanged) {
  for (std::int64_t id = 1; id <= 3; ++id) insert_item(*connection_, id, "item " + std::to_string(id));
  const Value bound[] = {std::int64_t{2}};
  EXPECT_EQ(connection_->execute("UPDATE item SET note = 'seen' WHERE id >= ?", bound), 2);
  EXPECT_EQ(connection_->execute("DELETE FROM item WHERE id > 100", {}), 0);
}

TEST_P(StorageSpiTest, QuestionMarksInLiteralsAndCommentsAreNotPlaceholders) {
  const Value bound[] = {std::int64_t{7}};
  const auto rows = connection_->query("SELECT 'what?', CAST(? AS BIGINT) /* why? */", bound);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(0), "what?");
  EXPECT_EQ(rows[0].integer(1), 7);
}

TEST_P(StorageSpiTest, WrongNumberOfParametersIsAStorageError) {
  const Value bound[] = {std::int64_t{1}, std::int64_t{2}};
  const auto error = expect_error<StorageError>([&] { connection_->query("SELECT id FROM item WHERE id = ?", bound); });
  EXPECT_EQ(error.context().at("operation"), "SELECT id FROM item WHERE id = ?");
}

TEST_P(StorageSpiTest, CommitPublishesToOtherConnections) {
  auto other = backend_->connect();
  connection_->begin(spi::TransactionMode::write);
  insert_item(*connection_, 1, "pending");
  EXPECT_EQ(count_items(*other), 0) << "uncommitted rows are invisible";
  connection_->commit();
  EXPECT_EQ(count_items(*other), 1);
}

TEST_P(StorageSpiTest, RollbackDiscardsTheTransaction) {
  connection_->begin(spi::TransactionMode::write);
  insert_item(*connection_, 1, "discarded");
  connection_->rollback();
  EXPECT_EQ(count_items(*connection_), 0);
  EXPECT_FALSE(connection_->is_broken());
}

TEST_P(StorageSpiTest, ReadTransactionSeesOneSnapshot) {
  auto writer = backend_->connect();
  connection_->begin(spi::TransactionMode::read);
  EXPECT_EQ(count_items(*connection_), 0);
  insert_item(*writer, 1, "later");
  EXPECT_EQ(count_items(*connection_), 0) << "a read transaction keeps its snapshot";
  connection_->commit();
  EXPECT_EQ(count_items(*connection_), 1);
}

TEST_P(StorageSpiTest, WriteTransactionsSerializeBetweenConnections) {
  connection_->execute_script("CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL);"
                              "INSERT INTO counter VALUES (1, 0)");
  constexpr int kIncrements = 25;
  auto increment_many = [&] {
    auto connection = backend_->connect();
    const std::string read = "SELECT n FROM counter WHERE id = 1" + std::string(connection->dialect().lock_rows_suffix());
    for (int i = 0; i < kIncrements; ++i) {
      connection->begin(spi::TransactionMode::write);
      const std::int64_t n = connection->query(read, {}).at(0).integer(0);
      std::this_thread::yield();
      const Value next[] = {n + 1};
      connection->execute("UPDATE counter SET n = ? WHERE id = 1", next);
      connection->commit();
    }
  };
  std::thread first(increment_many);
  std::thread second(increment_many);
  first.join();
  second.join();
  EXPECT_EQ(connection_->query("SELECT n FROM counter", {}).at(0).integer(0), 2 * kIncrements)
      << "no increment was lost";
}

TEST_P(StorageSpiTest, UniqueViolationIsAConflict) {
  insert_item(*connection_, 1, "taken");
  const auto error = expect_error<ConflictError>([&] { insert_item(*connection_, 2, "taken"); });
  EXPECT_EQ(error.context().at("operation"), "INSERT INTO item (id, label, amount, note) VALUES (?, ?, ?, ?)");
  EXPECT_EQ(error.context().at("sql_state"), on_postgresql() ? "23505" : "2067");
  EXPECT_FALSE(connection_->is_broken());
}

TEST_P(StorageSpiTest, ForeignKeyViolationIsAConflict) {
  const Value orphan[] = {std::int64_t{1}, std::int64_t{999}};
  const auto error = expect_error<ConflictError>(
      [&] { connection_->execute("INSERT INTO part (id, item_id) VALUES (?, ?)", orphan); });
  EXPECT_EQ(error.context().at("sql_state"), on_postgresql() ? "23503" : "787");
}

TEST_P(StorageSpiTest, SyntaxErrorIsAStorageErrorWithOperationAndSqlState) {
  const auto error = expect_error<StorageError>([&] { connection_->query("SELEC id FROM item", {}); });
  EXPECT_EQ(error.context().at("operation"), "SELEC id FROM item");
  EXPECT_EQ(error.context().at("sql_state"), on_postgresql() ? "42601" : "1");
  EXPECT_FALSE(connection_->is_broken());
}

TEST_P(StorageSpiTest, LongOperationIsCutInTheErrorContext) {
  const std::string sql = "SELECT nothing FROM item WHERE label = '" + std::string(500, 'x') + "'";
  const auto error = expect_error<StorageError>([&] { connection_->query(sql, {}); });
  EXPECT_LT(error.context().at("operation").size(), 210u);
}

TEST_P(StorageSpiTest, ConnectionRecoversAfterAFailedTransaction) {
  insert_item(*connection_, 1, "taken");
  connection_->begin(spi::TransactionMode::write);
  EXPECT_THROW(insert_item(*connection_, 2, "taken"), ConflictError);
  connection_->rollback();
  EXPECT_FALSE(connection_->is_broken());
  insert_item(*connection_, 3, "fresh");
  EXPECT_EQ(count_items(*connection_), 2);
}

TEST_P(StorageSpiTest, SeveralStatementsInOneExecuteAreRefused) {
  // A script belongs in execute_script: execute must never run part of it.
  EXPECT_THROW(connection_->execute("INSERT INTO item (id) VALUES (1); INSERT INTO item (id) VALUES (2)", {}),
               StorageError);
  EXPECT_EQ(count_items(*connection_), 0);
}

TEST_P(StorageSpiTest, NotifyWakesListenersOnPostgresqlAndListenersTimeOutOnSqlite) {
  auto listener = backend_->listen("relais_changes");
  if (!on_postgresql()) {
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(listener->wait(50ms));
    EXPECT_GE(std::chrono::steady_clock::now() - start, 50ms);
    connection_->notify("relais_changes");
    return;
  }
  connection_->begin(spi::TransactionMode::write);
  connection_->notify("relais_changes");
  EXPECT_FALSE(listener->wait(100ms)) << "delivered at commit, not before";
  connection_->commit();
  EXPECT_TRUE(listener->wait(5s));
  EXPECT_FALSE(listener->wait(50ms)) << "one notification wakes once";
}

TEST_P(StorageSpiTest, ChannelMustBeAnIdentifier) {
  EXPECT_THROW(connection_->notify("x; DROP TABLE item"), InvalidInputError);
  EXPECT_THROW(backend_->listen("1abc"), InvalidInputError);
}

TEST_P(StorageSpiTest, DialectUpsertInsertsThenUpdates) {
  const std::string upsert = backend_->dialect().upsert("item", {"id", "label", "amount"}, {"id"});
  const Value first[] = {std::int64_t{5}, std::string("first"), 1.0};
  const Value second[] = {std::int64_t{5}, std::string("second"), 2.0};
  connection_->execute(upsert, first);
  connection_->execute(upsert, second);
  const auto rows = connection_->query("SELECT label, amount FROM item", {});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(0), "second");
  EXPECT_EQ(rows[0].real(1), 2.0);
}

TEST_P(StorageSpiTest, DialectJsonTextReadsANestedField) {
  const spi::Dialect& dialect = backend_->dialect();
  connection_->execute_script("CREATE TABLE doc (body " + std::string(dialect.json_type()) + ")");
  const Value document[] = {std::string(R"({"address": {"city": "Saint-Malo"}})")};
  connection_->execute(on_postgresql() ? "INSERT INTO doc VALUES (CAST(? AS JSONB))" : "INSERT INTO doc VALUES (?)",
                       document);
  const auto rows = connection_->query("SELECT " + dialect.json_text("body", "address.city") + " FROM doc", {});
  EXPECT_EQ(rows.at(0).text(0), "Saint-Malo");
}

// A table indexed for full text, as an area would make it: folded words
// in text columns, an engine-numbered key.
class FullTextTest : public StorageSpiTest {
 protected:
  void SetUp() override {
    StorageSpiTest::SetUp();
    const spi::Dialect& dialect = backend_->dialect();
    connection_->execute_script("CREATE TABLE note (doc " + std::string(dialect.serial_key_type()) +
                                ", title TEXT NOT NULL, body TEXT NOT NULL, kind TEXT NOT NULL)");
    add("chantier dupont", "tableau electrique");  // indexed by the script below: rows already there count
    connection_->execute_script(dialect.full_text_index(kIndex));
  }

  std::int64_t add(const std::string& title, const std::string& body, const std::string& kind = "visit") {
    const Value row[] = {title, body, kind};
    connection_->execute("INSERT INTO note (title, body, kind) VALUES (?, ?, ?)", row);
    return connection_->query("SELECT MAX(doc) FROM note", {}).at(0).integer(0);
  }

  // The matching titles, best first.
  std::vector<std::string> search(const std::vector<spi::FullTextTerm>& terms, bool newest_first = false,
                                  const std::vector<std::vector<std::string>>& filters = {}) {
    const spi::Dialect& dialect = backend_->dialect();
    const spi::FullTextSql sql = dialect.full_text_search(kIndex);
    const Value query[] = {dialect.full_text_query(kIndex, terms, filters)};
    std::vector<std::string> titles;
    for (const auto& row : connection_->query("SELECT note.title, " + sql.rank + " AS score FROM " + sql.source +
                                                  " ORDER BY " + (newest_first ? sql.order_key + " DESC" : "score DESC"),
                                              query)) {
      titles.push_back(row.text(0));
    }
    return titles;
  }

  const spi::FullTextIndex kIndex{"note", "doc", {"title", "body"}, "kind"};
};

TEST_P(FullTextTest, MatchesEveryTermAndTheLastAsAPrefix) {
  add("depannage martin", "disjoncteur qui saute tableau");
  using Titles = std::vector<std::string>;
  EXPECT_EQ(search({{"tableau"}}).size(), 2u);
  EXPECT_EQ(search({{"tableau"}, {"disj", true}}), Titles{"depannage martin"});
  EXPECT_TRUE(search({{"tableau"}, {"disj"}}).empty()) << "without prefix, a word matches whole";
  EXPECT_EQ(search({{"tableau"}}, true), (Titles{"depannage martin", "chantier dupont"}));
}

TEST_P(FullTextTest, TitleWordsRankAboveBodyWords) {
  add("devis vmc", "a poser");
  add("devis borne", "la vmc aussi");
  EXPECT_EQ(search({{"vmc"}}), (std::vector<std::string>{"devis vmc", "devis borne"}));
}

TEST_P(FullTextTest, IndexFollowsUpdatesAndDeletes) {
  const std::int64_t doc = add("visite", "prise cuisine");
  const Value change[] = {std::string("prise salon"), doc};
  connection_->execute("UPDATE note SET body = ? WHERE doc = ?", change);
  EXPECT_TRUE(search({{"cuisine"}}).empty());
  EXPECT_EQ(search({{"salon"}}).size(), 1u);
  const Value key[] = {doc};
  connection_->execute("DELETE FROM note WHERE doc = ?", key);
  EXPECT_TRUE(search({{"salon"}}).empty());
}

TEST_P(FullTextTest, FiltersMatchOnlyTheFilterColumn) {
  add("appel martin", "visite prevue", "call");
  add("visite martin", "appel a rappeler", "visit");
  add("devis martin", "visite", "ticket");
  using Titles = std::vector<std::string>;
  EXPECT_EQ(search({{"martin"}}, false, {{"call"}}), Titles{"appel martin"});
  EXPECT_EQ(search({{"martin"}}, true, {{"call", "ticket"}}), (Titles{"devis martin", "appel martin"}));
  EXPECT_TRUE(search({{"call"}}).empty()) << "terms never match the filter column";
  EXPECT_TRUE(search({{"martin"}}, false, {{"call"}, {"visit"}}).empty()) << "every filter must match";
  EXPECT_THROW(backend_->dialect().full_text_query(kIndex, {{"martin"}}, {{}}), InvalidInputError);
}

TEST_P(FullTextTest, OperatorsAndQuotesInWordsAreOnlyText) {
  for (const char* word : {"\"", "'", "AND", "OR", "NEAR(", "a\"b", "x'y", "\\", "*", ":*", "title:", "-", "(", "!"}) {
    EXPECT_NO_THROW(search({{word}, {word, true}}, false, {{word}})) << word;
  }
  const spi::Dialect& dialect = backend_->dialect();
  EXPECT_THROW(dialect.full_text_query(kIndex, {}, {}), InvalidInputError);
  EXPECT_THROW(dialect.full_text_query(kIndex, {{""}}, {}), InvalidInputError);
  EXPECT_THROW(dialect.full_text_index({"note; DROP TABLE note", "doc", {"title"}, ""}), InvalidInputError);
  EXPECT_THROW(dialect.full_text_query({"note", "doc", {"title"}, ""}, {{"x"}}, {{"call"}}), InvalidInputError)
      << "no filter column";
}

TEST_P(StorageSpiTest, ExclusiveLockStatementRunsAsCommandOrQuery) {
  const std::string lock(backend_->dialect().exclusive_lock_statement());
  EXPECT_EQ(lock.empty(), !on_postgresql()) << "SQLite's BEGIN IMMEDIATE already locks";
  if (lock.empty()) return;
  connection_->begin(spi::TransactionMode::write);
  connection_->execute(lock, {});
  EXPECT_EQ(connection_->query(lock, {}).size(), 1u);
  connection_->commit();
}

TEST_P(StorageSpiTest, ExclusiveLockStatementSerializesWriters) {
  const std::string lock(backend_->dialect().exclusive_lock_statement());
  auto other = backend_->connect();
  connection_->begin(spi::TransactionMode::write);
  if (!lock.empty()) connection_->execute(lock, {});
  std::atomic<bool> other_locked{false};
  std::thread contender([&] {
    other->begin(spi::TransactionMode::write);
    if (!lock.empty()) other->execute(lock, {});
    other_locked = true;
    other->commit();
  });
  std::this_thread::sleep_for(200ms);
  EXPECT_FALSE(other_locked) << "the second writer waits for the first";
  connection_->commit();
  contender.join();
  EXPECT_TRUE(other_locked);
}

TEST_P(StorageSpiTest, LostPostgresqlConnectionIsMarkedBroken) {
  if (!on_postgresql()) GTEST_SKIP() << "SQLite has no server to lose";
  const std::int64_t pid = connection_->query("SELECT pg_backend_pid()", {}).at(0).integer(0);
  auto killer = backend_->connect();
  const Value target[] = {pid};
  killer->query("SELECT pg_terminate_backend(CAST(? AS INTEGER))", target);
  EXPECT_THROW(count_items(*connection_), StorageError);
  EXPECT_TRUE(connection_->is_broken());
  EXPECT_FALSE(killer->is_broken());
}

INSTANTIATE_TEST_SUITE_P(Engines, FullTextTest, ::testing::ValuesIn(relais::testing::all_engines()),
                         relais::testing::EngineParamName());
INSTANTIATE_TEST_SUITE_P(Engines, StorageSpiTest, ::testing::ValuesIn(relais::testing::all_engines()),
                         relais::testing::EngineParamName());

TEST(StorageSociUri, BadOptionValueIsInvalidInputNamingTheFieldAndValue) {
  const auto error =
      expect_error<InvalidInputError>([] { open_backend("sqlite:///tmp/x.db?synchronous=SOMETIMES"); });
  ASSERT_EQ(error.field_errors().size(), 1u);
  EXPECT_EQ(error.field_errors()[0].field, "uri.synchronous");
  EXPECT_EQ(error.field_errors()[0].value, "SOMETIMES");
}

TEST(StorageSociUri, PasswordNeverAppearsInErrors) {
  const auto error =
      expect_error<InvalidInputError>([] { open_backend("postgresql://marie:s3cret@db.example:notaport/relais"); });
  EXPECT_EQ(std::string(error.what()).find("s3cret"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("uri.port"), std::string::npos) << error.what();
}

TEST(StorageSociSqlite, OpensInWalModeWithTheRequestedDurability) {
  TestDatabase database(Engine::sqlite, "synchronous=NORMAL&busy_timeout=2500");
  auto connection = open_backend(database.uri())->connect();
  EXPECT_EQ(connection->query("PRAGMA journal_mode", {}).at(0).text(0), "wal");
  EXPECT_EQ(connection->query("PRAGMA synchronous", {}).at(0).integer(0), 1) << "NORMAL";
  EXPECT_EQ(connection->query("PRAGMA busy_timeout", {}).at(0).integer(0), 2500);
  EXPECT_EQ(connection->query("PRAGMA foreign_keys", {}).at(0).integer(0), 1);
}

TEST(StorageSociSqlite, DefaultsToFullSynchronousAndTenSecondBusyTimeout) {
  TestDatabase database(Engine::sqlite);
  auto connection = open_backend(database.uri())->connect();
  EXPECT_EQ(connection->query("PRAGMA synchronous", {}).at(0).integer(0), 2) << "FULL";
  EXPECT_EQ(connection->query("PRAGMA busy_timeout", {}).at(0).integer(0), 10000);
}

TEST(StorageSociSqlite, UnreachableFileIsAStorageError) {
  auto backend = open_backend("sqlite:///nonexistent-folder/sub/workspace.db");
  const auto error = expect_error<StorageError>([&] { backend->connect(); });
  EXPECT_NE(error.context().at("operation").find("/nonexistent-folder/sub/workspace.db"), std::string::npos);
}

}  // namespace
}  // namespace relais
