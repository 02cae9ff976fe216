#pragma once
// SQL for the FAQ: the entries and their full-text index (the storage SPI's,
// as search uses), queried with any of a mail's words and ranked by the
// engine's relevance.
#include <relais/inbox/mail.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <optional>
#include <string_view>
#include <vector>

namespace relais::inline v1::detail {

SchemaArea faq_schema();

std::optional<FaqEntry> find_faq(spi::Connection& connection, const Uuid& id);
void insert_faq(spi::Connection& connection, const FaqEntry& entry);
bool update_faq(spi::Connection& connection, const FaqEntry& entry, std::int64_t expected_version);
void delete_faq(spi::Connection& connection, const Uuid& id);
// By question then id, after the entry `after` ("" from the start).
std::vector<FaqEntry> faq_page(spi::Connection& connection, std::size_t limit, std::string_view after);
// The entries holding any word of `text` (folded), best first.
std::vector<FaqSuggestion> rank_faq(spi::Connection& connection, std::string_view text, std::size_t limit);

}  // namespace relais::inline v1::detail
