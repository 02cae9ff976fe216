// CustomerService::merge, unmerge and history (which follows merge links).
//
// Decisions (see also merge.h):
// - Scalar fields (kind, name, siret, vat_number, notes) come from the record
//   named in options.picked, else per options.rule. most_complete compares
//   text lengths; kind is never empty, so it stays the survivor's unless
//   picked or the rule is most_recent. Ties go to the survivor.
// - phones, emails and tags are united (survivor's first, no repeats);
//   contacts and sites move to the survivor keeping their ids.
// - external_ids are united; a system on which both records hold different
//   values is refused with ConflictError unless picked as
//   "external_ids.<system>": silently dropping an id of another system would
//   break its next sync.
// - The other record keeps its scalar fields for reading, loses everything
//   that moved (and its phones, emails and tags, so lookups find the
//   survivor only) and is archived.
// - unmerge restores the other from its before-image (only version and
//   updated_at differ). Each field of the survivor goes back to its
//   before-image when untouched since the merge; otherwise the later edit is
//   kept, minus the values the merge brought in, and reported as a conflict
//   when the merge had changed that field.
#include <relais/customers/customer_service.h>
#include <relais/errors.h>

#include "core/changes.h"
#include "customers/customer_store.h"
#include "customers/customer_rules.h"
#include "customers/customer_writes.h"
#include "customers/merge_store.h"
#include "workspace/workspace_core.h"

#include <algorithm>
#include <array>
#include <functional>

