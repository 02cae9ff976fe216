// PostgreSQL through SOCI: prepared statements with bound holders, results
// through soci::row. Transaction control, scripts and NOTIFY go straight to
// the session's PGconn: they take no parameters, and PQexec runs a script of
// several statements where a prepared statement cannot.
#include "dialects.h"
#include "engines.h"
#include "statement_cache.h"
#include "storage_errors.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <climits>
#include <cstring>
#include <ctime>
#include <type_traits>

namespace relais::soci_storage {
namespace {

struct ResultClear {
  void operator()(PGresult* result) const noexcept { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultClear>;

struct ConnectionFinish {
  void operator()(PGconn* connection) const noexcept { PQfinish(connection); }
};

// The end of the quoted literal, quoted identifier or comment starting at
// `start`, or `start` itself when none starts there. A doubled quote inside
// a literal reads as two literals back to back, which yields the same end.
std::size_t skip_quoted(std::string_view sql, std::size_t start) {
  auto end_after = [&](std::string_view closing, std::size_t from) {
    const std::size_t found = sql.find(closing, from);
    return found == std::string_view::npos ? sql.size() : found + closing.size();
  };
  const char c = sql[start];
  if (c == '\'') return end_after("'", start + 1);
  if (c == '"') return end_after("\"", start + 1);
  if (sql.substr(start, 2) == "--") return end_after("\n", start + 2);
  if (sql.substr(start, 2) == "/*") return end_after("*/", start + 2);
  return start;
}

// Rewrites each `?` placeholder outside literals and comments into SOCI's
// named form :p1, :p2, ... (dollar-quoted bodies are not recognized: they
// belong in execute_script). Sets `count` to the number of placeholders.
std::string to_soci_placeholders(std::string_view sql, std::size_t& count) {
  std::string rewritten;
  rewritten.reserve(sql.size() + 16);
  count = 0;
  for (std::size_t i = 0; i < sql.size();) {
    const std::size_t end = skip_quoted(sql, i);
    if (end != i) {
      rewritten.append(sql.substr(i, end - i));
      i = end;
      continue;
    }
    if (sql[i] == '?') {
      rewritten.append(":p").append(std::to_string(++count));
    } else {
      rewritten += sql[i];
    }
    ++i;
  }
  return rewritten;
}

// One prepared statement and the holders its parameters are bound to by
// reference; each call writes new values into the holders and re-executes.
// SOCI's PostgreSQL backend sends every parameter as text of unspecified
// type (the server infers it from the SQL), so one text holder per
// parameter carries any Value with the same meaning as a typed holder, and
// a statement never needs re-preparing for another type signature.
// Member order matters: the statement goes first on destruction.
struct PreparedStatement {
  PreparedStatement(soci::session& session, std::size_t parameters)
      : texts(parameters), indicators(parameters, soci::i_ok), statement(session) {}
  std::vector<std::string> texts;
  std::vector<soci::indicator> indicators;
  soci::row row;
  soci::statement statement;
};

template <class Number>
void assign_number(std::string& text, Number number) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  text.assign(buffer, result.ptr);
}

void set_parameter(PreparedStatement& prepared, std::size_t index, const spi::Value& value) {
  std::string& text = prepared.texts[index];
  prepared.indicators[index] = std::holds_alternative<std::nullptr_t>(value) ? soci::i_null : soci::i_ok;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) assign_number(text, *integer);
  if (const auto* real = std::get_if<double>(&value)) assign_number(text, *real);
  if (const auto* string = std::get_if<std::string>(&value)) text.assign(*string);
}

// SOCI reads date and time columns into a std::tm, without fraction or zone.
std::string format_time(const std::tm& time) {
  char buffer[32];
  const std::size_t size = std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &time);
  return std::string(buffer, size);
}

spi::Value column_value(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return nullptr;
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer: return static_cast<std::int64_t>(row.get<int>(column));
    case soci::dt_long_long: return static_cast<std::int64_t>(row.get<long long>(column));
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(row.get<unsigned long long>(column));
    case soci::dt_double: return row.get<double>(column);
    case soci::dt_date: return format_time(row.get<std::tm>(column));
    default: return row.get<std::string>(column);  // text, JSONB, UUID, bytea (as \x hex)...
  }
}

std::string trimmed(std::string message) {
  while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
  return message;
}

// SOCI does not export the typeinfo of its session backends, which UBSan's
// vptr check of this downcast would need; the type is certain, as the
// session was opened with SOCI's postgresql factory.
__attribute__((no_sanitize("vptr"))) PGconn* native_handle(soci::session& session) {
  return static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
}

