#include "journal/journal.h"

namespace relais::inline v1::detail {
namespace {

// The head row holds the last sequence and hash: reading it with a row lock
// serializes appends on PostgreSQL, and it lets verify_journal notice rows
// cut off the end even without an externally kept head.
void create_journal_tables(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE journal ("
      " sequence BIGINT PRIMARY KEY,"
      " time BIGINT NOT NULL,"
      " actor TEXT NOT NULL,"
      " entity TEXT NOT NULL,"
      " entity_id TEXT NOT NULL,"
      " action TEXT NOT NULL,"
      " payload TEXT,"
      " payload_hash TEXT NOT NULL,"
      " hash TEXT NOT NULL);"
      "CREATE INDEX journal_by_record ON journal (entity, entity_id, sequence);"
      "CREATE TABLE journal_head ("
      " id INTEGER PRIMARY KEY CHECK (id = 1),"
      " sequence BIGINT NOT NULL,"
      " hash TEXT NOT NULL);"
      "INSERT INTO journal_head (id, sequence, hash) VALUES (1, 0, '')");
}

// On SQLite, "BIGINT PRIMARY KEY" is a separate unique index beside the
// table's hidden rowid: every append wrote two B-trees for the key alone.
// "INTEGER PRIMARY KEY" makes the sequence the rowid itself (one B-tree,
// appended at its end). The rows, their order and their hashes are copied
// as they are, so the chain verifies exactly as before. PostgreSQL keeps its
// table: its primary key is already the only index of the sequence.
void sequence_as_rowid(spi::Connection& connection) {
  if (connection.dialect().engine() != "sqlite") return;
  connection.execute_script(
      "CREATE TABLE journal_by_rowid ("
      " sequence INTEGER PRIMARY KEY,"
      " time BIGINT NOT NULL,"
      " actor TEXT NOT NULL,"
      " entity TEXT NOT NULL,"
      " entity_id TEXT NOT NULL,"
      " action TEXT NOT NULL,"
      " payload TEXT,"
      " payload_hash TEXT NOT NULL,"
      " hash TEXT NOT NULL);"
      "INSERT INTO journal_by_rowid (sequence, time, actor, entity, entity_id, action, payload, payload_hash, hash)"
      " SELECT sequence, time, actor, entity, entity_id, action, payload, payload_hash, hash FROM journal"
      " ORDER BY sequence;"
      "DROP TABLE journal;"
      "ALTER TABLE journal_by_rowid RENAME TO journal;"
      "CREATE INDEX journal_by_record ON journal (entity, entity_id, sequence)");
}

const Migration kJournalMigrations[] = {
    {1, "journal and head", create_journal_tables},
    {2, "the sequence as SQLite's rowid", sequence_as_rowid},
};

}  // namespace

SchemaArea journal_schema() { return {"journal", kJournalMigrations}; }

}  // namespace relais::inline v1::detail
