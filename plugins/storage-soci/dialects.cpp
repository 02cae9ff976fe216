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
  // `column` names an FTS5 table (or one of its columns) created with
  // tokenize='unicode61 remove_diacritics 2', which folds case and accents.
  // The parameter is an FTS5 query: callers quote user words ("word") so
  // that FTS5 operators in them are not interpreted.
  std::string full_text_match(std::string_view column) const override {
    return checked_name(std::string(column), "column") + " MATCH ?";
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
  // `column` is a tsvector built with to_tsvector('simple', unaccent(text)),
  // so both sides fold accents the same way ('simple' lowercases without
  // stemming). Needs the unaccent extension (CREATE EXTENSION unaccent in
  // the area's migration). The parameter is plain text; every word must
  // match.
  std::string full_text_match(std::string_view column) const override {
    return checked_name(std::string(column), "column") + " @@ plainto_tsquery('simple', unaccent(?))";
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
