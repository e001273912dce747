#include "flow/queueing.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "support.h"

using namespace sujuva;
using Catch::Detail::Approx;

static Approx exact(double x) { return Approx(x).epsilon(1e-9); }

TEST_CASE("Erlang C gives the textbook M/M/c figures", "[flow][queueing]") {
  SECTION("lambda=300/yr, mu=182.5/yr, c=3") {
    // a = 300/182.5 = 1.6438; Erlang B by the recurrence B_k = a B_{k-1} / (k + a B_{k-1}):
    // B_3 = 0.15634355845539; C = B / (1 - rho (1 - B)), rho = a/3 -> 0.29075138031189;
    // Lq = C rho / (1 - rho) = 0.35242591552957 (the 0.29075 and 0.35243).
    double a = 300.0 / 182.5;
    CHECK(erlang_c(3, a) == exact(0.2907513803118914));
    auto q = gg_c_wait(300, 1 / 182.5, 1, 1, 3);
    REQUIRE(q);
    CHECK(q->queue_length == exact(0.3524259155295653));
    CHECK(q->wait == exact(0.0011747530517652177));  // Wq = C / (c mu - lambda) years
    CHECK(q->utilisation == exact(300 / (3 * 182.5)));
  }
  SECTION("M/M/1: P(wait) = rho, Wq = rho / (mu - lambda)") {
    auto q = gg_c_wait(3, 0.25, 1, 1, 1);  // lambda 3, mu 4
    REQUIRE(q);
    CHECK(q->wait_probability == exact(0.75));
    CHECK(q->wait == exact(0.75));
    CHECK(q->in_system == exact(3.0));
  }
}

TEST_CASE("Fractional servers follow Jagerman's continuous Erlang B", "[flow][queueing]") {
  // Reference values from the integral 1/B(x,a) = a ∫ e^{-at} (1+t)^x dt evaluated
  // independently with SciPy's quad (epsrel 1e-13), a = 300/182.5 and a = 30.
  double a = 300.0 / 182.5;
  CHECK(erlang_b(0.5, a) == Approx(0.8002017841720914).epsilon(1e-9));
  CHECK(erlang_b(1.0, a) == Approx(0.6217616580310882).epsilon(1e-9));
  CHECK(erlang_b(2.5, a) == Approx(0.23501230081537014).epsilon(1e-9));
  CHECK(erlang_b(3.0, a) == Approx(0.15634355845539077).epsilon(1e-9));
  CHECK(erlang_b(35.7, 30.0) == Approx(0.04598159710529358).epsilon(1e-9));
  SECTION("the wait falls monotonically as servers are added in small steps") {
    double previous = erlang_c(1.7, a);
    for (double c = 1.8; c <= 4.0; c += 0.1) {
      double current = erlang_c(c, a);
      CHECK(current < previous);
      previous = current;
    }
  }
}

TEST_CASE("Less than one server is one person working at part speed (M/G/1)", "[flow][queueing]") {
  // lambda = 1, m = 0.5 at full speed, c = 0.8: the one person needs S = m / c = 0.625 per
  // visit, rho = lambda S = 0.625, and M/M/1 gives Wq = rho S / (1 - rho) = 0.390625 / 0.375
  // = 1.0416666...; Pollaczek-Khinchine with constant effort (scv 0) is half of that.
  auto q = gg_c_wait(1, 0.5, 1, 1, 0.8);
  REQUIRE(q);
  CHECK(q->utilisation == exact(0.625));
  CHECK(q->wait_probability == exact(0.625));
  CHECK(q->wait == exact(0.390625 / 0.375));
  CHECK(gg_c_wait(1, 0.5, 1, 0, 0.8)->wait == exact(0.390625 / 0.375 / 2));
  SECTION("it meets the Erlang C formula at one server") {
    // Just below c = 1 the part-speed server is almost the full-speed one (M/M/1 at rho 0.5:
    // Wq = 0.5).
    CHECK(gg_c_wait(1, 0.5, 1, 1, 1 - 1e-12)->wait == Approx(0.5).epsilon(1e-9));
    CHECK(gg_c_wait(1, 0.5, 1, 1, 1)->wait == exact(0.5));
  }
}

