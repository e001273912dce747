// A design floor: the skeleton network of bench_sim run as 8 replications side by side in the
// 8 lanes of AVX-512 registers, one event per lane per step.
//
//   std::optional<LanesTiming> t = time_lanes_skeleton(stations, arrivals_per_week, weeks_per_lane);
//
// The scalar engine handles one event at a time; its floor is the skeleton's rate
// (tools/bench/README.md, "Design floors"), because its time goes to
// a long chain of dependent loads and to branches that the random state of the network decides
// (is the queue empty, is a server idle, which route). Here those decisions are masks, the event
// set is a flat array of one time per server and lane (the earliest found by a vector minimum
// over ~40 slots, no tree), and every per-lane table access is a gather or a scatter at
// `index * 8 + lane`, so the lanes never write the same address. The draws are xoshiro256+ per
// lane and glibc's vector log (libmvec's _ZGVeN8v_log). Ties in time go to the lowest slot.
//
// Without options it is the skeleton only (exponential efforts, one class, no statistics), to be
// compared with the scalar skeleton (`time_skeleton`). kStatistics and kMixedEfforts add the
// engine's statistics and its six effort distributions, to see what they cost in lanes.
#pragma once

#include <immintrin.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "measure.h"
#include "sim/statistics.h"

namespace bench {

struct SkeletonStation {
  int servers = 1;
  double mean = 0;  // weeks of service
  int routes = 0;
  int to[3] = {-1, -1, -1};  // -1: leaves
  double cumulative[3] = {1, 1, 1};
  // With kMixedEfforts, as bench_sim's network: 0 exponential, 1 gamma (cv 0.5), 2 lognormal
  // (cv 1), 3 triangular (0.5, 1, 1.5 × mean), 4 uniform (0.5 to 1.5 × mean), 5 constant.
  int distribution = 0;
};

struct LanesTiming {
  std::uint64_t events = 0;
  double cpu = 0;
  double mean_wait = 0;                                    // weeks per visit, with kStatistics
  double lowest_utilisation = 0, highest_utilisation = 0;  // over the stations, with kStatistics
};

extern "C" __m512d _ZGVeN8v_log(__m512d) __attribute__((target("avx512f")));
extern "C" __m512d _ZGVeN8v_exp(__m512d) __attribute__((target("avx512f")));
extern "C" __m512d _ZGVeN8v_cos(__m512d) __attribute__((target("avx512f")));

namespace detail {

constexpr int kLanes = 8;
constexpr std::int64_t kRing = 1024;  // places per queue and lane: far more than a queue at 70 %

struct alignas(64) Xoshiro8 {
  __m512i s0, s1, s2, s3;
};

__attribute__((target("avx512f,avx512dq"))) inline __m512i next_bits(Xoshiro8& x) {
  __m512i result = _mm512_add_epi64(x.s0, x.s3);
  __m512i t = _mm512_slli_epi64(x.s1, 17);
  x.s2 = _mm512_xor_si512(x.s2, x.s0);
  x.s3 = _mm512_xor_si512(x.s3, x.s1);
  x.s1 = _mm512_xor_si512(x.s1, x.s2);
  x.s0 = _mm512_xor_si512(x.s0, x.s3);
  x.s2 = _mm512_xor_si512(x.s2, t);
  x.s3 = _mm512_rol_epi64(x.s3, 45);
  return result;
}

// Uniform on (0, 1]: never 0, so that its log is finite.
__attribute__((target("avx512f,avx512dq"))) inline __m512d uniform(Xoshiro8& x) {
  __m512i bits = _mm512_add_epi64(_mm512_srli_epi64(next_bits(x), 11), _mm512_set1_epi64(1));
  return _mm512_mul_pd(_mm512_cvtepi64_pd(bits), _mm512_set1_pd(0x1.0p-53));
}

inline std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Per-lane addresses: entry `index` of lane l is at index * 8 + l.
__attribute__((target("avx512f,avx512dq,avx512cd,avx512vl"))) inline __m512i lane_index(__m512i index) {
  return _mm512_add_epi64(_mm512_slli_epi64(index, 3), _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0));
}

// The engine's DurationHistogram bins per group and lane: counts at (group * kBins + bin) * 8 +
// lane, sums at group * 8 + lane.
constexpr std::int64_t kBins = sujuva::DurationHistogram::kBins + 2;

// area += level * (now - last), last = now: a time average of a step function, per lane.
__attribute__((target("avx512f,avx512dq,avx512cd,avx512vl"))) inline void time_average(double* area, double* last,
                                                                                       __mmask8 mask, __m512i at,
                                                                                       __m512i level, __m512d now) {
  const __m512d since = _mm512_mask_i64gather_pd(now, mask, at, last, 8);
  const __m512d sum = _mm512_mask_i64gather_pd(_mm512_setzero_pd(), mask, at, area, 8);
  _mm512_mask_i64scatter_pd(area, mask, at, _mm512_fmadd_pd(_mm512_cvtepi64_pd(level), _mm512_sub_pd(now, since), sum),
                            8);
  _mm512_mask_i64scatter_pd(last, mask, at, now, 8);
}

__attribute__((target("avx512f,avx512dq,avx512cd,avx512vl"))) inline void add_to(double* total, __mmask8 mask,
                                                                                 __m512i at, __m512d value) {
  const __m512d sum = _mm512_mask_i64gather_pd(_mm512_setzero_pd(), mask, at, total, 8);
  _mm512_mask_i64scatter_pd(total, mask, at, _mm512_add_pd(sum, value), 8);
}

// Histogram additions deferred: the active lanes' values and places are packed (compress-store)
// into a buffer, binned by a scalar loop once it is nearly full. Binning at once, a gather and a
// scatter of counts per addition, ran at 37 M events per CPU second against 42.5 M this way.
struct Deferred {
  static constexpr int kSize = 4096;
  alignas(64) double value[kSize + 8];
  alignas(64) std::int64_t at[kSize + 8];
  int size = 0;
  std::uint64_t* counts;
  double* sums;
  void flush() {
    for (int i = 0; i < size; ++i) {
      const std::int64_t bin = sujuva::DurationHistogram::bin(value[i]);
      const std::int64_t group = at[i] >> 3, lane = at[i] & 7;
      counts[(group * kBins + bin) * 8 + lane]++;
      sums[at[i]] += value[i];
    }
    size = 0;
  }
};
__attribute__((target("avx512f,avx512dq,avx512cd,avx512vl"))) inline void deferred_add(Deferred& d, __mmask8 mask,
                                                                                       __m512i group, __m512d v) {
  _mm512_mask_compressstoreu_pd(d.value + d.size, mask, v);
  _mm512_mask_compressstoreu_epi64(d.at + d.size, mask, lane_index(group));
  d.size += __builtin_popcount(mask);
  if (d.size > Deferred::kSize) d.flush();
}

// Effort draws in batches, as the engine's DrawBuffer: per station kDraws vectors of 8 lanes,
// refilled for all lanes at once by the station's distribution when a lane has used its own.
struct DrawBuffers {
  static constexpr std::int64_t kDraws = 64;  // take() finds a draw at (station << 6) + position
  std::vector<double> values;                 // (station * kDraws + k) * 8 + lane
  std::vector<std::int64_t> position;         // station * 8 + lane: the next unused draw
  std::vector<int> kind;
  std::vector<double> mean;
};

__attribute__((target("avx512f,avx512dq,avx512cd,avx512vl"))) inline __m512d draw(Xoshiro8& rng, int kind,
                                                                                  double mean) {
  const __m512d m = _mm512_set1_pd(mean);
  switch (kind) {
    case 0:  // exponential
      return _mm512_mul_pd(m, _mm512_sub_pd(_mm512_setzero_pd(), _ZGVeN8v_log(uniform(rng))));
    case 1: {  // gamma with shape 4 (cv 0.5): the sum of 4 exponentials, one log of a product
      __m512d product =
          _mm512_mul_pd(_mm512_mul_pd(uniform(rng), uniform(rng)), _mm512_mul_pd(uniform(rng), uniform(rng)));
      return _mm512_mul_pd(_mm512_set1_pd(-mean / 4), _ZGVeN8v_log(product));
    }
    case 2: {  // lognormal with cv 1: sigma^2 = ln 2; a normal by Box-Muller
      const double s2 = 0.6931471805599453, mu = __builtin_log(mean) - s2 / 2, sigma = __builtin_sqrt(s2);
      __m512d radius = _mm512_sqrt_pd(_mm512_mul_pd(_mm512_set1_pd(-2), _ZGVeN8v_log(uniform(rng))));
      __m512d z = _mm512_mul_pd(radius, _ZGVeN8v_cos(_mm512_mul_pd(_mm512_set1_pd(6.283185307179586), uniform(rng))));
      return _ZGVeN8v_exp(_mm512_fmadd_pd(_mm512_set1_pd(sigma), z, _mm512_set1_pd(mu)));
    }
    case 3: {  // triangular (a, c, b) = (0.5, 1, 1.5) × mean, by its inverse distribution function
      const double a = 0.5 * mean, c = mean, b = 1.5 * mean;
      __m512d u = uniform(rng);
      __m512d low =
          _mm512_add_pd(_mm512_set1_pd(a), _mm512_sqrt_pd(_mm512_mul_pd(u, _mm512_set1_pd((b - a) * (c - a)))));
      __m512d high = _mm512_sub_pd(_mm512_set1_pd(b), _mm512_sqrt_pd(_mm512_mul_pd(_mm512_sub_pd(_mm512_set1_pd(1), u),
                                                                                   _mm512_set1_pd((b - a) * (b - c)))));
      return _mm512_mask_mov_pd(high, _mm512_cmp_pd_mask(u, _mm512_set1_pd((c - a) / (b - a)), _CMP_LT_OQ), low);
    }
    case 4:  // uniform from 0.5 to 1.5 × mean
      return _mm512_fmadd_pd(uniform(rng), m, _mm512_set1_pd(0.5 * mean));
    default:
      return m;
  }
}

// The next draw of every lane in `mask` at its station; refills the stations a lane has used up.
__attribute__((target("avx512f,avx512dq,avx512cd,avx512vl"))) inline __m512d take(DrawBuffers& d, Xoshiro8& rng,
                                                                                  __mmask8 mask, __m512i station) {
  const __m512i at = lane_index(station);
  __m512i position = _mm512_mask_i64gather_epi64(_mm512_setzero_si512(), mask, at, d.position.data(), 8);
  __mmask8 used_up = _mm512_mask_cmpge_epi64_mask(mask, position, _mm512_set1_epi64(DrawBuffers::kDraws));
  if (used_up) [[unlikely]] {
    alignas(64) std::int64_t stations[8];
    _mm512_store_si512(stations, station);
    for (int l = 0; l < 8; ++l) {
      if (!(used_up >> l & 1)) continue;
      const std::int64_t s = stations[l];
      for (std::int64_t k = 0; k < DrawBuffers::kDraws; ++k)
        _mm512_storeu_pd(&d.values[(s * DrawBuffers::kDraws + k) * 8], draw(rng, d.kind[s], d.mean[s]));
      _mm512_storeu_si512(&d.position[s * 8], _mm512_setzero_si512());
    }
    position = _mm512_mask_i64gather_epi64(_mm512_setzero_si512(), mask, at, d.position.data(), 8);
  }
  const __m512i place = lane_index(_mm512_add_epi64(_mm512_slli_epi64(station, 6), position));
  const __m512d value = _mm512_mask_i64gather_pd(_mm512_setzero_pd(), mask, place, d.values.data(), 8);
  _mm512_mask_i64scatter_epi64(d.position.data(), mask, at, _mm512_add_epi64(position, _mm512_set1_epi64(1)), 8);
  return value;
}

}  // namespace detail

