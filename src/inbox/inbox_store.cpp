#include "inbox/inbox_store.h"

#include <relais/errors.h>

#include "core/base64.h"
#include "core/paging.h"
#include "inbox/dispatch_rules.h"
#include "inbox/mail_clues.h"
#include "storage/sql.h"
#include "storage/timestamps.h"

#include <nlohmann/json.hpp>

namespace relais::inline v1::detail {
namespace {

void create_inbox_tables(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE inbox_mails ("
      " id TEXT PRIMARY KEY,"
      " mailbox TEXT NOT NULL,"
      // "sha256:<hex>" for a mail without a Message-ID, so that it too is
      // stored once.
      " message_id TEXT NOT NULL UNIQUE,"
      " direction TEXT NOT NULL,"
      " from_name TEXT NOT NULL, from_address TEXT NOT NULL,"
      " to_addresses TEXT NOT NULL, cc_addresses TEXT NOT NULL,"
      " subject TEXT NOT NULL,"
      // thread_subject_key(subject): what the sender + subject fallback compares.
      " subject_key TEXT NOT NULL,"
      " sent_at BIGINT, received_at BIGINT NOT NULL,"
      " text TEXT NOT NULL, new_text TEXT NOT NULL, signature TEXT NOT NULL,"
      " problems TEXT NOT NULL, parse_error TEXT NOT NULL, attachments TEXT NOT NULL,"
      " automatic INTEGER NOT NULL,"
      " raw_sha256 TEXT NOT NULL,"
      " customer_id TEXT, contact_id TEXT, ticket_id TEXT, interaction_id TEXT,"
      " match_reason TEXT NOT NULL, suggestion TEXT, thread_reason TEXT NOT NULL,"
      " category TEXT, confidence DOUBLE PRECISION NOT NULL, urgency TEXT NOT NULL, corrected INTEGER NOT NULL,"
      " rule TEXT NOT NULL, queue TEXT NOT NULL, state TEXT NOT NULL,"
      " updated_at BIGINT NOT NULL, version BIGINT NOT NULL);"
      "CREATE INDEX inbox_mails_by_state ON inbox_mails (state, received_at, id);"
      "CREATE INDEX inbox_mails_by_ticket ON inbox_mails (ticket_id, received_at);"
      "CREATE INDEX inbox_mails_by_sender_subject ON inbox_mails (from_address, subject_key, received_at);"
      // Raw messages and attachments, one row per distinct content, in
      // base64 (docs/inbox.md: the SPI binds no binary values).
      "CREATE TABLE inbox_blobs (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, data TEXT NOT NULL);"
      "CREATE TABLE inbox_corrections ("
      " mail_id TEXT PRIMARY KEY REFERENCES inbox_mails (id),"
      " subject TEXT NOT NULL, sender TEXT NOT NULL, body TEXT NOT NULL,"
      " category TEXT NOT NULL, urgency TEXT NOT NULL,"
      " corrected_by TEXT NOT NULL, corrected_at BIGINT NOT NULL);"
      "CREATE TABLE inbox_model (slot INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL,"
      " trained_at BIGINT NOT NULL);"
      "CREATE TABLE inbox_rules ("
      " id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, position INTEGER NOT NULL, enabled INTEGER NOT NULL,"
      " condition TEXT NOT NULL, action TEXT NOT NULL, queue TEXT NOT NULL, assignee TEXT NOT NULL,"
      " priority TEXT, acknowledge INTEGER NOT NULL,"
      " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, version BIGINT NOT NULL);"
      "CREATE TABLE inbox_settings (slot INTEGER PRIMARY KEY, settings TEXT NOT NULL, version BIGINT NOT NULL);"
      "CREATE TABLE inbox_mailboxes ("
      " name TEXT PRIMARY KEY, plugin TEXT NOT NULL, config TEXT NOT NULL, cursor TEXT NOT NULL,"
      " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, version BIGINT NOT NULL)");
}

void insert_default_rules(spi::Connection& connection) {
  const auto clock = system_clock();
  for (const auto& draft : default_rules()) {
    DispatchRule rule;
    static_cast<DispatchRuleDraft&>(rule) = draft;
    rule.id = Uuid::generate(*clock);
    rule.created_at = rule.updated_at = clock->now();
    rule.version = 1;
    insert_rule(connection, rule);
  }
}

const Migration kInboxMigrations[] = {
    {1, "mails, blobs, corrections, model, dispatch rules, settings, mailboxes", create_inbox_tables},
    {2, "the default dispatch rules (DOMAIN.md's table)", insert_default_rules},
};

constexpr std::string_view kMailColumns =
    "id, mailbox, message_id, direction, from_name, from_address, to_addresses, cc_addresses, subject, sent_at,"
    " received_at, text, new_text, signature, problems, parse_error, attachments, automatic, customer_id,"
    " contact_id, ticket_id, interaction_id, match_reason, suggestion, thread_reason, category, confidence,"
    " urgency, corrected, rule, queue, state, updated_at, version";

spi::Value optional_id(const std::optional<Uuid>& id) {
  if (!id) return nullptr;
  return id->to_string();
}

std::optional<Uuid> id_of(const spi::Row& row, std::size_t column) {
  auto text = row.optional_text(column);
  if (!text) return std::nullopt;
  return Uuid::parse(*text);
}

nlohmann::json attachments_json(const std::vector<MailAttachmentInfo>& attachments) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& each : attachments) {
    list.push_back({{"filename", each.filename}, {"content_type", each.content_type}, {"size", each.size},
                    {"sha256", each.sha256}, {"kept", each.kept}});
  }
  return list;
}

