// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The chain of custody of a cellular therapy product as an explicit machine: a transition table
// that is constexpr data, a total apply(state, event) that either moves to the next state or
// returns a typed rejection naming the events allowed and leaves the state unchanged, and a
// state that is a fold over an append-only event log, so that replay reproduces it exactly.
//
//   using namespace hsct::graft;
//   custody c = start_custody(din, recipient, collected_at, expires_at);   // state collected
//   auto r = apply(c, custody_record{custody_event::process, at, who});
//   if (r.rejected) { r.rejected->reason; r.rejected->allowed; }           // c unchanged
//   if (auto no = advance(c, record)) { no->reason; }   // the same step in place (c unchanged if refused)
//   custody_log log(c);  log.append(record);   // only accepted events are kept; replay(log) == log.state()
//
// GRAFT-CUST-001: the states and events, and the transitions (custody_transitions): collected
// -> processed -> cryopreserved -> stored -> shipped -> received -> thawed -> released ->
// verified at the bedside -> infused, with the fresh product's path (processed -> shipped or
// released; received -> released), storage after receipt, thawing where stored, quarantine from
// every state before release and release from quarantine back to the state it came from,
// discard from every state but the two terminal ones (infused, discarded).
// GRAFT-CUST-002: every event records who (an identifier) and when; an event dated before the
// previous one is refused; an event after the product's expiry is refused (discard and
// quarantine excepted).
// GRAFT-CUST-003: every hand-over (ship, receive, release, verify at the bedside, infuse) checks
// identity: the DIN on the event is the product's; release, verification and infusion name the
// intended recipient. Verification at the bedside needs a second, different person (two-person
// verification; FACT-JACIE's requirement as the reference notes state it [unverified wording]).
// GRAFT-CUST-004: named time and temperature policies: from thaw to infusion at most 20 minutes
// by default (EBMT Handbook 2024 ch. 20 section 20.2: "thaw at the bedside and reinfuse within
// 20 minutes" [V-HB24]); a receipt that reports a temperature excursion in transport is refused
// (the product goes to quarantine first) [P].
#ifndef HSCT_GRAFT_CUSTODY_HPP
#define HSCT_GRAFT_CUSTODY_HPP

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/graft/isbt128.hpp"
#include "hsct/graft/vocabulary.hpp"

