#include "inbox/faq_store.h"

#include <relais/customers/matching.h>
#include <relais/errors.h>

#include "storage/sql.h"
#include "storage/timestamps.h"

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

namespace relais::inline v1::detail {
namespace {

// The question weighs most; the answer and tags are searched too.
const spi::FullTextIndex kFaqIndex{"inbox_faq", "doc", {"question_words", "answer_words"}, ""};
// A mail's words that ask the index: the first distinct ones of 4 letters
// or more (shorter ones are mostly "les", "une", "pour"), enough to say what
// a mail is about while keeping the query small.
constexpr std::size_t kMinWordLength = 4;
constexpr std::size_t kMaxQueryWords = 40;

void create_faq_table(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE inbox_faq ("
      " doc " + std::string(connection.dialect().serial_key_type()) + ","
      " id TEXT NOT NULL UNIQUE,"
      " question TEXT NOT NULL, answer TEXT NOT NULL, tags TEXT NOT NULL,"
      " question_words TEXT NOT NULL, answer_words TEXT NOT NULL,"
      " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, version BIGINT NOT NULL);"
      "CREATE INDEX inbox_faq_by_question ON inbox_faq (question, id)");
  connection.execute_script(connection.dialect().full_text_index(kFaqIndex));
}

const Migration kFaqMigrations[] = {
    {1, "FAQ entries and their full-text index", create_faq_table},
};

constexpr std::string_view kSelect =
    "SELECT inbox_faq.id, inbox_faq.question, inbox_faq.answer, inbox_faq.tags, inbox_faq.created_at,"
    " inbox_faq.updated_at, inbox_faq.version";

FaqEntry entry_from_row(const spi::Row& row) {
  FaqEntry entry;
  entry.id = Uuid::parse(row.text(0));
  entry.question = row.text(1);
  entry.answer = row.text(2);
  entry.tags = nlohmann::json::parse(row.text(3)).get<std::vector<std::string>>();
  entry.created_at = timestamp_of(row.integer(4));
  entry.updated_at = timestamp_of(row.integer(5));
  entry.version = row.integer(6);
  return entry;
}

std::string answer_words(const FaqEntry& entry) {
  std::string words = fold_text(entry.answer);
  for (const auto& tag : entry.tags) words += " " + fold_text(tag);
  return words;
}

std::vector<spi::FullTextTerm> query_words(std::string_view text) {
  std::vector<spi::FullTextTerm> terms;
  std::set<std::string> seen;
  std::istringstream words{fold_text(text)};
  for (std::string word; words >> word && terms.size() < kMaxQueryWords;) {
    if (word.size() >= kMinWordLength && seen.insert(word).second) terms.push_back({word, false});
  }
  return terms;
}

}  // namespace

SchemaArea faq_schema() { return {"inbox_faq", kFaqMigrations}; }

std::optional<FaqEntry> find_faq(spi::Connection& connection, const Uuid& id) {
  const spi::Value params[] = {id.to_string()};
  auto rows = connection.query(std::string(kSelect) + " FROM inbox_faq WHERE id = ?", params);
  if (rows.empty()) return std::nullopt;
  return entry_from_row(rows.front());
}

void insert_faq(spi::Connection& connection, const FaqEntry& entry) {
  const spi::Value params[] = {entry.id.to_string(),    entry.question,
                               entry.answer,            nlohmann::json(entry.tags).dump(),
                               fold_text(entry.question), answer_words(entry),
                               micros(entry.created_at), micros(entry.updated_at),
                               entry.version};
  connection.execute(
      "INSERT INTO inbox_faq (id, question, answer, tags, question_words, answer_words, created_at, updated_at,"
      " version) VALUES (" + placeholders(9) + ")",
      params);
}

bool update_faq(spi::Connection& connection, const FaqEntry& entry, std::int64_t expected_version) {
  const spi::Value params[] = {entry.question,         entry.answer,        nlohmann::json(entry.tags).dump(),
                               fold_text(entry.question), answer_words(entry), micros(entry.updated_at),
                               entry.id.to_string(),   expected_version};
  return connection.execute(
             "UPDATE inbox_faq SET question = ?, answer = ?, tags = ?, question_words = ?, answer_words = ?,"
             " updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
             params) == 1;
}

void delete_faq(spi::Connection& connection, const Uuid& id) {
  const spi::Value params[] = {id.to_string()};
  connection.execute("DELETE FROM inbox_faq WHERE id = ?", params);
}

std::vector<FaqEntry> faq_page(spi::Connection& connection, std::size_t limit, std::string_view after) {
  std::vector<spi::Value> params;
  std::string sql = std::string(kSelect) + " FROM inbox_faq";
  if (!after.empty()) {
    auto last = find_faq(connection, Uuid::parse(after, "after"));
    if (!last) throw InvalidInputError("after", after, "no such FAQ entry");
    sql += " WHERE question > ? OR (question = ? AND id > ?)";
    params = {last->question, last->question, last->id.to_string()};
  }
  sql += " ORDER BY question, id LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit));
  std::vector<FaqEntry> entries;
  for (const auto& row : connection.query(sql, params)) entries.push_back(entry_from_row(row));
  return entries;
}

std::vector<FaqSuggestion> rank_faq(spi::Connection& connection, std::string_view text, std::size_t limit) {
  const auto terms = query_words(text);
  if (terms.empty()) return {};
  const spi::Dialect& dialect = connection.dialect();
  const spi::FullTextSql full_text = dialect.full_text_search(kFaqIndex);
  const spi::Value params[] = {dialect.full_text_any_query(kFaqIndex, terms), static_cast<std::int64_t>(limit)};
  std::vector<FaqSuggestion> suggestions;
  for (const auto& row : connection.query(std::string(kSelect) + ", " + full_text.rank + " AS score FROM " +
                                              full_text.source + " ORDER BY score DESC, inbox_faq.id LIMIT ?",
                                          params)) {
    suggestions.push_back({entry_from_row(row), row.real(7)});
  }
  return suggestions;
}

}  // namespace relais::inline v1::detail
