#pragma once
// The storage SPI: what a storage plugin implements. It is relational on
// purpose: every area (customers, desk, ...) owns its SQL and migrations and
// talks to the engine through these few calls, so a new area never changes
// this header. What differs between engines is asked of the Dialect.
//
// SQL text uses `?` positional placeholders; the plugin prepares each distinct
// SQL text once per connection and reuses it, binding the Values by type.
// All errors are reported as relais::StorageError (with "operation" and, when
// known, "sql_state" in its context); a unique or foreign-key violation is a
// relais::ConflictError.
#include <relais/errors.h>
#include <relais/export.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace relais::inline v1::spi {

// A bound parameter or a fetched column: NULL, integer, real or UTF-8 text.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// One result row. Accessors throw StorageError when the column is missing or
// of another type (an integer column read as text is converted).
class RELAIS_API Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const noexcept { return values_.size(); }
  bool is_null(std::size_t column) const;
  std::int64_t integer(std::size_t column) const;
  double real(std::size_t column) const;
  std::string text(std::size_t column) const;
  std::optional<std::string> optional_text(std::size_t column) const;
  std::optional<std::int64_t> optional_integer(std::size_t column) const;
  const Value& value(std::size_t column) const;

 private:
  std::vector<Value> values_;
};

// What differs between engines, as SQL fragments. Implementations are
// stateless and thread-safe.
class Dialect {
 public:
  virtual ~Dialect() = default;
  // "sqlite" or "postgresql".
  virtual std::string_view engine() const = 0;
  // Column type for JSON documents ("TEXT" / "JSONB").
  virtual std::string_view json_type() const = 0;
  // Column type for binary data ("BLOB" / "BYTEA").
  virtual std::string_view blob_type() const = 0;
  // Appended to a SELECT to lock the rows read until commit ("" on SQLite,
  // where a write transaction already holds the database lock).
  virtual std::string_view lock_rows_suffix() const = 0;
  // An expression reading the text at `path` ("a.b") of a JSON column.
  virtual std::string json_text(std::string_view column, std::string_view path) const = 0;
  // INSERT ... ON CONFLICT (keys) DO UPDATE SET ... with `?` placeholders for
  // `columns` in order. Both engines share this syntax today; the indirection
  // keeps a future engine possible.
  virtual std::string upsert(std::string_view table, const std::vector<std::string>& columns,
                             const std::vector<std::string>& conflict_keys) const = 0;
  // Case- and accent-insensitive full-text match of `column` against a
  // parameter (FTS5 / tsvector with unaccent). Areas that need full text
  // build their own index tables from this.
  virtual std::string full_text_match(std::string_view column) const = 0;
  // A statement that, run first in a write transaction, serializes every
  // such transaction on the database until commit, even before any table
  // exists (schema migrations at open): "" on SQLite, where BEGIN IMMEDIATE
  // already does it; "SELECT pg_advisory_xact_lock(<constant>)" on PostgreSQL.
  virtual std::string_view exclusive_lock_statement() const = 0;
};

enum class TransactionMode {
  read,   // a consistent snapshot, no writes
  write,  // takes the write lock at begin (SQLite BEGIN IMMEDIATE), so two
          // writers serialize instead of failing at commit
};

// One database session. Not thread-safe: a connection is used by one thread
// at a time (the pool hands it out).
class Connection {
 public:
  virtual ~Connection() = default;
  virtual void begin(TransactionMode mode) = 0;
  virtual void commit() = 0;
  // Never throws: a failed rollback leaves the connection broken (see
  // is_broken) and the pool discards it.
  virtual void rollback() noexcept = 0;
  // Runs one statement; returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, std::span<const Value> params = {}) = 0;
  // Runs one query and returns all its rows.
  virtual std::vector<Row> query(std::string_view sql, std::span<const Value> params = {}) = 0;
  // Runs a script of several statements separated by `;` (DDL, migrations),
  // unprepared and without parameters.
  virtual void execute_script(std::string_view sql) = 0;
  // Announces a change on `channel`. Inside a transaction it is delivered at
  // commit (PostgreSQL NOTIFY); engines without notifications do nothing and
  // listeners poll.
  virtual void notify(std::string_view channel) = 0;
  // True once the connection can no longer be used (lost server, failed
  // rollback).
  virtual bool is_broken() const noexcept = 0;
  virtual const Dialect& dialect() const noexcept = 0;
};

// Waits for notify() calls on one channel, from any process.
class ChangeListener {
 public:
  virtual ~ChangeListener() = default;
  // Returns true when a notification arrived within `timeout`; false on
  // timeout. Engines without notifications sleep for the timeout and return
  // false, and the caller polls.
  virtual bool wait(std::chrono::milliseconds timeout) = 0;
};

// One storage engine bound to one database; what a "storage" plugin's
// create(config) returns, config being the workspace URI. Thread-safe.
class StorageBackend {
 public:
  virtual ~StorageBackend() = default;
  // Opens a new session. Throws StorageError when the database is unreachable.
  virtual std::unique_ptr<Connection> connect() = 0;
  virtual std::unique_ptr<ChangeListener> listen(std::string_view channel) = 0;
  virtual const Dialect& dialect() const noexcept = 0;
};

}  // namespace relais::inline v1::spi