namespace hsct::graft {

/// GRAFT-CUST-001: where the product is in its chain of custody.
enum class custody_state : std::uint8_t {
    collected = 1,
    processed = 2,
    cryopreserved = 3,
    stored = 4,
    shipped = 5,
    received = 6,
    thawed = 7,
    released = 8,
    verified_at_bedside = 9,
    infused = 10,
    quarantined = 11,
    discarded = 12,
};

constexpr auto hsct_enum_table(custody_state) noexcept {
    using s = custody_state;
    return make_enum_table<custody_state>("custody_state", {
        {s::collected, "collected", "collected"},
        {s::processed, "processed", "processed"},
        {s::cryopreserved, "cryopreserved", "cryopreserved"},
        {s::stored, "stored", "stored"},
        {s::shipped, "shipped", "shipped"},
        {s::received, "received", "received"},
        {s::thawed, "thawed", "thawed"},
        {s::released, "released", "released for infusion"},
        {s::verified_at_bedside, "verified_at_bedside", "verified at the bedside"},
        {s::infused, "infused", "infused"},
        {s::quarantined, "quarantined", "quarantined"},
        {s::discarded, "discarded", "discarded"},
    });
}

inline constexpr std::size_t custody_state_count = 12;

/// GRAFT-CUST-001: what happens to the product.
enum class custody_event : std::uint8_t {
    process = 1,
    cryopreserve = 2,
    store = 3,
    ship = 4,
    receive = 5,
    thaw = 6,
    release = 7,
    verify_at_bedside = 8,
    infuse = 9,
    quarantine = 10,
    release_from_quarantine = 11,
    discard = 12,
};

constexpr auto hsct_enum_table(custody_event) noexcept {
    using e = custody_event;
    return make_enum_table<custody_event>("custody_event", {
        {e::process, "process", "process"},
        {e::cryopreserve, "cryopreserve", "cryopreserve"},
        {e::store, "store", "store"},
        {e::ship, "ship", "ship"},
        {e::receive, "receive", "receive"},
        {e::thaw, "thaw", "thaw"},
        {e::release, "release", "release for infusion"},
        {e::verify_at_bedside, "verify_at_bedside", "verify at the bedside"},
        {e::infuse, "infuse", "infuse"},
        {e::quarantine, "quarantine", "quarantine"},
        {e::release_from_quarantine, "release_from_quarantine", "release from quarantine"},
        {e::discard, "discard", "discard"},
    });
}

inline constexpr std::size_t custody_event_count = 12;

/// GRAFT-CUST-001: a transition's extra condition.
enum class custody_guard : std::uint8_t {
    none = 1,
    fresh_product = 2,         ///< the product was never cryopreserved
    cryopreserved_product = 3, ///< the product was cryopreserved
};

constexpr auto hsct_enum_table(custody_guard) noexcept {
    return make_enum_table<custody_guard>("custody_guard", {
        {custody_guard::none, "none", "none"},
        {custody_guard::fresh_product, "fresh_product", "a fresh product"},
        {custody_guard::cryopreserved_product, "cryopreserved_product", "a cryopreserved product"},
    });
}

/// GRAFT-CUST-001: one row of the transition table.
struct custody_transition {
    custody_state from;
    custody_event event;
    custody_guard guard;
    custody_state to;  ///< for release_from_quarantine: the state the product was quarantined from
    const char* requirement;
};

/// GRAFT-CUST-001: the transition table. Quarantine, release from quarantine and discard are
/// generated below from the states they apply to.
inline constexpr custody_transition custody_path[] = {
    {custody_state::collected, custody_event::process, custody_guard::none, custody_state::processed, "GRAFT-CUST-001"},
    {custody_state::processed, custody_event::cryopreserve, custody_guard::none, custody_state::cryopreserved, "GRAFT-CUST-001"},
    {custody_state::processed, custody_event::ship, custody_guard::fresh_product, custody_state::shipped, "GRAFT-CUST-001"},
    {custody_state::processed, custody_event::release, custody_guard::fresh_product, custody_state::released, "GRAFT-CUST-001"},
    {custody_state::cryopreserved, custody_event::store, custody_guard::none, custody_state::stored, "GRAFT-CUST-001"},
    {custody_state::stored, custody_event::ship, custody_guard::none, custody_state::shipped, "GRAFT-CUST-001"},
    {custody_state::stored, custody_event::thaw, custody_guard::none, custody_state::thawed, "GRAFT-CUST-001"},
    {custody_state::shipped, custody_event::receive, custody_guard::none, custody_state::received, "GRAFT-CUST-001"},
    {custody_state::received, custody_event::store, custody_guard::cryopreserved_product, custody_state::stored, "GRAFT-CUST-001"},
    {custody_state::received, custody_event::thaw, custody_guard::cryopreserved_product, custody_state::thawed, "GRAFT-CUST-001"},
    {custody_state::received, custody_event::release, custody_guard::fresh_product, custody_state::released, "GRAFT-CUST-001"},
    {custody_state::thawed, custody_event::release, custody_guard::none, custody_state::released, "GRAFT-CUST-001"},
    {custody_state::released, custody_event::verify_at_bedside, custody_guard::none, custody_state::verified_at_bedside, "GRAFT-CUST-003"},
    {custody_state::verified_at_bedside, custody_event::infuse, custody_guard::none, custody_state::infused, "GRAFT-CUST-003"},
};

/// GRAFT-CUST-001: the states a product may be quarantined from (before release: a product
/// released to the bedside is discarded, not quarantined).
inline constexpr custody_state quarantinable[] = {custody_state::collected, custody_state::processed,
                                                  custody_state::cryopreserved, custody_state::stored,
                                                  custody_state::received, custody_state::thawed};

[[nodiscard]] constexpr bool is_terminal(custody_state s) noexcept {
    return s == custody_state::infused || s == custody_state::discarded;
}

/// GRAFT-CUST-002/003: a person's identifier (operator, courier, nurse, verifier) or a
/// recipient's, up to 32 characters, held inline (trivially copyable, no allocation).
class custody_id {
public:
    constexpr custody_id() noexcept = default;
    /// Error: empty, over 32 characters, or a control character (field as given).
    [[nodiscard]] static result<custody_id> make(std::string_view text, std::string_view field = "id") {
        if (text.empty() || text.size() > 32) {
            return error(errc::out_of_range, std::string(field), std::to_string(text.size()) + " characters",
                         "1-32 characters", "GRAFT-CUST-002");
        }
        for (const char c : text) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                return error(errc::syntax, std::string(field), "(a control character)", "printable characters",
                             "GRAFT-CUST-002");
            }
        }
        custody_id id;
        for (std::size_t i = 0; i < text.size(); ++i) {
            id.chars_[i] = text[i];
        }
        id.size_ = static_cast<std::uint8_t>(text.size());
        return id;
    }
    [[nodiscard]] constexpr std::string_view text() const noexcept { return {chars_.data(), size_}; }
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
    /// Equal when the texts are (the unused characters are always zero, so the arrays compare
    /// whole, without a length-dependent loop).
    friend constexpr bool operator==(const custody_id&, const custody_id&) noexcept = default;

