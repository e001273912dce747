// The numbers of a diagram's labels: hours, rates, joined facts.
#include <cmath>

#include "render/diagram_internal.h"

namespace sujuva {

namespace diagram {

std::string format_hours(double hours, Lang lang) {
  if (hours < 1.0 - 1e-9) return format_decimal(hours * 60, 0, lang) + " min";
  auto whole = [](double x) { return std::fabs(x - std::round(x)) < 1e-9; };
  int decimals = whole(hours) ? 0 : whole(hours * 10) ? 1 : 2;
  return format_decimal(hours, decimals, lang) + " h";
}

std::string format_rate(double per_week, Lang lang) { return format_decimal(per_week, per_week < 10 ? 1 : 0, lang); }

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

}  // namespace diagram

}  // namespace sujuva
