#pragma once
// What the survey service's files share: finding a survey by what a person
// or a file gives, and recording an answer (the import tells a new answer
// from one recorded already).
#include <relais/spi/storage.h>
#include <relais/surveys/survey.h>

#include <optional>
#include <string_view>

namespace relais::inline v1::detail {

class WorkspaceCore;

inline constexpr std::size_t kMaxSurveyCommentBytes = 4000;

// By token, then id, then ticket number (the latest survey of that ticket).
std::optional<Survey> find_survey_by_key(spi::Connection& connection, std::string_view key);

struct AnswerOutcome {
  Survey survey;
  bool changed = false;  // false: the same answer was recorded already
};
// SurveyService::record_answer() for a checked score.
AnswerOutcome record_answer(WorkspaceCore& core, std::string_view key, int score, std::string_view comment,
                            std::optional<Timestamp> answered_at);

}  // namespace relais::inline v1::detail
