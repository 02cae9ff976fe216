#include <relais/errors.h>

#include "core/text.h"

#include <utility>

namespace relais {
inline namespace v1 {
namespace {

constexpr std::size_t kQuotedLimit = 80;

std::string join_field_errors(const std::vector<FieldError>& errors) {
  std::string message = "invalid input: ";
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (i) message += "; ";
    message += errors[i].field + " \"" + errors[i].value + "\": " + errors[i].message;
  }
  return message;
}

std::map<std::string, std::string> first_field_context(const std::vector<FieldError>& errors) {
  if (errors.empty()) return {};
  return {{"field", errors.front().field}, {"value", errors.front().value}};
}

}  // namespace

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::invalid_input: return "invalid_input";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::permission_denied: return "permission_denied";
    case ErrorCode::storage: return "storage";
    case ErrorCode::plugin: return "plugin";
  }
  return "unknown";
}

std::string quote_value(std::string_view value) {
  if (value.size() <= kQuotedLimit) return std::string(value);
  std::string quoted(value.substr(0, detail::utf8_boundary(value, kQuotedLimit)));
  quoted += "... (" + std::to_string(value.size()) + " bytes)";
  return quoted;
}

Error::Error(ErrorCode code, const std::string& message, std::map<std::string, std::string> context)
    : std::runtime_error(message), code_(code), context_(std::move(context)) {}

InvalidInputError::InvalidInputError(std::vector<FieldError> errors)
    : Error(ErrorCode::invalid_input, join_field_errors(errors), first_field_context(errors)),
      errors_(std::move(errors)) {}

InvalidInputError::InvalidInputError(std::string field, std::string_view value, std::string message)
    : InvalidInputError(std::vector<FieldError>{{std::move(field), quote_value(value), std::move(message)}}) {}

NotFoundError::NotFoundError(std::string entity, std::string id)
    : Error(ErrorCode::not_found, entity + " " + quote_value(id) + " not found",
            {{"entity", entity}, {"id", quote_value(id)}}) {}

ConflictError::ConflictError(const std::string& message, std::map<std::string, std::string> context)
    : Error(ErrorCode::conflict, message, std::move(context)) {}

PermissionDeniedError::PermissionDeniedError(const std::string& message,
                                             std::map<std::string, std::string> context)
    : Error(ErrorCode::permission_denied, message, std::move(context)) {}

StorageError::StorageError(const std::string& message, std::map<std::string, std::string> context)
    : Error(ErrorCode::storage, message, std::move(context)) {}

PluginError::PluginError(const std::string& message, std::map<std::string, std::string> context)
    : Error(ErrorCode::plugin, message, std::move(context)) {}

void FieldErrors::add(std::string field, std::string_view value, std::string message) {
  errors_.push_back({std::move(field), quote_value(value), std::move(message)});
}

void FieldErrors::throw_if_any() const {
  if (!errors_.empty()) throw InvalidInputError(errors_);
}

}  // namespace v1
}  // namespace relais
