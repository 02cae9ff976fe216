// The hash chain: tampering is reported, erasure is not.
#include "support/workspace_fixture.h"

#include <relais/errors.h>

using namespace relais;
using relais::testing::execute_raw_sql;
using relais::testing::query_single_text;
using relais::testing::sample_company;

class JournalTest : public relais::testing::WorkspaceTest {
 protected:
  // A journal of 1 (admin) + 3 customer creations + 1 update.
  JournalHead write_some(Workspace& ws) {
    for (const char* name : {"Alpha", "Bravo", "Charlie"}) ws.customers().create({.name = name});
    auto first = ws.customers().list().items.at(0);
    CustomerChanges changes;
    changes.notes = "Rappeler lundi";
    ws.customers().update(first.id, first.version, changes);
    return ws.journal_head();
  }

  static bool has_problem(const JournalVerification& report, JournalProblemKind kind) {
    for (const auto& problem : report.problems) {
      if (problem.kind == kind) return true;
    }
    return false;
  }
};
RELAIS_INSTANTIATE_FOR_ENGINES(JournalTest);

TEST_P(JournalTest, UntouchedJournalVerifies) {
  auto ws = open();
  JournalHead head = write_some(ws);
  EXPECT_EQ(head.sequence, 5);
  auto report = ws.verify_journal(head);
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.entries_checked, 5);
  EXPECT_EQ(report.head, head.hash);
}

TEST_P(JournalTest, EditedPayloadIsDetected) {
  auto ws = open();
  JournalHead head = write_some(ws);
  execute_raw_sql(database(), "UPDATE journal SET payload = '[]' WHERE sequence = 3");
  auto report = ws.verify_journal(head);
  EXPECT_FALSE(report.ok);
  EXPECT_TRUE(has_problem(report, JournalProblemKind::payload_mismatch));
  EXPECT_EQ(report.problems.at(0).sequence, 3);
}

TEST_P(JournalTest, EditedMetadataBreaksTheChain) {
  auto ws = open();
  JournalHead head = write_some(ws);
  execute_raw_sql(database(), "UPDATE journal SET actor = 'someone_else' WHERE sequence = 2");
  auto report = ws.verify_journal(head);
  EXPECT_TRUE(has_problem(report, JournalProblemKind::chain_broken));
}

TEST_P(JournalTest, RemovedEntryIsDetected) {
  auto ws = open();
  JournalHead head = write_some(ws);
  execute_raw_sql(database(), "DELETE FROM journal WHERE sequence = 3");
  auto report = ws.verify_journal(head);
  EXPECT_TRUE(has_problem(report, JournalProblemKind::sequence_gap));
  EXPECT_TRUE(has_problem(report, JournalProblemKind::chain_broken));
}

TEST_P(JournalTest, ReorderedEntriesAreDetected) {
  auto ws = open();
  JournalHead head = write_some(ws);
  execute_raw_sql(database(),
                  "UPDATE journal SET sequence = -1 WHERE sequence = 2;"
                  "UPDATE journal SET sequence = 2 WHERE sequence = 3;"
                  "UPDATE journal SET sequence = 3 WHERE sequence = -1");
  EXPECT_TRUE(has_problem(ws.verify_journal(head), JournalProblemKind::chain_broken));
}

TEST_P(JournalTest, CutOffEndIsDetectedAgainstTheExpectedHead) {
  auto ws = open();
  JournalHead head = write_some(ws);
  // A careful attacker also rewinds the stored head; the head kept
  // elsewhere still tells.
  auto kept = ws.journal(2, 1).entries.at(0);
  execute_raw_sql(database(), "DELETE FROM journal WHERE sequence > 3");
  execute_raw_sql(database(), "UPDATE journal_head SET sequence = 3, hash = (SELECT hash FROM journal WHERE sequence = 3)");
  EXPECT_TRUE(ws.verify_journal().ok);
  auto report = ws.verify_journal(head);
  EXPECT_FALSE(report.ok);
  EXPECT_TRUE(has_problem(report, JournalProblemKind::head_mismatch));
  EXPECT_EQ(kept.sequence, 3);
}

