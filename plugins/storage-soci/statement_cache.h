#pragma once
// Prepared statements of one connection, keyed by their SQL text.
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace relais::soci_storage {

// Lets the cache be searched with the caller's string_view: a cache hit
// builds no std::string.
struct SqlHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view sql) const noexcept { return std::hash<std::string_view>{}(sql); }
};

template <class Statement>
using StatementCache = std::unordered_map<std::string, Statement, SqlHash, std::equal_to<>>;

}  // namespace relais::soci_storage
