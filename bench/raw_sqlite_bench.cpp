// The baseline of the customer figures: the same rows as
// CustomerService::create and ::get, written and read through the sqlite3 C
// API (see raw_sqlite.h).
#include <relais/clock.h>
#include <relais/customers/matching.h>
#include <relais/ids.h>

#include "bench_customer.h"
#include "raw_sqlite.h"

#include <nlohmann/json.hpp>

namespace relais::bench {
namespace {

struct RawStatements {
  explicit RawStatements(RawDatabase& db)
      : begin(db.prepare("BEGIN IMMEDIATE")),
        commit(db.prepare("COMMIT")),
        insert_customer(db.prepare(
            "INSERT INTO customers (id, kind, name, phones, emails, siret, vat_number, notes, tags, created_at,"
            " updated_at, archived_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        insert_site(db.prepare(
            "INSERT INTO customer_sites (id, customer_id, position, label, street, postcode, city, country, work_site)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        insert_contact(db.prepare(
            "INSERT INTO customer_contacts (id, customer_id, position, name, role, phones, emails)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)")),
        insert_point(db.prepare("INSERT INTO customer_contact_points (customer_id, kind, value) VALUES (?, ?, ?)")),
        delete_keys(db.prepare("DELETE FROM customer_match_keys WHERE customer_id = ?")),
        insert_key(db.prepare("INSERT INTO customer_match_keys (customer_id, block_key) VALUES (?, ?)")),
        delete_identity(db.prepare("DELETE FROM customer_identities WHERE customer_id = ?")),
        insert_identity(db.prepare("INSERT INTO customer_identities (customer_id, identity) VALUES (?, ?)")),
        journal(db),
        search(db) {}
  sqlite3_stmt *begin, *commit, *insert_customer, *insert_site, *insert_contact, *insert_point, *delete_keys,
      *insert_key, *delete_identity, *insert_identity;
  RawJournal journal;
  RawSearchIndex search;
};

void insert_point(sqlite3_stmt* statement, const std::string& customer_id, const char* kind, const std::string& value) {
  bind_text(statement, 1, customer_id);
  sqlite3_bind_text(statement, 2, kind, -1, SQLITE_STATIC);
  bind_text(statement, 3, value);
  run(statement);
}

// What CustomerService stores for duplicate detection (block keys and the
// identity they were computed from), rewritten as the library does.
struct MatchRows {
  std::vector<std::string> keys;
  std::string identity;  // JSON text
};

void store_keys(RawStatements& s, const std::string& id, const MatchRows& match) {
  bind_text(s.delete_keys, 1, id);
  run(s.delete_keys);
  bind_text(s.delete_identity, 1, id);
  run(s.delete_identity);
  for (const auto& key : match.keys) {
    bind_text(s.insert_key, 1, id);
    bind_text(s.insert_key, 2, key);
    run(s.insert_key);
  }
  bind_text(s.insert_identity, 1, id);
  bind_text(s.insert_identity, 2, match.identity);
  run(s.insert_identity);
}

// The match rows of the benchmark customer, computed once: the raw side has
// no matching to run.
MatchRows match_rows(const CustomerDraft& draft) {
  IdentityKeys keys = identity_keys(draft);
  nlohmann::json identity = {{"company", keys.company}, {"name", keys.name}, {"legal_form", keys.legal_form},
                             {"phones", keys.phones},   {"emails", keys.emails}, {"siren", keys.siren},
                             {"siret", keys.siret},     {"addresses", keys.addresses}, {"postcodes", keys.postcodes}};
  return {blocking_keys(keys), identity.dump()};
}

// What the raw side writes for each customer besides the draft's fields.
struct Precomputed {
  MatchRows keys;
  RawSearchDocument document;
};

// One customer as CustomerService::create stores it (already-normalised
// values, precomputed block keys and search words, since the raw side has no
// validation, matching or folding to run).
void raw_create(RawStatements& s, const CustomerDraft& draft, const Precomputed& precomputed, const Clock& clock) {
  std::int64_t now = clock.now().time_since_epoch().count();
  std::string id = Uuid::generate(clock).to_string();
  std::string phones = nlohmann::json(std::vector<std::string>{"+33123456789"}).dump();
  std::string emails = nlohmann::json(draft.emails).dump();
  run(s.begin);
  const std::string texts[] = {id, "company", draft.name, phones, emails, "", "", "", "[]"};
  for (int i = 0; i < 9; ++i) bind_text(s.insert_customer, i + 1, texts[i]);
  sqlite3_bind_int64(s.insert_customer, 10, now);
  sqlite3_bind_int64(s.insert_customer, 11, now);
  sqlite3_bind_null(s.insert_customer, 12);
  sqlite3_bind_int64(s.insert_customer, 13, 1);
  run(s.insert_customer);
  store_keys(s, id, precomputed.keys);
  s.search.write(id, precomputed.document, now);
  const Site& site = draft.sites[0];
  const std::string site_texts[] = {Uuid::generate(clock).to_string(), id};
  bind_text(s.insert_site, 1, site_texts[0]);
  bind_text(s.insert_site, 2, site_texts[1]);
  sqlite3_bind_int64(s.insert_site, 3, 0);
  const std::string* site_fields[] = {&site.label, &site.street, &site.postcode, &site.city, &site.country};
  for (int i = 0; i < 5; ++i) bind_text(s.insert_site, i + 4, *site_fields[i]);
  sqlite3_bind_int64(s.insert_site, 9, 0);
  run(s.insert_site);
  const Contact& contact = draft.contacts[0];
  std::string contact_id = Uuid::generate(clock).to_string();
  std::string contact_phones = nlohmann::json(std::vector<std::string>{"+33612345678"}).dump();
  std::string contact_emails = nlohmann::json(contact.emails).dump();
  bind_text(s.insert_contact, 1, contact_id);
  bind_text(s.insert_contact, 2, id);
  sqlite3_bind_int64(s.insert_contact, 3, 0);
  bind_text(s.insert_contact, 4, contact.name);
  bind_text(s.insert_contact, 5, contact.role);
  bind_text(s.insert_contact, 6, contact_phones);
  bind_text(s.insert_contact, 7, contact_emails);
  run(s.insert_contact);
  insert_point(s.insert_point, id, "phone", "+33612345678");
  insert_point(s.insert_point, id, "email", contact.emails[0]);
  insert_point(s.insert_point, id, "phone", "+33123456789");
  insert_point(s.insert_point, id, "email", draft.emails[0]);
  nlohmann::json payload = nlohmann::json::array();
  payload.push_back({{"field", "name"}, {"after", draft.name}});
  payload.push_back({{"field", "phones"}, {"after", {"+33123456789"}}});
  payload.push_back({{"field", "emails"}, {"after", draft.emails}});
  payload.push_back({{"field", "sites"}, {"after", {{{"id", site_texts[0]}, {"label", site.label}}}}});
  payload.push_back({{"field", "contacts"}, {"after", {{{"id", contact_id}, {"name", contact.name}}}}});
  s.journal.append("customer", id, "create", payload.dump(), now);
  run(s.commit);
}

// A database with the library's schema, and what the raw side writes for
// bench_customer(): the library's own search words for it are read back
// from a reference customer created through the API.
std::string precomputed_database(const ScratchFolder& folder, Precomputed& precomputed) {
  Uuid reference;
  std::string path = prepared_database(folder, [&](Workspace& ws) {
    reference = ws.customers().create(bench_customer(0), {.allow_duplicates = true}).id;
  });
  RawDatabase db(path);
  precomputed = {match_rows(bench_customer(0)), RawSearchIndex(db).stored(reference.to_string())};
  return path;
}

void BM_RawSqliteCustomerCreate(benchmark::State& state) {
  ScratchFolder folder;
  Precomputed precomputed;
  RawDatabase db(precomputed_database(folder, precomputed));
  RawStatements statements(db);
  SystemClock clock;
  CustomerDraft draft = bench_customer(0);
  LatencySamples latency;
  for (auto _ : state) {
    latency.start();
    raw_create(statements, draft, precomputed, clock);
    latency.stop();
  }
  latency.report(state);
}
BENCHMARK(BM_RawSqliteCustomerCreate)->Unit(benchmark::kMicrosecond);

struct RawCustomer {
  std::string id, kind, name, siret, vat_number, notes;
  std::vector<std::string> phones, emails, tags;
  std::int64_t created_at = 0, updated_at = 0, version = 0;
  std::vector<std::vector<std::string>> sites, contacts, external_ids, contact_points;
};

std::vector<std::string> json_list(const std::string& text) {
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

// Reads every row of `statement` as texts into `out`; the columns listed in
// `json_columns` hold lists, decoded as the library decodes them.
void read_rows(sqlite3_stmt* statement, const std::string& id, std::vector<std::vector<std::string>>& out,
               std::vector<std::vector<std::string>>* json_lists = nullptr, std::initializer_list<int> json_columns = {}) {
  bind_text(statement, 1, id);
  while (sqlite3_step(statement) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(statement); ++c) row.push_back(column_text(statement, c));
    for (int c : json_columns) json_lists->push_back(json_list(row[static_cast<std::size_t>(c)]));
    out.push_back(std::move(row));
  }
  sqlite3_reset(statement);
}

void BM_RawSqliteCustomerGet(benchmark::State& state) {
  ScratchFolder folder;
  Precomputed precomputed;
  RawDatabase db(precomputed_database(folder, precomputed));
  RawStatements statements(db);
  SystemClock clock;
  std::vector<std::string> ids;
  for (int i = 0; i < 1000; ++i) raw_create(statements, bench_customer(i), precomputed, clock);
  auto* list = db.prepare("SELECT id FROM customers");
  while (sqlite3_step(list) == SQLITE_ROW) ids.push_back(column_text(list, 0));
  auto* begin = db.prepare("BEGIN");
  auto* select = db.prepare(
      "SELECT id, kind, name, phones, emails, siret, vat_number, notes, tags, created_at, updated_at,"
      " archived_at, version FROM customers WHERE id = ?");
  auto* sites = db.prepare(
      "SELECT customer_id, id, label, street, postcode, city, country, work_site FROM customer_sites"
      " WHERE customer_id IN (?) ORDER BY customer_id, position");
  auto* contacts = db.prepare(
      "SELECT customer_id, id, name, role, phones, emails FROM customer_contacts WHERE customer_id IN (?)"
      " ORDER BY customer_id, position");
  auto* external = db.prepare(
      "SELECT customer_id, system, value FROM customer_external_ids WHERE customer_id IN (?) ORDER BY customer_id, system");
  LatencySamples latency;
  std::size_t next = 0;
  for (auto _ : state) {
    latency.start();
    const std::string& id = ids[next++ % ids.size()];
    RawCustomer customer;
    run(begin);
    bind_text(select, 1, id);
    if (sqlite3_step(select) == SQLITE_ROW) {
      customer.id = column_text(select, 0);
      customer.kind = column_text(select, 1);
      customer.name = column_text(select, 2);
      customer.phones = json_list(column_text(select, 3));
      customer.emails = json_list(column_text(select, 4));
      customer.tags = json_list(column_text(select, 8));
      customer.version = sqlite3_column_int64(select, 12);
    }
    sqlite3_reset(select);
    read_rows(sites, id, customer.sites);
    read_rows(contacts, id, customer.contacts, &customer.contact_points, {4, 5});
    read_rows(external, id, customer.external_ids);
    run(statements.commit);
    benchmark::DoNotOptimize(customer);
    latency.stop();
  }
  latency.report(state);
}
BENCHMARK(BM_RawSqliteCustomerGet)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace relais::bench
