// Batches of effort draws transformed in place; built with -O3 so that the loops vectorise.
#include "sim/draws.h"

#include <cmath>

#include "sim/elementary.h"

namespace sujuva::detail {

// Elsewhere than on x86-64 the compiler's one version of each loop runs (the same bits again).
#if defined(__x86_64__)
#define SUJUVA_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define SUJUVA_VECTOR_CLONES
#endif

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

}  // namespace sujuva::detail
