#include "present/narrative.h"

#include <fmt/format.h>

#include <cmath>

#include "model/label_text.h"
#include "present/comparison_text.h"
#include "text/duration.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva {

namespace detail {
namespace {

// What one sentence needs: the two columns and the language.
struct Pair {
  const Comparison& c;
  const Kpis& before;
  const Kpis& after;
  const StructuralDiff& diff;
  Lang lang;

  // A role's label as the given model names it (ids may be kept across a renaming).
  std::string role(const Kpis& k, const std::string& id) const {
    const RoleKpi* r = k.find_role(id);
    return r ? r->label.in(lang, id) : role_name(c, id, lang);
  }
  std::string pct(std::optional<double> x) const { return x ? format_percent(*x, lang) : "-"; }
  std::string dec(std::optional<double> x, int decimals) const { return x ? format_decimal(*x, decimals, lang) : "-"; }
  const char* tr(const char* fi, const char* sv, const char* en) const { return say(lang, fi, sv, en); }
  // A duration by text/duration.h's rule, in the working days of the model it comes from.
  std::string duration(const Kpis& k, std::optional<double> weeks) const {
    return weeks ? format_duration(*weeks, k.working_days_per_week, lang) : "-";
  }
  // Before and after in one unit, that of the larger ("20 työpäivää → 11,1 työpäivää").
  std::pair<std::string, std::string> durations(std::optional<double> before_weeks,
                                                std::optional<double> after_weeks) const {
    if (!before_weeks || !after_weeks) return {duration(before, before_weeks), duration(after, after_weeks)};
    const double largest = std::max(*before_weeks, *after_weeks);
    return {format_duration_like(*before_weeks, largest, before.working_days_per_week, lang, DurationStyle::words),
            format_duration_like(*after_weeks, largest, after.working_days_per_week, lang, DurationStyle::words)};
  }
};

std::optional<double> utilisation(const Kpis& k, const std::string& role) {
  const auto* r = k.find_role(role);
  return r ? r->utilisation : std::nullopt;
}

// " Kuormittunein rooli nyt: X, käyttöaste 74 % (ennen 59 %)." when no role is a bottleneck after
// the change, so that the narrative names the busiest role instead of crying wolf; the subject
// after a colon reads right for singular and plural role names.
std::string busiest_now(const Pair& p) {
  const auto& id = p.after.busiest_role;
  if (!id) return "";
  std::string text = fmt::format(fmt::runtime(p.tr(" Kuormittunein rooli nyt: {}, käyttöaste {}",
                                                   " Mest belastad roll nu: {}, beläggning {}",
                                                   " Busiest role now: {}, utilisation {}")),
                                 one_line(p.role(p.after, *id)), p.pct(utilisation(p.after, *id)));
  if (auto before = utilisation(p.before, *id); before && p.pct(before) != p.pct(utilisation(p.after, *id)))
    text += fmt::format(fmt::runtime(p.tr(" (ennen {})", " (förut {})", " (before {})")), p.pct(before));
  return text + ".";
}

void bottleneck(const Pair& p, std::vector<std::string>& out) {
  const auto& b0 = p.before.top_bottleneck;
  const auto& b1 = p.after.top_bottleneck;
  if (b0 && b1 && *b0 != *b1) {
    out.push_back(
        fmt::format(fmt::runtime(p.tr("Pullonkaula siirtyi: ennen {} (käyttöaste {}), nyt {} (käyttöaste {}).",
                                      "Flaskhalsen flyttade: förut {} (beläggning {}), nu {} (beläggning {}).",
                                      "The bottleneck moved from {} (utilisation {}) to {} (utilisation {}).")),
                    p.role(p.before, *b0), p.pct(utilisation(p.before, *b0)), p.role(p.after, *b1),
                    p.pct(utilisation(p.after, *b1))));
  } else if (b0 && b1) {
    std::string u0 = p.pct(utilisation(p.before, *b0)), u1 = p.pct(utilisation(p.after, *b1));
    if (u0 == u1)
      out.push_back(fmt::format(fmt::runtime(p.tr("Pullonkaula on edelleen {} (käyttöaste {}).",
                                                  "Flaskhalsen är fortfarande {} (beläggning {}).",
                                                  "The bottleneck is still {} (utilisation {}).")),
                                p.role(p.after, *b1), u1));
    else
      out.push_back(fmt::format(fmt::runtime(p.tr("Pullonkaula on edelleen {}: käyttöaste {} → {}.",
                                                  "Flaskhalsen är fortfarande {}: beläggning {} → {}.",
                                                  "The bottleneck is still {}: utilisation {} → {}.")),
                                p.role(p.after, *b1), u0, u1));
  } else if (b0) {
    out.push_back(fmt::format(
        fmt::runtime(p.tr("Pullonkaulaa ei enää ole (ennen {}).", "Det finns ingen flaskhals längre (förut {}).",
                          "There is no bottleneck any more (before: {}).")),
        p.role(p.before, *b0)) + busiest_now(p));
  } else if (b1) {
    out.push_back(
        fmt::format(fmt::runtime(p.tr("Uusi pullonkaula: {} (käyttöaste {}).", "Ny flaskhals: {} (beläggning {}).",
                                      "New bottleneck: {} (utilisation {}).")),
                    p.role(p.after, *b1), p.pct(utilisation(p.after, *b1))));
  } else if (p.after.busiest_role) {
    out.push_back(std::string(p.tr("Kummassakaan mallissa mikään rooli ei ole pullonkaula.",
                                   "I ingen av modellerna är någon roll en flaskhals.",
                                   "In neither model is any role a bottleneck.")) +
                  busiest_now(p));
  }
}

void lead_time(const Pair& p, std::vector<std::string>& out) {
  const auto& m0 = p.before.lead_time_weeks.mean;
  const auto& m1 = p.after.lead_time_weeks.mean;
  auto [a, b] = p.durations(m0, m1);
  if (m0 && m1 && a == b) {
    out.push_back(fmt::format(
        fmt::runtime(p.tr("Läpimenoaika pysyi ennallaan: {}.", "Genomloppstiden är oförändrad: {}.",
                          "Mean lead time is unchanged at {}.")),
        a));
  } else if (m0 && m1) {
    bool shorter = *m1 < *m0;
    std::string rel = *m0 > 0 ? format_percent((*m1 - *m0) / *m0, p.lang) : "-";
    if (!shorter && *m0 > 0) rel = "+" + rel;
    out.push_back(fmt::format(fmt::runtime(shorter ? p.tr("Läpimenoaika lyheni: {} → {} ({}).",
                                                          "Genomloppstiden förkortades: {} → {} ({}).",
                                                          "Mean lead time fell from {} to {} ({}).")
                                                   : p.tr("Läpimenoaika piteni: {} → {} ({}).",
                                                          "Genomloppstiden förlängdes: {} → {} ({}).",
                                                          "Mean lead time rose from {} to {} ({}).")),
                              a, b, rel));
  } else if (m0) {
    out.push_back(fmt::format(
        fmt::runtime(p.tr("Läpimenoaikaa ei voi enää laskea (ennen {}): jono kasvaa rajatta.",
                          "Genomloppstiden kan inte längre beräknas (förut {}): kön växer utan gräns.",
                          "Mean lead time is no longer defined (before: {}): a queue grows without bound.")),
        a));
  } else if (m1) {
    out.push_back(
        fmt::format(fmt::runtime(p.tr("Läpimenoaika on nyt laskettavissa: {} (ennen jono kasvoi rajatta).",
                                      "Genomloppstiden kan nu beräknas: {} (förut växte kön utan gräns).",
                                      "Mean lead time is now defined: {} (before, a queue grew without bound).")),
                    b));
  }
  // Per class, when there is more than one and some class's figure changed.
  if (!m0 || !m1) return;
  if (p.after.lead_time_weeks.by_assessment.size() < 2) return;
  std::vector<std::string> parts;
  for (const auto& [name, value] : p.after.lead_time_weeks.by_assessment) {
    auto found = p.before.lead_time_weeks.by_assessment.find(name);
    if (found == p.before.lead_time_weeks.by_assessment.end()) continue;
    auto [x, y] = p.durations(found->second, value);
    if (x != y) parts.push_back(class_name(p.c, name, p.lang) + " " + x + " → " + y);
  }
  if (parts.empty()) return;
  std::string list;
  for (size_t i = 0; i < parts.size(); ++i) list += (i ? ", " : "") + parts[i];
  out.push_back(
      fmt::format(fmt::runtime(p.tr("Läpimenoaika arvion tuloksen mukaan: {}.",
                                    "Genomloppstid enligt bedömningens utfall: {}.",
                                    "Lead time by assessment outcome: {}.")),
                  list));
}

void saturation(const Pair& p, std::vector<std::string>& out) {
  std::string a = p.dec(p.before.saturation.arrivals_per_week, 1), b = p.dec(p.after.saturation.arrivals_per_week, 1);
  if (a == b) return;
  out.push_back(fmt::format(fmt::runtime(p.tr("Henkilöstö riittää enintään {} → {} saapuvalle asiakkaalle viikossa.",
                                              "Personalen räcker för högst {} → {} nya klienter i veckan.",
                                              "The staff suffice for at most {} → {} arriving clients a week.")),
                            a, b));
}

void stability(const Pair& p, std::vector<std::string>& out) {
  for (const auto& r : p.after.roles) {
    const RoleKpi* before = p.before.find_role(r.id);
    if (!r.stable)
      out.push_back(fmt::format(
          fmt::runtime(p.tr("{} ei selviä työmäärästä: käyttöaste {}, jono kasvaa {} asiakasta viikossa.",
                            "{} klarar inte arbetsmängden: beläggning {}, kön växer med {} klienter i veckan.",
                            "{} cannot keep up: utilisation {}, the queue grows by {} clients a week.")),
          p.role(p.after, r.id), p.pct(r.utilisation), p.dec(r.backlog_growth_clients_per_week, 1)));
    else if (before && !before->stable)
      out.push_back(fmt::format(fmt::runtime(p.tr("{} selviää nyt työmäärästä: käyttöaste {} → {}.",
                                                  "{} klarar nu arbetsmängden: beläggning {} → {}.",
                                                  "{} now keeps up: utilisation {} → {}.")),
                                p.role(p.after, r.id), p.pct(before->utilisation), p.pct(r.utilisation)));
  }
}

// The role with the largest rise and the one with the largest fall of a figure,
// among roles both models have and where the printed figures differ.
template <class Get, class Show>
void extremes(const Pair& p, Get get, Show show, const char* rise, const char* fall, std::vector<std::string>& out) {
  const RoleKpi *up = nullptr, *down = nullptr;
  double most_up = 0, most_down = 0;
  for (const auto& r : p.after.roles) {
    const RoleKpi* b = p.before.find_role(r.id);
    if (!b || !get(*b) || !get(r) || show(get(*b)) == show(get(r))) continue;
    double d = *get(r) - *get(*b);
    if (d > most_up) most_up = d, up = &r;
    if (d < most_down) most_down = d, down = &r;
  }
  if (up)
    out.push_back(fmt::format(fmt::runtime(rise), p.role(p.after, up->id), show(get(*p.before.find_role(up->id))),
                              show(get(*up))));
  if (down)
    out.push_back(fmt::format(fmt::runtime(fall), p.role(p.after, down->id), show(get(*p.before.find_role(down->id))),
                              show(get(*down))));
}

void roles(const Pair& p, std::vector<std::string>& out) {
  extremes(
      p, [](const RoleKpi& r) { return r.utilisation; }, [&](std::optional<double> x) { return p.pct(x); },
      p.tr("Käyttöaste nousi eniten: {}: {} → {}.", "Beläggningen steg mest: {}: {} → {}.",
           "Utilisation rose most for {}: {} → {}."),
      p.tr("Käyttöaste laski eniten: {}: {} → {}.", "Beläggningen sjönk mest: {}: {} → {}.",
           "Utilisation fell most for {}: {} → {}."),
      out);
  extremes(
      p, [](const RoleKpi& r) { return r.wait_weeks; },
      [&](std::optional<double> x) { return p.duration(p.after, x); },
      p.tr("Odotus käyntiä kohden piteni eniten: {}: {} → {}.", "Väntetiden per besök ökade mest: {}: {} → {}.",
           "Wait per visit rose most for {}: {} → {}."),
      p.tr("Odotus käyntiä kohden lyheni eniten: {}: {} → {}.", "Väntetiden per besök minskade mest: {}: {} → {}.",
           "Wait per visit fell most for {}: {} → {}."),
      out);
}

void flow_figures(const Pair& p, std::vector<std::string>& out) {
  std::string a = p.dec(p.before.handoffs_per_client, 2), b = p.dec(p.after.handoffs_per_client, 2);
  if (a != b)
    out.push_back(fmt::format(fmt::runtime(p.tr("Siirtoja työntekijäryhmältä toiselle asiakasta kohden {} → {}.",
                                                "Överlämningar mellan yrkesgrupper per klient {} → {}.",
                                                "Handoffs between roles per client: {} → {}.")),
                              a, b));
  a = p.pct(p.before.special_support_reach), b = p.pct(p.after.special_support_reach);
  if (a != b)
    out.push_back(
        fmt::format(fmt::runtime(p.tr(
                        "Erityistä tukea tarvitsevista asiakkaista vaaditulle työntekijälle päätyy {} → {}.",
                        "Av klienterna i behov av särskilt stöd når {} → {} den krävda yrkesgruppen.",
                        "Special-support clients who reach the required role: {} → {}.")),
                    a, b));
}

void mandatory(const Pair& p, std::vector<std::string>& out) {
  const auto& m0 = p.before.mandatory_on_every_route;
  const auto& m1 = p.after.mandatory_on_every_route;
  if (m0 == m1) return;
  if (m1 && *m1) {
    std::string before =
        !m0 ? p.tr(" Ennen pakollisia tarkistuspisteitä ei ollut.", " Förut fanns inga obligatoriska kontrollpunkter.",
                   " Before, there were no mandatory checkpoints.")
            : p.tr(" Ennen osa reiteistä ohitti ne.", " Förut gick en del vägar förbi dem.",
                   " Before, some routes skipped them.");
    out.push_back(std::string(p.tr("Jokainen reitti kulkee nyt pakollisten tarkistuspisteiden kautta.",
                                   "Varje väg går nu genom de obligatoriska kontrollpunkterna.",
                                   "Every route now passes the mandatory checkpoints.")) +
                  before);
  } else if (m1) {
    std::string route;
    for (size_t i = 0; i < p.after.route_skipping_mandatory.size(); ++i)
      route += (i ? " → " : "") + p.after.route_skipping_mandatory[i];
    out.push_back(fmt::format(fmt::runtime(p.tr("Kaikki reitit eivät kulje pakollisten tarkistuspisteiden kautta: {}.",
                                                "Alla vägar går inte genom de obligatoriska kontrollpunkterna: {}.",
                                                "Not every route passes the mandatory checkpoints: {}.")),
                              route));
  } else {
    out.push_back(p.tr("Pakollisia tarkistuspisteitä ei enää ole.",
                       "Det finns inte längre några obligatoriska kontrollpunkter.",
                       "There are no mandatory checkpoints any more."));
  }
}

// The rules the service breaks apart from errors in the model, as check prints them.
void check_errors(const Pair& p, std::vector<std::string>& out) {
  if (p.before.rules_broken != p.after.rules_broken)
    out.push_back(fmt::format(fmt::runtime(p.tr("Palvelun sääntörikkomuksia {} → {}.", "Regelbrott i tjänsten: {} → {}.",
                                                "Rules the service breaks: {} → {}.")),
                              p.before.rules_broken, p.after.rules_broken));
  if (p.before.model_errors != p.after.model_errors)
    out.push_back(fmt::format(fmt::runtime(p.tr("Virheitä mallissa {} → {}.", "Fel i modellen: {} → {}.",
                                                "Errors in the model: {} → {}.")),
                              p.before.model_errors, p.after.model_errors));
}

std::string counts(const Pair& p, int added, int removed, int changed) {
  std::vector<std::string> parts;
  if (added) parts.push_back(fmt::format("{} {}", p.tr("lisätty", "tillagda", "added"), added));
  if (removed) parts.push_back(fmt::format("{} {}", p.tr("poistettu", "borttagna", "removed"), removed));
  if (changed) parts.push_back(fmt::format("{} {}", p.tr("muutettu", "ändrade", "changed"), changed));
  std::string text;
  for (size_t i = 0; i < parts.size(); ++i) text += (i ? ", " : "") + parts[i];
  return text;
}

std::string step_name(const Pair& p, const std::string& id) {
  for (const auto& s : p.diff.steps)
    if (s.id == id) return one_line(s.label.in(p.lang, id));
  return id;
}

std::string names(const Pair& p, const std::vector<std::string>& ids) {
  std::string text;
  for (size_t i = 0; i < ids.size(); ++i) text += (i ? ", " : "") + step_name(p, ids[i]);
  return text;
}

void structure(const Pair& p, std::vector<std::string>& out) {
  const auto& d = p.diff;
  using K = ChangeKind;
  std::string steps = counts(p, d.count_steps(K::added), d.count_steps(K::removed), d.count_steps(K::changed));
  std::string routes = counts(p, d.count_routes(K::added), d.count_routes(K::removed), d.count_routes(K::changed));
  std::vector<std::string> parts;
  if (!steps.empty()) parts.push_back(std::string(p.tr("vaiheita ", "steg ", "steps ")) + steps);
  if (!routes.empty()) parts.push_back(std::string(p.tr("reittejä ", "vägar ", "routes ")) + routes);
  if (!parts.empty())
    out.push_back(std::string(p.tr("Rakenne: ", "Struktur: ", "Structure: ")) + parts[0] +
                  (parts.size() > 1 ? "; " + parts[1] : "") + ".");
  if (!d.checkpoints_added.empty())
    out.push_back(std::string(p.tr("Uudet tarkistuspisteet: ", "Nya kontrollpunkter: ", "New checkpoints: ")) +
                  names(p, d.checkpoints_added) + ".");
  if (!d.checkpoints_made_mandatory.empty())
    out.push_back(std::string(p.tr("Pakollisiksi merkityt tarkistuspisteet: ",
                                   "Kontrollpunkter som gjorts obligatoriska: ", "Checkpoints made mandatory: ")) +
                  names(p, d.checkpoints_made_mandatory) + ".");
}

std::string staffing_field(const Pair& p, const FieldChange& f) {
  if (!f.before_value || !f.after_value) return "";
  if (f.field == "fte")
    return fmt::format("{} {} → {}", fte_term(p.lang), p.dec(f.before_value, 2),
                       p.dec(f.after_value, 2));
  if (f.field == "absence")
    return fmt::format("{} {} → {}", p.tr("poissaolot", "frånvaro", "absence"), p.pct(f.before_value),
                       p.pct(f.after_value));
  if (f.field == "reserved")
    return fmt::format("{} {} → {}", p.tr("varattu muuhun työhön", "reserverat för annat arbete", "reserved"),
                       p.pct(f.before_value), p.pct(f.after_value));
  return "";
}

void staffing(const Pair& p, std::vector<std::string>& out) {
  std::vector<std::string> parts;
  for (const auto& r : p.diff.roles) {
    std::string name = one_line(r.label.in(p.lang, r.id));
    if (r.change == ChangeKind::added) {
      const auto* k = p.after.find_role(r.id);
      parts.push_back(fmt::format("{} {} ({} {})", p.tr("uusi", "ny", "new"), name, fte_term(p.lang),
                                  p.dec(k ? std::optional<double>(k->fte) : std::nullopt, 2)));
    } else if (r.change == ChangeKind::removed) {
      parts.push_back(fmt::format("{} {}", p.tr("poistui", "borttagen", "removed"), name));
    } else {
      std::string fields;
      for (const auto& f : r.fields) {
        std::string text = staffing_field(p, f);
        if (!text.empty()) fields += (fields.empty() ? "" : ", ") + text;
      }
      if (!fields.empty()) parts.push_back(name + " " + fields);
    }
  }
  if (parts.empty()) return;
  std::string text;
  for (size_t i = 0; i < parts.size(); ++i) text += (i ? "; " : "") + parts[i];
  out.push_back(std::string(p.tr("Henkilöstö: ", "Personal: ", "Staff: ")) + text + ".");
}

bool nothing_changed(const Comparison& c, size_t index, Lang lang) {
  if (!c.diffs[index - 1].empty()) return false;
  for (const auto& row : kpi_rows(c, lang))
    if (row.text[0] != row.text[index]) return false;
  return true;
}

}  // namespace
}  // namespace detail

std::vector<std::string> narrative(const Comparison& c, size_t index, Lang lang) {
  using namespace detail;
  if (index == 0 || index >= c.models.size()) return {};
  if (nothing_changed(c, index, lang))
    return {say(lang, "Ei muutosta: rakenne ja tunnusluvut ovat samat.",
                 "Ingen förändring: strukturen och nyckeltalen är desamma.",
                 "No change: the structure and the key figures are the same.")};
  Pair p{c, c.models[0], c.models[index], c.diffs[index - 1], lang};
  std::vector<std::string> out;
  bottleneck(p, out);
  lead_time(p, out);
  saturation(p, out);
  stability(p, out);
  roles(p, out);
  flow_figures(p, out);
  mandatory(p, out);
  check_errors(p, out);
  structure(p, out);
  staffing(p, out);
  return out;
}

}  // namespace sujuva
