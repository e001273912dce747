#include "sim/elementary.h"

#include <unistd.h>

#include <algorithm>
#include <bit>
#include <boost/math/distributions/exponential.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

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

TEST_CASE("The batch streams are eight xoshiro256++ streams seeded by SplitMix64", "[sim][random]") {
  // The reference is scalar code written from the published algorithms: Rng(seed) takes 4
  // SplitMix64 words for its own stream, then 8 × 4 more, state word by state word, lane by lane.
  std::uint64_t seed = 2024, state[4][8];
  for (int i = 0; i < 4; ++i) splitmix64(seed);
  for (auto& word : state)
    for (auto& lane : word) lane = splitmix64(seed);
  auto rotl = [](std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); };
  Rng rng(2024);
  std::uint64_t words[64];
  for (int batch = 0; batch < 3; ++batch) {  // the state carries over from batch to batch
    rng.batch_words(words, 64);
    int same = 0;
    for (int i = 0; i < 64; ++i) {
      const int lane = i % 8;
      std::uint64_t &s0 = state[0][lane], &s1 = state[1][lane], &s2 = state[2][lane], &s3 = state[3][lane];
      const std::uint64_t expected = rotl(s0 + s3, 23) + s0, t = s1 << 17;
      s2 ^= s0, s3 ^= s1, s1 ^= s2, s0 ^= s3, s2 ^= t, s3 = rotl(s3, 45);
      same += words[i] == expected;
    }
    CHECK(same == 64);
  }
}

