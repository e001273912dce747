// The report's ten steps that take most of the lead time.
#include <algorithm>

#include "report/sections.h"
#include "text/format.h"

namespace sujuva::report {

Section steps_section(const Context& ctx) {
  Section s{
      "steps", say(ctx.lang, "Vaiheet, joissa aika kuluu", "Steg där tiden går", "Steps where the time goes"), {}};
  std::vector<const StepResult*> order;
  for (const auto& st : ctx.a->steps)
    if (st.share_of_lead_time && *st.share_of_lead_time > 0) order.push_back(&st);
  std::stable_sort(order.begin(), order.end(),
                   [](auto* x, auto* y) { return *x->share_of_lead_time > *y->share_of_lead_time; });
  if (order.size() > 10) order.resize(10);
  Block b;
  b.kind = Block::Kind::table;
  b.table.header = {say(ctx.lang, "Vaihe", "Steg", "Step"),
                    say(ctx.lang, "Rooli", "Roll", "Role"),
                    say(ctx.lang, "Käyntejä/vk", "Besök/v", "Visits/wk"),
                    say(ctx.lang, "Käynnit/asiakas", "Besök/klient", "Visits/client"),
                    say(ctx.lang, "Aika käyntiä kohden", "Tid per besök", "Time per visit"),
                    say(ctx.lang, "Osuus läpimenoajasta", "Andel av genomloppstiden", "Share of lead time")};
  b.table.align = {Align::left, Align::left};  // step and role, then figures
  for (const StepResult* st : order)
    b.table.add_row({ctx.step_label(st->id), st->role ? ctx.role_label(*st->role) : "-",
                     ctx.num(st->arrivals_per_week, 1), ctx.num(st->visits, 2), ctx.weeks(st->sojourn_weeks),
                     ctx.pct(st->share_of_lead_time)});
  s.blocks.push_back(paragraph(say(ctx.lang,
                                    "Aika käyntiä kohden = jonotus + työ + odotus (esim. liitteet, toinen "
                                    "palvelu). Kymmenen eniten läpimenoaikaa vievää vaihetta.",
                                    "Tid per besök = kö + arbete + väntan (t.ex. bilagor, annan tjänst). De tio "
                                    "steg som tar mest av genomloppstiden.",
                                    "Time per visit = queue + work + delay (e.g. documents, another service). The "
                                    "ten steps that take most of the lead time.")));
  s.blocks.push_back(b);
  return s;
}

}  // namespace sujuva::report
