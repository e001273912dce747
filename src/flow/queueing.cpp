#include "flow/queueing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>
#include <vector>

#include <Eigen/Dense>

#include "model/servers.h"

namespace sujuva {

namespace detail {

// Regularised-free upper incomplete gamma times e^a a^{−s}: e^a a^{−s} Γ(s, a),
// for s in [1, 2). Series below s + 1, continued fraction above (Numerical Recipes).
double scaled_upper_gamma(double s, double a) {
  if (a <= 0) return std::numeric_limits<double>::infinity();
  if (a < s + 1) {
    // γ(s, a) = e^{−a} a^s Σ a^n / (s (s+1) ... (s+n)); Γ(s, a) = Γ(s) − γ(s, a).
    double term = 1.0 / s, sum = term;
    for (int n = 1; n < 500; ++n) {
      term *= a / (s + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return std::tgamma(s) * std::exp(a) * std::pow(a, -s) - sum;
  }
  // Lentz's continued fraction for Γ(s, a) e^{a} a^{−s}.
  const double tiny = 1e-300;
  double b = a + 1 - s, c = 1 / tiny, d = 1 / b, h = d;
  for (int i = 1; i < 500; ++i) {
    double an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < 1e-16) break;
  }
  return h;
}

}  // namespace detail

double erlang_b(double servers, double a) {
  if (a <= 0) return 0;
  if (servers <= 0) return 1;
  double whole = std::floor(servers);
  double f = servers - whole;
  double b = 1;  // B(0, a) = 1
  if (f > 1e-12) {
    // 1/B(f, a) = e^a a^{−f} Γ(f + 1, a) = a · [e^a a^{−(f+1)} Γ(f + 1, a)].
    b = 1 / (a * detail::scaled_upper_gamma(f + 1, a));
  } else {
    f = 0;
  }
  for (double x = f; x + 0.5 < servers; x += 1) b = a * b / (x + 1 + a * b);
  return b;
}

double erlang_c(double servers, double a) {
  if (a <= 0) return 0;
  double rho = a / servers;
  double b = erlang_b(servers, a);
  return b / (1 - rho * (1 - b));
}

namespace {

// M/M with `whole` full-speed servers and one at speed `part` (0 < part < 1) that takes a client
// only when the others are busy, no client moving between servers: the servers of
// model/servers.h, as the simulation has them. Returns {P(wait), mean wait} for arrival rate λ
// and mean service m at full speed. A continuous-time Markov chain on (clients n, part-speed
// server busy b): b = 0 only while n ≤ whole; from n = whole + 1 up every server is busy and
// the levels are geometric with ratio r = λ m / (whole + part), so the 2·whole + 2 states up to
// there are solved exactly and the tail is summed. Also returns the share of the visits that the
// part-speed server serves (its completions, part μ while busy, over λ).
std::tuple<double, double, double> part_speed_wait(double lambda, double m, int whole, double part) {
  const int k = whole, size = 2 * k + 2;
  const double mu = 1 / m, r = lambda / ((k + part) * mu);
  auto idle = [](int n) { return n; };              // (n, 0), n = 0..k
  auto busy = [k](int n) { return k + n; };         // (n, 1), n = 1..k+1
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(size, size);  // a π = 0: rows are balance equations
  auto flow = [&](int from, int to, double rate) {  // rate out of `from` into `to`
    a(from, from) -= rate;
    a(to, from) += rate;
  };
  for (int n = 0; n <= k; ++n) {
    flow(idle(n), n < k ? idle(n + 1) : busy(k + 1), lambda);
    if (n >= 1) flow(idle(n), idle(n - 1), n * mu);
  }
  for (int n = 1; n <= k; ++n) {
    flow(busy(n), busy(n + 1), lambda);
    if (n >= 2) flow(busy(n), busy(n - 1), (n - 1) * mu);
    flow(busy(n), idle(n - 1), part * mu);
  }
  // (k+1, 1): the tail's arrivals come back down at once, so only the completions leave.
  if (k >= 1) flow(busy(k + 1), busy(k), k * mu);
  flow(busy(k + 1), idle(k), part * mu);
  // Replace one (redundant) balance equation by Σπ = 1, the tail above k + 1 included.
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(size);
  a.row(0).setOnes();
  a(0, busy(k + 1)) = 1 / (1 - r);
  rhs[0] = 1;
  const Eigen::VectorXd pi = a.partialPivLu().solve(rhs);
  const double top = pi[busy(k + 1)];
  const double wait_probability = top / (1 - r);           // every server busy (PASTA)
  const double queue = top * r / ((1 - r) * (1 - r));      // Σ_{j≥1} j rʲ
  double part_busy = top / (1 - r);
  for (int n = 1; n <= k; ++n) part_busy += pi[busy(n)];
  return {wait_probability, queue / lambda, std::clamp(part * mu * part_busy / lambda, 0.0, 1.0)};
}

// Above this many servers the part-speed server is left to the continuous Erlang C: its
// fraction hardly changes the wait, and the chain grows with the servers.
constexpr int kLargestPartSpeedChain = 200;

}  // namespace

std::optional<QueueFigures> gg_c_wait(double arrival_rate, double mean_service, double arrival_scv, double service_scv,
                                      double servers) {
  QueueFigures q;
  double a = arrival_rate * mean_service;  // offered load in busy servers
  if (a <= 0) return q;                    // nothing to serve: no wait
  if (servers <= 0 || a >= servers) return std::nullopt;
  q.utilisation = a / servers;
  double markovian_wait;  // the M/M wait that Allen–Cunneen scales
  if (servers < 1) {
    // Less than one full-time person is one person working at speed c, as in the simulation:
    // M/M/1 with service m / c, whose wait ρ/(1 − ρ) · m/c is what Erlang C gives at c = 1
    // (continuous there). Jagerman's Erlang C below 1 server is no such system.
    q.wait_probability = q.utilisation;
    q.service_time_factor = 1 / servers;
    markovian_wait = q.utilisation / (1 - q.utilisation) * (mean_service / servers);
  } else {
    const std::vector<double> speeds = server_speeds(servers);
    const int whole = static_cast<int>(speeds.size()) - (speeds.back() < 1 ? 1 : 0);
    if (speeds.back() < 1 && whole <= kLargestPartSpeedChain) {
      double part_share = 0;
      std::tie(q.wait_probability, markovian_wait, part_share) =
          part_speed_wait(arrival_rate, mean_service, whole, speeds.back());
      q.service_time_factor = 1 + part_share * (1 / speeds.back() - 1);
    } else if (speeds.front() > 1 && whole <= kLargestPartSpeedChain) {
      // A small fraction spread over the servers: `whole` servers each a little faster.
      const double m = mean_service / speeds.front();
      q.service_time_factor = 1 / speeds.front();
      q.wait_probability = erlang_c(whole, arrival_rate * m);
      markovian_wait = q.wait_probability * m / (whole - arrival_rate * m);
    } else {
      q.wait_probability = erlang_c(servers, a);
      markovian_wait = q.wait_probability * mean_service / (servers - a);
    }
  }
  q.wait = markovian_wait * (arrival_scv + service_scv) / 2;
  q.queue_length = arrival_rate * q.wait;
  q.in_system = arrival_rate * (q.wait + mean_service * q.service_time_factor);
  return q;
}

void ServiceMixture::add(double rate, double mean, double scv) {
  if (rate <= 0) return;
  weight += rate;
  first_moment += rate * mean;
  second_moment += rate * mean * mean * (1 + scv);
}

double ServiceMixture::mean() const { return weight > 0 ? first_moment / weight : 0; }

double ServiceMixture::scv() const {
  double m = mean();
  if (m <= 0) return 0;
  return std::max(0.0, second_moment / weight / (m * m) - 1);
}

}  // namespace sujuva
