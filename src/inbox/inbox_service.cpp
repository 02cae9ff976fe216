// InboxService: reading stored mails and the triage queue. Intake (ingest,
// fetch, corrections, retraining) is in inbox_intake.cpp, the rules,
// settings and mailboxes in inbox_admin.cpp, the FAQ in inbox_faq.cpp.
#include <relais/inbox/inbox_service.h>

#include <relais/errors.h>

#include "desk/desk_store.h"
#include "inbox/inbox_store.h"
#include "workspace/workspace_core.h"

namespace relais {
inline namespace v1 {
Mail InboxService::get(const Uuid& mail) const {
  return core_.read([&](spi::Connection& connection) { return detail::existing_mail(connection, mail); });
}

std::string InboxService::raw(const Uuid& mail) const {
  return core_.read([&](spi::Connection& connection) {
    auto sha = detail::raw_sha256_of(connection, mail);
    if (!sha) throw NotFoundError("mail", mail.to_string());
    if (sha->empty()) throw NotFoundError("raw", mail.to_string() + " (over the size limit: not kept)");
    auto bytes = detail::get_blob(connection, *sha);
    if (!bytes) throw NotFoundError("raw", mail.to_string());
    return std::move(*bytes);
  });
}

std::string InboxService::attachment(std::string_view sha256) const {
  return core_.read([&](spi::Connection& connection) {
    auto bytes = detail::get_blob(connection, sha256);
    if (!bytes) throw NotFoundError("attachment", std::string(sha256));
    return std::move(*bytes);
  });
}

std::vector<Mail> InboxService::thread(const Uuid& ticket) const {
  return core_.read([&](spi::Connection& connection) {
    if (!detail::find_ticket(connection, ticket)) throw NotFoundError("ticket", ticket.to_string());
    return detail::ticket_mails(connection, ticket);
  });
}

MailPage InboxService::triage(std::size_t limit, std::string_view after) const {
  return core_.read([&](spi::Connection& connection) { return detail::triage_page(connection, limit, after); });
}

}  // namespace v1
}  // namespace relais
