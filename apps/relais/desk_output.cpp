#include "desk_output.h"

#include "i18n.h"
#include "output.h"

#include <relais/customers/validation.h>

#include <date/tz.h>

#include <ctime>
#include <iomanip>
#include <sstream>

#include <map>

namespace relais::cli {
namespace {

// "2 min 41 s": a call's length as people say it.
std::string duration_text(std::chrono::seconds duration) {
  const auto total = duration.count();
  if (total < 60) return format(_("%lld s"), total);
  if (total < 3600) return format(_("%lld min %02lld s"), total / 60, total % 60);
  return format(_("%lld h %02lld min"), total / 3600, total % 3600 / 60);
}

// "incoming call", "note"...: an interaction's kind with its direction.
const char* interaction_label(const Interaction& interaction) {
  const bool in = interaction.direction == Direction::inbound;
  switch (interaction.kind) {
    case InteractionKind::call: return in ? _("incoming call") : _("outgoing call");
    case InteractionKind::email: return in ? _("email received") : _("email sent");
    case InteractionKind::sms: return in ? _("SMS received") : _("SMS sent");
    case InteractionKind::visit: return _("visit");
    case InteractionKind::note: return _("note");
  }
  return "";
}

// A call's outcome; a call from the phone log still to qualify says whether
// anyone picked up, since an unanswered one owes a callback.
std::string outcome_text(const Interaction& interaction) {
  if (!interaction.outcome) return {};
  std::string text = outcome_label(*interaction.outcome);
  if (interaction.outcome == CallOutcome::to_qualify && interaction.source && !interaction.source->answered) {
    text += ' ' + std::string(_("(unanswered)"));
  }
  return text;
}

std::string phone_text(const std::string& phone) { return phone.empty() ? phone : format_phone_national(phone); }

std::string due_text(const Ticket& ticket) {
  std::optional<Timestamp> due = ticket.due_at;
  if (ticket.callback_at && (!due || *ticket.callback_at < *due)) due = ticket.callback_at;
  return due ? paris_time(*due) : std::string();
}

// The cells of a ticket row, after the customer's.
std::vector<std::string> ticket_cells(const Ticket& ticket) {
  return {ticket.number,   kind_label(ticket.kind), status_label(ticket.status), priority_label(ticket.priority),
          ticket.assignee, due_text(ticket),        ticket.subject};
}

std::vector<std::string> ticket_header() {
  return {_("Number"), _("Kind"), _("Status"), _("Priority"), _("Assignee"), _("Due"), _("Subject")};
}

void print_timeline(std::ostream& out, const InteractionPage& timeline) {
  std::vector<std::vector<std::string>> rows{
      {_("When"), _("What"), _("Phone"), _("Length"), _("By"), _("Outcome"), _("Subject")}};
  for (const auto& interaction : timeline.interactions) {
    const bool call = interaction.kind == InteractionKind::call;
    rows.push_back({paris_time(interaction.occurred_at), interaction_label(interaction), phone_text(interaction.phone),
                    call ? duration_text(interaction.duration) : std::string(), interaction.user,
                    outcome_text(interaction), interaction.subject});
  }
  print_table(out, rows, "  ");
}

// "3 calls": how many interactions of one kind ("" for a kind not shown).
std::string kind_count(const std::string& kind, std::int64_t n) {
  const auto count = static_cast<unsigned long>(n);
  if (kind == "call") return format(P_("%lld call", "%lld calls", count), n);
  if (kind == "email") return format(P_("%lld email", "%lld emails", count), n);
  if (kind == "visit") return format(P_("%lld visit", "%lld visits", count), n);
  if (kind == "note") return format(P_("%lld note", "%lld notes", count), n);
  if (kind == "sms") return format(P_("%lld SMS", "%lld SMS messages", count), n);
  return {};
}

// "3 calls, 1 note": the kinds traced at least once, in a fixed order.
std::string interaction_counts(const std::map<std::string, std::int64_t>& counts) {
  std::string text;
  for (const char* kind : {"call", "email", "visit", "note", "sms"}) {
    auto found = counts.find(kind);
    if (found == counts.end() || found->second == 0) continue;
    text += (text.empty() ? "" : ", ") + kind_count(kind, found->second);
  }
  return text;
}

void print_counts(std::ostream& out, const CustomerViewCounts& counts) {
  const std::string traced = interaction_counts(counts.interactions);
  out << (traced.empty() ? std::string(_("Traced: nothing yet.")) : format(_("Traced: %s."), traced)) << '\n'
      << format(P_("Requests: %lld open out of %lld.", "Requests: %lld open out of %lld.", counts.open_tickets),
                counts.open_tickets, counts.tickets)
      << '\n';
}

// What other areas add to the view; the duplicate review is the only one so
// far, the others are shown by their area's and counts' names.
void print_parts(std::ostream& out, const std::map<std::string, CustomerViewPart>& parts) {
  for (const auto& [area, part] : parts) {
    for (const auto& [name, value] : part.counts) {
      if (area == "duplicates" && name == "pending") {
        if (value > 0) {
          out << format(P_("%lld possible duplicate to review (relais duplicates).",
                           "%lld possible duplicates to review (relais duplicates).", value),
                        value)
              << '\n';
        }
      } else {
        out << format(_("%s, %s: %lld"), area, name, value) << '\n';
      }
    }
  }
}

}  // namespace

const char* kind_label(TicketKind kind) {
  switch (kind) {
    case TicketKind::quote_request: return _("quote request");
    case TicketKind::breakdown: return _("breakdown");
    case TicketKind::after_sales: return _("after-sales");
    case TicketKind::maintenance_appointment: return _("maintenance appointment");
    case TicketKind::information: return _("information");
    case TicketKind::administrative: return _("administrative");
    case TicketKind::technician_request: return _("technician request");
  }
  return "";
}

const char* status_label(TicketStatus status) {
  switch (status) {
    case TicketStatus::new_: return _("new");
    case TicketStatus::open: return _("in progress");
    case TicketStatus::waiting_customer: return _("waiting for the customer");
    case TicketStatus::waiting_internal: return _("waiting internally");
    case TicketStatus::scheduled: return _("scheduled");
    case TicketStatus::resolved: return _("resolved");
    case TicketStatus::closed: return _("closed");
  }
  return "";
}

const char* priority_label(TicketPriority priority) {
  switch (priority) {
    case TicketPriority::low: return _("low");
    case TicketPriority::normal: return _("normal");
    case TicketPriority::high: return _("high");
    case TicketPriority::urgent: return _("urgent");
  }
  return "";
}

const char* outcome_label(CallOutcome outcome) {
  switch (outcome) {
    case CallOutcome::answered: return _("answered");
    case CallOutcome::missed: return _("missed");
    case CallOutcome::voicemail: return _("voicemail");
    case CallOutcome::callback_promised: return _("callback promised");
    case CallOutcome::transferred: return _("transferred");
    case CallOutcome::to_qualify: return _("to qualify");
    case CallOutcome::no_follow_up: return _("no follow-up");
  }
  return "";
}

const char* source_label(TicketSource source) {
  switch (source) {
    case TicketSource::phone: return _("phone");
    case TicketSource::email: return _("email");
    case TicketSource::web_form: return _("web form");
    case TicketSource::technician: return _("technician");
    case TicketSource::portal: return _("portal");
  }
  return "";
}

const date::time_zone& paris_zone() {
  static const date::time_zone* paris = date::locate_zone("Europe/Paris");
  return *paris;
}

std::string paris_time(Timestamp time) {
  return date::format("%d/%m/%Y %H:%M", paris_zone().to_local(std::chrono::floor<std::chrono::seconds>(time)));
}

std::optional<Timestamp> parse_paris_time(const std::string& text) {
  struct Layout {
    const char* format;
    std::chrono::minutes added;  // a date alone is due by the end of the day
  };
  // Dates alone first: std::get_time reads "26/11/2026" with "%d/%m/%Y %H:%M"
  // as midnight, leaving the missing time unread without failing.
  constexpr Layout kLayouts[] = {{"%Y-%m-%d", std::chrono::minutes(23 * 60 + 59)},
                                 {"%d/%m/%Y", std::chrono::minutes(23 * 60 + 59)},
                                 {"%Y-%m-%d %H:%M", {}}, {"%Y-%m-%dT%H:%M", {}}, {"%d/%m/%Y %H:%M", {}}};
  for (const auto& layout : kLayouts) {
    std::istringstream in(text);
    std::tm fields{};
    in >> std::get_time(&fields, layout.format);
    if (in.fail() || in.peek() != std::char_traits<char>::eof()) continue;
    const std::chrono::year_month_day day{std::chrono::year(fields.tm_year + 1900),
                                          std::chrono::month(static_cast<unsigned>(fields.tm_mon + 1)),
                                          std::chrono::day(static_cast<unsigned>(fields.tm_mday))};
    if (!day.ok()) continue;
    const auto local = date::local_days(std::chrono::sys_days(day).time_since_epoch()) +
                       std::chrono::hours(fields.tm_hour) + std::chrono::minutes(fields.tm_min) + layout.added;
    // In the hour repeated in October, the first one, as the library does.
    return paris_zone().to_sys(local, date::choose::earliest);
  }
  return std::nullopt;
}

void print_logged_call(std::ostream& out, const Interaction& call, const std::string& customer_name) {
  const std::string who = customer_name.empty() ? std::string(_("customer not identified")) : customer_name;
  out << format(_("Call traced (%s): %s, %s, %s, %s."), interaction_label(call), phone_text(call.phone), who,
                duration_text(call.duration), outcome_text(call))
      << '\n';
}

void print_ticket_line(std::ostream& out, const Ticket& ticket, const std::string& customer_name) {
  out << format(_("Ticket %s (%s, %s, %s): \"%s\", %s."), ticket.number, kind_label(ticket.kind),
                priority_label(ticket.priority), status_label(ticket.status), ticket.subject, customer_name)
      << '\n';
}

void print_ticket_table(std::ostream& out, const std::vector<Ticket>& tickets, const CustomerService& customers) {
  std::map<Uuid, std::string> names;
  std::vector<std::vector<std::string>> rows{ticket_header()};
  rows.front().insert(rows.front().begin() + 1, _("Customer"));
  for (const auto& ticket : tickets) {
    auto name = names.find(ticket.customer);
    if (name == names.end()) name = names.emplace(ticket.customer, customers.get(ticket.customer).name).first;
    rows.push_back(ticket_cells(ticket));
    rows.back().insert(rows.back().begin() + 1, name->second);
  }
  print_table(out, rows);
}

void print_call_log_report(std::ostream& out, const std::string& file, const CallLogReport& report) {
  out << '\n' << format(_("Import of the call log %s (%s):"), file, report.system) << '\n';
  if (!report.charset.empty()) out << format(_("  detected charset: %s"), report.charset) << '\n';
  out << format(P_("  %lld row read: ", "  %lld rows read: ", report.rows), report.rows)
      << format(P_("%lld new call to qualify", "%lld new calls to qualify", report.imported), report.imported)
      << format(P_(" (%lld matched to its customer); ", " (%lld matched to their customer); ", report.matched),
                report.matched)
      << format(P_("%lld already traced; ", "%lld already traced; ", report.already_logged), report.already_logged)
      << format(P_("%lld ignored; ", "%lld ignored; ", report.ignored), report.ignored)
      << format(P_("%lld rejected.", "%lld rejected.", report.rejected), report.rejected) << '\n';
  print_rejections(out, report.rejections);
}

void print_follow_up_report(std::ostream& out, const std::string& file, const FollowUpReport& report) {
  out << '\n' << format(_("Import of the follow-up sheet %s (%s):"), file, report.system) << '\n'
      << format(_("  detected charset: %s"), report.charset) << '\n'
      << format(P_("  %lld row read: ", "  %lld rows read: ", report.rows), report.rows)
      << format(P_("%lld imported as a ticket and a note, ", "%lld imported as a ticket and a note each, ",
                   report.imported),
                report.imported)
      << format(P_("%lld already imported, ", "%lld already imported, ", report.already_imported),
                report.already_imported)
      << format(P_("%lld rejected.", "%lld rejected.", report.rejected), report.rejected) << '\n';
  print_rejections(out, report.rejections);
}

void print_customer_view(std::ostream& out, const CustomerView& view) {
  print_customer_card(out, view.customer);
  out << '\n';
  if (view.open_tickets.empty()) {
    out << _("Open requests: none.") << '\n';
  } else {
    out << format(P_("Open request (%lld):", "Open requests (%lld):", view.open_tickets.size()),
                  view.open_tickets.size())
        << '\n';
    std::vector<std::vector<std::string>> rows{ticket_header()};
    for (const auto& ticket : view.open_tickets) rows.push_back(ticket_cells(ticket));
    print_table(out, rows, "  ");
  }
  out << '\n';
  if (view.timeline.interactions.empty()) {
    out << _("History: nothing traced yet.") << '\n';
  } else {
    const auto shown = view.timeline.interactions.size();
    out << format(P_("Recent history (%lld, most recent first):", "Recent history (%lld, most recent first):", shown),
                  shown)
        << '\n';
    print_timeline(out, view.timeline);
  }
  out << '\n';
  print_counts(out, view.counts);
  print_parts(out, view.parts);
}

}  // namespace relais::cli