std::vector<MailAttachmentInfo> attachments_of(const std::string& text) {
  std::vector<MailAttachmentInfo> attachments;
  for (const auto& each : nlohmann::json::parse(text)) {
    attachments.push_back({each.at("filename"), each.at("content_type"), each.at("size"), each.at("sha256"),
                           each.at("kept")});
  }
  return attachments;
}

spi::Value suggestion_value(const std::optional<ContactSuggestion>& suggestion) {
  if (!suggestion) return nullptr;
  return nlohmann::json{{"name", suggestion->name}, {"email", suggestion->email}, {"phones", suggestion->phones}}
      .dump();
}

Mail mail_from_row(const spi::Row& row) {
  Mail mail;
  mail.id = Uuid::parse(row.text(0));
  mail.mailbox = row.text(1);
  mail.message_id = row.text(2);
  mail.direction = parse_direction(row.text(3));
  mail.from_name = row.text(4);
  mail.from_address = row.text(5);
  mail.to = nlohmann::json::parse(row.text(6)).get<std::vector<std::string>>();
  mail.cc = nlohmann::json::parse(row.text(7)).get<std::vector<std::string>>();
  mail.subject = row.text(8);
  if (auto sent = row.optional_integer(9)) mail.sent_at = timestamp_of(*sent);
  mail.received_at = timestamp_of(row.integer(10));
  mail.text = row.text(11);
  mail.new_text = row.text(12);
  mail.signature = row.text(13);
  mail.problems = nlohmann::json::parse(row.text(14)).get<std::vector<std::string>>();
  mail.parse_error = row.text(15);
  mail.attachments = attachments_of(row.text(16));
  mail.automatic = row.integer(17) != 0;
  mail.customer = id_of(row, 18);
  mail.contact = id_of(row, 19);
  mail.ticket = id_of(row, 20);
  mail.interaction = id_of(row, 21);
  mail.match = parse_mail_match(row.text(22));
  if (auto suggestion = row.optional_text(23)) {
    auto json = nlohmann::json::parse(*suggestion);
    mail.suggestion = ContactSuggestion{json.at("name"), json.at("email"), json.at("phones")};
  }
  mail.thread = parse_mail_thread(row.text(24));
  if (auto category = row.optional_text(25)) mail.category = parse_mail_category(*category);
  mail.confidence = row.real(26);
  mail.urgency = parse_mail_urgency(row.text(27));
  mail.corrected = row.integer(28) != 0;
  mail.rule = row.text(29);
  mail.queue = row.text(30);
  mail.state = parse_mail_state(row.text(31));
  mail.updated_at = timestamp_of(row.integer(32));
  mail.version = row.integer(33);
  return mail;
}

std::vector<Mail> query_mails(spi::Connection& connection, const std::string& where, std::span<const spi::Value> params) {
  std::vector<Mail> mails;
  for (const auto& row : connection.query("SELECT " + std::string(kMailColumns) + " FROM inbox_mails " + where, params)) {
    mails.push_back(mail_from_row(row));
  }
  return mails;
}

