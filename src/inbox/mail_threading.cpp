#include "inbox/mail_threading.h"

#include "desk/desk_store.h"
#include "inbox/inbox_store.h"
#include "inbox/mail_clues.h"

namespace relais::inline v1::detail {
namespace {

bool is_open(const Ticket& ticket) {
  return ticket.status != TicketStatus::resolved && ticket.status != TicketStatus::closed;
}

std::optional<Ticket> by_references(spi::Connection& connection, const ThreadClues& clues) {
  std::vector<std::string> ids;
  if (!clues.in_reply_to.empty()) ids.push_back(clues.in_reply_to);
  ids.insert(ids.end(), clues.references.rbegin(), clues.references.rend());
  auto ticket = ticket_of_messages(connection, ids);
  if (!ticket) return std::nullopt;
  return find_ticket(connection, *ticket);
}

std::optional<Ticket> by_sender_subject(spi::Connection& connection, const ThreadClues& clues, Timestamp since) {
  const std::string key = thread_subject_key(clues.subject);
  if (key.empty() || clues.from_address.empty()) return std::nullopt;
  for (const auto& id : tickets_of_sender_subject(connection, clues.from_address, key, since)) {
    auto ticket = find_ticket(connection, id);
    if (ticket && is_open(*ticket)) return ticket;
  }
  return std::nullopt;
}

}  // namespace

ThreadMatch thread_mail(spi::Connection& connection, const ThreadClues& clues, Timestamp now,
                        std::chrono::days window) {
  // A reply to a closed ticket still joins it through its headers or tag:
  // the desk decides whether to reopen it.
  if (auto ticket = by_references(connection, clues)) return {std::move(ticket), MailThread::references};
  if (auto number = ticket_tag(clues.subject)) {
    if (auto ticket = find_ticket_by_number(connection, *number)) return {std::move(ticket), MailThread::subject_tag};
  }
  if (!has_reply_prefix(clues.subject) && !clues.quotes) return {};
  if (auto ticket = by_sender_subject(connection, clues, now - window)) {
    return {std::move(ticket), MailThread::sender_subject};
  }
  return {};
}

}  // namespace relais::inline v1::detail
