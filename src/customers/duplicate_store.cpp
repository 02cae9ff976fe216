#include "customers/duplicate_store.h"
#include "storage/sql.h"

#include "core/changes.h"
#include "core/text.h"
#include "customers/customer_store.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace relais::inline v1::detail {
namespace {

void create_matching_tables(spi::Connection& connection) {
  connection.execute_script(
      // One row per block a customer falls in (see blocking_keys).
      "CREATE TABLE customer_match_keys ("
      " customer_id TEXT NOT NULL REFERENCES customers (id),"
      " block_key TEXT NOT NULL);"
      "CREATE INDEX customer_match_keys_by_key ON customer_match_keys (block_key, customer_id);"
      "CREATE INDEX customer_match_keys_by_customer ON customer_match_keys (customer_id);"
      // Each customer's comparison keys, so candidates are scored without
      // loading whole records.
      "CREATE TABLE customer_identities ("
      " customer_id TEXT PRIMARY KEY REFERENCES customers (id),"
      " identity TEXT NOT NULL);"
      "CREATE TABLE duplicate_pairs ("
      " id TEXT PRIMARY KEY,"
      " a TEXT NOT NULL REFERENCES customers (id),"
      " b TEXT NOT NULL REFERENCES customers (id),"
      " score REAL NOT NULL,"
      " outcome TEXT NOT NULL,"
      " reasons TEXT NOT NULL,"
      " status TEXT NOT NULL,"
      " found_at BIGINT NOT NULL,"
      " version BIGINT NOT NULL,"
      " UNIQUE (a, b));"
      "CREATE INDEX duplicate_pairs_by_status ON duplicate_pairs (status, score, id);"
      // The batch finder's runs; one without finished_at is resumed.
      "CREATE TABLE duplicate_finder_runs ("
      " id TEXT PRIMARY KEY,"
      " started_at BIGINT NOT NULL,"
      " last_customer_id TEXT NOT NULL,"
      " finished_at BIGINT)");
}

// Customers stored before this area existed get their keys now.
void backfill_match_keys(spi::Connection& connection) {
  CustomerQuery query;
  query.limit = 500;
  for (;;) {
    auto page = customer_page(connection, query);
    for (const auto& customer : page) insert_match_keys(connection, customer, identity_keys(customer));
    if (page.size() < query.limit) break;
    query.after = page.back().id.to_string();
  }
}

void index_pairs_by_b(spi::Connection& connection) {
  connection.execute_script("CREATE INDEX duplicate_pairs_by_b ON duplicate_pairs (b)");
}

const Migration kMatchingMigrations[] = {
    {1, "block keys, review queue, finder runs", create_matching_tables},
    {2, "block keys of existing customers", backfill_match_keys},
    {3, "review pairs found by either customer", index_pairs_by_b},
};

nlohmann::json identity_json(const IdentityKeys& keys) {
  return {{"company", keys.company}, {"name", keys.name},       {"legal_form", keys.legal_form},
          {"phones", keys.phones},   {"emails", keys.emails},   {"siren", keys.siren},
          {"siret", keys.siret},     {"addresses", keys.addresses}, {"postcodes", keys.postcodes}};
}

IdentityKeys identity_from_json(const nlohmann::json& json) {
  IdentityKeys keys;
  json.at("company").get_to(keys.company);
  json.at("name").get_to(keys.name);
  json.at("legal_form").get_to(keys.legal_form);
  json.at("phones").get_to(keys.phones);
  json.at("emails").get_to(keys.emails);
  json.at("siren").get_to(keys.siren);
  json.at("siret").get_to(keys.siret);
  json.at("addresses").get_to(keys.addresses);
  json.at("postcodes").get_to(keys.postcodes);
  return keys;
}

// Blocks per query: far below the bound-parameter limits of SQLite (32766)
// and PostgreSQL (65535), and the same statement shape for every full chunk.
constexpr std::size_t kBlocksPerQuery = 500;

}  // namespace

std::vector<StoredIdentity> all_identities(spi::Connection& connection) {
  std::vector<StoredIdentity> identities;
  for (const auto& row : connection.query("SELECT customer_id, identity FROM customer_identities ORDER BY customer_id")) {
    identities.push_back({Uuid::parse(row.text(0)), identity_from_json(nlohmann::json::parse(row.text(1)))});
  }
  return identities;
}

SchemaArea customer_matching_schema() { return {"customer_matching", kMatchingMigrations}; }

void insert_match_keys(spi::Connection& connection, const Customer& customer, const IdentityKeys& keys) {
  if (customer.archived_at) return;
  std::string id = customer.id.to_string();
  for (const auto& key : blocking_keys(keys)) {
    spi::Value params[] = {id, key};
    connection.execute("INSERT INTO customer_match_keys (customer_id, block_key) VALUES (?, ?)", params);
  }
  spi::Value identity[] = {id, identity_json(keys).dump()};
  connection.execute("INSERT INTO customer_identities (customer_id, identity) VALUES (?, ?)", identity);
}