private:
    std::array<char, 32> chars_{};
    std::uint8_t size_ = 0;
};

/// GRAFT-CUST-004: the machine's policies.
struct custody_policy {
    /// From thaw to infusion at most this (HB24 ch. 20 section 20.2: 20 minutes [V-HB24]).
    std::chrono::minutes thaw_to_infusion_limit{20};
    friend constexpr bool operator==(const custody_policy&, const custody_policy&) noexcept = default;
};

/// GRAFT-CUST-002..004: one event as recorded: what, when, who, and what the hand-over checked.
struct custody_record {
    custody_event event = custody_event::process;
    std::chrono::sys_seconds at{};
    custody_id by;                          ///< who did it (required)
    std::optional<din> product;             ///< the DIN read at a hand-over (required there)
    std::optional<custody_id> recipient;    ///< the recipient identified (release, verify, infuse)
    std::optional<custody_id> second_verifier;  ///< verify_at_bedside: a second, different person
    bool temperature_excursion = false;     ///< receive: the shipper reported an excursion
};

/// GRAFT-CUST-001..004: the machine's state: where the product is, and what the rules read.
struct custody {
    custody_state state = custody_state::collected;
    custody_state quarantined_from = custody_state::collected;  ///< read in quarantined
    bool cryopreserved = false;                                  ///< the product went through cryopreserve
    din product;
    custody_id recipient;
    std::chrono::sys_seconds last_at{};
    std::chrono::sys_seconds expires_at{};
    std::optional<std::chrono::sys_seconds> thawed_at;
    custody_policy policy{};
    std::uint32_t events = 0;  ///< events accepted

    friend constexpr bool operator==(const custody&, const custody&) noexcept = default;
};

/// GRAFT-CUST-001: a product's custody from its collection.
[[nodiscard]] constexpr custody start_custody(const din& product, const custody_id& recipient,
                                              std::chrono::sys_seconds collected_at,
                                              std::chrono::sys_seconds expires_at,
                                              const custody_policy& policy = {}) noexcept {
    custody c{custody_state::collected, custody_state::collected, false, product, recipient, collected_at,
              expires_at, std::nullopt, policy, 0};
    return c;
}

/// Why an event was refused.
enum class custody_refusal : std::uint8_t {
    not_allowed_here = 1,     ///< no transition from this state on this event (or its guard fails)
    terminal = 2,             ///< the product was infused or discarded
    unknown_event = 3,        ///< an event number that is not declared
    no_actor = 4,             ///< who did it is not recorded
    out_of_order = 5,         ///< dated before the previous event
    expired = 6,              ///< after the product's expiry
    no_product_read = 7,      ///< a hand-over without the DIN read
    wrong_product = 8,        ///< the DIN read is another product's
    wrong_recipient = 9,      ///< the recipient identified is not the intended one
    no_second_verifier = 10,  ///< bedside verification by one person
    same_verifier = 11,       ///< the second verifier is the first
    thaw_limit_exceeded = 12, ///< infusion later than the thaw-to-infusion limit
    temperature_excursion = 13,  ///< receipt after a reported excursion
};

