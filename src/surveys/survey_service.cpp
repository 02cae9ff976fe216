// SurveyService: settings, sending, relaunches, answers, figures.
//
// Why each mail is sent between two transactions: the first one claims the
// survey (a new row, unique per ticket, or the sending lease on an existing
// one) so that no other process mails it too; the mail goes out with no
// transaction open (a slow SMTP server holds no lock); the second records
// what happened: sent, relaunched, or the failure, which the next
// send_due() tries again.
#include <relais/surveys/survey_service.h>

#include <relais/errors.h>

#include "core/field_checks.h"
#include "core/paging.h"
#include "core/civil_time.h"
#include "core/sha256.h"
#include "core/stale_version.h"
#include "core/text.h"
#include "search/search_text.h"
#include "customers/customer_store.h"
#include "desk/desk_store.h"
#include "inbox/inbox_store.h"
#include "inbox/mail_clues.h"
#include "inbox/mailboxes.h"
#include "inbox/mime/mail_composer.h"
#include "surveys/survey_service_internal.h"
#include "surveys/survey_rules.h"
#include "surveys/survey_store.h"
#include "workspace/workspace_core.h"

#include <nlohmann/json.hpp>

namespace relais {
inline namespace v1 {
namespace {

// How long a process may take to mail one survey before another one may
// try: a crash between claiming and recording costs this delay, no more.
constexpr auto kLease = std::chrono::minutes(10);
constexpr std::size_t kMaxErrorBytes = 500;

std::string json_text(const std::string& text) { return nlohmann::json(text).dump(); }

// Who the survey of `ticket` goes to: the ticket's contact when they have
// an address, else the customer's own, else the first contact with one.
std::pair<std::string, std::string> recipient_of(const Customer& customer, const Ticket& ticket) {
  if (ticket.contact) {
    for (const auto& contact : customer.contacts) {
      if (contact.id == *ticket.contact && !contact.emails.empty()) return {contact.name, contact.emails.front()};
    }
  }
  if (!customer.emails.empty()) return {customer.name, customer.emails.front()};
  for (const auto& contact : customer.contacts) {
    if (!contact.emails.empty()) return {contact.name, contact.emails.front()};
  }
  return {customer.name, ""};
}

// The name to greet: the contact owning the address the survey went to.
std::string name_of(const Customer& customer, const std::string& address) {
  for (const auto& contact : customer.contacts) {
    for (const auto& email : contact.emails) {
      if (email == address) return contact.name;
    }
  }
  return customer.name;
}

// What sending needs, read once per call. Throws the configuration errors.
struct Sender {
  SurveySettings settings;
  std::string from_address;
  std::string from_name;
  std::shared_ptr<detail::ConnectorSlot<spi::MailConnector>> slot;
};

Sender sender_of(detail::WorkspaceCore& core) {
  core.authorize(detail::Action::write);
  Sender sender;
  InboxSettings inbox;
  core.read([&](spi::Connection& connection) {
    sender.settings = detail::read_survey_settings(connection);
    inbox = detail::read_settings(connection);
    return 0;
  });
  const SurveySettings& settings = sender.settings;
  if (settings.url_template.empty()) {
    throw InvalidInputError("url_template", "", "surveys are not configured: set the questionnaire's url_template");
  }
  if (settings.mailbox.empty()) throw InvalidInputError("mailbox", "", "surveys are not configured: set the mailbox to send through");
  sender.from_address = settings.from_address.empty() ? inbox.reply_from : settings.from_address;
  sender.from_name = settings.from_address.empty() ? inbox.reply_name : settings.from_name;
  if (sender.from_address.empty()) {
    throw InvalidInputError("from_address", "", "no sender: set from_address, or the inbox's reply_from");
  }
  sender.slot = detail::mailbox_slot(core, settings.mailbox);
  return sender;
}

struct Letter {
  std::string subject;
  std::string text;
  detail::ComposedMail composed;
};

Letter compose_letter(const Sender& sender, const Survey& survey, const Ticket& ticket, const std::string& name,
                      bool relaunch, Timestamp now) {
  const SurveySettings& settings = sender.settings;
  const std::string url =
      detail::render_template(settings.url_template, {{"{token}", survey.token}, {"{ticket}", survey.target_label}});
  const std::vector<std::pair<std::string, std::string>> fields = {{"{token}", survey.token},
                                                                    {"{ticket}", survey.target_label},
                                                                    {"{subject}", ticket.subject},
                                                                    {"{name}", name},
                                                                    {"{url}", url},
                                                                    {"{company}", sender.from_name}};
  Letter letter;
  if (!relaunch) {
    letter.subject = detail::render_template(settings.subject_template, fields);
  } else if (settings.relaunch_subject_template.empty()) {
    letter.subject = "Rappel : " + detail::render_template(settings.subject_template, fields);
  } else {
    letter.subject = detail::render_template(settings.relaunch_subject_template, fields);
  }
  letter.text = detail::render_template(settings.body_template, fields);
  detail::MailDraft draft;
  draft.from = {sender.from_name, sender.from_address};
  draft.to = {{name, survey.recipient}};
  draft.subject = letter.subject;
  draft.text = letter.text;
  draft.message_id_domain = detail::address_domain(sender.from_address);
  draft.extra_headers = {{"Auto-Submitted", "auto-generated"}};
  letter.composed = detail::compose_mail(draft, now);
  return letter;
}

// Keeps the mail sent as the inbox keeps its acknowledgements: in the
// ticket's thread, journaled (MailSent).
void store_sent_mail(detail::WriteScope& scope, const detail::WorkspaceCore& core, const Sender& sender,
                     const Survey& survey, const Letter& letter) {
  Mail sent;
  sent.id = Uuid::generate(core.clock());
  sent.mailbox = sender.settings.mailbox;
  sent.message_id = letter.composed.message_id;
  sent.direction = Direction::outbound;
  sent.from_name = sender.from_name;
  sent.from_address = sender.from_address;
  sent.to = {survey.recipient};
  sent.subject = letter.subject;
  sent.sent_at = sent.received_at = sent.updated_at = scope.now();
  sent.text = sent.new_text = letter.text;
  sent.automatic = true;
  sent.customer = survey.customer;
  if (survey.target_kind == "ticket") sent.ticket = Uuid::parse(survey.target_id);
  sent.state = MailState::sent;
  sent.version = 1;
  const std::string raw_sha = detail::sha256_hex(letter.composed.raw);
  detail::put_blob(scope.connection(), raw_sha, letter.composed.raw);
  detail::insert_mail(scope.connection(), sent, raw_sha);
  scope.record({"mail", sent.id.to_string(), "send",
                {{"ticket", "null", json_text(survey.target_label)}, {"to", "null", json_text(survey.recipient)},
                 {"message_id", "null", json_text(sent.message_id)}, {"survey", "null", json_text(survey.id.to_string())}}});
}

Survey existing_survey(spi::Connection& connection, const Uuid& id) {
  auto survey = detail::find_survey(connection, id);
  if (!survey) throw NotFoundError(std::string(detail::kSurveyEntity), id.to_string());
  return std::move(*survey);
}

// Writes `after` over `before` (read in this transaction) and journals it.
Survey save(detail::WriteScope& scope, const Survey& before, Survey after, std::string_view action) {
  after.updated_at = scope.now();
  if (!detail::update_survey(scope.connection(), after, before.version)) {
    throw detail::stale_version(detail::kSurveyEntity, before.id.to_string(), before.version, before.version);
  }
  after.version = before.version + 1;
  scope.record({std::string(detail::kSurveyEntity), after.id.to_string(), std::string(action),
                detail::survey_changes(&before, after)});
  return after;
}

// Mails survey `leased` (the caller holds its lease) and records the outcome:
// sent or relaunched, or the failure (SurveySendFailed).
Survey deliver(detail::WorkspaceCore& core, const Sender& sender, const Survey& leased, bool relaunch) {
  std::string error;
  std::optional<Letter> letter;
  try {
    auto [ticket, customer] = core.read([&](spi::Connection& connection) {
      auto ticket = detail::find_ticket(connection, Uuid::parse(leased.target_id));
      if (!ticket) throw NotFoundError("ticket", leased.target_id);
      auto customer = detail::find_customer(connection, ticket->customer);
      if (!customer) throw NotFoundError("customer", ticket->customer.to_string());
      return std::pair{std::move(*ticket), std::move(*customer)};
    });
    letter = compose_letter(sender, leased, ticket, name_of(customer, leased.recipient), relaunch, core.clock().now());
    std::lock_guard in_use(sender.slot->in_use);
    sender.slot->connector->send({sender.from_address, {leased.recipient}, letter->composed.raw});
  } catch (const std::exception& failure) {
    error = std::string(detail::utf8_prefix(failure.what(), kMaxErrorBytes));
  }
  auto record = [&](detail::WriteScope& scope) {
    const Survey before = existing_survey(scope.connection(), leased.id);
    Survey after = before;
    if (!error.empty()) {
      after.last_error = error;
      return save(scope, before, after, "fail");
    }
    after.last_error.clear();
    after.last_sent_at = scope.now();
    if (relaunch) {
      ++after.relaunches;
    } else {
      after.sent_at = scope.now();
    }
    // Answered or cancelled meanwhile: the mail went all the same, the
    // state stays.
    if (after.state == SurveyState::pending) after.state = SurveyState::sent;
    store_sent_mail(scope, core, sender, after, *letter);
    return save(scope, before, after, relaunch ? "relaunch" : "send");
  };
  // The mail is gone: what happened must be recorded even when an answer
  // changed the survey between our read and our write (PostgreSQL), so the
  // transaction is run again on the fresh row rather than given up.
  for (int attempt = 1;; ++attempt) {
    try {
      return core.write(detail::Action::write, record);
    } catch (const ConflictError&) {
      if (attempt == 3) throw;
    }
  }
}

void add_outcome(SurveySendReport& report, Survey survey) {
  (survey.last_error.empty() ? report.sent : report.failed).push_back(std::move(survey));
}

// Creates the survey of `ticket_id`, leased to this call unless skipped;
// nullopt when the ticket has one already.
std::optional<Survey> claim_ticket(detail::WorkspaceCore& core, const Uuid& ticket_id) {
  return core.write(detail::Action::write, [&](detail::WriteScope& scope) -> std::optional<Survey> {
    auto& connection = scope.connection();
    auto ticket = detail::find_ticket(connection, ticket_id);
    if (!ticket) throw NotFoundError("ticket", ticket_id.to_string());
    auto customer = detail::find_customer(connection, ticket->customer);
    if (!customer) throw NotFoundError("customer", ticket->customer.to_string());
    const auto [name, address] = recipient_of(*customer, *ticket);
    Survey survey;
    survey.id = Uuid::generate(core.clock());
    survey.target_kind = "ticket";
    survey.target_id = ticket->id.to_string();
    survey.target_label = ticket->number;
    survey.customer = customer->id;
    survey.customer_name = customer->name;
    survey.recipient = address;
    survey.token = detail::new_survey_token();
    survey.state = address.empty() ? SurveyState::skipped : SurveyState::pending;
    if (address.empty()) survey.last_error = "the customer has no email address";
    survey.created_at = survey.updated_at = scope.now();
    survey.version = 1;
    const auto lease = address.empty() ? std::nullopt : std::optional<Timestamp>(scope.now() + kLease);
    if (!detail::insert_survey(connection, survey, lease)) return std::nullopt;
    scope.record({std::string(detail::kSurveyEntity), survey.id.to_string(), address.empty() ? "skip" : "create",
                  detail::survey_changes(nullptr, survey)});
    return survey;
  });
}

// Takes the sending lease of a survey read at `expected_version`, in the
// state `check` accepts. Throws ConflictError when it changed or another
// process is sending it.
template <typename Check>
Survey lease(detail::WorkspaceCore& core, const Uuid& id, std::int64_t expected_version, Check&& check) {
  return core.write(detail::Action::write, [&](detail::WriteScope& scope) {
    Survey survey = existing_survey(scope.connection(), id);
    if (survey.version != expected_version) {
      throw detail::stale_version(detail::kSurveyEntity, id.to_string(), survey.version, expected_version);
    }
    check(survey);
    if (!detail::lease_survey(scope.connection(), id, scope.now(), scope.now() + kLease)) {
      throw ConflictError("survey " + id.to_string() + " is being sent by another process",
                          {{"entity", std::string(detail::kSurveyEntity)}, {"id", id.to_string()}});
    }
    return survey;
  });
}

}  // namespace

namespace detail {

std::optional<Survey> find_survey_by_key(spi::Connection& connection, std::string_view key) {
  const std::string text(trim(key));
  if (text.empty()) return std::nullopt;
  if (auto survey = find_survey_by_token(connection, text)) return survey;
  if (text.size() == 36) {
    try {
      if (auto survey = find_survey(connection, Uuid::parse(text))) return survey;
    } catch (const InvalidInputError&) {
      // Not an id: maybe a ticket number.
    }
  }
  return find_survey_by_label(connection, text);
}

AnswerOutcome record_answer(WorkspaceCore& core, std::string_view key, int score, std::string_view comment,
                            std::optional<Timestamp> answered_at) {
  FieldErrors errors;
  const std::string text = optional_text(errors, comment, "comment", kMaxSurveyCommentBytes);
  const Timestamp now = core.clock().now();
  const Timestamp at = answered_at.value_or(now);
  if (at > now + std::chrono::hours(24) || at < Timestamp(std::chrono::sys_days(std::chrono::year{2000} / 1 / 1))) {
    errors.add("answered_at", format_timestamp(at), "expected a time after 2000 and not more than a day ahead");
  }
  errors.throw_if_any();
  return core.write(Action::write, [&](WriteScope& scope) {
    auto found = find_survey_by_key(scope.connection(), key);
    if (!found) throw NotFoundError("survey", std::string(key));
    const Survey before = std::move(*found);
    if (before.state == SurveyState::skipped) {
      throw InvalidInputError("state", "skipped", "survey " + before.target_label + " was never sent (no email address)");
    }
    if (before.state == SurveyState::answered) {
      if (before.score == score && before.comment == text) return AnswerOutcome{before, false};
      throw ConflictError("survey " + before.target_label + " is already answered (score " +
                              std::to_string(before.score.value_or(-1)) + "): the first answer is kept",
                          {{"entity", std::string(kSurveyEntity)}, {"id", before.id.to_string()},
                           {"field", "score"}, {"value", std::to_string(score)}});
    }
    Survey after = before;
    after.state = SurveyState::answered;
    after.score = score;
    after.comment = text;
    after.answered_at = at;
    return AnswerOutcome{save(scope, before, after, "answer"), true};
  });
}

}  // namespace detail

// ---- Settings

SurveySettings SurveyService::settings() const {
  return core_.read([](spi::Connection& connection) { return detail::read_survey_settings(connection); });
}

SurveySettings SurveyService::configure(const SurveySettings& settings) {
  core_.authorize(detail::Action::administer);
  SurveySettings checked = detail::checked_survey_settings(settings);
  return core_.write(detail::Action::administer, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    if (!checked.mailbox.empty() && !detail::find_mailbox(connection, checked.mailbox)) {
      throw InvalidInputError("mailbox", checked.mailbox, "no such mailbox: configure it in the inbox first");
    }
    const SurveySettings stored = detail::read_survey_settings(connection);
    auto stale = [&] {
      return detail::stale_version(detail::kSurveySettingsEntity, "surveys", stored.version, settings.version);
    };
    if (stored.version != settings.version) throw stale();
    if (checked.automatic && !checked.resolved_since) checked.resolved_since = scope.now();
    if (!detail::write_survey_settings(connection, checked, settings.version)) throw stale();
    checked.version = settings.version + 1;
    scope.record({std::string(detail::kSurveySettingsEntity), "surveys", "configure",
                  detail::survey_settings_changes(stored, checked)});
    return checked;
  });
}

// ---- Sending

SurveySendReport SurveyService::send_due(std::optional<Timestamp> at, std::size_t limit) {
  const Timestamp now = at.value_or(core_.clock().now());
  detail::checked_page_limit(limit);
  const Sender sender = sender_of(core_);
  SurveySendReport report;
  // Failed or interrupted deliveries first, so that one failing now is not
  // tried twice in one call.
  auto pending = core_.read([&](spi::Connection& connection) { return detail::pending_surveys(connection, now, limit); });
  for (const auto& survey : pending) {
    Survey leased;
    try {
      leased = lease(core_, survey.id, survey.version, [](const Survey&) {});
    } catch (const ConflictError&) {
      continue;  // another process is on it, or it changed (answered, cancelled) since the read
    }
    add_outcome(report, deliver(core_, sender, leased, false));
  }
  const SurveySettings& settings = sender.settings;
  if (!settings.automatic || !settings.resolved_since) return report;
  auto tickets = core_.read([&](spi::Connection& connection) {
    return detail::tickets_to_survey(connection, *settings.resolved_since, limit);
  });
  for (const auto& ticket : tickets) {
    auto claimed = claim_ticket(core_, ticket);
    if (!claimed) continue;  // another process took it
    if (claimed->state == SurveyState::skipped) {
      report.skipped.push_back(std::move(*claimed));
    } else {
      add_outcome(report, deliver(core_, sender, *claimed, false));
    }
  }
  return report;
}

Survey SurveyService::send(const Uuid& ticket) {
  const Sender sender = sender_of(core_);
  auto claimed = claim_ticket(core_, ticket);
  if (!claimed) {
    throw ConflictError("ticket " + ticket.to_string() + " has a survey already",
                        {{"entity", std::string(detail::kSurveyEntity)}, {"field", "ticket"}, {"value", ticket.to_string()}});
  }
  if (claimed->state == SurveyState::skipped) return *claimed;
  return deliver(core_, sender, *claimed, false);
}

// ---- Relaunches

std::vector<Survey> SurveyService::to_relaunch(std::optional<Timestamp> at, std::size_t limit) const {
  const Timestamp now = at.value_or(core_.clock().now());
  detail::checked_page_limit(limit);
  return core_.read([&](spi::Connection& connection) {
    const SurveySettings settings = detail::read_survey_settings(connection);
    return detail::sent_surveys_due(connection, detail::relaunch_cutoff(settings, now), now, settings.max_relaunches, true, limit);
  });
}

std::int64_t SurveyService::count_to_relaunch(std::optional<Timestamp> at) const {
  const Timestamp now = at.value_or(core_.clock().now());
  return core_.read([&](spi::Connection& connection) {
    const SurveySettings settings = detail::read_survey_settings(connection);
    return detail::count_to_relaunch(connection, detail::relaunch_cutoff(settings, now), settings.max_relaunches);
  });
}

Survey SurveyService::relaunch(const Uuid& id, std::int64_t expected_version) {
  const Sender sender = sender_of(core_);
  const Survey leased = lease(core_, id, expected_version, [&](const Survey& survey) {
    if (survey.state != SurveyState::sent) {
      throw InvalidInputError("state", to_string(survey.state), "only a sent survey not answered is relaunched");
    }
    if (survey.relaunches >= sender.settings.max_relaunches) {
      throw InvalidInputError("relaunches", std::to_string(survey.relaunches),
                              "max_relaunches (" + std::to_string(sender.settings.max_relaunches) + ") reached");
    }
  });
  return deliver(core_, sender, leased, true);
}

SurveySendReport SurveyService::relaunch_due(std::optional<Timestamp> at, std::size_t limit) {
  const Timestamp now = at.value_or(core_.clock().now());
  detail::checked_page_limit(limit);
  const Sender sender = sender_of(core_);
  SurveySendReport report;
  for (const auto& survey : to_relaunch(now, limit)) {
    try {
      add_outcome(report, relaunch(survey.id, survey.version));
    } catch (const ConflictError&) {
      // Relaunched, answered or being sent by another process meanwhile.
    } catch (const InvalidInputError&) {
    }
  }
  const SurveySettings& settings = sender.settings;
  auto to_expire = core_.read([&](spi::Connection& connection) {
    return detail::sent_surveys_due(connection, detail::relaunch_cutoff(settings, now), now, settings.max_relaunches, false, limit);
  });
  for (const auto& survey : to_expire) {
    auto expired = core_.write(detail::Action::write, [&](detail::WriteScope& scope) -> std::optional<Survey> {
      const Survey before = existing_survey(scope.connection(), survey.id);
      if (before.version != survey.version || before.state != SurveyState::sent) return std::nullopt;
      Survey after = before;
      after.state = SurveyState::expired;
      return save(scope, before, after, "expire");
    });
    if (expired) report.expired.push_back(std::move(*expired));
  }
  return report;
}

// ---- Answers

Survey SurveyService::record_answer(std::string_view key, int score, std::string_view comment,
                                    std::optional<Timestamp> answered_at) {
  detail::checked_score(score);
  return detail::record_answer(core_, key, score, comment, answered_at).survey;
}

// ---- Reading

Survey SurveyService::get(const Uuid& id) const {
  return core_.read([&](spi::Connection& connection) { return existing_survey(connection, id); });
}

Survey SurveyService::find(std::string_view key) const {
  return core_.read([&](spi::Connection& connection) {
    auto survey = detail::find_survey_by_key(connection, key);
    if (!survey) throw NotFoundError("survey", std::string(key));
    return std::move(*survey);
  });
}

SurveyPage SurveyService::list(const SurveyQuery& query) const {
  detail::checked_page_limit(query.limit);
  return core_.read([&](spi::Connection& connection) { return detail::survey_page(connection, query); });
}

Survey SurveyService::cancel(const Uuid& id, std::int64_t expected_version) {
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    const Survey before = existing_survey(scope.connection(), id);
    if (before.version != expected_version) {
      throw detail::stale_version(detail::kSurveyEntity, id.to_string(), before.version, expected_version);
    }
    if (before.state != SurveyState::pending && before.state != SurveyState::sent) {
      throw InvalidInputError("state", to_string(before.state), "only a pending or sent survey is cancelled");
    }
    Survey after = before;
    after.state = SurveyState::cancelled;
    return save(scope, before, after, "cancel");
  });
}

SurveyFigures SurveyService::figures(Timestamp from, Timestamp to) const {
  if (to <= from) throw InvalidInputError("to", format_timestamp(to), "must be after from (" + format_timestamp(from) + ")");
  return core_.read([&](spi::Connection& connection) {
    const auto counts = detail::survey_counts(connection, from, to);
    SurveyFigures figures = detail::figures_of(from, to, counts.sent, counts.answered, counts.score_sum,
                                               counts.promoters, counts.passives, counts.detractors);
    figures.to_call_back = detail::detractors(connection, from, to, detail::kMaxPageSize);
    return figures;
  });
}

}  // namespace v1
}  // namespace relais
