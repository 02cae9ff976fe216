#include "dialects.h"

#include <algorithm>

namespace relais::soci_storage {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Fragments are pasted into SQL text: only plain (optionally qualified)
// names are accepted, so no caller can smuggle SQL through them.
const std::string& checked_name(const std::string& name, const char* field, bool allow_dots = true) {
  bool valid = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
  for (char c : name) valid = valid && (is_name_char(c) || (allow_dots && c == '.'));
  if (!valid) throw InvalidInputError(field, name, "expected a plain SQL name");
  return name;
}

std::vector<std::string> json_path_segments(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = std::min(path.find('.', start), path.size());
    segments.push_back(checked_name(std::string(path.substr(start, dot - start)), "json_path", false));
    start = dot + 1;
  }
  return segments;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator,
                   std::string_view repeated = {}) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += repeated.empty() ? items[i] : std::string(repeated);
  }
  return out;
}

// The names of a full-text index, checked, and the column list in the
// forms the index scripts need.
struct FullTextNames {
  FullTextNames(std::string_view table_name, std::string_view key_name, const std::vector<std::string>& columns)
      : table(checked_name(std::string(table_name), "table", false)),
        key(checked_name(std::string(key_name), "key", false)),
        columns_(columns) {
    if (columns.empty()) throw InvalidInputError("columns", table, "a full-text index needs a column");
    for (const std::string& column : columns) checked_name(column, "columns", false);
    list = joined(columns, ", ");
  }
  // "new.a, new.b" for prefix "new.".
  std::string prefixed(std::string_view prefix) const {
    std::vector<std::string> names;
    for (const std::string& column : columns_) names.push_back(std::string(prefix) + column);
    return joined(names, ", ");
  }
  std::string table;
  std::string key;
  std::string list;

 private:
  const std::vector<std::string>& columns_;
};

// `word` between `quote` characters, each quote inside doubled (and each
// backslash too when `backslashes`).
std::string quoted(std::string_view word, char quote, bool backslashes = false) {
  std::string text(1, quote);
  for (char c : word) {
    if (c == quote || (backslashes && c == '\\')) text += c;
    text += c;
  }
  return text + quote;
}

template <typename Format>
std::string joined_terms(const std::vector<spi::FullTextTerm>& terms, std::string_view separator, Format format) {
  if (terms.empty()) throw InvalidInputError("terms", "", "a full-text query needs a word");
  std::vector<std::string> parts;
  for (const auto& term : terms) {
    if (term.word.empty()) throw InvalidInputError("terms", "", "a full-text word cannot be empty");
    parts.push_back(format(term));
  }
  return joined(parts, separator);
}

// Both engines accept the same ON CONFLICT clause; only the fragments that
// really differ are left to the derived dialects.
class CommonDialect : public spi::Dialect {
 public:
  std::string upsert(std::string_view table, const std::vector<std::string>& columns,
                     const std::vector<std::string>& conflict_keys) const override {
    if (columns.empty() || conflict_keys.empty()) {
      throw InvalidInputError("columns", std::string(table), "an upsert needs columns and conflict keys");
    }
    std::vector<std::string> updates;
    for (const std::string& column : columns) {
      checked_name(column, "columns");
      if (std::find(conflict_keys.begin(), conflict_keys.end(), column) == conflict_keys.end()) {
        updates.push_back(column + " = excluded." + column);
      }
    }
    for (const std::string& key : conflict_keys) checked_name(key, "conflict_keys");
    return "INSERT INTO " + checked_name(std::string(table), "table") + " (" + joined(columns, ", ") +
           ") VALUES (" + joined(columns, ", ", "?") + ") ON CONFLICT (" + joined(conflict_keys, ", ") +
           ") " + (updates.empty() ? "DO NOTHING" : "DO UPDATE SET " + joined(updates, ", "));
  }
};

class SqliteDialect final : public CommonDialect {
 public:
  std::string_view engine() const override { return "sqlite"; }
  std::string_view json_type() const override { return "TEXT"; }
  std::string_view blob_type() const override { return "BLOB"; }
  std::string_view lock_rows_suffix() const override { return ""; }
  std::string_view exclusive_lock_statement() const override { return ""; }
  std::string json_text(std::string_view column, std::string_view path) const override {
    return "json_extract(" + checked_name(std::string(column), "column") + ", '$." +
           joined(json_path_segments(path), ".") + "')";
  }
  std::string_view serial_key_type() const override { return "INTEGER PRIMARY KEY"; }
  // An external-content FTS5 table <table>_fts over the columns, kept in
  // step by triggers (FTS5 reads the words back from the table to delete
  // them), then filled from the rows already there. unicode61 with
  // remove_diacritics folds what the library did not. Prefix indexes of 2
  // to 4 characters let a word being typed ("di", "dis", "disj") be read in
  // key order like a whole word, where FTS5 would otherwise merge the lists
  // of all its completions first (tens of milliseconds for a common start);
  // they make the index about three times larger.
  std::string full_text_index(std::string_view table, std::string_view key,
                              const std::vector<std::string>& columns) const override {
    const FullTextNames names(table, key, columns);
    const std::string fts = names.table + "_fts";
    const std::string insert_new = "INSERT INTO " + fts + " (rowid, " + names.list + ") VALUES (new." + names.key +
                                   ", " + names.prefixed("new.") + ");";
    const std::string delete_old = "INSERT INTO " + fts + " (" + fts + ", rowid, " + names.list +
                                   ") VALUES ('delete', old." + names.key + ", " + names.prefixed("old.") + ");";
    return "CREATE VIRTUAL TABLE " + fts + " USING fts5(" + names.list + ", content='" + names.table +
           "', content_rowid='" + names.key + "', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');"
           "CREATE TRIGGER " + fts + "_insert AFTER INSERT ON " + names.table + " BEGIN " + insert_new + " END;"
           "CREATE TRIGGER " + fts + "_delete AFTER DELETE ON " + names.table + " BEGIN " + delete_old + " END;"
           "CREATE TRIGGER " + fts + "_update AFTER UPDATE OF " + names.key + ", " + names.list + " ON " +
           names.table + " BEGIN " + delete_old + " " + insert_new + " END;"
           "INSERT INTO " + fts + " (" + fts + ") VALUES ('rebuild')";
  }
  // The table-valued form fts(?) is MATCH ?; bm25() is lower for better
  // matches, hence negated, and weighs the first column four times the
  // others. FTS5 walks its matches in rowid order, so ordering by the FTS
  // rowid (not the joined key) skips the sort.
  spi::FullTextSql full_text_search(std::string_view table, std::string_view key,
                               const std::vector<std::string>& columns) const override {
    const FullTextNames names(table, key, columns);
    const std::string fts = names.table + "_fts";
    std::string weights;
    for (std::size_t i = 0; i < columns.size(); ++i) weights += i == 0 ? ", 4.0" : ", 1.0";
    return {fts + "(?) JOIN " + names.table + " ON " + names.table + "." + names.key + " = " + fts + ".rowid",
            "-bm25(" + fts + weights + ")", fts + ".rowid", fts + "(?)"};
  }
  // "word" AND "start"*: each word a quoted string (quotes doubled), so
  // that no FTS5 operator or column filter can be formed from it.
  std::string full_text_query(const std::vector<spi::FullTextTerm>& terms) const override {
    return joined_terms(terms, " AND ", [](const spi::FullTextTerm& term) {
      return quoted(term.word, '"') + (term.prefix ? "*" : "");
    });
  }
};

