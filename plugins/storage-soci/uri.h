#pragma once
// Parses a workspace URI into what the storage-soci plugin needs to open a
// session. A pure function of its input, so that a fuzz target can drive it.
#include <string>
#include <string_view>

namespace relais::soci_storage {

enum class EngineKind { sqlite, postgresql };

enum class Synchronous { full, normal, off };

struct DatabaseUri {
  EngineKind engine = EngineKind::sqlite;
  // SQLite: the database file (percent-decoded), relative paths as given.
  std::string sqlite_path;
  Synchronous synchronous = Synchronous::full;
  int busy_timeout_ms = 10000;
  // PostgreSQL: a libpq "key='value' ..." connection string, the form SOCI's
  // postgresql backend accepts (it takes no postgresql:// URI).
  std::string connection_string;
  // The URI with any password replaced by "***", for messages and logs.
  std::string redacted;
};

// Accepts
//   sqlite:///absolute/path.db, sqlite://relative/path.db
//     options: synchronous=FULL|NORMAL|OFF (any case), busy_timeout=<ms>
//   postgresql://[user[:password]@][host][:port]/database[?key=value&...]
//     (also postgres://); user, password, database and option values are
//     percent-decoded; options are passed to libpq as they are.
// Throws relais::InvalidInputError naming the field at fault ("uri",
// "uri.port", "uri.synchronous", ...) and the offending part only, so that a
// password is never quoted in an error. Thread-safe.
DatabaseUri parse_database_uri(std::string_view uri);

}  // namespace relais::soci_storage
