// The sentences that explain an Analysis' bottlenecks, sensitivity and notes, and the one that says there is no bottleneck.
//
//   bottleneck_sentence(analysis.bottlenecks[0], analysis, process, Lang::fi)
//     == "Sosiaalityöntekijät, aikuiset 30–64: käyttöaste 95 %, odotus keskimäärin 1,7 työpäivää, 2 % "
//        "läpimenoajasta."
//   no_bottleneck_sentence(analysis, process, Lang::fi)
//     == "Mikään rooli ei ole pullonkaula. Kuormittunein rooli: Koulukuraattorit, käyttöaste 74 %, "
//        "odotus keskimäärin 0,2 työpäivää."
#pragma once

#include <string>
#include <vector>

#include "flow/analysis.h"

namespace sujuva {

// One sentence for one of `analysis.bottlenecks`, by its kind (role, step, loop, handoff). A
// step's label is followed by its role where another step has the same label.
std::string bottleneck_sentence(const Bottleneck& bottleneck, const Analysis& analysis, const Process& process,
                                Lang lang);

// One sentence for one of `analysis.sensitivity`: what one more person would change.
std::string sensitivity_sentence(const Sensitivity& sensitivity, const Analysis& analysis, const Process& process,
                                 Lang lang);

// The analysis' notes in words: the steps whose route probabilities add up to less than 1.
std::vector<std::string> analysis_notes(const Analysis& analysis, const Process& process, Lang lang);

// The sentence above; "" when some role is a bottleneck (is_bottleneck, flow/analysis.h) or no
// role has any work. The subject comes after a colon so that the sentence reads right whether
// the role's name is singular ("Vastaava kuraattori") or plural ("Koulukuraattorit").
std::string no_bottleneck_sentence(const Analysis& analysis, const Process& process, Lang lang);

}  // namespace sujuva
