// Confidence intervals and the duration histogram (sim/statistics.cpp).
#include "sim/statistics.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using namespace sujuva;

TEST_CASE("Student's t quantile and the duration histogram", "[sim]") {
  SECTION("t quantiles against published values") {
    CHECK(student_t_975(1) == Approx(12.7062047));
    CHECK(student_t_975(9) == Approx(2.2621572));
    CHECK(student_t_975(31) == Approx(2.0395134));  // series expansion from here on
    CHECK(student_t_975(100) == Approx(1.9839715));
    CHECK(student_t_975(100000) == Approx(1.9599877).epsilon(1e-7));
  }
  SECTION("an estimate of 2, 4, 6: mean 4, s = 2, half width t(2) · 2 / sqrt 3") {
    Estimate e = estimate({2, 4, 6, std::numeric_limits<double>::quiet_NaN()});
    CHECK(e.samples == 3);
    CHECK(e.mean == 4);
    CHECK(e.high - e.mean == Approx(4.3026527 * 2 / std::sqrt(3.0)));
  }
  SECTION("percentiles of 1..1000 within the bin width (1.1 %)") {
    DurationHistogram h;
    for (int i = 1; i <= 1000; ++i) h.add(i);
    h.add(0);
    CHECK(h.quantile(0.5) == Approx(500).epsilon(0.011));
    CHECK(h.quantile(0.9) == Approx(900).epsilon(0.011));
    CHECK(h.mean() == Approx(500500.0 / 1001));
    CHECK(h.quantile(0.0005) == 0);  // the zero is a point mass
  }
}
