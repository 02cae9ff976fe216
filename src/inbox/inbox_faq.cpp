// InboxService: the FAQ, suggested as answers to information requests.
#include <relais/inbox/inbox_service.h>

#include <relais/errors.h>

#include "core/changes.h"
#include "core/field_checks.h"
#include "core/paging.h"
#include "core/stale_version.h"
#include "inbox/faq_store.h"
#include "inbox/inbox_store.h"
#include "workspace/workspace_core.h"

namespace relais {
inline namespace v1 {
namespace {

constexpr std::string_view kEntity = "faq_entry";
constexpr std::size_t kMaxQuestionBytes = 500;
constexpr std::size_t kMaxAnswerBytes = 100'000;
constexpr std::size_t kMaxTagBytes = 64;
constexpr std::size_t kMaxSuggestions = 20;

FaqEntryDraft checked_draft(const FaqEntryDraft& draft) {
  FieldErrors errors;
  FaqEntryDraft checked;
  checked.question = detail::required_text(errors, draft.question, "question", kMaxQuestionBytes);
  checked.answer = detail::required_text(errors, draft.answer, "answer", kMaxAnswerBytes);
  for (std::size_t i = 0; i < draft.tags.size(); ++i) {
    checked.tags.push_back(detail::required_text(errors, draft.tags[i], "tags[" + std::to_string(i) + "]", kMaxTagBytes));
  }
  errors.throw_if_any();
  return checked;
}

std::vector<FieldChange> entry_changes(const FaqEntry* before, const FaqEntry& after) {
  detail::ChangeList changes;
  changes.field("question", before, after, [](const FaqEntry& entry) { return entry.question; });
  changes.field("answer", before, after, [](const FaqEntry& entry) { return entry.answer; });
  changes.field("tags", before, after, [](const FaqEntry& entry) { return entry.tags; });
  return changes.take();
}

FaqEntry stored_entry(spi::Connection& connection, const Uuid& id) {
  auto entry = detail::find_faq(connection, id);
  if (!entry) throw NotFoundError(std::string(kEntity), id.to_string());
  return std::move(*entry);
}

void check_suggestion_limit(std::size_t limit) {
  if (limit < 1 || limit > kMaxSuggestions) {
    throw InvalidInputError("limit", std::to_string(limit), "expected 1 to " + std::to_string(kMaxSuggestions));
  }
}

}  // namespace

FaqEntry InboxService::add_faq(const FaqEntryDraft& draft) {
  FaqEntry entry;
  static_cast<FaqEntryDraft&>(entry) = checked_draft(draft);
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    entry.id = Uuid::generate(core_.clock());
    entry.created_at = entry.updated_at = scope.now();
    entry.version = 1;
    detail::insert_faq(scope.connection(), entry);
    scope.record({std::string(kEntity), entry.id.to_string(), "add", entry_changes(nullptr, entry)});
    return entry;
  });
}

FaqEntry InboxService::update_faq(const Uuid& id, std::int64_t expected_version, const FaqEntryDraft& draft) {
  const FaqEntryDraft checked = checked_draft(draft);
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    const FaqEntry stored = stored_entry(scope.connection(), id);
    auto stale = [&] { return detail::stale_version(kEntity, id.to_string(), stored.version, expected_version); };
    if (stored.version != expected_version) throw stale();
    FaqEntry entry = stored;
    static_cast<FaqEntryDraft&>(entry) = checked;
    entry.updated_at = scope.now();
    if (!detail::update_faq(scope.connection(), entry, expected_version)) throw stale();
    entry.version = expected_version + 1;
    scope.record({std::string(kEntity), id.to_string(), "update", entry_changes(&stored, entry)});
    return entry;
  });
}

void InboxService::remove_faq(const Uuid& id, std::int64_t expected_version) {
  core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    const FaqEntry stored = stored_entry(scope.connection(), id);
    if (stored.version != expected_version) {
      throw detail::stale_version(kEntity, id.to_string(), stored.version, expected_version);
    }
    detail::delete_faq(scope.connection(), id);
    scope.record({std::string(kEntity), id.to_string(), "remove", {{"question", nlohmann::json(stored.question).dump(), "null"}}});
  });
}

FaqEntry InboxService::get_faq(const Uuid& id) const {
  return core_.read([&](spi::Connection& connection) { return stored_entry(connection, id); });
}

std::vector<FaqEntry> InboxService::faq(std::size_t limit, std::string_view after) const {
  detail::checked_page_limit(limit);
  return core_.read([&](spi::Connection& connection) { return detail::faq_page(connection, limit, after); });
}

std::vector<FaqSuggestion> InboxService::suggest_answers(std::string_view text, std::size_t limit) const {
  check_suggestion_limit(limit);
  return core_.read([&](spi::Connection& connection) { return detail::rank_faq(connection, text, limit); });
}

std::vector<FaqSuggestion> InboxService::suggest_answers(const Uuid& mail, std::size_t limit) const {
  check_suggestion_limit(limit);
  return core_.read([&](spi::Connection& connection) {
    auto stored = detail::find_mail(connection, mail);
    if (!stored) throw NotFoundError("mail", mail.to_string());
    return detail::rank_faq(connection, stored->subject + "\n" + stored->new_text, limit);
  });
}

}  // namespace v1
}  // namespace relais
