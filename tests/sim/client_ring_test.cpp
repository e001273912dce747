#include "sim/client_ring.h"

#include <catch2/catch.hpp>

using sujuva::sim::detail::ClientRing;

TEST_CASE("The client ring is first in, first out, also while it grows around its wrap", "[sim][queue]") {
  ClientRing ring;
  CHECK(ring.empty());
  for (int i = 0; i < 12; ++i) ring.push(i);
  for (int i = 0; i < 10; ++i) CHECK(ring.pop() == i);  // the head is now near the end of 16 slots
  for (int i = 12; i < 50; ++i) ring.push(i);           // wraps, then grows twice
  for (int i = 10; i < 50; ++i) CHECK(ring.pop() == i);
  CHECK(ring.empty());
  ring.push(7);
  ring.clear();
  CHECK(ring.empty());
}
