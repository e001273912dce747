#include "compare/simulated.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace sujuva;

TEST_CASE("Simulated differences are significant only when the intervals exclude each other", "[compare]") {
  CHECK(significant({1.0, 0.9, 1.1}, {1.5, 1.2, 1.8}));
  CHECK(!significant({1.0, 0.9, 1.3}, {1.5, 1.2, 1.8}));
  CHECK(!significant({1.0, std::nullopt, std::nullopt}, {5.0, 4.9, 5.1}));
}

TEST_CASE("With each replication's value, differences are paired replication by replication", "[compare]") {
  const double nan = std::nan("");
  SECTION("the same shift in every replication is significant although the intervals overlap") {
    // b = a + 0.1 in each of 4 replications: every difference is 0.1, so the interval of the
    // differences is [0.1, 0.1], while the intervals of a and b (spread 1..4) overlap almost fully.
    Interval a{2.5, 0.45, 4.55, {1, 2, 3, 4}}, b{2.6, 0.55, 4.65, {1.1, 2.1, 3.1, 4.1}};
    auto d = paired_difference(a, b);
    REQUIRE(d);
    CHECK(d->pairs == 4);
    CHECK(d->mean == Approx(0.1));
    CHECK(d->low == Approx(0.1));
    CHECK(d->high == Approx(0.1));
    CHECK(significant(a, b));
  }
  SECTION("differences 1, 2, 3: mean 2, s = 1, half-width t(0.975, 2) / sqrt(3) = 4.302653 / 1.732051") {
    Interval a{0, 0, 0, {0, 0, 0}}, b{2, 0, 4, {1, 2, 3}};
    auto d = paired_difference(a, b);
    REQUIRE(d);
    CHECK(d->low == Approx(2 - 2.484138).epsilon(1e-6));
    CHECK(d->high == Approx(2 + 2.484138).epsilon(1e-6));
    CHECK_FALSE(significant(a, b));
  }
  SECTION("a replication without a value on either side is left out of the pairs") {
    Interval a{2, 1, 3, {1, nan, 3}}, b{3.7, 2, 5, {2, 5, 4}};
    auto d = paired_difference(a, b);
    REQUIRE(d);
    CHECK(d->pairs == 2);
    CHECK(d->mean == Approx(1));
  }
  SECTION("without pairs (other counts, or none), the intervals decide") {
    Interval a{1.0, 0.9, 1.1, {1, 1}}, b{1.5, 1.2, 1.8, {1, 2, 3}};
    CHECK_FALSE(paired_difference(a, b));
    CHECK(significant(a, b));
  }
}
