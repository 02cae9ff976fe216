#include "journal/journal.h"

#include "core/sha256.h"

#include <nlohmann/json.hpp>

namespace relais::inline v1::detail {
namespace {

constexpr std::size_t kVerifyPageSize = 1000;
constexpr std::string_view kSelectEntry =
    "SELECT sequence, time, actor, entity, entity_id, action, payload, payload_hash, hash FROM journal";

// Length-prefixed so that no two different field lists hash the same text.
void append_field(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

std::vector<FieldChange> decode_changes(const std::string& payload) {
  std::vector<FieldChange> changes;
  for (const auto& item : nlohmann::json::parse(payload)) {
    changes.push_back({item.at("field").get<std::string>(), item.at("before").dump(),
                       item.at("after").dump()});
  }
  return changes;
}

JournalEntry entry_from_row(const spi::Row& row) {
  JournalEntry entry;
  entry.sequence = row.integer(0);
  entry.time = Timestamp(std::chrono::microseconds(row.integer(1)));
  entry.actor = row.text(2);
  entry.entity = row.text(3);
  entry.entity_id = row.text(4);
  entry.action = row.text(5);
  if (auto payload = row.optional_text(6)) {
    entry.changes = decode_changes(*payload);
  } else {
    entry.payload_erased = true;
  }
  entry.payload_hash = row.text(7);
  entry.hash = row.text(8);
  return entry;
}

std::vector<JournalEntry> entries_from_rows(const std::vector<spi::Row>& rows) {
  std::vector<JournalEntry> entries;
  entries.reserve(rows.size());
  for (const auto& row : rows) entries.push_back(entry_from_row(row));
  return entries;
}

// Checks one stored row against its predecessor; appends what is wrong.
void verify_row(const spi::Row& row, const JournalHead& previous, JournalVerification& report) {
  std::int64_t sequence = row.integer(0);
  auto problem = [&](JournalProblemKind kind, std::string detail) {
    report.ok = false;
    report.problems.push_back({kind, sequence, std::move(detail)});
  };
  if (sequence != previous.sequence + 1) {
    problem(JournalProblemKind::sequence_gap,
            "expected sequence " + std::to_string(previous.sequence + 1));
  }
  std::string payload_hash = row.text(7);
  if (auto payload = row.optional_text(6); payload && sha256_hex(*payload) != payload_hash) {
    problem(JournalProblemKind::payload_mismatch, "payload does not match its recorded hash");
  }
  std::string expected = chain_hash(previous.hash, sequence, Timestamp(std::chrono::microseconds(row.integer(1))),
                                    row.text(2), row.text(3), row.text(4), row.text(5), payload_hash);
  if (expected != row.text(8)) {
    problem(JournalProblemKind::chain_broken, "hash does not chain from the previous entry");
  }
}

void check_head(const JournalHead& last, const JournalHead& expected, std::string_view source,
                JournalVerification& report) {
  if (last == expected) return;
  report.ok = false;
  report.problems.push_back({JournalProblemKind::head_mismatch, 0,
                             std::string(source) + " is sequence " + std::to_string(expected.sequence) + " hash " +
                                 expected.hash + " but the journal ends at sequence " +
                                 std::to_string(last.sequence) + " hash " + last.hash});
}

}  // namespace

std::string chain_hash(const std::string& previous_hash, std::int64_t sequence, Timestamp time,
                       const std::string& actor, const std::string& entity,
                       const std::string& entity_id, const std::string& action,
                       const std::string& payload_hash) {
  std::string text;
  text.reserve(256);
  append_field(text, previous_hash);
  append_field(text, std::to_string(sequence));
  append_field(text, std::to_string(time.time_since_epoch().count()));
  append_field(text, actor);
  append_field(text, entity);
  append_field(text, entity_id);
  append_field(text, action);
  append_field(text, payload_hash);
  return sha256_hex(text);
}

std::string encode_changes(const std::vector<FieldChange>& changes) {
  // before/after are already JSON texts: splice them in rather than
  // re-parsing them on the write path.
  std::string payload = "[";
  for (const auto& change : changes) {
    if (payload.size() > 1) payload += ',';
    payload += "{\"field\":" + nlohmann::json(change.field).dump() + ",\"before\":" + change.before +
               ",\"after\":" + change.after + "}";
  }
  payload += ']';
  return payload;
}

JournalHead lock_journal_head(spi::Connection& connection) {
  std::string lock_head = "SELECT sequence, hash FROM journal_head WHERE id = 1";
  lock_head += connection.dialect().lock_rows_suffix();
  auto head_rows = connection.query(lock_head);
  return {head_rows.at(0).integer(0), head_rows.at(0).text(1)};
}

void save_journal_head(spi::Connection& connection, const JournalHead& head) {
  spi::Value values[] = {head.sequence, head.hash};
  connection.execute("UPDATE journal_head SET sequence = ?, hash = ? WHERE id = 1", values);
}

JournalEntry append_journal(spi::Connection& connection, Timestamp time, const std::string& actor,
                            const JournalRecord& record) {
  JournalEntry entry = insert_journal_entry(connection, lock_journal_head(connection), time, actor, record);
  save_journal_head(connection, {entry.sequence, entry.hash});
  return entry;
}

JournalEntry insert_journal_entry(spi::Connection& connection, const JournalHead& previous, Timestamp time,
                                  const std::string& actor, const JournalRecord& record) {
  JournalEntry entry;
  entry.sequence = previous.sequence + 1;
  entry.time = time;
  entry.actor = actor;
  entry.entity = record.entity;
  entry.entity_id = record.entity_id;
  entry.action = record.action;
  entry.changes = record.changes;
  std::string payload = encode_changes(record.changes);
  entry.payload_hash = sha256_hex(payload);
  entry.hash = chain_hash(previous.hash, entry.sequence, time, actor, record.entity, record.entity_id,
                          record.action, entry.payload_hash);
  spi::Value insert[] = {entry.sequence, std::int64_t{time.time_since_epoch().count()}, actor,
                         record.entity, record.entity_id, record.action, std::move(payload),
                         entry.payload_hash, entry.hash};
  connection.execute(
      "INSERT INTO journal (sequence, time, actor, entity, entity_id, action, payload, payload_hash, hash)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      insert);
  return entry;
}

std::vector<JournalEntry> read_journal(spi::Connection& connection, JournalCursor cursor,
                                       std::size_t limit) {
  spi::Value params[] = {cursor, static_cast<std::int64_t>(limit)};
  return entries_from_rows(connection.query(
      std::string(kSelectEntry) + " WHERE sequence > ? ORDER BY sequence LIMIT ?", params));
}

std::vector<JournalEntry> read_journal_except(spi::Connection& connection, JournalCursor cursor,
                                              JournalCursor up_to, std::string_view skipped, std::size_t limit) {
  spi::Value params[] = {cursor, up_to, std::string(skipped), static_cast<std::int64_t>(limit)};
  return entries_from_rows(connection.query(std::string(kSelectEntry) +
                                                " WHERE sequence > ? AND sequence <= ? AND entity <> ?"
                                                " ORDER BY sequence LIMIT ?",
                                            params));
}

std::vector<JournalEntry> read_history(spi::Connection& connection, std::string_view entity,
                                       std::string_view entity_id) {
  spi::Value params[] = {std::string(entity), std::string(entity_id)};
  return entries_from_rows(connection.query(
      std::string(kSelectEntry) + " WHERE entity = ? AND entity_id = ? ORDER BY sequence", params));
}

JournalHead read_head(spi::Connection& connection) {
  auto rows = connection.query("SELECT sequence, hash FROM journal_head WHERE id = 1");
  return {rows.at(0).integer(0), rows.at(0).text(1)};
}

std::vector<std::string> records_changed(spi::Connection& connection, std::string_view entity, JournalCursor after,
                                         JournalCursor up_to, std::string_view ignored_action) {
  spi::Value params[] = {after, up_to, std::string(entity), std::string(ignored_action)};
  std::vector<std::string> ids;
  for (const auto& row : connection.query("SELECT DISTINCT entity_id FROM journal WHERE sequence > ? AND sequence <= ?"
                                          " AND entity = ? AND action <> ? ORDER BY entity_id",
                                          params)) {
    ids.push_back(row.text(0));
  }
  return ids;
}

JournalVerification verify_journal(spi::Connection& connection,
                                   const std::optional<JournalHead>& expected_head) {
  JournalVerification report;
  JournalHead previous;
  std::string select = std::string(kSelectEntry) + " WHERE sequence > ? ORDER BY sequence LIMIT ?";
  for (;;) {
    spi::Value params[] = {previous.sequence, static_cast<std::int64_t>(kVerifyPageSize)};
    auto rows = connection.query(select, params);
    for (const auto& row : rows) {
      verify_row(row, previous, report);
      previous = {row.integer(0), row.text(8)};
      ++report.entries_checked;
    }
    if (rows.size() < kVerifyPageSize) break;
  }
  report.head = previous.hash;
  check_head(previous, read_head(connection), "the stored head", report);
  if (expected_head) check_head(previous, *expected_head, "the expected head", report);
  return report;
}

void erase_payload(spi::Connection& connection, std::int64_t sequence) {
  spi::Value params[] = {sequence};
  if (connection.execute("UPDATE journal SET payload = NULL WHERE sequence = ?", params) == 0) {
    throw NotFoundError("journal entry", std::to_string(sequence));
  }
}

}  // namespace relais::inline v1::detail
