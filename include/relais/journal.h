#pragma once
// The journal: one entry per mutation, appended in the same transaction as
// the change. It is the audit trail, each record's history and the durable
// change feed other processes read.
//
// Entries are hash-chained: hash = SHA-256 over the previous hash, the
// entry's metadata and the SHA-256 of its payload. The payload itself is not
// chained, so erasing a person's data (GDPR) blanks the payload, keeps its
// hash, and the chain still verifies.
#include <relais/clock.h>
#include <relais/export.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace relais {
inline namespace v1 {

// One changed field. Values are JSON texts ("\"Dupont\"", "3", "null",
// "[...]"), so any field type can be recorded and compared.
struct FieldChange {
  std::string field;
  std::string before;
  std::string after;
  bool operator==(const FieldChange&) const = default;
};

struct JournalEntry {
  std::int64_t sequence = 0;    // 1, 2, 3... without gaps
  Timestamp time{};
  std::string actor;            // login of the acting user
  std::string entity;           // "customer", "user", ...
  std::string entity_id;        // the record's id
  std::string action;           // "create", "update", "archive", "erase", ...
  std::vector<FieldChange> changes;  // empty when the payload was erased
  bool payload_erased = false;
  std::string payload_hash;     // hex SHA-256 of the payload as written
  std::string hash;             // hex SHA-256 chaining this entry
  bool operator==(const JournalEntry&) const = default;
};

// A position in the change feed: the last sequence a reader has seen.
// Start at 0 to read everything.
using JournalCursor = std::int64_t;

struct JournalPage {
  std::vector<JournalEntry> entries;
  JournalCursor next_cursor = 0;  // pass back to continue after these entries
};

enum class JournalProblemKind {
  payload_mismatch,  // a payload was edited
  chain_broken,      // metadata edited, an entry removed or reordered
  sequence_gap,      // sequence numbers not contiguous
  head_mismatch,     // the last hash differs from the expected head (cut off)
};

struct JournalProblem {
  JournalProblemKind kind;
  std::int64_t sequence;  // the entry where it was found (0 for the head)
  std::string detail;
  bool operator==(const JournalProblem&) const = default;
};

struct JournalVerification {
  bool ok = true;
  std::int64_t entries_checked = 0;
  std::string head;  // hash of the last entry ("" for an empty journal)
  std::vector<JournalProblem> problems;
};

// The head to keep elsewhere (with a backup, say) and pass back to verify.
struct JournalHead {
  std::int64_t sequence = 0;
  std::string hash;
  bool operator==(const JournalHead&) const = default;
};

}  // namespace v1
}  // namespace relais
