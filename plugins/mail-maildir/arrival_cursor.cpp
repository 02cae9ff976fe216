#include "arrival_cursor.h"

#include "text_hash.h"

#include <relais/errors.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

namespace relais::local_mail {

using nlohmann::json;

namespace {

// Keys are kept as fingerprints: a file name may be any bytes, not always
// UTF-8 that JSON can hold, and a long one would swell the cursor.
std::string fingerprint(const std::string& key) { return hash_text(text_hash(key)); }

}  // namespace

ArrivalCursor::ArrivalCursor(std::string_view text, std::string_view kind) : kind_(kind) {
  if (text.empty()) return;
  const json cursor = json::parse(text, nullptr, /*allow_exceptions=*/false);
  const auto refuse = [&] { throw InvalidInputError("cursor", text, "is not a cursor of this " + kind_ + " mailbox"); };
  if (!cursor.is_object() || cursor.value("kind", json()) != kind_ || !cursor.contains("newest") ||
      !cursor["newest"].is_number_integer() || !cursor.contains("recent") || !cursor["recent"].is_object()) {
    refuse();
  }
  newest_ns_ = cursor["newest"].get<std::int64_t>();
  for (const auto& [key, arrival] : cursor["recent"].items()) {
    if (!arrival.is_number_integer()) refuse();
    recent_[key] = arrival.get<std::int64_t>();
  }
}

bool ArrivalCursor::is_after(const ArrivedFile& file) const {
  if (!newest_ns_) return true;
  if (file.arrival_ns < *newest_ns_ - kLookBack.count()) return false;
  // The same key with another time is another file under a name used
  // before (an .eml saved again).
  const auto returned = recent_.find(fingerprint(file.key));
  return returned == recent_.end() || returned->second != file.arrival_ns;
}

void ArrivalCursor::record(const ArrivedFile& file) {
  newest_ns_ = std::max(newest_ns_.value_or(file.arrival_ns), file.arrival_ns);
  recent_[fingerprint(file.key)] = file.arrival_ns;
  std::erase_if(recent_, [&](const auto& entry) { return entry.second < *newest_ns_ - kLookBack.count(); });
}

std::string ArrivalCursor::text() const {
  json recent = json::object();
  for (const auto& [key, arrival] : recent_) recent[key] = arrival;
  return json{{"kind", kind_}, {"newest", newest_ns_.value_or(0)}, {"recent", recent}}.dump();
}

spi::MailBatch fetch_arrivals(std::vector<ArrivedFile> listing, std::string_view cursor_text, std::string_view kind,
                              std::size_t limit, const ReadMessage& read) {
  ArrivalCursor cursor(cursor_text, kind);
  std::erase_if(listing, [&](const ArrivedFile& file) { return !cursor.is_after(file); });
  std::sort(listing.begin(), listing.end(), [](const ArrivedFile& a, const ArrivedFile& b) {
    return std::tie(a.arrival_ns, a.key) < std::tie(b.arrival_ns, b.key);
  });
  spi::MailBatch batch{{}, std::string(cursor_text)};
  bool moved = false;
  for (const auto& file : listing) {
    if (batch.mails.size() == limit) break;
    // A file gone since the listing is passed over for good: it was deleted,
    // or the reader found it again under its new name.
    if (auto raw = read(file)) batch.mails.push_back({file.key, file.folder, std::move(*raw)});
    cursor.record(file);
    moved = true;
  }
  if (moved) batch.next_cursor = cursor.text();
  return batch;
}

}  // namespace relais::local_mail
