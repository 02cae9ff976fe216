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
    const auto before = item.find("before");
    changes.push_back({item.at("field").get<std::string>(), before == item.end() ? "null" : before->dump(),
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

// Whether `text` is well-formed UTF-8 (the Unicode standard's table 3-7: no
// overlong form, no surrogate, nothing above U+10FFFF), as nlohmann checks.
static bool well_formed_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  auto continuation = [&](const unsigned char* at, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return at < end && *at >= low && *at <= high;
  };
  while (p < end) {
    const unsigned char byte = *p;
    if (byte < 0x80) {
      ++p;
    } else if (byte >= 0xC2 && byte <= 0xDF) {
      if (!continuation(p + 1)) return false;
      p += 2;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      const unsigned char low = byte == 0xE0 ? 0xA0 : 0x80;
      const unsigned char high = byte == 0xED ? 0x9F : 0xBF;
      if (!continuation(p + 1, low, high) || !continuation(p + 2)) return false;
      p += 3;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      const unsigned char low = byte == 0xF0 ? 0x90 : 0x80;
      const unsigned char high = byte == 0xF4 ? 0x8F : 0xBF;
      if (!continuation(p + 1, low, high) || !continuation(p + 2) || !continuation(p + 3)) return false;
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

std::string json_string(std::string_view text) {
  std::size_t escapes = 0;
  bool ascii = true;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) ascii = false;
    if (byte < 0x20 || c == '"' || c == '\\') ++escapes;
  }
  // nlohmann throws on invalid UTF-8: let it, with its own error.
  if (!ascii && !well_formed_utf8(text)) return nlohmann::json(std::string(text)).dump();
  std::string out;
  out.reserve(text.size() + 2 + escapes * 6);
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xf];
          out += kHex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

std::string encode_changes(const std::vector<FieldChange>& changes) {
  // before/after are already JSON texts: splice them in rather than
  // re-parsing them on the write path. A null "before" (a field that had no
  // value: every field of a creation, every fact of an announcement) is
  // left out, which makes such payloads a quarter smaller; entries written
  // with it still read the same.
  std::size_t size = 2;
  for (const auto& change : changes) size += change.field.size() + change.before.size() + change.after.size() + 32;
  std::string payload;
  payload.reserve(size);
  payload += '[';
  for (const auto& change : changes) {
    if (payload.size() > 1) payload += ',';
    payload += "{\"field\":";
    payload += json_string(change.field);
    if (change.before != "null") {
      payload += ",\"before\":";
      payload += change.before;
    }
    payload += ",\"after\":";
    payload += change.after;
    payload += '}';
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

namespace {

constexpr std::string_view kInsertEntries =
    "INSERT INTO journal (sequence, time, actor, entity, entity_id, action, payload, payload_hash, hash) VALUES ";
constexpr std::string_view kEntryValues = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::size_t kEntryColumns = 9;
// 900 parameters a statement: under SQLite's (32,766) and PostgreSQL's
// (65,535) limits.
constexpr std::size_t kEntriesPerInsert = 100;

// The entry after `previous` (its sequence and hashes), and the values of
// its row appended to `values`.
JournalEntry chain_entry(const JournalHead& previous, Timestamp time, const std::string& actor,
                         JournalRecord&& record, std::vector<spi::Value>& values) {
  JournalEntry entry;
  entry.sequence = previous.sequence + 1;
  entry.time = time;
  entry.actor = actor;
  std::string payload = encode_changes(record.changes);
  entry.payload_hash = sha256_hex(payload);
  entry.hash = chain_hash(previous.hash, entry.sequence, time, actor, record.entity, record.entity_id,
                          record.action, entry.payload_hash);
  values.insert(values.end(), {entry.sequence, std::int64_t{time.time_since_epoch().count()}, actor,
                               record.entity, record.entity_id, record.action, std::move(payload),
                               entry.payload_hash, entry.hash});
  entry.entity = std::move(record.entity);
  entry.entity_id = std::move(record.entity_id);
  entry.action = std::move(record.action);
  entry.changes = std::move(record.changes);
  return entry;
}

std::string insert_entries_sql(std::size_t rows) {
  std::string sql(kInsertEntries);
  for (std::size_t i = 0; i < rows; ++i) {
    if (i) sql += ", ";
    sql += kEntryValues;
  }
  return sql;
}

}  // namespace

std::vector<JournalEntry> insert_journal_entries(spi::Connection& connection, const JournalHead& previous,
                                                 Timestamp time, const std::string& actor,
                                                 std::vector<JournalRecord> records) {
  static const std::string full_insert = insert_entries_sql(kEntriesPerInsert);
  static const std::string single_insert = insert_entries_sql(1);
  std::vector<JournalEntry> entries;
  entries.reserve(records.size());
  std::vector<spi::Value> values;
  values.reserve(kEntriesPerInsert * kEntryColumns);
  JournalHead last = previous;
  for (std::size_t first = 0; first < records.size(); first += kEntriesPerInsert) {
    const std::size_t count = std::min(kEntriesPerInsert, records.size() - first);
    values.clear();
    for (std::size_t i = first; i < first + count; ++i) {
      entries.push_back(chain_entry(last, time, actor, std::move(records[i]), values));
      last = {entries.back().sequence, entries.back().hash};
    }
    if (count == kEntriesPerInsert) {
      connection.execute(full_insert, values);
      continue;
    }
    // The rest one by one: one statement text (and one cached statement)
    // rather than one per size.
    for (std::size_t i = 0; i < count; ++i) {
      connection.execute(single_insert, std::span<const spi::Value>(values).subspan(i * kEntryColumns, kEntryColumns));
    }
  }
  return entries;
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
  static const std::string single_insert = insert_entries_sql(1);
  connection.execute(single_insert, insert);
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