void delete_match_keys(spi::Connection& connection, const std::string& customer_id) {
  spi::Value owner[] = {customer_id};
  connection.execute("DELETE FROM customer_match_keys WHERE customer_id = ?", owner);
  connection.execute("DELETE FROM customer_identities WHERE customer_id = ?", owner);
}

namespace {

std::vector<Uuid> customers_in_block(spi::Connection& connection, const std::string& block) {
  const spi::Value params[] = {block};
  std::vector<Uuid> ids;
  for (const auto& row :
       connection.query("SELECT customer_id FROM customer_match_keys WHERE block_key = ? ORDER BY customer_id", params)) {
    ids.push_back(Uuid::parse(row.text(0)));
  }
  return ids;
}

}  // namespace

std::vector<Uuid> customers_with_siren(spi::Connection& connection, std::string_view siren) {
  return customers_in_block(connection, "s:" + std::string(siren));
}

std::vector<Uuid> customers_with_email(spi::Connection& connection, std::string_view email) {
  return customers_in_block(connection, "e:" + lowercase_ascii(std::string(email)));
}

CandidatePool::CandidatePool(spi::Connection& connection, const std::vector<std::string>& blocks) {
  for (std::size_t start = 0; start < blocks.size(); start += kBlocksPerQuery) {
    std::vector<spi::Value> params(blocks.begin() + static_cast<std::ptrdiff_t>(start),
                                   blocks.begin() + static_cast<std::ptrdiff_t>(std::min(blocks.size(), start + kBlocksPerQuery)));
    for (const auto& row : connection.query(
             "SELECT k.block_key, k.customer_id, i.identity FROM customer_match_keys k"
             " JOIN customer_identities i ON i.customer_id = k.customer_id"
             " WHERE k.block_key IN (" + placeholders(params.size()) + ")",
             params)) {
      Uuid id = Uuid::parse(row.text(1));
      members_[row.text(0)].push_back(id);
      // A customer in several of the blocks comes once per block; its keys
      // are parsed once.
      if (!identities_.contains(id)) identities_.emplace(id, identity_from_json(nlohmann::json::parse(row.text(2))));
    }
  }
}

