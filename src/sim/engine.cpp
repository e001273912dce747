// One replication of the discrete-event simulation: clients, staff pools, events, statistics.
#include "sim/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/event_set.h"

namespace sujuva::detail {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A FIFO of client ids in a power-of-two ring that only grows (bounded by the queue guard).
class ClientRing {
 public:
  bool empty() const { return size_ == 0; }
  void clear() { head_ = size_ = 0; }
  [[gnu::always_inline]] void push(std::int32_t client) {
    if (size_ == buffer_.size()) [[unlikely]]
      grow();
    buffer_[(head_ + size_) & mask_] = client;
    ++size_;
  }
  [[gnu::always_inline]] std::int32_t pop() {
    std::int32_t client = buffer_[head_];
    head_ = (head_ + 1) & mask_;
    --size_;
    return client;
  }

 private:
  // Out of line: the event loop keeps only the common path of push.
  [[gnu::noinline]] void grow() {
    std::vector<std::int32_t> bigger(std::max<size_t>(16, buffer_.size() * 2));
    for (size_t i = 0; i < size_; ++i) bigger[i] = buffer_[(head_ + i) & (buffer_.size() - 1)];
    buffer_.swap(bigger);
    mask_ = buffer_.size() - 1;
    head_ = 0;
  }
  std::vector<std::int32_t> buffer_;
  size_t head_ = 0, size_ = 0, mask_ = 0;
};

// Area under a step function of time, counted only inside the measurement window.
struct TimeAverage {
  double area = 0, last = 0;
  void advance(double now, double level, double window_start) {
    double from = std::max(last, window_start);
    if (now > from) area += level * (now - from);
    last = now;
  }
};

}  // namespace

// Effort draws of one step, made in batches (Sampler::fill).
struct DrawBuffer {
  static constexpr int kSize = 64;
  int next = kSize;  // first: shares the cache line with the next values
  double values[kSize];
  // The common path inline in the event loop, the refill (once in 64) out of line.
  [[gnu::always_inline]] double take(const Sampler& sampler, Rng& rng) {
    if (next == kSize) [[unlikely]]
      refill(sampler, rng);
    return values[next++];
  }
  [[gnu::noinline]] void refill(const Sampler& sampler, Rng& rng) {
    sampler.fill(rng, values, kSize);
    next = 0;
  }
};

struct Replication::State {
  struct Client {
    double arrival = 0;      // simulation clock (working weeks in the office calendar)
    double arrival_cal = 0;  // calendar weeks
    double queued_at = 0;    // calendar weeks
    double work = 0;
    std::uint64_t deadlines_seen = 0;
    std::int32_t step = 0, cls = 0, visits = 0;
  };
  struct Server {
    double speed = 1, inverse_speed = 1;  // a multiply is cheaper than a divide per service
    std::int32_t client = -1;
    bool absent = false, leave_after_service = false, listed_idle = false;
    bool retired = false;  // replaced by a timeline change: finishes its client, takes no more
  };
  struct RoleState {
    std::vector<Server> servers;
    std::vector<std::int32_t> idle;  // full-speed servers that may be idle (checked on pop)
    int fractional = -1;             // index of the part-speed server, if any
    std::vector<ClientRing> levels;
    std::int64_t queue = 0, queue_at_window_start = 0;
    TimeAverage queue_area, capacity_area, load_area;  // capacity and load in hours/week
    double busy_area = 0, offered_work = 0, joined = 0, started = 0;
    double mean_present = 0;  // random absence: mean weeks between spells
    DurationHistogram waits;
  };
  struct DeadlineState {
    double reached = 0, within = 0;
    DurationHistogram late;
  };

  const std::vector<Phase>& phases;
  const CompiledModel* model;  // the phase in force
  const SimulationOptions& options;
  double window_start = 0, horizon = 0;
  // Office calendar: the simulation clock runs in working time (one working week per
  // calendar week, open Monday to Friday from 08:00 for hours_per_day hours); waits, lead
  // times and time averages are measured on the calendar, deadlines in working time.
  bool office = false;
  double days_per_week = 5, hours_per_day = 7.65, window_start_cal = 0;
  int weeks = 0, series = 0;
  Rng rng{0};  // first its scalar stream, then its batch streams (Rng::batch_words)
  EventSet events;
  std::vector<int> arrival_slot;  // per start: its pending arrival in `events`, -1 if none
  double now = 0;
  bool stopped = false;
  std::optional<SimulationGuard> guard;
  std::uint64_t processed = 0;