bool is_conflict(const std::string& sql_state) {
  return sql_state == "23505" || sql_state == "23503";  // unique_violation, foreign_key_violation
}

class PostgresConnection final : public spi::Connection {
 public:
  explicit PostgresConnection(const DatabaseUri& uri) {
    try {
      session_.open(soci::postgresql, uri.connection_string);
    } catch (const soci::soci_error& error) {
      throw_storage_error("cannot connect to " + uri.redacted + ": " + trimmed(error.get_error_message()),
                          "connect " + uri.redacted, "08001");
    }
    native_ = native_handle(session_);
  }

  void begin(spi::TransactionMode mode) override {
    // A write transaction runs at READ COMMITTED and serializes with others
    // through row locks (lock_rows_suffix) or exclusive_lock_statement.
    run_simple(mode == spi::TransactionMode::write ? "BEGIN"
                                                   : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  }

  void commit() override {
    // COMMIT of a transaction that already failed succeeds with the tag
    // ROLLBACK: nothing was written, which the caller must learn.
    const Result result = run_simple("COMMIT");
    if (std::strcmp(PQcmdStatus(result.get()), "ROLLBACK") == 0) {
      throw_storage_error("the transaction had failed and was rolled back", "COMMIT", "25P02");
    }
  }

  void rollback() noexcept override {
    try {
      run_simple("ROLLBACK");
    } catch (...) {
      broken_ = true;
    }
  }

  std::int64_t execute(std::string_view sql, std::span<const spi::Value> params) override {
    return run_cached(commands_, sql, params, false, [](PreparedStatement& prepared) {
      prepared.statement.execute(true);
      return static_cast<std::int64_t>(prepared.statement.get_affected_rows());
    });
  }

  std::vector<spi::Row> query(std::string_view sql, std::span<const spi::Value> params) override {
    return run_cached(queries_, sql, params, true, [](PreparedStatement& prepared) {
      std::vector<spi::Row> rows;
      for (bool more = prepared.statement.execute(true); more; more = prepared.statement.fetch()) {
        std::vector<spi::Value> values;
        values.reserve(prepared.row.size());
        for (std::size_t column = 0; column < prepared.row.size(); ++column) {
          values.push_back(column_value(prepared.row, column));
        }
        rows.emplace_back(std::move(values));
      }
      return rows;
    });
  }

  void execute_script(std::string_view sql) override { run_simple(std::string(sql)); }

  void notify(std::string_view channel) override {
    check_channel_name(channel);
    run_simple("NOTIFY " + std::string(channel));
  }

  bool is_broken() const noexcept override { return broken_; }

  const spi::Dialect& dialect() const noexcept override { return postgresql_dialect(); }

 private:
  // Runs `use` on the cached statement for `sql`, bound to `params`.
  template <class Use>
  auto run_cached(StatementCache<std::unique_ptr<PreparedStatement>>& cache, std::string_view sql,
                  std::span<const spi::Value> params, bool with_rows, Use&& use)
      -> std::invoke_result_t<Use&, PreparedStatement&> {
    return guarded(sql, [&] {
      PreparedStatement& statement = bound(cache, sql, params, with_rows);
      try {
        return use(statement);
      } catch (...) {
        // SOCI frees a statement's parameter buffers after a successful
        // execution only; destroying the statement frees them after a
        // failed one, and the next call prepares it afresh (failures are
        // rare: conflicts, lost connections).
        cache.erase(cache.find(sql));
        throw;
      }
    });
  }

  PreparedStatement& prepared(StatementCache<std::unique_ptr<PreparedStatement>>& cache,
                              std::string_view sql, bool with_rows) {
    if (auto found = cache.find(sql); found != cache.end()) return *found->second;
    std::size_t count = 0;
    const std::string rewritten = to_soci_placeholders(sql, count);
    auto statement = std::make_unique<PreparedStatement>(session_, count);
    for (std::size_t i = 0; i < count; ++i) {
      statement->statement.exchange(soci::use(statement->texts[i], statement->indicators[i]));
    }
    if (with_rows) statement->statement.exchange(soci::into(statement->row));
    statement->statement.alloc();
    statement->statement.prepare(rewritten);
    statement->statement.define_and_bind();
    return *cache.emplace(std::string(sql), std::move(statement)).first->second;
  }

  PreparedStatement& bound(StatementCache<std::unique_ptr<PreparedStatement>>& cache, std::string_view sql,
                           std::span<const spi::Value> params, bool with_rows) {
    PreparedStatement& statement = prepared(cache, sql, with_rows);
    if (statement.texts.size() != params.size()) {
      throw_storage_error("statement takes " + std::to_string(statement.texts.size()) + " parameters, " +
                              std::to_string(params.size()) + " given",
                          sql, "");
    }
    for (std::size_t i = 0; i < params.size(); ++i) set_parameter(statement, i, params[i]);
    return statement;
  }

  template <class Action>
  auto guarded(std::string_view sql, Action&& action) -> decltype(action()) {
    try {
      return action();
    } catch (const Error&) {
      throw;
    } catch (const soci::postgresql_soci_error& error) {
      fail(trimmed(error.get_error_message()), sql, error.sqlstate());
    } catch (const std::exception& error) {
      fail(trimmed(error.what()), sql, "");
    }
  }

  Result run_simple(const std::string& sql) {
    Result result(PQexec(native_, sql.c_str()));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const char* state = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
      fail(trimmed(PQerrorMessage(native_)), sql, state ? state : "");
    }
    return result;
  }

