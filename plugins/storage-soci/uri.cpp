#include "uri.h"

#include <relais/errors.h>

#include <charconv>
#include <utility>

namespace relais::soci_storage {
namespace {

constexpr std::string_view kSchemeSeparator = "://";

[[noreturn]] void reject(std::string field, std::string_view value, std::string message) {
  throw InvalidInputError(std::move(field), value, std::move(message));
}

std::pair<std::string_view, std::string_view> split_once(std::string_view text, char separator) {
  const std::size_t at = text.find(separator);
  if (at == std::string_view::npos) return {text, {}};
  return {text.substr(0, at), text.substr(at + 1)};
}

int hex_value(char digit) {
  if (digit >= '0' && digit <= '9') return digit - '0';
  if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
  if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
  return -1;
}

// NUL is refused: every decoded value ends up in a C string.
std::string percent_decode(std::string_view text, const std::string& field) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      decoded += text[i];
      continue;
    }
    const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    const int low = high >= 0 ? hex_value(text[i + 2]) : -1;
    if (low < 0 || (high == 0 && low == 0)) {
      reject(field, text.substr(i, 3), "bad percent-encoding (%XX, not %00)");
    }
    decoded += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return decoded;
}

template <class Handler>
void for_each_option(std::string_view query, Handler&& handler) {
  while (!query.empty()) {
    auto [option, rest] = split_once(query, '&');
    query = rest;
    if (option.empty()) continue;
    auto [key, value] = split_once(option, '=');
    if (key.empty() || key.size() == option.size()) reject("uri", option, "expected key=value option");
    handler(key, value);
  }
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  }
  return true;
}

Synchronous parse_synchronous(std::string_view value) {
  if (equals_ignoring_case(value, "FULL")) return Synchronous::full;
  if (equals_ignoring_case(value, "NORMAL")) return Synchronous::normal;
  if (equals_ignoring_case(value, "OFF")) return Synchronous::off;
  reject("uri.synchronous", value, "expected FULL, NORMAL or OFF");
}

// Digits only (no sign, no spaces), within [minimum, maximum].
int parse_bounded(std::string_view text, int minimum, int maximum, const std::string& field,
                  const std::string& expected) {
  int parsed = 0;
  const char* end = text.data() + text.size();
  const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits || std::from_chars(text.data(), end, parsed).ptr != end || parsed < minimum ||
      parsed > maximum) {
    reject(field, text, expected);
  }
  return parsed;
}

DatabaseUri parse_sqlite(std::string_view uri, std::string_view rest) {
  DatabaseUri result;
  result.engine = EngineKind::sqlite;
  result.redacted = uri;
  auto [location, query] = split_once(rest, '?');
  if (location.empty()) reject("uri", uri, "missing database path (sqlite:///absolute/path.db)");
  result.sqlite_path = percent_decode(location, "uri");
  for_each_option(query, [&](std::string_view key, std::string_view value) {
    if (key == "synchronous") {
      result.synchronous = parse_synchronous(value);
    } else if (key == "busy_timeout") {
      result.busy_timeout_ms = parse_bounded(value, 0, 24 * 3600 * 1000, "uri.busy_timeout",
                                             "expected milliseconds from 0 to 86400000");
    } else {
      reject("uri", key, "unknown option (expected synchronous or busy_timeout)");
    }
  });
  return result;
}

// libpq's key='value' syntax: quotes and backslashes are escaped.
void append_setting(std::string& out, std::string_view key, std::string_view value) {
  if (!out.empty()) out += ' ';
  out.append(key).append("='");
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
}

struct HostPort {
  std::string_view host;
  std::string_view port;
};

// "host", "host:port", "[v6::address]:port" or "".
HostPort split_host_port(std::string_view text) {
  if (text.starts_with('[')) {
    const std::size_t close = text.find(']');
    if (close == std::string_view::npos) reject("uri.host", text, "unclosed '[' in host");
    std::string_view after = text.substr(close + 1);
    if (!after.empty() && !after.starts_with(':')) reject("uri.host", text, "unexpected text after ']'");
    return {text.substr(1, close - 1), after.empty() ? after : after.substr(1)};
  }
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return {text, {}};
  return {text.substr(0, colon), text.substr(colon + 1)};
}

bool is_option_name(std::string_view key) {
  return key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos;
}

DatabaseUri parse_postgresql(std::string_view uri, std::string_view rest) {
  DatabaseUri result;
  result.engine = EngineKind::postgresql;
  result.redacted = uri;
  auto [location, query] = split_once(rest, '?');
  const std::size_t slash = location.find('/');
  const std::string_view database = slash == std::string_view::npos ? "" : location.substr(slash + 1);
  if (database.empty()) reject("uri.database", database, "missing database name (postgresql://host/db)");
  const std::string_view authority = location.substr(0, slash);
  const std::size_t at = authority.rfind('@');
  const std::string_view user_info = at == std::string_view::npos ? "" : authority.substr(0, at);
  const HostPort host_port = split_host_port(authority.substr(at == std::string_view::npos ? 0 : at + 1));
  auto [user, password] = split_once(user_info, ':');

  std::string& settings = result.connection_string;
  if (!host_port.host.empty()) append_setting(settings, "host", percent_decode(host_port.host, "uri.host"));
  if (!host_port.port.empty()) {
    append_setting(settings, "port",
                   std::to_string(parse_bounded(host_port.port, 1, 65535, "uri.port",
                                                "expected a port number from 1 to 65535")));
  }
  append_setting(settings, "dbname", percent_decode(database, "uri.database"));
  if (!user.empty()) append_setting(settings, "user", percent_decode(user, "uri.user"));
  if (!password.empty()) {
    append_setting(settings, "password", percent_decode(password, "uri.password"));
    const std::size_t start = static_cast<std::size_t>(password.data() - uri.data());
    result.redacted.replace(start, password.size(), "***");
  }
  bool encoding_given = false;
  for_each_option(query, [&](std::string_view key, std::string_view value) {
    if (!is_option_name(key)) reject("uri", key, "bad option name");
    encoding_given = encoding_given || key == "client_encoding";
    append_setting(settings, key, percent_decode(value, "uri." + std::string(key)));
  });
  // Relais exchanges UTF-8 text only, whatever the server's default.
  if (!encoding_given) append_setting(settings, "client_encoding", "UTF8");
  return result;
}

}  // namespace

DatabaseUri parse_database_uri(std::string_view uri) {
  const std::size_t separator = uri.find(kSchemeSeparator);
  if (separator == std::string_view::npos) {
    // Quote only what precedes any ':' so that a password never shows.
    reject("uri", uri.substr(0, uri.find(':')),
           "expected sqlite:///path.db or postgresql://user@host:port/database");
  }
  const std::string_view scheme = uri.substr(0, separator);
  const std::string_view rest = uri.substr(separator + kSchemeSeparator.size());
  if (scheme == "sqlite") return parse_sqlite(uri, rest);
  if (scheme == "postgresql" || scheme == "postgres") return parse_postgresql(uri, rest);
  reject("uri", scheme, "unknown scheme (expected sqlite or postgresql)");
}

}  // namespace relais::soci_storage