// The fields dispatch and corrections change, in the order of kMailUpdate.
std::vector<spi::Value> dispatch_values(const Mail& mail) {
  spi::Value category = nullptr;
  if (mail.category) category = std::string(to_string(*mail.category));
  return {optional_id(mail.customer),
          optional_id(mail.contact),
          optional_id(mail.ticket),
          optional_id(mail.interaction),
          std::string(to_string(mail.match)),
          suggestion_value(mail.suggestion),
          std::string(to_string(mail.thread)),
          category,
          mail.confidence,
          std::string(to_string(mail.urgency)),
          std::int64_t{mail.corrected},
          mail.rule,
          mail.queue,
          std::string(to_string(mail.state)),
          micros(mail.updated_at)};
}

DispatchRule rule_from_row(const spi::Row& row) {
  DispatchRule rule;
  rule.id = Uuid::parse(row.text(0));
  rule.name = row.text(1);
  rule.position = static_cast<int>(row.integer(2));
  rule.enabled = row.integer(3) != 0;
  rule.when = nlohmann::json::parse(row.text(4)).get<DispatchCondition>();
  rule.action = parse_dispatch_action(row.text(5));
  rule.queue = row.text(6);
  rule.assignee = row.text(7);
  if (auto priority = row.optional_text(8)) rule.priority = parse_ticket_priority(*priority);
  rule.acknowledge = row.integer(9) != 0;
  rule.created_at = timestamp_of(row.integer(10));
  rule.updated_at = timestamp_of(row.integer(11));
  rule.version = row.integer(12);
  return rule;
}

std::vector<spi::Value> rule_values(const DispatchRule& rule) {
  spi::Value priority = nullptr;
  if (rule.priority) priority = std::string(to_string(*rule.priority));
  return {rule.name,   std::int64_t{rule.position},   std::int64_t{rule.enabled},
          nlohmann::json(rule.when).dump(), std::string(to_string(rule.action)), rule.queue,
          rule.assignee, priority, std::int64_t{rule.acknowledge}, micros(rule.updated_at)};
}

Mailbox mailbox_from_row(const spi::Row& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3), timestamp_of(row.integer(4)),
          timestamp_of(row.integer(5)), row.integer(6)};
}

constexpr std::string_view kSelectMailbox =
    "SELECT name, plugin, config, cursor, created_at, updated_at, version FROM inbox_mailboxes";

}  // namespace

SchemaArea inbox_schema() { return {"inbox", kInboxMigrations}; }

std::optional<Mail> find_mail(spi::Connection& connection, const Uuid& id) {
  const spi::Value params[] = {id.to_string()};
  auto mails = query_mails(connection, "WHERE id = ?", params);
  if (mails.empty()) return std::nullopt;
  return std::move(mails.front());
}

Mail existing_mail(spi::Connection& connection, const Uuid& id) {
  auto mail = find_mail(connection, id);
  if (!mail) throw NotFoundError("mail", id.to_string());
  return std::move(*mail);
}

std::optional<Mail> find_mail_by_message_id(spi::Connection& connection, std::string_view message_id) {
  const spi::Value params[] = {std::string(message_id)};
  auto mails = query_mails(connection, "WHERE message_id = ?", params);
  if (mails.empty()) return std::nullopt;
  return std::move(mails.front());
}

