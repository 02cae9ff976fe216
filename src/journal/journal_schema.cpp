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

const Migration kJournalMigrations[] = {
    {1, "journal and head", create_journal_tables},
};

}  // namespace

SchemaArea journal_schema() { return {"journal", kJournalMigrations}; }

}  // namespace relais::inline v1::detail
