// A FIFO of client ids in a power-of-two ring that only grows (bounded by the queue guard).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace sujuva::sim::detail {

class ClientRing {
 public:
  bool empty() const { return size_ == 0; }
  void clear() { head_ = size_ = 0; }
  [[gnu::always_inline]] void push(std::int32_t client) {
    if (size_ == buffer_.size()) [[unlikely]]
      grow();
    buffer_[(head_ + size_) & mask_] = client;
    ++size_;
  }
  [[gnu::always_inline]] std::int32_t pop() {
    std::int32_t client = buffer_[head_];
    head_ = (head_ + 1) & mask_;
    --size_;
    return client;
  }

 private:
  // Out of line: the event loop keeps only the common path of push.
  [[gnu::noinline]] void grow() {
    std::vector<std::int32_t> bigger(std::max<size_t>(16, buffer_.size() * 2));
    for (size_t i = 0; i < size_; ++i) bigger[i] = buffer_[(head_ + i) & (buffer_.size() - 1)];
    buffer_.swap(bigger);
    mask_ = buffer_.size() - 1;
    head_ = 0;
  }
  std::vector<std::int32_t> buffer_;
  size_t head_ = 0, size_ = 0, mask_ = 0;
};

}  // namespace sujuva::sim::detail
