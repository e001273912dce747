// How much longer or shorter a role's waits are when its clients go straight from one of its steps to the next.
//
//   auto queues = detail::reentry_queues(process, space, visits);   // one per role
//   auto factor = detail::reentry_wait_factors(queues[r], servers);  // per state, mean 1 when none
//
// Erlang C with Allen–Cunneen takes every visit to a role as an independent (Poisson)
// arrival. A client who finishes one step and joins the same role's queue for the next at
// once is not one: they join at the moment a server frees, so no service is half done in
// front of them, and what they find depends on how long their own previous step took (after a
// 5-hour meeting the queue has grown, after a 15-minute call it has not). The simulation
// queues them exactly so, and on the curator pilot's model the plain formula waits 1.6 times
// as long as the simulated clients do.
//
// The factor comes from a mean-value analysis of one server of speed c at the role's
// utilisation, exact in the limit of a single server with Poisson arrivals from outside and
// immediate re-entries (first come, first served):
//   – a visit from outside sees the time-average queue and the residual of the visit in
//     service: W = Σ_m Nq_m E[S_m] + R, R = Σ_m λ_m E[S_m²] / 2;
//   – a visit straight after step j sees what j's visit left behind when it ended: everyone
//     who joined while it waited (outside arrivals at rate λ_e, and the re-entries of the
//     visits that were ahead of it) and the outside arrivals during its own service, each
//     with a whole service to go.
// Written for the queue counts Q_k (by step, what a visit to k finds ahead of it) this is a
// linear system; its only use is Q_k · E[S], so the analysis carries Q_k · Pᵗ E[S] for
// t = 0, 1, … (P the immediate re-entries, substochastic, so the terms vanish) and solves an
// n × n system for the waits. factor_k = W_k / W_PK (Pollaczek–Khinchine: the same server with
// every visit Poisson) scales the Allen–Cunneen wait of the role's c servers; the factors'
// visit-weighted mean is the role's change. Against the simulation, on single roles with 1 to
// 4 servers, sequences of constant, gamma and mixed efforts and utilisation 0.8, the scaled
// waits lie within 8 % (1 server: 3 %); tests/flow/reentry_test.cpp holds the cases.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "flow/state_space.h"
#include "model/process.h"

namespace sujuva::detail {

// The states of one role that queue for it, in state order, and their immediate re-entries.
struct ReentryQueue {
  std::vector<int> states;          // state indices of the role's work visits
  std::vector<double> visits;       // λ per state, visits per week
  std::vector<double> mean;         // E[S] per visit, in weeks of one full-time server
  std::vector<double> second;       // E[S²], the same unit squared
  std::vector<int> priority;        // the step's `priority`
  struct Next {
    int from, to;                   // local indices into `states`
    double probability;
  };
  std::vector<Next> next;           // straight from one visit to the next, no time between
  bool empty() const { return next.empty(); }
};

// One ReentryQueue per role of `process`: the work states of the role (steps with effort)
// and, for each whose step has no delay, the probability of going from it to another of the
// role's work states through steps that take no time (decisions, checkpoints without effort).
std::vector<ReentryQueue> reentry_queues(const Process& process, const StateSpace& space,
                                         const Eigen::VectorXd& visits);

// Roles with more work states than this keep the plain Allen–Cunneen wait.
constexpr int kLargestReentryQueue = 200;

// The factor per state of `queue` (same order as `queue.states`) by which the role's
// Allen–Cunneen wait is multiplied, for `servers` full-time servers at utilisation below 1.
// Empty when the role has no immediate re-entries, is unstable, or is too large.
std::vector<double> reentry_wait_factors(const ReentryQueue& queue, double servers);

}  // namespace sujuva::detail
