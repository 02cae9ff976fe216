// Feeds arbitrary bytes to parse_mail. Checks its promises: it never
// throws, every text it returns is valid UTF-8, a kept attachment has its
// size and hash, one over the limit keeps nothing, the reply split only
// moves lines of the text, and a parse error leaves everything else empty.
#include "inbox/mime/mail_parser.h"

#include "core/charset.h"
#include "core/sha256.h"

#include "validator_invariants.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace relais::detail;
  using relais::fuzz::require;
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  // A small limit, so that the fuzzer reaches the over-limit path too.
  const ParsedMail mail = parse_mail(raw, {.max_attachment_bytes = 512, .max_depth = 8});
  if (!mail.parse_error.empty()) {
    require(mail.headers.empty() && mail.text.empty() && mail.attachments.empty(), "a parse error leaves nothing");
    return 0;
  }
  for (const std::string* text : {&mail.message_id, &mail.in_reply_to, &mail.from.name, &mail.from.address,
                                  &mail.subject, &mail.text, &mail.new_text, &mail.quoted_text, &mail.signature}) {
    require(is_valid_utf8(*text), "texts are UTF-8");
  }
  for (const auto& [name, value] : mail.headers) require(is_valid_utf8(name) && is_valid_utf8(value), "headers are UTF-8");
  for (const auto& problem : mail.problems) require(is_valid_utf8(problem), "problems are UTF-8");
  require(mail.problems.size() <= 50, "at most 50 problems");
  for (const auto& attachment : mail.attachments) {
    require(is_valid_utf8(attachment.filename), "filenames are UTF-8");
    if (attachment.over_limit) {
      require(attachment.size > 512 && attachment.content.empty() && attachment.sha256.empty(), "over the limit: nothing kept");
    } else {
      require(attachment.size == attachment.content.size(), "the size of what is kept");
      require(attachment.sha256 == sha256_hex(attachment.content), "the hash of what is kept");
    }
  }
  require(mail.new_text.size() + mail.quoted_text.size() + mail.signature.size() <= mail.text.size() + 2,
          "the reply split only moves lines of the text");
  return 0;
}
