// Satisfaction surveys at the command line: `relais survey send` (what cron
// runs every morning: new surveys, then relaunches), `import` (the
// questionnaire's CSV export of answers), `list` and `figures`.
#include "commands.h"
#include "desk_output.h"
#include "i18n.h"
#include "output.h"

#include <relais/surveys/survey_service.h>

#include <cstdio>
#include <iostream>
#include <memory>

namespace relais::cli {
namespace {

struct SendArguments {
  WorkspaceArguments workspace;
  std::optional<Timestamp> at;
  bool no_relaunch = false;
};

struct ImportArguments {
  WorkspaceArguments workspace;
  std::string file;
};

struct ListArguments {
  WorkspaceArguments workspace;
  std::optional<SurveyState> state;
  bool to_relaunch = false;
  std::size_t limit = 50;
};

struct FiguresArguments {
  WorkspaceArguments workspace;
  std::optional<Timestamp> from;
  std::optional<Timestamp> to;
};

const char* state_label(SurveyState state) {
  switch (state) {
    case SurveyState::pending: return _("pending");
    case SurveyState::sent: return _("sent");
    case SurveyState::answered: return _("answered");
    case SurveyState::expired: return _("expired");
    case SurveyState::cancelled: return _("cancelled");
    case SurveyState::skipped: return _("skipped");
  }
  return "";
}

void print_surveys(std::ostream& out, const std::vector<Survey>& surveys) {
  std::vector<std::vector<std::string>> rows{
      {_("Ticket"), _("Customer"), _("State"), _("Last mail"), _("Relaunches"), _("Score"), _("Comment")}};
  for (const auto& survey : surveys) {
    rows.push_back({survey.target_label, survey.customer_name, state_label(survey.state),
                    survey.last_sent_at ? paris_time(*survey.last_sent_at) : "", std::to_string(survey.relaunches),
                    survey.score ? std::to_string(*survey.score) : "",
                    survey.last_error.empty() ? survey.comment : survey.last_error});
  }
  print_table(out, rows);
}

int run_send(const SendArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  const Timestamp now = arguments.at.value_or(workspace.clock().now());
  const SurveySendReport sent = workspace.surveys().send_due(now);
  std::cout << format(P_("%lld survey sent", "%lld surveys sent", sent.sent.size()), sent.sent.size()) << ", "
            << format(P_("%lld failed", "%lld failed", sent.failed.size()), sent.failed.size()) << ", "
            << format(P_("%lld without email", "%lld without email", sent.skipped.size()), sent.skipped.size())
            << ".\n";
  std::vector<Survey> problems = sent.failed;
  problems.insert(problems.end(), sent.skipped.begin(), sent.skipped.end());
  if (arguments.no_relaunch) {
    if (!problems.empty()) print_surveys(std::cout, problems);
    return sent.failed.empty() ? 0 : 1;
  }
  const SurveySendReport relaunched = workspace.surveys().relaunch_due(now);
  std::cout << format(P_("%lld survey relaunched", "%lld surveys relaunched", relaunched.sent.size()),
                      relaunched.sent.size())
            << ", " << format(P_("%lld failed", "%lld failed", relaunched.failed.size()), relaunched.failed.size())
            << ", " << format(P_("%lld expired", "%lld expired", relaunched.expired.size()), relaunched.expired.size())
            << ".\n";
  problems.insert(problems.end(), relaunched.failed.begin(), relaunched.failed.end());
  if (!problems.empty()) print_surveys(std::cout, problems);
  return sent.failed.empty() && relaunched.failed.empty() ? 0 : 1;
}

int run_import(const ImportArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  const SurveyImportReport report = workspace.surveys().import_answers_file(arguments.file);
  std::cout << format(P_("%lld row read", "%lld rows read", report.rows), report.rows) << ": "
            << format(P_("%lld answer recorded", "%lld answers recorded", report.answered), report.answered) << ", "
            << format(P_("%lld already recorded", "%lld already recorded", report.unchanged), report.unchanged) << ", "
            << format(P_("%lld rejected", "%lld rejected", report.rejected), report.rejected) << ".\n";
  print_rejections(std::cout, report.rejections);
  return report.rejected == 0 ? 0 : 1;
}

int run_list(const ListArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  std::vector<Survey> surveys;
  bool more = false;
  if (arguments.to_relaunch) {
    surveys = workspace.surveys().to_relaunch(std::nullopt, arguments.limit);
  } else {
    SurveyQuery query;
    if (arguments.state) query.states = {*arguments.state};
    query.limit = arguments.limit;
    const SurveyPage page = workspace.surveys().list(query);
    surveys = page.surveys;
    more = !page.next_cursor.empty();
  }
  if (surveys.empty()) {
    std::cout << _("No survey.") << '\n';
    return 0;
  }
  print_surveys(std::cout, surveys);
  std::cout << format(P_("%lld survey", "%lld surveys", surveys.size()), surveys.size());
  if (more) std::cout << ' ' << _("(more: raise --limit)");
  std::cout << '\n';
  return 0;
}

std::string decimal(double value, int digits = 1) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

int run_figures(const FiguresArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  const Timestamp to = arguments.to.value_or(workspace.clock().now());
  const Timestamp from = arguments.from.value_or(to - std::chrono::days(30));
  const SurveyFigures figures = workspace.surveys().figures(from, to);
  std::cout << format(_("Surveys sent from %s to %s:"), paris_time(from), paris_time(to)) << '\n';
  print_table(std::cout, {{_("Sent"), std::to_string(figures.sent)},
                          {_("Answered"), std::to_string(figures.answered)},
                          {_("Response rate"), decimal(100 * figures.response_rate) + " %"},
                          {_("Average score"), figures.average_score ? decimal(*figures.average_score) : "-"},
                          {_("Promoters (9-10)"), std::to_string(figures.promoters)},
                          {_("Passives (7-8)"), std::to_string(figures.passives)},
                          {_("Detractors (0-6)"), std::to_string(figures.detractors)},
                          {_("NPS"), figures.nps ? decimal(*figures.nps, 0) : "-"}},
              "  ");
  if (figures.to_call_back.empty()) return 0;
  std::cout << _("To call back:") << '\n';
  std::vector<std::vector<std::string>> rows{{_("Customer"), _("Ticket"), _("Score"), _("Comment")}};
  for (const auto& detractor : figures.to_call_back) {
    rows.push_back({detractor.customer_name, detractor.ticket, std::to_string(detractor.score), detractor.comment});
  }
  print_table(std::cout, rows, "  ");
  return 0;
}

std::optional<SurveyState> parse_state(const std::string& text) {
  return parse_word<SurveyState, parse_survey_state>(text);
}

}  // namespace

void add_survey_commands(CLI::App& app) {
  CLI::App& group = add_command_group(app, "survey", _("Satisfaction surveys: send, relaunch, import answers, figures."));

  auto send = std::make_shared<SendArguments>();
  CLI::App& send_command = add_command(
      group, "send", _("Send the surveys of resolved tickets, then relaunch those unanswered."), [send] { return run_send(*send); });
  add_workspace_arguments(send_command, send->workspace);
  add_parsed_option(send_command, "--at", send->at, parse_paris_time,
                    _("a Paris date and time is expected (2026-11-26 14:30, 26/11/2026 14:30 or a date alone), not "
                      "\"%s\""),
                    _("Run as if it were this Paris time (default: now)."))
      ->option_text(_("WHEN"));
  send_command.add_flag("--no-relaunch", send->no_relaunch, _("Send new surveys only."))->disable_flag_override();

  auto import = std::make_shared<ImportArguments>();
  CLI::App& import_command = add_command(group, "import", _("Import the questionnaire's answers (CSV)."),
                                         [import] { return run_import(*import); });
  add_workspace_arguments(import_command, import->workspace);
  import_command.add_option(_("<file.csv>"), import->file, _("The questionnaire's export."))->required();

  auto list = std::make_shared<ListArguments>();
  CLI::App& list_command = add_command(group, "list", _("List surveys, most recent first."), [list] { return run_list(*list); });
  add_workspace_arguments(list_command, list->workspace);
  add_parsed_option(list_command, "--state", list->state, parse_state,
                    _("pending, sent, answered, expired, cancelled or skipped is expected, not \"%s\""),
                    _("Only surveys in this state."))
      ->option_text(_("STATE"));
  list_command.add_flag("--to-relaunch", list->to_relaunch, _("Only the surveys due for a relaunch."))
      ->disable_flag_override();
  add_parsed_option(list_command, "--limit", list->limit, parse_positive_number,
                    _("a positive number is expected, not \"%s\""), _("Show at most N surveys (1 to 500, default 50)."))
      ->option_text("N");

  auto figures = std::make_shared<FiguresArguments>();
  CLI::App& figures_command = add_command(group, "figures", _("Response rate, scores and customers to call back."),
                                          [figures] { return run_figures(*figures); });
  add_workspace_arguments(figures_command, figures->workspace);
  const char* date_refusal =
      _("a Paris date and time is expected (2026-11-26 14:30, 26/11/2026 14:30 or a date alone), not \"%s\"");
  add_parsed_option(figures_command, "--from", figures->from, parse_paris_time, date_refusal,
                    _("Surveys sent from this Paris time (default: 30 days before --to)."))
      ->option_text(_("WHEN"));
  add_parsed_option(figures_command, "--to", figures->to, parse_paris_time, date_refusal,
                    _("Surveys sent before this Paris time (default: now)."))
      ->option_text(_("WHEN"));
}

}  // namespace relais::cli
