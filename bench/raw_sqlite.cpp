#include "raw_sqlite.h"

#include <openssl/sha.h>

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

}  // namespace

RawDatabase::RawDatabase(const std::string& path) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("open failed");
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000");
}

RawDatabase::~RawDatabase() {
  for (auto* statement : statements_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

void RawDatabase::exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_));
}

sqlite3_stmt* RawDatabase::prepare(const char* sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
    throw std::runtime_error(sqlite3_errmsg(db_));
  }
  statements_.push_back(statement);
  return statement;
}

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

RawJournal::RawJournal(RawDatabase& db)
    : select_head_(db.prepare("SELECT sequence, hash FROM journal_head WHERE id = 1")),
      insert_(db.prepare("INSERT INTO journal (sequence, time, actor, entity, entity_id, action, payload,"
                         " payload_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      update_head_(db.prepare("UPDATE journal_head SET sequence = ?, hash = ? WHERE id = 1")) {}

void RawJournal::append(const char* entity, const std::string& entity_id, const char* action,
                        const std::string& payload, std::int64_t now) {
  sqlite3_step(select_head_);
  std::int64_t sequence = sqlite3_column_int64(select_head_, 0) + 1;
  std::string previous = column_text(select_head_, 1);
  sqlite3_reset(select_head_);
  std::string payload_hash = sha256_hex(payload);
  std::string chained;
  for (const std::string& field : {previous, std::to_string(sequence), std::to_string(now), std::string("admin"),
                                   std::string(entity), entity_id, std::string(action), payload_hash}) {
    append_field(chained, field);
  }
  std::string hash = sha256_hex(chained);
  sqlite3_bind_int64(insert_, 1, sequence);
  sqlite3_bind_int64(insert_, 2, now);
  sqlite3_bind_text(insert_, 3, "admin", -1, SQLITE_STATIC);
  sqlite3_bind_text(insert_, 4, entity, -1, SQLITE_STATIC);
  bind_text(insert_, 5, entity_id);
  sqlite3_bind_text(insert_, 6, action, -1, SQLITE_STATIC);
  bind_text(insert_, 7, payload);
  bind_text(insert_, 8, payload_hash);
  bind_text(insert_, 9, hash);
  run(insert_);
  sqlite3_bind_int64(update_head_, 1, sequence);
  bind_text(update_head_, 2, hash);
  run(update_head_);
}

RawSearchIndex::RawSearchIndex(RawDatabase& db)
    : select_(db.prepare("SELECT kind, customer_id, assignee, title, excerpt_text, title_words, words, filter_words"
                         " FROM search_documents WHERE id = ?")),
      delete_(db.prepare("DELETE FROM search_documents WHERE id = ?")),
      insert_(db.prepare("INSERT INTO search_documents (id, kind, customer_id, assignee, happened_at, archived, title,"
                         " excerpt_text, title_words, words, filter_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {}

RawSearchDocument RawSearchIndex::stored(const std::string& id) {
  bind_text(select_, 1, id);
  if (sqlite3_step(select_) != SQLITE_ROW) throw std::runtime_error("no search document for " + id);
  RawSearchDocument document;
  std::string* columns[] = {&document.kind,         &document.customer_id, &document.assignee,
                            &document.title,        &document.excerpt_text, &document.title_words,
                            &document.words,        &document.filter_words};
  for (int i = 0; i < 8; ++i) *columns[i] = column_text(select_, i);
  sqlite3_reset(select_);
  return document;
}

void RawSearchIndex::write(const std::string& id, const RawSearchDocument& document, std::int64_t time) {
  bind_text(delete_, 1, id);
  run(delete_);
  const std::string* texts[] = {&id, &document.kind, &document.customer_id, &document.assignee};
  for (int i = 0; i < 4; ++i) bind_text(insert_, i + 1, *texts[i]);
  sqlite3_bind_int64(insert_, 5, time);
  sqlite3_bind_int64(insert_, 6, 0);
  const std::string* words[] = {&document.title, &document.excerpt_text, &document.title_words, &document.words,
                                &document.filter_words};
  for (int i = 0; i < 5; ++i) bind_text(insert_, i + 7, *words[i]);
  run(insert_);
}

std::string prepared_database(const ScratchFolder& folder, const std::function<void(Workspace&)>& prepare) {
  std::string path = folder.file("raw.db");
  auto ws = Workspace::open("sqlite://" + path + "?synchronous=NORMAL");
  if (prepare) prepare(ws);
  return path;
}

}  // namespace relais::bench
