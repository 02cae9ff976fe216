// InboxService: intake (ingest, fetch), corrections and retraining.
//
// Why parsing and classifying run before the write transaction: they are the
// slow part (GMime, the model) and need no database, so writers from other
// sessions do not queue behind them. The transaction looks the Message-ID up
// again, so a mail stored meanwhile is still stored once. Why one transaction
// per batch: a commit is a journal write and, at checkpoints, an fsync; paid
// once for 50 mails it stops being the cost of intake. A single message is a
// batch of one: one code path.
#include <relais/inbox/inbox_service.h>

#include <relais/errors.h>
#include <relais/inbox/mail_corpus.h>

#include "core/log.h"
#include "core/paging.h"
#include "core/sha256.h"
#include "core/stale_version.h"
#include "inbox/inbox_store.h"
#include "inbox/mail_intake.h"
#include "inbox/mailboxes.h"
#include "workspace/workspace_core.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <span>
#include <unordered_set>

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

// The classifier for the batch; none when it cannot be created or has no
// usable model, `reason` then saying why. The mails are left in triage with
// the reason among their problems, for the assistant to see: intake never
// stops for the model.
std::shared_ptr<const spi::MailClassifier> classifier_or_reason(detail::WorkspaceCore& core,
                                                                const InboxSettings& settings, std::string& reason) {
  try {
    return classifier(core, settings);
  } catch (const PluginError& error) {
    reason = std::string("not classified: ") + error.what();
  } catch (const InvalidInputError& error) {
    reason = std::string("not classified, the stored model was refused: ") + error.what();
  }
  return nullptr;
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

// The messages of one batch, parsed and classified before its transaction.
struct PendingMail {
  std::string_view raw;
  detail::ParsedMail parsed;
  std::string key;
  // Set when the key was found stored before the transaction, or when an
  // earlier message of the batch has the same key: not classified.
  bool known = false;
  std::optional<spi::Classification> classification;
};

// Refuses empty messages before anything is parsed or written, naming each
// one: "raw" for a single message, "raws[3]" in a batch.
void check_not_empty(std::span<const std::string_view> raws, bool single) {
  FieldErrors errors;
  for (std::size_t i = 0; i < raws.size(); ++i) {
    if (raws[i].empty()) errors.add(single ? "raw" : "raws[" + std::to_string(i) + "]", "", "an empty message");
  }
  errors.throw_if_any();
}

// Stores the batch in one write transaction, in the order given. The
// Message-ID is looked up again inside it: a mail stored since the look
// before, or earlier in this batch, comes back as a duplicate.
std::vector<detail::IntakeOutcome> store_batch(detail::WorkspaceCore& core, const InboxSettings& settings,
                                               std::vector<PendingMail>& pending, std::string_view mailbox,
                                               bool can_reply) {
  return core.write(detail::Action::write, [&](detail::WriteScope& scope) {
    std::vector<detail::IntakeOutcome> outcomes;
    outcomes.reserve(pending.size());
    detail::IntakeContext context{scope, core.clock(), core.actor().login, settings, can_reply};
    for (auto& each : pending) {
      if (auto stored = detail::find_mail_by_message_id(scope.connection(), each.key)) {
        outcomes.push_back({{std::move(*stored), true, {}, {}}, {}});
      } else {
        outcomes.push_back(detail::store_incoming(context, each.parsed, each.raw, mailbox, each.classification));
      }
    }
    return outcomes;
  });
}

// Messages into the inbox in one write transaction; `connector` sends their
// acknowledgements (none: mail ingested by hand is never answered).
std::vector<IngestResult> ingest_batch(detail::WorkspaceCore& core, std::span<const std::string_view> raws,
                                       std::string_view mailbox, spi::MailConnector* connector, bool single) {
  core.authorize(detail::Action::write);
  check_not_empty(raws, single);
  if (raws.empty()) return {};
  const InboxSettings settings = core.read([](spi::Connection& connection) { return detail::read_settings(connection); });
  std::vector<PendingMail> pending;
  pending.reserve(raws.size());
  for (const std::string_view raw : raws) {
    PendingMail& each = pending.emplace_back();
    each.raw = raw;
    each.parsed = detail::parse_mail(raw, {.max_attachment_bytes = settings.attachment_limit_bytes});
    each.key = detail::message_key(each.parsed, raw);
  }
  // One read for the whole batch, so that a batch fetched again (after a
  // crash before its cursor was saved) is not classified again.
  core.read([&](spi::Connection& connection) {
    std::unordered_set<std::string_view> seen;
    for (auto& each : pending) {
      each.known = !seen.insert(each.key).second || detail::find_mail_by_message_id(connection, each.key).has_value();
    }
  });
  std::shared_ptr<const spi::MailClassifier> model;
  std::string not_classified;
  for (auto& each : pending) {
    if (each.known || !each.parsed.parse_error.empty()) continue;
    if (!model && not_classified.empty()) model = classifier_or_reason(core, settings, not_classified);
    if (model) {
      try {
        each.classification = model->classify({each.parsed.subject, each.parsed.from.address, each.parsed.new_text});
      } catch (const PluginError& error) {
        each.parsed.problems.push_back(std::string("not classified: ") + error.what());
      }
    } else {
      each.parsed.problems.push_back(not_classified);
    }
  }
  std::vector<detail::IntakeOutcome> outcomes;
  try {
    outcomes = store_batch(core, settings, pending, mailbox, connector != nullptr);
  } catch (const ConflictError&) {
    // Another process stored one of these messages between our look and our
    // insert (PostgreSQL's unique index refused ours, and the transaction
    // with it): once more, where the look inside the transaction finds it.
    // Any other conflict is the caller's.
    const bool stored_meanwhile = core.read([&](spi::Connection& connection) {
      return std::any_of(pending.begin(), pending.end(), [&](const PendingMail& each) {
        return !each.known && detail::find_mail_by_message_id(connection, each.key).has_value();
      });
    });
    if (!stored_meanwhile) throw;
    outcomes = store_batch(core, settings, pending, mailbox, connector != nullptr);
  }
  std::vector<IngestResult> results;
  results.reserve(outcomes.size());
  for (auto& outcome : outcomes) {
    if (outcome.to_send && connector) send_after_commit(*connector, *outcome.to_send);
    results.push_back(std::move(outcome.result));
  }
  return results;
}

// ingest_batch() for `raws` received in `mailbox`, its connector held for
// the acknowledgements.
std::vector<IngestResult> ingest_into(detail::WorkspaceCore& core, std::span<const std::string_view> raws,
                                      std::string_view mailbox, bool single) {
  if (mailbox.empty()) return ingest_batch(core, raws, mailbox, nullptr, single);
  auto slot = detail::mailbox_slot(core, mailbox);
  std::lock_guard in_use(slot->in_use);
  return ingest_batch(core, raws, mailbox, slot->connector.get(), single);
}

}  // namespace

IngestResult InboxService::ingest(std::string_view raw, std::string_view mailbox) {
  return std::move(ingest_into(core_, std::span(&raw, 1), mailbox, /*single=*/true).front());
}

std::vector<IngestResult> InboxService::ingest(std::span<const std::string> raws, std::string_view mailbox) {
  const std::vector<std::string_view> views(raws.begin(), raws.end());
  return ingest_into(core_, views, mailbox, /*single=*/false);
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

std::string InboxService::retrain() {
  core_.authorize(detail::Action::administer);
  return retrain(read_mail_corpus(shipped_mail_corpus_path()));
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
    std::vector<std::string_view> raws;
    for (const auto& each : fetched.mails) {
      raws.push_back(each.raw);
      uids.push_back(each.uid);
    }
    // A connector may hand over an empty message (a zero-length file): it
    // is refused by name, and the batch with it, rather than acknowledged
    // as if stored.
    for (const IngestResult& result : ingest_batch(core_, raws, mailbox, slot->connector.get(), /*single=*/false)) {
      ++(result.duplicate ? report.already_stored : report.stored);
      if (!result.duplicate && !result.mail.parse_error.empty()) ++report.unreadable;
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