  [[noreturn]] void fail(const std::string& message, std::string_view sql, const std::string& sql_state) {
    // Class 08 is a connection exception, 57P an operator intervention
    // (server shutting down, backend terminated).
    if (PQstatus(native_) != CONNECTION_OK || sql_state.starts_with("08") || sql_state.starts_with("57P")) {
      broken_ = true;
    }
    throw_storage_error("PostgreSQL: " + message, sql, sql_state, is_conflict(sql_state));
  }

  // Declared before the statements, so they are released before it closes.
  soci::session session_;
  PGconn* native_ = nullptr;
  // Apart: a query binds its row, a command binds none, for the same text.
  StatementCache<std::unique_ptr<PreparedStatement>> commands_;
  StatementCache<std::unique_ptr<PreparedStatement>> queries_;
  bool broken_ = false;
};

class PostgresListener final : public spi::ChangeListener {
 public:
  PostgresListener(const DatabaseUri& uri, std::string_view channel)
      : channel_(channel), connection_(PQconnectdb(uri.connection_string.c_str())) {
    if (PQstatus(connection_.get()) != CONNECTION_OK) {
      throw_storage_error("cannot connect to " + uri.redacted + ": " + trimmed(PQerrorMessage(connection_.get())),
                          "connect " + uri.redacted, "08001");
    }
    const std::string listen = "LISTEN " + channel_;
    const Result result(PQexec(connection_.get(), listen.c_str()));
    if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      throw_storage_error("PostgreSQL: " + trimmed(PQerrorMessage(connection_.get())), listen, "");
    }
  }

  // Throws StorageError when the connection is lost; the caller then makes
  // a new listener.
  bool wait(std::chrono::milliseconds timeout) override {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (drain_notifications()) return true;
      const auto remaining =
          std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
      if (remaining <= 0) return false;
      // poll() rather than select(): no FD_SETSIZE limit on the socket number.
      pollfd socket{PQsocket(connection_.get()), POLLIN, 0};
      const int ready = ::poll(&socket, 1, static_cast<int>(std::min<long long>(remaining, INT_MAX)));
      if (ready < 0 && errno != EINTR) {
        throw_storage_error(std::string("poll failed: ") + std::strerror(errno), "LISTEN " + channel_, "");
      }
      if (ready > 0 && !PQconsumeInput(connection_.get())) {
        throw_storage_error("PostgreSQL: " + trimmed(PQerrorMessage(connection_.get())), "LISTEN " + channel_,
                            "08006");
      }
    }
  }

 private:
  // Several notifications coalesce into one wake-up: the caller re-reads
  // the change feed anyway.
  bool drain_notifications() {
    bool any = false;
    while (PGnotify* notification = PQnotifies(connection_.get())) {
      any = true;
      PQfreemem(notification);
    }
    return any;
  }

  std::string channel_;
  std::unique_ptr<PGconn, ConnectionFinish> connection_;
};

}  // namespace

std::unique_ptr<spi::Connection> connect_postgresql(const DatabaseUri& uri) {
  return std::make_unique<PostgresConnection>(uri);
}

std::unique_ptr<spi::ChangeListener> listen_postgresql(const DatabaseUri& uri, std::string_view channel) {
  check_channel_name(channel);
  return std::make_unique<PostgresListener>(uri, channel);
}

}  // namespace relais::soci_storage
