#pragma once
// The one exception hierarchy of Relais. Every public call reports failure by
// throwing one of these; nothing else escapes the library (third-party errors
// are translated at the edge where they occur). The Python module maps each
// class to a Python exception of the same name.
#include <relais/export.h>

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

enum class ErrorCode {
  invalid_input,
  not_found,
  conflict,
  permission_denied,
  storage,
  plugin,
};

// Returns "invalid_input", "not_found", ... (stable, for logs and bindings).
RELAIS_API std::string_view to_string(ErrorCode code) noexcept;

// Cuts a user-supplied value to a readable length (80 characters, on a UTF-8
// boundary, with "..." and the full size appended) before it is quoted in a
// message. Thread-safe, never throws except std::bad_alloc.
RELAIS_API std::string quote_value(std::string_view value);

// Base of every Relais error. context() holds machine-readable details
// (field, value, operation, entity, id...) so a front end can word its own
// message; what() is an English sentence for logs.
class RELAIS_API Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message,
        std::map<std::string, std::string> context = {});
  ErrorCode code() const noexcept { return code_; }
  const std::map<std::string, std::string>& context() const noexcept { return context_; }

 private:
  ErrorCode code_;
  std::map<std::string, std::string> context_;
};

// One rejected field: its name ("contacts[0].phones[1]"), the offending value
// (already cut by quote_value) and why it was rejected.
struct FieldError {
  std::string field;
  std::string value;
  std::string message;
  bool operator==(const FieldError&) const = default;
};

// Input that breaks a rule. Carries every field error found, not only the
// first, so a form can highlight them all at once.
class RELAIS_API InvalidInputError : public Error {
 public:
  explicit InvalidInputError(std::vector<FieldError> errors);
  InvalidInputError(std::string field, std::string_view value, std::string message);
  const std::vector<FieldError>& field_errors() const noexcept { return errors_; }

 private:
  std::vector<FieldError> errors_;
};

// The entity/id asked for does not exist (or is not visible to the actor).
class RELAIS_API NotFoundError : public Error {
 public:
  NotFoundError(std::string entity, std::string id);
};

// The record changed since the caller read it (stale version), or a unique
// value is already taken. Nothing was written.
class RELAIS_API ConflictError : public Error {
 public:
  ConflictError(const std::string& message, std::map<std::string, std::string> context = {});
};

// The bound actor may not perform the action.
class RELAIS_API PermissionDeniedError : public Error {
 public:
  PermissionDeniedError(const std::string& message, std::map<std::string, std::string> context = {});
};

// The database failed or refused (I/O error, schema too new, lost connection).
// context() has "operation" and, when the engine gave one, "sql_state".
class RELAIS_API StorageError : public Error {
 public:
  StorageError(const std::string& message, std::map<std::string, std::string> context = {});
};

// A plugin could not be found, loaded, checked or created.
class RELAIS_API PluginError : public Error {
 public:
  PluginError(const std::string& message, std::map<std::string, std::string> context = {});
};

// Collects field errors during validation, then throws them all at once.
class RELAIS_API FieldErrors {
 public:
  void add(std::string field, std::string_view value, std::string message);
  bool empty() const noexcept { return errors_.empty(); }
  const std::vector<FieldError>& errors() const noexcept { return errors_; }
  // Throws InvalidInputError when at least one error was added.
  void throw_if_any() const;

 private:
  std::vector<FieldError> errors_;
};

}  // namespace v1
}  // namespace relais
