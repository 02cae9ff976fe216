#include "inbox/mail_intake.h"

#include <relais/customers/matching.h>
#include <relais/errors.h>

#include "core/changes.h"
#include "core/sha256.h"
#include "core/text.h"
#include "customers/customer_store.h"
#include "customers/customer_rules.h"
#include "customers/customer_writes.h"
#include "desk/desk_rules.h"
#include "desk/desk_store.h"
#include "desk/desk_writes.h"
#include "inbox/dispatch_rules.h"
#include "inbox/inbox_store.h"
#include "inbox/mail_clues.h"
#include "inbox/mail_threading.h"
#include "inbox/mime/mail_composer.h"
#include "inbox/sender_match.h"
#include "search/search_text.h"

#include <nlohmann/json.hpp>

namespace relais::inline v1::detail {
namespace {

constexpr std::string_view kMailEntity = "mail";
// What a mail without a subject is called on the desk.
constexpr std::string_view kNoSubject = "(sans objet)";
constexpr std::string_view kNoIdPrefix = "sha256:";

std::string json_text(const nlohmann::json& json) { return json.dump(); }

std::vector<std::string> addresses(const std::vector<MailAddress>& list) {
  std::vector<std::string> result;
  for (const auto& each : list) result.push_back(each.address);
  return result;
}

// Keeps the attachments within the limit (the parser left out the content
// of the others) as blobs.
std::vector<MailAttachmentInfo> store_attachments(spi::Connection& connection, const ParsedMail& parsed) {
  std::vector<MailAttachmentInfo> stored;
  for (const auto& each : parsed.attachments) {
    const bool kept = !each.over_limit && !each.sha256.empty();
    if (kept) put_blob(connection, each.sha256, each.content);
    stored.push_back({each.filename, each.content_type, each.size, kept ? each.sha256 : "", kept});
  }
  return stored;
}

Mail mail_from_parsed(const ParsedMail& parsed, std::string_view raw, std::string_view mailbox, Timestamp now) {
  Mail mail;
  mail.mailbox = mailbox;
  mail.message_id = message_key(parsed, raw);
  mail.direction = Direction::inbound;
  mail.from_name = parsed.from.name;
  mail.from_address = parsed.from.address;
  mail.to = addresses(parsed.to);
  mail.cc = addresses(parsed.cc);
  mail.subject = parsed.subject;
  mail.sent_at = parsed.date;
  mail.received_at = mail.updated_at = now;
  mail.text = parsed.text;
  mail.new_text = parsed.new_text;
  mail.signature = parsed.signature;
  mail.problems = parsed.problems;
  mail.parse_error = parsed.parse_error;
  mail.automatic = is_automatic(parsed.headers, parsed.from.address);
  mail.version = 1;
  return mail;
}

std::vector<FieldChange> classification_changes(const Mail& mail) {
  return {{"category", "null", json_text(std::string(to_string(*mail.category)))},
          {"confidence", "null", json_text(mail.confidence)},
          {"urgency", "null", json_text(std::string(to_string(mail.urgency)))}};
}

std::vector<FieldChange> dispatch_changes(const Mail& before, const Mail& after) {
  ChangeList changes;
  auto id = [](const std::optional<Uuid>& value) { return value ? value->to_string() : std::string(); };
  changes.compare("state", std::string(to_string(before.state)), std::string(to_string(after.state)));
  changes.compare("customer", id(before.customer), id(after.customer));
  changes.compare("contact", id(before.contact), id(after.contact));
  changes.compare("ticket", id(before.ticket), id(after.ticket));
  changes.compare("interaction", id(before.interaction), id(after.interaction));
  changes.compare("match", std::string(to_string(before.match)), std::string(to_string(after.match)));
  changes.compare("thread", std::string(to_string(before.thread)), std::string(to_string(after.thread)));
  changes.compare("rule", before.rule, after.rule);
  changes.compare("queue", before.queue, after.queue);
  return changes.take();
}

std::string desk_subject(const Mail& mail) {
  std::string subject(utf8_prefix(mail.subject, kMaxSubjectBytes));
  return trim(subject).empty() ? std::string(kNoSubject) : subject;
}

// Logs the mail on the ticket's customer as an inbound email.
Interaction log_email(IntakeContext& context, const Mail& mail, const Ticket& ticket) {
  InteractionDraft draft;
  draft.kind = InteractionKind::email;
  draft.customer = ticket.customer;
  draft.contact = mail.customer == ticket.customer ? mail.contact : ticket.contact;
  draft.ticket = ticket.id;
  draft.subject = desk_subject(mail);
  draft.notes = std::string(utf8_prefix(mail.new_text.empty() ? mail.text : mail.new_text, kMaxTextBytes));
  draft.direction = mail.direction;
  return store_interaction(context.scope, interaction_from_draft(draft, context.scope.now()), context.clock,
                           context.actor);
}

// The customer's answer puts a ticket waiting for them back in the open (an
// out-of-office reply does not).
Ticket answered(IntakeContext& context, const Mail& mail, const Ticket& ticket) {
  if (ticket.status != TicketStatus::waiting_customer || mail.automatic) return ticket;
  return store_ticket_change(context.scope, ticket,
                             ticket_with_status(ticket, TicketStatus::open, "", context.scope.now()), "set_status",
                             {{"reason", "null", json_text("mail received")}});
}

Ticket open_from_mail(IntakeContext& context, const Mail& mail, TicketKind kind, const DispatchRule& rule) {
  TicketDraft draft;
  draft.kind = kind;
  draft.source = TicketSource::email;
  draft.priority = rule.priority.value_or(ticket_priority_for(mail.urgency));
  draft.customer = *mail.customer;
  draft.contact = mail.contact;
  draft.subject = desk_subject(mail);
  draft.description = std::string(utf8_prefix(mail.new_text.empty() ? mail.text : mail.new_text, kMaxTextBytes));
  draft.queue = rule.queue;
  draft.assignee = rule.assignee;
  return store_ticket(context.scope, ticket_from_draft(draft, context.scope.now()), context.clock);
}

std::string acknowledgement_text(const InboxSettings& settings, const Mail& mail, const Ticket& ticket);

// The acknowledgement of `mail`, which opened `ticket`, as an outgoing mail;
// `references` are the mail's own References (compose_mail appends it).
std::optional<spi::OutgoingMail> compose_acknowledgement(IntakeContext& context, const Mail& mail,
                                                         const Ticket& ticket, const std::vector<std::string>& references,
                                                         IngestResult& result) {
  const InboxSettings& settings = context.settings;
  if (!context.can_reply || mail.automatic || settings.reply_from.empty() || mail.from_address.empty()) {
    return std::nullopt;
  }
  MailDraft draft;
  draft.from = {settings.reply_name, settings.reply_from};
  draft.to = {{mail.from_name, mail.from_address}};
  draft.subject = tagged_subject(mail.subject, ticket.number);
  draft.text = acknowledgement_text(settings, mail, ticket);
  if (!mail.message_id.starts_with(kNoIdPrefix)) {
    draft.in_reply_to = mail.message_id;
    draft.references = references;
  }
  draft.message_id_domain = address_domain(settings.reply_from);
  draft.extra_headers = {{"Auto-Submitted", "auto-replied"}};
  const ComposedMail composed = compose_mail(draft, context.scope.now());

  Mail sent;
  sent.id = Uuid::generate(context.clock);
  sent.mailbox = mail.mailbox;
  sent.message_id = composed.message_id;
  sent.direction = Direction::outbound;
  sent.from_name = settings.reply_name;
  sent.from_address = settings.reply_from;
  sent.to = {mail.from_address};
  sent.subject = draft.subject;
  sent.sent_at = sent.received_at = sent.updated_at = context.scope.now();
  sent.text = sent.new_text = draft.text;
  sent.automatic = true;
  sent.customer = ticket.customer;
  sent.contact = mail.contact;
  sent.ticket = ticket.id;
  sent.thread = MailThread::references;
  sent.state = MailState::sent;
  sent.version = 1;
  const std::string raw_sha = sha256_hex(composed.raw);
  put_blob(context.scope.connection(), raw_sha, composed.raw);
  insert_mail(context.scope.connection(), sent, raw_sha);
  context.scope.record({std::string(kMailEntity), sent.id.to_string(), "send",
                        {{"ticket", "null", json_text(ticket.number)}, {"to", "null", json_text(mail.from_address)},
                         {"message_id", "null", json_text(sent.message_id)}}});
  result.acknowledgement = sent;
  return spi::OutgoingMail{settings.reply_from, {mail.from_address}, composed.raw};
}

// The acknowledgement's text: the settings' template with {ticket},
// {subject} and {company} replaced.
std::string acknowledgement_text(const InboxSettings& settings, const Mail& mail, const Ticket& ticket) {
  std::string text = settings.acknowledgement_template;
  const std::pair<std::string_view, std::string> fields[] = {
      {"{ticket}", ticket.number}, {"{subject}", desk_subject(mail)}, {"{company}", settings.reply_name}};
  for (const auto& [placeholder, value] : fields) {
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

// A person created from the sender the mail suggested, once the assistant
// has confirmed the mail (correct()).
Customer customer_from_suggestion(IntakeContext& context, const ContactSuggestion& suggestion) {
  CustomerDraft draft;
  draft.kind = CustomerKind::person;
  draft.name = suggestion.name.empty() ? suggestion.email : suggestion.name;
  draft.emails = {suggestion.email};
  draft.phones = suggestion.phones;
  Customer customer = from_draft(normalize_customer(draft, context.clock), Customer{});
  return store_new_customer(context.scope, customer, identity_keys(customer), context.clock);
}

// Where a mail goes: the thread's ticket, a new ticket, filed or triage.
IntakeOutcome dispatch(IntakeContext& context, Mail mail, const std::optional<Ticket>& thread_ticket,
                       const std::vector<std::string>& references) {
  IntakeOutcome outcome;
  const Mail before = mail;
  auto& connection = context.scope.connection();
  auto join = [&](const Ticket& ticket) {
    mail.ticket = ticket.id;
    if (mail.customer != ticket.customer) mail.contact = std::nullopt;
    mail.customer = ticket.customer;
    mail.interaction = log_email(context, mail, ticket).id;
    mail.state = MailState::joined_ticket;
    outcome.result.ticket = answered(context, mail, ticket);
  };
  const DispatchRule* rule = nullptr;
  if (thread_ticket) {
    join(*thread_ticket);
  } else if ((mail.parse_error.empty() || mail.corrected) && mail.category && *mail.category != MailCategory::other &&
             (mail.corrected || mail.confidence >= context.settings.confidence_threshold)) {
    if (!context.rules) context.rules = list_rules(connection);
    DispatchFacts facts{*mail.category, std::nullopt, mail.subject, mail.new_text, mail.from_address};
    if (mail.customer) facts.customer = find_customer(connection, *mail.customer);
    rule = matching_rule(*context.rules, facts);
  }
  if (rule) {
    mail.rule = rule->name;
    mail.queue = rule->queue;
    const auto kind = ticket_kind_for(*mail.category);
    if (rule->action != DispatchAction::open_or_join || !kind) {
      mail.state = MailState::filed;
    } else if (mail.customer) {
      Ticket ticket = open_from_mail(context, mail, *kind, *rule);
      mail.ticket = ticket.id;
      mail.interaction = log_email(context, mail, ticket).id;
      mail.state = MailState::ticket_opened;
      outcome.result.ticket = ticket;
      if (rule->acknowledge) outcome.to_send = compose_acknowledgement(context, mail, ticket, references, outcome.result);
    }
    // Otherwise nobody is known to open the ticket for: triage, where the
    // assistant confirms the suggested contact.
  }
  mail.updated_at = context.scope.now();
  if (!update_mail(connection, mail, before.version)) {
    throw ConflictError("mail " + mail.id.to_string() + " changed while it was dispatched",
                        {{"entity", std::string(kMailEntity)}, {"id", mail.id.to_string()}});
  }
  mail.version = before.version + 1;
  if (auto changes = dispatch_changes(before, mail); !changes.empty()) {
    context.scope.record({std::string(kMailEntity), mail.id.to_string(), "dispatch", std::move(changes)});
  }
  outcome.result.mail = std::move(mail);
  return outcome;
}

}  // namespace

std::size_t raw_limit(const InboxSettings& settings) {
  constexpr std::size_t kHeadersAndText = 1024 * 1024;
  return settings.attachment_limit_bytes / 3 * 4 + kHeadersAndText;
}

std::string message_key(const ParsedMail& parsed, std::string_view raw) {
  if (!parsed.message_id.empty()) return parsed.message_id;
  return std::string(kNoIdPrefix) + sha256_hex(raw);
}

IntakeOutcome store_incoming(IntakeContext& context, const ParsedMail& parsed, std::string_view raw,
                             std::string_view mailbox, const std::optional<spi::Classification>& classification) {
  auto& connection = context.scope.connection();
  Mail mail = mail_from_parsed(parsed, raw, mailbox, context.scope.now());
  mail.id = Uuid::generate(context.clock);
  mail.attachments = store_attachments(connection, parsed);
  std::string raw_sha;
  if (raw.size() <= raw_limit(context.settings)) {
    raw_sha = sha256_hex(raw);
    put_blob(connection, raw_sha, raw);
  }
  std::optional<Ticket> thread_ticket;
  if (mail.parse_error.empty()) {
    SenderMatch sender =
        match_sender(connection, {mail.from_name, mail.from_address, mail.new_text + "\n" + mail.signature});
    if (sender.customer) mail.customer = sender.customer->id;
    mail.contact = sender.contact;
    mail.match = sender.reason;
    mail.suggestion = sender.suggestion;
    ThreadMatch thread = thread_mail(connection,
                                     {parsed.in_reply_to, parsed.references, mail.subject, mail.from_address,
                                      !parsed.quoted_text.empty()},
                                     context.scope.now(), std::chrono::days(context.settings.thread_window_days));
    thread_ticket = thread.ticket;
    mail.thread = thread.reason;
  }
  if (classification) {
    mail.category = classification->category;
    mail.confidence = classification->confidence;
    mail.urgency = classification->urgency;
  }
  insert_mail(connection, mail, raw_sha);
  ChangeList received;
  received.created("mailbox", mail.mailbox);
  received.created("message_id", mail.message_id);
  received.created("from", mail.from_address);
  received.created("subject", mail.subject);
  received.created("parse_error", mail.parse_error);
  context.scope.record({std::string(kMailEntity), mail.id.to_string(), "receive", received.take()});
  if (mail.category) {
    context.scope.record({std::string(kMailEntity), mail.id.to_string(), "classify", classification_changes(mail)});
  }
  return dispatch(context, std::move(mail), thread_ticket, parsed.references);
}

IntakeOutcome dispatch_stored(IntakeContext& context, Mail mail) {
  if (!mail.customer && mail.suggestion) mail.customer = customer_from_suggestion(context, *mail.suggestion).id;
  // The mail's own References are not stored: the acknowledgement refers to
  // the mail alone, which is enough for the customer's answer to thread.
  return dispatch(context, std::move(mail), std::nullopt, {});
}

}  // namespace relais::inline v1::detail
