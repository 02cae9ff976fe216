#pragma once
// Runs a function inside one transaction: commit when it returns, rollback
// when it throws (the exception then propagates unchanged).
#include <relais/spi/storage.h>

#include <type_traits>

namespace relais::inline v1::detail {

template <typename Fn>
auto in_transaction(spi::Connection& connection, spi::TransactionMode mode, Fn&& fn) {
  connection.begin(mode);
  try {
    if constexpr (std::is_void_v<std::invoke_result_t<Fn, spi::Connection&>>) {
      fn(connection);
      connection.commit();
    } else {
      auto result = fn(connection);
      connection.commit();
      return result;
    }
  } catch (...) {
    connection.rollback();
    throw;
  }
}

}  // namespace relais::inline v1::detail
