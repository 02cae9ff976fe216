// SurveyService: the questionnaire's CSV export of answers, read with the
// imports' own CSV table (charset detection, numbered rows, broken rows
// refused one by one).
#include <relais/surveys/survey_service.h>

#include <relais/errors.h>

#include "core/civil_time.h"
#include "customers/import/cell_values.h"
#include "customers/import/csv_table.h"
#include "surveys/survey_service_internal.h"
#include "workspace/workspace_core.h"

#include <charconv>

namespace relais {
inline namespace v1 {
namespace {

// The header names each column may have, the first being the key named in
// messages.
const std::vector<std::string> kTokenNames = {"token", "jeton"};
const std::vector<std::string> kTicketNames = {"ticket", "numero", "numero de ticket", "ticket_number"};
const std::vector<std::string> kScoreNames = {"score", "note"};
const std::vector<std::string> kCommentNames = {"comment", "commentaire"};
const std::vector<std::string> kDateNames = {"date", "answered_at", "date de reponse"};
const char* const kDateFormats[] = {"dd/mm/yyyy HH:MM:SS", "dd/mm/yyyy HH:MM", "dd/mm/yyyy",
                                    "yyyy-mm-dd HH:MM:SS", "yyyy-mm-dd HH:MM", "yyyy-mm-dd"};

// The first of `names` the header has, resolved in `table`.
std::optional<std::string> resolve_any(detail::CsvTable& table, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    FieldErrors missing;
    table.resolve(name, name, missing);
    if (missing.empty()) return name;
  }
  return std::nullopt;
}

std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<Timestamp> paris_time(std::string_view text) {
  for (const char* format : kDateFormats) {
    if (auto local = detail::parse_date_time(text, format)) return detail::paris_instant(local->day, local->time_of_day);
  }
  return std::nullopt;
}

}  // namespace

SurveyImportReport SurveyService::import_answers_file(const std::string& path) {
  return import_answers(detail::file_contents(path));
}

SurveyImportReport SurveyService::import_answers(std::string_view csv_bytes) {
  core_.authorize(detail::Action::write);
  detail::CsvTable table(csv_bytes);
  const auto token_column = resolve_any(table, kTokenNames);
  const auto ticket_column = resolve_any(table, kTicketNames);
  const auto score_column = resolve_any(table, kScoreNames);
  const auto comment_column = resolve_any(table, kCommentNames);
  const auto date_column = resolve_any(table, kDateNames);
  FieldErrors missing;
  if (!token_column && !ticket_column) {
    missing.add("token", "", "the file needs a \"token\" or a \"ticket\" column");
  }
  if (!score_column) missing.add("score", "", "the file needs a \"score\" (or \"note\") column");
  missing.throw_if_any();

  SurveyImportReport report;
  report.charset = table.charset();
  auto reject = [&](std::size_t row, std::string reason) {
    report.rejections.push_back({row, std::move(reason)});
  };
  detail::TableRecord record;
  while (table.next(record)) {
    ++report.rows;
    if (record.problem) {
      reject(record.row, *record.problem);
      continue;
    }
    detail::RowProblems problems;
    std::string key;
    std::string key_column;
    if (token_column && !table.cell(record, *token_column).empty()) {
      key = table.cell(record, *token_column);
      key_column = *token_column;
    } else if (ticket_column) {
      key = table.cell(record, *ticket_column);
      key_column = *ticket_column;
    }
    if (key.empty()) {
      problems.reject(token_column.value_or(ticket_column.value_or("token")), "token", "",
                      "a token or a ticket number is needed");
    }
    const std::string score_text = table.cell(record, *score_column);
    std::optional<int> score = whole_number(score_text);
    if (!score) {
      problems.reject(*score_column, "score", score_text, "expected a whole number from 0 to 10");
    } else if (*score < 0 || *score > 10) {
      problems.reject(*score_column, "score", score_text, "expected 0 to 10");
      score.reset();
    }
    std::optional<Timestamp> answered_at;
    if (date_column) {
      const std::string date_text = table.cell(record, *date_column);
      if (!date_text.empty()) {
        answered_at = paris_time(date_text);
        if (!answered_at) {
          problems.reject(*date_column, "date", date_text, "expected dd/mm/yyyy [HH:MM] or yyyy-mm-dd [HH:MM]");
        }
      }
    }
    const std::string comment = comment_column ? table.cell(record, *comment_column) : std::string();
    if (!problems.empty()) {
      reject(record.row, problems.reason(record.line));
      continue;
    }
    const std::string where = "line " + std::to_string(record.line);
    try {
      const auto outcome = detail::record_answer(core_, key, *score, comment, answered_at);
      ++(outcome.changed ? report.answered : report.unchanged);
    } catch (const NotFoundError&) {
      detail::RowProblems unknown;
      unknown.reject(key_column, (ticket_column && key_column == *ticket_column) ? "ticket" : "token", key, "no such survey");
      reject(record.row, unknown.reason(record.line));
    } catch (const ConflictError& error) {
      reject(record.row, where + ": " + error.what());
    } catch (const InvalidInputError& error) {
      reject(record.row, detail::rejection_reason(where, error));
    }
  }
  report.rejected = report.rejections.size();
  return report;
}

}  // namespace v1
}  // namespace relais