void insert_mail(spi::Connection& connection, const Mail& mail, const std::string& raw_sha256) {
  spi::Value sent_at = nullptr;
  if (mail.sent_at) sent_at = micros(*mail.sent_at);
  std::vector<spi::Value> values = {mail.id.to_string(),
                                    mail.mailbox,
                                    mail.message_id,
                                    std::string(to_string(mail.direction)),
                                    mail.from_name,
                                    mail.from_address,
                                    nlohmann::json(mail.to).dump(),
                                    nlohmann::json(mail.cc).dump(),
                                    mail.subject,
                                    thread_subject_key(mail.subject),
                                    sent_at,
                                    micros(mail.received_at),
                                    mail.text,
                                    mail.new_text,
                                    mail.signature,
                                    nlohmann::json(mail.problems).dump(),
                                    mail.parse_error,
                                    attachments_json(mail.attachments).dump(),
                                    std::int64_t{mail.automatic},
                                    raw_sha256,
                                    mail.version};
  auto dispatch = dispatch_values(mail);
  values.insert(values.end(), dispatch.begin(), dispatch.end());
  static const std::string sql =
      "INSERT INTO inbox_mails (id, mailbox, message_id, direction, from_name, from_address, to_addresses,"
      " cc_addresses, subject, subject_key, sent_at, received_at, text, new_text, signature, problems,"
      " parse_error, attachments, automatic, raw_sha256, version, customer_id, contact_id, ticket_id,"
      " interaction_id, match_reason, suggestion, thread_reason, category, confidence, urgency, corrected, rule,"
      " queue, state, updated_at) VALUES (" + placeholders(36) + ")";
  connection.execute(sql, values);
}

bool update_mail(spi::Connection& connection, const Mail& mail, std::int64_t expected_version) {
  auto values = dispatch_values(mail);
  values.insert(values.end(), {mail.id.to_string(), expected_version});
  return connection.execute(
             "UPDATE inbox_mails SET customer_id = ?, contact_id = ?, ticket_id = ?, interaction_id = ?,"
             " match_reason = ?, suggestion = ?, thread_reason = ?, category = ?, confidence = ?, urgency = ?,"
             " corrected = ?, rule = ?, queue = ?, state = ?, updated_at = ?, version = version + 1"
             " WHERE id = ? AND version = ?",
             values) == 1;
}

std::optional<std::string> raw_sha256_of(spi::Connection& connection, const Uuid& mail) {
  const spi::Value params[] = {mail.to_string()};
  auto rows = connection.query("SELECT raw_sha256 FROM inbox_mails WHERE id = ?", params);
  if (rows.empty()) return std::nullopt;
  return rows.front().text(0);
}

std::optional<Uuid> ticket_of_messages(spi::Connection& connection, const std::vector<std::string>& message_ids) {
  if (message_ids.empty()) return std::nullopt;
  std::vector<spi::Value> params(message_ids.begin(), message_ids.end());
  auto rows = connection.query("SELECT ticket_id FROM inbox_mails WHERE message_id IN (" +
                                   placeholders(params.size()) +
                                   ") AND ticket_id IS NOT NULL ORDER BY received_at DESC, id DESC LIMIT 1",
                               params);
  if (rows.empty()) return std::nullopt;
  return Uuid::parse(rows.front().text(0));
}

std::vector<Uuid> tickets_of_sender_subject(spi::Connection& connection, std::string_view from_address,
                                            std::string_view subject_key, Timestamp since) {
  const spi::Value params[] = {std::string(from_address), std::string(subject_key), micros(since)};
  std::vector<Uuid> tickets;
  for (const auto& row : connection.query(
           "SELECT ticket_id FROM inbox_mails WHERE from_address = ? AND subject_key = ? AND received_at >= ?"
           " AND ticket_id IS NOT NULL ORDER BY received_at DESC LIMIT 20",
           params)) {
    tickets.push_back(Uuid::parse(row.text(0)));
  }
  return tickets;
}

MailPage triage_page(spi::Connection& connection, std::size_t limit, std::string_view after) {
  checked_page_limit(limit);
  std::vector<spi::Value> params = {std::string(to_string(MailState::triage))};
  std::string where = "WHERE state = ?";
  if (!after.empty()) {
    const auto colon = after.find(':');
    std::int64_t received = 0;
    try {
      if (colon == std::string_view::npos) throw InvalidInputError("after", after, "");
      received = std::stoll(std::string(after.substr(0, colon)));
      Uuid::parse(after.substr(colon + 1), "after");
    } catch (const std::exception&) {
      throw InvalidInputError("after", after, "not a cursor returned by triage");
    }
    where += " AND (received_at > ? OR (received_at = ? AND id > ?))";
    params.insert(params.end(), {received, received, std::string(after.substr(colon + 1))});
  }
  where += " ORDER BY received_at, id LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit + 1));
  MailPage page;
  page.mails = query_mails(connection, where, params);
  if (page.mails.size() > limit) {
    page.mails.resize(limit);
    const Mail& last = page.mails.back();
    page.next_cursor = std::to_string(micros(last.received_at)) + ":" + last.id.to_string();
  }
  return page;
}

