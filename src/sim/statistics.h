// Statistics for the simulator: a constant-memory duration histogram, the Student t quantile, estimates.
//
//   DurationHistogram waits;  waits.add(0.4);  waits.quantile(0.9);
//   student_t_975(9) == 2.2621571627...
//   Estimate e = estimate({1.0, 1.2, 0.9});   // mean and 95% CI across replications
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

#include "sim/simulation.h"

namespace sujuva {

// Counts durations in bins of about 1.1% relative width (64 per power of two) from
// 2^-24 to 2^24 weeks, plus one bin for zero: percentiles without keeping the samples,
// so memory stays flat however long the horizon.
class DurationHistogram {
 public:
  static constexpr int kSubBits = 6;
  static constexpr int kMinExponent = -24, kMaxExponent = 24;
  static constexpr int kBins = (kMaxExponent - kMinExponent) * (1 << kSubBits);

  DurationHistogram() : counts_(kBins + 2, 0) {}

  void add(double weeks) {
    ++total_;
    sum_ += weeks;
    counts_[bin(weeks)]++;
  }
  void merge(const DurationHistogram& other);
  std::uint64_t count() const { return total_; }
  double mean() const;              // NaN when empty
  double quantile(double q) const;  // NaN when empty; linear within a bin

  // The bin of a duration in weeks (public for tools/bench/lanes_skeleton.h, which keeps its
  // counts per lane). Bin 0 holds zero (and anything below 2^-24), bins 1..kBins the sub-octaves, the last bin
  // anything from 2^24 weeks up.
  // Without branches: whether a wait is zero is a coin flip for the branch predictor.
  static int bin(double x) {
    std::int64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    // The exponent and the top kSubBits of the mantissa, shifted so that kLow is bin 1;
    // negative numbers (sign bit) and anything below kLow come out below 1, so bin 0.
    std::int64_t b = (bits >> (52 - kSubBits)) - std::int64_t(kLowKey) + 1;
    b = b < 0 ? 0 : b;
    b = b > kBins + 1 ? kBins + 1 : b;
    return x == x ? int(b) : 0;  // NaN, as before, counts as zero
  }

 private:
  static double lower_edge(int bin);
  static constexpr double kLow = 0x1.0p-24, kHigh = 0x1.0p+24;
  static constexpr std::uint64_t kLowKey = std::uint64_t(1023 + kMinExponent) << kSubBits;

  std::vector<std::uint64_t> counts_;
  std::uint64_t total_ = 0;
  double sum_ = 0;
};

// The 0.975 quantile of Student's t distribution with `df` degrees of freedom.
double student_t_975(int df);

// Mean and Student-t 95% CI of the finite values (NaN marks a replication without a value).
Estimate estimate(const std::vector<double>& per_replication);

}  // namespace sujuva
