// The (step, client class) Markov chain of a Process and the structured solves on it (internal to flow).
#pragma once

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <vector>

#include "model/process.h"

namespace sujuva::detail {

// Clients move between states (step, class); `end` states and unrouted mass leave.
struct StateSpace {
  int classes = 1;
  std::vector<StepVertex> step;  // per state
  std::vector<ClassIndex> cls;   // per state
  std::vector<int> index;        // step * classes + class -> state, or -1 when unreachable
  Eigen::VectorXd arrivals;      // γ: external arrivals per week
  // Transitions in CSR form by source state.
  std::vector<int> row_start, target;
  std::vector<double> probability;
  Eigen::VectorXd exit;           // probability of leaving the process from each state
  std::vector<StepVertex> leaks;  // non-end steps where some clients have no route on

  int size() const { return static_cast<int>(step.size()); }
  int state(StepVertex v, ClassIndex c) const { return index[v * classes + c]; }
};

// Builds the states reachable from the arrivals. Throws AnalysisError when nothing
// arrives, routing probabilities at a step sum over 1, or clients can be trapped.
StateSpace build_state_space(const Process& process);

// I − Qᵀ, the matrix of the traffic equations (I − Qᵀ) λ = γ.
Eigen::SparseMatrix<double> traffic_matrix(const StateSpace& space);

// Strongly connected components of the step graph in topological order: every
// transition goes from a block to itself or to a later block.
struct Blocks {
  std::vector<int> of_state;
  std::vector<int> local_of_state;       // position of a state within its block
  std::vector<std::vector<int>> states;  // per block, in topological order
  std::vector<char> has_internal;        // any transition inside the block
};
Blocks make_blocks(const Process& process, const StateSpace& space);

// Expected visits per week when clients enter with `entry` and `absorbing`
// states keep their visit but route nowhere (first-passage counts). Solves the
// block-triangular system (I − Qᵀ) x = entry block by block in topological
// order, each block by Eigen's dense partial-pivoting LU (up to 64 states) or
// SparseLU (COLAMD); with no absorbing states this is the traffic equations.
Eigen::VectorXd block_visits(const StateSpace& space, const Blocks& blocks, const Eigen::VectorXd& entry,
                             const std::vector<char>& absorbing);

// I − Q_BBᵀ of one block (dense), with `absorbing` states routing nowhere (may be empty).
Eigen::MatrixXd local_matrix(const StateSpace& space, const Blocks& blocks, int block,
                             const std::vector<char>& absorbing);

// Its sparse form, for large blocks.
Eigen::SparseMatrix<double> local_sparse(const StateSpace& space, const Blocks& blocks, int block,
                                         const std::vector<char>& absorbing);

// Solves (I − Q) h = rhs block by block in reverse topological order (expected
// totals until leaving: absorption probabilities, times to absorption).
Eigen::VectorXd block_backward(const StateSpace& space, const Blocks& blocks, const Eigen::VectorXd& rhs);

// The same restricted to one block: entry and result indexed like blocks.states[b].
Eigen::VectorXd local_visits(const StateSpace& space, const Blocks& blocks, int block, const Eigen::VectorXd& entry,
                             const std::vector<char>& absorbing);

}  // namespace sujuva::detail
