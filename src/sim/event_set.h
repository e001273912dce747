// The simulator's pending events: a tournament tree over a pool of slots, one event per slot.
//
//   EventSet events;
//   int slot = events.schedule(2.5, EventKind::service_end, role, server);
//   events.cancel(slot);                          // only while it is pending
//   Event next = events.pop();                    // earliest time; ties in the order scheduled
//
// The leaves of a complete binary tree are the slots, every inner node holds the smaller key of
// its two children, so the earliest event is the root. Writing a leaf replays its path to the
// root: log2(slots) compare-and-select steps with no data-dependent branch. A popped event's
// slot is handed to the next event scheduled, so that the usual step of a simulation (pop an
// event, schedule its successor) costs one replay; the slot is emptied only if nothing is
// scheduled before the next look at the set. tools/bench/sim measures this against the 4-ary
// heap (EventQueue), which needs a sift-down and a sift-up with unpredictable exits.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "sim/event_queue.h"

namespace sujuva {

class EventSet {
 public:
  EventSet() { clear(); }

  void clear() {
    capacity_ = 0;
    node_.clear();
    targets_.clear();
    free_.clear();
    next_sequence_ = 0;
    stale_ = kNone;
    grow(64);
  }

  // Returns the event's slot, valid until the event is popped or cancelled.
  int schedule(double time, EventKind kind, std::int32_t a, std::int32_t b = 0) {
    int slot = stale_;
    stale_ = kNone;
    if (slot == kNone) {
      if (free_.empty()) grow(capacity_ * 2);
      slot = free_.back();
      free_.pop_back();
    }
    targets_[slot] = {kind, a, b};
    set(slot, key(time, next_sequence_++, slot));
    return slot;
  }

  void cancel(int slot) {
    set(slot, kEmpty);
    free_.push_back(slot);
  }

  // NaN when empty.
  double top_time() {
    flush();
    return time_of(node_[1]);
  }

  Event pop() {
    flush();
    const Key top = node_[1];
    const int slot = static_cast<int>(static_cast<std::uint64_t>(top) & kSlotMask);
    stale_ = slot;
    const Target& t = targets_[slot];
    return Event{time_of(top), 0, t.kind, t.a, t.b};
  }

 private:
  // (time, sequence, slot) as one 128-bit number: the bits of a non-negative double order like
  // the double, then the sequence (40 bits) breaks ties in scheduling order, and the slot
  // (24 bits) rides along. 2^40 schedulings is hours of simulation of one replication; beyond
  // that only the order of events at exactly equal times could change.
  using Key = unsigned __int128;
  static constexpr int kSlotBits = 24;
  static constexpr std::uint64_t kSlotMask = (std::uint64_t(1) << kSlotBits) - 1;
  static constexpr std::size_t kMaxSlots = std::size_t(1) << kSlotBits;
  static constexpr Key kEmpty = ~Key(0);  // its time bits are a NaN
  static constexpr int kNone = -1;
  struct Target {
    EventKind kind;
    std::int32_t a, b;
  };

  static Key key(double time, std::uint64_t sequence, int slot) {
    std::uint64_t bits;
    std::memcpy(&bits, &time, sizeof bits);
    return (Key(bits) << 64) | (sequence << kSlotBits) | std::uint64_t(slot);
  }
  static double time_of(Key k) {
    std::uint64_t bits = static_cast<std::uint64_t>(k >> 64);
    double time;
    std::memcpy(&time, &bits, sizeof time);
    return time;
  }

  void set(int slot, Key k) {
    std::size_t i = capacity_ + std::size_t(slot);
    node_[i] = k;
    for (; i > 1; i >>= 1) {
      const Key sibling = node_[i ^ 1];
      k = sibling < k ? sibling : k;
      node_[i >> 1] = k;
    }
  }
  // The popped event's slot, if nothing took it over, is emptied and freed.
  void flush() {
    if (stale_ == kNone) return;
    cancel(stale_);
    stale_ = kNone;
  }
  void grow(std::size_t capacity) {
    if (capacity > kMaxSlots) throw std::length_error("more than 2^24 pending simulation events");
    std::vector<Key> bigger(2 * capacity, kEmpty);
    for (std::size_t s = 0; s < capacity_; ++s) bigger[capacity + s] = node_[capacity_ + s];
    for (std::size_t i = capacity - 1; i >= 1; --i) bigger[i] = std::min(bigger[2 * i], bigger[2 * i + 1]);
    node_.swap(bigger);
    targets_.resize(capacity);
    for (std::size_t s = capacity; s-- > capacity_;) free_.push_back(static_cast<int>(s));  // lowest on top
    capacity_ = capacity;
  }

  std::size_t capacity_ = 0;
  std::vector<Key> node_;  // node_[1] the root, leaves from node_[capacity_]
  std::vector<Target> targets_;
  std::vector<int> free_;
  std::uint64_t next_sequence_ = 0;
  int stale_ = kNone;
};

}  // namespace sujuva
