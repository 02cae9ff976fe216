// The desk at the command line: `relais call log|import`, `relais ticket
// open|assign|status|comment|list`, `relais customers show` (the 360° view)
// and `relais followup import`.
#include "commands.h"
#include "desk_output.h"
#include "i18n.h"
#include "output.h"

#include <relais/errors.h>

#include <charconv>
#include <filesystem>
#include <iostream>
#include <memory>

namespace relais::cli {
namespace {

std::optional<std::chrono::seconds> parse_seconds(const std::string& text) {
  long long seconds = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc() || end != text.data() + text.size() || seconds < 0) return std::nullopt;
  return std::chrono::seconds(seconds);
}

// The export a command imports, checked before the workspace is opened; an
// Excel workbook goes through the Python importer (no C++ XLSX reader is
// packaged for Debian).
const std::string& export_file(const std::string& file, const std::string& profile, const char* into) {
  for (const std::string* path : {&file, &profile}) {
    if (!std::filesystem::is_regular_file(*path)) throw Failure(format(_("cannot open %s"), *path));
  }
  if (file.ends_with(".xlsx")) {
    throw Failure(format(_("%s is an Excel workbook: import it with python3 -m relais.xlsx <uri> %s --profile %s "
                           "--into %s"),
                         file, file, profile, into));
  }
  return file;
}

// A ticket named by its number ("T-2026-000042") or its id.
Ticket find_ticket(const DeskService& desk, const std::string& ticket) {
  if (ticket.starts_with("T-")) return desk.find_ticket(ticket);
  return desk.get_ticket(Uuid::parse(ticket, "ticket"));
}

struct CallLogArguments {
  WorkspaceArguments workspace;
  std::string phone;
  std::optional<std::string> customer;
  std::chrono::seconds duration{0};
  Direction direction = Direction::inbound;
  std::string subject;
  std::string notes;
  std::optional<CallOutcome> outcome;
};

struct ImportArguments {
  WorkspaceArguments workspace;
  std::string file;
  std::string profile;
};

struct TicketOpenArguments {
  WorkspaceArguments workspace;
  std::string customer;
  std::string subject;
  std::string description;
  TicketKind kind = TicketKind::information;
  TicketSource source = TicketSource::phone;
  TicketPriority priority = TicketPriority::normal;
  std::string assignee;
  std::string requested_by;
  std::string queue;
  std::optional<Timestamp> due_at;
  std::optional<Timestamp> callback_at;
};

struct TicketAssignArguments {
  WorkspaceArguments workspace;
  std::string ticket;
  std::string assignee;  // "" = nobody
};

struct TicketStatusArguments {
  WorkspaceArguments workspace;
  std::string ticket;
  TicketStatus status = TicketStatus::open;
  std::string reason;
};

struct TicketCommentArguments {
  WorkspaceArguments workspace;
  std::string ticket;
  std::string text;
  bool internal = false;
};

struct TicketListArguments {
  WorkspaceArguments workspace;
  std::optional<std::string> assignee;
  std::vector<std::string> statuses;
  std::optional<TicketKind> kind;
  std::optional<std::string> customer;
  bool overdue = false;
  std::size_t limit = 50;
};

struct ShowArguments {
  WorkspaceArguments workspace;
  std::string customer;  // an id or a phone number
};

// Without --customer, the caller lookup decides: one customer owns the
// number, or the call is left to qualify (like a call from the phone log).
int run_call_log(const CallLogArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  DeskService& desk = workspace.desk();
  CallDraft draft{.direction = arguments.direction, .phone = arguments.phone, .duration = arguments.duration,
                  .subject = arguments.subject, .notes = arguments.notes};
  std::string name;
  if (arguments.customer) {
    draft.customer = Uuid::parse(*arguments.customer, "customer");
    name = workspace.customers().get(*draft.customer).name;
  } else if (CallerLookup caller = desk.lookup_caller(arguments.phone); caller.matches.size() == 1) {
    draft.customer = caller.matches.front().customer.id;
    if (caller.matches.front().contact) draft.contact = caller.matches.front().contact->id;
    name = caller.matches.front().customer.name;
  } else if (!arguments.outcome) {
    draft.outcome = CallOutcome::to_qualify;
    std::cout << (caller.known() ? format(_("%lld customers have this number: the call is left to qualify."),
                                          caller.matches.size())
                                 : std::string(_("No customer has this number: the call is left to qualify.")))
              << '\n';
  }
  if (arguments.outcome) draft.outcome = *arguments.outcome;
  print_logged_call(std::cout, desk.log_call(draft), name);
  return 0;
}

int run_call_import(const ImportArguments& arguments) {
  const std::string& file = export_file(arguments.file, arguments.profile, "calls");
  Workspace workspace = open_workspace(arguments.workspace);
  print_call_log_report(std::cout, file, workspace.desk().import_call_log_file(file, arguments.profile));
  return 0;
}

int run_followup_import(const ImportArguments& arguments) {
  const std::string& file = export_file(arguments.file, arguments.profile, "follow-up");
  Workspace workspace = open_workspace(arguments.workspace);
  print_follow_up_report(std::cout, file, workspace.desk().import_follow_up_file(file, arguments.profile));
  return 0;
}

int run_ticket_open(const TicketOpenArguments& arguments) {
  Uuid customer = Uuid::parse(arguments.customer, "customer");
  Workspace workspace = open_workspace(arguments.workspace);
  TicketDraft draft{.kind = arguments.kind, .source = arguments.source, .priority = arguments.priority,
                    .customer = customer, .subject = arguments.subject, .description = arguments.description,
                    .queue = arguments.queue, .assignee = arguments.assignee, .due_at = arguments.due_at,
                    .callback_at = arguments.callback_at, .requested_by = arguments.requested_by};
  Ticket ticket = workspace.desk().open_ticket(draft);
  std::cout << _("Opened:") << ' ';
  print_ticket_line(std::cout, ticket, workspace.customers().get(customer).name);
  return 0;
}

int run_ticket_assign(const TicketAssignArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  Ticket ticket = find_ticket(workspace.desk(), arguments.ticket);
  ticket = workspace.desk().assign(ticket.id, ticket.version, arguments.assignee);
  std::cout << (ticket.assignee.empty() ? format(_("Ticket %s is no longer assigned."), ticket.number)
                                        : format(_("Ticket %s assigned to %s."), ticket.number, ticket.assignee))
            << '\n';
  return 0;
}

int run_ticket_status(const TicketStatusArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  Ticket before = find_ticket(workspace.desk(), arguments.ticket);
  Ticket after = workspace.desk().set_status(before.id, before.version, arguments.status, arguments.reason);
  std::cout << format(_("Ticket %s: %s -> %s."), after.number, status_label(before.status), status_label(after.status))
            << '\n';
  return 0;
}

int run_ticket_comment(const TicketCommentArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  Ticket ticket = find_ticket(workspace.desk(), arguments.ticket);
  workspace.desk().add_comment(ticket.id, arguments.text, arguments.internal);
  std::cout << format(arguments.internal ? _("Internal note added to ticket %s.") : _("Comment added to ticket %s."),
                      ticket.number)
            << '\n';
  return 0;
}

int run_ticket_list(const TicketListArguments& arguments) {
  TicketQuery query{.assignee = arguments.assignee, .kind = arguments.kind, .limit = arguments.limit};
  for (const auto& status : arguments.statuses) query.statuses.push_back(parse_ticket_status(status, "status"));
  if (arguments.customer) query.customer = Uuid::parse(*arguments.customer, "customer");
  Workspace workspace = open_workspace(arguments.workspace);
  if (arguments.overdue) {
    if (query.statuses.empty()) {
      query.statuses = {TicketStatus::new_, TicketStatus::open, TicketStatus::waiting_customer,
                        TicketStatus::waiting_internal, TicketStatus::scheduled};
    }
    query.due_before = workspace.clock().now();
  }
  TicketPage page = workspace.desk().tickets(query);
  if (page.tickets.empty()) {
    std::cout << _("No ticket.") << '\n';
    return 0;
  }
  print_ticket_table(std::cout, page.tickets, workspace.customers());
  std::cout << format(P_("%lld ticket", "%lld tickets", page.tickets.size()), page.tickets.size());
  if (!page.next_cursor.empty()) std::cout << ' ' << _("(more: raise --limit)");
  std::cout << '\n';
  return 0;
}

// By id, or by phone when the argument is not an id: the person at the
// desk has the number in front of them, rarely the id.
int run_customer_show(const ShowArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  Uuid id;
  try {
    id = Uuid::parse(arguments.customer, "customer");
  } catch (const InvalidInputError&) {
    CallerLookup caller = workspace.desk().lookup_caller(arguments.customer);
    if (caller.matches.size() != 1) {
      std::cout << (caller.known() ? format(_("%lld customers have this number; show one by its id:"),
                                            caller.matches.size())
                                   : std::string(_("No customer has this phone number.")))
                << '\n';
      for (const auto& match : caller.matches) {
        std::cout << "  " << match.customer.id.to_string() << "  " << match.customer.name << '\n';
      }
      return 0;
    }
    id = caller.matches.front().customer.id;
  }
  print_customer_view(std::cout, workspace.desk().customer_view(id, {.limit = 10}));
  return 0;
}

void add_import_arguments(CLI::App& command, ImportArguments& arguments, const std::string& file,
                          const std::string& description) {
  add_workspace_arguments(command, arguments.workspace);
  command.add_option(file, arguments.file, description)->required();
  command.add_option("--profile", arguments.profile, _("The profile mapping its columns (see docs/desk.md)."))
      ->option_text(_("PROFILE.json"))
      ->required();
}

void add_call_commands(CLI::App& app) {
  CLI::App& call = add_command_group(app, "call", _("Phone calls: trace one, import a phone system's call log."));

  auto log = std::make_shared<CallLogArguments>();
  CLI::App& log_command = add_command(call, "log", _("Trace a call; without --customer, the number finds the caller."),
                                      [log] { return run_call_log(*log); });
  add_workspace_arguments(log_command, log->workspace);
  log_command.add_option("--phone", log->phone, _("The other party's number, in any usual form."))
      ->option_text(_("NUMBER"))
      ->required();
  log_command.add_option("--customer", log->customer, _("The customer's id, when the number does not tell."))
      ->option_text("ID");
  add_parsed_option(log_command, "--duration", log->duration, parse_seconds,
                    _("a number of seconds is expected, not \"%s\""), _("How long the call lasted, in seconds."))
      ->option_text("S");
  add_parsed_option(log_command, "--direction", log->direction, parse_word<Direction, parse_direction>,
                    _("inbound or outbound is expected, not \"%s\""), _("inbound (default) or outbound."))
      ->option_text("inbound|outbound");
  log_command.add_option("--subject", log->subject, _("What the call was about."))->option_text(_("SUBJECT"));
  log_command.add_option("--notes", log->notes, _("Notes taken during the call."))->option_text(_("NOTES"));
  add_parsed_option(log_command, "--outcome", log->outcome, parse_word<CallOutcome, parse_call_outcome>,
                    _("answered, missed, voicemail, callback_promised, transferred, to_qualify or no_follow_up is "
                      "expected, not \"%s\""),
                    _("How it went (default: answered; to_qualify when the number finds no single customer)."))
      ->option_text(_("OUTCOME"));

  auto import = std::make_shared<ImportArguments>();
  CLI::App& import_command =
      add_command(call, "import",
                  _("Import a phone system's call log (CSV): calls not yet traced become calls to qualify."),
                  [import] { return run_call_import(*import); });
  add_import_arguments(import_command, *import, _("<calls.csv>"), _("The call log exported by the phone system."));
}

void add_ticket_open_command(CLI::App& ticket) {
  auto arguments = std::make_shared<TicketOpenArguments>();
  CLI::App& command = add_command(ticket, "open", _("Open a ticket for a customer's request."),
                                  [arguments] { return run_ticket_open(*arguments); });
  add_workspace_arguments(command, arguments->workspace);
  command.add_option("--customer", arguments->customer, _("The customer's id."))->option_text("ID")->required();
  command.add_option("--subject", arguments->subject, _("The request in a few words."))
      ->option_text(_("SUBJECT"))
      ->required();
  add_parsed_option(command, "--kind", arguments->kind, parse_word<TicketKind, parse_ticket_kind>,
                    _("quote_request, breakdown, after_sales, maintenance_appointment, information, administrative or "
                      "technician_request is expected, not \"%s\""),
                    _("The kind of request (default: information)."))
      ->option_text(_("KIND"));
  add_parsed_option(command, "--priority", arguments->priority, parse_word<TicketPriority, parse_ticket_priority>,
                    _("low, normal, high or urgent is expected, not \"%s\""), _("low, normal (default), high, urgent."))
      ->option_text(_("PRIORITY"));
  add_parsed_option(command, "--source", arguments->source, parse_word<TicketSource, parse_ticket_source>,
                    _("phone, email, web_form, technician or portal is expected, not \"%s\""),
                    _("Where the request came from (default: phone)."))
      ->option_text(_("SOURCE"));
  command.add_option("--description", arguments->description, _("The details."))->option_text(_("DETAILS"));
  command.add_option("--assignee", arguments->assignee, _("Who handles it."))->option_text(_("LOGIN"));
  command.add_option("--requested-by", arguments->requested_by,
                     _("technician_request: the technician asking (default: the acting user)."))
      ->option_text(_("LOGIN"));
  command.add_option("--queue", arguments->queue, _("The team queue (\"sav\", \"devis\"...)."))
      ->option_text(_("QUEUE"));
  const char* time_refusal =
      _("a Paris date and time is expected (2026-11-26 14:30, 26/11/2026 14:30 or a date alone), not \"%s\"");
  add_parsed_option(command, "--due", arguments->due_at, parse_paris_time, time_refusal,
                    _("When it must be done, Paris time (a date alone: by the end of that day)."))
      ->option_text(_("WHEN"));
  add_parsed_option(command, "--callback", arguments->callback_at, parse_paris_time, time_refusal,
                    _("When the customer was promised a call back, Paris time."))
      ->option_text(_("WHEN"));
}

void add_ticket_change_commands(CLI::App& ticket) {
  const std::string ticket_name = _("<ticket>");
  const std::string ticket_help = _("The ticket's number (T-2026-000042) or id.");

  auto assign = std::make_shared<TicketAssignArguments>();
  CLI::App& assign_command = add_command(ticket, "assign", _("Assign a ticket to a user, or to nobody."),
                                         [assign] { return run_ticket_assign(*assign); });
  add_workspace_arguments(assign_command, assign->workspace);
  assign_command.add_option(ticket_name, assign->ticket, ticket_help)->required();
  assign_command.add_option(_("<login>"), assign->assignee, _("The user; left out, the ticket is unassigned."));

  auto status = std::make_shared<TicketStatusArguments>();
  CLI::App& status_command = add_command(ticket, "status", _("Move a ticket along its lifecycle."),
                                         [status] { return run_ticket_status(*status); });
  add_workspace_arguments(status_command, status->workspace);
  status_command.add_option(ticket_name, status->ticket, ticket_help)->required();
  add_parsed_option(status_command, _("<status>"), status->status, parse_word<TicketStatus, parse_ticket_status>,
                    _("new, open, waiting_customer, waiting_internal, scheduled, resolved or closed is expected, not "
                      "\"%s\""),
                    _("The new status: new, open, waiting_customer, waiting_internal, scheduled, resolved, closed."))
      ->required();
  status_command.add_option("--reason", status->reason, _("Why (required to reopen a closed ticket)."))
      ->option_text(_("REASON"));

  auto comment = std::make_shared<TicketCommentArguments>();
  CLI::App& comment_command = add_command(ticket, "comment", _("Add a comment, or an internal note, to a ticket."),
                                          [comment] { return run_ticket_comment(*comment); });
  add_workspace_arguments(comment_command, comment->workspace);
  comment_command.add_option(ticket_name, comment->ticket, ticket_help)->required();
  comment_command.add_option(_("<text>"), comment->text, _("The comment."))->required();
  comment_command.add_flag("--internal", comment->internal, _("An internal note, never shown to the customer."))
      ->disable_flag_override();
}

void add_ticket_list_command(CLI::App& ticket) {
  auto arguments = std::make_shared<TicketListArguments>();
  CLI::App& command = add_command(ticket, "list", _("The work list: open tickets by due time, filtered."),
                                  [arguments] { return run_ticket_list(*arguments); });
  add_workspace_arguments(command, arguments->workspace);
  command.add_option("--assignee", arguments->assignee, _("Only this user's tickets (\"\" for unassigned ones)."))
      ->option_text(_("LOGIN"));
  command.add_option("--status", arguments->statuses, _("Only these statuses, comma-separated (default: all but closed)."))
      ->option_text(_("STATUS,..."))
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add_parsed_option(command, "--kind", arguments->kind, parse_word<TicketKind, parse_ticket_kind>,
                    _("quote_request, breakdown, after_sales, maintenance_appointment, information, administrative or "
                      "technician_request is expected, not \"%s\""),
                    _("Only this kind of request."))
      ->option_text(_("KIND"));
  command.add_option("--customer", arguments->customer, _("Only this customer's tickets (id)."))->option_text("ID");
  command.add_flag("--overdue", arguments->overdue, _("Only the open tickets whose due time has passed."))
      ->disable_flag_override();
  add_parsed_option(command, "--limit", arguments->limit, parse_positive_number,
                    _("a positive number is expected, not \"%s\""), _("Show at most N tickets (1 to 500, default 50)."))
      ->option_text("N");
}

void add_show_command(CLI::App& app) {
  // `relais customers show`, also reachable as `relais customer show`.
  CLI::App& customers = *app.get_subcommand("customers");
  customers.alias("customer");
  auto arguments = std::make_shared<ShowArguments>();
  CLI::App& command =
      add_command(customers, "show", _("The 360° view of a customer: card, open requests, recent history, counts."),
                  [arguments] { return run_customer_show(*arguments); });
  add_workspace_arguments(command, arguments->workspace);
  command.add_option(_("<id|phone>"), arguments->customer, _("The customer's id, or a phone number it owns."))
      ->required();
}

void add_followup_commands(CLI::App& app) {
  CLI::App& followup =
      add_command_group(app, "followup", _("The follow-up sheet kept before Relais: import it as tickets."));
  auto import = std::make_shared<ImportArguments>();
  CLI::App& command = add_command(
      followup, "import", _("Import the old follow-up sheet (CSV): each row becomes a ticket and a note."),
      [import] { return run_followup_import(*import); });
  add_import_arguments(command, *import, _("<sheet.csv>"), _("The sheet, saved as CSV."));
}

}  // namespace

void add_desk_commands(CLI::App& app) {
  add_call_commands(app);
  CLI::App& ticket = add_command_group(app, "ticket", _("Tickets: open, assign, move, comment, list."));
  add_ticket_open_command(ticket);
  add_ticket_change_commands(ticket);
  add_ticket_list_command(ticket);
  add_show_command(app);
  add_followup_commands(app);
}

}  // namespace relais::cli
