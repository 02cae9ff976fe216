#include "storage/connection_pool.h"

namespace relais::inline v1::detail {

PooledConnection::PooledConnection(ConnectionPool& pool, std::unique_ptr<spi::Connection> connection)
    : pool_(&pool), connection_(std::move(connection)) {}

PooledConnection::~PooledConnection() {
  if (connection_) pool_->give_back(std::move(connection_));
}

ConnectionPool::ConnectionPool(std::shared_ptr<spi::StorageBackend> backend, std::size_t capacity)
    : backend_(std::move(backend)), capacity_(capacity) {}

PooledConnection ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty() || opened_ < capacity_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return PooledConnection(*this, std::move(connection));
  }
  ++opened_;
  lock.unlock();
  try {
    return PooledConnection(*this, backend_->connect());
  } catch (...) {
    std::lock_guard relock(mutex_);
    --opened_;
    available_.notify_one();
    throw;
  }
}

void ConnectionPool::give_back(std::unique_ptr<spi::Connection> connection) noexcept {
  std::lock_guard lock(mutex_);
  if (connection->is_broken()) {
    --opened_;  // drop it; the next acquire opens a fresh one
  } else {
    idle_.push_back(std::move(connection));
  }
  available_.notify_one();
}

}  // namespace relais::inline v1::detail
