// The report's summary: 3–5 sentences on where the process's smoothness breaks.
#include <fmt/format.h>

#include <algorithm>

#include "model/label_text.h"
#include "present/bottleneck_text.h"
#include "report/sections.h"
#include "text/duration.h"
#include "text/format.h"

namespace sujuva {

namespace {

// A share of special-support clients 10 points higher that the staff could not keep up with.
void share_sentence(const Process& p, const Analysis* a, Lang lang, std::vector<std::string>& out) {
  const CheckpointReach* worst_checkpoint = nullptr;
  const OutcomeShareCase* worst = nullptr;
  for (const auto& c : a->checkpoints)
    for (const auto& k : c.share_cases)
      if (k.busiest_utilisation && *k.busiest_utilisation >= 1 &&
          (!worst || *k.busiest_utilisation > *worst->busiest_utilisation))
        worst_checkpoint = &c, worst = &k;
  if (worst) {
    out.push_back(fmt::format(
        fmt::runtime(say(lang,
                         "Erityisen tuen tarpeen osuus ratkaisee: jos \"{}\" arvioisi tarvitsevaksi {} (nyt {}), "
                         "{}: käyttöaste {}, eikä työ ehtisi tehdyksi.",
                         "Andelen med behov av särskilt stöd avgör: om \"{}\" bedömde {} (nu {}) som i behov, "
                         "skulle {} få beläggning {} och arbetet inte hinnas med.",
                         "The share of clients in need of special support decides: if \"{}\" assessed {} (now "
                         "{}) as in need, {} would be at {} utilisation and the work would not get done.")),
        step_label(p, worst_checkpoint->step, lang), format_percent(worst->share, lang),
        format_percent(worst_checkpoint->outcome_share.value_or(0), lang), role_label(p, worst->busiest_role, lang),
        format_percent(*worst->busiest_utilisation, lang)));
  }
}

// Arrivals and lead time, the worst bottlenecks, where one more person helps, the assessed share.
void analysed_sentences(const Process& p, const Analysis* a, Lang lang, std::vector<std::string>& out) {
  std::string arrivals = format_decimal(a->arrivals_per_week, 1, lang);
  if (a->lead_time_weeks.mean)
    out.push_back(std::string(say(lang, "Asiakkaita saapuu ", "Det kommer ", "")) + arrivals +
                  say(lang, " viikossa, ja asiakkuus kestää alusta loppuun keskimäärin ",
                      " klienter per vecka, och ett klientskap varar från början till slut i genomsnitt ",
                      " clients arrive a week, and a case lasts from start to end ") +
                  format_duration(*a->lead_time_weeks.mean, p.calendar.working_days_per_week(), lang) +
                  say(lang, ".", ".", " on average."));
  else
    out.push_back(std::string(say(lang, "Asiakkaita saapuu ", "Det kommer ", "")) + arrivals +
                  say(lang, " viikossa, eikä kaikki työ ehdi tehdyksi: jonot kasvavat.",
                      " klienter per vecka, och allt arbete hinns inte med: köerna växer.",
                      " clients arrive a week, and not all work gets done: queues grow."));
  // The worst role bottleneck (or plainly that there is none, and the busiest role), then what
  // takes most time that is not a role (a step, a loop, handoffs).
  const Bottleneck* first =
      a->bottlenecks.empty() || a->bottlenecks.front().kind != "role" ? nullptr : &a->bottlenecks.front();
  if (first)
    out.push_back(std::string(say(lang, "Sujuvuus katkeaa ensin tässä: ", "Smidigheten bryts först här: ",
                                  "Smoothness breaks first here: ")) +
                  bottleneck_sentence(*first, *a, p, lang));
  else if (std::string none = no_bottleneck_sentence(*a, p, lang); !none.empty())
    out.push_back(none);
  for (const auto& b : a->bottlenecks)
    if (b.kind != "role") {
      out.push_back(std::string(say(lang, "Eniten aikaa vie: ", "Mest tid tar: ", "What takes most time: ")) +
                    bottleneck_sentence(b, *a, p, lang));
      break;
    }
  if (!a->sensitivity.empty())
    if (std::string first = sensitivity_sentence(a->sensitivity.front(), *a, p, lang); !first.empty())
      out.push_back(first);
  if (a->lead_time_weeks.mean) share_sentence(p, a, lang, out);
}

// How many errors the check found in the model itself; the rules the service breaks open the
// summary instead (service_sentences), and are not the model's errors.
void check_sentence(const Diagnostics& findings, Lang lang, std::vector<std::string>& out) {
  const int errors = count_errors(findings, DiagnosticKind::model);
  if (errors == 0)
    out.push_back(say(lang, "Mallin tarkistus ei löytänyt virheitä.", "Kontrollen av modellen hittade inga fel.",
                      "The model check found no errors."));
  else
    out.push_back(
        std::string(say(lang, "Mallin tarkistus löysi ", "Kontrollen av modellen hittade ", "The model check found ")) +
        std::to_string(errors) +
        (errors == 1 ? say(lang, " virheen mallista; ks. tarkistuksen löydökset.",
                           " fel i modellen; se kontrollens fynd.", " error in the model; see the check findings.")
                     : say(lang, " virhettä mallista; ks. tarkistuksen löydökset.",
                           " fel i modellen; se kontrollens fynd.", " errors in the model; see the check findings.")));
}

}  // namespace

std::vector<std::string> summary_sentences(const ReportInputs& in, Lang lang) {
  const Process& p = *in.process;
  const Analysis* a = in.analysis;
  std::vector<std::string> out = report::service_sentences(report::Context{in, p, a, lang});
  std::string title = one_line(p.title.in(lang, p.name));
  if (!a) {
    out.push_back(title + ": " +
                  say(lang, "mallia ei voitu analysoida: ", "modellen kunde inte analyseras: ",
                      "the model could not be analysed: ") +
                  in.analysis_error);
  } else {
    analysed_sentences(p, a, lang, out);
  }
  check_sentence(in.findings, lang, out);
  return out;
}

namespace report {

Section summary_section(const Context& ctx) {
  Section s{"summary", say(ctx.lang, "Yhteenveto", "Sammanfattning", "Summary"), {}};
  for (auto& sentence : summary_sentences(ctx.in, ctx.lang)) s.blocks.push_back(paragraph(sentence));
  return s;
}

}  // namespace report

}  // namespace sujuva
