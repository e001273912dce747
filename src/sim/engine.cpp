// One replication of the discrete-event simulation: the event loop moving clients through steps and servers.
#include "sim/engine.h"

#include <cmath>

#include "sim/draw_buffer.h"
#include "sim/engine_clock.h"
#include "sim/event_set.h"
#include "sim/guards.h"
#include "sim/staff.h"
#include "sim/tally.h"

namespace sujuva::sim {

using namespace detail;

struct Replication::State {
  struct Client {
    double arrival = 0;      // simulation clock (working weeks in the office calendar)
    double arrival_cal = 0;  // calendar weeks
    double queued_at = 0;    // calendar weeks
    double work = 0;
    std::uint64_t deadlines_seen = 0;
    std::int32_t step = 0, cls = 0, visits = 0;
    std::int32_t assessed = 0;  // the first class other than standard a route gave them (0: none yet)
  };

  const std::vector<Phase>& phases;
  const CompiledModel* model;  // the phase in force
  const SimulationOptions& options;
  EngineClock clock;
  int weeks = 0;  // of weekly series
  Rng rng{0};     // first its scalar stream, then its batch streams (Rng::batch_words)
  EventSet events;
  std::vector<int> arrival_slot;  // per start: its pending arrival in `events`, -1 if none
  bool stopped = false;
  std::optional<SimulationGuard> guard;
  std::uint64_t processed = 0;

  std::vector<Client> clients;
  std::vector<std::int32_t> free_clients;
  std::vector<Staff> staff;  // per role
  Tally tally;
  std::vector<DrawBuffer> efforts;  // per step; emptied when a timeline change takes effect
  std::vector<DrawBuffer> delays;   // per step, the same for delays
  // Per start, times between arrivals at rate 1 (times the start's mean gap in force), drawn
  // in batches like the efforts: one vectorised logarithm per 64 arrivals.
  std::vector<DrawBuffer> interarrivals;
  const Sampler unit_exponential{Distribution{DistributionKind::exponential, 1}};

  State(const std::vector<Phase>& p, const SimulationOptions& o)
      : phases(p), model(&p.front().model), options(o), clock(o, p.front().model.calendar) {
    weeks = options.weekly_series ? static_cast<int>(std::floor(clock.horizon + 1e-9)) : 0;
  }

  void reset(std::uint64_t replication) {
    rng = Rng::stream(options.seed, replication);
    model = &phases.front().model;
    events.clear();
    clock.now = 0;
    stopped = false;
    guard.reset();
    processed = 0;
    clients.clear();
    free_clients.clear();
    staff.assign(model->roles.size(), Staff{});
    for (size_t r = 0; r < staff.size(); ++r) {
      staff[r].levels.resize(model->roles[r].levels);
      add_servers(static_cast<int>(r));
    }
    tally.reset(*model, weeks);
    discard_draws();
    arrival_slot.assign(model->starts.size(), -1);
    interarrivals.assign(model->starts.size(), DrawBuffer{});
    for (size_t i = 0; i < model->starts.size(); ++i)
      if (model->starts[i].rate > 0) arrival_slot[i] = next_arrival(static_cast<int>(i));
    for (size_t k = 1; k < phases.size(); ++k) events.schedule(phases[k].week, EventKind::change, static_cast<int>(k));
    if (weeks > 0) events.schedule(1, EventKind::week_end, 0);
    events.schedule(clock.window_start, EventKind::window_start, 0);
  }

  // The drawn but unused efforts and delays of the model before (all of them at a reset).
  void discard_draws() {
    efforts.assign(model->steps.size(), DrawBuffer{});
    delays.assign(model->steps.size(), DrawBuffer{});
  }

  // Staffs role r as the model in force says.
  void add_servers(int r) { staff[r].add_servers(model->roles[r], r, options, clock.now, rng, events); }

  // A timeline change: new arrival rates, staffing, efforts and routing from now on.
  void change_phase(int k) {
    const CompiledModel* before = model;
    tally.staffing_changes(*before, clock);
    model = &phases[k].model;
    discard_draws();
    for (size_t i = 0; i < model->starts.size(); ++i) {
      double rate = model->starts[i].rate;
      if (rate == before->starts[i].rate) continue;
      if (arrival_slot[i] >= 0) events.cancel(arrival_slot[i]);
      arrival_slot[i] = rate > 0 ? next_arrival(static_cast<int>(i)) : -1;
    }
    for (size_t r = 0; r < staff.size(); ++r)
      if (model->roles[r].speeds != before->roles[r].speeds || model->roles[r].absence != before->roles[r].absence)
        restaff(static_cast<int>(r));
  }

