// Batches of random draws transformed in place: vectorised for the machine, bit-identical to drawing one at a time.
//
//   double values[64];
//   for (double& v : values) v = rng.uniform_open0();
//   detail::exponential_batch(values, 64, mean);  // the same bits as -mean * log_positive(u) each
//
// Each function is compiled for AVX-512, AVX2 and plain x86-64 (GCC's target_clones, picked
// once when the program loads); the three give the same bits because they do the same IEEE
// operations in the same order (src/sim/elementary.h).
#pragma once

namespace sujuva::detail {

// values[i] = -mean * log(values[i]), values in (0, 1].
void exponential_batch(double* values, int n, double mean);
// values[i] = e^(mu + sigma * values[i]), values standard normal.
void lognormal_batch(double* values, int n, double mu, double sigma);
// values[i] = the triangular variate of the uniform values[i] (Sampler::triangular).
void triangular_batch(double* values, int n, double low, double high, double split, double left, double right);

}  // namespace sujuva::detail
