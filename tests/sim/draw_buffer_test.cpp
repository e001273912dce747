#include "sim/draw_buffer.h"

#include <catch2/catch.hpp>

using namespace sujuva;

TEST_CASE("A draw buffer hands out the sampler's batches in order and refills every 64 draws", "[sim][random]") {
  const Sampler sampler(Distribution{DistributionKind::exponential, 2});
  Rng batch_rng = Rng::stream(7, 0), buffer_rng = Rng::stream(7, 0);
  double expected[128];
  sampler.fill(batch_rng, expected, 64);
  sampler.fill(batch_rng, expected + 64, 64);
  sim::detail::DrawBuffer buffer;
  for (double x : expected) CHECK(buffer.take(sampler, buffer_rng) == x);
  CHECK(buffer.next == 64);
}