namespace relais::inline v1 {
namespace {

using nlohmann::json;

constexpr std::string_view kCustomer = "customer";
constexpr std::string_view kMergeEntity = "customer_merge";
constexpr std::string_view kExternalIdPick = "external_ids.";
constexpr std::array<std::string_view, 5> kScalarFields = {"kind", "name", "siret", "vat_number", "notes"};

// The stored record, checked to be at `expected_version` and not merged away.
Customer mergeable(spi::Connection& connection, const Uuid& id, std::int64_t expected_version) {
  auto stored = detail::find_customer(connection, id);
  if (!stored) throw NotFoundError("customer", id.to_string());
  if (stored->version != expected_version) throw detail::stale_version(*stored, expected_version);
  if (auto survivor = detail::live_survivor_of(connection, id)) {
    throw ConflictError("customer " + id.to_string() + " is already merged into " + survivor->to_string(),
                        {{"entity", "customer"}, {"id", id.to_string()}, {"survivor", survivor->to_string()}});
  }
  return std::move(*stored);
}

void check_picks(const MergeOptions& options, const Uuid& survivor, const Uuid& other) {
  FieldErrors errors;
  for (const auto& [field, id] : options.picked) {
    std::string name = "picked." + field;
    bool known = std::ranges::find(kScalarFields, field) != kScalarFields.end() ||
                 (field.starts_with(kExternalIdPick) && field.size() > kExternalIdPick.size());
    if (!known) {
      errors.add(name, field, "only kind, name, siret, vat_number, notes or external_ids.<system> can be picked");
    } else if (id != survivor && id != other) {
      errors.add(name, id.to_string(), "is neither of the merged records");
    }
  }
  errors.throw_if_any();
}

// Whether a scalar field is taken from the other record.
bool take_from_other(const std::string& field, const Customer& survivor, const Customer& other,
                     const json& survivor_fields, const json& other_fields, const MergeOptions& options) {
  if (auto pick = options.picked.find(field); pick != options.picked.end()) return pick->second == other.id;
  if (options.rule == Survivorship::most_recent) return other.updated_at > survivor.updated_at;
  if (field == "kind") return false;
  return other_fields.at(field).get_ref<const std::string&>().size() >
         survivor_fields.at(field).get_ref<const std::string&>().size();
}

template <typename T>
void unite(std::vector<T>& into, const std::vector<T>& from) {
  for (const auto& item : from) {
    if (std::ranges::find(into, item) == into.end()) into.push_back(item);
  }
}

// Children keep their ids: references to them (quotes, interventions) stay valid.
template <typename Child>
void move_children(std::vector<Child>& into, const std::vector<Child>& from) {
  for (const auto& child : from) {
    if (std::ranges::find(into, child.id, &Child::id) == into.end()) into.push_back(child);
  }
}

void unite_external_ids(Customer& merged, const Customer& other, const MergeOptions& options) {
  for (const auto& [system, value] : other.external_ids) {
    auto [held, inserted] = merged.external_ids.try_emplace(system, value);
    if (inserted || held->second == value) continue;
    auto pick = options.picked.find(std::string(kExternalIdPick) + system);
    if (pick == options.picked.end()) {
      throw ConflictError("both customers have an id in " + system + " (" + held->second + ", " + value +
                              "): pick one with options.picked[\"external_ids." + system + "\"]",
                          {{"field", "external_ids." + system}});
    }
    if (pick->second == other.id) held->second = value;
  }
}

Customer merged_record(const Customer& survivor, const Customer& other, const MergeOptions& options) {
  json survivor_fields = detail::customer_json(survivor);
  json other_fields = detail::customer_json(other);
  json merged_fields = survivor_fields;
  for (auto field : kScalarFields) {
    std::string name(field);
    if (take_from_other(name, survivor, other, survivor_fields, other_fields, options)) {
      merged_fields[name] = other_fields[name];
    }
  }
  Customer merged = detail::customer_from_json(merged_fields);
  unite(merged.phones, other.phones);
  unite(merged.emails, other.emails);
  unite(merged.tags, other.tags);
  move_children(merged.contacts, other.contacts);
  move_children(merged.sites, other.sites);
  unite_external_ids(merged, other, options);
  return merged;
}

// What is left of the other record once its content moved to the survivor.
Customer absorbed_record(const Customer& other, Timestamp now) {
  Customer absorbed = other;
  absorbed.phones.clear();
  absorbed.emails.clear();
  absorbed.tags.clear();
  absorbed.contacts.clear();
  absorbed.sites.clear();
  absorbed.external_ids.clear();
  absorbed.archived_at = now;
  return absorbed;
}

std::vector<FieldChange> link_change(std::string_view field, const Uuid& to) {
  detail::ChangeList changes;
  changes.created(field, to.to_string());
  return changes.take();
}

json without(const json& items, const std::function<bool(const json&)>& drop) {
  json kept = json::array();
  for (const auto& item : items) {
    if (!drop(item)) kept.push_back(item);
  }
  return kept;
}

// external_ids: drops or reverts each value the merge set, unless edited since.
json without_brought_ids(json current, const json& before, const json& after) {
  for (const auto& [system, value] : after.items()) {
    if (before.value(system, json()) == value || current.value(system, json()) != value) continue;
    if (before.contains(system)) {
      current[system] = before[system];
    } else {
      current.erase(system);
    }
  }
  return current;
}

// `current` (a list or an object) without the values the merge brought in.
json without_brought_values(const std::string& field, const json& current, const json& before, const json& after,
                            const json& other_before) {
  if (field == "contacts" || field == "sites") {
    // Moved children go back to the other record, found by id even if edited.
    return without(current, [&](const json& child) {
      return std::ranges::any_of(other_before.at(field),
                                 [&](const json& moved) { return moved.at("id") == child.at("id"); });
    });
  }
  if (current.is_object()) return without_brought_ids(current, before, after);
  if (!current.is_array()) return current;
  return without(current, [&](const json& item) {
    return std::ranges::find(after, item) != after.end() && std::ranges::find(before, item) == before.end();
  });
}

Customer unmerged_survivor(const detail::MergeRecord& merge, const Customer& current,
                           std::vector<std::string>& conflicts) {
  json before = detail::customer_json(merge.survivor_before);
  json after = detail::customer_json(merge.survivor_after);
  json now = detail::customer_json(current);
  json other_before = detail::customer_json(merge.other_before);
  json restored = now;
  auto restore = [&](const std::string& field) {
    if (now[field] == after[field]) {
      restored[field] = before[field];
      return;
    }
    if (before[field] != after[field]) conflicts.push_back(field + ": edited after the merge; kept");
    restored[field] = without_brought_values(field, now[field], before[field], after[field], other_before);
  };
  for (auto field : detail::kRecordFields) restore(std::string(field));
  restore("archived_at");
  return detail::customer_from_json(restored);
}

void collect_history(spi::Connection& connection, const Uuid& id, std::vector<JournalEntry>& entries) {
  auto own = detail::read_history(connection, kCustomer, id.to_string());
  entries.insert(entries.end(), own.begin(), own.end());
  for (const auto& other : detail::live_merged_into(connection, id)) collect_history(connection, other, entries);
}

}  // namespace

MergeResult CustomerService::merge(const Uuid& survivor_id, std::int64_t survivor_version, const Uuid& other_id,
                                   std::int64_t other_version, const MergeOptions& options) {
  if (survivor_id == other_id) {
    throw InvalidInputError("other", other_id.to_string(), "a customer cannot be merged into itself");
  }
  check_picks(options, survivor_id, other_id);
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    Customer survivor = mergeable(connection, survivor_id, survivor_version);
    Customer other = mergeable(connection, other_id, other_version);
    Customer merged = merged_record(survivor, other, options);
    // The other first: its children and external ids are unique keys the
    // survivor is about to take over.
    detail::store_customer_change(scope, other, absorbed_record(other, scope.now()), "merged_into",
                                  link_change("merged_into", survivor_id));
    MergeResult result{Uuid::generate(core_.clock()),
                       detail::store_customer_change(scope, survivor, std::move(merged), "merge")};
    detail::insert_merge(connection, {result.merge_id, survivor, other, result.survivor, scope.now(), std::nullopt,
                                      core_.actor().login});
    auto links = link_change("survivor_id", survivor_id);
    auto other_link = link_change("other_id", other_id);
    links.insert(links.end(), other_link.begin(), other_link.end());
    scope.record({std::string(kMergeEntity), result.merge_id.to_string(), "merge", std::move(links)});
    return result;
  });
}

