// A complete, minimal Relais storage plugin on the SQLite C API: kind
// "storage", name "template". Copy this folder, rename, and replace the
// engine calls with your own. Everything a storage plugin must provide is
// here: the entry point, a backend, connections, a listener and a dialect.
#include <relais/errors.h>
#include <relais/spi/plugin.h>
#include <relais/spi/storage.h>

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <thread>
#include <unordered_map>

namespace template_storage {
namespace spi = relais::spi;

// Every engine failure leaves the plugin as a Relais error with the SQL and
// the engine's code; unique and foreign-key violations are conflicts.
[[noreturn]] void fail(sqlite3* db, std::string_view sql) {
  const int code = sqlite3_extended_errcode(db);
  std::map<std::string, std::string> context{{"operation", std::string(sql.substr(0, 200))},
                                             {"sql_state", std::to_string(code)}};
  const std::string message = std::string("SQLite: ") + sqlite3_errmsg(db);
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY ||
      code == SQLITE_CONSTRAINT_FOREIGNKEY) {
    throw relais::ConflictError(message, std::move(context));
  }
  throw relais::StorageError(message, std::move(context));
}

class TemplateDialect final : public spi::Dialect {
 public:
  std::string_view engine() const override { return "sqlite"; }
  std::string_view json_type() const override { return "TEXT"; }
  std::string_view blob_type() const override { return "BLOB"; }
  std::string_view lock_rows_suffix() const override { return ""; }
  std::string_view exclusive_lock_statement() const override { return ""; }
  std::string json_text(std::string_view column, std::string_view path) const override {
    return "json_extract(" + std::string(column) + ", '$." + std::string(path) + "')";
  }
  std::string upsert(std::string_view table, const std::vector<std::string>& columns,
                     const std::vector<std::string>& keys) const override {
    std::string names, marks, updates;
    for (const std::string& column : columns) {
      names += (names.empty() ? "" : ", ") + column;
      marks += marks.empty() ? "?" : ", ?";
      if (std::find(keys.begin(), keys.end(), column) == keys.end()) {
        updates += (updates.empty() ? "" : ", ") + column + " = excluded." + column;
      }
    }
    std::string key_list;
    for (const std::string& key : keys) key_list += (key_list.empty() ? "" : ", ") + key;
    return "INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" + marks + ") ON CONFLICT (" +
           key_list + ") " + (updates.empty() ? "DO NOTHING" : "DO UPDATE SET " + updates);
  }
  std::string_view serial_key_type() const override { return "INTEGER PRIMARY KEY"; }
  // Full text: an external-content FTS5 table over the searched columns and
  // the filter column, kept in step by triggers.
  std::string full_text_index(const spi::FullTextIndex& index) const override {
    const std::string& t = index.table;
    const std::string fts = t + "_fts", list = join(all_columns(index), "", ", ");
    const std::string add = "INSERT INTO " + fts + " (rowid, " + list + ") VALUES (new." + index.key + ", " +
                            join(all_columns(index), "new.", ", ") + ");";
    const std::string remove = "INSERT INTO " + fts + " (" + fts + ", rowid, " + list + ") VALUES ('delete', old." +
                               index.key + ", " + join(all_columns(index), "old.", ", ") + ");";
    return "CREATE VIRTUAL TABLE " + fts + " USING fts5(" + list + ", content='" + t + "', content_rowid='" +
           index.key + "', tokenize='unicode61 remove_diacritics 2');"
           "CREATE TRIGGER " + fts + "_insert AFTER INSERT ON " + t + " BEGIN " + add + " END;"
           "CREATE TRIGGER " + fts + "_delete AFTER DELETE ON " + t + " BEGIN " + remove + " END;"
           "CREATE TRIGGER " + fts + "_update AFTER UPDATE ON " + t + " BEGIN " + remove + " " + add + " END;"
           "INSERT INTO " + fts + " (" + fts + ") VALUES ('rebuild')";
  }
  spi::FullTextSql full_text_search(const spi::FullTextIndex& index) const override {
    const std::string& t = index.table;
    const std::string fts = t + "_fts";
    return {fts + "(?) JOIN " + t + " ON " + t + "." + index.key + " = " + fts + ".rowid", "-bm25(" + fts + ")",
            fts + ".rowid", fts + "(?)"};
  }
  // {searched columns} : ("word" AND "start"*) AND filter : ("x" OR "y").
  std::string full_text_query(const spi::FullTextIndex& index, const std::vector<spi::FullTextTerm>& terms,
                              const std::vector<std::vector<std::string>>& filters) const override {
    if (terms.empty()) throw relais::InvalidInputError("terms", "", "a full-text query needs a word");
    std::string query;
    for (const auto& term : terms) {
      if (term.word.empty()) throw relais::InvalidInputError("terms", "", "a full-text word cannot be empty");
      query += (query.empty() ? "" : " AND ") + quoted(term.word) + (term.prefix ? "*" : "");
    }
    query = "{" + join(index.columns, "", " ") + "} : (" + query + ")";
    for (const auto& filter : filters) {
      if (filter.empty() || index.filter_column.empty()) throw relais::InvalidInputError("filters", "", "no filter");
      std::string words;
      for (const auto& word : filter) words += (words.empty() ? "" : " OR ") + quoted(word);
      query += " AND " + index.filter_column + " : (" + words + ")";
    }
    return query;
  }
  // {searched columns} : ("a" OR "b").
  std::string full_text_any_query(const spi::FullTextIndex& index,
                                  const std::vector<spi::FullTextTerm>& terms) const override {
    std::string query;
    for (const auto& term : terms) {
      if (term.word.empty()) throw relais::InvalidInputError("terms", "", "a full-text word cannot be empty");
      query += (query.empty() ? "" : " OR ") + quoted(term.word) + (term.prefix ? "*" : "");
    }
    if (query.empty()) throw relais::InvalidInputError("terms", "", "a full-text query needs a word");
    return "{" + join(index.columns, "", " ") + "} : (" + query + ")";
  }

