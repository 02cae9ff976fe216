#pragma once
// SQL for the inbox: mails (incoming and outgoing), the blobs their raw
// bytes and attachments are kept in (by SHA-256), the assistant's
// corrections, the stored classifier model, dispatch rules, settings and
// mailboxes. The FAQ has its own store (faq_store.h).
#include <relais/inbox/mail.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::inline v1::detail {

SchemaArea inbox_schema();

// ---- Mails

std::optional<Mail> find_mail(spi::Connection& connection, const Uuid& id);
// find_mail() or NotFoundError.
Mail existing_mail(spi::Connection& connection, const Uuid& id);
std::optional<Mail> find_mail_by_message_id(spi::Connection& connection, std::string_view message_id);
// `raw_sha256`: the blob holding the raw message, "" when not kept.
void insert_mail(spi::Connection& connection, const Mail& mail, const std::string& raw_sha256);
// Rewrites what dispatch and corrections change (links, reasons, category,
// state...) and version + 1 when the stored version is `expected_version`;
// returns false (writing nothing) otherwise.
bool update_mail(spi::Connection& connection, const Mail& mail, std::int64_t expected_version);
// The blob of a mail's raw message ("" when not kept; nullopt: no such mail).
std::optional<std::string> raw_sha256_of(spi::Connection& connection, const Uuid& mail);
// The ticket of the most recent stored mail (either direction) whose
// Message-ID is one of `message_ids`.
std::optional<Uuid> ticket_of_messages(spi::Connection& connection, const std::vector<std::string>& message_ids);
// Tickets of mails from `from_address` with the same thread subject key,
// received since `since`, most recent first.
std::vector<Uuid> tickets_of_sender_subject(spi::Connection& connection, std::string_view from_address,
                                            std::string_view subject_key, Timestamp since);
// Mails in triage, oldest first, keyset-paged on (received_at, id).
MailPage triage_page(spi::Connection& connection, std::size_t limit, std::string_view after);
std::vector<Mail> ticket_mails(spi::Connection& connection, const Uuid& ticket);

// ---- Blobs (content-addressed; one row per distinct content)

// Stores `bytes` under its SHA-256 unless that content is stored already.
void put_blob(spi::Connection& connection, const std::string& sha256, std::string_view bytes);
std::optional<std::string> get_blob(spi::Connection& connection, std::string_view sha256);

// ---- Corrections and the classifier model

struct Correction {
  Uuid mail;
  std::string subject;
  std::string sender;
  std::string body;
  MailCategory category = MailCategory::other;
  MailUrgency urgency = MailUrgency::normal;
};
// Replaces the correction of the same mail.
void save_correction(spi::Connection& connection, const Correction& correction, const std::string& actor,
                     Timestamp at);
std::vector<Correction> all_corrections(spi::Connection& connection);

struct StoredModel {
  std::string name;      // the classifier's model_name()
  std::string sha256;    // the blob holding its bytes
};
std::optional<StoredModel> stored_model(spi::Connection& connection);
void save_model(spi::Connection& connection, const StoredModel& model, Timestamp at);

// ---- Rules, settings, mailboxes

std::vector<DispatchRule> list_rules(spi::Connection& connection);
std::optional<DispatchRule> find_rule(spi::Connection& connection, const Uuid& id);
void insert_rule(spi::Connection& connection, const DispatchRule& rule);
bool update_rule(spi::Connection& connection, const DispatchRule& rule, std::int64_t expected_version);
void delete_rule(spi::Connection& connection, const Uuid& id);

InboxSettings read_settings(spi::Connection& connection);
bool write_settings(spi::Connection& connection, const InboxSettings& settings, std::int64_t expected_version);

std::optional<Mailbox> find_mailbox(spi::Connection& connection, std::string_view name, bool lock = false);
std::vector<Mailbox> list_mailboxes(spi::Connection& connection);
void insert_mailbox(spi::Connection& connection, const Mailbox& mailbox);
// Rewrites every column but name and created_at.
void update_mailbox(spi::Connection& connection, const Mailbox& mailbox);

}  // namespace relais::inline v1::detail
