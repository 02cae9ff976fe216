#pragma once
// A bounded pool of connections to one StorageBackend.
#include <relais/spi/storage.h>

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace relais::inline v1::detail {

class ConnectionPool;

// A connection on loan; gives it back (or discards it when broken) on
// destruction. Movable.
class PooledConnection {
 public:
  PooledConnection(ConnectionPool& pool, std::unique_ptr<spi::Connection> connection);
  ~PooledConnection();
  PooledConnection(PooledConnection&&) noexcept = default;
  PooledConnection& operator=(PooledConnection&&) = delete;
  spi::Connection& operator*() const { return *connection_; }
  spi::Connection* operator->() const { return connection_.get(); }

 private:
  ConnectionPool* pool_;
  std::unique_ptr<spi::Connection> connection_;
};

// Thread-safe. Opens connections lazily up to `capacity`; acquire() waits
// when all are on loan. The backend must outlive the pool.
class ConnectionPool {
 public:
  ConnectionPool(std::shared_ptr<spi::StorageBackend> backend, std::size_t capacity);
  // Throws StorageError when a new connection cannot be opened.
  PooledConnection acquire();
  spi::StorageBackend& backend() const { return *backend_; }

 private:
  friend class PooledConnection;
  void give_back(std::unique_ptr<spi::Connection> connection) noexcept;

  std::shared_ptr<spi::StorageBackend> backend_;
  std::size_t capacity_;
  std::size_t opened_ = 0;
  std::vector<std::unique_ptr<spi::Connection>> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

}  // namespace relais::inline v1::detail