UnmergeResult CustomerService::unmerge(const Uuid& merge_id) {
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    auto merge = detail::find_merge(connection, merge_id);
    if (!merge) throw NotFoundError(std::string(kMergeEntity), merge_id.to_string());
    if (!detail::mark_merge_undone(connection, merge_id, scope.now())) {
      throw ConflictError("merge " + merge_id.to_string() + " is already undone",
                          {{"entity", std::string(kMergeEntity)}, {"id", merge_id.to_string()}});
    }
    const Uuid& survivor_id = merge->survivor_before.id;
    if (auto later = detail::live_survivor_of(connection, survivor_id)) {
      throw ConflictError("customer " + survivor_id.to_string() + " was since merged into " + later->to_string() +
                              ": undo that merge first",
                          {{"entity", "customer"}, {"id", survivor_id.to_string()}, {"survivor", later->to_string()}});
    }
    Customer survivor = *detail::find_customer(connection, survivor_id);
    Customer other = *detail::find_customer(connection, merge->other_before.id);
    UnmergeResult result;
    // The survivor first: it gives back the children and external ids the
    // other takes back.
    result.survivor = detail::store_customer_change(
        scope, survivor, unmerged_survivor(*merge, survivor, result.conflicts), "unmerge");
    if (auto owner = detail::external_id_owner(connection, merge->other_before)) {
      throw ConflictError("an external id of customer " + other.id.to_string() + " now belongs to customer " + *owner,
                          {{"field", "external_ids"}, {"owner", *owner}});
    }
    result.restored = detail::store_customer_change(scope, other, merge->other_before, "unmerge");
    detail::ChangeList undone;
    undone.created("undone_at", format_timestamp(scope.now()));
    scope.record({std::string(kMergeEntity), merge_id.to_string(), "unmerge", undone.take()});
    return result;
  });
}

std::vector<JournalEntry> CustomerService::history(const Uuid& id) const {
  return core_.read([&](spi::Connection& connection) {
    if (!detail::find_customer(connection, id)) throw NotFoundError("customer", id.to_string());
    std::vector<JournalEntry> entries;
    collect_history(connection, id, entries);
    std::ranges::sort(entries, {}, &JournalEntry::sequence);
    return entries;
  });
}

}  // namespace relais::inline v1