// Runs the network for `weeks` in each of 8 lanes; nullopt where the processor has no AVX-512.
// kStatistics adds what the engine records: client records from a free list, every wait and lead
// time in a histogram, the queues' time averages and the busy time. kMixedEfforts draws each
// station's efforts from its own distribution, in batches (DrawBuffers).
template <bool kStatistics = false, bool kMixedEfforts = false>
__attribute__((target("avx512f,avx512dq,avx512cd,avx512vl"))) inline std::optional<LanesTiming> time_lanes_skeleton(
    const std::vector<SkeletonStation>& stations, double arrivals_per_week, double weeks) {
  using namespace detail;
  if (!__builtin_cpu_supports("avx512f") || !__builtin_cpu_supports("avx512dq") || !__builtin_cpu_supports("avx512cd"))
    return std::nullopt;
  const std::int64_t n_stations = static_cast<std::int64_t>(stations.size());
  // Shared tables. Slot S (after the servers) is the arrival; it maps to a dummy station.
  std::vector<std::int64_t> slot_station, slot_bit, first_slot, to;
  std::vector<double> mean, cumulative0, cumulative1;
  for (std::int64_t i = 0; i < n_stations; ++i) {
    const SkeletonStation& s = stations[i];
    first_slot.push_back(static_cast<std::int64_t>(slot_station.size()));
    for (int k = 0; k < s.servers; ++k) slot_station.push_back(i), slot_bit.push_back(std::int64_t(1) << k);
    mean.push_back(s.mean);
    cumulative0.push_back(s.routes > 1 ? s.cumulative[0] : 2.0);
    cumulative1.push_back(s.routes > 2 ? s.cumulative[1] : 2.0);
    for (int r = 0; r < 3; ++r) to.push_back(r < s.routes ? s.to[r] : -1);
  }
  const std::int64_t arrival_slot = static_cast<std::int64_t>(slot_station.size());
  slot_station.push_back(n_stations), slot_bit.push_back(0);  // the dummy station n_stations
  first_slot.push_back(0), mean.push_back(0), cumulative0.push_back(2), cumulative1.push_back(2);
  for (int r = 0; r < 3; ++r) to.push_back(0);
  const std::int64_t slots = (arrival_slot + 1 + 3) / 4 * 4;

  // Per-lane state at index * 8 + lane.
  const double inf = __builtin_inf();
  std::vector<double> leaf(slots * kLanes, inf);
  std::vector<std::int64_t> busy(slots * kLanes, -1);
  std::vector<std::int64_t> idle((n_stations + 1) * kLanes), queue((n_stations + 1) * kLanes, 0),
      head((n_stations + 1) * kLanes, 0), ring((n_stations + 1) * kLanes * kRing, 0);
  for (std::int64_t i = 0; i < n_stations; ++i)
    for (int lane = 0; lane < kLanes; ++lane) idle[i * kLanes + lane] = (std::int64_t(1) << stations[i].servers) - 1;

  Xoshiro8 rng;
  alignas(64) std::uint64_t seeds[4][kLanes];
  std::uint64_t state = 20261124;
  for (auto& row : seeds)
    for (auto& s : row) s = splitmix(state);
  rng.s0 = _mm512_load_si512(seeds[0]), rng.s1 = _mm512_load_si512(seeds[1]);
  rng.s2 = _mm512_load_si512(seeds[2]), rng.s3 = _mm512_load_si512(seeds[3]);

  const __m512i one = _mm512_set1_epi64(1), zero = _mm512_setzero_si512(), ring_mask = _mm512_set1_epi64(kRing - 1);
  const __m512d horizon = _mm512_set1_pd(weeks), infinity = _mm512_set1_pd(inf);
  const __m512d mean_arrival = _mm512_set1_pd(1 / arrivals_per_week);
  {  // the first arrival of every lane
    __m512d e = _mm512_sub_pd(_mm512_setzero_pd(), _ZGVeN8v_log(uniform(rng)));
    _mm512_storeu_pd(&leaf[arrival_slot * kLanes], _mm512_mul_pd(e, mean_arrival));
  }
  __m512i next_client = _mm512_setzero_si512();
  // Statistics (kStatistics): client records, histograms, time averages.
  constexpr std::int64_t kClients = kStatistics ? 1 << 14 : 1;  // records per lane
  const std::int64_t groups = kStatistics ? n_stations + 1 : 1;
  std::vector<double> arrival_time(kClients * kLanes), queued_at(kClients * kLanes);
  std::vector<std::int64_t> free_stack(kClients * kLanes);
  std::vector<std::uint64_t> wait_counts(groups * kBins * kLanes), lead_counts(kStatistics ? kBins * kLanes : 1);
  std::vector<double> wait_sums(groups * kLanes), lead_sums(kLanes), queue_area(groups * kLanes),
      queue_last(groups * kLanes), busy_area(groups * kLanes);
  __m512i free_count = zero, high_water = zero;
  DrawBuffers efforts;
  efforts.values.assign((n_stations + 1) * DrawBuffers::kDraws * kLanes, 0);
  efforts.position.assign((n_stations + 1) * kLanes, DrawBuffers::kDraws);  // empty: filled at first use
  for (const auto& st : stations) efforts.kind.push_back(st.distribution), efforts.mean.push_back(st.mean);
  efforts.kind.push_back(5), efforts.mean.push_back(0);
  auto waits = std::make_unique<Deferred>(), leads = std::make_unique<Deferred>();
  waits->counts = wait_counts.data(), waits->sums = wait_sums.data();
  leads->counts = lead_counts.data(), leads->sums = lead_sums.data();
  std::uint64_t events = 0;
  double cpu = cpu_seconds();
  while (true) {
    // The earliest event of every lane: a minimum over the slots, then the lowest slot at it.
    __m512d m0 = infinity, m1 = infinity, m2 = infinity, m3 = infinity;
    for (std::int64_t s = 0; s < slots; s += 4) {
      m0 = _mm512_min_pd(m0, _mm512_loadu_pd(&leaf[(s + 0) * kLanes]));
      m1 = _mm512_min_pd(m1, _mm512_loadu_pd(&leaf[(s + 1) * kLanes]));
      m2 = _mm512_min_pd(m2, _mm512_loadu_pd(&leaf[(s + 2) * kLanes]));
      m3 = _mm512_min_pd(m3, _mm512_loadu_pd(&leaf[(s + 3) * kLanes]));
    }
    const __m512d now = _mm512_min_pd(_mm512_min_pd(m0, m1), _mm512_min_pd(m2, m3));
    const __mmask8 active = _mm512_cmp_pd_mask(now, horizon, _CMP_LE_OQ);
    if (!active) break;
    events += __builtin_popcount(active);
    __m512i slot = zero;
    for (std::int64_t s = slots - 1; s >= 0; --s) {
      __mmask8 at = _mm512_cmp_pd_mask(_mm512_loadu_pd(&leaf[s * kLanes]), now, _CMP_EQ_OQ);
      slot = _mm512_mask_mov_epi64(slot, at, _mm512_set1_epi64(s));
    }
    const __mmask8 arrival = _mm512_mask_cmpeq_epi64_mask(active, slot, _mm512_set1_epi64(arrival_slot));
    const __mmask8 service = active & ~arrival;
    const __m512i station = _mm512_i64gather_epi64(slot, slot_station.data(), 8);
    const __m512i slot_index = lane_index(slot);
    const __m512i station_index = lane_index(station);

    // The client who leaves the finishing server, or the new client of an arrival.
    __m512i client;
    if constexpr (kStatistics) {  // a record from the free list, or a new one
      const __mmask8 reuse = _mm512_mask_cmpgt_epi64_mask(arrival, free_count, zero), fresh = arrival & ~reuse;
      free_count = _mm512_mask_sub_epi64(free_count, reuse, free_count, one);
      const __m512i id = _mm512_mask_i64gather_epi64(high_water, reuse, lane_index(free_count), free_stack.data(), 8);
      high_water = _mm512_mask_add_epi64(high_water, fresh, high_water, one);
      client = _mm512_mask_i64gather_epi64(id, service, slot_index, busy.data(), 8);
      _mm512_mask_i64scatter_pd(arrival_time.data(), arrival, lane_index(client), now, 8);
    } else {
      client = _mm512_mask_i64gather_epi64(next_client, service, slot_index, busy.data(), 8);
      next_client = _mm512_mask_add_epi64(next_client, arrival, next_client, one);
    }

    // The finishing server takes the next client of its queue, or becomes idle.
    __m512i length = _mm512_mask_i64gather_epi64(zero, service, station_index, queue.data(), 8);
    const __mmask8 has_next = _mm512_mask_cmpgt_epi64_mask(service, length, zero);
    __m512i first = _mm512_mask_i64gather_epi64(zero, has_next, station_index, head.data(), 8);
    __m512i place = _mm512_add_epi64(_mm512_mullo_epi64(station_index, _mm512_set1_epi64(kRing)), first);
    __m512i taken = _mm512_mask_i64gather_epi64(zero, has_next, place, ring.data(), 8);
    _mm512_mask_i64scatter_epi64(head.data(), has_next, station_index,
                                 _mm512_and_si512(_mm512_add_epi64(first, one), ring_mask), 8);
    _mm512_mask_i64scatter_epi64(queue.data(), has_next, station_index, _mm512_sub_epi64(length, one), 8);
    _mm512_mask_i64scatter_epi64(busy.data(), has_next, slot_index, taken, 8);
    const __mmask8 goes_idle = service & ~has_next;
    __m512i idle_bits = _mm512_mask_i64gather_epi64(zero, goes_idle, station_index, idle.data(), 8);
    idle_bits = _mm512_or_si512(idle_bits, _mm512_i64gather_epi64(slot, slot_bit.data(), 8));
    _mm512_mask_i64scatter_epi64(idle.data(), goes_idle, station_index, idle_bits, 8);

    // The popped slot's next time: the next client's end of service, the next arrival, or none.
    const __m512d draw1 = _mm512_sub_pd(_mm512_setzero_pd(), _ZGVeN8v_log(uniform(rng)));
    __m512d draw2 = _mm512_setzero_pd();
    if constexpr (!kMixedEfforts) draw2 = _mm512_sub_pd(_mm512_setzero_pd(), _ZGVeN8v_log(uniform(rng)));
    const __m512d route_u = uniform(rng);
    __m512d station_mean = _mm512_i64gather_pd(station, mean.data(), 8);
    station_mean = _mm512_mask_mov_pd(station_mean, arrival, mean_arrival);
    __m512d duration1 = _mm512_mul_pd(station_mean, draw1);  // of the next service, or to the next arrival
    if constexpr (kMixedEfforts)
      duration1 = _mm512_mask_mov_pd(duration1, has_next, take(efforts, rng, has_next, station));
    __m512d popped_time = _mm512_mask_mov_pd(infinity, has_next | arrival, _mm512_add_pd(now, duration1));
    _mm512_mask_i64scatter_pd(leaf.data(), active, slot_index, popped_time, 8);
    if constexpr (kStatistics) {  // the next client's wait, the queue it left, the busy time
      const __m512d queued = _mm512_mask_i64gather_pd(now, has_next, lane_index(taken), queued_at.data(), 8);
      deferred_add(*waits, has_next, station, _mm512_sub_pd(now, queued));
      time_average(queue_area.data(), queue_last.data(), has_next, station_index, length, now);
      add_to(busy_area.data(), has_next, station_index, duration1);
    }

    // Routing: the number of cumulative thresholds passed picks the branch.
    __m512d c0 = _mm512_i64gather_pd(station, cumulative0.data(), 8);
    __m512d c1 = _mm512_i64gather_pd(station, cumulative1.data(), 8);
    __m512i branch = _mm512_add_epi64(_mm512_maskz_mov_epi64(_mm512_cmp_pd_mask(route_u, c0, _CMP_GE_OQ), one),
                                      _mm512_maskz_mov_epi64(_mm512_cmp_pd_mask(route_u, c1, _CMP_GE_OQ), one));
    __m512i target = _mm512_i64gather_epi64(_mm512_add_epi64(_mm512_mullo_epi64(station, _mm512_set1_epi64(3)), branch),
                                            to.data(), 8);
    target = _mm512_mask_mov_epi64(target, arrival, zero);
    const __mmask8 leaves = _mm512_mask_cmplt_epi64_mask(active, target, zero);
    if constexpr (kStatistics) {  // the lead time, and the record back to the free list
      const __m512d arrived = _mm512_mask_i64gather_pd(now, leaves, lane_index(client), arrival_time.data(), 8);
      deferred_add(*leads, leaves, zero, _mm512_sub_pd(now, arrived));
      _mm512_mask_i64scatter_epi64(free_stack.data(), leaves, lane_index(free_count), client, 8);
      free_count = _mm512_mask_add_epi64(free_count, leaves, free_count, one);
    }
    const __mmask8 moving = active & ~leaves;

    // The routed client starts at once on the lowest idle server, or joins the queue.
    const __m512i target_index = lane_index(target);
    __m512i free_bits = _mm512_mask_i64gather_epi64(zero, moving, target_index, idle.data(), 8);
    const __mmask8 starts = _mm512_mask_test_epi64_mask(moving, free_bits, free_bits);
    const __m512i lowest = _mm512_and_si512(free_bits, _mm512_sub_epi64(zero, free_bits));
    const __m512i server = _mm512_sub_epi64(_mm512_set1_epi64(63), _mm512_lzcnt_epi64(lowest));
    const __m512i start_slot =
        _mm512_add_epi64(_mm512_mask_i64gather_epi64(zero, starts, target, first_slot.data(), 8), server);
    const __m512i start_index = lane_index(start_slot);
    _mm512_mask_i64scatter_epi64(idle.data(), starts, target_index, _mm512_andnot_si512(lowest, free_bits), 8);
    __m512d target_mean = _mm512_mask_i64gather_pd(_mm512_setzero_pd(), starts, target, mean.data(), 8);
    __m512d duration2 = _mm512_mul_pd(target_mean, draw2);
    if constexpr (kMixedEfforts) duration2 = take(efforts, rng, starts, target);
    _mm512_mask_i64scatter_pd(leaf.data(), starts, start_index, _mm512_add_pd(now, duration2), 8);
    _mm512_mask_i64scatter_epi64(busy.data(), starts, start_index, client, 8);
    const __mmask8 joins = moving & ~starts;
    if constexpr (kStatistics) {
      deferred_add(*waits, starts, target, _mm512_setzero_pd());
      add_to(busy_area.data(), starts, target_index, duration2);
    }
    __m512i waiting = _mm512_mask_i64gather_epi64(zero, joins, target_index, queue.data(), 8);
    __m512i front = _mm512_mask_i64gather_epi64(zero, joins, target_index, head.data(), 8);
    __m512i back = _mm512_add_epi64(_mm512_mullo_epi64(target_index, _mm512_set1_epi64(kRing)),
                                    _mm512_and_si512(_mm512_add_epi64(front, waiting), ring_mask));
    _mm512_mask_i64scatter_epi64(ring.data(), joins, back, client, 8);
    if constexpr (kStatistics) {
      _mm512_mask_i64scatter_pd(queued_at.data(), joins, lane_index(client), now, 8);
      time_average(queue_area.data(), queue_last.data(), joins, target_index, waiting, now);
    }
    _mm512_mask_i64scatter_epi64(queue.data(), joins, target_index, _mm512_add_epi64(waiting, one), 8);
  }
  waits->flush(), leads->flush();
  LanesTiming result{events, cpu_seconds() - cpu};
  if constexpr (kStatistics) {  // the mean wait over every visit, to check the statistics against theory
    double waited = 0, visits = 0;
    for (std::int64_t g = 0; g < n_stations; ++g)
      for (int l = 0; l < kLanes; ++l) {
        waited += wait_sums[g * kLanes + l];
        for (std::int64_t b = 0; b < kBins; ++b) visits += double(wait_counts[(g * kBins + b) * kLanes + l]);
      }
    result.mean_wait = waited / visits;
    result.lowest_utilisation = 1e300, result.highest_utilisation = 0;
    for (std::int64_t g = 0; g < n_stations; ++g) {
      double busy_weeks = 0;
      for (int l = 0; l < kLanes; ++l) busy_weeks += busy_area[g * kLanes + l];
      const double utilisation = busy_weeks / (stations[g].servers * weeks * kLanes);
      result.lowest_utilisation = std::min(result.lowest_utilisation, utilisation);
      result.highest_utilisation = std::max(result.highest_utilisation, utilisation);
    }
  }
  return result;
}

}  // namespace bench
