#pragma once
// Satisfaction surveys: a mail inviting the customer to the company's
// questionnaire after a ticket is resolved, relaunches, answers (one by one
// or imported from the questionnaire's CSV export) and the figures. See
// docs/surveys.md.
//
// Events, after commit (journal entity "survey", id the survey's):
// SurveyCreated (a survey claimed its ticket), SurveySent (its first mail
// delivered), SurveyRelaunched, SurveySendFailed (a delivery failed: the
// error is kept and the send tried again), SurveySkipped (no email),
// SurveyAnswered, SurveyExpired, SurveyCancelled; SurveySettingsConfigured.
// Reminder rules may follow target kind "survey" on these.
//
// Thread-safe; obtained from Workspace::surveys() and valid while the
// Workspace lives. Every call passes the workspace's authorization point.
// Mail is composed before and sent after the transactions that record it:
// no transaction waits on a mail server.
#include <relais/export.h>
#include <relais/surveys/survey.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

namespace detail { class WorkspaceCore; }

class RELAIS_API SurveyService {
 public:
  explicit SurveyService(detail::WorkspaceCore& core) : core_(core) {}

  // ---- Settings

  SurveySettings settings() const;
  // Stores `settings` read at settings.version. Admin only, journaled
  // (entity "survey_settings"). Throws InvalidInputError listing every bad
  // field ("url_template" without {token} or not http(s)://,
  // "body_template" without {url}, "subject_template" empty or with a line
  // break, "relaunch_delay_days" 1 to 365, "max_relaunches" 0 to 10,
  // "from_address", "mailbox" not configured), ConflictError (stale version),
  // PermissionDeniedError.
  SurveySettings configure(const SurveySettings& settings);

  // ---- Sending

  // Surveys the tickets resolved (or closed after being resolved) since
  // settings().resolved_since that have none yet, oldest first, at most
  // `limit` (1 to 500) per call, when settings().automatic; also tries again
  // the pending surveys whose delivery failed (or whose sender crashed
  // before recording it, after an hour). A ticket gets one survey at most,
  // ever: a unique key in the database, so two processes running this at
  // once send each survey once (the loser finds the ticket taken). A
  // customer without an email address gets a skipped survey, reported once.
  // A delivery failure is recorded on the survey (last_error, event
  // SurveySendFailed) and returned in `failed`, never thrown. Throws
  // InvalidInputError naming "url_template" or "mailbox" when surveys are
  // not configured, NotFoundError (the mailbox was removed), PluginError
  // (its connector cannot be created), StorageError.
  // `now`: the workspace clock's time when unset (so for every call below).
  SurveySendReport send_due(std::optional<Timestamp> now = std::nullopt, std::size_t limit = 100);

  // Surveys one ticket now, whatever its status and the automatic setting
  // (an office may survey by hand). Returns the survey (skipped, sent, or
  // pending with last_error). Throws NotFoundError (ticket), ConflictError
  // (the ticket has a survey already), the configuration errors of
  // send_due().
  Survey send(const Uuid& ticket);

  // ---- Relaunches

  // Sent surveys not answered whose last mail is at least
  // relaunch_delay_days old at `now` and that have relaunches left, oldest
  // mail first, at most `limit` (1 to 500). Read only and indexed: what a
  // dashboard shows.
  std::vector<Survey> to_relaunch(std::optional<Timestamp> now = std::nullopt, std::size_t limit = 50) const;
  std::int64_t count_to_relaunch(std::optional<Timestamp> now = std::nullopt) const;
  // Sends the survey's mail again (event SurveyRelaunched, relaunches + 1,
  // last_sent_at). Throws NotFoundError, ConflictError (stale version),
  // InvalidInputError naming "state" (not sent, or answered) or
  // "relaunches" (max_relaunches reached). A delivery failure is recorded
  // (SurveySendFailed) and the survey returned unchanged but for
  // last_error.
  Survey relaunch(const Uuid& survey, std::int64_t expected_version);
  // relaunch() for every survey of to_relaunch(now) (up to `limit`), then
  // expires the sent surveys with no relaunch left whose last mail's delay
  // has passed (event SurveyExpired). A relaunch another process made
  // meanwhile is skipped.
  SurveySendReport relaunch_due(std::optional<Timestamp> now = std::nullopt, std::size_t limit = 100);

  // ---- Answers

  // Records the answer to survey `key`: its token, its id, or its ticket's
  // number ("T-2026-000042"). `answered_at`: when the customer answered
  // (default: now), not more than a day ahead. Answers come from outside
  // (the questionnaire) and are idempotent, so no version is taken: the
  // same answer again changes nothing; a different one for an answered
  // survey throws ConflictError (the first is kept). Event SurveyAnswered.
  // Throws InvalidInputError naming "score" (outside 0 to 10) with the
  // value, "comment" (over 4,000 bytes), "answered_at", "state" (a skipped
  // survey); NotFoundError naming "survey" (no such token, id or ticket).
  Survey record_answer(std::string_view key, int score, std::string_view comment = {},
                       std::optional<Timestamp> answered_at = std::nullopt);

  // Imports the questionnaire's export (CSV, ';' or ',', charset detected).
  // Columns, matched by header name (case and accents ignored): "token"
  // (or "jeton") or "ticket" (or "numéro"): at least one; "score" (or
  // "note"): required; "comment" (or "commentaire") and "date" (dd/mm/yyyy
  // [HH:MM], yyyy-mm-dd [HH:MM], Paris time): optional. Every row is
  // answered, unchanged (the same answer is recorded: importing again
  // changes nothing) or rejected with its row and a reason naming the line,
  // column and value; valid rows are applied whatever the others. Throws
  // InvalidInputError naming "file" (no header) or the missing column,
  // before anything is written.
  SurveyImportReport import_answers(std::string_view csv_bytes);
  // import_answers() on a file. Throws NotFoundError naming "file".
  SurveyImportReport import_answers_file(const std::string& path);

  // ---- Reading

  // Throws NotFoundError.
  Survey get(const Uuid& survey) const;
  // By token, id or ticket number, as record_answer() finds it. Throws
  // NotFoundError.
  Survey find(std::string_view key) const;
  // Throws InvalidInputError for a bad limit or cursor.
  SurveyPage list(const SurveyQuery& query = {}) const;
  // Cancels a pending or sent survey (event SurveyCancelled): no relaunch.
  // Throws NotFoundError, ConflictError, InvalidInputError naming "state".
  Survey cancel(const Uuid& survey, std::int64_t expected_version);

  // The surveys first sent in [from, to) and their answers (whenever they
  // came). Throws InvalidInputError naming "to" when not after `from`.
  SurveyFigures figures(Timestamp from, Timestamp to) const;

 private:
  detail::WorkspaceCore& core_;
};

}  // namespace v1
}  // namespace relais
