// Random numbers for the simulator: xoshiro256++ streams seeded by SplitMix64, and fast samplers.
//
//   Rng rng = Rng::stream(seed, replication);   // independent stream per replication
//   Sampler effort(step.effort->scaled(1 / hours_per_fte));
//   double weeks[64];
//   effort.fill(rng, weeks, 64);                 // draws in a batch
//
// The samplers draw from the same distributions as Distribution::sample but
// precompute their parameters once, instead of building a std:: distribution
// object on every call.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "model/distribution.h"
#include "sim/draws.h"
#include "sim/elementary.h"

namespace sujuva {

// SplitMix64 (Steele, Lea, Flood 2014): turns any 64-bit seed into well-mixed state words.
inline std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// The layers of the ziggurat for the standard normal (Marsaglia & Tsang 2000, 256 layers):
// x[i] are the right edges (x[1] = R, the start of the tail; x[0] = V / f(R), the width of
// the base layer's rectangle of equal area V), f[i] = exp(-x[i]^2 / 2).
struct NormalZiggurat {
  static constexpr double R = 3.6541528853610088, V = 0.00492867323399;
  double x[257], f[257];
  NormalZiggurat() {
    auto pdf = [](double t) { return exp_bounded(-0.5 * t * t); };
    x[0] = V / pdf(R);
    x[1] = R;
    for (int i = 1; i < 255; ++i) x[i + 1] = std::sqrt(-2 * log_positive(V / x[i] + pdf(x[i])));
    x[256] = 0;
    for (int i = 0; i <= 256; ++i) f[i] = pdf(x[i]);
  }
  static const NormalZiggurat& get() {
    static const NormalZiggurat table;
    return table;
  }
};

// xoshiro256++ (Blackman, Vigna 2019): 256-bit state, period 2^256 - 1, passes BigCrush.
class Rng {
 public:
  using result_type = std::uint64_t;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type(0); }

  explicit Rng(std::uint64_t seed) {
    for (auto& word : s_) word = splitmix64(seed);
    for (auto& words : lanes_)
      for (auto& word : words) word = splitmix64(seed);
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
  double exponential(double mean) { return -mean * log_positive(uniform_open0()); }
  // Standard normal by the ziggurat: 99 % of draws are one random word, a multiply and a
  // compare (the polar method needs a logarithm, a square root and a division per pair).
  double normal() {
    const NormalZiggurat& z = NormalZiggurat::get();
    while (true) {
      const std::uint64_t bits = (*this)();
      const int i = int(bits & 0xff);
      const double x = ziggurat_u(bits) * z.x[i];
      if (std::abs(x) < z.x[i + 1]) return x;
      if (double accepted; ziggurat_slow(bits, accepted)) return accepted;
    }
  }
  // The normal of a word whose fast test failed in sim::detail::normal_batch: the same steps as
  // normal() after its fast test, on the same x.
  double normal_after(std::uint64_t bits) {
    double x;
    return ziggurat_slow(bits, x) ? x : normal();
  }
  // Random words for batches (Sampler::fill), from 8 more xoshiro256++ streams side by side so
  // that vector code makes 8 at a time; n a multiple of 8.
  void batch_words(std::uint64_t* out, int n) { sim::detail::lane_words(lanes_, out, n); }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  // u uniform on [-1, 1) from bits 12..63, independent of the layer bits 0..7: as
  // sim::detail::normal_batch computes it, exactly.
  static double ziggurat_u(std::uint64_t bits) {
    return 2 * std::bit_cast<double>(0x3ff0000000000000 | (bits >> 12)) - 3;
  }
  // The ziggurat after the fast test failed for `bits`: the tail beyond R from the base layer,
  // else the wedge test on the same x; false if x is rejected (the caller starts again).
  bool ziggurat_slow(std::uint64_t bits, double& x) {
    const NormalZiggurat& z = NormalZiggurat::get();
    const int i = int(bits & 0xff);
    const double u = ziggurat_u(bits);
    if (i == 0) {
      x = normal_tail(u < 0);
      return true;
    }
    x = u * z.x[i];
    return z.f[i + 1] + (z.f[i] - z.f[i + 1]) * uniform() < exp_bounded(-0.5 * x * x);
  }
  // Beyond R (Marsaglia 1964): x = -ln(u1) / R is accepted when -2 ln(u2) >= x^2.
  double normal_tail(bool negative) {
    double x, y;
    do {
      x = -log_positive(uniform_open0()) / NormalZiggurat::R;
      y = -log_positive(uniform_open0());
    } while (2 * y < x * x);
    return negative ? -(NormalZiggurat::R + x) : NormalZiggurat::R + x;
  }
  std::uint64_t s_[4];
  std::uint64_t lanes_[4][sim::detail::kLanes];
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
    if (d.kind == DistributionKind::triangular && d.c > d.a) {
      tri_split_ = (d.b - d.a) / (d.c - d.a);
      tri_left_ = (d.c - d.a) * (d.b - d.a);
      tri_right_ = (d.c - d.a) * (d.c - d.b);
    }
    if (d.kind == DistributionKind::lognormal) {
      double sigma2 = std::log1p(d.b * d.b);
      mu_ = std::log(d.a) - sigma2 / 2;
      sigma_ = std::sqrt(sigma2);
    }
  }
  double mean() const { return d_.mean(); }
  bool is_zero() const { return d_.kind == DistributionKind::constant && d_.a == 0; }

