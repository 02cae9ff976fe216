// The follow-up sheet import: each row of the office's old sheet becomes a
// ticket and a note on its customer, checked, numbered and journaled like
// those typed in (desk_writes.h), and remembered by its row key so that the
// sheet can be imported again as it grows.
#include <relais/customers/matching.h>
#include <relais/customers/validation.h>
#include <relais/desk/desk_service.h>
#include <relais/errors.h>

#include "core/civil_time.h"
#include "customers/customer_store.h"
#include "desk/desk_rules.h"
#include "desk/desk_store.h"
#include "desk/desk_writes.h"
#include "desk/follow_up_reader.h"
#include "workspace/workspace_core.h"

#include <algorithm>
#include <map>

namespace relais {
inline namespace v1 {
namespace {

// "Mme Ropars, 06 12 34 56 78": the row's customer, for a rejection.
std::string who(const CustomerDraft& customer) {
  std::string text = customer.name;
  for (const auto* list : {&customer.phones, &customer.emails}) {
    for (const auto& item : *list) text += (text.empty() ? "" : ", ") + item;
  }
  return text;
}

// Stores the rows of one batch inside its write transaction.
class FollowUpWriter {
 public:
  FollowUpWriter(detail::WriteScope& scope, const detail::WorkspaceCore& core, const std::string& system,
                 FollowUpReport& report)
      : scope_(scope), core_(core), system_(system), report_(report) {}

  void apply(const detail::FollowUpRow& row) {
    auto& connection = scope_.connection();
    if (detail::follow_up_row_imported(connection, system_, row.key)) {
      ++report_.already_imported;
      return;
    }
    try {
      const Uuid customer = matched_customer(row.customer);
      Ticket ticket = imported_ticket(row, customer);
      Interaction note = request_note(row, customer);
      ticket = detail::store_ticket(scope_, std::move(ticket), core_.clock());
      note.ticket = ticket.id;
      note = detail::store_interaction(scope_, std::move(note), core_.clock(), core_.actor().login);
      detail::record_follow_up_row(connection, system_, row.key, ticket.id, note.id, scope_.now());
      ++report_.imported;
    } catch (const InvalidInputError& error) {
      ++report_.rejected;
      report_.rejections.push_back({row.row, detail::rejection_reason("line " + std::to_string(row.line), error)});
    }
  }

 private:
  // The one customer owning the row's phones or emails. When several do
  // (relatives, a switchboard, a duplicate awaiting review), the row's name
  // picks the one whose matching name key (identity_keys: case, accents,
  // word order, civility and legal form aside) is the same, if any. A name
  // alone finds nobody: the matcher's candidates share a name block only
  // with a postcode, which a follow-up sheet does not have. Throws
  // InvalidInputError ("customer") for none or several.
  Uuid matched_customer(const CustomerDraft& row) {
    auto& connection = scope_.connection();
    std::map<Uuid, Customer> owners;
    const auto add_owners = [&](std::string_view kind, const std::string& value) {
      for (const auto& id : detail::customers_with_contact_point(connection, kind, value)) {
        auto stored = detail::find_customer(connection, id);
        if (stored && !stored->archived_at) owners.emplace(id, std::move(*stored));
      }
    };
    for (const auto& phone : row.phones) add_owners("phone", normalize_phone(phone));
    for (const auto& email : row.emails) add_owners("email", normalize_email(email));
    if (owners.size() > 1 && !row.name.empty()) {
      const std::string name = identity_keys(row).name;
      auto named = owners;
      std::erase_if(named, [&](const auto& owner) { return identity_keys(owner.second).name != name; });
      if (!named.empty()) owners = std::move(named);
    }
    if (owners.size() == 1) return owners.begin()->first;
    if (owners.empty()) {
      throw InvalidInputError("customer", who(row),
                              "no customer has this phone or email (import or create the customer first)");
    }
    std::string names;
    // Two customers may bear one name (the same company in two systems):
    // the ids tell them apart.
    for (const auto& [id, owner] : owners) {
      names += (names.empty() ? "" : ", ") + owner.name + " (" + id.to_string() + ")";
    }
    throw InvalidInputError("customer", who(row),
                            "matches " + std::to_string(owners.size()) + " customers: " + names);
  }

  // The row's ticket, checked like open_ticket(), already in the sheet's
  // status: the lifecycle's moves are for changes made in Relais, not for
  // history typed elsewhere.
  Ticket imported_ticket(const detail::FollowUpRow& row, const Uuid& customer) const {
    TicketDraft draft = row.ticket;
    draft.customer = customer;
    Ticket ticket = detail::ticket_from_draft(draft, scope_.now());
    if (ticket.kind == TicketKind::technician_request) ticket.requested_by = core_.actor().login;
    ticket.status = row.status;
    if (row.status == TicketStatus::resolved || row.status == TicketStatus::closed) ticket.resolved_at = scope_.now();
    if (row.status == TicketStatus::closed) ticket.closed_at = scope_.now();
    return ticket;
  }

  // The note tracing the request on the customer's timeline, at the row's
  // date (midnight, Paris time: the sheet has no hour).
  Interaction request_note(const detail::FollowUpRow& row, const Uuid& customer) const {
    InteractionDraft draft;
    draft.kind = InteractionKind::note;
    draft.customer = customer;
    draft.occurred_at = detail::paris_instant(row.day, std::chrono::seconds(0));
    draft.subject = row.ticket.subject;
    draft.notes = row.ticket.description;
    return detail::interaction_from_draft(draft, scope_.now());
  }

  detail::WriteScope& scope_;
  const detail::WorkspaceCore& core_;
  const std::string& system_;
  FollowUpReport& report_;
};

void write_rows(detail::WorkspaceCore& core, const std::string& system, std::vector<detail::FollowUpRow>& batch,
                FollowUpReport& report) {
  if (batch.empty()) return;
  core.write(detail::Action::write, [&](detail::WriteScope& scope) {
    FollowUpWriter writer(scope, core, system, report);
    for (const auto& row : batch) writer.apply(row);
  });
  batch.clear();
}

}  // namespace

FollowUpReport DeskService::import_follow_up(std::string_view csv_bytes, std::string_view profile_json,
                                             const DeskImportOptions& options) {
  const detail::FollowUpProfile profile = detail::load_follow_up_profile(std::string(profile_json));
  if (options.batch_size == 0) throw InvalidInputError("batch_size", "0", "expected at least 1");
  detail::FollowUpReader reader(csv_bytes, profile);
  FollowUpReport report;
  report.system = profile.system;
  report.charset = reader.charset();
  std::vector<detail::FollowUpRow> batch;
  detail::FollowUpSheetRow row;
  while (reader.next(row)) {
    ++report.rows;
    if (auto* read = std::get_if<detail::FollowUpRow>(&row)) {
      batch.push_back(std::move(*read));
    } else {
      auto& rejected = std::get<detail::RejectedRow>(row);
      ++report.rejected;
      report.rejections.push_back({rejected.row, std::move(rejected.reason)});
    }
    if (batch.size() == options.batch_size) write_rows(core_, profile.system, batch, report);
  }
  write_rows(core_, profile.system, batch, report);
  // The reader's rejections come first, the writer's after each batch.
  std::stable_sort(report.rejections.begin(), report.rejections.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
  return report;
}

FollowUpReport DeskService::import_follow_up_file(const std::string& path, const std::string& profile_path,
                                                  const DeskImportOptions& options) {
  const std::string profile = detail::file_contents(profile_path);
  return import_follow_up(detail::file_contents(path), profile, options);
}

}  // namespace v1
}  // namespace relais
