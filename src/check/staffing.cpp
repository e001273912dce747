// Staffing and modelling hints: who performs the work, whether clients arrive, and warnings
// about steps and roles that are probably not what the team meant.
#include <boost/range/iterator_range.hpp>

#include "check/check_context.h"

namespace sujuva::checks::detail {

namespace {

// Work that takes staff time: hands-on effort on a task or checkpoint, or an activity's load.
// A task with only a delay (waiting for documents) needs nobody.
bool takes_staff_time(const Step& step) {
  if (step.kind == StepKind::activity) return step.load_hours_per_week > 0;
  return step.does_work() && step.mean_effort_hours() > 0;
}

void check_roles(CheckContext& ctx) {
  const auto& roles = ctx.process.roles;
  std::vector<std::vector<std::string>> work_of(roles.size());
  std::vector<int> steps_of(roles.size(), 0);
  for (StepVertex v = 0; v < ctx.steps; ++v) {
    const Step& step = ctx.graph[v];
    if (step.role) ++steps_of[*step.role];
    if (!takes_staff_time(step)) continue;
    if (!step.role) {
      const std::string name = step_name(step, ctx.lang);
      ctx.error(
          "unstaffed-step", step.line,
          ctx.say(
              "vaihe " + name + ": mikään rooli ei tee tätä vaihetta (sijoita se roolin klusteriin tai aseta role=...)",
              "steget " + name + ": ingen roll utför det här steget (lägg det i en rolls kluster eller sätt role=...)",
              "step " + name + ": no role performs this step (put it in a role's cluster or set role=...)"));
    } else {
      work_of[*step.role].push_back(step.id);
    }
  }
  for (size_t r = 0; r < roles.size(); ++r) {
    const std::string name = role_name(roles[r], ctx.lang);
    if (steps_of[r] == 0) {
      ctx.warning("idle-role", roles[r].line,
                  ctx.say("rooli " + name + " ei tee yhtään vaihetta", "rollen " + name + " utför inget steg",
                          "role " + name + " performs no step"));
    } else if (roles[r].fte <= 0 && !work_of[r].empty()) {
      const bool one = work_of[r].size() == 1;
      const std::string list = quoted_list(work_of[r], ctx.lang);
      ctx.error("unstaffed-role", roles[r].line,
                ctx.say("roolin " + name + " fte on 0, mutta se tekee " + (one ? "vaiheen " : "vaiheet ") + list +
                            ", joten sitä työtä ei koskaan tehdä",
                        "rollen " + name + " har fte 0 men utför " + (one ? "steget " : "stegen ") + list +
                            ", så det arbetet blir aldrig gjort",
                        "role " + name + " has fte 0 but performs " + (one ? "step " : "steps ") + list +
                            ", so that work is never done"));
    }
  }
}

void check_arrivals(CheckContext& ctx) {
  if (ctx.starts.empty()) return;
  double total = 0;
  for (auto s : ctx.starts) total += ctx.graph[s].arrivals_per_week;
  if (total <= 0) {
    const Step& first = ctx.graph[ctx.starts.front()];
    const std::string name = step_name(first, ctx.lang);
    ctx.error(
        "no-arrivals", first.line,
        ctx.say("asiakkaita ei saavu: yhdelläkään alkuvaiheella ei ole saapumisia (aseta esim. "
                "arrivals=\"40/week\" vaiheelle " +
                    name + ")",
                "inga klienter kommer: inget startsteg har ankomster (sätt t.ex. arrivals=\"40/week\" på "
                "steget " +
                    name + ")",
                "no clients arrive: every start step has no arrivals (set e.g. arrivals=\"40/week\" on " + name + ")"));
    return;
  }
  for (auto s : ctx.starts)
    if (ctx.graph[s].arrivals_per_week <= 0) {
      const std::string name = step_name(ctx.graph[s], ctx.lang);
      ctx.warning("start-without-arrivals", ctx.graph[s].line,
                  ctx.say("alkuvaiheella " + name +
                              " ei ole saapumisia, joten yksikään asiakas ei tule prosessiin "
                              "sitä kautta",
                          "startsteget " + name + " har inga ankomster, så ingen klient kommer in i processen där",
                          "start step " + name + " has no arrivals, so no client enters the process there"));
    }
}

bool sets_class(const ProcessGraph& g, StepVertex v, const std::string& class_name) {
  for (auto e : boost::make_iterator_range(boost::out_edges(v, g)))
    if (g[e].outcome == class_name) return true;
  return false;
}

}  // namespace

void check_staffing(CheckContext& ctx) {
  check_roles(ctx);
  check_arrivals(ctx);
}

void check_hints(CheckContext& ctx) {
  const auto& g = ctx.graph;
  for (StepVertex v = 0; v < ctx.steps; ++v) {
    const Step& step = g[v];
    const std::string name = step_name(step, ctx.lang);
    if (step.does_work() && !step.effort && !step.delay)
      ctx.warning(
          "no-effort", step.line,
          ctx.say("vaiheella " + name +
                      " ei ole työmäärää eikä viivettä, joten se ei vie aikaa (aseta effort=... tai delay=...)",
                  "steget " + name +
                      " har varken arbetsinsats eller fördröjning, så det tar ingen tid (sätt effort=... eller "
                      "delay=...)",
                  "step " + name + " has no effort and no delay, so it takes no time (set effort=... or delay=...)"));
    if (step.kind == StepKind::decision && boost::out_degree(v, g) == 1)
      ctx.warning("single-route-decision", step.line,
                  ctx.say("päätöksestä " + name +
                              " lähtee vain yksi reitti, joten se ei ratkaise mitään (lisää muut reitit tai tee siitä "
                              "tehtävä)",
                          "beslutet " + name +
                              " har bara en rutt ut, så det avgör ingenting (lägg till de andra rutterna eller gör det "
                              "till en uppgift)",
                          "decision " + name +
                              " has only one route out, so it decides nothing (add the other routes, or make it "
                              "a task)"));
    if (step.kind == StepKind::checkpoint && !step.assesses.empty() && boost::out_degree(v, g) > 0 &&
        !sets_class(g, v, step.assesses)) {
      const std::string cls = "\"" + step.assesses + "\"";
      ctx.warning("outcome-never-set", step.line,
                  ctx.say("tarkistuspiste " + name + " arvioi luokkaa " + cls +
                              ", mutta mikään sen reiteistä ei aseta outcome=" + cls +
                              ", joten yhtäkään asiakasta ei koskaan todeta luokkaan " + cls,
                          "kontrollpunkten " + name + " bedömer " + cls + ", men ingen av dess rutter sätter outcome=" +
                              cls + ", så ingen klient bedöms någonsin som " + cls,
                          "checkpoint " + name + " assesses " + cls + ", but none of its routes sets outcome=" + cls +
                              ", so no client is ever found to be " + cls));
    }
  }
}

}  // namespace sujuva::checks::detail