std::vector<ScoredIdentity> CandidatePool::candidates(const BlockedIdentity& identity,
                                                      const MatchThresholds& thresholds,
                                                      const std::optional<Uuid>& exclude) const {
  std::vector<Uuid> ids;
  for (const auto& block : identity.blocks) {
    if (auto members = members_.find(block); members != members_.end()) {
      ids.insert(ids.end(), members->second.begin(), members->second.end());
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<ScoredIdentity> scored;
  for (const auto& id : ids) {
    if (exclude && id == *exclude) continue;
    MatchScore match = compare_identities(identity.keys, identities_.at(id), thresholds);
    if (match.outcome != MatchOutcome::none) scored.push_back({id, std::move(match)});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& left, const auto& right) { return left.match.score > right.match.score; });
  return scored;
}

void CandidatePool::put(const Uuid& id, BlockedIdentity identity) {
  // Blocks the customer left keep listing it: harmless, since candidates
  // are scored on their current keys.
  for (const auto& block : identity.blocks) {
    auto& members = members_[block];
    if (std::find(members.begin(), members.end(), id) == members.end()) members.push_back(id);
  }
  identities_.insert_or_assign(id, std::move(identity.keys));
}

std::vector<DuplicateCandidate> find_candidates(spi::Connection& connection, const IdentityKeys& keys,
                                                const MatchThresholds& thresholds,
                                                const std::optional<Uuid>& exclude) {
  // Scored on stored keys; only the matches are loaded whole. Archived
  // customers have no stored keys.
  const BlockedIdentity identity(keys);
  CandidatePool pool(connection, identity.blocks);
  std::vector<DuplicateCandidate> candidates;
  for (auto& scored : pool.candidates(identity, thresholds, exclude)) {
    if (auto customer = find_customer(connection, scored.id)) {
      candidates.push_back({std::move(*customer), std::move(scored.match)});
    }
  }
  return candidates;
}

namespace {

constexpr std::string_view kSelectPair =
    "SELECT id, a, b, score, outcome, reasons, status, found_at, version FROM duplicate_pairs";

MatchOutcome parse_outcome(std::string_view text) {
  return text == "sure" ? MatchOutcome::sure : text == "probable" ? MatchOutcome::probable : MatchOutcome::none;
}

ReviewStatus parse_status(std::string_view text) {
  return text == "dismissed" ? ReviewStatus::dismissed : text == "merged" ? ReviewStatus::merged : ReviewStatus::pending;
}

DuplicatePair pair_from_row(const spi::Row& row) {
  return DuplicatePair{Uuid::parse(row.text(0)),
                       Uuid::parse(row.text(1)),
                       Uuid::parse(row.text(2)),
                       row.real(3),
                       parse_outcome(row.text(4)),
                       nlohmann::json::parse(row.text(5)).get<std::vector<std::string>>(),
                       parse_status(row.text(6)),
                       Timestamp(std::chrono::microseconds(row.integer(7))),
                       row.integer(8)};
}

}  // namespace

JournalRecord pair_record(const DuplicatePair& pair, std::string action) {
  ChangeList changes;
  changes.created("a", pair.a.to_string());
  changes.created("b", pair.b.to_string());
  changes.created("score", pair.score);
  changes.created("reasons", pair.reasons);
  return {"duplicate_pair", pair.id.to_string(), std::move(action), changes.take()};
}

bool queue_pair(spi::Connection& connection, const DuplicatePair& pair) {
  spi::Value key[] = {pair.a.to_string(), pair.b.to_string()};
  if (!connection.query("SELECT 1 FROM duplicate_pairs WHERE a = ? AND b = ?", key).empty()) return false;
  spi::Value params[] = {pair.id.to_string(), pair.a.to_string(), pair.b.to_string(), pair.score,
                         std::string(to_string(pair.outcome)), nlohmann::json(pair.reasons).dump(),
                         std::string(to_string(pair.status)), std::int64_t{pair.found_at.time_since_epoch().count()},
                         pair.version};
  connection.execute(
      "INSERT INTO duplicate_pairs (id, a, b, score, outcome, reasons, status, found_at, version)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      params);
  return true;
}

std::optional<DuplicatePair> find_pair(spi::Connection& connection, const Uuid& id) {
  static const std::string sql = std::string(kSelectPair) + " WHERE id = ?";
  spi::Value params[] = {id.to_string()};
  auto rows = connection.query(sql, params);
  if (rows.empty()) return std::nullopt;
  return pair_from_row(rows.front());
}

std::vector<DuplicatePair> pair_page(spi::Connection& connection, const ReviewQuery& query) {
  std::string sql = std::string(kSelectPair) + " WHERE status = ?";
  std::vector<spi::Value> params{std::string(to_string(query.status))};
  if (!query.after.empty()) {
    // Keyset paging on (score descending, id).
    sql += " AND (score < (SELECT score FROM duplicate_pairs WHERE id = ?)"
           " OR (score = (SELECT score FROM duplicate_pairs WHERE id = ?) AND id > ?))";
    params.insert(params.end(), {query.after, query.after, query.after});
  }
  sql += " ORDER BY score DESC, id LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(query.limit));
  std::vector<DuplicatePair> pairs;
  for (const auto& row : connection.query(sql, params)) pairs.push_back(pair_from_row(row));
  return pairs;
}

CustomerViewPart duplicates_view_part(spi::Connection& connection, const Uuid& customer) {
  // One indexed lookup per side (UNIQUE (a, b), and duplicate_pairs_by_b).
  static const std::string sql = "SELECT * FROM (" + std::string(kSelectPair) + " WHERE a = ? AND status = ?" +
                                 " UNION ALL " + std::string(kSelectPair) + " WHERE b = ? AND status = ?" +
                                 ") pairs ORDER BY score DESC, id";
  const std::string pending(to_string(ReviewStatus::pending));
  spi::Value params[] = {customer.to_string(), pending, customer.to_string(), pending};
  CustomerViewPart part;
  for (const auto& row : connection.query(sql, params)) {
    DuplicatePair pair = pair_from_row(row);
    const Uuid& other = pair.a == customer ? pair.b : pair.a;
    part.items.push_back(nlohmann::json{{"pair", pair.id.to_string()}, {"other", other.to_string()},
                                        {"score", pair.score}, {"reasons", pair.reasons}}.dump());
  }
  part.counts["pending"] = static_cast<std::int64_t>(part.items.size());
  return part;
}

bool update_pair_status(spi::Connection& connection, const DuplicatePair& pair, std::int64_t expected_version) {
  spi::Value params[] = {std::string(to_string(pair.status)), pair.id.to_string(), expected_version};
  return connection.execute("UPDATE duplicate_pairs SET status = ?, version = version + 1 WHERE id = ? AND version = ?",
                            params) == 1;
}

std::optional<FinderRun> open_finder_run(spi::Connection& connection) {
  auto rows = connection.query(
      "SELECT id, last_customer_id FROM duplicate_finder_runs WHERE finished_at IS NULL ORDER BY started_at LIMIT 1");
  if (rows.empty()) return std::nullopt;
  return FinderRun{Uuid::parse(rows.front().text(0)), rows.front().text(1)};
}

void insert_finder_run(spi::Connection& connection, const FinderRun& run, Timestamp now) {
  spi::Value params[] = {run.id.to_string(), std::int64_t{now.time_since_epoch().count()}, run.last_customer_id};
  connection.execute("INSERT INTO duplicate_finder_runs (id, started_at, last_customer_id) VALUES (?, ?, ?)", params);
}

void advance_finder_run(spi::Connection& connection, const FinderRun& run) {
  spi::Value params[] = {run.last_customer_id, run.id.to_string()};
  connection.execute("UPDATE duplicate_finder_runs SET last_customer_id = ? WHERE id = ?", params);
}

void finish_finder_run(spi::Connection& connection, const Uuid& run, Timestamp now) {
  spi::Value params[] = {std::int64_t{now.time_since_epoch().count()}, run.to_string()};
  connection.execute("UPDATE duplicate_finder_runs SET finished_at = ? WHERE id = ?", params);
}

}  // namespace relais::inline v1::detail
