// The event kinds and record, and a d-ary min-heap of events ordered by (time, sequence number):
// the engine's event calendar until EventSet (event_set.h) replaced it; tools/bench/sim keeps
// it as the baseline of the hold benchmark.
//
//   EventQueue<4> events;  events.reserve(1024);
//   events.push({2.5, EventKind::service_end, role, server});
//   Event next = events.pop();   // earliest time; ties in the order they were pushed
//
// The sequence number breaks ties between events at the same time in the order
// they were scheduled, so a run does not depend on heap internals.
// tools/bench/sim measures arity 2 against 4; 4 is faster (shallower, and the
// four children of a node share a cache line pair).
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace sujuva {

enum class EventKind : std::uint8_t {
  arrival,       // a: start step index
  service_end,   // a: role, b: server
  delay_end,     // a: client
  absence,       // a: role, b: server (toggle present/absent)
  week_end,      // weekly sample
  window_start,  // end of the warm-up
  change         // a: timeline change index
};

struct Event {
  double time;
  std::uint64_t sequence;
  EventKind kind;
  std::int32_t a;
  std::int32_t b;
};

template <int Arity>
class EventQueue {
 public:
  void reserve(std::size_t n) { heap_.reserve(n); }
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const Event& top() const { return heap_.front(); }
  void clear() {
    heap_.clear();
    next_sequence_ = 0;
  }

  void push(double time, EventKind kind, std::int32_t a, std::int32_t b = 0) {
    Event e{time, next_sequence_++, kind, a, b};
    std::size_t i = heap_.size();
    heap_.push_back(e);
    while (i > 0) {
      std::size_t parent = (i - 1) / Arity;
      if (!before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  Event pop() {
    Event top = heap_.front();
    Event last = heap_.back();
    heap_.pop_back();
    std::size_t n = heap_.size();
    if (n == 0) return top;
    const Key last_key = key(last);
    std::size_t i = 0;
    while (true) {
      std::size_t first = i * Arity + 1;
      if (first >= n) break;
      // The smallest child, chosen without branches (conditional moves): the comparisons
      // are unpredictable and a mispredicted branch costs more than the compare.
      std::size_t best = first;
      Key best_key = key(heap_[first]);
      std::size_t end = first + Arity < n ? first + Arity : n;
      for (std::size_t c = first + 1; c < end; ++c) {
        Key k = key(heap_[c]);
        bool smaller = k < best_key;
        best = smaller ? c : best;
        best_key = smaller ? k : best_key;
      }
      if (!(best_key < last_key)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = last;
    return top;
  }

 private:
  // (time, sequence) as one 128-bit number: the bits of a non-negative double order like the
  // double itself, so one unsigned comparison orders by time and then by sequence.
  using Key = unsigned __int128;
  static Key key(const Event& e) {
    std::uint64_t bits;
    std::memcpy(&bits, &e.time, sizeof bits);
    return (Key(bits) << 64) | e.sequence;
  }
  static bool before(const Event& x, const Event& y) { return key(x) < key(y); }
  std::vector<Event> heap_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace sujuva
