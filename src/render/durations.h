// Durations in words for the diagrams: deadlines in working days or weeks.
//
//   describe_deadline(7.0 / 5, calendar, Lang::fi) == "7 työpäivää"
//   describe_deadline(13, calendar, Lang::en) == "13 weeks"
#pragma once

#include <string>

#include "model/process.h"

namespace sujuva {

// Deadline in words: up to 20 working days in days ("7 työpäivää"), longer ones in weeks ("13 viikkoa").
std::string describe_deadline(double weeks, const Calendar& calendar, Lang lang);

}  // namespace sujuva
