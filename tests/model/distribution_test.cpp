#include "model/distribution.h"

#include <catch2/catch.hpp>
#include <random>

using namespace sujuva;

namespace {
Distribution hours(const char* text) {
  auto spec = parse_distribution(text);
  REQUIRE(spec);
  return spec.value->in_hours(Calendar{});
}
}  // namespace

TEST_CASE("Each distribution has the mean and variability its parameters say", "[model][distribution]") {
  SECTION("a constant has no variability") {
    auto d = hours("45min");
    CHECK(d.mean() == Approx(0.75));
    CHECK(d.scv() == 0);
  }
  SECTION("exponential: scv 1") {
    auto d = hours("exp(2h)");
    CHECK(d.mean() == Approx(2));
    CHECK(d.scv() == Approx(1));
  }
  SECTION("gamma and lognormal: scv = cv^2") {
    CHECK(hours("gamma(mean=2h, cv=0.5)").scv() == Approx(0.25));
    CHECK(hours("lognormal(mean=1wd, cv=0.6)").mean() == Approx(7.65));
    CHECK(hours("lognormal(mean=1wd, cv=0.6)").scv() == Approx(0.36));
  }
  SECTION("triangular: mean (a+b+c)/3, variance (a²+b²+c²-ab-ac-bc)/18") {
    auto d = hours("tri(30min, 45min, 2h)");
    // a=0.5, b=0.75, c=2: mean 3.25/3; variance (0.25+0.5625+4-0.375-1-1.5)/18 = 1.9375/18
    CHECK(d.mean() == Approx(3.25 / 3));
    CHECK(d.variance() == Approx(1.9375 / 18));
  }
  SECTION("uniform: mean (a+b)/2, variance (b-a)²/12") {
    auto d = hours("uniform(1h, 3h)");
    CHECK(d.mean() == Approx(2));
    CHECK(d.variance() == Approx(4.0 / 12));
  }
}

TEST_CASE("Samples reproduce the mean of each distribution", "[model][distribution]") {
  std::mt19937_64 rng(42);
  for (const char* text : {"exp(2h)", "gamma(mean=2h, cv=0.5)", "lognormal(mean=2h, cv=0.6)", "tri(30min, 45min, 2h)",
                           "uniform(1h, 3h)"}) {
    auto d = hours(text);
    const int n = 200000;
    double sum = 0;
    for (int i = 0; i < n; ++i) sum += d.sample(rng);
    // Standard error of the mean is sqrt(var/n); 5 standard errors is a safe band for a fixed seed.
    double tolerance = 5 * std::sqrt(d.variance() / n);
    INFO(text);
    CHECK(std::abs(sum / n - d.mean()) < tolerance);
  }
}

TEST_CASE("Bad distributions get a message that says how to write them", "[model][distribution]") {
  CHECK(parse_distribution("gama(mean=2h, cv=0.5)").error ==
        "\"gama(mean=2h, cv=0.5)\": unknown distribution \"gama\" (did you mean \"gamma\"?); use exp, gamma, "
        "lognormal, tri or uniform");
  CHECK(parse_distribution("gamma(2h)").error ==
        "\"gamma(2h)\": gamma needs mean= and cv=, e.g. gamma(mean=2h, cv=0.5)");
  CHECK(parse_distribution("tri(1h, 2h)").error == "\"tri(1h, 2h)\": tri takes 3 durations");
  CHECK(parse_distribution("exp(-1h)").error == "\"-1h\" must not be negative");
}

TEST_CASE("Distributions take decimal commas and Finnish units", "[model][distribution]") {
  // tri(1.5, 2, 4): mean (1.5 + 2 + 4) / 3 = 2.5 h; the comma inside "1,5h" is a decimal comma,
  // the ones before a space separate the arguments.
  CHECK(hours("tri(1,5h, 2h, 4h)").mean() == Approx(2.5));
  CHECK(hours("tri(1,5h,2h,4h)").mean() == Approx(2.5));
  // gamma cv 0,5: scv 0.25.
  CHECK(hours("gamma(mean=2 t, cv=0,5)").scv() == Approx(0.25));
  CHECK(hours("gamma(mean=2 t, cv=0,5)").mean() == Approx(2));
  CHECK(hours("exp(1 tp)").mean() == Approx(7.65));  // one working day of the default calendar
}