 private:
  static std::vector<std::string> all_columns(const spi::FullTextIndex& index) {
    std::vector<std::string> columns = index.columns;
    if (!index.filter_column.empty()) columns.push_back(index.filter_column);
    return columns;
  }
  // "a, b" or, with a prefix, "new.a, new.b".
  static std::string join(const std::vector<std::string>& columns, const std::string& prefix,
                          const std::string& separator) {
    std::string list;
    for (const auto& column : columns) list += (list.empty() ? "" : separator) + prefix + column;
    return list;
  }
  // "word" with its quotes doubled: never an FTS5 operator.
  static std::string quoted(const std::string& word) {
    std::string text = "\"";
    for (char c : word) text += c == '"' ? std::string("\"\"") : std::string(1, c);
    return text + "\"";
  }
};

const TemplateDialect dialect_instance;

class TemplateConnection final : public spi::Connection {
 public:
  explicit TemplateConnection(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw relais::StorageError("cannot open " + path + ": " + message, {{"operation", "open " + path}});
    }
    sqlite3_busy_timeout(db_, 10000);
    execute_script("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON");
  }

  ~TemplateConnection() override {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    sqlite3_close(db_);
  }

  void begin(spi::TransactionMode mode) override {
    execute(mode == spi::TransactionMode::write ? "BEGIN IMMEDIATE" : "BEGIN", {});
  }
  void commit() override { execute("COMMIT", {}); }
  void rollback() noexcept override {
    if (sqlite3_get_autocommit(db_)) return;  // nothing open
    if (sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr) != SQLITE_OK) broken_ = true;
  }

  std::int64_t execute(std::string_view sql, std::span<const spi::Value> params) override {
    sqlite3_stmt* statement = bind(sql, params);
    int status;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
    }
    finish(statement, status, sql);
    return sqlite3_stmt_readonly(statement) ? 0 : sqlite3_changes64(db_);
  }

  std::vector<spi::Row> query(std::string_view sql, std::span<const spi::Value> params) override {
    sqlite3_stmt* statement = bind(sql, params);
    std::vector<spi::Row> rows;
    int status;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
      std::vector<spi::Value> values;
      for (int column = 0; column < sqlite3_column_count(statement); ++column) {
        values.push_back(column_value(statement, column));
      }
      rows.emplace_back(std::move(values));
    }
    finish(statement, status, sql);
    return rows;
  }

  void execute_script(std::string_view sql) override {
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(db_, sql);
  }

  // SQLite has no notifications: listeners poll, so there is nothing to do.
  void notify(std::string_view) override {}
  bool is_broken() const noexcept override { return broken_; }
  const spi::Dialect& dialect() const noexcept override { return dialect_instance; }

 private:
  // Prepares each distinct SQL text once, then binds the values by type.
  sqlite3_stmt* bind(std::string_view sql, std::span<const spi::Value> params) {
    auto found = statements_.find(std::string(sql));
    if (found == statements_.end()) {
      sqlite3_stmt* statement = nullptr;
      if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK) {
        fail(db_, sql);
      }
      found = statements_.emplace(std::string(sql), statement).first;
    }
    sqlite3_stmt* statement = found->second;
    if (static_cast<std::size_t>(sqlite3_bind_parameter_count(statement)) != params.size()) {
      throw relais::StorageError("wrong number of parameters", {{"operation", std::string(sql)}});
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      const spi::Value& value = params[i];
      if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        sqlite3_bind_int64(statement, index, *integer);
      } else if (const auto* real = std::get_if<double>(&value)) {
        sqlite3_bind_double(statement, index, *real);
      } else if (const auto* text = std::get_if<std::string>(&value)) {
        sqlite3_bind_text64(statement, index, text->data(), text->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else {
        sqlite3_bind_null(statement, index);
      }
    }
    return statement;
  }

  // Resets the statement for its next use, then reports a failed step.
  void finish(sqlite3_stmt* statement, int status, std::string_view sql) {
    if (status != SQLITE_DONE) {
      sqlite3_reset(statement);  // keeps the error for fail()
      fail(db_, sql);
    }
    sqlite3_reset(statement);
  }

  static spi::Value column_value(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
      case SQLITE_NULL: return nullptr;
      case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
      case SQLITE_FLOAT: return sqlite3_column_double(statement, column);
      default:
        return std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)),
                           static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
  bool broken_ = false;
};