  // Replaces a role's servers: the old ones finish the client in hand and leave.
  void restaff(int r) {
    Staff& role = staff[r];
    role.retire_servers();
    add_servers(r);
    while (role.queue > 0) {
      int s = role.take_idle_server();
      if (s < 0) break;
      take_from_queue(r, s);
    }
  }

  void run() {
    // An empty set's top time is NaN, which is not <= horizon.
    while (!stopped && events.top_time() <= clock.horizon) {
      Event e = events.pop();
      clock.now = e.time;
      ++processed;
      switch (e.kind) {
        case EventKind::arrival:
          arrive(e.a);
          break;
        case EventKind::service_end:
          end_service(e.a, e.b);
          break;
        case EventKind::delay_end:
          route(e.a);
          break;
        case EventKind::absence:
          toggle_absence(e.a, e.b);
          break;
        case EventKind::week_end:
          record_week(tally.recorded_weeks + 1);
          break;
        case EventKind::window_start:
          tally.start_window(staff);
          break;
        case EventKind::change:
          change_phase(e.a);
          break;
      }
    }
    if (!stopped) clock.now = clock.horizon;
  }

  // Clients. The steps of one event (end of service, routing, the next queue, the next
  // service) are forced inline into run(): GCC keeps the hot pointers in registers across
  // them instead of reloading them in every call (+4 % on bench_sim).
  std::int32_t new_client() {
    if (!free_clients.empty()) {
      std::int32_t id = free_clients.back();
      free_clients.pop_back();
      return id;
    }
    clients.emplace_back();
    return static_cast<std::int32_t>(clients.size() - 1);
  }

  void arrive(int start) {
    const int step = model->starts[start].step;
    if (tally.in_system >= 4 * options.max_queue) return stop(wip_guard(model->step_ids[step], clock.now, options));
    arrival_slot[start] = next_arrival(start);
    std::int32_t id = new_client();
    Client& c = clients[id];
    c = Client{};
    c.arrival = clock.now;
    c.arrival_cal = clock.calendar_now();
    tally.week_arrivals += 1;
    tally.change_class_count(0, +1, clock);
    tally.change_assessed_count(0, +1, clock);
    advance(id, step);
  }

  int next_arrival(int start) {
    return events.schedule(clock.now + interarrivals[start].take(unit_exponential, rng) * model->starts[start].mean_gap,
                           EventKind::arrival, start);
  }

  // Moves a client through steps without work or delay until it queues, waits or leaves.
  [[gnu::always_inline]] void advance(std::int32_t id, int step) {
    while (true) {
      Client& c = clients[id];
      c.step = step;
      if (++c.visits > options.max_visits) return stop(visit_guard(model->step_ids[step], clock.now, options));
      const CompiledStep& s = model->steps[step];
      if (s.kind == StepKind::end) return complete(id);
      if (s.works) return enqueue(s.role, id);
      if (s.deadline >= 0) reach_deadline(c, s.deadline);
      if (s.has_delay) {
        events.schedule(clock.after_delay(delays[step].take(s.delay, rng)), EventKind::delay_end, id);
        return;
      }
      step = next_step(c);
    }
  }

  [[gnu::always_inline]] int next_step(Client& c) {
    std::uint32_t i = model->branch(c.step, c.cls, rng);
    int next_class = model->route_class[i];
    if (next_class != c.cls) {
      tally.change_class_count(c.cls, -1, clock);
      tally.change_class_count(next_class, +1, clock);
      c.cls = next_class;
      if (c.assessed == kStandardClass) {  // the first assessment into another class stays with them
        tally.change_assessed_count(kStandardClass, -1, clock);
        tally.change_assessed_count(next_class, +1, clock);
        c.assessed = next_class;
      }
    }
    return model->route_to[i];
  }

  [[gnu::always_inline]] void route(std::int32_t id) { advance(id, next_step(clients[id])); }

  [[gnu::always_inline]] void after_work(std::int32_t id) {
    const int step = clients[id].step;
    const CompiledStep& s = model->steps[step];
    if (s.has_delay)
      events.schedule(clock.after_delay(delays[step].take(s.delay, rng)), EventKind::delay_end, id);
    else
      route(id);
  }

  void complete(std::int32_t id) {
    const Client& c = clients[id];
    tally.complete(c.cls, c.assessed, clock, c.arrival_cal);
    free_clients.push_back(id);
  }

