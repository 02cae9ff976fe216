// The baseline: the same rows as CustomerService::create and ::get, written
// and read through the sqlite3 C API with prepared statements, including the
// journal row with the same hash chain. The schema is the library's own
// (created by opening a workspace), so both sides touch identical tables.
#include <relais/clock.h>
#include <relais/customers/matching.h>
#include <relais/ids.h>
#include <relais/workspace.h>

#include "bench_customer.h"
#include "latency.h"

#include <nlohmann/json.hpp>
#include <openssl/sha.h>
#include <sqlite3.h>

#include <stdexcept>

namespace relais::bench {
namespace {

std::string sha256_hex(const std::string& data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0xF];
  }
  return hex;
}

void append_field(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

class RawDatabase {
 public:
  explicit RawDatabase(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("open failed");
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000");
  }
  ~RawDatabase() {
    for (auto* statement : statements_) sqlite3_finalize(statement);
    sqlite3_close(db_);
  }
  void exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_));
  }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sqlite3_errmsg(db_));
    }
    statements_.push_back(statement);
    return statement;
  }

 private:
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
};

void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void run(sqlite3_stmt* statement) {
  int status = sqlite3_step(statement);
  sqlite3_reset(statement);
  if (status != SQLITE_DONE && status != SQLITE_ROW) throw std::runtime_error("step failed");
}

std::string column_text(sqlite3_stmt* statement, int column) {
  auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  return text ? text : "";
}

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
        select_head(db.prepare("SELECT sequence, hash FROM journal_head WHERE id = 1")),
        insert_journal(db.prepare(
            "INSERT INTO journal (sequence, time, actor, entity, entity_id, action, payload, payload_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        update_head(db.prepare("UPDATE journal_head SET sequence = ?, hash = ? WHERE id = 1")) {}
  sqlite3_stmt *begin, *commit, *insert_customer, *insert_site, *insert_contact, *insert_point, *delete_keys,
      *insert_key, *delete_identity, *insert_identity, *select_head, *insert_journal, *update_head;
};

void insert_point(sqlite3_stmt* statement, const std::string& customer_id, const char* kind, const std::string& value) {
  bind_text(statement, 1, customer_id);
  sqlite3_bind_text(statement, 2, kind, -1, SQLITE_STATIC);
  bind_text(statement, 3, value);
  run(statement);
}

void append_journal_row(RawStatements& s, const std::string& entity_id, const std::string& payload, std::int64_t now) {
  sqlite3_step(s.select_head);
  std::int64_t sequence = sqlite3_column_int64(s.select_head, 0) + 1;
  std::string previous = column_text(s.select_head, 1);
  sqlite3_reset(s.select_head);
  std::string payload_hash = sha256_hex(payload);
  std::string chained;
  for (const std::string& field : {previous, std::to_string(sequence), std::to_string(now), std::string("admin"),
                                   std::string("customer"), entity_id, std::string("create"), payload_hash}) {
    append_field(chained, field);
  }
  std::string hash = sha256_hex(chained);
  sqlite3_bind_int64(s.insert_journal, 1, sequence);
  sqlite3_bind_int64(s.insert_journal, 2, now);
  sqlite3_bind_text(s.insert_journal, 3, "admin", -1, SQLITE_STATIC);
  sqlite3_bind_text(s.insert_journal, 4, "customer", -1, SQLITE_STATIC);
  bind_text(s.insert_journal, 5, entity_id);
  sqlite3_bind_text(s.insert_journal, 6, "create", -1, SQLITE_STATIC);
  bind_text(s.insert_journal, 7, payload);
  bind_text(s.insert_journal, 8, payload_hash);
  bind_text(s.insert_journal, 9, hash);
  run(s.insert_journal);
  sqlite3_bind_int64(s.update_head, 1, sequence);
  bind_text(s.update_head, 2, hash);
  run(s.update_head);
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

// One customer as CustomerService::create stores it (already-normalised
// values and precomputed block keys, since the raw side has no validation
// or matching to run).
void raw_create(RawStatements& s, const CustomerDraft& draft, const MatchRows& keys, const Clock& clock) {
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
  store_keys(s, id, keys);
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
  payload.push_back({{"field", "name"}, {"before", nullptr}, {"after", draft.name}});
  payload.push_back({{"field", "phones"}, {"before", nullptr}, {"after", {"+33123456789"}}});
  payload.push_back({{"field", "emails"}, {"before", nullptr}, {"after", draft.emails}});
  payload.push_back({{"field", "sites"}, {"before", nullptr}, {"after", {{{"id", site_texts[0]}, {"label", site.label}}}}});
  payload.push_back({{"field", "contacts"}, {"before", nullptr}, {"after", {{{"id", contact_id}, {"name", contact.name}}}}});
  append_journal_row(s, id, payload.dump(), now);
  run(s.commit);
}

// A fresh workspace file with the library's schema, closed again.
std::string prepared_database(const ScratchFolder& folder) {
  std::string path = folder.file("raw.db");
  Workspace::open("sqlite://" + path + "?synchronous=NORMAL");
  return path;
}

void BM_RawSqliteCustomerCreate(benchmark::State& state) {
  ScratchFolder folder;
  RawDatabase db(prepared_database(folder));
  RawStatements statements(db);
  SystemClock clock;
  CustomerDraft draft = bench_customer(0);
  MatchRows keys = match_rows(draft);
  LatencySamples latency;
  for (auto _ : state) {
    latency.start();
    raw_create(statements, draft, keys, clock);
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
  RawDatabase db(prepared_database(folder));
  RawStatements statements(db);
  SystemClock clock;
  std::vector<std::string> ids;
  MatchRows keys = match_rows(bench_customer(0));
  for (int i = 0; i < 1000; ++i) raw_create(statements, bench_customer(i), keys, clock);
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
