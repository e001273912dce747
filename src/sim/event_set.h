// The simulator's pending events: one slot per event source, kept in a tournament tree.
//
//   EventSet events;
//   int server_done = events.add_slot(EventKind::service_end, role, server);
//   events.schedule(server_done, 2.5);           // (re)schedules the slot's one event
//   events.push_client(3.0, EventKind::delay_end, client);   // any number of these
//   Event next = events.pop();                    // earliest time; ties in the order scheduled
//
// Most sources have at most one pending event at a time (a server's end of service, a
// start's next arrival, the next weekly sample), so each owns a leaf of a complete binary
// tree whose inner nodes hold the smaller key of their children. Popping reads the root;
// (re)scheduling a leaf replays its path to the root: log2(slots) compare-and-select steps
// with no data-dependent branch, about three times cheaper than a heap's pop plus push
// (tools/bench/sim measures both). Per-client events (delays) go to a 4-ary heap whose
// earliest event occupies one slot.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <vector>

#include "sim/event_queue.h"

namespace sujuva {

class EventSet {
 public:
  EventSet() { clear(); }

  // Removes every slot and event; slot numbers restart from 0 (slot 0 is the client heap's).
  void clear() {
    targets_.clear();
    capacity_ = 0;
    node_.clear();
    next_sequence_ = 0;
    stale_ = kNone;
    clients_.clear();
    targets_.push_back({EventKind::delay_end, 0, 0});
    grow(64);
  }

  int add_slot(EventKind kind, std::int32_t a, std::int32_t b = 0) {
    if (targets_.size() >= kMaxSlots) throw std::length_error("more than 2^24 event sources");
    targets_.push_back({kind, a, b});
    if (targets_.size() > capacity_) grow(capacity_ * 2);
    return static_cast<int>(targets_.size() - 1);
  }

  // The slot's event happens at `time` (replacing any event it had pending).
  void schedule(int slot, double time) {
    if (slot == stale_) stale_ = kNone;
    set(slot, key(time, next_sequence_++, slot));
  }
  void cancel(int slot) {
    if (slot == stale_) stale_ = kNone;
    set(slot, kEmpty);
  }

  void push_client(double time, EventKind kind, std::int32_t a) {
    const std::uint64_t sequence = next_sequence_++;
    clients_.push(time, sequence, kind, a);
    const Key k = key(time, sequence, 0);
    if (k < node_[capacity_]) set(0, k);  // the earliest client event now
  }

  bool empty() {
    flush();
    return node_[1] == kEmpty;
  }
  // NaN when empty.
  double top_time() {
    flush();
    return time_of(node_[1]);
  }

  // The earliest event. Its slot is emptied when the caller next looks at the set, unless
  // it schedules the slot again first (the common case: a server starts its next client).
  Event pop() {
    flush();
    const Key top = node_[1];
    const int slot = static_cast<int>(static_cast<std::uint64_t>(top) & kSlotMask);
    const double time = time_of(top);
    if (slot == 0) {
      Event e = clients_.pop();
      set(0, clients_.empty() ? kEmpty : key(clients_.top().time, clients_.top().sequence, 0));
      return e;
    }
    stale_ = slot;
    const Target& t = targets_[slot];
    return Event{time, 0, t.kind, t.a, t.b};
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
  static constexpr Key kEmpty = ~Key(0);
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
  void flush() {
    if (stale_ == kNone) return;
    int slot = stale_;
    stale_ = kNone;
    set(slot, kEmpty);
  }
  void grow(std::size_t capacity) {
    std::vector<Key> bigger(2 * capacity, kEmpty);
    for (std::size_t s = 0; s < capacity_; ++s) bigger[capacity + s] = node_[capacity_ + s];
    for (std::size_t i = capacity - 1; i >= 1; --i) bigger[i] = std::min(bigger[2 * i], bigger[2 * i + 1]);
    node_.swap(bigger);
    capacity_ = capacity;
  }

  std::vector<Target> targets_;
  std::size_t capacity_ = 0;
  std::vector<Key> node_;  // node_[1] the root, leaves from node_[capacity_]
  std::uint64_t next_sequence_ = 0;
  int stale_ = kNone;
  EventQueue<4> clients_;
};

}  // namespace sujuva
