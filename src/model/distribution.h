// Duration distributions of effort and delay: exp, gamma, lognormal, tri, uniform, constant.
//
//   auto spec = parse_distribution("gamma(mean=2h, cv=0.5)");
//   Distribution effort = spec.value->in_hours(calendar);   // mean 2, scv 0.25
//   std::mt19937_64 rng(1);  double hours = effort.sample(rng);
#pragma once

#include <cmath>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "model/units.h"

namespace sujuva {

enum class DistributionKind { constant, exponential, gamma, lognormal, triangular, uniform };

// A distribution in one numeric unit (hours for effort, weeks for delay).
struct Distribution {
  DistributionKind kind = DistributionKind::constant;
  // constant: a. exponential: mean a. gamma, lognormal: mean a, cv b.
  // triangular: min a, mode b, max c. uniform: min a, max b.
  double a = 0, b = 0, c = 0;

  static Distribution constant(double value) { return {DistributionKind::constant, value, 0, 0}; }

  double mean() const;
  // Squared coefficient of variation, variance / mean^2 (0 for a zero mean).
  double scv() const;
  double variance() const { return scv() * mean() * mean(); }
  Distribution scaled(double factor) const;
  // The text form in the model's syntax, in the given unit name (e.g. "h").
  std::string describe(std::string_view unit) const;

  template <class Rng>
  double sample(Rng& rng) const {
    switch (kind) {
      case DistributionKind::constant:
        return a;
      case DistributionKind::exponential:
        return std::exponential_distribution<double>(1.0 / a)(rng);
      case DistributionKind::gamma: {
        if (b <= 0) return a;
        double shape = 1.0 / (b * b);
        return std::gamma_distribution<double>(shape, a / shape)(rng);
      }
      case DistributionKind::lognormal: {
        double sigma2 = std::log1p(b * b);
        return std::lognormal_distribution<double>(std::log(a) - sigma2 / 2, std::sqrt(sigma2))(rng);
      }
      case DistributionKind::triangular: {
        double u = std::uniform_real_distribution<double>(0, 1)(rng);
        return detail_triangular(u);
      }
      case DistributionKind::uniform:
        return std::uniform_real_distribution<double>(a, b)(rng);
    }
    return a;
  }
  // Inverse CDF of the triangular distribution at u in [0,1).
  double detail_triangular(double u) const;
};

// A distribution as written, with its durations still in the user's units.
struct DistributionSpec {
  DistributionKind kind = DistributionKind::constant;
  std::vector<Duration> durations;  // in the order of Distribution's a, b, c (except cv)
  double cv = 0;                    // gamma and lognormal

  bool uses_calendar_units() const;
  Distribution in_hours(const Calendar& calendar) const;
  Distribution in_weeks(const Calendar& calendar) const;
};

Parsed<DistributionSpec> parse_distribution(std::string_view text, Lang lang = Lang::en);

}  // namespace sujuva
