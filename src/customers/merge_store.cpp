#include "customers/merge_store.h"

#include "customers/customer_rules.h"
#include "storage/timestamps.h"

namespace relais::inline v1::detail {
namespace {


void create_merge_table(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE customer_merges ("
      " id TEXT PRIMARY KEY,"
      " survivor_id TEXT NOT NULL,"
      " other_id TEXT NOT NULL,"
      " survivor_before TEXT NOT NULL,"
      " other_before TEXT NOT NULL,"
      " survivor_after TEXT NOT NULL,"
      " merged_at BIGINT NOT NULL,"
      " undone_at BIGINT,"
      " actor TEXT NOT NULL);"
      "CREATE INDEX customer_merges_by_survivor ON customer_merges (survivor_id);"
      "CREATE INDEX customer_merges_by_other ON customer_merges (other_id)");
}

const Migration kMergeMigrations[] = {
    {1, "customer merges with before and after images", create_merge_table},
};

constexpr std::string_view kSelectMerge =
    "SELECT id, survivor_before, other_before, survivor_after, merged_at, undone_at, actor FROM customer_merges";

MergeRecord merge_from_row(const spi::Row& row) {
  MergeRecord merge;
  merge.id = Uuid::parse(row.text(0));
  merge.survivor_before = customer_from_json(nlohmann::json::parse(row.text(1)));
  merge.other_before = customer_from_json(nlohmann::json::parse(row.text(2)));
  merge.survivor_after = customer_from_json(nlohmann::json::parse(row.text(3)));
  merge.merged_at = timestamp_of(row.integer(4));
  if (auto undone = row.optional_integer(5)) merge.undone_at = timestamp_of(*undone);
  merge.actor = row.text(6);
  return merge;
}

}  // namespace

SchemaArea customer_merges_schema() { return {"customer_merges", kMergeMigrations}; }


void insert_merge(spi::Connection& connection, const MergeRecord& merge) {
  spi::Value params[] = {merge.id.to_string(),
                         merge.survivor_before.id.to_string(),
                         merge.other_before.id.to_string(),
                         customer_json(merge.survivor_before).dump(),
                         customer_json(merge.other_before).dump(),
                         customer_json(merge.survivor_after).dump(),
                         micros(merge.merged_at),
                         merge.actor};
  connection.execute(
      "INSERT INTO customer_merges (id, survivor_id, other_id, survivor_before, other_before, survivor_after,"
      " merged_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      params);
}

std::optional<MergeRecord> find_merge(spi::Connection& connection, const Uuid& id) {
  static const std::string sql = std::string(kSelectMerge) + " WHERE id = ?";
  spi::Value params[] = {id.to_string()};
  auto rows = connection.query(sql, params);
  if (rows.empty()) return std::nullopt;
  return merge_from_row(rows.front());
}

bool mark_merge_undone(spi::Connection& connection, const Uuid& id, Timestamp when) {
  spi::Value params[] = {micros(when), id.to_string()};
  return connection.execute("UPDATE customer_merges SET undone_at = ? WHERE id = ? AND undone_at IS NULL",
                            params) == 1;
}

std::optional<Uuid> live_survivor_of(spi::Connection& connection, const Uuid& id) {
  spi::Value params[] = {id.to_string()};
  auto rows = connection.query("SELECT survivor_id FROM customer_merges WHERE other_id = ? AND undone_at IS NULL",
                               params);
  if (rows.empty()) return std::nullopt;
  return Uuid::parse(rows.front().text(0));
}

std::vector<Uuid> live_merged_into(spi::Connection& connection, const Uuid& survivor) {
  spi::Value params[] = {survivor.to_string()};
  std::vector<Uuid> others;
  for (const auto& row : connection.query(
           "SELECT other_id FROM customer_merges WHERE survivor_id = ? AND undone_at IS NULL ORDER BY merged_at",
           params)) {
    others.push_back(Uuid::parse(row.text(0)));
  }
  return others;
}

}  // namespace relais::inline v1::detail
