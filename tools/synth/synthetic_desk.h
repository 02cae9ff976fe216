#pragma once
// A deterministic generator of desk activity for generated customers: calls,
// emails, visits, notes and SMS, tickets with their comments and status
// moves, in French, in time order. The same options and customers give the
// same events on any machine. It feeds the desk and search benchmarks.
#include <relais/desk/interaction.h>
#include <relais/desk/ticket.h>
#include <relais/workspace.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace relais::synth {

struct DeskOptions {
  std::uint64_t seed = 20261125;
  std::size_t interactions = 10'000;
  std::size_t tickets = 2'000;
  // Activity spreads evenly over `days` days from `start`, in office hours.
  Timestamp start = std::chrono::sys_days{std::chrono::year{2023} / 1 / 2};
  int days = 1400;
  // Logins of who takes calls, writes notes and emails and gets tickets;
  // technicians make the visits and ask for quotes (none: assistants do).
  std::vector<std::string> assistants = {"admin"};
  std::vector<std::string> technicians;
};

// A call (log_call) or another interaction (log_interaction). The drafts'
// customer and ticket ids are left empty: `customer` is an index into the
// customers given, `ticket` the number of a ticket opened earlier in the
// stream (0 for the first), always one of the same customer's.
struct DeskInteraction {
  std::optional<std::size_t> customer;  // none: a call from the phone log nobody qualified yet
  std::optional<std::size_t> ticket;
  std::variant<CallDraft, InteractionDraft> draft;
};

// open_ticket; the ticket's number in the stream is the count of tickets
// opened before it.
struct DeskTicket {
  std::size_t customer;
  TicketDraft draft;
};

struct DeskComment {
  std::size_t ticket;
  std::string text;
  bool internal = false;
};

// A legal move of the ticket's lifecycle from where its earlier moves left it.
struct DeskStatus {
  std::size_t ticket;
  TicketStatus status;
};

struct DeskEvent {
  Timestamp at;
  std::variant<DeskInteraction, DeskTicket, DeskComment, DeskStatus> what;
};

// Exactly options.interactions interactions and options.tickets tickets,
// with the comments and status moves that fall before the end. `phones`
// holds each customer's numbers (any writing), by customer index; calls and
// SMS go to customers that have one. Events come one at a time, in time
// order, so a million never sit in memory at once.
void for_each_desk_event(const DeskOptions& options, std::span<const std::vector<std::string>> phones,
                         const std::function<void(const DeskEvent&)>& sink);

struct DeskLoadReport {
  std::size_t interactions = 0;
  std::size_t tickets = 0;
  std::size_t comments = 0;
  std::size_t status_moves = 0;
};

// Writes the events through the public API of `ws` (log_call,
// log_interaction, open_ticket, add_comment, set_status), one call each,
// with `clock` (the workspace's) set to each event's time first, so records
// carry their generated times. `customers` gives the stored id of each
// customer index. The users named in `options` must exist.
DeskLoadReport load_desk_events(Workspace& ws, ManualClock& clock, std::span<const Uuid> customers,
                                std::span<const std::vector<std::string>> phones, const DeskOptions& options);

}  // namespace relais::synth
