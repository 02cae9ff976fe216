// InboxService: dispatch rules, settings and mailboxes.
#include <relais/inbox/inbox_service.h>

#include <relais/customers/validation.h>
#include <relais/errors.h>

#include "core/changes.h"
#include "core/field_checks.h"
#include "core/paging.h"
#include "core/stale_version.h"
#include "desk/desk_writes.h"
#include "inbox/dispatch_rules.h"
#include "inbox/inbox_store.h"
#include "inbox/mailboxes.h"
#include "workspace/workspace_core.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace relais {
inline namespace v1 {
namespace {

constexpr std::string_view kRuleEntity = "dispatch_rule";
constexpr std::size_t kMaxNameLength = 32;
constexpr std::size_t kMinAttachmentLimit = 1024;
constexpr std::size_t kMaxAttachmentLimit = 100 * 1024 * 1024;

// Mailbox and plugin names: map keys and file names.
void check_name(std::string_view name, const std::string& field) {
  const bool valid = !name.empty() && name.size() <= kMaxNameLength &&
                     std::all_of(name.begin(), name.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                     });
  if (!valid) throw InvalidInputError(field, name, "must be 1 to 32 of a-z, 0-9, '_' and '-'");
}

DispatchRule stored_rule(spi::Connection& connection, const Uuid& id) {
  auto rule = detail::find_rule(connection, id);
  if (!rule) throw NotFoundError(std::string(kRuleEntity), id.to_string());
  return std::move(*rule);
}

void check_rule_references(spi::Connection& connection, const DispatchRuleDraft& rule) {
  if (!rule.assignee.empty()) detail::check_active_user(connection, rule.assignee, "assignee");
  if (rule.when.customer) detail::existing_customer(connection, *rule.when.customer);
}

// A rule of the same name other than `self`: the name is how people tell
// rules apart.
void check_unique_name(spi::Connection& connection, const DispatchRuleDraft& rule, const std::optional<Uuid>& self) {
  for (const auto& each : detail::list_rules(connection)) {
    if (each.name == rule.name && (!self || each.id != *self)) {
      throw ConflictError("a dispatch rule is already named '" + rule.name + "'",
                          {{"entity", std::string(kRuleEntity)}, {"field", "name"}, {"value", rule.name}});
    }
  }
}

InboxSettings checked_settings(const InboxSettings& settings) {
  FieldErrors errors;
  InboxSettings checked = settings;
  if (settings.attachment_limit_bytes < kMinAttachmentLimit || settings.attachment_limit_bytes > kMaxAttachmentLimit) {
    errors.add("attachment_limit_bytes", std::to_string(settings.attachment_limit_bytes), "expected 1 KiB to 100 MiB");
  }
  if (settings.thread_window_days < 1 || settings.thread_window_days > 365) {
    errors.add("thread_window_days", std::to_string(settings.thread_window_days), "expected 1 to 365");
  }
  if (!(settings.confidence_threshold >= 0 && settings.confidence_threshold <= 1)) {
    errors.add("confidence_threshold", std::to_string(settings.confidence_threshold), "expected 0 to 1");
  }
  try {
    check_name(settings.classifier_plugin, "classifier_plugin");
  } catch (const InvalidInputError& error) {
    errors.add("classifier_plugin", settings.classifier_plugin, error.field_errors().front().message);
  }
  if (!settings.reply_from.empty()) {
    checked.reply_from = detail::checked(errors, settings.reply_from, "reply_from", normalize_email);
  }
  if (settings.acknowledgement_template.find("{ticket}") == std::string::npos) {
    errors.add("acknowledgement_template", settings.acknowledgement_template, "must hold {ticket}");
  }
  errors.throw_if_any();
  return checked;
}

std::vector<FieldChange> settings_changes(const InboxSettings& before, const InboxSettings& after) {
  detail::ChangeList changes;
  changes.compare("attachment_limit_bytes", before.attachment_limit_bytes, after.attachment_limit_bytes);
  changes.compare("thread_window_days", before.thread_window_days, after.thread_window_days);
  changes.compare("confidence_threshold", before.confidence_threshold, after.confidence_threshold);
  changes.compare("classifier_plugin", before.classifier_plugin, after.classifier_plugin);
  changes.compare("reply_from", before.reply_from, after.reply_from);
  changes.compare("reply_name", before.reply_name, after.reply_name);
  changes.compare("acknowledgement_template", before.acknowledgement_template, after.acknowledgement_template);
  return changes.take();
}
}  // namespace

namespace detail {

std::vector<FieldChange> mailbox_changes(const Mailbox* before, const Mailbox& after) {
  detail::ChangeList changes;
  changes.field("plugin", before, after, [](const Mailbox& box) { return box.plugin; });
  changes.field("config", before, after, [](const Mailbox& box) { return box.config; });
  changes.field("cursor", before, after, [](const Mailbox& box) { return box.cursor; });
  return changes.take();
}

Mailbox existing_mailbox(spi::Connection& connection, std::string_view name, bool lock) {
  auto mailbox = detail::find_mailbox(connection, name, lock);
  if (!mailbox) throw NotFoundError("mailbox", std::string(name));
  return std::move(*mailbox);
}

std::shared_ptr<spi::MailConnector> create_mail_connector(PluginHost& host, std::string_view plugin,
                                                          std::string_view config) {
  return host.create_as<spi::MailConnector>(plugin, config);
}

std::shared_ptr<ConnectorSlot<spi::MailConnector>> mailbox_slot(WorkspaceCore& core, std::string_view mailbox) {
  const Mailbox box = core.read([&](spi::Connection& connection) { return detail::existing_mailbox(connection, mailbox); });
  return core.engine().mail_connectors.slot(box.name, box.plugin, box.config, [&] {
    return detail::create_mail_connector(core.engine().host, box.plugin, box.config);
  });
}

}  // namespace detail