TEST_CASE("A batch of draws gives the bits of the scalar formulas on the same random words", "[sim][random]") {
  // Sampler::fill runs vector code (AVX-512 on a machine that has it); the reference is this
  // file's scalar code, built for plain x86-64, on the words of an identical Rng.
  auto one_to_two = [](std::uint64_t w) { return std::bit_cast<double>(0x3ff0000000000000 | (w >> 12)); };
  Rng batch_rng(9), word_rng(9);
  std::uint64_t words[64];
  double values[64];
  SECTION("exponential: -mean · log u, u on (0, 1]") {
    Sampler(Distribution{DistributionKind::exponential, 2.5}).fill(batch_rng, values, 64);
    word_rng.batch_words(words, 64);
    int same = 0;
    for (int i = 0; i < 64; ++i) same += values[i] == -2.5 * log_positive(2.0 - one_to_two(words[i]));
    CHECK(same == 64);
  }
  SECTION("uniform: a + (b − a) · u, u on [0, 1)") {
    Sampler(Distribution{DistributionKind::uniform, 0.5, 1.5}).fill(batch_rng, values, 64);
    word_rng.batch_words(words, 64);
    int same = 0;
    for (int i = 0; i < 64; ++i) same += values[i] == 0.5 + (1.5 - 0.5) * (one_to_two(words[i]) - 1.0);
    CHECK(same == 64);
  }
  SECTION("lognormal: e^(mu + sigma · z), z the ziggurat's normal of each word") {
    // The fast test on scalar code; where it fails, Rng::normal_after on an Rng in the same state
    // as the batch's (it draws the wedge and tail tests from the scalar stream, in order).
    const NormalZiggurat& z = NormalZiggurat::get();
    const double sigma2 = std::log1p(1.2 * 1.2), mu = std::log(1.0) - sigma2 / 2, sigma = std::sqrt(sigma2);
    const Sampler lognormal(Distribution{DistributionKind::lognormal, 1.0, 1.2});
    int same = 0, slow = 0;
    for (int batch = 0; batch < 30; ++batch) {  // 1920 draws: about 20 take the slow path
      lognormal.fill(batch_rng, values, 64);
      word_rng.batch_words(words, 64);
      for (int i = 0; i < 64; ++i) {
        const int layer = static_cast<int>(words[i] & 0xff);
        double normal = (2 * one_to_two(words[i]) - 3) * z.x[layer];
        if (!(std::abs(normal) < z.x[layer + 1])) normal = word_rng.normal_after(words[i]), ++slow;
        same += values[i] == exp_bounded(mu + sigma * normal);
      }
    }
    CHECK(same == 30 * 64);
    CHECK(slow >= 5);  // the slow path was exercised (1 % of 1920 draws is 19)
    CHECK(slow <= 60);
  }
  SECTION("triangular: the inverse distribution function at u") {
    const Distribution tri{DistributionKind::triangular, 1, 2, 6};
    Sampler(tri).fill(batch_rng, values, 64);
    word_rng.batch_words(words, 64);
    int close = 0;
    // Sampler's prepared constants round differently from detail_triangular's formula, so this
    // reference agrees to a few ulps, not bit for bit (the bit-for-bit check across CPUs is the
    // simulation test below).
    for (int i = 0; i < 64; ++i)
      close += std::abs(values[i] - tri.detail_triangular(one_to_two(words[i]) - 1.0)) < 1e-14;
    CHECK(close == 64);
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

TEST_CASE("Each sampler's draws follow its distribution function (Kolmogorov-Smirnov)", "[sim][random]") {
  // D = sup |F_n(x) − F(x)| over n = 100 000 draws. Under the right distribution P(√n·D > 1.95)
  // ≈ 0.001 (Kolmogorov's limit law), so six checks fail together by chance about once in 170
  // seeds; a wrong sampler (a ziggurat layer off, a gamma rejection step missing) gives a
  // D many times larger. The distribution functions are Boost.Math's, an independent source.
  namespace bm = boost::math;
  constexpr int n = 100000;
  auto d_statistic = [](std::vector<double> values, auto cdf) {
    std::sort(values.begin(), values.end());
    double d = 0;
    for (int i = 0; i < n; ++i) {
      const double f = cdf(values[i]);
      d = std::max({d, f - double(i) / n, double(i + 1) / n - f});
    }
    return d;
  };
  auto draws = [](const Distribution& d) {
    std::vector<double> values(n);
    Rng rng(77);
    Sampler(d).fill(rng, values.data(), n);
    return values;
  };
  const double limit = 1.95 / std::sqrt(double(n));
  SECTION("exponential") {
    bm::exponential_distribution<> f(1 / 2.5);
    CHECK(d_statistic(draws({DistributionKind::exponential, 2.5}), [&](double x) { return bm::cdf(f, x); }) < limit);
  }
  SECTION("gamma, cv 0.5 (shape 4) and cv 1.5 (shape 0.44, the boosted path)") {
    for (double cv : {0.5, 1.5}) {
      const double shape = 1 / (cv * cv);
      bm::gamma_distribution<> f(shape, 2.0 / shape);
      INFO("cv " << cv);
      CHECK(d_statistic(draws({DistributionKind::gamma, 2.0, cv}), [&](double x) { return bm::cdf(f, x); }) < limit);
    }
  }
  SECTION("lognormal, cv 1.2") {
    const double sigma2 = std::log1p(1.2 * 1.2);
    bm::lognormal_distribution<> f(std::log(1.0) - sigma2 / 2, std::sqrt(sigma2));
    CHECK(d_statistic(draws({DistributionKind::lognormal, 1.0, 1.2}), [&](double x) { return bm::cdf(f, x); }) < limit);
  }
  SECTION("triangular and uniform") {
    bm::triangular_distribution<> tri(1, 2, 6);
    CHECK(d_statistic(draws({DistributionKind::triangular, 1, 2, 6}), [&](double x) { return bm::cdf(tri, x); }) <
          limit);
    bm::uniform_distribution<> uni(0.5, 1.5);
    CHECK(d_statistic(draws({DistributionKind::uniform, 0.5, 1.5}), [&](double x) { return bm::cdf(uni, x); }) < limit);
  }
  SECTION("the standard normal behind the lognormal, from its own distribution function") {
    Rng rng(78);
    std::vector<double> values(n);
    for (double& v : values) v = rng.normal();
    bm::normal_distribution<> f;
    CHECK(d_statistic(values, [&](double x) { return bm::cdf(f, x); }) < limit);
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
