// Colour-blind-safe heat-map colours (ColorBrewer YlOrRd) for utilisation and waiting time.
//
//   HeatScale scale = utilisation_scale(Lang::fi);
//   int bin = scale.bin(0.93);               // 4: "90–95 %"
//   scale.fill(bin) == "#fc4e2a";
#pragma once

#include <string>
#include <vector>

#include "model/process.h"

namespace sujuva {

// Bins of a sequential scale: bin i covers [limits[i-1], limits[i]), the last
// bin everything from limits.back() up.
struct HeatScale {
  std::string title;                // legend title in the chosen language
  std::vector<double> limits;       // ascending upper limits of all bins but the last
  std::vector<std::string> labels;  // one per bin, e.g. "80–90 %"

  int bin(double value) const;
  const std::string& fill(int bin) const;
  // Black or white, whichever reads better on the bin's fill.
  const char* ink(int bin) const;
  int size() const { return static_cast<int>(limits.size()) + 1; }
};

// Utilisation (share of capacity in use): < 50 %, 50–70, 70–80, 80–90, 90–95, 95–100, ≥ 100 %.
HeatScale utilisation_scale(Lang lang);
// Mean wait per visit in weeks: < 1 day, 1–3 days, 3 days–1 week, 1–2, 2–4, 4–8, ≥ 8 weeks.
HeatScale wait_scale(Lang lang);

// Mixes `hex` ("#rrggbb") with white: share 0 keeps the colour, 1 gives white.
std::string lighten(const std::string& hex, double share);

}  // namespace sujuva
