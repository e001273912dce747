// A role's servers in the engine: who is idle, absent or retired, and the clients queued for them.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/client_ring.h"
#include "sim/compiled_model.h"
#include "sim/event_set.h"
#include "sim/random.h"

namespace sujuva::sim::detail {

struct Server {
  double speed = 1, inverse_speed = 1;  // a multiply is cheaper than a divide per service
  std::int32_t client = -1;
  bool absent = false, leave_after_service = false, listed_idle = false;
  bool retired = false;  // replaced by a timeline change: finishes its client, takes no more
};

struct Staff {
  std::vector<Server> servers;
  std::vector<std::int32_t> idle;  // full-speed servers that may be idle (checked on pop)
  int fractional = -1;             // index of the part-speed server, if any
  std::vector<ClientRing> levels;  // the queue: one FIFO per priority level, level 0 first
  std::int64_t queue = 0;          // clients in `levels`
  double mean_present = 0;         // random absence: mean weeks between spells

  // An idle present server, full-speed ones first, or -1.
  [[gnu::always_inline]] int take_idle_server() {
    while (!idle.empty()) {
      int s = idle.back();
      idle.pop_back();
      Server& server = servers[s];
      server.listed_idle = false;
      if (!server.absent && server.client < 0) return s;
    }
    if (fractional >= 0) {
      Server& server = servers[fractional];
      if (!server.absent && server.client < 0) return fractional;
    }
    return -1;
  }

  void list_idle(int s) {
    Server& server = servers[s];
    if (s == fractional || server.listed_idle) return;
    server.listed_idle = true;
    idle.push_back(s);
  }

  // Adds the servers of `spec` (role r); with random absence every new server starts its
  // present/absent cycle in the stationary state, its next absence event in `events`.
  void add_servers(const CompiledRole& spec, int r, const SimulationOptions& options, double now, Rng& rng,
                   EventSet& events);

  // Replaced by a timeline change: the servers finish the client in hand and take no more.
  void retire_servers();
};

}  // namespace sujuva::sim::detail
