// Random numbers for the simulator: xoshiro256++ streams seeded by SplitMix64, and fast samplers.
//
//   Rng rng = Rng::stream(seed, replication);   // independent stream per replication
//   Sampler effort(step.effort->scaled(1 / hours_per_fte));
//   double weeks = effort(rng);
//
// The samplers draw from the same distributions as Distribution::sample but
// precompute their parameters once, instead of building a std:: distribution
// object on every call.
#pragma once

#include <cmath>
#include <cstdint>

#include "model/distribution.h"

namespace sujuva {

// SplitMix64 (Steele, Lea, Flood 2014): turns any 64-bit seed into well-mixed state words.
inline std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// xoshiro256++ (Blackman, Vigna 2019): 256-bit state, period 2^256 - 1, passes BigCrush.
class Rng {
 public:
  using result_type = std::uint64_t;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type(0); }

  explicit Rng(std::uint64_t seed) {
    for (auto& word : s_) word = splitmix64(seed);
  }
  // The stream of one replication: the state is drawn by SplitMix64 from a mix of the user's
  // seed and the replication number. Two streams overlap within 10^12 draws with probability
  // about 10^-53 (period 2^256), which is as good as independent for any run sujuva can make.
  static Rng stream(std::uint64_t seed, std::uint64_t replication) {
    std::uint64_t mixed = seed;
    std::uint64_t base = splitmix64(mixed);
    return Rng(base ^ (replication + 1) * 0xd1b54a32d192ed03ULL);
  }

  result_type operator()() {
    const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform on [0, 1) with 53 random bits.
  double uniform() { return double((*this)() >> 11) * 0x1.0p-53; }
  // Uniform on (0, 1]: safe to take the logarithm of.
  double uniform_open0() { return double(((*this)() >> 11) + 1) * 0x1.0p-53; }
  double exponential(double mean) { return -mean * std::log(uniform_open0()); }
  double normal() {
    // Marsaglia's polar method; the second value is kept for the next call.
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u, v, s;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double f = std::sqrt(-2 * std::log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
  double spare_ = 0;
  bool has_spare_ = false;
};

// Draws from one Distribution with its parameters prepared once.
class Sampler {
 public:
  Sampler() = default;
  explicit Sampler(const Distribution& d) : d_(d) {
    if (d.kind == DistributionKind::gamma && d.b > 0) {
      shape_ = 1.0 / (d.b * d.b);
      scale_ = d.a / shape_;
      // Marsaglia-Tsang needs shape >= 1; smaller shapes are boosted by one and corrected.
      double boosted = shape_ < 1 ? shape_ + 1 : shape_;
      mt_d_ = boosted - 1.0 / 3.0;
      mt_c_ = 1.0 / std::sqrt(9 * mt_d_);
    }
    if (d.kind == DistributionKind::lognormal) {
      double sigma2 = std::log1p(d.b * d.b);
      mu_ = std::log(d.a) - sigma2 / 2;
      sigma_ = std::sqrt(sigma2);
    }
  }
  double mean() const { return d_.mean(); }
  bool is_zero() const { return d_.kind == DistributionKind::constant && d_.a == 0; }

  double operator()(Rng& rng) const {
    switch (d_.kind) {
      case DistributionKind::constant:
        return d_.a;
      case DistributionKind::exponential:
        return rng.exponential(d_.a);
      case DistributionKind::gamma:
        return d_.b > 0 ? gamma(rng) : d_.a;
      case DistributionKind::lognormal:
        return d_.b > 0 ? std::exp(mu_ + sigma_ * rng.normal()) : d_.a;
      case DistributionKind::triangular:
        return d_.detail_triangular(rng.uniform());
      case DistributionKind::uniform:
        return d_.a + (d_.b - d_.a) * rng.uniform();
    }
    return d_.a;
  }

 private:
  double gamma(Rng& rng) const {
    // Marsaglia & Tsang (2000), "A simple method for generating gamma variables".
    double x, v;
    while (true) {
      do {
        x = rng.normal();
        v = 1 + mt_c_ * x;
      } while (v <= 0);
      v = v * v * v;
      double u = rng.uniform_open0();
      if (u < 1 - 0.0331 * x * x * x * x) break;
      if (std::log(u) < 0.5 * x * x + mt_d_ * (1 - v + std::log(v))) break;
    }
    double g = mt_d_ * v;
    if (shape_ < 1) g *= std::pow(rng.uniform_open0(), 1 / shape_);
    return g * scale_;
  }

  Distribution d_;
  double shape_ = 1, scale_ = 1, mt_d_ = 0, mt_c_ = 0, mu_ = 0, sigma_ = 0;
};

}  // namespace sujuva
