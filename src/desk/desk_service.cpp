#include <relais/desk/desk_service.h>

#include <relais/errors.h>

#include "core/civil_time.h"
#include "core/field_checks.h"
#include "core/stale_version.h"
#include "desk/desk_rules.h"
#include "desk/desk_store.h"
#include "desk/desk_writes.h"
#include "desk/view_parts.h"
#include "search/search_index.h"
#include "workspace/workspace_core.h"

#include <nlohmann/json.hpp>

namespace relais {
inline namespace v1 {
namespace {

const std::vector<TicketStatus> kActiveStatuses = {TicketStatus::new_, TicketStatus::open,
                                                   TicketStatus::waiting_customer, TicketStatus::waiting_internal,
                                                   TicketStatus::scheduled};

// Reads the stored ticket, applies `change` to it, and writes it back under
// optimistic concurrency, journaled as `action` (plus `extra` fields).
template <typename Change>
Ticket change_ticket(detail::WorkspaceCore& core, const Uuid& id, std::int64_t expected_version,
                     std::string_view action, Change&& change, std::vector<FieldChange> extra = {}) {
  return core.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    auto stored = detail::find_ticket(connection, id);
    if (!stored) throw NotFoundError("ticket", id.to_string());
    auto stale = [&] {
      return detail::stale_version(detail::kTicketEntity, id.to_string(), stored->version, expected_version);
    };
    if (stored->version != expected_version) throw stale();
    return detail::store_ticket_change(scope, *stored, change(connection, *stored, scope.now()), action,
                                       std::move(extra));
  });
}

}  // namespace

CallerLookup DeskService::lookup_caller(std::string_view phone) const {
  return core_.read([&](spi::Connection& connection) { return detail::find_callers(connection, phone); });
}

CallerLookup DeskService::incoming_call(std::string_view phone) {
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    CallerLookup result = detail::find_callers(scope.connection(), phone);
    nlohmann::json customers = nlohmann::json::array();
    for (const auto& match : result.matches) customers.push_back(match.customer.id.to_string());
    scope.record({"incoming_call", Uuid::generate(core_.clock()).to_string(), "ring",
                  {{"number", "null", nlohmann::json(result.number).dump()},
                   {"customers", "null", customers.dump()}}});
    return result;
  });
}

Interaction DeskService::log_call(const CallDraft& draft) {
  Interaction call = detail::interaction_from_call(draft, core_.clock().now());
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    return detail::store_interaction(scope, call, core_.clock(), core_.actor().login);
  });
}

Interaction DeskService::log_interaction(const InteractionDraft& draft) {
  Interaction interaction = detail::interaction_from_draft(draft, core_.clock().now());
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    return detail::store_interaction(scope, interaction, core_.clock(), core_.actor().login);
  });
}

Interaction DeskService::update_interaction(const Uuid& id, std::int64_t expected_version,
                                            const InteractionChanges& changes) {
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    auto stored = detail::find_interaction(connection, id);
    if (!stored) throw NotFoundError("interaction", id.to_string());
    const std::string entity(to_string(stored->kind));
    auto stale = [&] { return detail::stale_version(entity, id.to_string(), stored->version, expected_version); };
    if (stored->version != expected_version) throw stale();
    Interaction changed = detail::changed_interaction(*stored, changes, scope.now());
    detail::check_references(connection, changed.customer, changed.contact, changed.site, changed.ticket);
    if (!detail::update_interaction(connection, changed, expected_version)) throw stale();
    changed.version = expected_version + 1;
    scope.record({entity, id.to_string(), "update", detail::interaction_changes(&*stored, changed)});
    return changed;
  });
}

Interaction DeskService::get_interaction(const Uuid& id) const {
  return core_.read([&](spi::Connection& connection) {
    auto interaction = detail::find_interaction(connection, id);
    if (!interaction) throw NotFoundError("interaction", id.to_string());
    return std::move(*interaction);
  });
}

InteractionPage DeskService::calls_to_qualify(std::size_t limit, std::string_view after) const {
  return core_.read(
      [&](spi::Connection& connection) { return detail::calls_to_qualify_page(connection, limit, after); });
}

InteractionPage DeskService::timeline(const Uuid& customer, const TimelineQuery& query) const {
  return core_.read([&](spi::Connection& connection) {
    detail::existing_customer(connection, customer);
    return detail::interaction_page(connection, customer, query);
  });
}

Ticket DeskService::open_ticket(const TicketDraft& draft) {
  Ticket ticket = detail::ticket_from_draft(draft, core_.clock().now());
  if (ticket.kind == TicketKind::technician_request && ticket.requested_by.empty()) {
    ticket.requested_by = core_.actor().login;
  }
  return core_.write(detail::Action::write,
                     [&](detail::WriteScope& scope) { return detail::store_ticket(scope, ticket, core_.clock()); });
}

Ticket DeskService::get_ticket(const Uuid& id) const {
  return core_.read([&](spi::Connection& connection) {
    auto ticket = detail::find_ticket(connection, id);
    if (!ticket) throw NotFoundError("ticket", id.to_string());
    return std::move(*ticket);
  });
}

