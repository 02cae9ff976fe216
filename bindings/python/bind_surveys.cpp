// Satisfaction surveys (Workspace.surveys): settings, sending after
// resolution, relaunches, answers (one by one or from CSV) and figures;
// docs/surveys.md.
#include "binding.h"

#include <relais/surveys/survey_service.h>

namespace relais::python {

template <>
struct EnumMembers<SurveyState> {
  static constexpr std::array members{
      std::pair{SurveyState::pending, "pending"},     std::pair{SurveyState::sent, "sent"},
      std::pair{SurveyState::answered, "answered"},   std::pair{SurveyState::expired, "expired"},
      std::pair{SurveyState::cancelled, "cancelled"}, std::pair{SurveyState::skipped, "skipped"}};
};

namespace {

using Release = py::call_guard<py::gil_scoped_release>;

std::string optional_text(const std::optional<int>& value) { return value ? std::to_string(*value) : "None"; }

void bind_survey_types(py::module_& m) {
  bind_enum<SurveyState>(m, "SurveyState",
                         "A survey's state: PENDING (mail not delivered yet, or failed: see last_error), SENT, "
                         "ANSWERED, EXPIRED, CANCELLED, SKIPPED (no email address).");
  py::class_<SurveySettings>(m, "SurveySettings", "The survey settings; change a copy and pass it to configure().")
      .def(py::init<>())
      .def_readwrite("url_template", &SurveySettings::url_template,
                     "The questionnaire's URL with {token} (required) and optionally {ticket}; '' = not configured.")
      .def_readwrite("mailbox", &SurveySettings::mailbox, "The configured mailbox whose connector sends the surveys.")
      .def_readwrite("from_address", &SurveySettings::from_address, "The sender ('' = the inbox's reply_from).")
      .def_readwrite("from_name", &SurveySettings::from_name, "The sender's name ('' = the inbox's reply_name).")
      .def_readwrite("subject_template", &SurveySettings::subject_template,
                     "The subject, where {ticket}, {subject}, {name}, {url}, {company} are replaced.")
      .def_readwrite("body_template", &SurveySettings::body_template, "The text (must hold {url}); same placeholders.")
      .def_readwrite("relaunch_subject_template", &SurveySettings::relaunch_subject_template,
                     "The subject of a relaunch ('' = 'Rappel : ' + the subject).")
      .def_readwrite("relaunch_delay_days", &SurveySettings::relaunch_delay_days, "Days after the last mail (1 to 365).")
      .def_readwrite("max_relaunches", &SurveySettings::max_relaunches, "Relaunches at most (0 to 10).")
      .def_readwrite("automatic", &SurveySettings::automatic, "Resolved tickets get a survey from send_due().")
      .def_readwrite("resolved_since", &SurveySettings::resolved_since,
                     "Tickets resolved before this datetime are never surveyed automatically (set by configure()).")
      .def_readwrite("version", &SurveySettings::version)
      .def("__eq__", [](const SurveySettings& a, const SurveySettings& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const SurveySettings& s) {
        return "relais.SurveySettings(url_template=" + quoted(s.url_template) + ", mailbox=" + quoted(s.mailbox) +
               ", version=" + std::to_string(s.version) + ")";
      });
  py::class_<Survey>(m, "Survey", "One satisfaction survey of a ticket.")
      .def_readonly("id", &Survey::id)
      .def_readonly("target_kind", &Survey::target_kind, "'ticket' (later 'intervention').")
      .def_readonly("target_id", &Survey::target_id)
      .def_readonly("target_label", &Survey::target_label, "The ticket's number.")
      .def_readonly("customer", &Survey::customer)
      .def_readonly("customer_name", &Survey::customer_name)
      .def_readonly("recipient", &Survey::recipient)
      .def_readonly("token", &Survey::token, "Opaque and unique, what the questionnaire's URL carries.")
      .def_readonly("state", &Survey::state)
      .def_readonly("relaunches", &Survey::relaunches)
      .def_readonly("score", &Survey::score, "0 to 10 once answered, else None.")
      .def_readonly("comment", &Survey::comment)
      .def_readonly("last_error", &Survey::last_error, "Why the last delivery failed, or why it was skipped.")
      .def_readonly("created_at", &Survey::created_at)
      .def_readonly("sent_at", &Survey::sent_at)
      .def_readonly("last_sent_at", &Survey::last_sent_at)
      .def_readonly("answered_at", &Survey::answered_at)
      .def_readonly("updated_at", &Survey::updated_at)
      .def_readonly("version", &Survey::version)
      .def("__eq__", [](const Survey& a, const Survey& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Survey& s) {
        return "relais.Survey(ticket=" + quoted(s.target_label) + ", state=" + std::string(to_string(s.state)) +
               ", score=" + optional_text(s.score) + ")";
      });
  py::class_<SurveyPage>(m, "SurveyPage", "A page of surveys, most recent first.")
      .def_readonly("surveys", &SurveyPage::surveys)
      .def_readonly("next_cursor", &SurveyPage::next_cursor, "'' on the last page.");
  py::class_<SurveySendReport>(m, "SurveySendReport", "What send_due() or relaunch_due() did.")
      .def_readonly("sent", &SurveySendReport::sent, "Delivered (first mails, or relaunches).")
      .def_readonly("failed", &SurveySendReport::failed, "Delivery failed (see last_error), tried again later.")
      .def_readonly("skipped", &SurveySendReport::skipped, "Customers without an email address (reported once).")
      .def_readonly("expired", &SurveySendReport::expired, "From relaunch_due(), no answer after the last relaunch.")
      .def("__repr__", [](const SurveySendReport& r) {
        return "relais.SurveySendReport(sent=" + std::to_string(r.sent.size()) + ", failed=" +
               std::to_string(r.failed.size()) + ", skipped=" + std::to_string(r.skipped.size()) +
               ", expired=" + std::to_string(r.expired.size()) + ")";
      });
  py::class_<Detractor>(m, "Detractor", "A customer to call back: an answer of 0 to 6.")
      .def_readonly("survey", &Detractor::survey)
      .def_readonly("customer", &Detractor::customer)
      .def_readonly("customer_name", &Detractor::customer_name)
      .def_readonly("ticket", &Detractor::ticket, "The ticket's number.")
      .def_readonly("score", &Detractor::score)
      .def_readonly("comment", &Detractor::comment)
      .def_readonly("answered_at", &Detractor::answered_at)
      .def("__repr__", [](const Detractor& d) {
        return "relais.Detractor(" + quoted(d.customer_name) + ", ticket=" + quoted(d.ticket) +
               ", score=" + std::to_string(d.score) + ")";
      });
  py::class_<SurveyFigures>(m, "SurveyFigures", "The surveys first sent in [since, until), and their answers.")
      .def_readonly("since", &SurveyFigures::from)
      .def_readonly("until", &SurveyFigures::to)
      .def_readonly("sent", &SurveyFigures::sent)
      .def_readonly("answered", &SurveyFigures::answered)
      .def_readonly("response_rate", &SurveyFigures::response_rate, "answered / sent (0 when none was sent).")
      .def_readonly("average_score", &SurveyFigures::average_score, "None without an answer.")
      .def_readonly("promoters", &SurveyFigures::promoters, "Scores 9-10.")
      .def_readonly("passives", &SurveyFigures::passives, "Scores 7-8.")
      .def_readonly("detractors", &SurveyFigures::detractors, "Scores 0-6.")
      .def_readonly("nps", &SurveyFigures::nps, "% promoters - % detractors of the answers; None without one.")
      .def_readonly("to_call_back", &SurveyFigures::to_call_back, "The detractors, lowest score first.")
      .def("__repr__", [](const SurveyFigures& f) {
        return "relais.SurveyFigures(sent=" + std::to_string(f.sent) + ", answered=" + std::to_string(f.answered) + ")";
      });
  py::class_<SurveyImportReport>(m, "SurveyImportReport", "What an import of answers did.")
      .def_readonly("charset", &SurveyImportReport::charset)
      .def_readonly("rows", &SurveyImportReport::rows, "== answered + unchanged + rejected.")
      .def_readonly("answered", &SurveyImportReport::answered)
      .def_readonly("unchanged", &SurveyImportReport::unchanged, "The same answer was recorded already.")
      .def_readonly("rejected", &SurveyImportReport::rejected)
      .def_readonly("rejections", &SurveyImportReport::rejections,
                    "Each a relais.ImportRejection naming the line, column and value.")
      .def("__repr__", [](const SurveyImportReport& r) {
        return "relais.SurveyImportReport(rows=" + std::to_string(r.rows) + ", answered=" + std::to_string(r.answered) +
               ", rejected=" + std::to_string(r.rejected) + ")";
      });
}

void bind_survey_service(py::module_& m) {
  py::class_<SurveyService>(m, "SurveyService",
                            "Satisfaction surveys (Workspace.surveys): sending after a ticket is resolved, "
                            "relaunches, answers and figures. docs/surveys.md.")
      .def("settings", &SurveyService::settings, Release(), "The survey settings (defaults at version 0).")
      .def("configure", &SurveyService::configure, py::arg("settings"), Release(),
           "Stores the settings (admin) under their version. Raises InvalidInputError naming every bad field "
           "(url_template without {token}, a negative relaunch_delay_days...), ConflictError. Releases the GIL.")
      .def("send_due", &SurveyService::send_due, py::arg("now") = py::none(), py::arg("limit") = 100, Release(),
           "Surveys the tickets resolved since the settings' resolved_since that have none (one per ticket, "
           "ever, even with several processes), and tries failed deliveries again. Returns a "
           "SurveySendReport (sent, failed, skipped). Releases the GIL.")
      .def("send", [](SurveyService& s, const IdArg& ticket) {
             const Uuid id = to_uuid(ticket, "ticket");
             py::gil_scoped_release release;
             return s.send(id);
           }, py::arg("ticket"),
           "Surveys one ticket now. Raises ConflictError when it has a survey already. Releases the GIL.")
      .def("to_relaunch", &SurveyService::to_relaunch, py::arg("now") = py::none(), py::arg("limit") = 50, Release(),
           "Sent surveys not answered whose last mail is older than the relaunch delay, with relaunches left. "
           "Read only. Releases the GIL.")
      .def("count_to_relaunch", &SurveyService::count_to_relaunch, py::arg("now") = py::none(), Release(),
           "How many to_relaunch() would list. Releases the GIL.")
      .def("relaunch", [](SurveyService& s, const IdArg& survey, std::int64_t version) {
             const Uuid id = to_uuid(survey, "survey");
             py::gil_scoped_release release;
             return s.relaunch(id, version);
           }, py::arg("survey"), py::arg("version"),
           "Sends the survey again (relaunches + 1). Raises ConflictError (stale version), InvalidInputError "
           "(not sent, or max_relaunches reached). Releases the GIL.")
      .def("relaunch_due", &SurveyService::relaunch_due, py::arg("now") = py::none(), py::arg("limit") = 100,
           Release(), "Relaunches every survey due, then expires those with no relaunch left. Releases the GIL.")
      .def("record_answer", &SurveyService::record_answer, py::arg("key"), py::arg("score"), py::arg("comment") = "",
           py::arg("answered_at") = py::none(), Release(),
           "Records the answer of the survey with this token, id or ticket number. The same answer again "
           "changes nothing; another one raises ConflictError. Raises InvalidInputError naming 'score' outside "
           "0 to 10, NotFoundError for an unknown key. Releases the GIL.")
      .def("import_answers", [](SurveyService& s, const std::string& data) {
             py::gil_scoped_release release;
             return s.import_answers(data);
           }, py::arg("data"),
           "Imports the questionnaire's CSV export (bytes, charset detected, or str): columns token or ticket, "
           "score, comment, date. Valid rows are applied, bad ones reported. Idempotent. Releases the GIL.")
      .def("import_answers_file", &SurveyService::import_answers_file, py::arg("path"), Release(),
           "import_answers() on a file. Raises NotFoundError when it cannot be read. Releases the GIL.")
      .def("get", [](const SurveyService& s, const IdArg& survey) {
             const Uuid id = to_uuid(survey, "survey");
             py::gil_scoped_release release;
             return s.get(id);
           }, py::arg("survey"), "Raises NotFoundError. Releases the GIL.")
      .def("find", &SurveyService::find, py::arg("key"), Release(),
           "The survey of a token, id or ticket number. Raises NotFoundError. Releases the GIL.")
      .def("list", [](const SurveyService& s, std::vector<SurveyState> states, std::optional<IdArg> customer,
                      std::size_t limit, std::string after) {
             SurveyQuery query{std::move(states), std::nullopt, limit, std::move(after)};
             if (customer) query.customer = to_uuid(*customer, "customer");
             py::gil_scoped_release release;
             return s.list(query);
           }, py::kw_only(), py::arg("states") = std::vector<SurveyState>{}, py::arg("customer") = py::none(),
           py::arg("limit") = 50, py::arg("after") = "",
           "Surveys, most recent first, one page (limit 1 to 500). Releases the GIL.")
      .def("cancel", [](SurveyService& s, const IdArg& survey, std::int64_t version) {
             const Uuid id = to_uuid(survey, "survey");
             py::gil_scoped_release release;
             return s.cancel(id, version);
           }, py::arg("survey"), py::arg("version"),
           "Cancels a pending or sent survey. Raises ConflictError, InvalidInputError. Releases the GIL.")
      .def("figures", &SurveyService::figures, py::arg("since"), py::arg("until"), Release(),
           "Surveys first sent in [since, until): counts, response rate, average score, NPS split and the "
           "detractors to call back. Raises InvalidInputError naming 'to' when until <= since. Releases the GIL.");
}

}  // namespace

void bind_surveys(py::module_& m) {
  bind_survey_types(m);
  bind_survey_service(m);
}

}  // namespace relais::python
