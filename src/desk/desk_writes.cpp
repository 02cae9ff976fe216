#include "desk/desk_writes.h"

#include <relais/customers/validation.h>
#include <relais/errors.h>

#include "core/civil_time.h"
#include "core/stale_version.h"
#include "customers/customer_store.h"
#include "desk/desk_rules.h"
#include "desk/desk_store.h"
#include "users/user_store.h"

#include <algorithm>

namespace relais::inline v1::detail {
namespace {

template <typename Item>
void check_owned(const std::vector<Item>& items, const std::optional<Uuid>& id, std::string_view what,
                 const Customer& customer) {
  if (!id) return;
  bool owned = std::any_of(items.begin(), items.end(), [&](const Item& item) { return item.id == *id; });
  if (!owned) {
    throw NotFoundError(std::string(what), id->to_string() + " of customer " + customer.id.to_string());
  }
}

std::string ticket_number(int year, std::int64_t counter) {
  std::string digits = std::to_string(counter);
  if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
  return "T-" + std::to_string(year) + "-" + digits;
}

}  // namespace

Customer existing_customer(spi::Connection& connection, const Uuid& id) {
  auto customer = find_customer(connection, id);
  if (!customer) throw NotFoundError("customer", id.to_string());
  return std::move(*customer);
}

void check_references(spi::Connection& connection, const std::optional<Uuid>& customer_id,
                      const std::optional<Uuid>& contact, const std::optional<Uuid>& site,
                      const std::optional<Uuid>& ticket) {
  if (!customer_id) {
    if (contact || site || ticket) {
      throw InvalidInputError("customer", "", "a contact, site or ticket needs the customer");
    }
    return;
  }
  Customer customer = existing_customer(connection, *customer_id);
  check_owned(customer.contacts, contact, "contact", customer);
  check_owned(customer.sites, site, "site", customer);
  if (!ticket) return;
  auto stored = find_ticket(connection, *ticket);
  if (!stored || stored->customer != *customer_id) {
    throw NotFoundError("ticket", ticket->to_string() + " of customer " + customer_id->to_string());
  }
}

void check_active_user(spi::Connection& connection, std::string_view login, std::string_view field) {
  auto user = find_user(connection, login);
  if (!user || !user->active) throw InvalidInputError(std::string(field), login, "not an active user");
}

CallerLookup find_callers(spi::Connection& connection, std::string_view phone) {
  CallerLookup result;
  result.number = normalize_phone(phone, "phone");
  result.display = format_phone_national(result.number);
  for (const auto& id : customers_with_contact_point(connection, "phone", result.number)) {
    auto customer = find_customer(connection, id);
    if (!customer || customer->archived_at) continue;
    std::optional<Contact> contact;
    for (const auto& each : customer->contacts) {
      if (std::find(each.phones.begin(), each.phones.end(), result.number) != each.phones.end()) contact = each;
    }
    result.matches.push_back({std::move(*customer), std::move(contact)});
  }
  std::sort(result.matches.begin(), result.matches.end(),
            [](const auto& a, const auto& b) { return a.customer.name < b.customer.name; });
  return result;
}

Interaction store_interaction(WriteScope& scope, Interaction interaction, const Clock& clock,
                              const std::string& actor) {
  auto& connection = scope.connection();
  check_references(connection, interaction.customer, interaction.contact, interaction.site, interaction.ticket);
  if (interaction.user.empty()) interaction.user = actor;
  check_active_user(connection, interaction.user, "user");
  interaction.id = Uuid::generate(clock);
  interaction.created_at = interaction.updated_at = scope.now();
  interaction.version = 1;
  insert_interaction(connection, interaction);
  scope.record({std::string(to_string(interaction.kind)), interaction.id.to_string(), "log",
                interaction_changes(nullptr, interaction)});
  return interaction;
}

Ticket store_ticket(WriteScope& scope, Ticket ticket, const Clock& clock) {
  auto& connection = scope.connection();
  check_references(connection, ticket.customer, ticket.contact, ticket.site, std::nullopt);
  if (!ticket.assignee.empty()) check_active_user(connection, ticket.assignee, "assignee");
  if (!ticket.requested_by.empty()) check_active_user(connection, ticket.requested_by, "requested_by");
  const int year = static_cast<int>(paris_date(scope.now()).year());
  ticket.id = Uuid::generate(clock);
  ticket.number = ticket_number(year, next_ticket_number(connection, year));
  ticket.created_at = ticket.updated_at = scope.now();
  ticket.version = 1;
  insert_ticket(connection, ticket);
  scope.record({std::string(kTicketEntity), ticket.id.to_string(), "open", ticket_changes(nullptr, ticket)});
  return ticket;
}

Ticket store_ticket_change(WriteScope& scope, const Ticket& stored, Ticket changed, std::string_view action,
                           std::vector<FieldChange> extra) {
  changed.updated_at = scope.now();
  if (!update_ticket(scope.connection(), changed, stored.version)) {
    auto current = find_ticket(scope.connection(), stored.id);
    throw stale_version(kTicketEntity, stored.id.to_string(), current ? current->version : 0, stored.version);
  }
  changed.version = stored.version + 1;
  auto changes = ticket_changes(&stored, changed);
  changes.insert(changes.end(), extra.begin(), extra.end());
  scope.record({std::string(kTicketEntity), stored.id.to_string(), std::string(action), std::move(changes)});
  return changed;
}

}  // namespace relais::inline v1::detail
