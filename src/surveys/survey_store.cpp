#include "surveys/survey_store.h"

#include "core/paging.h"
#include "storage/time_values.h"
#include "surveys/survey_rules.h"

namespace relais::inline v1::detail {
namespace {

void create_survey_tables(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE survey_settings ("
      " id INTEGER PRIMARY KEY CHECK (id = 1), definition TEXT NOT NULL, version BIGINT NOT NULL);"
      "CREATE TABLE surveys ("
      " id TEXT PRIMARY KEY,"
      " target_kind TEXT NOT NULL, target_id TEXT NOT NULL, target_label TEXT NOT NULL,"
      " customer_id TEXT NOT NULL, recipient TEXT NOT NULL,"
      " token TEXT NOT NULL UNIQUE,"
      " state TEXT NOT NULL, relaunches INTEGER NOT NULL,"
      // INTEGER, not BIGINT: SUM() of it stays an integer on PostgreSQL.
      " score INTEGER, comment TEXT NOT NULL, last_error TEXT NOT NULL,"
      " created_at BIGINT NOT NULL, sent_at BIGINT, last_sent_at BIGINT, answered_at BIGINT,"
      " updated_at BIGINT NOT NULL, version BIGINT NOT NULL,"
      // The sending lease (lease_survey): not part of the record.
      " leased_until BIGINT,"
      // One survey per target, ever: what makes sending idempotent.
      " UNIQUE (target_kind, target_id));"
      "CREATE INDEX surveys_by_state ON surveys (state, last_sent_at, id);"
      "CREATE INDEX surveys_by_sent ON surveys (sent_at);"
      "CREATE INDEX surveys_by_created ON surveys (created_at, id);"
      "CREATE INDEX surveys_by_customer ON surveys (customer_id, created_at, id);"
      "CREATE INDEX surveys_by_label ON surveys (target_label)");
  // send_due() reads tickets resolved since a time through the desk's
  // tickets_by_resolution index (desk migration 5).
}

const Migration kSurveyMigrations[] = {
    {1, "survey settings and surveys", create_survey_tables},
};

constexpr std::string_view kColumns =
    "s.id, s.target_kind, s.target_id, s.target_label, s.customer_id, COALESCE(c.name, ''), s.recipient, s.token,"
    " s.state, s.relaunches, s.score, s.comment, s.last_error, s.created_at, s.sent_at, s.last_sent_at,"
    " s.answered_at, s.updated_at, s.version";

std::string select_surveys(std::string_view where) {
  return "SELECT " + std::string(kColumns) + " FROM surveys s LEFT JOIN customers c ON c.id = s.customer_id WHERE " +
         std::string(where);
}

Survey survey_from_row(const spi::Row& row) {
  Survey survey;
  survey.id = Uuid::parse(row.text(0));
  survey.target_kind = row.text(1);
  survey.target_id = row.text(2);
  survey.target_label = row.text(3);
  survey.customer = Uuid::parse(row.text(4));
  survey.customer_name = row.text(5);
  survey.recipient = row.text(6);
  survey.token = row.text(7);
  survey.state = parse_survey_state(row.text(8));
  survey.relaunches = static_cast<int>(row.integer(9));
  if (auto score = row.optional_integer(10)) survey.score = static_cast<int>(*score);
  survey.comment = row.text(11);
  survey.last_error = row.text(12);
  survey.created_at = timestamp_of(row.integer(13));
  survey.sent_at = time_column(row, 14);
  survey.last_sent_at = time_column(row, 15);
  survey.answered_at = time_column(row, 16);
  survey.updated_at = timestamp_of(row.integer(17));
  survey.version = row.integer(18);
  return survey;
}

std::vector<Survey> surveys_from(const std::vector<spi::Row>& rows) {
  std::vector<Survey> surveys;
  for (const auto& row : rows) surveys.push_back(survey_from_row(row));
  return surveys;
}

std::optional<Survey> first(const std::vector<spi::Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return survey_from_row(rows.front());
}

}  // namespace

SchemaArea surveys_schema() { return {"surveys", kSurveyMigrations}; }

SurveySettings read_survey_settings(spi::Connection& connection) {
  auto rows = connection.query("SELECT definition, version FROM survey_settings WHERE id = 1");
  if (rows.empty()) return SurveySettings{};
  return settings_from_definition(rows.front().text(0), rows.front().integer(1));
}

bool write_survey_settings(spi::Connection& connection, const SurveySettings& settings,
                           std::int64_t expected_version) {
  if (expected_version == 0) {
    spi::Value params[] = {settings_definition(settings)};
    return connection.execute(
               "INSERT INTO survey_settings (id, definition, version) VALUES (1, ?, 1) ON CONFLICT (id) DO NOTHING",
               params) == 1;
  }
  spi::Value params[] = {settings_definition(settings), expected_version + 1, expected_version};
  return connection.execute("UPDATE survey_settings SET definition = ?, version = ? WHERE id = 1 AND version = ?",
                            params) == 1;
}

bool insert_survey(spi::Connection& connection, const Survey& survey, std::optional<Timestamp> lease_until) {
  spi::Value score = survey.score ? spi::Value(std::int64_t{*survey.score}) : spi::Value(nullptr);
  spi::Value params[] = {survey.id.to_string(),
                         survey.target_kind,
                         survey.target_id,
                         survey.target_label,
                         survey.customer.to_string(),
                         survey.recipient,
                         survey.token,
                         std::string(to_string(survey.state)),
                         std::int64_t{survey.relaunches},
                         score,
                         survey.comment,
                         survey.last_error,
                         micros(survey.created_at),
                         optional_time(survey.sent_at),
                         optional_time(survey.last_sent_at),
                         optional_time(survey.answered_at),
                         micros(survey.updated_at),
                         survey.version,
                         optional_time(lease_until)};
  return connection.execute(
             "INSERT INTO surveys (id, target_kind, target_id, target_label, customer_id, recipient, token, state,"
             " relaunches, score, comment, last_error, created_at, sent_at, last_sent_at, answered_at, updated_at,"
             " version, leased_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
             " ON CONFLICT (target_kind, target_id) DO NOTHING",
             params) == 1;
}

std::optional<Survey> find_survey(spi::Connection& connection, const Uuid& id) {
  spi::Value params[] = {id.to_string()};
  return first(connection.query(select_surveys("s.id = ?"), params));
}

std::optional<Survey> find_survey_by_token(spi::Connection& connection, std::string_view token) {
  spi::Value params[] = {std::string(token)};
  return first(connection.query(select_surveys("s.token = ?"), params));
}

std::optional<Survey> find_survey_by_target(spi::Connection& connection, std::string_view kind, std::string_view id) {
  spi::Value params[] = {std::string(kind), std::string(id)};
  return first(connection.query(select_surveys("s.target_kind = ? AND s.target_id = ?"), params));
}

std::optional<Survey> find_survey_by_label(spi::Connection& connection, std::string_view label) {
  spi::Value params[] = {std::string(label)};
  return first(connection.query(select_surveys("s.target_label = ? ORDER BY s.created_at DESC, s.id DESC LIMIT 1"), params));
}

bool update_survey(spi::Connection& connection, const Survey& survey, std::int64_t expected_version) {
  spi::Value score = survey.score ? spi::Value(std::int64_t{*survey.score}) : spi::Value(nullptr);
  spi::Value params[] = {std::string(to_string(survey.state)),
                         std::int64_t{survey.relaunches},
                         score,
                         survey.comment,
                         survey.last_error,
                         optional_time(survey.sent_at),
                         optional_time(survey.last_sent_at),
                         optional_time(survey.answered_at),
                         micros(survey.updated_at),
                         expected_version + 1,
                         survey.id.to_string(),
                         expected_version};
  return connection.execute(
             "UPDATE surveys SET state = ?, relaunches = ?, score = ?, comment = ?, last_error = ?, sent_at = ?,"
             " last_sent_at = ?, answered_at = ?, updated_at = ?, version = ?, leased_until = NULL"
             " WHERE id = ? AND version = ?",
             params) == 1;
}

bool lease_survey(spi::Connection& connection, const Uuid& id, Timestamp now, Timestamp until) {
  spi::Value params[] = {micros(until), id.to_string(), micros(now)};
  return connection.execute(
             "UPDATE surveys SET leased_until = ? WHERE id = ? AND (leased_until IS NULL OR leased_until < ?)",
             params) == 1;
}

std::vector<Uuid> tickets_to_survey(spi::Connection& connection, Timestamp since, std::size_t limit) {
  spi::Value params[] = {micros(since), static_cast<std::int64_t>(limit)};
  const auto rows = connection.query(
      "SELECT t.id FROM tickets t WHERE t.resolved_at >= ? AND t.status IN ('resolved', 'closed')"
      " AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.target_kind = 'ticket' AND s.target_id = t.id)"
      " ORDER BY t.resolved_at, t.id LIMIT ?",
      params);
  std::vector<Uuid> ids;
  for (const auto& row : rows) ids.push_back(Uuid::parse(row.text(0)));
  return ids;
}

std::vector<Survey> pending_surveys(spi::Connection& connection, Timestamp now, std::size_t limit) {
  spi::Value params[] = {micros(now), static_cast<std::int64_t>(limit)};
  return surveys_from(connection.query(
      select_surveys("s.state = 'pending' AND (s.leased_until IS NULL OR s.leased_until < ?)"
                     " ORDER BY s.created_at, s.id LIMIT ?"),
      params));
}

std::vector<Survey> sent_surveys_due(spi::Connection& connection, Timestamp cutoff, Timestamp now,
                                     int max_relaunches, bool with_relaunches_left, std::size_t limit) {
  spi::Value params[] = {micros(cutoff), std::int64_t{max_relaunches}, micros(now), static_cast<std::int64_t>(limit)};
  const std::string relaunches = with_relaunches_left ? "s.relaunches < ?" : "s.relaunches >= ?";
  return surveys_from(connection.query(
      select_surveys("s.state = 'sent' AND s.last_sent_at <= ? AND " + relaunches +
                     " AND (s.leased_until IS NULL OR s.leased_until < ?) ORDER BY s.last_sent_at, s.id LIMIT ?"),
      params));
}

std::int64_t count_to_relaunch(spi::Connection& connection, Timestamp cutoff, int max_relaunches) {
  spi::Value params[] = {micros(cutoff), std::int64_t{max_relaunches}};
  return connection
      .query("SELECT COUNT(*) FROM surveys WHERE state = 'sent' AND last_sent_at <= ? AND relaunches < ?", params)
      .front()
      .integer(0);
}

SurveyPage survey_page(spi::Connection& connection, const SurveyQuery& query) {
  const std::size_t limit = checked_page_limit(query.limit);
  std::string where = "1 = 1";
  std::vector<spi::Value> params;
  if (!query.states.empty()) {
    where += " AND s.state IN (";
    for (std::size_t i = 0; i < query.states.size(); ++i) {
      where += i ? ", ?" : "?";
      params.emplace_back(std::string(to_string(query.states[i])));
    }
    where += ")";
  }
  if (query.customer) {
    where += " AND s.customer_id = ?";
    params.emplace_back(query.customer->to_string());
  }
  if (!query.after.empty()) {
    auto [created, id] = parse_keyset_cursor(query.after);
    where += " AND (s.created_at < ? OR (s.created_at = ? AND s.id < ?))";
    params.insert(params.end(), {created, created, id});
  }
  where += " ORDER BY s.created_at DESC, s.id DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit + 1));
  SurveyPage page;
  page.surveys = surveys_from(connection.query(select_surveys(where), params));
  if (page.surveys.size() > limit) {
    page.surveys.resize(limit);
    const Survey& last = page.surveys.back();
    page.next_cursor = keyset_cursor(micros(last.created_at), last.id.to_string());
  }
  return page;
}

SurveyCounts survey_counts(spi::Connection& connection, Timestamp from, Timestamp to) {
  spi::Value params[] = {micros(from), micros(to)};
  const auto rows = connection.query(
      "SELECT COUNT(*), COUNT(score), COALESCE(SUM(score), 0),"
      " COALESCE(SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END), 0),"
      " COALESCE(SUM(CASE WHEN score BETWEEN 7 AND 8 THEN 1 ELSE 0 END), 0),"
      " COALESCE(SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END), 0)"
      " FROM surveys WHERE sent_at >= ? AND sent_at < ?",
      params);
  const auto& row = rows.front();
  return {row.integer(0), row.integer(1), row.integer(2), row.integer(3), row.integer(4), row.integer(5)};
}

std::vector<Detractor> detractors(spi::Connection& connection, Timestamp from, Timestamp to, std::size_t limit) {
  spi::Value params[] = {micros(from), micros(to), static_cast<std::int64_t>(limit)};
  const auto rows = connection.query(
      "SELECT s.id, s.customer_id, COALESCE(c.name, ''), s.target_label, s.score, s.comment, s.answered_at"
      " FROM surveys s LEFT JOIN customers c ON c.id = s.customer_id"
      " WHERE s.sent_at >= ? AND s.sent_at < ? AND s.score <= 6 ORDER BY s.score, s.answered_at, s.id LIMIT ?",
      params);
  std::vector<Detractor> found;
  for (const auto& row : rows) {
    found.push_back({Uuid::parse(row.text(0)), Uuid::parse(row.text(1)), row.text(2), row.text(3),
                     static_cast<int>(row.integer(4)), row.text(5), timestamp_of(row.integer(6))});
  }
  return found;
}

std::vector<Survey> customer_surveys(spi::Connection& connection, const Uuid& customer, std::size_t limit) {
  spi::Value params[] = {customer.to_string(), static_cast<std::int64_t>(limit)};
  return surveys_from(
      connection.query(select_surveys("s.customer_id = ? ORDER BY s.created_at DESC, s.id DESC LIMIT ?"), params));
}

std::int64_t customer_survey_count(spi::Connection& connection, const Uuid& customer) {
  spi::Value params[] = {customer.to_string()};
  return connection.query("SELECT COUNT(*) FROM surveys WHERE customer_id = ?", params).front().integer(0);
}

}  // namespace relais::inline v1::detail