constexpr auto hsct_enum_table(custody_refusal) noexcept {
    using r = custody_refusal;
    return make_enum_table<custody_refusal>("custody_refusal", {
        {r::not_allowed_here, "not_allowed_here", "not allowed in this state"},
        {r::terminal, "terminal", "the product was infused or discarded"},
        {r::unknown_event, "unknown_event", "not a declared event"},
        {r::no_actor, "no_actor", "who did it is not recorded"},
        {r::out_of_order, "out_of_order", "dated before the previous event"},
        {r::expired, "expired", "after the product's expiry"},
        {r::no_product_read, "no_product_read", "the DIN was not read at the hand-over"},
        {r::wrong_product, "wrong_product", "the DIN read is another product's"},
        {r::wrong_recipient, "wrong_recipient", "not the intended recipient"},
        {r::no_second_verifier, "no_second_verifier", "no second person verified"},
        {r::same_verifier, "same_verifier", "the second verifier is the first"},
        {r::thaw_limit_exceeded, "thaw_limit_exceeded", "later than the thaw-to-infusion limit"},
        {r::temperature_excursion, "temperature_excursion", "a temperature excursion in transport (quarantine first)"},
    });
}

/// A refusal: why, in which state, which event, and the events allowed there.
struct custody_rejection {
    custody_refusal reason = custody_refusal::not_allowed_here;
    custody_state state = custody_state::collected;
    custody_event event = custody_event::process;
    hsct::enum_set<custody_event> allowed{};
    const char* requirement = "GRAFT-CUST-001";
};

/// What apply returns: the next state, or the same state and a rejection.
struct custody_step {
    custody next;
    std::optional<custody_rejection> rejected;
    [[nodiscard]] constexpr bool accepted() const noexcept { return !rejected.has_value(); }
};

namespace detail {
[[nodiscard]] constexpr bool guard_holds(custody_guard g, const custody& c) noexcept {
    switch (g) {
        case custody_guard::none: return true;
        case custody_guard::fresh_product: return !c.cryopreserved;
        case custody_guard::cryopreserved_product: return c.cryopreserved;
    }
    return false;
}
[[nodiscard]] constexpr bool quarantinable_from(custody_state s) noexcept {
    for (const auto q : quarantinable) {
        if (q == s) {
            return true;
        }
    }
    return false;
}
/// The rows of custody_path by (state, event), built at compile time: index + 1, 0 for none.
/// (Each (state, event) pair has at most one row per guard; a fresh and a cryopreserved row for
/// one pair would need two slots, and the table has none.)
inline void custody_path_has_two_rows_for_one_pair() noexcept {}
struct path_index {
    std::array<std::array<std::uint8_t, custody_event_count + 1>, custody_state_count + 1> row{};
};
[[nodiscard]] consteval path_index make_path_index() {
    path_index x;
    for (std::size_t i = 0; i < sizeof(custody_path) / sizeof(custody_path[0]); ++i) {
        const auto& t = custody_path[i];
        auto& slot = x.row[static_cast<std::size_t>(t.from)][static_cast<std::size_t>(t.event)];
        if (slot != 0) {
            custody_path_has_two_rows_for_one_pair();  // not constexpr: a compile error here
        }
        slot = static_cast<std::uint8_t>(i + 1);
    }
    return x;
}
inline constexpr path_index custody_path_index = make_path_index();

/// GRAFT-CUST-001: where the event leads from the state, if anywhere (guards included). The
/// state and event are declared values (apply checks the event; the state is the machine's).
[[nodiscard]] constexpr std::optional<custody_state> target(const custody& c, custody_event e) noexcept {
    if (is_terminal(c.state)) {
        return std::nullopt;
    }
    switch (e) {
        case custody_event::discard: return custody_state::discarded;
        case custody_event::quarantine:
            return quarantinable_from(c.state) ? std::optional(custody_state::quarantined) : std::nullopt;
        case custody_event::release_from_quarantine:
            return c.state == custody_state::quarantined ? std::optional(c.quarantined_from) : std::nullopt;
        default: break;
    }
    const auto si = static_cast<std::size_t>(c.state);
    const auto ei = static_cast<std::size_t>(e);
    if (si > custody_state_count || ei > custody_event_count) {
        return std::nullopt;
    }
    const std::uint8_t k = custody_path_index.row[si][ei];
    if (k == 0) {
        return std::nullopt;
    }
    const auto& t = custody_path[k - 1];
    return guard_holds(t.guard, c) ? std::optional(t.to) : std::nullopt;
}
[[nodiscard]] constexpr bool is_handover(custody_event e) noexcept {
    return e == custody_event::ship || e == custody_event::receive || e == custody_event::release ||
           e == custody_event::verify_at_bedside || e == custody_event::infuse;
}
[[nodiscard]] constexpr bool names_recipient(custody_event e) noexcept {
    return e == custody_event::release || e == custody_event::verify_at_bedside || e == custody_event::infuse;
}
}  // namespace detail

