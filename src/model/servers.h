// How a role's effective full-time staff become servers of the client flow, shared by both engines.
//
//   server_speeds(2.5)   == {1, 1, 0.5}    // two full-speed servers, one at half speed
//   server_speeds(2.09)  == {1.045, 1.045} // a fraction below kSmallestPartSpeed is spread out
//
// A role offers c = (fte × hours_per_fte × (1 − absence) × (1 − reserved) − activity load) /
// hours_per_fte effective full-time servers. A fractional c is floor(c) full-speed servers plus
// one server working at speed c − floor(c) (c < 1: one server at speed c); a waiting client goes
// to the fastest idle server. A fraction below kSmallestPartSpeed is spread over the full-speed
// servers instead: fte 7 × (1 − 0.12) × (1 − 0.35) = 4.004 would otherwise be a server at 0.4 %
// speed that keeps one client 250 times as long as the others (a 4-hour assessment for 26 weeks).
#pragma once

#include <vector>

namespace sujuva {

constexpr double kSmallestPartSpeed = 0.1;

// The speeds of the servers for c effective servers, fastest first (see above).
std::vector<double> server_speeds(double servers);

}  // namespace sujuva