  // n draws at once: one dispatch on the kind for the whole batch instead of a hard-to-predict
  // branch per draw (the engine cycles through steps of different kinds), and the arithmetic
  // done by vector code (src/sim/draws.h), with the random words from the batch streams of `rng`.
  void fill(Rng& rng, double* out, int n) const {
    for (int done = 0; done < n; done += sim::detail::kBatchMax)
      fill_batch(rng, out + done, std::min(sim::detail::kBatchMax, n - done));
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
      if (log_positive(u) < 0.5 * x * x + mt_d_ * (1 - v + log_positive(v))) break;
    }
    double g = mt_d_ * v;
    if (shape_ < 1) g *= exp_bounded(log_positive(rng.uniform_open0()) / shape_);  // u^(1/shape)
    return g * scale_;
  }

  // n <= kBatchMax draws: random words from the batch streams, transformed by vector code.
  void fill_batch(Rng& rng, double* out, int n) const {
    switch (d_.kind) {
      case DistributionKind::exponential:
        uniforms(rng, out, n, true);
        sim::detail::exponential_batch(out, n, d_.a);
        return;
      case DistributionKind::gamma:
        if (d_.b > 0) return fill_gamma(rng, out, n);
        break;
      case DistributionKind::lognormal:
        if (d_.b > 0) {
          normals(rng, out, n);
          sim::detail::lognormal_batch(out, n, mu_, sigma_);
          return;
        }
        break;
      case DistributionKind::triangular:
        if (d_.c > d_.a) {
          uniforms(rng, out, n, false);
          sim::detail::triangular_batch(out, n, d_.a, d_.c, tri_split_, tri_left_, tri_right_);
          return;
        }
        break;
      case DistributionKind::uniform:
        uniforms(rng, out, n, false);
        for (int i = 0; i < n; ++i) out[i] = d_.a + (d_.b - d_.a) * out[i];
        return;
      case DistributionKind::constant:
        break;
    }
    for (int i = 0; i < n; ++i) out[i] = d_.a;
  }

  // Whole rounds of the 8 streams: a batch of 60 takes 64 words and leaves 4 unused.
  static void words(Rng& rng, std::uint64_t* out, int n) {
    rng.batch_words(out, (n + sim::detail::kLanes - 1) / sim::detail::kLanes * sim::detail::kLanes);
  }
  static void uniforms(Rng& rng, double* out, int n, bool open_zero) {
    std::uint64_t w[sim::detail::kBatchMax];
    words(rng, w, n);
    sim::detail::uniform_batch(w, out, n, open_zero);
  }
  // The 1 % of words that the ziggurat's fast test does not accept are finished on scalar code.
  static void normals(Rng& rng, double* out, int n) {
    std::uint64_t w[sim::detail::kBatchMax];
    words(rng, w, n);
    sim::detail::normal_batch(w, out, n, NormalZiggurat::get().x);
    for (int i = 0; i < n; ++i)
      if (std::isnan(out[i])) out[i] = rng.normal_after(w[i]);
  }

  // Marsaglia-Tsang in a batch. A rejected attempt (0.8 % at cv 0.5, 2.8 % at cv 1.5, counted
  // in a simulation of the algorithm) is replaced by a fresh draw on scalar code, as the
  // algorithm's loop would start again.
  void fill_gamma(Rng& rng, double* out, int n) const {
    double x[sim::detail::kBatchMax], u[sim::detail::kBatchMax], boost[sim::detail::kBatchMax];
    normals(rng, x, n);
    uniforms(rng, u, n, true);
    if (shape_ < 1) uniforms(rng, boost, n, true);
    sim::detail::gamma_batch(x, u, shape_ < 1 ? boost : nullptr, out, n, mt_d_, mt_c_, 1 / shape_, scale_);
    for (int i = 0; i < n; ++i)
      if (std::isnan(out[i])) out[i] = gamma(rng);
  }

  Distribution d_;
  double tri_split_ = 0, tri_left_ = 0, tri_right_ = 0;
  double shape_ = 1, scale_ = 1, mt_d_ = 0, mt_c_ = 0, mu_ = 0, sigma_ = 0;
};

}  // namespace sujuva
