// The (step, client class) Markov chain of a Process and the structured solves on it (internal to flow).
#pragma once

#include <Eigen/Core>
#include <Eigen/LU>
#include <Eigen/SparseCore>
#include <functional>
#include <span>
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
// Refusals (AnalysisError) are worded in `lang`.
StateSpace build_state_space(const Process& process, Lang lang = Lang::en);

// I − Qᵀ, the matrix of the traffic equations (I − Qᵀ) λ = γ.
Eigen::SparseMatrix<double> traffic_matrix(const StateSpace& space);

// Strongly connected components of the step graph in topological order: every
// transition goes from a block to itself or to a later block.
struct Blocks {
  std::vector<int> of_state;
  std::vector<int> local_of_state;  // position of a state within its block
  std::vector<int> start;           // block b holds members[start[b] .. start[b + 1])
  std::vector<int> members;         // states block by block (topological order), each in state order
  std::vector<char> has_internal;   // any transition inside the block

  int count() const { return static_cast<int>(has_internal.size()); }
  std::span<const int> states(int block) const {
    return {members.data() + start[block], static_cast<size_t>(start[block + 1] - start[block])};
  }
};
Blocks make_blocks(const Process& process, const StateSpace& space);

// Blocks up to this many states are solved by dense LU, larger ones by SparseLU.
constexpr int kDenseBlock = 64;

// LU with partial pivoting for the small dense blocks (loops of a few steps ×
// classes): Eigen's PartialPivLU switches to its blocked, GEMM-based algorithm
// above 16 rows, whose set-up costs more than the arithmetic at these sizes and
// a million-step model has 10^5 such blocks. A zero pivot is kept, so a
// singular block gives inf/NaN, as with Eigen.
class DenseLu {
 public:
  void compute(const Eigen::MatrixXd& a);
  void compute_transposed(const Eigen::MatrixXd& a);  // the LU of aᵀ
  void solve_in_place(double* x) const;               // x := A⁻¹ x, x of length size()
  void solve_in_place(Eigen::VectorXd& x) const { solve_in_place(x.data()); }
  void solve_in_place(Eigen::MatrixXd& x) const;  // every column
  void inverse(Eigen::MatrixXd& result) const;
  int size() const { return static_cast<int>(lu_.rows()); }

 private:
  void factor();
  Eigen::MatrixXd lu_;      // L below the diagonal (unit diagonal), U on and above
  std::vector<int> pivot_;  // row swapped with row k at step k
};

// What block_visits saw inside one block with internal transitions: the inflow
// from earlier blocks, the block's visits and, for a dense block, its LU.
struct BlockSolve {
  int block;
  const Eigen::VectorXd& entry;
  const Eigen::VectorXd& visits;
  const DenseLu* lu;  // null for a sparse block
};

// Expected visits per week when clients enter with `entry` and `absorbing`
// states keep their visit but route nowhere (first-passage counts). Solves the
// block-triangular system (I − Qᵀ) x = entry block by block in topological
// order, each block by Eigen's dense partial-pivoting LU (up to kDenseBlock
// states) or SparseLU (COLAMD); with no absorbing states this is the traffic
// equations. `inside`, when given, sees every solved block (first passages
// inside loops reuse the block's LU).
Eigen::VectorXd block_visits(const StateSpace& space, const Blocks& blocks, const Eigen::VectorXd& entry,
                             const std::vector<char>& absorbing,
                             const std::function<void(const BlockSolve&)>& inside = {});

// I − Q_BBᵀ of one block (dense), with `absorbing` states routing nowhere (may be empty).
Eigen::MatrixXd local_matrix(const StateSpace& space, const Blocks& blocks, int block,
                             const std::vector<char>& absorbing);

// Its sparse form, for large blocks.
Eigen::SparseMatrix<double> local_sparse(const StateSpace& space, const Blocks& blocks, int block,
                                         const std::vector<char>& absorbing);

// Solves (I − Q) h = rhs block by block in reverse topological order (expected
// totals until leaving: absorption probabilities, times to absorption); each
// column of a matrix `rhs` is one system, all sharing one LU per block.
Eigen::VectorXd block_backward(const StateSpace& space, const Blocks& blocks, const Eigen::VectorXd& rhs);
Eigen::MatrixXd block_backward(const StateSpace& space, const Blocks& blocks, const Eigen::MatrixXd& rhs);

// The same restricted to one block: entry and result indexed like blocks.states(b).
Eigen::VectorXd local_visits(const StateSpace& space, const Blocks& blocks, int block, const Eigen::VectorXd& entry,
                             const std::vector<char>& absorbing);

}  // namespace sujuva::detail