  std::vector<Client> clients;
  std::vector<std::int32_t> free_clients;
  std::vector<RoleState> roles;
  std::vector<std::int64_t> in_class;
  std::vector<TimeAverage> class_area;
  std::int64_t in_system = 0;
  std::vector<DurationHistogram> lead;  // per class, then overall
  std::vector<double> completed;        // in the window, per class
  std::vector<DeadlineState> deadlines;
  std::vector<DrawBuffer> efforts;  // per step; emptied when a timeline change takes effect
  std::vector<DrawBuffer> delays;   // per step, the same for delays
  // Per start, times between arrivals at rate 1 (times the start's mean gap in force), drawn
  // in batches like the efforts: one vectorised logarithm per 64 arrivals.
  std::vector<DrawBuffer> interarrivals;
  const Sampler unit_exponential{Distribution{DistributionKind::exponential, 1}};
  std::vector<double> weekly;
  double week_arrivals = 0, week_completions = 0;
  int recorded_weeks = 0;

  State(const std::vector<Phase>& p, const SimulationOptions& o) : phases(p), model(&p.front().model), options(o) {
    window_start = options.warmup_weeks;
    horizon = options.warmup_weeks + options.weeks;
    weeks = options.weekly_series ? static_cast<int>(std::floor(horizon + 1e-9)) : 0;
    series = static_cast<int>(model->roles.size()) + 3;
    office = options.calendar == CalendarModel::office;
    hours_per_day = model->hours_per_day;
    days_per_week = model->hours_per_fte / model->hours_per_day;
    window_start_cal = calendar(window_start);
  }

  // Calendar weeks of a working-time instant (identity in continuous time).
  double calendar(double work_weeks) const {
    if (!office) return work_weeks;
    double week = std::floor(work_weeks);
    double day_share = (work_weeks - week) * days_per_week;
    double day = std::floor(day_share);
    double hour = day * 24 + 8 + (day_share - day) * hours_per_day;
    return week + hour / 168;
  }

  // The working-time instant at calendar time t, or the next opening if closed.
  double working(double t) const {
    if (!office) return t;
    double week = std::floor(t);
    double hours = (t - week) * 168;
    double day = std::floor(hours / 24);
    if (day >= days_per_week) return week + 1;
    double into = hours - day * 24 - 8;
    if (into <= 0) return week + day / days_per_week;
    if (into >= hours_per_day) return day + 1 >= days_per_week ? week + 1 : week + (day + 1) / days_per_week;
    return week + (day + into / hours_per_day) / days_per_week;
  }

  double clock() const { return calendar(now); }

  // When a delay of `weeks` calendar weeks that starts now ends, on the simulation clock.
  double after_delay(double weeks) const { return office ? std::max(now, working(clock() + weeks)) : now + weeks; }

  void reset(std::uint64_t replication) {
    rng = Rng::stream(options.seed, replication);
    model = &phases.front().model;
    events.clear();
    now = 0;
    stopped = false;
    guard.reset();
    processed = 0;
    clients.clear();
    free_clients.clear();
    roles.assign(model->roles.size(), RoleState{});
    for (size_t r = 0; r < roles.size(); ++r) setup_role(static_cast<int>(r));
    in_class.assign(model->classes, 0);
    class_area.assign(model->classes, TimeAverage{});
    in_system = 0;
    lead.assign(model->classes + 1, DurationHistogram{});
    completed.assign(model->classes + 1, 0);
    deadlines.assign(model->deadlines.size(), DeadlineState{});
    weekly.assign(size_t(weeks) * series, 0);
    week_arrivals = week_completions = 0;
    recorded_weeks = 0;
    discard_draws();
    arrival_slot.assign(model->starts.size(), -1);
    interarrivals.assign(model->starts.size(), DrawBuffer{});
    for (size_t i = 0; i < model->starts.size(); ++i)
      if (model->starts[i].rate > 0) arrival_slot[i] = next_arrival(static_cast<int>(i));
    for (size_t k = 1; k < phases.size(); ++k) events.schedule(phases[k].week, EventKind::change, static_cast<int>(k));
    if (weeks > 0) events.schedule(1, EventKind::week_end, 0);
    events.schedule(window_start, EventKind::window_start, 0);
  }

