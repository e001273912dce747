#include "render/palette.h"

#include <catch2/catch.hpp>
#include <limits>

using namespace sujuva;

TEST_CASE("Utilisation falls into the YlOrRd bin of its range", "[render]") {
  HeatScale s = utilisation_scale(Lang::fi);
  REQUIRE(s.size() == 7);
  SECTION("each bin's lower limit belongs to it, its upper limit to the next") {
    CHECK(s.bin(0.0) == 0);
    CHECK(s.bin(0.4999) == 0);
    CHECK(s.bin(0.5) == 1);
    CHECK(s.bin(0.93) == 4);
    CHECK(s.bin(0.95) == 5);
    CHECK(s.bin(1.0) == 6);
    CHECK(s.bin(3.0) == 6);
    CHECK(s.bin(std::numeric_limits<double>::infinity()) == 6);
  }
  SECTION("seven bins use the seven ColorBrewer YlOrRd colours in order") {
    CHECK(s.fill(0) == "#ffffb2");
    CHECK(s.fill(4) == "#fc4e2a");
    CHECK(s.fill(6) == "#b10026");
  }
  SECTION("dark reds get white text, the rest black") {
    CHECK(std::string(s.ink(0)) == "#000000");
    CHECK(std::string(s.ink(5)) == "#ffffff");
    CHECK(std::string(s.ink(6)) == "#ffffff");
  }
  SECTION("labels read as ranges in the chosen language") {
    CHECK(s.labels[3] == "80–90\u00A0%");
    CHECK(utilisation_scale(Lang::en).labels[3] == "80–90%");
    CHECK(utilisation_scale(Lang::sv).title == "Beläggningsgrad");
  }
}

TEST_CASE("Waiting time bins are in working days and weeks", "[render]") {
  HeatScale s = wait_scale(Lang::sv);
  CHECK(s.bin(0.1) == 0);  // half a working day
  CHECK(s.bin(0.2) == 1);  // one working day = 0.2 weeks
  CHECK(s.bin(1.5) == 3);
  CHECK(s.bin(10) == 6);
  CHECK(s.labels[0] == "< 1 arbetsd.");  // the short unit of text/duration.h
  CHECK(s.labels[4] == "10–20 arbetsd.");  // up to 20 working days in days, as every duration
  CHECK(s.labels[5] == "4–8 v.");
}

TEST_CASE("Lightening mixes a colour with white", "[render]") {
  CHECK(lighten("#000000", 0.5) == "#808080");  // 0 + 255 * 0.5 = 127.5, rounded up
  CHECK(lighten("#fc4e2a", 0) == "#fc4e2a");
  CHECK(lighten("#fc4e2a", 1) == "#ffffff");
  CHECK(lighten("not a colour", 0.5) == "not a colour");
}