  void reach_deadline(Client& c, int d) {
    std::uint64_t bit = std::uint64_t(1) << d;
    if (c.deadlines_seen & bit) return;  // only the first visit counts
    c.deadlines_seen |= bit;
    if (clock.in_window()) tally.reach_deadline(d, clock.now - c.arrival, model->deadlines[d].weeks);
  }

  // Roles.
  void set_queue(int r, std::int64_t delta) {
    tally.queue_changes(r, staff[r].queue, clock);
    staff[r].queue += delta;
  }

  [[gnu::always_inline]] void enqueue(int r, std::int32_t id) {
    Client& c = clients[id];
    const CompiledStep& s = model->steps[c.step];
    Staff& role = staff[r];
    c.queued_at = clock.calendar_now();
    c.work = efforts[c.step].take(s.effort, rng);
    if (clock.in_window()) {
      tally.roles[r].offered_work += c.work;
      tally.roles[r].joined += 1;
    }
    int server = role.take_idle_server();
    if (server >= 0) return start_service(r, server, id);
    role.levels[s.level].push(id);
    set_queue(r, +1);
    if (role.queue > options.max_queue)
      stop(unstable_guard(model->roles[r].id, double(role.queue), clock.now, options));
  }

  [[gnu::always_inline]] void start_service(int r, int s, std::int32_t id) {
    Server& server = staff[r].servers[s];
    Client& c = clients[id];
    RoleTally& role = tally.roles[r];
    const double now = clock.now;
    if (now >= clock.window_start) {
      role.waits.add(clock.calendar_now() - c.queued_at);
      role.started += 1;
    }
    const CompiledStep& step = model->steps[c.step];
    if (step.deadline >= 0) reach_deadline(c, step.deadline);
    double duration = c.work * server.inverse_speed;
    double overlap = std::min(now + duration, clock.horizon) - std::max(now, clock.window_start);
    if (overlap > 0) role.busy_area += overlap * server.speed;
    server.client = id;
    events.schedule(now + duration, EventKind::service_end, r, s);
  }

  [[gnu::always_inline]] void end_service(int r, int s) {
    Server& server = staff[r].servers[s];
    std::int32_t id = server.client;
    server.client = -1;
    if (server.retired) {
      // replaced by a timeline change: leaves once the client in hand is done
    } else if (server.leave_after_service) {
      server.leave_after_service = false;
      server.absent = true;
      events.schedule(clock.now + rng.exponential(options.absence_spell_weeks), EventKind::absence, r, s);
    } else {
      serve_next(r, s);
    }
    after_work(id);
  }

  // Gives server s the next client (highest priority level, then first come), or lists it idle.
  [[gnu::always_inline]] void serve_next(int r, int s) {
    if (!take_from_queue(r, s)) staff[r].list_idle(s);
  }

  [[gnu::always_inline]] bool take_from_queue(int r, int s) {
    if (staff[r].queue == 0) return false;
    for (auto& level : staff[r].levels) {
      if (level.empty()) continue;
      std::int32_t next = level.pop();
      set_queue(r, -1);
      start_service(r, s, next);
      return true;
    }
    return false;
  }

  void toggle_absence(int r, int s) {
    Staff& role = staff[r];
    Server& server = role.servers[s];
    if (server.retired) return;
    if (server.absent) {
      server.absent = false;
      events.schedule(clock.now + rng.exponential(role.mean_present), EventKind::absence, r, s);
      serve_next(r, s);
    } else if (server.client >= 0) {
      server.leave_after_service = true;  // the visit in hand is finished first
    } else {
      server.absent = true;
      events.schedule(clock.now + rng.exponential(options.absence_spell_weeks), EventKind::absence, r, s);
    }
  }

  void record_week(int week) {
    tally.record_week(week, staff);
    if (week + 1 <= weeks) events.schedule(week + 1, EventKind::week_end, 0);
  }

  void stop(SimulationGuard g) {
    stopped = true;
    guard = std::move(g);
  }

  ReplicationResult finish() {
    ReplicationResult result = tally.finish(*model, clock, staff, stopped);
    result.events = processed;
    result.guard = guard;
    return result;
  }
};

Replication::Replication(const std::vector<Phase>& phases, const SimulationOptions& options)
    : state_(std::make_unique<State>(phases, options)) {}

Replication::~Replication() = default;

ReplicationResult Replication::run(std::uint64_t replication) {
  state_->reset(replication);
  state_->run();
  return state_->finish();
}

}  // namespace sujuva::sim
