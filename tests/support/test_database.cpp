#include "support/test_database.h"

#include <libpq-fe.h>

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

void run_admin_sql(const std::string& sql) {
  // libpq understands postgresql:// URIs directly.
  PGconn* connection = PQconnectdb(postgres_cluster_uri().c_str());
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

}  // namespace

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
