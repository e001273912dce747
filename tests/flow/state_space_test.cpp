#include "flow/state_space.h"

#include <Eigen/SparseLU>
#include <catch2/catch.hpp>
#include <sstream>

#include "io/dot_reader.h"

using namespace sujuva;

namespace {

// A chain of `steps` steps with rework loops inside segments of `segment` steps,
// forward jumps, and a checkpoint that sets "special" for 30 % (two classes).
Process generated(int steps, int segment) {
  std::ostringstream dot;
  dot << "digraph g {\n in [kind=start, arrivals=\"5/week\"];\n out [kind=end];\n"
      << " subgraph cluster_r { role=r; fte=100;\n";
  for (int i = 0; i < steps; ++i)
    dot << "  s" << i << " [" << (i == 0 ? "kind=checkpoint, assesses=special, " : "") << "effort=\"1h\"];\n";
  dot << " }\n in -> s0;\n";
  auto name = [&](int i) { return i >= steps ? std::string("out") : "s" + std::to_string(i); };
  dot << " s0 -> s1 [outcome=special, p=0.3];\n s0 -> s1 [p=0.7];\n";
  for (int i = 1; i < steps; ++i) {
    int start = i / segment * segment;
    bool back = i > start;
    dot << " " << name(i) << " -> " << name(i + 1) << " [p=" << (back ? 0.7 : 0.85) << "];\n";
    dot << " " << name(i) << " -> " << name((i / segment + 1) * segment + i % 3) << " [p=0.15];\n";
    if (back) dot << " " << name(i) << " -> " << name(start + (i * 7) % (i - start)) << " [p=0.15];\n";
  }
  dot << "}\n";
  auto read = read_process_text(dot.str(), "g.dot");
  REQUIRE(read.usable());
  return *read.process;
}

}  // namespace

TEST_CASE("The block-triangular solver agrees with one SparseLU on the whole system", "[flow][solver]") {
  // Second method: Eigen SparseLU (COLAMD) on I - Q^T (and its transpose for the
  // backward solve). Segments of 10 steps use the dense block path, segments of 40
  // steps (80 states with two classes) the sparse block path.
  for (int segment : {10, 40}) {
    Process p = generated(200, segment);
    auto space = detail::build_state_space(p);
    auto blocks = detail::make_blocks(p, space);
    Eigen::SparseMatrix<double> a = detail::traffic_matrix(space);
    Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
    lu.compute(a);
    REQUIRE(lu.info() == Eigen::Success);
    Eigen::VectorXd reference = lu.solve(space.arrivals);
    Eigen::VectorXd blockwise = detail::block_visits(space, blocks, space.arrivals, {});
    CHECK((reference - blockwise).cwiseAbs().maxCoeff() <= 1e-12 * reference.cwiseAbs().maxCoeff());
    Eigen::VectorXd leave = space.exit;
    Eigen::VectorXd back_reference = lu.transpose().solve(leave);
    Eigen::VectorXd back = detail::block_backward(space, blocks, leave);
    CHECK((back_reference - back).cwiseAbs().maxCoeff() <= 1e-12);
    // Every client leaves: absorption probability 1 from every state.
    CHECK((back.array() - 1).abs().maxCoeff() <= 1e-12);
  }
}
