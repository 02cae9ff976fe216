#include "support/test_database.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <unistd.h>

namespace relais::testing {
namespace {

std::string random_suffix() {
  static std::atomic<unsigned> counter{0};
  std::random_device device;
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(device() % 100000);
}

void run_postgres_sql(const std::string& uri, const std::string& sql) {
  // libpq understands postgresql:// URIs directly.
  PGconn* connection = PQconnectdb(uri.c_str());
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string message = PQerrorMessage(connection);
    PQfinish(connection);
    throw std::runtime_error("cannot reach the test cluster: " + message);
  }
  PGresult* result = PQexec(connection, sql.c_str());
  bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  std::string message = PQerrorMessage(connection);
  PQclear(result);
  PQfinish(connection);
  if (!ok) throw std::runtime_error(sql + ": " + message);
}

void run_admin_sql(const std::string& sql) { run_postgres_sql(postgres_cluster_uri(), sql); }

void run_sqlite_sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  int status = sqlite3_open(path.c_str(), &db);
  char* message = nullptr;
  if (status == SQLITE_OK) status = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  std::string error = message ? message : sqlite3_errmsg(db);
  sqlite3_free(message);
  sqlite3_close(db);
  if (status != SQLITE_OK) throw std::runtime_error(sql + ": " + error);
}

}  // namespace

void execute_raw_sql(const TestDatabase& database, const std::string& sql) {
  if (database.engine() == Engine::sqlite) {
    run_sqlite_sql(database.path(), sql);
  } else {
    run_postgres_sql(database.uri(), sql);
  }
}

std::string query_single_text(const TestDatabase& database, const std::string& sql) {
  std::string value;
  auto keep_first = [](void* out, int, char** values, char**) {
    if (values[0]) *static_cast<std::string*>(out) = values[0];
    return 0;
  };
  sqlite3* db = nullptr;
  sqlite3_open(database.path().c_str(), &db);
  int status = sqlite3_exec(db, sql.c_str(), keep_first, &value, nullptr);
  sqlite3_close(db);
  if (status != SQLITE_OK) throw std::runtime_error("query failed: " + sql);
  return value;
}

std::string engine_name(Engine engine) {
  return engine == Engine::sqlite ? "sqlite" : "postgresql";
}

std::vector<Engine> all_engines() { return {Engine::sqlite, Engine::postgresql}; }

std::string postgres_cluster_uri() {
  const char* file = std::getenv("RELAIS_TEST_PG_URI_FILE");
  if (!file) return {};
  std::ifstream in(file);
  std::string uri;
  std::getline(in, uri);
  return uri;
}

TestDatabase::TestDatabase(Engine engine, const std::string& sqlite_query) : engine_(engine) {
  if (engine == Engine::sqlite) {
    folder_ = (std::filesystem::temp_directory_path() / ("relais-test-" + random_suffix())).string();
    std::filesystem::create_directories(folder_);
    path_ = folder_ + "/workspace.db";
    uri_ = "sqlite://" + path_ + (sqlite_query.empty() ? "" : "?" + sqlite_query);
    return;
  }
  std::string cluster = postgres_cluster_uri();
  if (cluster.empty()) throw std::runtime_error("RELAIS_TEST_PG_URI_FILE is not set: no test cluster");
  database_name_ = "t_" + random_suffix();
  run_admin_sql("CREATE DATABASE " + database_name_);
  uri_ = cluster.substr(0, cluster.rfind('/') + 1) + database_name_;
}

TestDatabase::~TestDatabase() {
  try {
    if (engine_ == Engine::sqlite) {
      std::filesystem::remove_all(folder_);
    } else {
      run_admin_sql("DROP DATABASE IF EXISTS " + database_name_ + " WITH (FORCE)");
    }
  } catch (...) {
    // Cleanup is best effort: the cluster and temp folder die with the run.
  }
}

}  // namespace relais::testing
