#pragma once
// Which ticket a mail continues, tried in order of certainty:
//   1. In-Reply-To, then References (newest first): a stored mail, incoming
//      or outgoing, with a ticket;
//   2. a ticket tag "[T-2026-000123]" in the subject naming a ticket;
//   3. the fallback for clients that strip both: the mail is a reply (a
//      Re:/TR:/Fwd: prefix, or quoted text), and a mail from the same
//      sender with the same subject (prefixes and tags stripped, accents and
//      case folded) joined or opened a ticket, still open, within the
//      window. A new subject never joins: two requests are two tickets.
// Reads only.
#include <relais/desk/ticket.h>
#include <relais/inbox/mail.h>
#include <relais/spi/storage.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace relais::inline v1::detail {

struct ThreadClues {
  std::string in_reply_to;
  std::vector<std::string> references;  // oldest first
  std::string subject;
  std::string from_address;
  bool quotes = false;                  // the body quotes an earlier mail
};

struct ThreadMatch {
  std::optional<Ticket> ticket;
  MailThread reason = MailThread::none;
};

ThreadMatch thread_mail(spi::Connection& connection, const ThreadClues& clues, Timestamp now,
                        std::chrono::days window);

}  // namespace relais::inline v1::detail