/// GRAFT-CUST-001: the events allowed in a state (guards included).
[[nodiscard]] constexpr hsct::enum_set<custody_event> allowed_events(const custody& c) noexcept {
    hsct::enum_set<custody_event> s;
    for (std::uint8_t e = 1; e <= custody_event_count; ++e) {
        if (detail::target(c, static_cast<custody_event>(e))) {
            s.insert(static_cast<custody_event>(e));
        }
    }
    return s;
}

/// GRAFT-CUST-001..004: the machine's step, in place. Total: every (state, event) pair either
/// moves `c` to the next state and returns no rejection, or leaves `c` exactly as it was and
/// returns a rejection that names the events allowed. Checks in order: the event is declared;
/// the state is not terminal; the transition exists (with its guard); who did it; the date (not
/// before the previous event; not after expiry, except quarantine and discard); at a hand-over,
/// the DIN read and, for release, verification and infusion, the recipient; at the bedside, a
/// second, different verifier; at receipt, no temperature excursion; at infusion, the
/// thaw-to-infusion limit. Nothing is written to `c` before every check has passed.
[[nodiscard]] constexpr std::optional<custody_rejection> advance(custody& c, const custody_record& r) noexcept {
    const auto refuse = [&](custody_refusal why, const char* requirement) {
        return std::optional<custody_rejection>(
            custody_rejection{why, c.state, r.event, allowed_events(c), requirement});
    };
    if (!is_valid(r.event)) {
        return refuse(custody_refusal::unknown_event, "GRAFT-CUST-001");
    }
    if (is_terminal(c.state)) {
        return refuse(custody_refusal::terminal, "GRAFT-CUST-001");
    }
    const auto to = detail::target(c, r.event);
    if (!to) {
        return refuse(custody_refusal::not_allowed_here, "GRAFT-CUST-001");
    }
    if (r.by.empty()) {
        return refuse(custody_refusal::no_actor, "GRAFT-CUST-002");
    }
    if (r.at < c.last_at) {
        return refuse(custody_refusal::out_of_order, "GRAFT-CUST-002");
    }
    const bool always_allowed = r.event == custody_event::discard || r.event == custody_event::quarantine;
    if (!always_allowed && r.at > c.expires_at) {
        return refuse(custody_refusal::expired, "GRAFT-CUST-002");
    }
    if (detail::is_handover(r.event)) {
        if (!r.product) {
            return refuse(custody_refusal::no_product_read, "GRAFT-CUST-003");
        }
        if (!(*r.product == c.product)) {
            return refuse(custody_refusal::wrong_product, "GRAFT-CUST-003");
        }
        if (detail::names_recipient(r.event) && (!r.recipient || !(*r.recipient == c.recipient))) {
            return refuse(custody_refusal::wrong_recipient, "GRAFT-CUST-003");
        }
    }
    if (r.event == custody_event::verify_at_bedside) {
        if (!r.second_verifier || r.second_verifier->empty()) {
            return refuse(custody_refusal::no_second_verifier, "GRAFT-CUST-003");
        }
        if (*r.second_verifier == r.by) {
            return refuse(custody_refusal::same_verifier, "GRAFT-CUST-003");
        }
    }
    if (r.event == custody_event::receive && r.temperature_excursion) {
        return refuse(custody_refusal::temperature_excursion, "GRAFT-CUST-004");
    }
    if (r.event == custody_event::infuse && c.thawed_at && r.at - *c.thawed_at > c.policy.thaw_to_infusion_limit) {
        return refuse(custody_refusal::thaw_limit_exceeded, "GRAFT-CUST-004");
    }
    if (r.event == custody_event::quarantine) {
        c.quarantined_from = c.state;
    }
    if (r.event == custody_event::cryopreserve) {
        c.cryopreserved = true;
    }
    if (r.event == custody_event::thaw) {
        c.thawed_at = r.at;
    }
    c.state = *to;
    c.last_at = r.at;
    ++c.events;
    return std::nullopt;
}

