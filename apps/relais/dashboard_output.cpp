#include "dashboard_output.h"

#include "commands.h"
#include "desk_output.h"
#include "i18n.h"
#include "output.h"

#include <clocale>
#include <cstdlib>
#include <fstream>

namespace relais::cli {
namespace {

// The language the tool speaks (i18n.cpp's choice), for the HTML page the
// library draws: "en" when the messages are English, else French.
std::string page_language() {
  if (const char* language = std::getenv("LANGUAGE"); language && *language) {
    return std::string(language).starts_with("en") ? "en" : "fr";
  }
  const char* messages = std::setlocale(LC_MESSAGES, nullptr);
  return messages && std::string(messages).starts_with("en") ? "en" : "fr";
}

std::string duration_label(const std::optional<std::chrono::seconds>& value) {
  if (!value) return "-";
  const long long minutes = value->count() / 60;
  const long long hours = minutes / 60;
  if (hours >= 24) return format(_("%lld d %lld h"), hours / 24, hours % 24);
  if (hours > 0) return format(_("%lld h %02lld"), hours, minutes % 60);
  return format(_("%lld min"), minutes);
}

void heading(std::ostream& out, const std::string& title) { out << '\n' << title << '\n'; }

void ticket_lines(std::ostream& out, const std::vector<Ticket>& tickets, Timestamp Ticket::*time) {
  for (const auto& ticket : tickets) {
    out << "    " << ticket.number << "  " << paris_time(ticket.*time) << "  " << ticket.subject << '\n';
  }
}

}  // namespace

void print_dashboard(std::ostream& out, const Dashboard& d) {
  out << (d.user.empty() ? std::string(_("Office dashboard")) : format(_("Dashboard of %s"), d.user.c_str())) << " — "
      << paris_time(d.at) << '\n';

  heading(out, _("Reminders"));
  print_table(out, {{_("Overdue"), _("Due today"), format(_("Upcoming (%lld days)"), d.query.upcoming_days)},
                    {std::to_string(d.reminders.overdue), std::to_string(d.reminders.due_today),
                     std::to_string(d.reminders.upcoming)}},
              "  ");
  for (const auto* list : {&d.reminders.first_overdue, &d.reminders.first_due_today}) {
    for (const auto& reminder : *list) out << "    " << paris_time(reminder.due_at) << "  " << reminder.reason << '\n';
  }

  heading(out, _("Promised callbacks"));
  print_table(out, {{_("Overdue"), _("Today")},
                    {std::to_string(d.callbacks.overdue), std::to_string(d.callbacks.due_today)}},
              "  ");
  for (const auto& ticket : d.callbacks.first) {
    out << "    " << ticket.number << "  " << paris_time(*ticket.callback_at) << "  " << ticket.subject << '\n';
  }

  heading(out, format(_("Tickets waiting for more than %lld days"), d.query.waiting_days));
  print_table(out, {{_("Waiting for the customer"), _("Unanswered")},
                    {std::to_string(d.waiting.waiting_customer), std::to_string(d.waiting.unanswered)}},
              "  ");
  ticket_lines(out, d.waiting.first_unanswered, &Ticket::created_at);
  ticket_lines(out, d.waiting.first_waiting_customer, &Ticket::updated_at);

  heading(out, _("New requests since yesterday"));
  std::vector<std::vector<std::string>> sources{{_("Total")}, {std::to_string(d.new_requests.total)}};
  for (const auto& [source, count] : d.new_requests.by_source) {
    sources[0].push_back(source_label(parse_ticket_source(source)));
    sources[1].push_back(std::to_string(count));
  }
  print_table(out, sources, "  ");

  const auto& t = d.traceability;
  heading(out, _("Traceability of inbound calls and mails"));
  const std::string share = t.share() ? std::to_string(static_cast<int>(*t.share() * 100 + 0.5)) + " %" : "-";
  print_table(out, {{_("Traced"), _("Inbound"), _("Calls"), _("Mails"), _("On a ticket"), _("No follow-up"), _("Untraced")},
                    {share, std::to_string(t.inbound()), std::to_string(t.inbound_calls),
                     std::to_string(t.inbound_emails), std::to_string(t.linked_to_ticket),
                     std::to_string(t.no_follow_up), std::to_string(t.untraced())}},
              "  ");

  heading(out, _("Mails to sort"));
  out << "  " << d.triage.count;
  if (d.triage.oldest) out << "  (" << format(_("oldest: %s"), paris_time(*d.triage.oldest).c_str()) << ')';
  out << '\n';

  const auto& r = d.response_times;
  heading(out, _("Response times (medians)"));
  print_table(out, {{"", _("This week"), _("Last week")},
                    {_("First answer"), duration_label(r.this_week.median_first_answer),
                     duration_label(r.last_week.median_first_answer)},
                    {_("Resolution"), duration_label(r.this_week.median_resolution),
                     duration_label(r.last_week.median_resolution)},
                    {_("Answered"), std::to_string(r.this_week.answered), std::to_string(r.last_week.answered)},
                    {_("Resolved"), std::to_string(r.this_week.resolved), std::to_string(r.last_week.resolved)}},
              "  ");

  const std::string language = page_language();
  for (const auto& section : d.sections) {
    auto title = section.title.find(language);
    heading(out, title != section.title.end() ? title->second : section.name);
    std::vector<std::vector<std::string>> counts{{}, {}};
    for (const auto& [name, value] : section.counts) {
      // A lone "count" is what the title names: shown as the total.
      counts[0].push_back(name == "count" ? std::string(_("Total")) : name);
      counts[1].push_back(std::to_string(value));
    }
    print_table(out, counts, "  ");
    for (const auto& item : section.items) {
      out << "    " << (item.time ? paris_time(*item.time) + "  " : "") << item.label << '\n';
    }
  }
}

void write_dashboard_page(std::ostream& out, const Dashboard& dashboard, const std::string& path) {
  const std::string page = render_dashboard_html(dashboard, {.language = page_language()});
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!(file << page) || !file.flush()) throw Failure(format(_("cannot write %s"), path.c_str()));
  out << '\n' << format(_("Page written to %s"), path.c_str()) << '\n';
}

}  // namespace relais::cli
