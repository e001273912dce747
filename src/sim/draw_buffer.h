// Random draws of one sampler made in batches of 64 (Sampler::fill) and handed out one at a time.
#pragma once

#include "sim/random.h"

namespace sujuva::sim::detail {

struct DrawBuffer {
  static constexpr int kSize = 64;
  int next = kSize;  // first: shares the cache line with the next values
  double values[kSize];
  // The common path inline in the event loop, the refill (once in 64) out of line.
  [[gnu::always_inline]] double take(const Sampler& sampler, Rng& rng) {
    if (next == kSize) [[unlikely]]
      refill(sampler, rng);
    return values[next++];
  }
  [[gnu::noinline]] void refill(const Sampler& sampler, Rng& rng) {
    sampler.fill(rng, values, kSize);
    next = 0;
  }
};

}  // namespace sujuva::sim::detail