/// GRAFT-CUST-001..004: the machine's step as a value: the next state, or the unchanged state
/// and the rejection (advance() on a copy).
[[nodiscard]] constexpr custody_step apply(const custody& c, const custody_record& r) noexcept {
    custody_step out{c, std::nullopt};
    out.rejected = advance(out.next, r);
    return out;
}

/// GRAFT-CUST-001: an append-only log of the accepted events and the state they fold to.
class custody_log {
public:
    explicit custody_log(const custody& start) : start_(start), state_(start) {}
    /// Applies the record; kept only if accepted. Returns the rejection, if any.
    std::optional<custody_rejection> append(const custody_record& r) {
        custody next = state_;
        auto rejected = advance(next, r);
        if (!rejected) {
            records_.push_back(r);  // may allocate: the state changes only once the record is kept
            state_ = next;
        }
        return rejected;
    }
    [[nodiscard]] const custody& state() const noexcept { return state_; }
    [[nodiscard]] const custody& start() const noexcept { return start_; }
    [[nodiscard]] const std::vector<custody_record>& records() const noexcept { return records_; }

private:
    custody start_;
    custody state_;
    std::vector<custody_record> records_;
};

/// GRAFT-CUST-001: the state a log folds to from its start (equal to the live state).
/// Returns the state reached and, if a record is refused (a log not built by append), the first
/// refusal and its index.
struct custody_replay {
    custody state;
    std::optional<std::size_t> refused_at;
    std::optional<custody_rejection> rejection;
};
[[nodiscard]] constexpr custody_replay replay(const custody& start, const custody_record* first, std::size_t n) noexcept {
    custody_replay out{start, std::nullopt, std::nullopt};
    for (std::size_t i = 0; i < n; ++i) {
        if (auto rejected = advance(out.state, first[i])) {
            out.refused_at = i;
            out.rejection = rejected;
            return out;
        }
    }
    return out;
}
[[nodiscard]] inline custody_replay replay(const custody_log& log) noexcept {
    return replay(log.start(), log.records().data(), log.records().size());
}

/// GRAFT-CUST-001: the table as a Mermaid state diagram (docs/graft.md prints it; a test checks
/// the page against this).
template <class = void>
[[nodiscard]] std::string custody_diagram() {
    std::string s = "stateDiagram-v2\n    [*] --> collected\n";
    const auto line = [&s](custody_state from, custody_state to, std::string_view label) {
        s += hsct::detail::concat({"    ", id(from), " --> ", id(to), ": ", label, "\n"});
    };
    for (const auto& t : custody_path) {
        const std::string label = t.guard == custody_guard::none
                                      ? std::string(id(t.event))
                                      : hsct::detail::concat({id(t.event), " [", id(t.guard), "]"});
        line(t.from, t.to, label);
    }
    for (const auto q : quarantinable) {
        line(q, custody_state::quarantined, "quarantine");
        line(custody_state::quarantined, q, "release_from_quarantine");
    }
    s += "    note right of discarded: discard from any state but infused and discarded\n";
    s += "    infused --> [*]\n    discarded --> [*]\n";
    return s;
}

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_CUSTODY_HPP