class SleepingListener final : public spi::ChangeListener {
 public:
  bool wait(std::chrono::milliseconds timeout) override {
    std::this_thread::sleep_for(timeout);
    return false;
  }
};

// One database; thread-safe because it holds nothing mutable.
class TemplateBackend final : public spi::StorageBackend {
 public:
  // Accepts sqlite:///absolute/path.db or sqlite://relative/path.db.
  explicit TemplateBackend(std::string_view uri) {
    constexpr std::string_view scheme = "sqlite://";
    if (!uri.starts_with(scheme) || uri.size() == scheme.size()) {
      throw relais::InvalidInputError("uri", uri, "expected sqlite:///path.db");
    }
    path_ = std::string(uri.substr(scheme.size(), uri.find('?') - scheme.size()));
  }
  std::unique_ptr<spi::Connection> connect() override { return std::make_unique<TemplateConnection>(path_); }
  std::unique_ptr<spi::ChangeListener> listen(std::string_view) override {
    return std::make_unique<SleepingListener>();
  }
  const spi::Dialect& dialect() const noexcept override { return dialect_instance; }

 private:
  std::string path_;
};

}  // namespace template_storage

// The one exported symbol. The factory may throw: the macro turns the
// exception into a message that the host reports as a PluginError.
RELAIS_DEFINE_PLUGIN(relais::spi::StorageBackend, "storage", "template", "1.0.0",
                     [](const char* uri) { return new template_storage::TemplateBackend(uri); })