  // The drawn but unused efforts and delays of the model before (all of them at a reset).
  void discard_draws() {
    efforts.assign(model->steps.size(), DrawBuffer{});
    delays.assign(model->steps.size(), DrawBuffer{});
  }

  void setup_role(int r) {
    roles[r].levels.resize(model->roles[r].levels);
    add_servers(r);
  }

  // Staffs role r as the model in force says; with random absence every new server starts
  // its present/absent cycle in the stationary state.
  void add_servers(int r) {
    const CompiledRole& spec = model->roles[r];
    RoleState& role = roles[r];
    const int first = static_cast<int>(role.servers.size());
    for (double speed : spec.speeds) role.servers.push_back(Server{speed, 1 / speed});
    for (int i = static_cast<int>(role.servers.size()) - 1; i >= first; --i) {
      if (role.servers[i].speed < 1)
        role.fractional = i;
      else
        role.idle.push_back(i), role.servers[i].listed_idle = true;
    }
    bool random_absence = options.absence_model == AbsenceModel::random && spec.absence > 0 && spec.absence < 1;
    if (!random_absence) return;
    // Present and absent spells are exponential, so that a server is absent a share
    // `absence` of the time.
    double spell = options.absence_spell_weeks;
    role.mean_present = spell * (1 - spec.absence) / spec.absence;
    for (size_t i = first; i < role.servers.size(); ++i) {
      bool absent = rng.uniform() < spec.absence;
      role.servers[i].absent = absent;
      double next = rng.exponential(absent ? spell : role.mean_present);
      events.schedule(now + next, EventKind::absence, r, static_cast<int>(i));
    }
  }

  // A timeline change: new arrival rates, staffing, efforts and routing from now on.
  void change_phase(int k) {
    const CompiledModel* before = model;
    for (size_t r = 0; r < roles.size(); ++r) {
      roles[r].capacity_area.advance(now, before->roles[r].capacity_hours, window_start);
      roles[r].load_area.advance(now, before->roles[r].load_hours, window_start);
    }
    model = &phases[k].model;
    discard_draws();
    for (size_t i = 0; i < model->starts.size(); ++i) {
      double rate = model->starts[i].rate;
      if (rate == before->starts[i].rate) continue;
      if (arrival_slot[i] >= 0) events.cancel(arrival_slot[i]);
      arrival_slot[i] = rate > 0 ? next_arrival(static_cast<int>(i)) : -1;
    }
    for (size_t r = 0; r < roles.size(); ++r)
      if (model->roles[r].speeds != before->roles[r].speeds || model->roles[r].absence != before->roles[r].absence)
        restaff(static_cast<int>(r));
  }

  // Replaces a role's servers: the old ones finish the client in hand and leave.
  void restaff(int r) {
    RoleState& role = roles[r];
    for (auto& server : role.servers) server.retired = true, server.listed_idle = false;
    role.idle.clear();
    role.fractional = -1;
    add_servers(r);
    while (role.queue > 0) {
      int s = take_idle_server(role);
      if (s < 0) break;
      take_from_queue(r, s);
    }
  }

