#include "desk/desk_store.h"

#include "core/paging.h"
#include "search/search_index.h"
#include "storage/sql.h"
#include "storage/time_values.h"

#include <relais/errors.h>

#include <limits>

#include <nlohmann/json.hpp>

namespace relais::inline v1::detail {
namespace {

// Tickets without a due or callback time sort after every dated one.
constexpr std::int64_t kNoDeadline = std::numeric_limits<std::int64_t>::max();

void create_desk_tables(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE tickets ("
      " id TEXT PRIMARY KEY,"
      " number TEXT NOT NULL UNIQUE,"
      " kind TEXT NOT NULL, source TEXT NOT NULL, status TEXT NOT NULL, priority TEXT NOT NULL,"
      " customer_id TEXT NOT NULL REFERENCES customers (id),"
      " contact_id TEXT, site_id TEXT,"
      " subject TEXT NOT NULL, description TEXT NOT NULL, queue TEXT NOT NULL, assignee TEXT NOT NULL,"
      " due_at BIGINT, callback_at BIGINT,"
      // The earlier of due_at and callback_at: what work lists sort on.
      " deadline BIGINT NOT NULL,"
      " stage TEXT NOT NULL, requested_by TEXT NOT NULL,"
      " quote_ids TEXT NOT NULL, intervention_ids TEXT NOT NULL,"
      " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
      " resolved_at BIGINT, closed_at BIGINT, version BIGINT NOT NULL);"
      "CREATE INDEX tickets_by_customer ON tickets (customer_id, status);"
      "CREATE INDEX tickets_by_assignee ON tickets (assignee, deadline, number);"
      "CREATE INDEX tickets_by_queue ON tickets (queue, deadline, number);"
      "CREATE INDEX tickets_by_deadline ON tickets (deadline, number);"
      "CREATE INDEX tickets_by_requester ON tickets (requested_by, deadline, number);"
      "CREATE TABLE ticket_comments ("
      " id TEXT PRIMARY KEY,"
      " ticket_id TEXT NOT NULL REFERENCES tickets (id),"
      " author TEXT NOT NULL, text TEXT NOT NULL, internal INTEGER NOT NULL, created_at BIGINT NOT NULL);"
      "CREATE INDEX ticket_comments_by_ticket ON ticket_comments (ticket_id, created_at);"
      "CREATE TABLE ticket_counters (year INTEGER PRIMARY KEY, last_number BIGINT NOT NULL);"
      "CREATE TABLE interactions ("
      " id TEXT PRIMARY KEY,"
      " kind TEXT NOT NULL,"
      " customer_id TEXT REFERENCES customers (id),"
      " contact_id TEXT, site_id TEXT,"
      " ticket_id TEXT REFERENCES tickets (id),"
      " occurred_at BIGINT NOT NULL, user_login TEXT NOT NULL,"
      " subject TEXT NOT NULL, notes TEXT NOT NULL,"
      " direction TEXT NOT NULL, phone TEXT NOT NULL, duration_seconds BIGINT NOT NULL, outcome TEXT,"
      " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, version BIGINT NOT NULL);"
      "CREATE INDEX interactions_by_customer ON interactions (customer_id, occurred_at, id);"
      "CREATE INDEX interactions_by_ticket ON interactions (ticket_id);"
      "CREATE INDEX interactions_by_outcome ON interactions (outcome, occurred_at, id)");
}

// Calls imported from a phone system keep where they came from; a call is
// found again by its call id, or by number and time (docs/desk.md).
void add_call_sources(spi::Connection& connection) {
  connection.execute_script(
      "ALTER TABLE interactions ADD COLUMN source_system TEXT;"
      "ALTER TABLE interactions ADD COLUMN source_call_id TEXT;"
      "ALTER TABLE interactions ADD COLUMN source_extension TEXT;"
      "ALTER TABLE interactions ADD COLUMN source_answered INTEGER;"
      "CREATE UNIQUE INDEX interactions_by_source ON interactions (source_system, source_call_id);"
      "CREATE INDEX interactions_by_phone ON interactions (phone, occurred_at)");
}

// The rows of follow-up sheets already imported, found again by their key.
void add_follow_up_imports(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE follow_up_imports ("
      " system TEXT NOT NULL, row_key TEXT NOT NULL,"
      " ticket_id TEXT NOT NULL REFERENCES tickets (id),"
      " interaction_id TEXT NOT NULL REFERENCES interactions (id),"
      " imported_at BIGINT NOT NULL, PRIMARY KEY (system, row_key))");
}

void index_stored_records(spi::Connection& connection);

// What the daily dashboard reads (docs/dashboard.md), kept on the ticket so
// that its counts are index range scans:
//   status_changed_at  when the ticket entered its status (its creation for
//                      "new", which nothing moves back to);
//   first_answer_at    the first answer to the customer: the earliest
//                      outgoing call, email, SMS or visit logged on the
//                      ticket, comment not internal, or move out of "new".
// Tickets stored before keep their last update as the status time, and their
// first answer is found from their interactions and comments; a move out of
// "new" is not in their rows, so the resolution stands in for it.
void add_dashboard_columns(spi::Connection& connection) {
  connection.execute_script(
      "ALTER TABLE tickets ADD COLUMN status_changed_at BIGINT;"
      "ALTER TABLE tickets ADD COLUMN first_answer_at BIGINT;"
      "UPDATE tickets SET status_changed_at = CASE WHEN status = 'new' THEN created_at ELSE updated_at END;"
      "UPDATE tickets SET first_answer_at = (SELECT MIN(answered_at) FROM ("
      "  SELECT i.occurred_at AS answered_at FROM interactions i WHERE i.ticket_id = tickets.id"
      "   AND i.direction = 'outbound' AND i.kind <> 'note' AND i.occurred_at >= tickets.created_at"
      "  UNION ALL SELECT c.created_at FROM ticket_comments c WHERE c.ticket_id = tickets.id"
      "   AND c.internal = 0 AND c.created_at >= tickets.created_at"
      "  UNION ALL SELECT tickets.resolved_at WHERE tickets.resolved_at IS NOT NULL) answers);"
      "CREATE INDEX tickets_by_status_since ON tickets (status, status_changed_at);"
      "CREATE INDEX tickets_by_assignee_status_since ON tickets (assignee, status, status_changed_at);"
      "CREATE INDEX tickets_by_status_callback ON tickets (status, callback_at);"
      "CREATE INDEX tickets_by_assignee_status_callback ON tickets (assignee, status, callback_at);"
      // One index for the office and one led by the assignee for a person:
      // a person's range must not be read through all of their tickets.
      // Covering: a week's answers and resolutions, and a period's inbound
      // calls and mails, are counted from the index alone.
      "CREATE INDEX tickets_by_created ON tickets (created_at);"
      "CREATE INDEX tickets_by_assignee_created ON tickets (assignee, created_at);"
      "CREATE INDEX tickets_by_first_answer ON tickets (first_answer_at, created_at);"
      "CREATE INDEX tickets_by_assignee_first_answer ON tickets (assignee, first_answer_at, created_at);"
      "CREATE INDEX tickets_by_resolution ON tickets (resolved_at, created_at);"
      "CREATE INDEX tickets_by_assignee_resolution ON tickets (assignee, resolved_at, created_at);"
      "CREATE INDEX interactions_by_kind_time ON interactions"
      " (kind, occurred_at, direction, user_login, ticket_id, outcome, id);"
      "CREATE INDEX interactions_by_outcome_user ON interactions (outcome, user_login, occurred_at)");
}

const Migration kDeskMigrations[] = {
    {1, "interactions, tickets, comments, ticket counters", create_desk_tables},
    {2, "where imported calls come from", add_call_sources},
    {3, "follow-up sheet rows imported", add_follow_up_imports},
    {4, "search documents of the stored interactions and tickets", index_stored_records},
    {5, "status times and first answers of tickets, for the dashboard", add_dashboard_columns},
};

spi::Value optional_id(const std::optional<Uuid>& id) {
  if (!id) return nullptr;
  return id->to_string();
}

std::optional<Uuid> id_column(const spi::Row& row, std::size_t column) {
  auto text = row.optional_text(column);
  if (!text) return std::nullopt;
  return Uuid::parse(*text);
}

std::string json_list(const std::vector<std::string>& values) { return nlohmann::json(values).dump(); }

// ---- interactions ----------------------------------------------------------

constexpr std::string_view kInteractionColumns =
    "id, kind, customer_id, contact_id, site_id, ticket_id, occurred_at, user_login, subject, notes,"
    " direction, phone, duration_seconds, outcome, source_system, source_call_id, source_extension,"
    " source_answered, created_at, updated_at, version";
constexpr std::size_t kInteractionColumnCount = 21;

// A call id is stored NULL when the phone system gave none, so that the
// unique index on (system, call id) only covers real ids.
std::optional<CallSource> source_from_row(const spi::Row& row) {
  auto system = row.optional_text(14);
  if (!system) return std::nullopt;
  return CallSource{*system, row.optional_text(15).value_or(""), row.optional_text(16).value_or(""),
                    row.optional_integer(17).value_or(1) != 0};
}

std::vector<spi::Value> source_values(const std::optional<CallSource>& source) {
  if (!source) return {nullptr, nullptr, nullptr, nullptr};
  spi::Value call_id = nullptr;
  if (!source->call_id.empty()) call_id = source->call_id;
  return {source->system, call_id, source->extension, std::int64_t{source->answered}};
}

Interaction interaction_from_row(const spi::Row& row) {
  Interaction interaction;
  interaction.id = Uuid::parse(row.text(0));
  interaction.kind = parse_interaction_kind(row.text(1));
  interaction.customer = id_column(row, 2);
  interaction.contact = id_column(row, 3);
  interaction.site = id_column(row, 4);
  interaction.ticket = id_column(row, 5);
  interaction.occurred_at = timestamp_of(row.integer(6));
  interaction.user = row.text(7);
  interaction.subject = row.text(8);
  interaction.notes = row.text(9);
  interaction.direction = parse_direction(row.text(10));
  interaction.phone = row.text(11);
  interaction.duration = std::chrono::seconds(row.integer(12));
  if (auto outcome = row.optional_text(13)) interaction.outcome = parse_call_outcome(*outcome);
  interaction.source = source_from_row(row);
  interaction.created_at = timestamp_of(row.integer(18));
  interaction.updated_at = timestamp_of(row.integer(19));
  interaction.version = row.integer(20);
  return interaction;
}

std::vector<spi::Value> interaction_values(const Interaction& interaction) {
  spi::Value outcome = nullptr;
  if (interaction.outcome) outcome = std::string(to_string(*interaction.outcome));
  std::vector<spi::Value> values{
      interaction.id.to_string(), std::string(to_string(interaction.kind)), optional_id(interaction.customer),
      optional_id(interaction.contact), optional_id(interaction.site), optional_id(interaction.ticket),
      micros(interaction.occurred_at), interaction.user, interaction.subject, interaction.notes,
      std::string(to_string(interaction.direction)), interaction.phone,
      static_cast<std::int64_t>(interaction.duration.count()), outcome};
  for (auto& value : source_values(interaction.source)) values.push_back(std::move(value));
  values.insert(values.end(), {micros(interaction.created_at), micros(interaction.updated_at), interaction.version});
  return values;
}

// A page read with limit + 1 rows: the extra row only says there is more.
InteractionPage interactions_from(const std::vector<spi::Row>& rows, std::size_t limit) {
  InteractionPage page;
  for (const auto& row : rows) page.interactions.push_back(interaction_from_row(row));
  if (page.interactions.size() > limit) {
    page.interactions.pop_back();
    const auto& last = page.interactions.back();
    page.next_cursor = keyset_cursor(micros(last.occurred_at), last.id.to_string());
  }
  return page;
}

// ---- tickets -----------------------------------------------------------------

constexpr std::string_view kTicketColumns =
    "id, number, kind, source, status, priority, customer_id, contact_id, site_id, subject, description, queue,"
    " assignee, due_at, callback_at, deadline, stage, requested_by, quote_ids, intervention_ids, created_at,"
    " updated_at, resolved_at, closed_at, version";

Ticket ticket_from_row(const spi::Row& row) {
  Ticket ticket;
  ticket.id = Uuid::parse(row.text(0));
  ticket.number = row.text(1);
  ticket.kind = parse_ticket_kind(row.text(2));
  ticket.source = parse_ticket_source(row.text(3));
  ticket.status = parse_ticket_status(row.text(4));
  ticket.priority = parse_ticket_priority(row.text(5));
  ticket.customer = Uuid::parse(row.text(6));
  ticket.contact = id_column(row, 7);
  ticket.site = id_column(row, 8);
  ticket.subject = row.text(9);
  ticket.description = row.text(10);
  ticket.queue = row.text(11);
  ticket.assignee = row.text(12);
  ticket.due_at = time_column(row, 13);
  ticket.callback_at = time_column(row, 14);
  ticket.stage = parse_technician_stage(row.text(16));
  ticket.requested_by = row.text(17);
  ticket.quote_ids = nlohmann::json::parse(row.text(18)).get<std::vector<std::string>>();
  ticket.intervention_ids = nlohmann::json::parse(row.text(19)).get<std::vector<std::string>>();
  ticket.created_at = timestamp_of(row.integer(20));
  ticket.updated_at = timestamp_of(row.integer(21));
  ticket.resolved_at = time_column(row, 22);
  ticket.closed_at = time_column(row, 23);
  ticket.version = row.integer(24);
  return ticket;
}

std::int64_t deadline_of(const Ticket& ticket) {
  std::int64_t deadline = kNoDeadline;
  if (ticket.due_at) deadline = std::min(deadline, micros(*ticket.due_at));
  if (ticket.callback_at) deadline = std::min(deadline, micros(*ticket.callback_at));
  return deadline;
}

std::vector<spi::Value> ticket_values(const Ticket& ticket) {
  return {ticket.id.to_string(), ticket.number, std::string(to_string(ticket.kind)),
          std::string(to_string(ticket.source)), std::string(to_string(ticket.status)),
          std::string(to_string(ticket.priority)), ticket.customer.to_string(), optional_id(ticket.contact),
          optional_id(ticket.site), ticket.subject, ticket.description, ticket.queue, ticket.assignee,
          optional_time(ticket.due_at), optional_time(ticket.callback_at), deadline_of(ticket),
          std::string(to_string(ticket.stage)), ticket.requested_by, json_list(ticket.quote_ids),
          json_list(ticket.intervention_ids), micros(ticket.created_at), micros(ticket.updated_at),
          optional_time(ticket.resolved_at), optional_time(ticket.closed_at), ticket.version};
}

// What search shows of an interaction: its subject, notes and number.
SearchDocument search_document(const Interaction& interaction) {
  SearchDocument document{.kind = SearchKind::interaction, .id = interaction.id, .customer = interaction.customer,
                          .title = interaction.subject, .text = interaction.notes};
  if (!interaction.phone.empty()) document.phones.push_back(interaction.phone);
  document.time = interaction.occurred_at;
  return document;
}

// What search shows of a ticket: its number and subject, description and
// comments (internal notes too: search serves the office, never the
// customer), status and assignee.
SearchDocument search_document(const Ticket& ticket, const std::vector<TicketComment>& comments) {
  SearchDocument document{.kind = SearchKind::ticket, .id = ticket.id, .customer = ticket.customer,
                          .title = ticket.number + " " + ticket.subject, .text = ticket.description};
  for (const auto& comment : comments) document.text += "\n" + comment.text;
  document.status = to_string(ticket.status);
  document.assignee = ticket.assignee;
  document.time = ticket.updated_at;
  return document;
}

void index_stored_records(spi::Connection& connection) {
  const std::string interactions = "SELECT " + std::string(kInteractionColumns) + " FROM interactions ORDER BY id";
  for (const auto& row : connection.query(interactions)) {
    index_for_search(connection, search_document(interaction_from_row(row)));
  }
  const std::string tickets = "SELECT " + std::string(kTicketColumns) + " FROM tickets ORDER BY id";
  for (const auto& row : connection.query(tickets)) {
    const Ticket ticket = ticket_from_row(row);
    index_for_search(connection, search_document(ticket, ticket_comments(connection, ticket.id)));
  }
}

// The WHERE clause of a work list, and its parameters.
void add_ticket_filters(const TicketQuery& query, std::string& sql, std::vector<spi::Value>& params) {
  auto add = [&](std::string_view condition, spi::Value value) {
    sql += " AND ";
    sql += condition;
    params.push_back(std::move(value));
  };
  if (query.assignee) add("assignee = ?", *query.assignee);
  if (query.queue) add("queue = ?", *query.queue);
  if (query.kind) add("kind = ?", std::string(to_string(*query.kind)));
  if (query.customer) add("customer_id = ?", query.customer->to_string());
  if (query.requested_by) add("requested_by = ?", *query.requested_by);
  if (query.due_before && query.include_undated) {
    sql += " AND (deadline < ? OR deadline = ?)";
    params.insert(params.end(), {micros(*query.due_before), kNoDeadline});
  } else if (query.due_before) {
    add("deadline < ?", micros(*query.due_before));
  }
  if (query.statuses.empty()) {
    add("status <> ?", std::string(to_string(TicketStatus::closed)));
    return;
  }
  sql += " AND status IN (" + placeholders(query.statuses.size()) + ")";
  for (auto status : query.statuses) params.emplace_back(std::string(to_string(status)));
}

}  // namespace

SchemaArea desk_schema() { return {"desk", kDeskMigrations}; }

std::optional<Interaction> find_interaction(spi::Connection& connection, const Uuid& id) {
  static const std::string sql = "SELECT " + std::string(kInteractionColumns) + " FROM interactions WHERE id = ?";
  spi::Value params[] = {id.to_string()};
  auto rows = connection.query(sql, params);
  if (rows.empty()) return std::nullopt;
  return interaction_from_row(rows.front());
}

namespace {

// Keeps the ticket's first answer the earliest one (an interaction may be
// logged after the fact); nothing before the ticket's opening answers it.
void note_answer(spi::Connection& connection, const Uuid& ticket, Timestamp answered_at) {
  spi::Value params[] = {micros(answered_at), ticket.to_string(), micros(answered_at), micros(answered_at)};
  connection.execute(
      "UPDATE tickets SET first_answer_at = ? WHERE id = ? AND (first_answer_at IS NULL OR first_answer_at > ?)"
      " AND created_at <= ?",
      params);
}

// An outgoing call, email, SMS or visit logged on a ticket answers it.
void note_interaction_answer(spi::Connection& connection, const Interaction& interaction) {
  if (!interaction.ticket || interaction.direction != Direction::outbound ||
      interaction.kind == InteractionKind::note) {
    return;
  }
  note_answer(connection, *interaction.ticket, interaction.occurred_at);
}

}  // namespace

void insert_interaction(spi::Connection& connection, const Interaction& interaction) {
  static const std::string sql = "INSERT INTO interactions (" + std::string(kInteractionColumns) +
                                 ") VALUES (" + placeholders(kInteractionColumnCount) + ")";
  auto values = interaction_values(interaction);
  connection.execute(sql, values);
  note_interaction_answer(connection, interaction);
  index_for_search(connection, search_document(interaction));
}

bool update_interaction(spi::Connection& connection, const Interaction& interaction, std::int64_t expected_version) {
  auto values = interaction_values(interaction);
  // Every column but id, in order, then the key and the expected version.
  std::vector<spi::Value> params(values.begin() + 1, values.end());
  params.back() = expected_version + 1;
  params.emplace_back(interaction.id.to_string());
  params.emplace_back(expected_version);
  if (connection.execute(
             "UPDATE interactions SET kind = ?, customer_id = ?, contact_id = ?, site_id = ?, ticket_id = ?,"
             " occurred_at = ?, user_login = ?, subject = ?, notes = ?, direction = ?, phone = ?,"
             " duration_seconds = ?, outcome = ?, source_system = ?, source_call_id = ?, source_extension = ?,"
             " source_answered = ?, created_at = ?, updated_at = ?, version = ?"
             " WHERE id = ? AND version = ?",
             params) != 1) {
    return false;
  }
  note_interaction_answer(connection, interaction);
  index_for_search(connection, search_document(interaction));
  return true;
}

InteractionPage interaction_page(spi::Connection& connection, const Uuid& customer, const TimelineQuery& query) {
  const std::size_t limit = checked_page_limit(query.limit);
  std::string sql = "SELECT " + std::string(kInteractionColumns) + " FROM interactions WHERE customer_id = ?";
  std::vector<spi::Value> params{customer.to_string()};
  if (!query.kinds.empty()) {
    sql += " AND kind IN (" + placeholders(query.kinds.size()) + ")";
    for (auto kind : query.kinds) params.emplace_back(std::string(to_string(kind)));
  }
  if (!query.after.empty()) {
    auto [occurred, id] = parse_keyset_cursor(query.after);
    sql += " AND (occurred_at < ? OR (occurred_at = ? AND id < ?))";
    params.insert(params.end(), {occurred, occurred, id});
  }
  sql += " ORDER BY occurred_at DESC, id DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit + 1));
  return interactions_from(connection.query(sql, params), limit);
}

InteractionPage calls_to_qualify_page(spi::Connection& connection, std::size_t limit, std::string_view after) {
  limit = checked_page_limit(limit);
  std::string sql = "SELECT " + std::string(kInteractionColumns) + " FROM interactions WHERE outcome = ?";
  std::vector<spi::Value> params{std::string(to_string(CallOutcome::to_qualify))};
  if (!after.empty()) {
    auto [occurred, id] = parse_keyset_cursor(after);
    sql += " AND (occurred_at > ? OR (occurred_at = ? AND id > ?))";
    params.insert(params.end(), {occurred, occurred, id});
  }
  sql += " ORDER BY occurred_at, id LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit + 1));
  return interactions_from(connection.query(sql, params), limit);
}

bool call_already_logged(spi::Connection& connection, const Interaction& call, std::chrono::seconds margin) {
  const CallSource& source = *call.source;
  if (!source.call_id.empty()) {
    spi::Value key[] = {source.system, source.call_id};
    if (!connection.query("SELECT 1 FROM interactions WHERE source_system = ? AND source_call_id = ?", key)
             .empty()) {
      return true;
    }
  }
  std::string sql =
      "SELECT 1 FROM interactions WHERE phone = ? AND occurred_at BETWEEN ? AND ? AND kind = ?";
  std::vector<spi::Value> params{call.phone, micros(call.occurred_at - margin),
                                 micros(call.occurred_at + call.duration + margin),
                                 std::string(to_string(InteractionKind::call))};
  // A call with an id never stands for another call of its system that has
  // one: two calls a few seconds apart (a redial) are two calls.
  if (!source.call_id.empty()) {
    sql += " AND (source_call_id IS NULL OR source_system <> ?)";
    params.emplace_back(source.system);
  }
  return !connection.query(sql + " LIMIT 1", params).empty();
}

bool follow_up_row_imported(spi::Connection& connection, const std::string& system, const std::string& row_key) {
  spi::Value key[] = {system, row_key};
  return !connection.query("SELECT 1 FROM follow_up_imports WHERE system = ? AND row_key = ?", key).empty();
}

void record_follow_up_row(spi::Connection& connection, const std::string& system, const std::string& row_key,
                          const Uuid& ticket, const Uuid& interaction, Timestamp imported_at) {
  spi::Value params[] = {system, row_key, ticket.to_string(), interaction.to_string(), micros(imported_at)};
  connection.execute(
      "INSERT INTO follow_up_imports (system, row_key, ticket_id, interaction_id, imported_at) VALUES (?, ?, ?, ?, ?)",
      params);
}

std::map<std::string, std::int64_t> interaction_counts(spi::Connection& connection, const Uuid& customer) {
  spi::Value params[] = {customer.to_string()};
  std::map<std::string, std::int64_t> counts;
  for (const auto& row :
       connection.query("SELECT kind, COUNT(*) FROM interactions WHERE customer_id = ? GROUP BY kind", params)) {
    counts[row.text(0)] = row.integer(1);
  }
  return counts;
}

std::optional<Ticket> find_ticket(spi::Connection& connection, const Uuid& id) {
  static const std::string sql = "SELECT " + std::string(kTicketColumns) + " FROM tickets WHERE id = ?";
  spi::Value params[] = {id.to_string()};
  auto rows = connection.query(sql, params);
  if (rows.empty()) return std::nullopt;
  return ticket_from_row(rows.front());
}

std::optional<Ticket> find_ticket_by_number(spi::Connection& connection, std::string_view number) {
  static const std::string sql = "SELECT " + std::string(kTicketColumns) + " FROM tickets WHERE number = ?";
  spi::Value params[] = {std::string(number)};
  auto rows = connection.query(sql, params);
  if (rows.empty()) return std::nullopt;
  return ticket_from_row(rows.front());
}

void insert_ticket(spi::Connection& connection, const Ticket& ticket) {
  static const std::string sql = "INSERT INTO tickets (" + std::string(kTicketColumns) +
                                 ", status_changed_at, first_answer_at) VALUES (" + placeholders(27) + ")";
  auto values = ticket_values(ticket);
  values.emplace_back(micros(ticket.created_at));
  // No first answer yet. A ticket stored past "new" (a follow-up sheet's
  // row) was answered at a time nobody wrote down: it stays out of the
  // response times rather than counting as answered in no time.
  values.emplace_back(nullptr);
  connection.execute(sql, values);
  index_for_search(connection, search_document(ticket, {}));
}

bool update_ticket(spi::Connection& connection, const Ticket& ticket, std::int64_t expected_version) {
  auto values = ticket_values(ticket);
  std::vector<spi::Value> params(values.begin() + 1, values.end());
  params.back() = expected_version + 1;
  const std::string status(to_string(ticket.status));
  params.insert(params.end(), {status, micros(ticket.updated_at), status, micros(ticket.updated_at)});
  params.emplace_back(ticket.id.to_string());
  params.emplace_back(expected_version);
  if (connection.execute(
          "UPDATE tickets SET number = ?, kind = ?, source = ?, status = ?, priority = ?, customer_id = ?,"
          " contact_id = ?, site_id = ?, subject = ?, description = ?, queue = ?, assignee = ?, due_at = ?,"
          " callback_at = ?, deadline = ?, stage = ?, requested_by = ?, quote_ids = ?, intervention_ids = ?,"
          " created_at = ?, updated_at = ?, resolved_at = ?, closed_at = ?, version = ?,"
          // The right-hand sides read the row as it was: the old status.
          " status_changed_at = CASE WHEN status <> ? THEN ? ELSE status_changed_at END,"
          " first_answer_at = CASE WHEN first_answer_at IS NULL AND status = 'new' AND ? <> 'new' THEN ?"
          "  ELSE first_answer_at END"
          " WHERE id = ? AND version = ?",
          params) != 1) {
    return false;
  }
  index_for_search(connection, search_document(ticket, ticket_comments(connection, ticket.id)));
  return true;
}

std::int64_t next_ticket_number(spi::Connection& connection, int year) {
  spi::Value key[] = {std::int64_t{year}};
  // Inside the write transaction: on SQLite the database lock, on
  // PostgreSQL the row lock taken by the UPDATE, serialises numbering.
  if (connection.execute("UPDATE ticket_counters SET last_number = last_number + 1 WHERE year = ?", key) == 0) {
    connection.execute("INSERT INTO ticket_counters (year, last_number) VALUES (?, 1)", key);
    return 1;
  }
  return connection.query("SELECT last_number FROM ticket_counters WHERE year = ?", key).front().integer(0);
}

TicketPage ticket_page(spi::Connection& connection, const TicketQuery& query) {
  const std::size_t limit = checked_page_limit(query.limit);
  std::string sql = "SELECT " + std::string(kTicketColumns) + " FROM tickets WHERE 1 = 1";
  std::vector<spi::Value> params;
  add_ticket_filters(query, sql, params);
  if (!query.after.empty()) {
    auto [deadline, number] = parse_keyset_cursor(query.after);
    sql += " AND (deadline > ? OR (deadline = ? AND number > ?))";
    params.insert(params.end(), {deadline, deadline, number});
  }
  sql += " ORDER BY deadline, number LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit + 1));
  TicketPage page;
  for (const auto& row : connection.query(sql, params)) page.tickets.push_back(ticket_from_row(row));
  if (page.tickets.size() > limit) {
    page.tickets.pop_back();
    page.next_cursor = keyset_cursor(deadline_of(page.tickets.back()), page.tickets.back().number);
  }
  return page;
}

std::vector<Ticket> select_tickets(spi::Connection& connection, std::string_view where,
                                   std::span<const spi::Value> params) {
  std::vector<Ticket> tickets;
  for (const auto& row :
       connection.query("SELECT " + std::string(kTicketColumns) + " FROM tickets " + std::string(where), params)) {
    tickets.push_back(ticket_from_row(row));
  }
  return tickets;
}

std::pair<std::int64_t, std::int64_t> ticket_counts(spi::Connection& connection, const Uuid& customer) {
  spi::Value params[] = {std::string(to_string(TicketStatus::resolved)), std::string(to_string(TicketStatus::closed)),
                         customer.to_string()};
  auto row = connection.query(
      "SELECT COALESCE(SUM(CASE WHEN status NOT IN (?, ?) THEN 1 ELSE 0 END), 0), COUNT(*)"
      " FROM tickets WHERE customer_id = ?",
      params).front();
  return {row.integer(0), row.integer(1)};
}

void insert_comment(spi::Connection& connection, const Ticket& ticket, const TicketComment& comment) {
  spi::Value params[] = {comment.id.to_string(), ticket.id.to_string(), comment.author, comment.text,
                         std::int64_t{comment.internal}, micros(comment.created_at)};
  connection.execute(
      "INSERT INTO ticket_comments (id, ticket_id, author, text, internal, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      params);
  if (!comment.internal) note_answer(connection, ticket.id, comment.created_at);
  index_for_search(connection, search_document(ticket, ticket_comments(connection, ticket.id)));
}

std::vector<TicketComment> ticket_comments(spi::Connection& connection, const Uuid& ticket) {
  spi::Value params[] = {ticket.to_string()};
  std::vector<TicketComment> comments;
  for (const auto& row : connection.query(
           "SELECT id, ticket_id, author, text, internal, created_at FROM ticket_comments WHERE ticket_id = ?"
           " ORDER BY created_at, id",
           params)) {
    comments.push_back({Uuid::parse(row.text(0)), Uuid::parse(row.text(1)), row.text(2), row.text(3),
                        row.integer(4) != 0, timestamp_of(row.integer(5))});
  }
  return comments;
}

}  // namespace relais::inline v1::detail