std::vector<DispatchRule> InboxService::rules() const {
  return core_.read([](spi::Connection& connection) { return detail::list_rules(connection); });
}

DispatchRule InboxService::add_rule(const DispatchRuleDraft& draft) {
  const DispatchRuleDraft checked = detail::checked_rule(draft);
  return core_.write(detail::Action::administer, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    check_rule_references(connection, checked);
    check_unique_name(connection, checked, std::nullopt);
    DispatchRule rule;
    static_cast<DispatchRuleDraft&>(rule) = checked;
    rule.id = Uuid::generate(core_.clock());
    rule.created_at = rule.updated_at = scope.now();
    rule.version = 1;
    detail::insert_rule(connection, rule);
    scope.record({std::string(kRuleEntity), rule.id.to_string(), "add", detail::rule_changes(nullptr, rule)});
    return rule;
  });
}

DispatchRule InboxService::update_rule(const Uuid& id, std::int64_t expected_version, const DispatchRuleDraft& draft) {
  const DispatchRuleDraft checked = detail::checked_rule(draft);
  return core_.write(detail::Action::administer, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    const DispatchRule stored = stored_rule(connection, id);
    if (stored.version != expected_version) {
      throw detail::stale_version(kRuleEntity, id.to_string(), stored.version, expected_version);
    }
    check_rule_references(connection, checked);
    check_unique_name(connection, checked, id);
    DispatchRule rule = stored;
    static_cast<DispatchRuleDraft&>(rule) = checked;
    rule.updated_at = scope.now();
    if (!detail::update_rule(connection, rule, expected_version)) {
      throw detail::stale_version(kRuleEntity, id.to_string(), stored.version, expected_version);
    }
    rule.version = expected_version + 1;
    scope.record({std::string(kRuleEntity), id.to_string(), "update", detail::rule_changes(&stored, rule)});
    return rule;
  });
}

void InboxService::remove_rule(const Uuid& id, std::int64_t expected_version) {
  core_.write(detail::Action::administer, [&](detail::WriteScope& scope) {
    const DispatchRule stored = stored_rule(scope.connection(), id);
    if (stored.version != expected_version) {
      throw detail::stale_version(kRuleEntity, id.to_string(), stored.version, expected_version);
    }
    detail::delete_rule(scope.connection(), id);
    scope.record({std::string(kRuleEntity), id.to_string(), "remove",
                  {{"name", nlohmann::json(stored.name).dump(), "null"}}});
  });
}

InboxSettings InboxService::settings() const {
  return core_.read([](spi::Connection& connection) { return detail::read_settings(connection); });
}

InboxSettings InboxService::configure(const InboxSettings& settings) {
  InboxSettings checked = checked_settings(settings);
  return core_.write(detail::Action::administer, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    const InboxSettings stored = detail::read_settings(connection);
    auto stale = [&] { return detail::stale_version("inbox_settings", "inbox", stored.version, settings.version); };
    if (stored.version != settings.version) throw stale();
    if (!detail::write_settings(connection, checked, settings.version)) throw stale();
    checked.version = settings.version + 1;
    scope.record({"inbox_settings", "inbox", "configure", settings_changes(stored, checked)});
    return checked;
  });
}

Mailbox InboxService::configure_mailbox(std::string_view name, std::string_view plugin, std::string_view config,
                                        std::int64_t expected_version) {
  core_.authorize(detail::Action::administer);  // before a plugin touches anything
  check_name(name, "name");
  check_name(plugin, "plugin");
  detail::create_mail_connector(core_.engine().host, plugin, config);  // a bad config stores nothing
  return core_.write(detail::Action::administer, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    const auto stored = detail::find_mailbox(connection, name, /*lock=*/true);
    if (!stored && expected_version != 0) throw NotFoundError("mailbox", std::string(name));
    if (stored && stored->version != expected_version) {
      throw detail::stale_version(detail::kMailboxEntity, std::string(name), stored->version, expected_version);
    }
    Mailbox mailbox = stored.value_or(Mailbox{std::string(name), "", "", "", scope.now(), {}, 0});
    // A cursor belongs to the connector that returned it.
    if (mailbox.plugin != plugin || mailbox.config != config) mailbox.cursor.clear();
    mailbox.plugin = plugin;
    mailbox.config = config;
    mailbox.updated_at = scope.now();
    mailbox.version += 1;
    if (stored) detail::update_mailbox(connection, mailbox);
    else detail::insert_mailbox(connection, mailbox);
    scope.record({std::string(detail::kMailboxEntity), mailbox.name, "configure",
                  detail::mailbox_changes(stored ? &*stored : nullptr, mailbox)});
    return mailbox;
  });
}

std::vector<Mailbox> InboxService::mailboxes() const {
  return core_.read([](spi::Connection& connection) { return detail::list_mailboxes(connection); });
}

}  // namespace v1
}  // namespace relais
