// The baseline of BM_LogCall: the rows DeskService::log_call writes (the
// interaction, its search document, its journal entry) written through the
// sqlite3 C API (see raw_sqlite.h). The raw side skips what log_call reads
// to check the call (the customer and the user): it has nothing to check.
#include <relais/desk/desk_service.h>

#include "bench_call.h"
#include "bench_customer.h"
#include "raw_sqlite.h"

#include <nlohmann/json.hpp>

namespace relais::bench {
namespace {

struct RawCallStatements {
  explicit RawCallStatements(RawDatabase& db)
      : begin(db.prepare("BEGIN IMMEDIATE")),
        commit(db.prepare("COMMIT")),
        insert_interaction(db.prepare(
            "INSERT INTO interactions (id, kind, customer_id, contact_id, site_id, ticket_id, occurred_at, user_login,"
            " subject, notes, direction, phone, duration_seconds, outcome, created_at, updated_at, version)"
            " VALUES (?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        journal(db),
        search(db) {}
  sqlite3_stmt *begin, *commit, *insert_interaction;
  RawJournal journal;
  RawSearchIndex search;
};

// The call as log_call stores it: number in E.164, the acting user, now.
struct StoredCall {
  std::string customer;
  CallDraft draft;
  std::string phone = "+33612345678";
  RawSearchDocument document;  // the words the library folded for this call
};

nlohmann::json created(const char* field, const nlohmann::json& after) {
  return {{"field", field}, {"after", after}};
}

void raw_log_call(RawCallStatements& s, const StoredCall& call, const Clock& clock) {
  const Timestamp time = clock.now();
  const std::int64_t now = time.time_since_epoch().count();
  const std::string id = Uuid::generate(clock).to_string();
  run(s.begin);
  const std::string texts[] = {id, "call", call.customer};
  for (int i = 0; i < 3; ++i) bind_text(s.insert_interaction, i + 1, texts[i]);
  sqlite3_bind_int64(s.insert_interaction, 4, now);
  const std::string more[] = {"admin", call.draft.subject, call.draft.notes, "inbound", call.phone};
  for (int i = 0; i < 5; ++i) bind_text(s.insert_interaction, i + 5, more[i]);
  sqlite3_bind_int64(s.insert_interaction, 10, call.draft.duration.count());
  sqlite3_bind_text(s.insert_interaction, 11, "answered", -1, SQLITE_STATIC);
  sqlite3_bind_int64(s.insert_interaction, 12, now);
  sqlite3_bind_int64(s.insert_interaction, 13, now);
  sqlite3_bind_int64(s.insert_interaction, 14, 1);
  run(s.insert_interaction);
  s.search.write(id, call.document, now);
  nlohmann::json payload = nlohmann::json::array(
      {created("kind", "call"), created("customer", call.customer), created("occurred_at", format_timestamp(time)),
       created("user", "admin"), created("subject", call.draft.subject), created("notes", call.draft.notes),
       created("direction", "inbound"), created("phone", call.phone),
       created("duration", call.draft.duration.count()), created("outcome", "answered")});
  s.journal.append("call", id, "log", payload.dump(), now);
  run(s.commit);
}

void BM_RawSqliteLogCall(benchmark::State& state) {
  ScratchFolder folder;
  StoredCall call;
  Uuid reference;
  std::string path = prepared_database(folder, [&](Workspace& ws) {
    Uuid customer = ws.customers().create(bench_customer(0), {.allow_duplicates = true}).id;
    call.customer = customer.to_string();
    call.draft = bench_call(customer);
    reference = ws.desk().log_call(call.draft).id;
  });
  RawDatabase db(path);
  RawCallStatements statements(db);
  call.document = statements.search.stored(reference.to_string());
  SystemClock clock;
  LatencySamples latency;
  for (auto _ : state) {
    latency.start();
    raw_log_call(statements, call, clock);
    latency.stop();
  }
  latency.report(state);
}
BENCHMARK(BM_RawSqliteLogCall)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace relais::bench
