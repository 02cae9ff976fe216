// The call-log import. Calls handed over by a telephony connector and calls
// read from a phone system's CSV export are stored by the same CallWriter,
// so that both paths trace, skip and reject a call alike.
#include <relais/desk/desk_service.h>
#include <relais/errors.h>

#include "customers/import/profile_json.h"
#include "desk/call_log_reader.h"
#include "desk/desk_rules.h"
#include "desk/desk_store.h"
#include "desk/desk_writes.h"
#include "workspace/workspace_core.h"

#include <algorithm>
#include <chrono>
#include <map>

namespace relais {
inline namespace v1 {
namespace {

using namespace std::chrono_literals;

// A call typed in by hand this close to a logged call's start or end is
// that call: people log it while it rings or right after hanging up.
constexpr auto kSameCallMargin = 60s;

// A call to store, and where it came from for the report.
struct NumberedCall {
  std::size_t row = 0;      // data row, or position in the connector's list
  std::string where;        // "line 12", "call 3": what a rejection starts with
  CallRecord record;
};

// Stores the calls of one batch inside its write transaction.
class CallWriter {
 public:
  CallWriter(detail::WriteScope& scope, const detail::WorkspaceCore& core, const PhoneSystem& phone_system,
             CallLogReport& report)
      : scope_(scope), core_(core), phone_system_(phone_system), report_(report) {
    // Profiles fold their keys; a connector's caller may not have.
    for (const auto& [extension, login] : phone_system.users) users_[detail::fold_for_matching(extension)] = login;
  }

  void apply(const NumberedCall& call) {
    try {
      Interaction interaction = traced_call(call.record);
      if (detail::call_already_logged(scope_.connection(), interaction, kSameCallMargin)) {
        ++report_.already_logged;
        return;
      }
      attach_customer(interaction);
      detail::store_interaction(scope_, std::move(interaction), core_.clock(), core_.actor().login);
      ++report_.imported;
    } catch (const InvalidInputError& error) {
      ++report_.rejected;
      report_.rejections.push_back({call.row, detail::rejection_reason(call.where, error)});
    }
  }

 private:
  // The call as log_call() would store it, still to qualify, with what the
  // phone system said about it. Throws InvalidInputError like log_call().
  Interaction traced_call(const CallRecord& record) const {
    CallDraft draft;
    draft.direction = record.direction;
    draft.phone = record.number;
    draft.started_at = record.started_at;
    draft.duration = record.duration;
    draft.outcome = CallOutcome::to_qualify;
    if (auto user = users_.find(detail::fold_for_matching(record.extension)); user != users_.end()) {
      draft.user = user->second;
    }
    Interaction call = detail::interaction_from_call(draft, scope_.now());
    call.source = CallSource{phone_system_.system, record.call_id, record.extension, record.answered};
    return call;
  }

  // Caller lookup: the customer when exactly one owns the number.
  void attach_customer(Interaction& call) {
    CallerLookup callers = detail::find_callers(scope_.connection(), call.phone);
    if (callers.matches.size() != 1) return;
    call.customer = callers.matches.front().customer.id;
    if (const auto& contact = callers.matches.front().contact) call.contact = contact->id;
    ++report_.matched;
  }

  detail::WriteScope& scope_;
  const detail::WorkspaceCore& core_;
  const PhoneSystem& phone_system_;
  CallLogReport& report_;
  std::map<std::string, std::string> users_;  // folded extension -> login
};

// Stores `batch` in one transaction, then empties it.
void write_calls(detail::WorkspaceCore& core, const PhoneSystem& phone_system, std::vector<NumberedCall>& batch,
                 CallLogReport& report) {
  if (batch.empty()) return;
  core.write(detail::Action::write, [&](detail::WriteScope& scope) {
    CallWriter writer(scope, core, phone_system, report);
    for (const auto& call : batch) writer.apply(call);
  });
  batch.clear();
}

void check_options(const PhoneSystem& phone_system, const DeskImportOptions& options) {
  FieldErrors errors;
  if (phone_system.system.empty()) errors.add("system", "", "must not be empty");
  if (options.batch_size == 0) errors.add("batch_size", "0", "expected at least 1");
  errors.throw_if_any();
}

}  // namespace

CallLogReport DeskService::import_calls(const PhoneSystem& phone_system, const std::vector<CallRecord>& calls,
                                        const DeskImportOptions& options) {
  check_options(phone_system, options);
  CallLogReport report;
  report.system = phone_system.system;
  std::vector<NumberedCall> batch;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    ++report.rows;
    batch.push_back({i + 1, "call " + std::to_string(i + 1), calls[i]});
    if (batch.size() == options.batch_size) write_calls(core_, phone_system, batch, report);
  }
  write_calls(core_, phone_system, batch, report);
  return report;
}

CallLogReport DeskService::import_call_log(std::string_view csv_bytes, std::string_view profile_json,
                                           const DeskImportOptions& options) {
  const detail::CallLogProfile profile = detail::load_call_log_profile(std::string(profile_json));
  check_options(profile.phone_system, options);
  detail::CallLogReader reader(csv_bytes, profile);
  CallLogReport report;
  report.system = profile.phone_system.system;
  report.charset = reader.charset();
  std::vector<NumberedCall> batch;
  detail::CallLogRow row;
  while (reader.next(row)) {
    ++report.rows;
    if (auto* call = std::get_if<detail::ReadCall>(&row)) {
      batch.push_back({call->row, "line " + std::to_string(call->line), std::move(call->call)});
    } else if (auto* rejected = std::get_if<detail::RejectedRow>(&row)) {
      ++report.rejected;
      report.rejections.push_back({rejected->row, std::move(rejected->reason)});
    } else {
      ++report.ignored;
    }
    if (batch.size() == options.batch_size) write_calls(core_, profile.phone_system, batch, report);
  }
  write_calls(core_, profile.phone_system, batch, report);
  // The reader's rejections come first, the writer's after each batch.
  std::stable_sort(report.rejections.begin(), report.rejections.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
  return report;
}

CallLogReport DeskService::import_call_log_file(const std::string& path, const std::string& profile_path,
                                                const DeskImportOptions& options) {
  const std::string profile = detail::file_contents(profile_path);
  return import_call_log(detail::file_contents(path), profile, options);
}

}  // namespace v1
}  // namespace relais
