// Multi-server queue formulas: Erlang B/C with a fractional number of servers, Allen–Cunneen, service mixtures.
//
//   double pw = erlang_c(3, 300.0 / 182.5);                 // 0.29075...
//   auto q = gg_c_wait(arrival_rate, mean_service, 1.0, scv, servers);
//   if (q) use(q->wait);                                      // empty when unstable
//
// Fractional servers (e.g. 2.6 effective full-time staff) use the continuous
// extension of Erlang B (Jagerman 1974): 1/B(x, a) = a ∫₀^∞ e^{−a t} (1 + t)^x dt,
// which equals the classical Erlang B at integer x and satisfies the same
// recurrence B(x+1, a) = a B(x, a) / (x + 1 + a B(x, a)). We evaluate the base
// B(f, a), f ∈ [0, 1), through the upper incomplete gamma function
// (1/B(f, a) = e^a a^{−f} Γ(f + 1, a)) and recur up to x. Erlang C follows from
// C = B / (1 − ρ (1 − B)), ρ = a / x.
#pragma once

#include <optional>
#include <vector>

namespace sujuva {

// Erlang B blocking probability for x > 0 servers (real) and offered load a >= 0.
double erlang_b(double servers, double offered_load);
// Erlang C probability that an arrival waits; requires offered_load < servers.
double erlang_c(double servers, double offered_load);

struct QueueFigures {
  double utilisation = 0;       // ρ = λ m / c
  double wait_probability = 0;  // Erlang C
  double wait = 0;              // mean wait in queue, in the time unit of m
  double queue_length = 0;      // Lq = λ Wq
  double in_system = 0;         // L = λ (Wq + m f)
  // f: the mean time a visit spends in service relative to m. A part-speed server takes
  // m / speed, so f > 1 where a fraction of a server serves some visits (the share from the
  // chain of the M/M queue), 1 / c below one server, below 1 where a small fraction is spread.
  double service_time_factor = 1;
};

// M/M/c mean wait, then scaled by Allen–Cunneen's (ca² + cs²) / 2. Rates and
// times in one unit. Empty when λ m >= c (unstable) or c <= 0 with work.
std::optional<QueueFigures> gg_c_wait(double arrival_rate, double mean_service, double arrival_scv, double service_scv,
                                      double servers);

// The service time of a pool that serves several kinds of visit: a mixture.
struct ServiceMixture {
  double weight = 0;         // total rate
  double first_moment = 0;   // Σ w m
  double second_moment = 0;  // Σ w (var + m²)
  void add(double rate, double mean, double scv);
  double mean() const;
  double scv() const;  // E[S²]/E[S]² − 1, 0 for no or zero-length service
};

}  // namespace sujuva
