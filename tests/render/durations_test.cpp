#include "render/durations.h"

#include <catch2/catch.hpp>

using namespace sujuva;

TEST_CASE("Deadlines are told in working days up to four weeks, then in weeks", "[render]") {
  Calendar c;  // 5 working days a week
  CHECK(describe_deadline(7.0 / 5, c, Lang::fi) == "7 työpäivää");
  CHECK(describe_deadline(0.2, c, Lang::sv) == "1 arbetsdag");
  CHECK(describe_deadline(13, c, Lang::en) == "13 weeks");
  CHECK(describe_deadline(0.3, c, Lang::fi) == "1,5 työpäivää");
}
