#pragma once
// The pure rules of the surveys: settings checks, the templates, tokens, the
// journal's field lists and the figures. No database.
#include <relais/journal.h>
#include <relais/surveys/survey.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relais::inline v1::detail {

// The settings as stored (JSON) and back; a key missing from stored text
// keeps its default.
std::string settings_definition(const SurveySettings& settings);
SurveySettings settings_from_definition(std::string_view definition, std::int64_t version);

// The settings' own checks (not the mailbox's existence). Throws
// InvalidInputError listing every bad field.
SurveySettings checked_survey_settings(const SurveySettings& settings);
std::vector<FieldChange> survey_settings_changes(const SurveySettings& before, const SurveySettings& after);

// `text` with each {placeholder} of `fields` replaced (once each occurrence;
// replaced text is not scanned again).
std::string render_template(std::string_view text, const std::vector<std::pair<std::string, std::string>>& fields);

// 32 lowercase hex digits from the system's cryptographic generator: what
// stands for the survey in the questionnaire's URL (nothing guessable).
std::string new_survey_token();

// The last mail a survey to relaunch at `now` was sent at or before: the
// relaunch delay back on the Paris calendar.
Timestamp relaunch_cutoff(const SurveySettings& settings, Timestamp now);

// The score's check: InvalidInputError naming "score" and the value.
int checked_score(long long score);

// The journal fields that differ between two states of a survey (every set
// one for a new survey when `before` is null).
std::vector<FieldChange> survey_changes(const Survey* before, const Survey& after);

// The figures from the counts.
SurveyFigures figures_of(Timestamp from, Timestamp to, std::int64_t sent, std::int64_t answered,
                         std::int64_t score_sum, std::int64_t promoters, std::int64_t passives,
                         std::int64_t detractors);

}  // namespace relais::inline v1::detail
