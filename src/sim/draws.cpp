// Batches of random draws; built with -O3 so that the loops vectorise (CMakeLists.txt).
#include "sim/draws.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "sim/elementary.h"

namespace sujuva::sim::detail {

// Elsewhere than on x86-64 the compiler's one version of each loop runs (the same bits again).
#if defined(__x86_64__)
#define SUJUVA_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define SUJUVA_VECTOR_CLONES
#endif

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// [1, 2) from the top 52 bits of a word: every value a multiple of 2^-52, exactly.
inline double one_to_two(std::uint64_t word) { return std::bit_cast<double>(0x3ff0000000000000 | (word >> 12)); }
}  // namespace

SUJUVA_VECTOR_CLONES void lane_words(std::uint64_t (&state)[4][kLanes], std::uint64_t* out, int n) {
  // GCC's vector type of 8 words: one AVX-512 register, two AVX2 or four SSE2 registers.
  using Words = std::uint64_t __attribute__((vector_size(8 * kLanes)));
  Words s0, s1, s2, s3;
  std::memcpy(&s0, state[0], sizeof s0);
  std::memcpy(&s1, state[1], sizeof s1);
  std::memcpy(&s2, state[2], sizeof s2);
  std::memcpy(&s3, state[3], sizeof s3);
  for (int j = 0; j < n; j += kLanes) {  // xoshiro256++, one step of each stream
    const Words sum = s0 + s3;
    const Words result = ((sum << 23) | (sum >> 41)) + s0;
    std::memcpy(out + j, &result, sizeof result);
    const Words t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 45) | (s3 >> 19);
  }
  std::memcpy(state[0], &s0, sizeof s0);
  std::memcpy(state[1], &s1, sizeof s1);
  std::memcpy(state[2], &s2, sizeof s2);
  std::memcpy(state[3], &s3, sizeof s3);
}

SUJUVA_VECTOR_CLONES void uniform_batch(const std::uint64_t* words, double* out, int n, bool open_zero) {
  if (open_zero)
    for (int i = 0; i < n; ++i) out[i] = 2.0 - one_to_two(words[i]);
  else
    for (int i = 0; i < n; ++i) out[i] = one_to_two(words[i]) - 1.0;
}

SUJUVA_VECTOR_CLONES void normal_batch(const std::uint64_t* words, double* out, int n, const double* layer_x) {
  double width[kBatchMax], inner[kBatchMax];  // the table lookups first: they do not vectorise
  for (int i = 0; i < n; ++i) {
    const int layer = static_cast<int>(words[i] & 0xff);
    width[i] = layer_x[layer];
    inner[i] = layer_x[layer + 1];
  }
  for (int i = 0; i < n; ++i) {
    const double x = (2 * one_to_two(words[i]) - 3) * width[i];  // u in [-1, 1), exactly
    out[i] = std::abs(x) < inner[i] ? x : kNaN;
  }
}

SUJUVA_VECTOR_CLONES void gamma_batch(const double* x, const double* u, const double* boost, double* out, int n,
                                      double d, double c, double inverse_shape, double scale) {
  for (int i = 0; i < n; ++i) {
    const double root = 1 + c * x[i];
    const double v = root > 0 ? root * root * root : 1.0;  // 1: any positive value for log
    const double x2 = x[i] * x[i];
    const bool squeeze = u[i] < 1 - 0.0331 * x2 * x2;
    const bool full = log_positive(u[i]) < 0.5 * x2 + d * (1 - v + log_positive(v));
    out[i] = root > 0 && (squeeze || full) ? d * v : kNaN;
  }
  if (boost)
    for (int i = 0; i < n; ++i) out[i] *= exp_bounded(log_positive(boost[i]) * inverse_shape);
  for (int i = 0; i < n; ++i) out[i] *= scale;
}

SUJUVA_VECTOR_CLONES void exponential_batch(double* values, int n, double mean) {
  for (int i = 0; i < n; ++i) values[i] = -mean * log_positive(values[i]);
}

SUJUVA_VECTOR_CLONES void lognormal_batch(double* values, int n, double mu, double sigma) {
  for (int i = 0; i < n; ++i) values[i] = exp_bounded(mu + sigma * values[i]);
}

SUJUVA_VECTOR_CLONES void triangular_batch(double* values, int n, double low, double high, double split, double left,
                                           double right) {
  for (int i = 0; i < n; ++i) {
    const double u = values[i];
    const bool is_left = u < split;
    const double root = std::sqrt(is_left ? u * left : (1 - u) * right);
    values[i] = is_left ? low + root : high - root;
  }
}

}  // namespace sujuva::sim::detail
