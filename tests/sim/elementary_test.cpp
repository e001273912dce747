#include "sim/elementary.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>

#include "sim/random.h"

using namespace sujuva;

namespace {

// The error of `value` in units in the last place of the correctly rounded result, measured
// against glibc's long double functions (64-bit mantissa: 11 more bits than a double).
double ulps(double value, long double reference) {
  const double rounded = static_cast<double>(reference);
  const double ulp = std::nextafter(rounded, std::numeric_limits<double>::infinity()) - rounded;
  return static_cast<double>(std::fabs((static_cast<long double>(value) - reference) / ulp));
}

}  // namespace

TEST_CASE("The portable logarithm and exponential are within one ulp", "[sim][random]") {
  Rng rng(5);
  double worst_log = 0, worst_exp = 0;
  SECTION("logarithm of uniforms on (0, 1] and of numbers from 2^-1000 to 2^1000") {
    for (int i = 0; i < 300000; ++i) {
      double x = rng.uniform_open0();
      if (i % 3 == 1) x = std::ldexp(x, -static_cast<int>(rng() % 1000));
      if (i % 3 == 2) x = std::ldexp(x, static_cast<int>(rng() % 1000));
      worst_log = std::max(worst_log, ulps(log_positive(x), std::log(static_cast<long double>(x))));
    }
    // fdlibm's bound for this algorithm is "less than 1 ulp".
    CHECK(worst_log < 1.0);
  }
  SECTION("exponential from -708 to 709") {
    for (int i = 0; i < 300000; ++i) {
      double x = i % 2 ? (2 * rng.uniform() - 1) * 4 : -708 + rng.uniform() * 1417;
      worst_exp = std::max(worst_exp, ulps(exp_bounded(x), std::exp(static_cast<long double>(x))));
    }
    CHECK(worst_exp < 1.0);
  }
  SECTION("exact values") {
    CHECK(log_positive(1.0) == 0.0);
    CHECK(exp_bounded(0.0) == 1.0);
    // log 2^-53 = -53 ln 2, the smallest uniform_open0 can give.
    CHECK(log_positive(0x1.0p-53) == Approx(-53 * std::log(2.0)).epsilon(1e-15));
    CHECK(std::isnormal(log_positive(std::numeric_limits<double>::max())));
  }
  SECTION("the exponential is clamped to the normal doubles instead of overflowing") {
    CHECK(exp_bounded(1e6) == exp_bounded(709.0));
    CHECK(std::isfinite(exp_bounded(709.0)));
    CHECK(exp_bounded(-1e6) == exp_bounded(-708.0));
    CHECK(std::isnormal(exp_bounded(-708.0)));
  }
}

TEST_CASE("A batch of draws gives the same bits as drawing one at a time", "[sim][random]") {
  // Sampler::fill transforms whole batches in src/sim/draws.cpp, which runs as AVX-512 or AVX2
  // code where the machine has it; operator() draws one value with the scalar code. Both take the
  // random numbers from the stream in the same order, so the values must be identical bit for
  // bit: this is what makes a simulation give the same result on every x86-64 machine.
  const Distribution kinds[] = {
      {DistributionKind::exponential, 2.5},    {DistributionKind::gamma, 2.0, 0.5},
      {DistributionKind::gamma, 2.0, 1.5},     {DistributionKind::lognormal, 1.0, 1.2},
      {DistributionKind::triangular, 1, 2, 6}, {DistributionKind::uniform, 0.5, 1.5},
      {DistributionKind::constant, 3.0},
  };
  for (const Distribution& d : kinds) {
    Sampler sampler(d);
    Rng batch_rng(42), single_rng(42);
    double batch[200];
    sampler.fill(batch_rng, batch, 200);
    int same = 0;
    for (double value : batch) same += value == sampler(single_rng);
    INFO(d.describe("h"));
    CHECK(same == 200);
  }
}

