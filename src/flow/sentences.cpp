// The one-sentence explanations of bottlenecks and sensitivity in Finnish, Swedish and English.
#include <fmt/format.h>

#include "flow/analysis_internal.h"
#include "text/duration.h"
#include "text/format.h"
#include "model/label_text.h"

namespace sujuva::detail {

namespace {
std::string percent(std::optional<double> share, Lang lang) { return share ? format_percent(*share, lang) : "–"; }
std::string number(double x, int decimals, Lang lang) { return format_decimal(x, decimals, lang); }
std::string fill(const char* pattern, fmt::format_args args) { return fmt::vformat(pattern, args); }
}  // namespace

std::string role_sentence(const RoleResult& r, const std::string& label, double days, Lang lang) {
  if (!r.utilisation)
    return fill(say(lang, "{}: ei henkilöstöä, mutta työtä {} tuntia viikossa; jono kasvaa {} asiakasta viikossa.",
                     "{}: ingen personal men arbete {} timmar per vecka; kön växer med {} klienter per vecka.",
                     "{}: no staff but {} hours of work a week; the queue grows by {} clients a week."),
                fmt::make_format_args(label, number(r.demand_hours_per_week, 1, lang),
                                      number(r.backlog_growth_clients_per_week, 1, lang)));
  if (!r.stable)
    return fill(
        say(lang, "{}: käyttöaste {} – kysyntä ylittää kapasiteetin, jono kasvaa {} asiakasta ({} tuntia) viikossa.",
             "{}: beläggning {} – efterfrågan överstiger kapaciteten, kön växer med {} klienter ({} timmar) "
             "per vecka.",
             "{}: utilisation {} – demand exceeds capacity, the queue grows by {} clients ({} hours) a week."),
        fmt::make_format_args(label, percent(r.utilisation, lang), number(r.backlog_growth_clients_per_week, 1, lang),
                              number(r.backlog_growth_hours_per_week, 1, lang)));
  return fill(say(lang, "{}: käyttöaste {}, odotus keskimäärin {}, {} läpimenoajasta.",
                   "{}: beläggning {}, väntan i genomsnitt {}, {} av genomloppstiden.",
                   "{}: utilisation {}, average wait {}, {} of the lead time."),
              fmt::make_format_args(label, percent(r.utilisation, lang), format_duration(r.wait_weeks, days, lang),
                                    percent(r.share_of_lead_time, lang)));
}

std::string step_sentence(const StepResult& s, const std::string& label, const std::string& qualifier, double days,
                          Lang lang) {
  return fill(
      say(lang, "Vaihe \"{}\"{}: {} läpimenoajasta, keskimäärin {} käyntiä kohden.",
           "Steget \"{}\"{}: {} av genomloppstiden, i genomsnitt {} per besök.",
           "Step \"{}\"{}: {} of the lead time, {} per visit on average."),
      fmt::make_format_args(label, qualifier, percent(s.share_of_lead_time, lang), format_duration(s.sojourn_weeks, days, lang)));
}

std::string handoff_sentence(const std::string& from, const std::string& to, double per_client, double per_week,
                             Lang lang) {
  return fill(say(lang, "Siirrot {} → {}: {} kertaa asiakasta kohden ({} siirtoa viikossa).",
                   "Överlämningar {} → {}: {} gånger per klient ({} per vecka).",
                   "Handoffs {} → {}: {} per client ({} a week)."),
              fmt::make_format_args(from, to, number(per_client, 2, lang), number(per_week, 1, lang)));
}

std::string loop_sentence(const std::string& entry_label, const std::string& qualifier, double added_weeks,
                          double extra_visits, double days, Lang lang) {
  return fill(
      say(lang,
           "Kierros vaiheessa \"{}\"{}: toistokäynnit lisäävät läpimenoaikaan keskimäärin {} ({} "
           "uusintakäyntiä asiakasta kohden).",
           "Slingan vid \"{}\"{}: upprepade besök lägger i genomsnitt till {} till genomloppstiden ({} "
           "extra besök per klient).",
           "Loop at \"{}\"{}: repeat visits add {} to the lead time on average ({} extra visits per "
           "client)."),
      fmt::make_format_args(entry_label, qualifier, format_duration(added_weeks, days, lang), number(extra_visits, 2, lang)));
}

std::string sensitivity_sentence(const std::string& label, const Sensitivity& s, const RoleResult& base,
                                 std::optional<double> base_lead, double days, Lang lang) {
  const auto& plus_one = s.cases.at(1);
  return fill(say(lang, "Yksi henkilö lisää ({}): läpimenoaika {} → {}, käyttöaste {} → {}.",
                   "En person till ({}): genomloppstid {} → {}, beläggning {} → {}.",
                   "One more person ({}): lead time {} → {}, utilisation {} → {}."),
              fmt::make_format_args(label, format_duration(base_lead, days, lang), format_duration(plus_one.lead_time_weeks, days, lang),
                                    percent(base.utilisation, lang), percent(plus_one.utilisation, lang)));
}

}  // namespace sujuva::detail
