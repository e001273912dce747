#include "compare/simulated.h"

#include <catch2/catch.hpp>

using namespace sujuva;

TEST_CASE("Simulated differences are significant only when the intervals exclude each other", "[compare]") {
  CHECK(significant({1.0, 0.9, 1.1}, {1.5, 1.2, 1.8}));
  CHECK(!significant({1.0, 0.9, 1.3}, {1.5, 1.2, 1.8}));
  CHECK(!significant({1.0, std::nullopt, std::nullopt}, {5.0, 4.9, 5.1}));
}