TEST_CASE("Each sampler draws with the mean and variation of its distribution", "[sim][random]") {
  // n = 400 000 draws: the sample mean has standard error sd / sqrt(n) = cv · mean / 632, so
  // a mean within 5 standard errors fails by chance with probability 6e-7. The squared
  // coefficient of variation is checked within 10 %: its standard error is below 2 % for these
  // distributions (lognormal with cv 1.2 is the widest: kurtosis about 79, so 1.4 %).
  const Distribution kinds[] = {
      {DistributionKind::exponential, 2.5},    {DistributionKind::gamma, 2.0, 0.5},
      {DistributionKind::gamma, 2.0, 1.5},     {DistributionKind::lognormal, 1.0, 1.2},
      {DistributionKind::triangular, 1, 2, 6}, {DistributionKind::uniform, 0.5, 1.5},
  };
  constexpr int n = 400000;
  for (const Distribution& d : kinds) {
    Sampler sampler(d);
    Rng rng(7);
    std::vector<double> values(n);
    sampler.fill(rng, values.data(), n);
    double sum = 0, squares = 0;
    for (double v : values) sum += v;
    const double mean = sum / n;
    for (double v : values) squares += (v - mean) * (v - mean);
    const double variance = squares / (n - 1), scv = variance / (mean * mean);
    INFO(d.describe("h") << ": mean " << mean << ", scv " << scv);
    CHECK(std::abs(mean - d.mean()) < 5 * std::sqrt(d.variance() / n));
    CHECK(scv == Approx(d.scv()).epsilon(0.10));
  }
}

TEST_CASE("A simulation gives the same bytes on machines without AVX-512 or AVX2", "[sim][random]") {
  // The draws run the AVX-512, AVX2 or plain x86-64 code of src/sim/draws.cpp, whichever the
  // CPU has. Valgrind's CPU has AVX2 but no AVX-512; QEMU's "qemu64" CPU has neither. Natively,
  // on a machine with AVX-512, the AVX-512 code runs. (On a machine without it, two of the three
  // runs take the same code and the check is weaker, not wrong.)
#ifdef __SANITIZE_ADDRESS__
  WARN("SKIPPED: valgrind and QEMU cannot run a binary built with AddressSanitizer (tools/sanitize)");
  return;
#endif
  const auto dir = std::filesystem::temp_directory_path() / ("sujuva-same-bits-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "six.dot") << R"dot(digraph six { hours_per_fte=40; hours_per_day=8;
    in [kind=start, arrivals="20/week"];
    subgraph cluster_a { role=a; fte=3;
      e [effort="exp(1h)"]; g [effort="gamma(mean=1h, cv=0.5)"]; l [effort="lognormal(mean=1h, cv=1.2)"]; }
    subgraph cluster_b { role=b; fte=3;
      t [effort="tri(0.5h, 1h, 2h)"]; u [effort="uniform(0.5h, 1.5h)"]; c [effort="1h"]; }
    wait [delay="tri(1h, 4h, 8h)"];
    out [kind=end];
    in -> e -> g -> l -> t -> u -> c -> wait;
    wait -> e [p=0.2];
    wait -> out [p=0.8];
  })dot";
  const std::string arguments = std::string(SUJUVA_BINARY) + " simulate " + (dir / "six.dot").string() +
                                " --weeks 40 --warmup 5 --replications 2 --threads 1 --json > ";
  auto run = [&](const std::string& prefix, const std::string& name) {
    REQUIRE(std::system((prefix + arguments + (dir / name).string()).c_str()) == 0);
    std::ifstream in(dir / name);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string native = run("", "native.json");
  CHECK(native.size() > 1000);
  SECTION("AVX2 (valgrind)") {
    if (!std::filesystem::exists("/usr/bin/valgrind")) {
      WARN("SKIPPED: /usr/bin/valgrind is not installed (tools/test installs it)");
    } else {
      CHECK(native == run("/usr/bin/valgrind -q --tool=none ", "valgrind.json"));
    }
  }
  SECTION("plain x86-64 (QEMU's qemu64 CPU)") {
    if (!std::filesystem::exists("/usr/bin/qemu-x86_64")) {
      WARN("SKIPPED: /usr/bin/qemu-x86_64 is not installed (tools/test installs qemu-user)");
    } else {
      CHECK(native == run("/usr/bin/qemu-x86_64 -cpu qemu64 ", "qemu.json"));
    }
  }
  std::filesystem::remove_all(dir);
}