TEST_CASE("A part-speed server beside whole ones is the chain the simulation runs", "[flow][queueing]") {
  // c = 1.5: one full-speed server and one at half speed that takes a client only when the
  // other is busy. λ = 1, m = 1, exponential. Balance of (clients, part-speed server busy):
  //   (0,0): π00 = π10 + 0.5 π11      (1,0): 2 π10 = π00 + 0.5 π21
  //   (1,1): 1.5 π11 = π21            cut above (2,1): 1.5 π21 = π10 + π11
  // so π10 = 1.25 π11, π00 = 1.75 π11, π21 = 1.5 π11; above (2,1) the levels fall by
  // r = λ / 1.5 = 2/3, and Σπ = (1.75 + 1.25 + 1 + 1.5 · 3) π11 = 8.5 π11 = 1. An arrival waits
  // with P = π21 / (1 − r) = 4.5 / 8.5 = 9/17, and Lq = π21 r / (1 − r)² = 9 / 8.5 = 18/17.
  auto q = gg_c_wait(1, 1, 1, 1, 1.5);
  REQUIRE(q);
  CHECK(q->wait_probability == exact(9.0 / 17));
  CHECK(q->wait == exact(18.0 / 17));
  SECTION("a plain simulation of the same two servers agrees") {
    const double reference = test::reference_wait({{1.0, 1.0, {}}}, 1.0, {1.0, 0.5}, 400'000);
    CHECK(q->wait == Approx(reference).epsilon(0.03));
  }
  SECTION("as the part approaches a whole server the wait approaches Erlang C") {
    // M/M/2 at a = 1: C = 1/3, Wq = C m / (c − a) = 1/3.
    CHECK(gg_c_wait(1, 1, 1, 1, 1.999999)->wait == Approx(1.0 / 3).epsilon(1e-4));
  }
  SECTION("a fraction below a tenth is spread over the whole servers, as in the simulation") {
    // c = 2.05: two servers at speed 1.025, M/M/2 with m = 1/1.025, a = 1/1.025:
    // C(2, a) = a² / (a² + 2 (2 − a)) ... computed by erlang_c itself.
    const double m = 1 / 1.025, a = m;
    CHECK(gg_c_wait(1, 1, 1, 1, 2.05)->wait == exact(erlang_c(2, a) * m / (2 - a)));
  }
}

TEST_CASE("Allen-Cunneen with deterministic service gives Pollaczek-Khinchine exactly", "[flow][queueing]") {
  // M/D/1: Wq = rho m / (2 (1 - rho)). lambda = 3, m = 0.25, rho = 0.75: Wq = 0.375.
  auto q = gg_c_wait(3, 0.25, 1, 0, 1);
  REQUIRE(q);
  CHECK(q->wait == exact(0.375));
  SECTION("M/G/1 with scv 0.25 (gamma cv 0.5): Wq = (1 + 0.25)/2 x M/M/1 wait") {
    auto g = gg_c_wait(3, 0.25, 1, 0.25, 1);
    CHECK(g->wait == exact(0.75 * 1.25 / 2));
  }
}

TEST_CASE("A role with no capacity or too much work has no steady wait", "[flow][queueing]") {
  CHECK_FALSE(gg_c_wait(1, 1, 1, 1, 0));
  CHECK_FALSE(gg_c_wait(5, 0.25, 1, 1, 1));  // rho = 1.25
  CHECK_FALSE(gg_c_wait(4, 0.25, 1, 1, 1));  // rho = 1 exactly
  auto idle = gg_c_wait(0, 0.25, 1, 1, 1);
  REQUIRE(idle);
  CHECK(idle->wait == 0);
}

TEST_CASE("A service mixture combines means and second moments by visit rate", "[flow][queueing]") {
  // Visits: 1/week of exp(2h) (E[S^2] = 2 x 4 = 8) and 3/week of constant 4h (E[S^2] = 16).
  // Mean = (2 + 12)/4 = 3.5; E[S^2] = (8 + 48)/4 = 14; scv = 14/12.25 - 1 = 0.142857...
  ServiceMixture m;
  m.add(1, 2, 1);
  m.add(3, 4, 0);
  CHECK(m.mean() == exact(3.5));
  CHECK(m.scv() == exact(14 / 12.25 - 1));
  CHECK(ServiceMixture{}.scv() == 0);
}
