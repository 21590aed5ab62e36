// The workflow tests' episodes: an allogeneic and an autologous journey as record lists, the
// records that reach each state, and a well-formed record of each event for an episode (dated
// after its last event, with data its guards accept where the kind allows).
#ifndef HSCT_TESTS_WORKFLOW_EPISODE_FIXTURE_HPP
#define HSCT_TESTS_WORKFLOW_EPISODE_FIXTURE_HPP

#include <hsct/workflow/episode.hpp>

#include <chrono>
#include <optional>
#include <vector>

namespace hsct_test_workflow_fixture {

namespace w = hsct::workflow;
using namespace std::chrono_literals;
using std::chrono::sys_seconds;

inline w::actor_id who(std::string_view name = "dr.ayla") { return *w::actor_id::make(name); }
inline hsct::graft::din product_din() { return *hsct::graft::parse_din("A999921123456"); }
inline hsct::graft::din other_din() { return *hsct::graft::parse_din("A999921123457"); }
inline const sys_seconds referral = sys_seconds(hsct::sys_days(std::chrono::year(2025) / 1 / 6)) + 9h;

inline w::evaluation_data evaluation() {
    return w::evaluation_data{*hsct::patient::hct_ci_points::make(3), hsct::patient::hct_ci_risk_group::high,
                              *hsct::patient::karnofsky_score::make(90)};
}
inline w::product_data verified_product() {
    return w::product_data{product_din(), hsct::graft::custody_state::verified_at_bedside,
                           hsct::cell_dose(5.2, hsct::units::e6_per_kg)};
}

/// A well-formed record of `e` for episode `ep`, dated one day after its last event.
inline w::episode_record well_formed(const w::episode& ep, w::episode_event e) {
    using E = w::episode_event;
    const sys_seconds at = ep.last_at + 24h;
    w::episode_record r = w::episode_record::of(e, at, who());
    switch (e) {
        case E::complete_evaluation: r.evaluation = evaluation(); break;
        case E::select_donor: r.donor = w::donor_data{hsct::donor::donor_kind::matched_unrelated, 8, 8}; break;
        case E::start_conditioning:
            r.conditioning = w::conditioning_data{hsct::conditioning::conditioning_intensity::myeloablative,
                                                  std::chrono::floor<std::chrono::days>(at) + std::chrono::days(7)};
            break;
        case E::collect_product:
            r.product = verified_product();
            r.product.custody = hsct::graft::custody_state::collected;
            break;
        case E::infuse: r.product = verified_product(); break;
        case E::acute_gvhd: r.gvhd.acute = hsct::follow_up::acute_gvhd_grade::grade_2; break;
        case E::chronic_gvhd: r.gvhd.chronic = hsct::follow_up::chronic_gvhd_severity::moderate; break;
        case E::death: r.cause = hsct::follow_up::death_cause::non_relapse; break;
        default: break;
    }
    return r;
}

/// The events that take a fresh episode of `kind` to `target` (nullopt: not reachable in that kind).
inline std::optional<std::vector<w::episode_event>> path_to(w::transplant_kind kind, w::episode_state target) {
    using E = w::episode_event;
    using S = w::episode_state;
    const bool allo = kind == w::transplant_kind::allogeneic;
    std::vector<E> main = {E::begin_evaluation, E::complete_evaluation};
    if (allo) {
        main.insert(main.end(), {E::select_donor, E::clear_donor, E::admit});
    } else {
        main.insert(main.end(), {E::collect_product, E::admit});
    }
    main.insert(main.end(), {E::start_conditioning, E::infuse, E::neutrophil_engraftment, E::discharge,
                             E::begin_follow_up});
    const auto prefix_to = [&](E last) {
        std::vector<E> p;
        for (const E e : main) {
            p.push_back(e);
            if (e == last) {
                break;
            }
        }
        return p;
    };
    switch (target) {
        case S::referred: return std::vector<E>{};
        case S::evaluation: return prefix_to(E::begin_evaluation);
        case S::donor_search: return allo ? std::optional(prefix_to(E::complete_evaluation)) : std::nullopt;
        case S::donor_workup: return allo ? std::optional(prefix_to(E::select_donor)) : std::nullopt;
        case S::collection: return allo ? std::nullopt : std::optional(prefix_to(E::complete_evaluation));
        case S::admitted: return prefix_to(E::admit);
        case S::conditioning: return prefix_to(E::start_conditioning);
        case S::engraftment_monitoring: return prefix_to(E::infuse);
        case S::engrafted: return prefix_to(E::neutrophil_engraftment);
        case S::discharged: return prefix_to(E::discharge);
        case S::follow_up: return main;
        case S::relapsed: {
            auto p = main;
            p.push_back(E::relapse);
            return p;
        }
        case S::graft_failed: {
            auto p = main;
            p.push_back(E::graft_failure);
            return p;
        }
        case S::died: {
            auto p = main;
            p.push_back(E::death);
            return p;
        }
        case S::second_transplant: {
            auto p = main;
            p.insert(p.end(), {E::graft_failure, E::second_transplant});
            return p;
        }
        case S::lost_to_follow_up: {
            auto p = main;
            p.push_back(E::lose_to_follow_up);
            return p;
        }
        case S::withdrawn: return std::vector<E>{E::withdraw};
    }
    return std::nullopt;
}

/// An episode of `kind` in `target`, reached through well-formed records (nullopt: not reachable).
inline std::optional<w::episode> reach(w::transplant_kind kind, w::episode_state target) {
    const auto path = path_to(kind, target);
    if (!path) {
        return std::nullopt;
    }
    w::episode ep = w::start_episode(kind, referral);
    for (const auto e : *path) {
        if (w::advance(ep, well_formed(ep, e))) {
            return std::nullopt;  // the path is wrong: the caller's REQUIRE fails
        }
    }
    return ep;
}

/// The records of a whole journey of `kind` to follow-up, then `extra` events.
inline std::vector<w::episode_record> journey(w::transplant_kind kind, std::initializer_list<w::episode_event> extra = {}) {
    std::vector<w::episode_record> out;
    w::episode ep = w::start_episode(kind, referral);
    auto events = *path_to(kind, w::episode_state::follow_up);
    events.insert(events.end(), extra.begin(), extra.end());
    for (const auto e : events) {
        const auto r = well_formed(ep, e);
        if (!w::advance(ep, r)) {
            out.push_back(r);
        }
    }
    return out;
}

}  // namespace hsct_test_workflow_fixture

#endif  // HSCT_TESTS_WORKFLOW_EPISODE_FIXTURE_HPP