  void run() {
    // An empty set's top time is NaN, which is not <= horizon.
    while (!stopped && events.top_time() <= horizon) {
      Event e = events.pop();
      now = e.time;
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
          record_week(recorded_weeks + 1);
          break;
        case EventKind::window_start:
          for (auto& role : roles) role.queue_at_window_start = role.queue;
          break;
        case EventKind::change:
          change_phase(e.a);
          break;
      }
    }
    if (!stopped) now = horizon;
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
    if (in_system >= 4 * options.max_queue) return fire_guard("wip_limit", -1, step);
    arrival_slot[start] = next_arrival(start);
    std::int32_t id = new_client();
    Client& c = clients[id];
    c = Client{};
    c.arrival = now;
    c.arrival_cal = clock();
    week_arrivals += 1;
    change_class_count(0, +1);
    advance(id, step);
  }

  int next_arrival(int start) {
    return events.schedule(now + interarrivals[start].take(unit_exponential, rng) * model->starts[start].mean_gap,
                           EventKind::arrival, start);
  }

  void change_class_count(int cls, int delta) {
    class_area[cls].advance(clock(), double(in_class[cls]), window_start_cal);
    in_class[cls] += delta;
    in_system += delta;
  }

  // Moves a client through steps without work or delay until it queues, waits or leaves.
  [[gnu::always_inline]] void advance(std::int32_t id, int step) {
    while (true) {
      Client& c = clients[id];
      c.step = step;
      if (++c.visits > options.max_visits) return fire_guard("visit_limit", -1, step);
      const CompiledStep& s = model->steps[step];
      if (s.kind == StepKind::end) return complete(id);
      if (s.works) return enqueue(s.role, id);
      if (s.deadline >= 0) reach_deadline(c, s.deadline);
      if (s.has_delay) {
        events.schedule(after_delay(delays[step].take(s.delay, rng)), EventKind::delay_end, id);
        return;
      }
      step = next_step(c);
    }
  }

  [[gnu::always_inline]] int next_step(Client& c) {
    std::uint32_t state = std::uint32_t(c.step) * model->classes + c.cls;
    std::uint32_t i = model->route_begin[state], end = model->route_begin[state + 1];
    if (end - i > 1) {
      double u = rng.uniform();
      while (i + 1 < end && u >= model->route_cumulative[i]) ++i;
    }
    int next_class = model->route_class[i];
    if (next_class != c.cls) {
      change_class_count(c.cls, -1);
      change_class_count(next_class, +1);
      c.cls = next_class;
    }
    return model->route_to[i];
  }

  [[gnu::always_inline]] void route(std::int32_t id) { advance(id, next_step(clients[id])); }

  [[gnu::always_inline]] void after_work(std::int32_t id) {
    const int step = clients[id].step;
    const CompiledStep& s = model->steps[step];
    if (s.has_delay)
      events.schedule(after_delay(delays[step].take(s.delay, rng)), EventKind::delay_end, id);
    else
      route(id);
  }

  void complete(std::int32_t id) {
    Client& c = clients[id];
    if (now >= window_start) {
      double lead_time = clock() - c.arrival_cal;
      lead[c.cls].add(lead_time);
      lead.back().add(lead_time);
      completed[c.cls] += 1;
      completed.back() += 1;
    }
    week_completions += 1;
    change_class_count(c.cls, -1);
    free_clients.push_back(id);
  }

  void reach_deadline(Client& c, int d) {
    std::uint64_t bit = std::uint64_t(1) << d;
    if (c.deadlines_seen & bit) return;  // only the first visit counts
    c.deadlines_seen |= bit;
    if (now < window_start) return;
    DeadlineState& state = deadlines[d];
    state.reached += 1;
    double elapsed = now - c.arrival, limit = model->deadlines[d].weeks;
    if (elapsed <= limit)
      state.within += 1;
    else
      state.late.add(elapsed - limit);
  }

  // Roles.
  void set_queue(int r, std::int64_t delta) {
    RoleState& role = roles[r];
    role.queue_area.advance(clock(), double(role.queue), window_start_cal);
    role.queue += delta;
  }

  [[gnu::always_inline]] int take_idle_server(RoleState& role) {
    while (!role.idle.empty()) {
      int s = role.idle.back();
      role.idle.pop_back();
      Server& server = role.servers[s];
      server.listed_idle = false;
      if (!server.absent && server.client < 0) return s;
    }
    if (role.fractional >= 0) {
      Server& server = role.servers[role.fractional];
      if (!server.absent && server.client < 0) return role.fractional;
    }
    return -1;
  }

  void list_idle(RoleState& role, int s) {
    Server& server = role.servers[s];
    if (s == role.fractional || server.listed_idle) return;
    server.listed_idle = true;
    role.idle.push_back(s);
  }

  [[gnu::always_inline]] void enqueue(int r, std::int32_t id) {
    Client& c = clients[id];
    const CompiledStep& s = model->steps[c.step];
    RoleState& role = roles[r];
    c.queued_at = clock();
    c.work = efforts[c.step].take(s.effort, rng);
    if (now >= window_start) {
      role.offered_work += c.work;
      role.joined += 1;
    }
    int server = take_idle_server(role);
    if (server >= 0) return start_service(r, server, id);
    role.levels[s.level].push(id);
    set_queue(r, +1);
    if (role.queue > options.max_queue) fire_guard("unstable", r, -1);
  }

  [[gnu::always_inline]] void start_service(int r, int s, std::int32_t id) {
    RoleState& role = roles[r];
    Server& server = role.servers[s];
    Client& c = clients[id];
    if (now >= window_start) {
      role.waits.add(clock() - c.queued_at);
      role.started += 1;
    }
    const CompiledStep& step = model->steps[c.step];
    if (step.deadline >= 0) reach_deadline(c, step.deadline);
    double duration = c.work * server.inverse_speed;
    double overlap = std::min(now + duration, horizon) - std::max(now, window_start);
    if (overlap > 0) role.busy_area += overlap * server.speed;
    server.client = id;
    events.schedule(now + duration, EventKind::service_end, r, s);
  }

  [[gnu::always_inline]] void end_service(int r, int s) {
    RoleState& role = roles[r];
    Server& server = role.servers[s];
    std::int32_t id = server.client;
    server.client = -1;
    if (server.retired) {
      // replaced by a timeline change: leaves once the client in hand is done
    } else if (server.leave_after_service) {
      server.leave_after_service = false;
      server.absent = true;
      events.schedule(now + rng.exponential(options.absence_spell_weeks), EventKind::absence, r, s);
    } else {
      serve_next(r, s);
    }
    after_work(id);
  }

  // Gives server s the next client (highest priority level, then first come), or lists it idle.
  [[gnu::always_inline]] void serve_next(int r, int s) {
    if (!take_from_queue(r, s)) list_idle(roles[r], s);
  }

  [[gnu::always_inline]] bool take_from_queue(int r, int s) {
    if (roles[r].queue == 0) return false;
    for (auto& level : roles[r].levels) {
      if (level.empty()) continue;
      std::int32_t next = level.pop();
      set_queue(r, -1);
      start_service(r, s, next);
      return true;
    }
    return false;
  }

  void toggle_absence(int r, int s) {
    RoleState& role = roles[r];
    Server& server = role.servers[s];
    if (server.retired) return;
    if (server.absent) {
      server.absent = false;
      events.schedule(now + rng.exponential(role.mean_present), EventKind::absence, r, s);
      serve_next(r, s);
    } else if (server.client >= 0) {
      server.leave_after_service = true;  // the visit in hand is finished first
    } else {
      server.absent = true;
      events.schedule(now + rng.exponential(options.absence_spell_weeks), EventKind::absence, r, s);
    }
  }

  void record_week(int week) {
    double* row = &weekly[size_t(week - 1) * series];
    for (size_t r = 0; r < roles.size(); ++r) row[r] = double(roles[r].queue);
    row[roles.size()] = double(in_system);
    row[roles.size() + 1] = week_arrivals;
    row[roles.size() + 2] = week_completions;
    week_arrivals = week_completions = 0;
    recorded_weeks = week;
    if (week + 1 <= weeks) events.schedule(week + 1, EventKind::week_end, 0);
  }

  void fire_guard(const char* kind, int r, int step) {
    stopped = true;
    SimulationGuard g;
    g.kind = kind;
    g.week = now;
    if (r >= 0) {
      const RoleState& role = roles[r];
      g.role = model->roles[r].id;
      g.message = fmt::format(
          fmt::runtime(say(options.lang,
                           "rooli \"{}\": jono ylitti {} asiakasta viikkoon {:.1f} mennessä (noin {:.0f} asiakasta "
                           "viikossa enemmän kuin se palvelee): malli ei ole tasapainossa",
                           "rollen \"{}\": kön passerade {} klienter till vecka {:.1f} (omkring {:.0f} fler klienter "
                           "i veckan än den betjänar): modellen är instabil",
                           "role \"{}\": the queue passed {} clients by week {:.1f} (about {:.0f} more clients a week "
                           "than it serves): the model is unstable")),
          g.role, options.max_queue, now, now > 0 ? double(role.queue) / now : 0.0);
    } else if (g.kind == "wip_limit") {
      g.step = model->step_ids[step];
      g.message = fmt::format(
          fmt::runtime(say(options.lang,
                           "yli {} asiakasta prosessissa yhtä aikaa viikkoon {:.1f} mennessä: simulointi pitää "
                           "enintään 4 × --max-queue asiakasta (muisti); malli ei ole tasapainossa tai on paljon "
                           "palveluprosessia suurempi",
                           "fler än {} klienter i processen samtidigt till vecka {:.1f}: simuleringen håller högst "
                           "4 × --max-queue klienter (minne); modellen är instabil eller långt större än en "
                           "serviceprocess",
                           "more than {} clients in the process at once by week {:.1f}: the simulation keeps at most "
                           "4 × --max-queue clients (memory); the model is unstable or far larger than a service "
                           "process")),
          4 * options.max_queue, now);
    } else {
      g.step = model->step_ids[step];
      g.message = fmt::format(
          fmt::runtime(say(options.lang,
                           "vaihe \"{}\": asiakas teki yli {} käyntiä viikkoon {:.1f} mennessä: silmukka päästää "
                           "asiakkaat tuskin koskaan ulos",
                           "steget \"{}\": en klient gjorde fler än {} besök till vecka {:.1f}: en slinga släpper "
                           "nästan aldrig ut klienterna",
                           "step \"{}\": a client made more than {} visits by week {:.1f}: a loop almost never lets "
                           "clients out")),
          g.step, options.max_visits, now);
    }
    guard = g;
  }

  ReplicationResult finish() {
    ReplicationResult result;
    result.events = processed;
    result.guard = guard;
    const double span = now - window_start, span_cal = clock() - window_start_cal;
    auto per_week = [&](double x) { return span_cal > 0 ? x / span_cal : kNaN; };  // counts and calendar areas
    for (size_t r = 0; r < roles.size(); ++r) {
      RoleState& role = roles[r];
      const CompiledRole& spec = model->roles[r];
      role.queue_area.advance(clock(), double(role.queue), window_start_cal);
      role.capacity_area.advance(now, spec.capacity_hours, window_start);
      role.load_area.advance(now, spec.load_hours, window_start);
      RoleFigures f{};
      // Capacity and load are integrated over the window: a timeline may change them.
      double flow_hours = role.busy_area * model->hours_per_fte;
      double offered_hours = role.offered_work * model->hours_per_fte;
      double capacity = role.capacity_area.area, load = role.load_area.area;
      f.utilisation = capacity > 0 ? (flow_hours + load) / capacity : kNaN;
      f.offered_load = capacity > 0 ? (offered_hours + load) / capacity : kNaN;
      f.queue = per_week(role.queue_area.area);
      f.busy_servers = span > 0 ? role.busy_area / span : kNaN;  // working time
      f.visits_per_week = per_week(role.started);
      f.wait = Summary::of(role.waits);
      f.growth_per_week = per_week(double(role.queue - role.queue_at_window_start));
      double hours_per_visit = role.joined > 0 ? role.offered_work * model->hours_per_fte / role.joined : 0;
      f.growth_hours_per_week = f.growth_per_week * hours_per_visit;
      result.roles.push_back(f);
    }
    double wip_area = 0;
    for (int k = 0; k <= model->classes; ++k) {
      ClassFigures f{};
      f.lead_time = Summary::of(lead[k]);
      f.throughput_per_week = per_week(completed[k]);
      if (k < model->classes) {
        class_area[k].advance(clock(), double(in_class[k]), window_start_cal);
        wip_area += class_area[k].area;
        f.wip = per_week(class_area[k].area);
      } else {
        f.wip = per_week(wip_area);
      }
      result.classes.push_back(f);
    }
    for (size_t d = 0; d < deadlines.size(); ++d) {
      const DeadlineState& state = deadlines[d];
      DeadlineFigures f{};
      f.reached_per_week = per_week(state.reached);
      f.share_within = state.reached > 0 ? state.within / state.reached : kNaN;
      f.late = Summary::of(state.late);
      result.deadlines.push_back(f);
    }
    if (stopped)  // weeks the run did not reach have no value
      for (int week = recorded_weeks; week < weeks; ++week)
        for (int i = 0; i < series; ++i) weekly[size_t(week) * series + i] = kNaN;
    result.weekly = weekly;
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

}  // namespace sujuva::detail
