#pragma once
// SQL for the surveys: the settings row and one row per surveyed target
// (unique on target_kind + target_id: what keeps a ticket from ever getting
// two surveys, whatever the number of processes sending).
#include <relais/spi/storage.h>
#include <relais/surveys/survey.h>

#include "storage/migrations.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::inline v1::detail {

inline constexpr std::string_view kSurveyEntity = "survey";
inline constexpr std::string_view kSurveySettingsEntity = "survey_settings";

SchemaArea surveys_schema();

// The stored settings; the defaults at version 0 before the first configure().
SurveySettings read_survey_settings(spi::Connection& connection);
// Writes `settings` at expected_version + 1 when the stored version is
// `expected_version`; false (nothing written) otherwise.
bool write_survey_settings(spi::Connection& connection, const SurveySettings& settings,
                           std::int64_t expected_version);

// Inserts the survey unless its target has one: false then (nothing
// written, no error, so a PostgreSQL transaction stays usable). The row is
// leased to the caller until `lease_until` (nullopt: not leased).
bool insert_survey(spi::Connection& connection, const Survey& survey, std::optional<Timestamp> lease_until);
std::optional<Survey> find_survey(spi::Connection& connection, const Uuid& id);
std::optional<Survey> find_survey_by_token(spi::Connection& connection, std::string_view token);
std::optional<Survey> find_survey_by_target(spi::Connection& connection, std::string_view kind, std::string_view id);
std::optional<Survey> find_survey_by_label(spi::Connection& connection, std::string_view label);
// Writes every changing column and version + 1 when the stored version is
// `expected_version`, and ends a lease; false (nothing written) otherwise.
bool update_survey(spi::Connection& connection, const Survey& survey, std::int64_t expected_version);

// The sending lease: a process takes it before mailing a survey, so that
// another one does not mail it too; update_survey() ends it, and it lapses
// by itself at `until` (a crash). Not a change of the survey (no version,
// no journal). Returns false when another process holds it.
bool lease_survey(spi::Connection& connection, const Uuid& id, Timestamp now, Timestamp until);

// Tickets resolved at or after `since` (resolved or closed now) that have
// no survey, by resolution time.
std::vector<Uuid> tickets_to_survey(spi::Connection& connection, Timestamp since, std::size_t limit);
// Pending surveys nobody is sending at `now` (a failed or interrupted
// delivery), oldest first.
std::vector<Survey> pending_surveys(spi::Connection& connection, Timestamp now, std::size_t limit);
// Sent surveys whose last mail is at or before `cutoff`, not leased at
// `now`: with relaunches below `max_relaunches` (to relaunch) or not (to
// expire). Oldest mail first.
std::vector<Survey> sent_surveys_due(spi::Connection& connection, Timestamp cutoff, Timestamp now,
                                     int max_relaunches, bool with_relaunches_left, std::size_t limit);
std::int64_t count_to_relaunch(spi::Connection& connection, Timestamp cutoff, int max_relaunches);
SurveyPage survey_page(spi::Connection& connection, const SurveyQuery& query);

struct SurveyCounts {
  std::int64_t sent = 0, answered = 0, score_sum = 0, promoters = 0, passives = 0, detractors = 0;
};
SurveyCounts survey_counts(spi::Connection& connection, Timestamp from, Timestamp to);
std::vector<Detractor> detractors(spi::Connection& connection, Timestamp from, Timestamp to, std::size_t limit);
// A customer's surveys, most recent first, and how many there are.
std::vector<Survey> customer_surveys(spi::Connection& connection, const Uuid& customer, std::size_t limit);
std::int64_t customer_survey_count(spi::Connection& connection, const Uuid& customer);

}  // namespace relais::inline v1::detail
