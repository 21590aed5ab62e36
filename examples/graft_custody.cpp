// A cryopreserved autologous PBSC product with hsct::graft: its ISBT 128 DIN read from the label
// (with the keyboard check character), its counts and CD34+ dose per kg against the EBMT
// Handbook's ch. 20 thresholds, and its chain of custody from collection to infusion, with one
// hand-over refused (the wrong recipient at release) and the log replayed; then the infusion's
// record, made from the custody, sets Day 0, and the day's DMSO is read from it.
// Output is checked against graft_custody.expected in CI.
#include <hsct/graft/graft.hpp>
#include <hsct/graft/infusion_text.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

namespace {
namespace g = hsct::graft;
using namespace std::chrono_literals;

std::string fixed(double v, int decimals) {
    char buf[64];
    static_cast<void>(std::snprintf(buf, sizeof buf, "%.*f", decimals, v));
    return buf;
}

std::string hhmm(std::chrono::sys_seconds t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{t - day};
    char buf[32];
    static_cast<void>(std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d", static_cast<int>(ymd.year()),
                                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                    static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count())));
    return buf;
}

void step(g::custody_log& log, const g::custody_record& r) {
    const auto refused = log.append(r);
    std::cout << "  " << hhmm(r.at) << "  " << g::label(r.event) << ": ";
    if (!refused) {
        std::cout << "-> " << g::label(log.state().state) << "\n";
        return;
    }
    std::cout << "REFUSED (" << g::label(refused->reason) << ", " << refused->requirement << "); allowed:";
    for (std::uint8_t e = 1; e <= g::custody_event_count; ++e) {
        if (refused->allowed.contains(static_cast<g::custody_event>(e))) {
            std::cout << " " << g::id(static_cast<g::custody_event>(e));
        }
    }
    std::cout << "\n";
}
}  // namespace

int main() {
    // The label, as a nurse types it: the DIN printed with its boxed check character.
    const auto din = g::parse_din("A9999 26 000123 P").value();
    std::cout << "DIN " << din.printed() << " (check character " << din.check_character() << "), FIN "
              << din.facility() << "\n";
    const auto typo = g::parse_din("A9999 26 000132 P");  // two digits swapped
    std::cout << "typed with two digits swapped: " << typo.error().message() << "\n";

    // The product: 250 mL of mobilised PBSC, cryopreserved; CD34+ counted before freezing.
    g::product_input in;
    in.source = g::product_source::peripheral_blood;
    in.use = g::product_use::autologous;
    in.state = g::preservation::cryopreserved;
    in.volume = hsct::volume(250.0, hsct::units::mL);
    in.at_collection.tnc = hsct::cell_count(45.0, hsct::units::e9_cells);
    in.at_collection.cd34 = hsct::cell_count(420.0, hsct::units::e6_cells);
    in.at_collection.viability = hsct::percent(99.0, hsct::units::pct);
    const auto product = g::make_product(in).value();
    const auto weight = hsct::patient::body_weight::make(78.0, hsct::units::kg).value();
    const auto doses = g::cell_doses_of(product, weight).value();
    std::cout << "CD34+ " << fixed(doses.cd34->in(hsct::units::e6_per_kg), 2) << " x10^6/kg for 78 kg\n";
    for (const auto policy : {g::dose_policy::hb24_ch20, g::dose_policy::hb24_ch41, g::dose_policy::hb24_ch12}) {
        const auto r = g::assess_cell_dose(doses, g::graft_indication::autologous_pbsc, policy).value();
        std::cout << "  " << g::label(policy) << ": " << g::label(r.verdict);
        if (r.decided_by) {
            std::cout << " (decided by " << g::label(*r.decided_by) << ")";
        }
        std::cout << "\n";
    }

    // Its chain of custody.
    const auto patient = g::custody_id::make("MRN-0042").value();
    const auto lab = g::custody_id::make("lab-tech-7").value();
    const auto courier = g::custody_id::make("courier-3").value();
    const auto nurse = g::custody_id::make("nurse-12").value();
    const auto doctor = g::custody_id::make("dr-5").value();
    const std::chrono::sys_seconds collected{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} + 10h};
    g::custody_log log(g::start_custody(din, patient, collected, collected + std::chrono::days(365)));
    const auto rec = [&](g::custody_event e, std::chrono::sys_seconds at, const g::custody_id& by) {
        g::custody_record r;
        r.event = e;
        r.at = at;
        r.by = by;
        r.product = din;
        r.recipient = patient;
        return r;
    };
    using E = g::custody_event;
    std::cout << "custody:\n";
    step(log, rec(E::process, collected + 2h, lab));
    step(log, rec(E::cryopreserve, collected + 5h, lab));
    step(log, rec(E::store, collected + 6h, lab));
    step(log, rec(E::ship, collected + std::chrono::days(7), courier));
    step(log, rec(E::receive, collected + std::chrono::days(7) + 3h, nurse));
    const auto day0 = std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10} + 9h};
    step(log, rec(E::thaw, day0, nurse));
    auto wrong = rec(E::release, day0 + 3min, nurse);
    wrong.recipient = g::custody_id::make("MRN-0043").value();  // the next patient's wristband
    step(log, wrong);
    step(log, rec(E::release, day0 + 4min, nurse));
    auto bedside = rec(E::verify_at_bedside, day0 + 6min, nurse);
    bedside.second_verifier = doctor;
    step(log, bedside);
    step(log, rec(E::infuse, day0 + 8min, nurse));
    const auto again = g::replay(log);
    std::cout << "log: " << log.records().size() << " records kept; replay "
              << (again.state == log.state() ? "reproduces" : "DIFFERS FROM") << " the live state ("
              << g::label(again.state.state) << ")\n";

    // The infusion's record, from the custody (its DIN and time): the first graft infusion sets
    // Day 0 on the timeline the later stages count from.
    g::infusion_record details;
    details.date = std::chrono::sys_days{std::chrono::year{2026} / 3 / 10};  // the ward's calendar date
    details.volume = hsct::volume(250.0, hsct::units::mL);
    details.by = nurse;
    details.dmso = hsct::percent(10.0, hsct::units::pct);
    g::infusion_history history;
    const auto placed = history.append(g::infusion_from_custody(log.state(), details).value()).value();
    const auto& timeline = *history.timeline();
    std::cout << "infusion: " << g::render(placed) << "; Day 0 " << hsct::to_string(timeline.day0()) << ", D+100 "
              << hsct::to_string(timeline.date_of(hsct::transplant_day::at(100)).value()) << "\n";
    std::cout << "  " << g::render(history.dmso_on(details.date, weight).value()) << "\n";
    return 0;
}
