#include "flow/queueing.h"

#include <cmath>
#include <limits>

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
    markovian_wait = q.utilisation / (1 - q.utilisation) * (mean_service / servers);
  } else {
    q.wait_probability = erlang_c(servers, a);
    markovian_wait = q.wait_probability * mean_service / (servers - a);
  }
  q.wait = markovian_wait * (arrival_scv + service_scv) / 2;
  q.queue_length = arrival_rate * q.wait;
  q.in_system = arrival_rate * (q.wait + mean_service);
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
