// How a role's effective full-time staff become servers (see servers.h).
#include "model/servers.h"

#include <cmath>

namespace sujuva {

std::vector<double> server_speeds(double servers) {
  std::vector<double> speeds;
  if (servers <= 0) return speeds;
  double whole = std::floor(servers + 1e-9);
  double fraction = servers - whole;
  speeds.assign(static_cast<size_t>(whole), 1.0);
  if (fraction <= 1e-9) return speeds;
  if (whole >= 1 && fraction < kSmallestPartSpeed) {
    for (double& speed : speeds) speed = servers / whole;
    return speeds;
  }
  speeds.push_back(fraction);
  return speeds;
}

}  // namespace sujuva
