// The write half of the legacy import: each row the LegacyReader hands out
// becomes a new customer, is merged into the customer that already holds its
// external id or surely is the same, or is rejected. One write transaction
// per batch of rows: this is the bulk path.
#include <relais/customers/customer_service.h>
#include <relais/errors.h>

#include "core/changes.h"
#include "customers/customer_rules.h"
#include "customers/customer_store.h"
#include "customers/customer_writes.h"
#include "customers/duplicate_store.h"
#include "customers/import/import_store.h"
#include "customers/import/legacy_reader.h"
#include "workspace/workspace_core.h"

#include <algorithm>
#include <optional>

namespace relais {
inline namespace v1 {
namespace {

using nlohmann::json;

// A field the import overwrites only when Relais left it as last imported.
// Values are compared as JSON; sites and contacts without their ids, which
// normalize_customer assigns afresh to every row read.
struct SnapshotField {
  std::string_view name;
  json (*value)(const Customer& customer);
  void (*take)(Customer& into, const Customer& from);
};

template <auto Member>
json value_of(const Customer& customer) {
  return json(customer.*Member);
}

template <auto Member>
json value_without_ids(const Customer& customer) {
  auto items = customer.*Member;
  for (auto& item : items) item.id = Uuid{};
  return json(items);
}

template <auto Member>
void take(Customer& into, const Customer& from) {
  into.*Member = from.*Member;
}

// An address or contact updated from the file keeps its id in Relais.
template <auto Member>
void take_keeping_ids(Customer& into, const Customer& from) {
  auto items = from.*Member;
  const auto& kept = into.*Member;
  for (std::size_t i = 0; i < items.size() && i < kept.size(); ++i) items[i].id = kept[i].id;
  into.*Member = std::move(items);
}

const SnapshotField kSnapshotFields[] = {
    {"kind", [](const Customer& customer) { return json(std::string(to_string(customer.kind))); },
     take<&Customer::kind>},
    {"name", value_of<&Customer::name>, take<&Customer::name>},
    {"siret", value_of<&Customer::siret>, take<&Customer::siret>},
    {"vat_number", value_of<&Customer::vat_number>, take<&Customer::vat_number>},
    {"notes", value_of<&Customer::notes>, take<&Customer::notes>},
    {"sites", value_without_ids<&Customer::sites>, take_keeping_ids<&Customer::sites>},
    {"contacts", value_without_ids<&Customer::contacts>, take_keeping_ids<&Customer::contacts>},
};

// Lists merge as a union: a number or tag added on either side survives.
constexpr std::vector<std::string> Customer::*kUnionFields[] = {&Customer::phones, &Customer::emails,
                                                                &Customer::tags};

bool is_empty(const json& value) { return value.is_null() || value.empty() || value == ""; }

json snapshot_of(const Customer& file) {
  json snapshot = json::object();
  for (const auto& field : kSnapshotFields) snapshot[field.name] = field.value(file);
  return snapshot;
}

// A row that passed validation, with what matching needs.
struct PreparedRow {
  std::size_t row = 0;
  Customer file;
  detail::BlockedIdentity identity;
};

// The rows of one batch, inside its write transaction. Rows are validated
// first; then the customers sharing a block with any row are loaded once
// (a CandidatePool), and each row is matched in memory against them and
// against the rows before it.
class BatchImport {
 public:
  BatchImport(detail::WriteScope& scope, const Clock& clock, const std::string& system,
              const MatchThresholds& thresholds, ImportReport& report)
      : scope_(scope), clock_(clock), system_(system), thresholds_(thresholds), report_(report) {}

  void apply(std::vector<detail::ReadRow>& batch) {
    std::vector<PreparedRow> rows = prepare(batch);
    detail::CandidatePool pool(scope_.connection(), blocks_of(rows));
    for (auto& row : rows) apply(row, pool);
  }

 private:
  std::vector<PreparedRow> prepare(std::vector<detail::ReadRow>& batch) {
    std::vector<PreparedRow> rows;
    rows.reserve(batch.size());
    for (auto& read : batch) {
      ++report_.rows;
      if (auto* rejected = std::get_if<detail::RejectedRow>(&read)) {
        reject(rejected->row, std::move(rejected->reason));
        continue;
      }
      auto& imported = std::get<detail::ImportedRow>(read);
      try {
        Customer file = detail::from_draft(detail::normalize_customer(imported.draft, clock_), Customer{});
        detail::BlockedIdentity identity(identity_keys(file));
        rows.push_back({imported.row, std::move(file), std::move(identity)});
      } catch (const InvalidInputError& error) {
        reject(imported.row, detail::rejection_reason("line " + std::to_string(imported.line), error));
      }
    }
    return rows;
  }

  static std::vector<std::string> blocks_of(const std::vector<PreparedRow>& rows) {
    std::vector<std::string> blocks;
    for (const auto& row : rows) {
      blocks.insert(blocks.end(), row.identity.blocks.begin(), row.identity.blocks.end());
    }
    std::sort(blocks.begin(), blocks.end());
    blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
    return blocks;
  }

  void apply(PreparedRow& row, detail::CandidatePool& pool) {
    auto& connection = scope_.connection();
    const std::string& external_id = row.file.external_ids.at(system_);
    if (auto id = detail::customer_with_external_id(connection, system_, external_id)) {
      merge_into(load(*id), row, pool);
      return;
    }
    auto candidates = pool.candidates(row.identity, thresholds_);
    // A customer already holding another id of this system is another record
    // there: never merged automatically, only queued.
    for (const auto& candidate : candidates) {
      if (candidate.match.outcome != MatchOutcome::sure) break;
      Customer existing = load(candidate.id);
      if (!existing.external_ids.contains(system_)) {
        merge_into(existing, row, pool);
        return;
      }
    }
    Uuid created = create(std::move(row.file), row.identity.keys);
    pool.put(created, std::move(row.identity));
    if (candidates.empty()) return;
    for (auto& candidate : candidates) {
      detail::queue_for_review(scope_, created, candidate.id, std::move(candidate.match), clock_);
    }
    ++report_.queued_for_review;
  }

  Customer load(const Uuid& id) {
    auto stored = detail::find_customer(scope_.connection(), id);
    if (!stored) throw NotFoundError("customer", id.to_string());
    return std::move(*stored);
  }

  void reject(std::size_t row, std::string reason) {
    ++report_.rejected;
    report_.rejections.push_back({row, std::move(reason)});
  }

  Uuid create(Customer customer, const IdentityKeys& keys) {
    customer = detail::store_new_customer(scope_, std::move(customer), keys, clock_);
    detail::save_import_snapshot(scope_.connection(), customer.id, system_, snapshot_of(customer).dump(), scope_.now());
    ++report_.imported;
    return customer.id;
  }

  // Writes the file's values into `stored` where Relais did not change them
  // since the last import, and the new snapshot; writes nothing when the
  // row brings nothing new.
  void merge_into(const Customer& stored, const PreparedRow& row, detail::CandidatePool& pool) {
    auto& connection = scope_.connection();
    std::optional<json> snapshot;
    if (auto text = detail::find_import_snapshot(connection, stored.id, system_)) snapshot = json::parse(*text);
    Customer merged = merged_values(stored, row.file, snapshot, row.row);
    if (merged != stored) {
      pool.put(stored.id, detail::BlockedIdentity(identity_keys(merged)));
      detail::store_customer_change(scope_, stored, std::move(merged), "update");
    }
    json file_snapshot = snapshot_of(row.file);
    if (snapshot != file_snapshot) {
      detail::save_import_snapshot(connection, stored.id, system_, file_snapshot.dump(), scope_.now());
    }
    ++report_.merged;
  }

  // Three-way merge of each field between the last imported value (the
  // snapshot), the file and Relais. Without a snapshot (first import from
  // this system into that customer) the file only fills empty fields.
  Customer merged_values(const Customer& stored, const Customer& file, const std::optional<json>& snapshot,
                         std::size_t row) {
    Customer merged = stored;
    for (const auto& field : kSnapshotFields) {
      json in_relais = field.value(stored);
      json in_file = field.value(file);
      if (in_file == in_relais) continue;
      if (!snapshot) {
        if (is_empty(in_relais)) field.take(merged, file);
        continue;
      }
      json last = snapshot->value(field.name, json());
      if (in_relais == last) {
        field.take(merged, file);
      } else if (in_file != last) {  // changed on both sides: Relais wins, the file's value is reported
        report_.differences.push_back({row, stored.id, std::string(field.name), in_relais.dump(), in_file.dump()});
      }
    }
    for (auto member : kUnionFields) {
      auto& items = merged.*member;
      for (const auto& item : file.*member) {
        if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
      }
    }
    merged.external_ids[system_] = file.external_ids.at(system_);
    return merged;
  }

  detail::WriteScope& scope_;
  const Clock& clock_;
  const std::string& system_;
  const MatchThresholds& thresholds_;
  ImportReport& report_;
};

// Data rows of the file, for the progress total: a quick pass without the
// validators, made only when someone watches the progress.
std::size_t count_rows(std::string_view bytes, const detail::MappingProfile& profile) {
  detail::LegacyReader reader(bytes, profile, {.run_validators = false});
  detail::ReadRow row;
  while (reader.next(row)) {
  }
  return reader.row_count();
}

}  // namespace

ImportReport CustomerService::import_csv(std::string_view bytes, std::string_view profile_json,
                                         const ImportOptions& options) {
  if (options.batch_size == 0) throw InvalidInputError("batch_size", "0", "expected at least 1");
  const detail::MappingProfile profile = detail::load_profile(std::string(profile_json));
  detail::LegacyReader reader(bytes, profile);
  ImportReport report;
  report.source = profile.system;
  report.charset = reader.charset();
  ImportProgress progress{.rows_total = options.progress ? count_rows(bytes, profile) : 0};
  std::vector<detail::ReadRow> batch;
  batch.reserve(options.batch_size);
  detail::ReadRow row;
  for (bool more = true; more;) {
    batch.clear();
    while (batch.size() < options.batch_size && (more = reader.next(row))) batch.push_back(std::move(row));
    if (batch.empty()) break;
    core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
      BatchImport(scope, core_.clock(), profile.system, options.thresholds, report).apply(batch);
    });
    progress.rows_done += batch.size();
    if (options.progress) options.progress(progress);
  }
  return report;
}

ImportReport CustomerService::import_file(const std::string& path, const std::string& profile_path,
                                          const ImportOptions& options) {
  const std::string profile = detail::file_contents(profile_path);
  return import_csv(detail::file_contents(path), profile, options);
}

}  // namespace v1
}  // namespace relais
