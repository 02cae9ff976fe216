#pragma once
// A fresh, empty database per test, on either engine, so that one storage
// conformance suite runs against SQLite and PostgreSQL alike.
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace relais::testing {

enum class Engine { sqlite, postgresql };

std::string engine_name(Engine engine);
std::vector<Engine> all_engines();

// SQLite: a new file in a temporary folder (removed afterwards).
// PostgreSQL: a new database on the run's throwaway cluster (dropped
// afterwards); the cluster's URI is read from RELAIS_TEST_PG_URI_FILE.
class TestDatabase {
 public:
  explicit TestDatabase(Engine engine, const std::string& sqlite_query = "");
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& uri() const { return uri_; }
  Engine engine() const { return engine_; }
  // SQLite only: the database file.
  const std::string& path() const { return path_; }

 private:
  Engine engine_;
  std::string uri_;
  std::string path_;
  std::string folder_;
  std::string database_name_;
};

// For INSTANTIATE_TEST_SUITE_P: names each instance after its engine, so a
// failing test reads "CustomerConformance/CreateThenGet/postgresql".
struct EngineParamName {
  std::string operator()(const ::testing::TestParamInfo<Engine>& info) const {
    return engine_name(info.param);
  }
};

// Runs SQL on the database behind the library's back (to tamper with the
// journal, or to simulate a newer schema). Throws std::runtime_error.
void execute_raw_sql(const TestDatabase& database, const std::string& sql);

// Runs a query returning one text value (SQLite only: for PRAGMA checks).
std::string query_single_text(const TestDatabase& database, const std::string& sql);

// The URI of the test cluster's maintenance database ("" when absent).
std::string postgres_cluster_uri();

}  // namespace relais::testing
