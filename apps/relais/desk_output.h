#pragma once
// How the tool shows the desk to the staff: the desk's words in their
// language, times on the Paris clock, calls, tickets, the import reports and
// the customer 360° view. Shared by the desk commands and the demo.
#include <relais/customers/customer_service.h>
#include <relais/desk/desk_service.h>

#include <optional>
#include <ostream>
#include <string>

namespace relais::cli {

// "breakdown" -> "panne", "waiting_customer" -> "attente client"...
const char* kind_label(TicketKind kind);
const char* status_label(TicketStatus status);
const char* priority_label(TicketPriority priority);
const char* outcome_label(CallOutcome outcome);
const char* source_label(TicketSource source);

// "24/11/2026 09:10": what a Paris wall clock showed at `time`.
std::string paris_time(Timestamp time);
// The instant a Paris wall clock shows: "2026-11-26 14:30", "2026-11-26T14:30"
// or "26/11/2026 14:30"; a date alone ("2026-11-26", "26/11/2026") is the end
// of that day, 23:59. Nothing when the text is none of these.
std::optional<Timestamp> parse_paris_time(const std::string& text);

// "Appel entrant tracé : 06 12 34 56 78, Hélène Martin, 2 min 41 s, répondu."
void print_logged_call(std::ostream& out, const Interaction& call, const std::string& customer_name);
// "Ticket T-2026-000004 (panne, urgente, nouveau) : « subject », Client."
void print_ticket_line(std::ostream& out, const Ticket& ticket, const std::string& customer_name);
// Number, customer, kind, status, priority, assignee, due, subject; aligned.
// Customer names are read from `customers`, once each.
void print_ticket_table(std::ostream& out, const std::vector<Ticket>& tickets, const CustomerService& customers);

// "Import du journal d'appels FILE (system) :", the counts, each rejected
// row and why (the library's English reason).
void print_call_log_report(std::ostream& out, const std::string& file, const CallLogReport& report);
// The same for a follow-up sheet.
void print_follow_up_report(std::ostream& out, const std::string& file, const FollowUpReport& report);

// The 360° view: the customer's card, open tickets, recent timeline, counts
// and what other areas add.
void print_customer_view(std::ostream& out, const CustomerView& view);

}  // namespace relais::cli
