// Batches of random draws made by vector code: the same bits on every x86-64, whatever vector unit it has.
//
//   std::uint64_t words[64];
//   sim::detail::lane_words(state, words, 64);               // 8 xoshiro256++ streams side by side
//   double values[64];
//   sim::detail::uniform_batch(words, values, 64, true);     // uniforms on (0, 1]
//   sim::detail::exponential_batch(values, 64, mean);        // -mean · log u
//
// Each function is compiled for AVX-512, AVX2 and plain x86-64 (GCC's target_clones, picked
// once when the program loads); the three give the same bits because they do the same IEEE
// operations in the same order (src/sim/elementary.h). Sampler::fill (src/sim/random.h) puts
// them together and finishes the few draws that a batch leaves as NaN on scalar code.
#pragma once

#include <cstdint>

namespace sujuva::sim::detail {

constexpr int kLanes = 8;
constexpr int kBatchMax = 64;  // the most draws one call makes

// n (a multiple of kLanes) random words: word j from stream j % kLanes, each stream advanced.
void lane_words(std::uint64_t (&state)[4][kLanes], std::uint64_t* out, int n);
// out[i] uniform on [0, 1), or on (0, 1] with open_zero, from the top 52 bits of words[i].
void uniform_batch(const std::uint64_t* words, double* out, int n, bool open_zero);
// out[i] the ziggurat's normal for words[i] where its fast test accepts (99 %), NaN where not.
// layer_x: NormalZiggurat::x; n at most kBatchMax.
void normal_batch(const std::uint64_t* words, double* out, int n, const double* layer_x);
// Marsaglia-Tsang on normals x[i] and uniforms u[i] in (0, 1]: out[i] = d·v·scale, NaN where
// rejected. With boost (shape < 1), out[i] is also multiplied by boost[i]^inverse_shape.
void gamma_batch(const double* x, const double* u, const double* boost, double* out, int n, double d, double c,
                 double inverse_shape, double scale);
// values[i] = -mean * log(values[i]), values in (0, 1].
void exponential_batch(double* values, int n, double mean);
// values[i] = e^(mu + sigma * values[i]), values standard normal.
void lognormal_batch(double* values, int n, double mu, double sigma);
// values[i] = the triangular variate of the uniform values[i]: Distribution::detail_triangular with
// its constants prepared (split = (mode − low) / (high − low), left = (high − low)(mode − low),
// right = (high − low)(high − mode)) and without a branch on the side of the mode.
void triangular_batch(double* values, int n, double low, double high, double split, double left, double right);

}  // namespace sujuva::sim::detail
