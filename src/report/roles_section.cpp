// The report's table of roles: capacity, demand, utilisation, waits and queues.
#include "report/sections.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva::report {

Section roles_section(const Context& ctx) {
  Section s{"roles",
            say(ctx.lang, "Roolit: kapasiteetti ja kuormitus", "Roller: kapacitet och belastning",
                 "Roles: capacity and load"),
            {}};
  Block b;
  b.kind = Block::Kind::table;
  b.table.header = {say(ctx.lang, "Rooli", "Roll", "Role"),
                    fte_term(ctx.lang),
                    say(ctx.lang, "Kapasiteetti h/vk", "Kapacitet h/v", "Capacity h/wk"),
                    say(ctx.lang, "Kysyntä h/vk", "Efterfrågan h/v", "Demand h/wk"),
                    term(Term::utilisation, ctx.lang, true),
                    term(Term::wait, ctx.lang, true) + say(ctx.lang, " käyntiä kohden", " per besök", " per visit"),
                    say(ctx.lang, "Jonossa keskimäärin (asiakasta)", "I kö i genomsnitt (klienter)", "Mean queue (clients)"),
                    say(ctx.lang, "Osuus läpimenoajasta", "Andel av genomloppstiden", "Share of lead time")};
  for (const RoleResult& r : ctx.a->roles) {
    std::string wait = !r.stable ? std::string(say(ctx.lang, "jono kasvaa ", "kön växer med ", "queue grows by ")) +
                                       ctx.num(r.backlog_growth_clients_per_week, 1) +
                                       say(ctx.lang, " as./vk", " kl./v", " clients/wk")
                       : r.wait_weeks ? ctx.wait_text(*r.wait_weeks)
                                      : "-";
    b.table.add_row({ctx.role_label(r.id), ctx.num(r.fte, 2), ctx.num(r.capacity_hours_per_week, 1),
                     ctx.num(r.demand_hours_per_week, 1), ctx.pct(r.utilisation), wait,
                     r.queue_clients ? ctx.num(*r.queue_clients, 1) : "-", ctx.pct(r.share_of_lead_time)});
    shade_last_row(b, 4, ctx.utilisation_shade(r.utilisation, r.stable));
  }
  s.blocks.push_back(b);
  s.blocks.push_back(paragraph(
      say(ctx.lang,
           "Kapasiteetti = htv × viikkotyöaika × (1 − poissaolot) × (1 − muuhun työhön varattu osuus). Kysyntä = "
           "asiakastyö (käynnit × työaika) + asiakasvirran ulkopuolinen työ. Käyttöaste = kysyntä / kapasiteetti; yli "
           "85–90 %:n käyttöasteella jonot kasvavat nopeasti.",
           "Kapacitet = årsverken × veckoarbetstid × (1 − frånvaro) × (1 − andel reserverad för annat arbete). "
           "Efterfrågan = klientarbete (besök × arbetstid) + arbete utanför klientflödet. Beläggning = efterfrågan / "
           "kapacitet; över 85–90 % växer köerna snabbt.",
           "Capacity = FTE × weekly hours × (1 − absence) × (1 − share reserved for other work). Demand = client work "
           "(visits × effort) + work outside the client flow. Utilisation = demand / capacity; above 85–90 % queues "
           "grow fast.")));
  return s;
}

}  // namespace sujuva::report
