#include "sim/statistics.h"

#include <cmath>

namespace sujuva {

void DurationHistogram::merge(const DurationHistogram& other) {
  for (size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  total_ += other.total_;
  sum_ += other.sum_;
}

double DurationHistogram::mean() const {
  return total_ ? sum_ / double(total_) : std::numeric_limits<double>::quiet_NaN();
}

double DurationHistogram::lower_edge(int bin) {
  if (bin <= 0) return 0;
  if (bin > kBins) return kHigh;
  std::uint64_t bits = (std::uint64_t(bin - 1) + kLowKey) << (52 - kSubBits);
  double x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

double DurationHistogram::quantile(double q) const {
  if (total_ == 0) return std::numeric_limits<double>::quiet_NaN();
  // The value below which a share q of the samples lie, interpolated linearly inside the
  // bin that holds rank q * n. The zero bin is a point mass at 0.
  double rank = q * double(total_);
  double below = 0;
  for (int b = 0; b < int(counts_.size()); ++b) {
    double c = double(counts_[b]);
    if (c == 0) continue;
    if (below + c >= rank) {
      if (b == 0) return 0;
      if (b > kBins) return kHigh;
      double lo = lower_edge(b), hi = lower_edge(b + 1);
      return lo + (hi - lo) * std::clamp((rank - below) / c, 0.0, 1.0);
    }
    below += c;
  }
  return kHigh;
}

double student_t_975(int df) {
  // Table for small df (the values every statistics book prints, to 10 digits);
  // above 30 the Cornish-Fisher expansion around the normal quantile, whose error
  // at df = 31 is below 1e-6 and shrinks as df^-4.
  static const double table[] = {12.7062047362, 4.3026527297, 3.1824463053, 2.7764451052, 2.5705818356, 2.4469118511,
                                 2.3646242516,  2.3060041352, 2.2621571628, 2.2281388520, 2.2009851601, 2.1788128297,
                                 2.1603686565,  2.1447866879, 2.1314495456, 2.1199052992, 2.1098155778, 2.1009220402,
                                 2.0930240544,  2.0859634473, 2.0796138447, 2.0738730679, 2.0686576104, 2.0638985616,
                                 2.0595385528,  2.0555294386, 2.0518305165, 2.0484071418, 2.0452296421, 2.0422724563};
  if (df < 1) return std::numeric_limits<double>::quiet_NaN();
  if (df <= 30) return table[df - 1];
  const double z = 1.959963984540054, n = df;
  const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z;
  return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n) +
         (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * n * n * n * n);
}

Estimate estimate(const std::vector<double>& per_replication) {
  Estimate e;
  double sum = 0;
  int n = 0;
  for (double x : per_replication)
    if (std::isfinite(x)) sum += x, ++n;
  e.samples = n;
  if (n == 0) return e;
  e.mean = sum / n;
  if (n < 2) return e;
  double ss = 0;
  for (double x : per_replication)
    if (std::isfinite(x)) ss += (x - e.mean) * (x - e.mean);
  double half = student_t_975(n - 1) * std::sqrt(ss / (n - 1) / n);
  e.low = e.mean - half;
  e.high = e.mean + half;
  return e;
}

}  // namespace sujuva
