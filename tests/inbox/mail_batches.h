#pragma once
// What the mail connector tests read of a batch, and the field a refusal
// names: shared by the Maildir and IMAP connector tests.
#include <relais/errors.h>
#include <relais/spi/mail.h>

#include <string>
#include <vector>

namespace relais::testing {

inline std::vector<std::string> raws(const spi::MailBatch& batch) {
  std::vector<std::string> result;
  for (const auto& mail : batch.mails) result.push_back(mail.raw);
  return result;
}

inline std::vector<std::string> uids(const spi::MailBatch& batch) {
  std::vector<std::string> result;
  for (const auto& mail : batch.mails) result.push_back(mail.uid);
  return result;
}

// The field of the first error when `call` throws InvalidInputError;
// "(accepted)" when it does not throw.
template <typename Call>
std::string refused_field_of(Call call) {
  try {
    call();
  } catch (const InvalidInputError& error) {
    return error.field_errors().front().field;
  }
  return "(accepted)";
}

}  // namespace relais::testing