TEST_P(JournalTest, CutOffWithoutRewindingTheHeadIsDetectedEvenWithoutExpectedHead) {
  auto ws = open();
  write_some(ws);
  execute_raw_sql(database(), "DELETE FROM journal WHERE sequence = 5");
  EXPECT_TRUE(has_problem(ws.verify_journal(), JournalProblemKind::head_mismatch));
}

TEST_P(JournalTest, ErasedPayloadStillVerifies) {
  auto ws = open();
  write_some(ws);
  ws.erase_journal_payload(3);
  auto entries = ws.journal(2, 1).entries;
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_TRUE(entries[0].payload_erased);
  EXPECT_TRUE(entries[0].changes.empty());
  auto report = ws.verify_journal(ws.journal_head());
  EXPECT_TRUE(report.ok) << (report.problems.empty() ? "" : report.problems[0].detail);
  EXPECT_EQ(ws.journal_head().sequence, 6);  // the erasure is journaled too
  EXPECT_THROW(ws.erase_journal_payload(999), NotFoundError);
}

TEST_P(JournalTest, OnlyAdminsErase) {
  auto ws = open();
  ws.users().create({.login = "marie", .display_name = "Marie"});
  EXPECT_THROW(ws.as_user("marie").erase_journal_payload(1), PermissionDeniedError);
}

// A null "before" (every field of a creation) is left out of the stored
// text, and still reads as null; an entry stored in the longer form, with
// "before":null, reads the same.
TEST_P(JournalTest, NullBeforeIsLeftOutOfTheStoredTextAndReadsAsNull) {
  auto ws = open();
  ws.customers().create({.name = "Alpha", .notes = "Client depuis 2019"});
  const JournalEntry created = ws.journal(1, 1).entries.at(0);
  ASSERT_EQ(created.entity, "customer");
  ASSERT_GE(created.changes.size(), 2u);
  for (const auto& change : created.changes) EXPECT_EQ(change.before, "null") << change.field;
  if (GetParam() == relais::testing::Engine::sqlite) {
    EXPECT_EQ(query_single_text(database(), "SELECT instr(payload, 'before') FROM journal WHERE sequence = 2"), "0");
  }
  execute_raw_sql(database(),
                  "UPDATE journal SET payload = '[{\"field\":\"name\",\"before\":null,\"after\":\"Alpha\"}]'"
                  " WHERE sequence = 2");
  const JournalEntry verbose = ws.journal(1, 1).entries.at(0);
  ASSERT_EQ(verbose.changes.size(), 1u);
  EXPECT_EQ(verbose.changes[0].field, "name");
  EXPECT_EQ(verbose.changes[0].before, "null");
  EXPECT_EQ(verbose.changes[0].after, "\"Alpha\"");
}

// Journal migration 2 (on SQLite, the sequence becomes the rowid) keeps
// every entry, its hashes and the head: the chain verifies as before, and
// appends go on after it. The journal is first put back in its version 1
// table, as a workspace written before the migration has it.
TEST_P(JournalTest, SequenceMigrationKeepsTheChain) {
  JournalHead head;
  {
    auto ws = open();
    head = write_some(ws);
  }
  execute_raw_sql(database(),
                  "CREATE TABLE journal_v1 (sequence BIGINT PRIMARY KEY, time BIGINT NOT NULL,"
                  " actor TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, action TEXT NOT NULL,"
                  " payload TEXT, payload_hash TEXT NOT NULL, hash TEXT NOT NULL);"
                  "INSERT INTO journal_v1 SELECT sequence, time, actor, entity, entity_id, action, payload,"
                  " payload_hash, hash FROM journal;"
                  "DROP TABLE journal;"
                  "ALTER TABLE journal_v1 RENAME TO journal;"
                  "CREATE INDEX journal_by_record ON journal (entity, entity_id, sequence);"
                  "UPDATE relais_schema SET version = 1 WHERE area = 'journal'");
  auto ws = open();
  auto report = ws.verify_journal(head);
  EXPECT_TRUE(report.ok) << (report.problems.empty() ? "" : report.problems[0].detail);
  EXPECT_EQ(report.entries_checked, 5);
  EXPECT_EQ(ws.journal(0, 10).entries.size(), 5u);
  ws.customers().create({.name = "Delta"});
  EXPECT_EQ(ws.journal_head().sequence, 6);
  EXPECT_TRUE(ws.verify_journal(ws.journal_head()).ok);
}