std::vector<Mail> ticket_mails(spi::Connection& connection, const Uuid& ticket) {
  const spi::Value params[] = {ticket.to_string()};
  return query_mails(connection, "WHERE ticket_id = ? ORDER BY received_at, id", params);
}

void put_blob(spi::Connection& connection, const std::string& sha256, std::string_view bytes) {
  const spi::Value key[] = {sha256};
  if (!connection.query("SELECT 1 FROM inbox_blobs WHERE sha256 = ?", key).empty()) return;
  const spi::Value params[] = {sha256, static_cast<std::int64_t>(bytes.size()), base64_encode(bytes)};
  connection.execute("INSERT INTO inbox_blobs (sha256, size, data) VALUES (?, ?, ?)", params);
}

std::optional<std::string> get_blob(spi::Connection& connection, std::string_view sha256) {
  const spi::Value params[] = {std::string(sha256)};
  auto rows = connection.query("SELECT data FROM inbox_blobs WHERE sha256 = ?", params);
  if (rows.empty()) return std::nullopt;
  return base64_decode(rows.front().text(0));
}

void save_correction(spi::Connection& connection, const Correction& correction, const std::string& actor,
                     Timestamp at) {
  const spi::Value params[] = {correction.mail.to_string(),
                               correction.subject,
                               correction.sender,
                               correction.body,
                               std::string(to_string(correction.category)),
                               std::string(to_string(correction.urgency)),
                               actor,
                               micros(at)};
  connection.execute(connection.dialect().upsert("inbox_corrections",
                                                 {"mail_id", "subject", "sender", "body", "category", "urgency",
                                                  "corrected_by", "corrected_at"},
                                                 {"mail_id"}),
                     params);
}

std::vector<Correction> all_corrections(spi::Connection& connection) {
  std::vector<Correction> corrections;
  for (const auto& row : connection.query(
           "SELECT mail_id, subject, sender, body, category, urgency FROM inbox_corrections ORDER BY corrected_at")) {
    corrections.push_back({Uuid::parse(row.text(0)), row.text(1), row.text(2), row.text(3),
                           parse_mail_category(row.text(4)), parse_mail_urgency(row.text(5))});
  }
  return corrections;
}

std::optional<StoredModel> stored_model(spi::Connection& connection) {
  auto rows = connection.query("SELECT name, sha256 FROM inbox_model WHERE slot = 1");
  if (rows.empty()) return std::nullopt;
  return StoredModel{rows.front().text(0), rows.front().text(1)};
}

void save_model(spi::Connection& connection, const StoredModel& model, Timestamp at) {
  const spi::Value params[] = {std::int64_t{1}, model.name, model.sha256, micros(at)};
  connection.execute(connection.dialect().upsert("inbox_model", {"slot", "name", "sha256", "trained_at"}, {"slot"}),
                     params);
}

std::vector<DispatchRule> list_rules(spi::Connection& connection) {
  std::vector<DispatchRule> rules;
  for (const auto& row : connection.query(
           "SELECT id, name, position, enabled, condition, action, queue, assignee, priority, acknowledge,"
           " created_at, updated_at, version FROM inbox_rules ORDER BY position, name")) {
    rules.push_back(rule_from_row(row));
  }
  return rules;
}

std::optional<DispatchRule> find_rule(spi::Connection& connection, const Uuid& id) {
  for (auto& rule : list_rules(connection)) {
    if (rule.id == id) return std::move(rule);
  }
  return std::nullopt;
}

void insert_rule(spi::Connection& connection, const DispatchRule& rule) {
  std::vector<spi::Value> values = {rule.id.to_string()};
  auto rest = rule_values(rule);
  values.insert(values.end(), rest.begin(), rest.end());
  values.insert(values.end(), {micros(rule.created_at), rule.version});
  connection.execute(
      "INSERT INTO inbox_rules (id, name, position, enabled, condition, action, queue, assignee, priority,"
      " acknowledge, updated_at, created_at, version) VALUES (" + placeholders(13) + ")",
      values);
}

