#pragma once
// The journal store: append inside the caller's write transaction, read the
// feed and histories, verify the hash chain. Pure SQL over the storage SPI.
#include <relais/journal.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <optional>
#include <string>
#include <vector>

namespace relais::inline v1::detail {

// What a service records for one mutation.
struct JournalRecord {
  std::string entity;
  std::string entity_id;
  std::string action;
  std::vector<FieldChange> changes;
};

SchemaArea journal_schema();

// The notification channel announcing new journal entries.
inline constexpr std::string_view kJournalChannel = "relais_journal";

// Appends `record` as the next entry. Must run inside a write transaction
// on `connection`: it locks the head row so concurrent writers (other
// processes too) append one after the other. Returns the entry as stored.
JournalEntry append_journal(spi::Connection& connection, Timestamp time, const std::string& actor,
                            const JournalRecord& record);

// append_journal() in three steps, for a transaction that appends many
// entries (WriteScope): lock and read the head once, insert each entry after
// the previous one, move the head row once before commit. Between the first
// and the last step the head row stays locked, so the order holds across
// writers exactly as with append_journal().
JournalHead lock_journal_head(spi::Connection& connection);
// Inserts `record` as the entry after `previous` (the head locked, or the
// entry last inserted in this transaction); the head row is not touched.
JournalEntry insert_journal_entry(spi::Connection& connection, const JournalHead& previous, Timestamp time,
                                  const std::string& actor, const JournalRecord& record);
void save_journal_head(spi::Connection& connection, const JournalHead& head);
// insert_journal_entry() for each of `records` in turn (each after the one
// before, the first after `previous`), written by multi-row INSERTs: one
// statement per hundred entries instead of one per entry.
std::vector<JournalEntry> insert_journal_entries(spi::Connection& connection, const JournalHead& previous,
                                                 Timestamp time, const std::string& actor,
                                                 std::vector<JournalRecord> records);

// Entries with sequence > cursor, oldest first, at most `limit`.
std::vector<JournalEntry> read_journal(spi::Connection& connection, JournalCursor cursor,
                                       std::size_t limit);
// Entries with cursor < sequence <= up_to whose entity is not `skipped`,
// oldest first, at most `limit`: a reader that ignores one entity's entries
// (the reminder scheduler its own) never decodes them.
std::vector<JournalEntry> read_journal_except(spi::Connection& connection, JournalCursor cursor,
                                              JournalCursor up_to, std::string_view skipped, std::size_t limit);
// Entries about one record, oldest first.
std::vector<JournalEntry> read_history(spi::Connection& connection, std::string_view entity,
                                       std::string_view entity_id);
// The last committed entry: every entry up to it is committed too, since an
// append holds the head row's lock until its transaction ends.
JournalHead read_head(spi::Connection& connection);
// The ids of the `entity` records with an entry in (after, up_to] whose
// action is not `ignored_action`, each once, sorted. Cost follows the
// entries in the range.
std::vector<std::string> records_changed(spi::Connection& connection, std::string_view entity, JournalCursor after,
                                         JournalCursor up_to, std::string_view ignored_action);
// Walks the whole chain in pages (memory does not grow with the journal).
JournalVerification verify_journal(spi::Connection& connection,
                                   const std::optional<JournalHead>& expected_head);
// Blanks one payload, keeping its hash. Throws NotFoundError. Runs inside
// the caller's write transaction.
void erase_payload(spi::Connection& connection, std::int64_t sequence);

// The hash of an entry, from the previous hash, its metadata and its payload
// hash. Exposed for tests and for the raw-SQLite benchmark baseline.
std::string chain_hash(const std::string& previous_hash, std::int64_t sequence, Timestamp time,
                       const std::string& actor, const std::string& entity,
                       const std::string& entity_id, const std::string& action,
                       const std::string& payload_hash);

// The payload text stored for a list of changes: a JSON array of
// {"field", "before", "after"}, "before" left out when it is null.
std::string encode_changes(const std::vector<FieldChange>& changes);

// The JSON text of a string, exactly as nlohmann::json(text).dump() writes
// it (and, like it, throwing on invalid UTF-8), without building a json
// value: what a change's before and after hold for a text.
std::string json_string(std::string_view text);

}  // namespace relais::inline v1::detail
