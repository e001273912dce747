#include <catch2/catch.hpp>
#include <vector>

#include "sim/compiled_model.h"

using namespace sujuva;

TEST_CASE("Fractional staff is a part-speed server, unless the part is tiny", "[sim]") {
  using sim::server_speeds;
  using V = std::vector<double>;
  SECTION("whole servers") { CHECK(server_speeds(3) == V{1, 1, 1}); }
  SECTION("2.5: two full-speed servers and one at half speed") { CHECK(server_speeds(2.5) == V{1, 1, 0.5}); }
  SECTION("below one server: one server at that speed") { CHECK(server_speeds(0.05) == V{0.05}); }
  SECTION("4.004 (fte 7 x 0.88 x 0.65): four servers at speed 4.004 / 4 = 1.001, not a fifth at 0.004") {
    auto speeds = server_speeds(7 * 0.88 * 0.65);
    REQUIRE(speeds.size() == 4);
    for (double speed : speeds) CHECK(speed == Approx(1.001));
  }
  SECTION("the limit: 2.1 keeps a server at 0.1, 2.09 spreads it") {
    CHECK(server_speeds(2.1).size() == 3);
    CHECK(server_speeds(2.09) == V{1.045, 1.045});
  }
}