Ticket DeskService::find_ticket(std::string_view number) const {
  return core_.read([&](spi::Connection& connection) {
    auto ticket = detail::find_ticket_by_number(connection, number);
    if (!ticket) throw NotFoundError("ticket", std::string(number));
    return std::move(*ticket);
  });
}

Ticket DeskService::update_ticket(const Uuid& id, std::int64_t expected_version, const TicketChanges& changes) {
  return change_ticket(core_, id, expected_version, "update",
                       [&](spi::Connection& connection, const Ticket& stored, Timestamp now) {
                         Ticket changed = detail::changed_ticket(stored, changes, now);
                         detail::check_references(connection, changed.customer, changed.contact, changed.site,
                                                  std::nullopt);
                         return changed;
                       });
}

Ticket DeskService::assign(const Uuid& id, std::int64_t expected_version, std::string_view assignee) {
  return change_ticket(core_, id, expected_version, "assign",
                       [&](spi::Connection& connection, const Ticket& stored, Timestamp) {
                         if (!assignee.empty()) detail::check_active_user(connection, assignee, "assignee");
                         Ticket changed = stored;
                         changed.assignee = std::string(assignee);
                         return changed;
                       });
}

Ticket DeskService::set_status(const Uuid& id, std::int64_t expected_version, TicketStatus status,
                               std::string_view reason) {
  std::vector<FieldChange> extra;
  if (!reason.empty()) extra.push_back({"reason", "null", nlohmann::json(std::string(reason)).dump()});
  return change_ticket(
      core_, id, expected_version, "set_status",
      [&](spi::Connection&, const Ticket& stored, Timestamp now) {
        return detail::ticket_with_status(stored, status, reason, now);
      },
      std::move(extra));
}

Ticket DeskService::set_stage(const Uuid& id, std::int64_t expected_version, TechnicianStage stage) {
  return change_ticket(core_, id, expected_version, "set_stage",
                       [&](spi::Connection&, const Ticket& stored, Timestamp) {
                         return detail::ticket_with_stage(stored, stage);
                       });
}

TicketComment DeskService::add_comment(const Uuid& ticket, std::string_view text, bool internal) {
  FieldErrors errors;
  TicketComment comment{Uuid{}, ticket, core_.actor().login,
                        detail::required_text(errors, text, "text", detail::kMaxTextBytes), internal, {}};
  errors.throw_if_any();
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto stored = detail::find_ticket(scope.connection(), ticket);
    if (!stored) throw NotFoundError("ticket", ticket.to_string());
    comment.id = Uuid::generate(core_.clock());
    comment.created_at = scope.now();
    detail::insert_comment(scope.connection(), *stored, comment);
    scope.record({std::string(detail::kTicketEntity), ticket.to_string(), "comment",
                  {{"comment", "null", nlohmann::json(comment.id.to_string()).dump()},
                   {"text", "null", nlohmann::json(comment.text).dump()},
                   {"internal", "null", nlohmann::json(internal).dump()}}});
    return comment;
  });
}

std::vector<TicketComment> DeskService::comments(const Uuid& ticket) const {
  return core_.read([&](spi::Connection& connection) {
    if (!detail::find_ticket(connection, ticket)) throw NotFoundError("ticket", ticket.to_string());
    return detail::ticket_comments(connection, ticket);
  });
}

std::vector<JournalEntry> DeskService::ticket_history(const Uuid& id) const {
  return core_.read([&](spi::Connection& connection) {
    if (!detail::find_ticket(connection, id)) throw NotFoundError("ticket", id.to_string());
    return detail::read_history(connection, detail::kTicketEntity, id.to_string());
  });
}

TicketPage DeskService::tickets(const TicketQuery& query) const {
  return core_.read([&](spi::Connection& connection) { return detail::ticket_page(connection, query); });
}

TicketPage DeskService::overdue(std::size_t limit) const {
  TicketQuery query;
  query.statuses = kActiveStatuses;
  query.due_before = core_.clock().now();
  query.limit = limit;
  return tickets(query);
}

TicketPage DeskService::my_work_today(std::size_t limit) const {
  TicketQuery query;
  query.assignee = core_.actor().login;
  query.statuses = kActiveStatuses;
  query.due_before = detail::paris_end_of_day(core_.clock().now());
  query.include_undated = true;
  query.limit = limit;
  return tickets(query);
}

SearchPage DeskService::search(const SearchQuery& query) const {
  return core_.read([&](spi::Connection& connection) { return detail::search_page(connection, query); });
}

CustomerView DeskService::customer_view(const Uuid& customer, const TimelineQuery& timeline) const {
  return core_.read([&](spi::Connection& connection) {
    CustomerView view;
    view.customer = detail::existing_customer(connection, customer);
    TicketQuery open;
    open.statuses = kActiveStatuses;
    open.customer = customer;
    open.limit = 500;
    view.open_tickets = detail::ticket_page(connection, open).tickets;
    view.timeline = detail::interaction_page(connection, customer, timeline);
    view.counts.interactions = detail::interaction_counts(connection, customer);
    std::tie(view.counts.open_tickets, view.counts.tickets) = detail::ticket_counts(connection, customer);
    for (const auto& part : detail::customer_view_parts()) view.parts[std::string(part.area)] = part.build(connection, customer);
    return view;
  });
}

}  // namespace v1
}  // namespace relais