class PostgresqlDialect final : public CommonDialect {
 public:
  std::string_view engine() const override { return "postgresql"; }
  std::string_view json_type() const override { return "JSONB"; }
  std::string_view blob_type() const override { return "BYTEA"; }
  std::string_view lock_rows_suffix() const override { return " FOR UPDATE"; }
  // A transaction-scoped advisory lock on a constant key ("RELA"): released
  // by commit or rollback, and usable before any table exists. Called in
  // FROM so that the row holds an integer, not the function's void result,
  // which SOCI cannot describe.
  std::string_view exclusive_lock_statement() const override {
    return "SELECT 1 FROM pg_advisory_xact_lock(1380273217)";
  }
  std::string json_text(std::string_view column, std::string_view path) const override {
    return "(" + checked_name(std::string(column), "column") + " #>> '{" +
           joined(json_path_segments(path), ",") + "}')";
  }
  std::string_view serial_key_type() const override { return "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"; }
  // A tsvector column `full_text` kept by a trigger from
  // to_tsvector('simple', unaccent(column)) ('simple' lowercases without
  // stemming), the first column with weight A, under a GIN index. The
  // trigger function keeps the search_path it was created with, where
  // unaccent lives, so a restore (which empties search_path) still finds it.
  std::string full_text_index(std::string_view table, std::string_view key,
                              const std::vector<std::string>& columns) const override {
    const FullTextNames names(table, key, columns);
    std::string vector;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string words = "to_tsvector('simple', unaccent(coalesce(NEW." + columns[i] + ", '')))";
      vector += i == 0 ? "setweight(" + words + ", 'A')" : " || " + words;
    }
    const std::string function = names.table + "_full_text";
    return "CREATE EXTENSION IF NOT EXISTS unaccent;"
           "ALTER TABLE " + names.table + " ADD COLUMN full_text TSVECTOR;"
           "CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$"
           " BEGIN NEW.full_text := " + vector + "; RETURN NEW; END $$;"
           "CREATE TRIGGER " + function + " BEFORE INSERT OR UPDATE OF " + names.list + " ON " + names.table +
           " FOR EACH ROW EXECUTE FUNCTION " + function + "();"
           "UPDATE " + names.table + " SET " + columns.front() + " = " + columns.front() + ";"
           "CREATE INDEX " + function + "_index ON " + names.table + " USING GIN (full_text)";
  }
  // The query is a column of a subquery that PostgreSQL pulls up into the
  // caller's query, so the planner sees `full_text @@ to_tsquery(<value>)`
  // and estimates its selectivity: a common word gets a scan in key order
  // that stops at the LIMIT, a rare one the GIN index. (A tsquery joined as
  // a function in FROM would hide the value from the planner.)
  spi::FullTextSql full_text_search(std::string_view table, std::string_view key,
                               const std::vector<std::string>& columns) const override {
    const FullTextNames names(table, key, columns);
    const std::string source = "(SELECT * FROM (SELECT " + names.table +
                               ".*, to_tsquery('simple', unaccent(?)) AS full_text_query FROM " + names.table +
                               ") AS " + names.table + "_terms WHERE full_text @@ full_text_query) AS " + names.table;
    return {source, "ts_rank(" + names.table + ".full_text, " + names.table + ".full_text_query)",
            names.table + "." + names.key, source};
  }
  // 'word' & 'start':*, each word quoted (quotes and backslashes doubled),
  // so that no tsquery operator can be formed from it.
  std::string full_text_query(const std::vector<spi::FullTextTerm>& terms) const override {
    return joined_terms(terms, " & ", [](const spi::FullTextTerm& term) {
      return quoted(term.word, '\'', true) + (term.prefix ? ":*" : "");
    });
  }
};

}  // namespace

const spi::Dialect& sqlite_dialect() noexcept {
  static const SqliteDialect dialect;
  return dialect;
}

const spi::Dialect& postgresql_dialect() noexcept {
  static const PostgresqlDialect dialect;
  return dialect;
}

}  // namespace relais::soci_storage
