// InboxService: intake (ingest, fetch), corrections and retraining.
//
// Why parsing and classifying run before the write transaction: they are the
// slow part (GMime, the model) and need no database, so writers from other
// sessions do not queue behind them. The transaction looks the Message-ID up
// again, so a mail stored meanwhile is still stored once.
#include <relais/inbox/inbox_service.h>

#include <relais/errors.h>

#include "core/log.h"
#include "core/paging.h"
#include "core/sha256.h"
#include "core/stale_version.h"
#include "inbox/inbox_store.h"
#include "inbox/mail_intake.h"
#include "inbox/mailboxes.h"
#include "workspace/workspace_core.h"

#include <nlohmann/json.hpp>

namespace relais {
inline namespace v1 {
namespace {

constexpr std::string_view kMailEntity = "mail";

std::shared_ptr<const spi::MailClassifier> classifier(detail::WorkspaceCore& core, const InboxSettings& settings) {
  auto stored = core.read([](spi::Connection& connection) { return detail::stored_model(connection); });
  return core.engine().classifier.get(core.engine().host, settings.classifier_plugin, stored, [&] {
    auto bytes = core.read([&](spi::Connection& connection) { return detail::get_blob(connection, stored->sha256); });
    if (!bytes) throw NotFoundError("model", stored->sha256);
    return std::move(*bytes);
  });
}

// The parsed mail's classification; none when the classifier cannot be
// created or has no usable model, which leaves the mail in triage with the
// reason among its problems, for the assistant to see: intake never stops
// for the model.
std::optional<spi::Classification> classification_of(detail::WorkspaceCore& core, const InboxSettings& settings,
                                                     detail::ParsedMail& parsed) {
  if (!parsed.parse_error.empty()) return std::nullopt;
  try {
    return classifier(core, settings)->classify({parsed.subject, parsed.from.address, parsed.new_text});
  } catch (const PluginError& error) {
    parsed.problems.push_back(std::string("not classified: ") + error.what());
  } catch (const InvalidInputError& error) {
    parsed.problems.push_back(std::string("not classified, the stored model was refused: ") + error.what());
  }
  return std::nullopt;
}

// Sends an acknowledgement once its mail is committed. A failure is logged:
// the mail is stored, and the desk sees the ticket either way.
void send_after_commit(spi::MailConnector& connector, const spi::OutgoingMail& mail) noexcept {
  try {
    connector.send(mail);
  } catch (const std::exception& error) {
    detail::log_warning(std::string("inbox: acknowledgement to ") + mail.recipients.front() +
                        " not sent: " + error.what());
  }
}

// One message into the inbox; `connector` sends its acknowledgement (none:
// mail ingested by hand is never answered).
IngestResult ingest_message(detail::WorkspaceCore& core, std::string_view raw, std::string_view mailbox,
                            spi::MailConnector* connector) {
  core.authorize(detail::Action::write);
  if (raw.empty()) throw InvalidInputError("raw", "", "an empty message");
  const InboxSettings settings = core.read([](spi::Connection& connection) { return detail::read_settings(connection); });
  detail::ParsedMail parsed = detail::parse_mail(raw, {.max_attachment_bytes = settings.attachment_limit_bytes});
  const std::string key = detail::message_key(parsed, raw);
  auto already = [&](spi::Connection& connection) { return detail::find_mail_by_message_id(connection, key); };
  if (auto stored = core.read(already)) return {std::move(*stored), true, std::nullopt, std::nullopt};
  const auto classification = classification_of(core, settings, parsed);
  detail::IntakeOutcome outcome;
  try {
    outcome = core.write(detail::Action::write, [&](detail::WriteScope& scope) {
      if (auto stored = already(scope.connection())) return detail::IntakeOutcome{{std::move(*stored), true, {}, {}}, {}};
      detail::IntakeContext context{scope, core.clock(), core.actor().login, settings, connector != nullptr};
      return detail::store_incoming(context, parsed, raw, mailbox, classification);
    });
  } catch (const ConflictError&) {
    // Another process stored the same message between our look and our
    // insert (PostgreSQL's unique index refused ours).
    auto stored = core.read(already);
    if (!stored) throw;
    return {std::move(*stored), true, std::nullopt, std::nullopt};
  }
  if (outcome.to_send && connector) send_after_commit(*connector, *outcome.to_send);
  return outcome.result;
}

}  // namespace

IngestResult InboxService::ingest(std::string_view raw, std::string_view mailbox) {
  if (mailbox.empty()) return ingest_message(core_, raw, mailbox, nullptr);
  auto slot = detail::mailbox_slot(core_, mailbox);
  std::lock_guard in_use(slot->in_use);
  return ingest_message(core_, raw, mailbox, slot->connector.get());
}

IngestResult InboxService::correct(const Uuid& mail, std::int64_t expected_version, std::string_view category) {
  return correct(mail, expected_version, parse_mail_category(category));
}

IngestResult InboxService::correct(const Uuid& id, std::int64_t expected_version, MailCategory category,
                                   std::optional<MailUrgency> urgency) {
  const InboxSettings settings = this->settings();
  detail::IntakeOutcome outcome = core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    Mail mail = detail::existing_mail(connection, id);
    if (mail.version != expected_version) {
      throw detail::stale_version(kMailEntity, id.to_string(), mail.version, expected_version);
    }
    if (mail.direction != Direction::inbound) throw InvalidInputError("mail", id.to_string(), "an outgoing mail has no category");
    const Mail before = mail;
    mail.category = category;
    mail.confidence = 1;
    if (urgency) mail.urgency = *urgency;
    mail.corrected = true;
    mail.updated_at = scope.now();
    detail::save_correction(connection, {mail.id, mail.subject, mail.from_address, mail.new_text, category, mail.urgency},
                            core_.actor().login, scope.now());
    if (!detail::update_mail(connection, mail, expected_version)) {
      throw detail::stale_version(kMailEntity, id.to_string(), mail.version, expected_version);
    }
    mail.version = expected_version + 1;
    auto text = [](const std::optional<MailCategory>& value) {
      return value ? nlohmann::json(std::string(to_string(*value))).dump() : std::string("null");
    };
    scope.record({std::string(kMailEntity), id.to_string(), "correct",
                  {{"category", text(before.category), text(mail.category)},
                   {"urgency", nlohmann::json(std::string(to_string(before.urgency))).dump(),
                    nlohmann::json(std::string(to_string(mail.urgency))).dump()}}});
    if (mail.state != MailState::triage) return detail::IntakeOutcome{{std::move(mail), false, {}, {}}, {}};
    detail::IntakeContext context{scope, core_.clock(), core_.actor().login, settings, !mail.mailbox.empty()};
    return detail::dispatch_stored(context, std::move(mail));
  });
  if (outcome.to_send) {
    auto slot = detail::mailbox_slot(core_, outcome.result.mail.mailbox);
    std::lock_guard in_use(slot->in_use);
    send_after_commit(*slot->connector, *outcome.to_send);
  }
  return outcome.result;
}

