// Logarithm and exponential for the simulator's random draws: the same bits on every machine, and vectorisable.
//
//   double weeks = -mean * sujuva::log_positive(u);  // u a positive normal double
//   double effort = sujuva::exp_bounded(mu + sigma * z);
//
// glibc picks an implementation of log and exp at run time (with or without FMA), and its
// vector versions (libmvec) differ again, so a library call could give a simulation different
// last bits on another machine. These are fdlibm's algorithms (Sun, 1993; error below 1 ulp)
// written with IEEE operations only (+, -, ×, ÷, √ are correctly rounded everywhere) and integer
// bit manipulation, no branches and no table: the same in a scalar call and in a loop that the
// compiler turns into SSE2, AVX2 or AVX-512 code (src/sim/draws.cpp), as long as no multiply and
// add is fused (CMakeLists.txt builds the library with -ffp-contract=off).
#pragma once

#include <bit>
#include <cstdint>

namespace sujuva {

namespace sim::detail {
constexpr double kLn2High = 6.93147180369123816490e-01, kLn2Low = 1.90821492927058770002e-10;
// An exact double from an integer below 2^52: its bits under 2^52's exponent, minus 2^52.
inline double small_integer(std::uint64_t n) {
  return std::bit_cast<double>(std::uint64_t(0x4330000000000000) | n) - 0x1.0p52;
}
}  // namespace sim::detail

// The natural logarithm of a positive normal double (fdlibm's e_log.c). Zero, negative,
// subnormal, infinite and NaN arguments are outside its domain (the draws never make them).
inline double log_positive(double x) {
  using namespace sim::detail;
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
  const std::uint64_t mantissa = bits & 0x000fffffffffffff;
  // Scale the mantissa into [sqrt(2)/2, sqrt(2)): a mantissa from 0x6a09c... up is halved.
  const std::uint64_t halve = (mantissa + 0x00095f6400000000) & 0x0010000000000000;
  const double m = std::bit_cast<double>(mantissa | (halve ^ 0x3ff0000000000000));
  const double k = small_integer((bits >> 52) + (halve >> 52)) - 1023;
  const double f = m - 1;
  const double s = f / (2 + f), z = s * s, w = z * z;
  const double t1 = w * (3.999999999940941908e-01 + w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01));
  const double t2 =
      z * (6.666666666666735130e-01 +
           w * (2.857142874366239149e-01 + w * (1.818357216161805012e-01 + w * 1.479819860511658591e-01)));
  const double half_f_squared = 0.5 * f * f;
  return k * kLn2High - ((half_f_squared - (s * (half_f_squared + (t2 + t1)) + k * kLn2Low)) - f);
}

// e^x (fdlibm's e_exp.c) for x clamped to [-708, 709], where the result is a normal double:
// an effort of e^-708 weeks is zero and e^709 is beyond any horizon.
inline double exp_bounded(double x) {
  using namespace sim::detail;
  x = x < -708.0 ? -708.0 : x;
  x = x > 709.0 ? 709.0 : x;
  // k = x / ln 2 rounded to the nearest integer, read off the low bits of a shifted sum.
  constexpr double kShift = 0x1.8p52;
  const double shifted = x * 1.44269504088896338700e+00 + kShift;
  const double k = shifted - kShift;
  const double high = x - k * kLn2High, low = k * kLn2Low;
  const double r = high - low, t = r * r;
  const double c =
      r -
      t * (1.66666666666666019037e-01 +
           t * (-2.77777777770155933842e-03 +
                t * (6.61375632143793436117e-05 + t * (-1.65339022054652515390e-06 + t * 4.13813679705723846039e-08))));
  const double y = 1 - ((low - (r * c) / (2 - c)) - high);
  const std::uint64_t k_bits = std::bit_cast<std::uint64_t>(shifted) - std::bit_cast<std::uint64_t>(kShift);
  // 2^k as two factors so that k = 1024 (x near 709) and k = -1022 stay normal.
  const double half_scale = std::bit_cast<double>((k_bits + 1022) << 52);
  return (y * 2.0) * half_scale;
}

}  // namespace sujuva
