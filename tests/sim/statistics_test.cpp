#include "sim/statistics.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using namespace sujuva;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

TEST_CASE("Student's t quantile comes from the table up to 30 degrees of freedom and from a series above",
          "[sim][statistics]") {
  CHECK(student_t_975(1) == Approx(12.7062047));
  CHECK(student_t_975(9) == Approx(2.2621572));
  CHECK(student_t_975(30) == Approx(2.0422725));
  CHECK(student_t_975(31) == Approx(2.0395134));  // series expansion from here on
  CHECK(student_t_975(100) == Approx(1.9839715));
  CHECK(student_t_975(100000) == Approx(1.9599877).epsilon(1e-7));
  CHECK(std::isnan(student_t_975(0)));
}

TEST_CASE("An estimate is the mean and Student-t 95 % interval of the finite values", "[sim][statistics]") {
  SECTION("3, 5, 7, 9 and a NaN: four samples, mean 6, interval 1.8915 to 10.1085") {
    // By hand: deviations -3, -1, 1, 3 give a sum of squares 20, s² = 20 / 3, the standard
    // error sqrt(s² / 4) = sqrt(5 / 3) = 1.2909944; t(3) = 3.1824463, so the half width is
    // 3.1824463 × 1.2909944 = 4.1085205.
    Estimate e = estimate({3, 5, kNaN, 7, 9});
    CHECK(e.samples == 4);
    CHECK(e.mean == 6);
    CHECK(e.low == Approx(1.8914795));
    CHECK(e.high == Approx(10.1085205));
  }
  SECTION("2, 4, 6: mean 4, s = 2, half width t(2) · 2 / sqrt 3") {
    Estimate e = estimate({2, 4, 6, kNaN});
    CHECK(e.samples == 3);
    CHECK(e.mean == 4);
    CHECK(e.high - e.mean == Approx(4.3026527 * 2 / std::sqrt(3.0)));
  }
  SECTION("one value has a mean but no interval") {
    Estimate e = estimate({2.5});
    CHECK(e.samples == 1);
    CHECK(e.mean == 2.5);
    CHECK(std::isnan(e.low));
    CHECK(std::isnan(e.high));
  }
  SECTION("no finite value: no estimate") {
    Estimate e = estimate({kNaN, std::numeric_limits<double>::infinity()});
    CHECK(e.samples == 0);
    CHECK_FALSE(e.has_value());
  }
}

TEST_CASE("The duration histogram bins by the exponent and top mantissa bits", "[sim][statistics]") {
  // 1.0 = 2^0 lies 24 octaves of 64 bins above 2^-24, the first bin after the zero bin.
  CHECK(DurationHistogram::bin(1.0) == 24 * 64 + 1);
  CHECK(DurationHistogram::bin(0x1.0p-24) == 1);
  CHECK(DurationHistogram::bin(0.0) == 0);
  CHECK(DurationHistogram::bin(-1.0) == 0);
  CHECK(DurationHistogram::bin(kNaN) == 0);
  CHECK(DurationHistogram::bin(0x1.0p+30) == DurationHistogram::kBins + 1);
}

TEST_CASE("A percentile is interpolated linearly inside the bin that holds its rank", "[sim][statistics]") {
  // Four zeros and four values of 1.0, whose bin runs from 1 to 1 + 1/64 = 1.015625.
  DurationHistogram h;
  for (int i = 0; i < 4; ++i) h.add(0), h.add(1.0);
  CHECK(h.count() == 8);
  CHECK(h.mean() == 0.5);
  CHECK(h.quantile(0.5) == 0);  // rank 4: the last of the zeros, a point mass
  // Rank 0.75 × 8 = 6 is 2 of the 4 values into the bin of 1.0: 1 + 0.015625 × 2 / 4.
  CHECK(h.quantile(0.75) == 1.0078125);
  CHECK(h.quantile(1.0) == 1.015625);

  SECTION("a merged histogram counts both") {
    DurationHistogram other;
    for (int i = 0; i < 8; ++i) other.add(1.0);
    h.merge(other);
    CHECK(h.count() == 16);
    CHECK(h.mean() == 0.75);
    // Rank 0.5 × 16 = 8 is 4 of the 12 values into the bin of 1.0.
    CHECK(h.quantile(0.5) == Approx(1 + 0.015625 * 4 / 12));
  }
  SECTION("durations from 2^24 weeks up are reported as 2^24") {
    DurationHistogram far;
    far.add(0x1.0p+30);
    CHECK(far.quantile(0.5) == 0x1.0p+24);
  }
  SECTION("percentiles of 1..1000 and a zero lie within the bin width (1.1 %)") {
    DurationHistogram wide;
    for (int i = 1; i <= 1000; ++i) wide.add(i);
    wide.add(0);
    CHECK(wide.quantile(0.5) == Approx(500).epsilon(0.011));
    CHECK(wide.quantile(0.9) == Approx(900).epsilon(0.011));
    CHECK(wide.mean() == Approx(500500.0 / 1001));
    CHECK(wide.quantile(0.0005) == 0);
  }
}

TEST_CASE("An empty histogram has no mean and no percentiles", "[sim][statistics]") {
  DurationHistogram h;
  CHECK(h.count() == 0);
  CHECK(std::isnan(h.mean()));
  CHECK(std::isnan(h.quantile(0.5)));
}