std::string InboxService::retrain(const std::vector<spi::LabelledMail>& corpus) {
  core_.authorize(detail::Action::administer);
  const InboxSettings settings = this->settings();
  std::vector<spi::LabelledMail> examples = corpus;
  for (const auto& correction : core_.read([](spi::Connection& connection) { return detail::all_corrections(connection); })) {
    examples.push_back({{correction.subject, correction.sender, correction.body}, correction.category, correction.urgency});
  }
  // A fresh object: the one classifying meanwhile is never changed under
  // its readers (ClassifierSlot swaps in the stored model on next use).
  auto trainer = core_.engine().host.create_as<spi::MailClassifier>(settings.classifier_plugin, "{}");
  trainer->train(examples);
  const std::string bytes = trainer->save();
  const std::string name = trainer->model_name();
  core_.write(detail::Action::administer, [&](detail::WriteScope& scope) {
    const std::string sha = detail::sha256_hex(bytes);
    detail::put_blob(scope.connection(), sha, bytes);
    detail::save_model(scope.connection(), {name, sha}, scope.now());
    scope.record({"inbox_model", "classifier", "train",
                  {{"model", "null", nlohmann::json(name).dump()},
                   {"examples", "null", nlohmann::json(examples.size()).dump()}}});
  });
  return name;
}

FetchReport InboxService::fetch(std::string_view mailbox, std::size_t batch) {
  core_.authorize(detail::Action::write);
  detail::checked_page_limit(batch);
  auto slot = detail::mailbox_slot(core_, mailbox);
  std::lock_guard in_use(slot->in_use);
  FetchReport report{std::string(mailbox), 0, 0, 0, 0, ""};
  report.cursor = core_.read([&](spi::Connection& connection) { return detail::existing_mailbox(connection, mailbox).cursor; });
  for (;;) {
    spi::MailBatch fetched = slot->connector->fetch_since(report.cursor, batch);
    std::vector<std::string> uids;
    for (const auto& each : fetched.mails) {
      IngestResult result = ingest_message(core_, each.raw, mailbox, slot->connector.get());
      ++(result.duplicate ? report.already_stored : report.stored);
      if (!result.duplicate && !result.mail.parse_error.empty()) ++report.unreadable;
      uids.push_back(each.uid);
    }
    report.fetched += fetched.mails.size();
    if (!uids.empty()) slot->connector->acknowledge(uids);
    const bool moved = fetched.next_cursor != report.cursor;
    if (moved) {
      core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
        Mailbox stored = detail::existing_mailbox(scope.connection(), mailbox, /*lock=*/true);
        if (stored.plugin != slot->plugin || stored.config != slot->config) {
          throw ConflictError("mailbox '" + std::string(mailbox) + "' was reconfigured during the fetch: fetch again",
                              {{"entity", std::string(detail::kMailboxEntity)}, {"id", std::string(mailbox)}});
        }
        const Mailbox before = stored;
        stored.cursor = fetched.next_cursor;
        stored.updated_at = scope.now();
        detail::update_mailbox(scope.connection(), stored);
        scope.record({std::string(detail::kMailboxEntity), stored.name, "fetch", detail::mailbox_changes(&before, stored)});
      });
      report.cursor = fetched.next_cursor;
    }
    if (!moved || fetched.mails.size() < batch) break;
  }
  return report;
}

}  // namespace v1
}  // namespace relais
