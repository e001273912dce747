// A timeline of staffing and arrival changes (`week,target,value` CSV) for projections and simulation.
//
//   week,target,value
//   10,sw.fte,2.5        # sick leave from week 10
//   20,sw.fte,3.5        # a recruit from week 20
//   0,*.arrivals,x1.1    # ten per cent more clients from the start
//
// Values follow the `--set` grammar of scenario.h. A header line is optional;
// blank lines are skipped and `#` starts a comment. Fields are CSV: `,` or `;`
// between them, double quotes around a value with the separator in it
// (`11,arvio.effort,"gamma(mean=2h, cv=0.5)"`). Changes apply in
// (week, line) order, each to the process as the earlier changes left it.
//
//   auto read = read_timeline_file("muutokset.csv");
//   Diagnostics problems = read.diagnostics;
//   if (read.timeline) for (auto& d : validate_timeline(*read.timeline, process)) problems.push_back(d);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/process.h"
#include "model/scenario.h"

namespace sujuva {

struct TimelineChange {
  double week = 0;  // the change holds from the start of this week on
  Override change;
  int line = 0;
};

struct Timeline {
  std::string file;
  std::vector<TimelineChange> changes;  // sorted by week, then line
  bool empty() const { return changes.empty(); }
};

struct TimelineRead {
  std::optional<Timeline> timeline;  // empty on errors
  Diagnostics diagnostics;           // file:line of each bad line
};

// Messages in `lang`.
TimelineRead read_timeline_file(const std::string& path, Lang lang = Lang::en);
TimelineRead read_timeline_text(std::string_view text, const std::string& file_name, Lang lang = Lang::en);

// Unknown roles, steps or attributes, as `file:line: message`.
Diagnostics validate_timeline(const Timeline& timeline, const Process& process, Lang lang = Lang::en);

// Applies the changes with week <= `week` that have not been applied yet
// (`next` indexes the first unapplied change and is advanced).
void apply_timeline_until(const Timeline& timeline, double week, size_t& next, Process& process);

}  // namespace sujuva
