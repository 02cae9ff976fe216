#include "dialects.h"

#include <algorithm>
#include <functional>

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

// The names of a full-text index, checked, and its column lists in the
// forms the scripts and queries need.
struct FullTextNames {
  explicit FullTextNames(const spi::FullTextIndex& index)
      : table(checked_name(index.table, "table", false)), key(checked_name(index.key, "key", false)),
        columns(index.columns) {
    if (columns.empty() || columns.size() > 3) {
      throw InvalidInputError("columns", table, "a full-text index searches 1 to 3 columns");
    }
    for (const std::string& column : columns) checked_name(column, "columns", false);
    if (!index.filter_column.empty()) {
      filter_column = checked_name(index.filter_column, "filter_column", false);
      all.push_back(filter_column);
    }
    all.insert(all.begin(), columns.begin(), columns.end());
  }
  // "new.a, new.b" for prefix "new.": every column of the index.
  std::string prefixed(std::string_view prefix) const {
    std::vector<std::string> names;
    for (const std::string& column : all) names.push_back(std::string(prefix) + column);
    return joined(names, ", ");
  }
  std::string table;
  std::string key;
  std::vector<std::string> columns;  // searched and ranked
  std::string filter_column;
  std::vector<std::string> all;      // the searched ones, then the filter column
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

// How an engine writes a query: every term, then for each filter one of its
// words. Both write each word quoted, so no operator is ever formed.
struct QuerySyntax {
  std::string_view all_of;  // between terms and filters
  std::string_view any_of;  // between a filter's words
  std::function<std::string(const spi::FullTextTerm&)> term;
  std::function<std::string(const std::string&)> filter_word;
  // Wraps the terms, e.g. in a column filter.
  std::function<std::string(const std::string&)> terms = [](const std::string& text) { return text; };
};

std::string full_text_query_text(const FullTextNames& names, const std::vector<spi::FullTextTerm>& terms,
                                 const std::vector<std::vector<std::string>>& filters, const QuerySyntax& syntax) {
  if (terms.empty()) throw InvalidInputError("terms", "", "a full-text query needs a word");
  if (!filters.empty() && names.filter_column.empty()) {
    throw InvalidInputError("filters", names.table, "the full-text index has no filter column");
  }
  std::vector<std::string> parts;
  for (const auto& term : terms) {
    if (term.word.empty()) throw InvalidInputError("terms", "", "a full-text word cannot be empty");
    parts.push_back(syntax.term(term));
  }
  std::string query = syntax.terms(joined(parts, syntax.all_of));
  for (const auto& filter : filters) {
    std::vector<std::string> words;
    for (const auto& word : filter) {
      if (word.empty()) throw InvalidInputError("filters", "", "a filter word cannot be empty");
      words.push_back(syntax.filter_word(word));
    }
    if (words.empty()) throw InvalidInputError("filters", "", "a filter needs a word");
    query += std::string(syntax.all_of) + "(" + joined(words, syntax.any_of) + ")";
  }
  return query;
}

// {a b} : ("word" AND "start"*) AND filter : ("x" OR "y"): each word a
// quoted string (quotes doubled), terms kept to the searched columns.
QuerySyntax sqlite_syntax(const FullTextNames& names) {
  return {" AND ", " OR ",
          [](const spi::FullTextTerm& term) { return quoted(term.word, '"') + (term.prefix ? "*" : ""); },
          [filter = names.filter_column](const std::string& word) { return filter + " : " + quoted(word, '"'); },
          [columns = joined(names.columns, " ")](const std::string& text) {
            return "{" + columns + "} : (" + text + ")";
          }};
}

// 'word':AB & 'start':*AB & ('x':D | 'y':D): each word quoted (quotes and
// backslashes doubled), terms kept to the searched columns' weights.
QuerySyntax postgresql_syntax(const FullTextNames& names) {
  return {" & ", " | ",
          [weights = std::string("ABC").substr(0, names.columns.size())](const spi::FullTextTerm& term) {
            return quoted(term.word, '\'', true) + (term.prefix ? ":*" : ":") + weights;
          },
          [](const std::string& word) { return quoted(word, '\'', true) + ":D"; }};
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
  std::string full_text_index(const spi::FullTextIndex& index) const override {
    const FullTextNames names(index);
    const std::string fts = names.table + "_fts";
    const std::string list = joined(names.all, ", ");
    const std::string insert_new = "INSERT INTO " + fts + " (rowid, " + list + ") VALUES (new." + names.key + ", " +
                                   names.prefixed("new.") + ");";
    const std::string delete_old = "INSERT INTO " + fts + " (" + fts + ", rowid, " + list +
                                   ") VALUES ('delete', old." + names.key + ", " + names.prefixed("old.") + ");";
    return "CREATE VIRTUAL TABLE " + fts + " USING fts5(" + list + ", content='" + names.table +
           "', content_rowid='" + names.key + "', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');"
           "CREATE TRIGGER " + fts + "_insert AFTER INSERT ON " + names.table + " BEGIN " + insert_new + " END;"
           "CREATE TRIGGER " + fts + "_delete AFTER DELETE ON " + names.table + " BEGIN " + delete_old + " END;"
           "CREATE TRIGGER " + fts + "_update AFTER UPDATE OF " + names.key + ", " + list + " ON " + names.table +
           " BEGIN " + delete_old + " " + insert_new + " END;"
           "INSERT INTO " + fts + " (" + fts + ") VALUES ('rebuild')";
  }
  // The table-valued form fts(?) is MATCH ?; bm25() is lower for better
  // matches, hence negated, and weighs the first column four times the
  // others and the filter column nothing. FTS5 walks its matches in rowid
  // order, so ordering by the FTS rowid (not the joined key) skips the sort.
  spi::FullTextSql full_text_search(const spi::FullTextIndex& index) const override {
    const FullTextNames names(index);
    const std::string fts = names.table + "_fts";
    std::string weights = ", 4.0";
    for (std::size_t i = 1; i < names.columns.size(); ++i) weights += ", 1.0";
    if (!names.filter_column.empty()) weights += ", 0.0";
    return {fts + "(?) JOIN " + names.table + " ON " + names.table + "." + names.key + " = " + fts + ".rowid",
            "-bm25(" + fts + weights + ")", fts + ".rowid", fts + "(?)"};
  }
  std::string full_text_query(const spi::FullTextIndex& index, const std::vector<spi::FullTextTerm>& terms,
                              const std::vector<std::vector<std::string>>& filters) const override {
    const FullTextNames names(index);
    return full_text_query_text(names, terms, filters, sqlite_syntax(names));
  }
  std::string full_text_any_query(const spi::FullTextIndex& index,
                                  const std::vector<spi::FullTextTerm>& terms) const override {
    const FullTextNames names(index);
    QuerySyntax syntax = sqlite_syntax(names);
    syntax.all_of = syntax.any_of;
    return full_text_query_text(names, terms, {}, syntax);
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
  // stemming), the searched columns weighted A, B, C in order and the filter
  // column D, under a GIN index. The trigger function keeps the search_path
  // it was created with, where unaccent lives, so a restore (which empties
  // search_path) still finds it.
  std::string full_text_index(const spi::FullTextIndex& index) const override {
    const FullTextNames names(index);
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < names.all.size(); ++i) {
      const char weight = names.all[i] == names.filter_column ? 'D' : static_cast<char>('A' + i);
      parts.push_back("setweight(to_tsvector('simple', unaccent(coalesce(NEW." + names.all[i] + ", ''))), '" +
                      std::string(1, weight) + "')");
    }
    const std::string function = names.table + "_full_text";
    return "CREATE EXTENSION IF NOT EXISTS unaccent;"
           "ALTER TABLE " + names.table + " ADD COLUMN full_text TSVECTOR;"
           "CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$"
           " BEGIN NEW.full_text := " + joined(parts, " || ") + "; RETURN NEW; END $$;"
           "CREATE TRIGGER " + function + " BEFORE INSERT OR UPDATE OF " + joined(names.all, ", ") + " ON " +
           names.table + " FOR EACH ROW EXECUTE FUNCTION " + function + "();"
           "UPDATE " + names.table + " SET " + names.columns.front() + " = " + names.columns.front() + ";"
           "CREATE INDEX " + function + "_index ON " + names.table + " USING GIN (full_text)";
  }
  // The query is a column of a subquery that PostgreSQL pulls up into the
  // caller's query, so the planner sees `full_text @@ to_tsquery(<value>)`
  // and estimates its selectivity: a common word gets a scan in key order
  // that stops at the LIMIT, a rare one the GIN index. (A tsquery joined as
  // a function in FROM would hide the value from the planner.) The rank
  // weighs A ten times B and C, and D (filters) nothing.
  spi::FullTextSql full_text_search(const spi::FullTextIndex& index) const override {
    const FullTextNames names(index);
    const std::string source = "(SELECT * FROM (SELECT " + names.table +
                               ".*, to_tsquery('simple', unaccent(?)) AS full_text_query FROM " + names.table +
                               ") AS " + names.table + "_terms WHERE full_text @@ full_text_query) AS " + names.table;
    return {source,
            "ts_rank('{0, 0.1, 0.1, 1.0}', " + names.table + ".full_text, " + names.table + ".full_text_query)",
            names.table + "." + names.key, source};
  }
  std::string full_text_query(const spi::FullTextIndex& index, const std::vector<spi::FullTextTerm>& terms,
                              const std::vector<std::vector<std::string>>& filters) const override {
    const FullTextNames names(index);
    return full_text_query_text(names, terms, filters, postgresql_syntax(names));
  }
  std::string full_text_any_query(const spi::FullTextIndex& index,
                                  const std::vector<spi::FullTextTerm>& terms) const override {
    const FullTextNames names(index);
    QuerySyntax syntax = postgresql_syntax(names);
    syntax.all_of = syntax.any_of;
    return full_text_query_text(names, terms, {}, syntax);
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