bool update_rule(spi::Connection& connection, const DispatchRule& rule, std::int64_t expected_version) {
  auto values = rule_values(rule);
  values.insert(values.end(), {rule.id.to_string(), expected_version});
  return connection.execute(
             "UPDATE inbox_rules SET name = ?, position = ?, enabled = ?, condition = ?, action = ?, queue = ?,"
             " assignee = ?, priority = ?, acknowledge = ?, updated_at = ?, version = version + 1"
             " WHERE id = ? AND version = ?",
             values) == 1;
}

void delete_rule(spi::Connection& connection, const Uuid& id) {
  const spi::Value params[] = {id.to_string()};
  connection.execute("DELETE FROM inbox_rules WHERE id = ?", params);
}

InboxSettings read_settings(spi::Connection& connection) {
  InboxSettings settings;
  auto rows = connection.query("SELECT settings, version FROM inbox_settings WHERE slot = 1");
  if (rows.empty()) return settings;  // the defaults, version 0
  auto json = nlohmann::json::parse(rows.front().text(0));
  json.at("attachment_limit_bytes").get_to(settings.attachment_limit_bytes);
  json.at("thread_window_days").get_to(settings.thread_window_days);
  json.at("confidence_threshold").get_to(settings.confidence_threshold);
  json.at("classifier_plugin").get_to(settings.classifier_plugin);
  json.at("reply_from").get_to(settings.reply_from);
  json.at("reply_name").get_to(settings.reply_name);
  json.at("acknowledgement_template").get_to(settings.acknowledgement_template);
  settings.version = rows.front().integer(1);
  return settings;
}

bool write_settings(spi::Connection& connection, const InboxSettings& settings, std::int64_t expected_version) {
  const std::string json = nlohmann::json{{"attachment_limit_bytes", settings.attachment_limit_bytes},
                                          {"thread_window_days", settings.thread_window_days},
                                          {"confidence_threshold", settings.confidence_threshold},
                                          {"classifier_plugin", settings.classifier_plugin},
                                          {"reply_from", settings.reply_from},
                                          {"reply_name", settings.reply_name},
                                          {"acknowledgement_template", settings.acknowledgement_template}}
                               .dump();
  if (expected_version == 0) {
    const spi::Value params[] = {json};
    const spi::Value none[] = {std::int64_t{1}};
    if (!connection.query("SELECT 1 FROM inbox_settings WHERE slot = ?", none).empty()) return false;
    connection.execute("INSERT INTO inbox_settings (slot, settings, version) VALUES (1, ?, 1)", params);
    return true;
  }
  const spi::Value params[] = {json, expected_version};
  return connection.execute(
             "UPDATE inbox_settings SET settings = ?, version = version + 1 WHERE slot = 1 AND version = ?",
             params) == 1;
}

std::optional<Mailbox> find_mailbox(spi::Connection& connection, std::string_view name, bool lock) {
  std::string sql = std::string(kSelectMailbox) + " WHERE name = ?";
  if (lock) sql += connection.dialect().lock_rows_suffix();
  const spi::Value params[] = {std::string(name)};
  auto rows = connection.query(sql, params);
  if (rows.empty()) return std::nullopt;
  return mailbox_from_row(rows.front());
}

std::vector<Mailbox> list_mailboxes(spi::Connection& connection) {
  std::vector<Mailbox> mailboxes;
  for (const auto& row : connection.query(std::string(kSelectMailbox) + " ORDER BY name")) {
    mailboxes.push_back(mailbox_from_row(row));
  }
  return mailboxes;
}

void insert_mailbox(spi::Connection& connection, const Mailbox& mailbox) {
  const spi::Value params[] = {mailbox.name, mailbox.plugin, mailbox.config, mailbox.cursor,
                               micros(mailbox.created_at), micros(mailbox.updated_at), mailbox.version};
  connection.execute(
      "INSERT INTO inbox_mailboxes (name, plugin, config, cursor, created_at, updated_at, version)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      params);
}

void update_mailbox(spi::Connection& connection, const Mailbox& mailbox) {
  const spi::Value params[] = {mailbox.plugin, mailbox.config, mailbox.cursor, micros(mailbox.updated_at),
                               mailbox.version, mailbox.name};
  connection.execute(
      "UPDATE inbox_mailboxes SET plugin = ?, config = ?, cursor = ?, updated_at = ?, version = ? WHERE name = ?",
      params);
}

}  // namespace relais::inline v1::detail
