// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The transplant episode's append-only event log, and its tamper-evident text form. The episode
// is a fold over the log (episode.hpp); the log keeps only events the machine accepted, so
// replaying it reproduces the live state exactly. The text is line-based and versioned; each
// entry carries the SHA-256 of the entry before it (a hash chain) and, with a key the integrator
// holds, an HMAC-SHA-256; an end line states the number of entries and the last hash. Reading
// checks all of it and reports the first entry that fails.
//
//   using namespace hsct::workflow;
//   episode_log log(log_header{episode_id, transplant_kind::allogeneic, referred_at});
//   if (auto no = log.append(record)) { /* refused: the log is unchanged */ }
//   std::string text = write_episode_log(log, {key});      // key optional (empty: no MACs)
//   auto back = read_episode_log(text, {key});              // result<episode_log>
//   back->state() == log.state();                           // replay equals live
//   log_check c = verify_episode_log(text, {key});           // c.problem->fault, ->entry, ->line
//
// WF-LOG-001 append-only: an entry is kept only if the machine accepts it; entries are never
// changed or removed; the state is the fold of the entries from the header's start.
// WF-LOG-002 the text format, version 2 (docs/workflow.md, "The log's text format"): a version
// line, an episode line, one line per entry (number, event, when, when recorded, who, the event's
// data, the previous hash, an optional MAC), and an end line (number of entries, last hash,
// optional MAC). One canonical form: the reader accepts what the writer writes (and version 1,
// and CRLF line ends) and nothing else, so write(read(text)) == text.
// WF-LOG-003 the hash chain: the header's hash is the SHA-256 of its two lines; each entry's is
// the SHA-256 of its line up to its MAC; each entry records the previous hash; the end line the
// last. A changed, removed, inserted or reordered entry breaks a link or the sequence of
// numbers; a removed tail breaks the end line or leaves none.
// WF-LOG-004 the MACs: with a key, every entry line and the end line carry HMAC-SHA-256 of their
// text under it; a reader given the key checks each (an entry changed by someone without the key
// fails at that entry; a wrong key at the first) and requires them; a reader without a key checks
// the chain only and says the MACs were not checked.
// WF-LOG-005 replay on load: each entry is applied to the machine in order; an entry the machine
// refuses (a log that verifies but was not written by append) is an error naming the entry.
// WF-LOG-006 version 1 (the first layout: no recorded-at time, no MACs) is still read; a
// version above the current one is refused.
// WF-LOG-007 hostile input: any byte sequence is read without undefined behaviour; a line over
// 4096 bytes, a number over 20 digits or an unreadable token is an error naming the line.
#ifndef HSCT_WORKFLOW_EPISODE_LOG_HPP
#define HSCT_WORKFLOW_EPISODE_LOG_HPP

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "hsct/core/date.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/workflow/episode.hpp"
#include "hsct/workflow/sha256.hpp"
#include "hsct/workflow/vocabulary.hpp"

namespace hsct::workflow {

/// WF-LOG-002: the version the writer writes.
inline constexpr int episode_log_version = 2;

/// WF-LOG-001/002: what starts the log: the episode's identifier, its kind, and its referral.
struct log_header {
    actor_id episode;
    transplant_kind kind = transplant_kind::allogeneic;
    std::chrono::sys_seconds referred_at{};
    friend constexpr bool operator==(const log_header&, const log_header&) noexcept = default;
};

/// WF-LOG-001: an append-only log of the accepted events and the state they fold to.
class episode_log {
public:
    explicit episode_log(const log_header& h) : header_(h), start_(start_episode(h.kind, h.referred_at)), state_(start_) {}
    /// Applies the record; kept only if accepted, with the data its event carries
    /// (episode_record::carried). Returns the rejection, if any (the log unchanged).
    std::optional<episode_rejection> append(const episode_record& r) {
        if (records_.size() == records_.capacity()) {
            records_.reserve(records_.empty() ? 32 : 2 * records_.size());  // may allocate: before any change
        }
        auto rejected = advance(state_, r);  // writes nothing when it refuses
        if (!rejected) {
            records_.push_back(r.carried());  // room was made above: no allocation here
        }
        return rejected;
    }
    [[nodiscard]] const log_header& header() const noexcept { return header_; }
    [[nodiscard]] const episode& state() const noexcept { return state_; }
    [[nodiscard]] const episode& start() const noexcept { return start_; }
    [[nodiscard]] const std::vector<episode_record>& records() const noexcept { return records_; }
    /// Reserves room for n records (a reader that knows the count).
    void reserve(std::size_t n) { records_.reserve(n); }

private:
    log_header header_;
    episode start_;
    episode state_;
    std::vector<episode_record> records_;
};

/// WF-LOG-001: the state the log's records fold to from its start (equals state()).
[[nodiscard]] inline episode_replay replay(const episode_log& log) noexcept {
    return replay(log.start(), log.records().data(), log.records().size());
}

/// WF-LOG-004: the integrator's key (any bytes; empty: no MACs). The log keeps no copy.
struct log_key {
    std::span<const std::uint8_t> bytes;
};

struct log_write_options {
    log_key key{};  ///< empty: the log is written without MACs
};

struct log_read_options {
    log_key key{};  ///< empty: the chain is checked, the MACs (if any) are not
};

/// WF-LOG-002..007: what went wrong reading a log.
enum class log_fault : std::uint8_t {
    syntax = 1,               ///< a line that cannot be read
    unsupported_version = 2,  ///< a version this reader does not know
    out_of_sequence = 3,      ///< an entry number that is not the next (reordered, inserted, removed)
    broken_link = 4,          ///< the previous hash does not match the entry before (changed, inserted, removed)
    mac_mismatch = 5,         ///< a MAC that does not match the line under the key (changed, or the wrong key)
    mac_missing = 6,          ///< a key was given and a line has no MAC
    truncated = 7,            ///< no end line, or fewer entries than it states
    head_mismatch = 8,        ///< the end line's hash is not the last entry's (the last entry changed)
    after_end = 9,            ///< text after the end line
    refused = 10,             ///< an entry the episode machine refuses
};

constexpr auto hsct_enum_table(log_fault) noexcept {
    using f = log_fault;
    return make_enum_table<log_fault>("log_fault", {
        {f::syntax, "syntax", "a line that cannot be read"},
        {f::unsupported_version, "unsupported_version", "a format version this reader does not know"},
        {f::out_of_sequence, "out_of_sequence", "an entry number out of sequence"},
        {f::broken_link, "broken_link", "the previous entry's hash does not match"},
        {f::mac_mismatch, "mac_mismatch", "the MAC does not match (changed, or the wrong key)"},
        {f::mac_missing, "mac_missing", "no MAC where the key requires one"},
        {f::truncated, "truncated", "the log is cut short"},
        {f::head_mismatch, "head_mismatch", "the end line's hash is not the last entry's"},
        {f::after_end, "after_end", "text after the end line"},
        {f::refused, "refused", "an entry the episode machine refuses"},
    });
}

/// WF-LOG-002..007: the first problem found: what, at which entry (0: the header or the end
/// line), on which line (1-based), and for `refused` the machine's rejection.
struct log_problem {
    log_fault fault = log_fault::syntax;
    std::size_t entry = 0;
    std::size_t line = 0;
    std::string detail;
    std::optional<episode_rejection> rejection;
    const char* requirement = "WF-LOG-002";
};

/// WF-LOG-002..007: what verify_episode_log found.
struct log_check {
    std::optional<log_problem> problem;  ///< none: the log verified
    int version = 0;                     ///< the format version read
    std::size_t entries = 0;             ///< entries read (up to the problem)
    bool macs_checked = false;           ///< every MAC was checked under the key given
    [[nodiscard]] bool ok() const noexcept { return !problem.has_value(); }
};

namespace detail::log_text {

inline constexpr std::size_t max_line = 4096;
inline constexpr std::string_view magic = "hsct-episode-log";

// ---- writing -------------------------------------------------------------------------------

inline void put_2(std::string& out, unsigned v) {
    out += static_cast<char>('0' + v / 10U);
    out += static_cast<char>('0' + v % 10U);
}

/// "YYYY-MM-DDTHH:MM:SSZ" (UTC).
inline void put_time(std::string& out, std::chrono::sys_seconds t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{day};
    const auto secs = static_cast<unsigned>((t - day).count());
    const int y = static_cast<int>(ymd.year());
    const auto yu = static_cast<unsigned>(y < 0 ? 0 : y);
    out += static_cast<char>('0' + (yu / 1000U) % 10U);
    out += static_cast<char>('0' + (yu / 100U) % 10U);
    put_2(out, yu % 100U);
    out += '-';
    put_2(out, static_cast<unsigned>(ymd.month()));
    out += '-';
    put_2(out, static_cast<unsigned>(ymd.day()));
    out += 'T';
    put_2(out, secs / 3600U);
    out += ':';
    put_2(out, (secs / 60U) % 60U);
    out += ':';
    put_2(out, secs % 60U);
    out += 'Z';
}

inline void put_date(std::string& out, sys_days d) {
    std::string t;
    put_time(t, std::chrono::sys_seconds(d));
    out.append(t, 0, 10);
}

/// An identifier with space and '%' percent-encoded (everything else as is: the identifier has
/// no control characters).
inline void put_id(std::string& out, const actor_id& id) {
    for (const char c : id.text()) {
        if (c == ' ') {
            out += "%20";
        } else if (c == '%') {
            out += "%25";
        } else {
            out += c;
        }
    }
}

inline void put_uint(std::string& out, std::uint64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

inline void put_double(std::string& out, double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest form that reads back exactly
    out.append(buf, r.ptr);
}

template <class E>
void put_kv(std::string& out, std::string_view key, E e) {
    out += ' ';
    out += key;
    out += '=';
    out += hsct::id(e);
}

/// The event's data, as " key=value" tokens (WF-LOG-002).
inline void put_data(std::string& out, const episode_record& r) {
    switch (r.event) {
        case episode_event::complete_evaluation:
            out += " hct_ci=";
            put_uint(out, static_cast<std::uint64_t>(r.evaluation.hct_ci.value()));
            put_kv(out, "hct_ci_risk", r.evaluation.hct_ci_risk);
            out += " kps=";
            put_uint(out, static_cast<std::uint64_t>(r.evaluation.karnofsky.value()));
            break;
        case episode_event::select_donor:
            put_kv(out, "donor", r.donor.kind);
            out += " match=";
            put_uint(out, r.donor.matched);
            out += '/';
            put_uint(out, r.donor.out_of);
            break;
        case episode_event::start_conditioning:
            put_kv(out, "intensity", r.conditioning.intensity);
            out += " planned_day0=";
            put_date(out, r.conditioning.planned_day0);
            break;
        case episode_event::collect_product:
        case episode_event::infuse:
            out += " din=";
            if (r.product.product) {
                out += r.product.product->text();
            }
            put_kv(out, "custody", r.product.custody);
            out += " cd34=";
            put_double(out, r.product.cd34.in(units::e6_per_kg));
            break;
        case episode_event::acute_gvhd: put_kv(out, "grade", r.gvhd.acute); break;
        case episode_event::chronic_gvhd:
            put_kv(out, "severity", r.gvhd.chronic);
            out += r.gvhd.systemic_therapy ? " systemic=yes" : " systemic=no";
            break;
        case episode_event::death: put_kv(out, "cause", r.cause); break;
        default: break;
    }
}

/// The two header lines (without a final newline).
inline std::string header_text(const log_header& h, int version) {
    std::string s(magic);
    s += ' ';
    put_uint(s, static_cast<std::uint64_t>(version));
    s += "\nepisode id=";
    put_id(s, h.episode);
    put_kv(s, "kind", h.kind);
    s += " referred=";
    put_time(s, h.referred_at);
    return s;
}

/// An entry's line up to " prev=": number, event, times, who, data.
inline void entry_body(std::string& out, std::size_t number, const episode_record& r, int version) {
    put_uint(out, number);
    out += ' ';
    out += hsct::id(r.event);
    out += " at=";
    put_time(out, r.at);
    if (version >= 2) {
        out += " recorded=";
        put_time(out, r.recorded_at);
    }
    out += " by=";
    put_id(out, r.by);
    put_data(out, r);
}

inline void put_hex(std::string& out, const sha256_digest& d) {
    static constexpr char digits[] = "0123456789abcdef";
    for (const std::uint8_t b : d) {
        out += digits[b >> 4U];
        out += digits[b & 15U];
    }
}

[[nodiscard]] inline std::span<const std::uint8_t> bytes_of(std::string_view s) noexcept {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};  // NOLINT: bytes of text
}

/// The MACs of one log (WF-LOG-004): HMAC-SHA-256 under the integrator's key, or none.
class keyed_mac {
public:
    explicit keyed_mac(std::span<const std::uint8_t> key) noexcept : key_(key), empty_(key.empty()) {}
    [[nodiscard]] sha256_digest mac(std::string_view line) const noexcept { return key_.mac(line); }
    [[nodiscard]] bool empty() const noexcept { return empty_; }

private:
    hmac_sha256_key key_;
    bool empty_ = true;
};

// ---- reading -------------------------------------------------------------------------------

/// Splits at the first space: the token and the rest (without the space).
[[nodiscard]] constexpr std::string_view next_token(std::string_view& rest) noexcept {
    const auto sp = rest.find(' ');
    const std::string_view tok = rest.substr(0, sp);
    rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
    return tok;
}

/// "key=value" with the expected key: the value, or nothing.
[[nodiscard]] constexpr std::optional<std::string_view> value_of(std::string_view token, std::string_view key) noexcept {
    if (token.size() <= key.size() || token.substr(0, key.size()) != key || token[key.size()] != '=') {
        return std::nullopt;
    }
    return token.substr(key.size() + 1);
}

/// A decimal number without sign or leading zeros, up to 20 digits and 2^64 - 1.
[[nodiscard]] inline std::optional<std::uint64_t> read_uint(std::string_view t) noexcept {
    if (t.empty() || t.size() > 20 || (t.size() > 1 && t[0] == '0')) {
        return std::nullopt;
    }
    std::uint64_t v = 0;
    const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (r.ec != std::errc{} || r.ptr != t.data() + t.size()) {
        return std::nullopt;
    }
    return v;
}

[[nodiscard]] constexpr int digit(char c) noexcept { return c >= '0' && c <= '9' ? c - '0' : -1; }

/// "YYYY-MM-DD" from position 0: a real calendar date 1900-2199 (2023-02-29 is not).
[[nodiscard]] constexpr std::optional<sys_days> read_ymd(std::string_view t) noexcept {
    if (t.size() < 10 || t[4] != '-' || t[7] != '-') {
        return std::nullopt;
    }
    int v[8] = {};
    constexpr std::size_t at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (std::size_t i = 0; i < 8; ++i) {
        v[i] = digit(t[at[i]]);
        if (v[i] < 0) {
            return std::nullopt;
        }
    }
    const int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    const auto ymd = std::chrono::year(y) / std::chrono::month(static_cast<unsigned>(v[4] * 10 + v[5])) /
                     std::chrono::day(static_cast<unsigned>(v[6] * 10 + v[7]));
    if (y < 1900 || y > 2199 || !ymd.ok()) {
        return std::nullopt;
    }
    return sys_days(ymd);
}

/// "YYYY-MM-DDTHH:MM:SSZ", a real calendar date 1900-2199, 00:00:00-23:59:59.
[[nodiscard]] constexpr std::optional<std::chrono::sys_seconds> read_time(std::string_view t) noexcept {
    if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') {
        return std::nullopt;
    }
    const auto two = [&](std::size_t pos) {
        const int a = digit(t[pos]);
        const int b = digit(t[pos + 1]);
        return a < 0 || b < 0 ? -1 : a * 10 + b;
    };
    const int hh = two(11);
    const int mi = two(14);
    const int ss = two(17);
    const auto d = read_ymd(t);
    if (hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59 || !d) {
        return std::nullopt;
    }
    return std::chrono::sys_seconds(*d) + std::chrono::hours(hh) + std::chrono::minutes(mi) + std::chrono::seconds(ss);
}

[[nodiscard]] constexpr std::optional<sys_days> read_day(std::string_view t) noexcept {
    return t.size() == 10 ? read_ymd(t) : std::nullopt;
}

/// Lower-case hex digits only (one canonical form): the digit's value, or 16.
inline constexpr auto hex_values = [] {
    std::array<std::uint8_t, 256> t{};
    for (auto& v : t) {
        v = 16;
    }
    for (int c = '0'; c <= '9'; ++c) {
        t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - '0');
    }
    for (int c = 'a'; c <= 'f'; ++c) {
        t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - 'a' + 10);
    }
    return t;
}();

[[nodiscard]] inline std::optional<sha256_digest> read_hex(std::string_view t) noexcept {
    if (t.size() != 64) {
        return std::nullopt;
    }
    sha256_digest d{};
    unsigned bad = 0;
    for (std::size_t i = 0; i < 32; ++i) {
        const unsigned hi = hex_values[static_cast<unsigned char>(t[2 * i])];
        const unsigned lo = hex_values[static_cast<unsigned char>(t[2 * i + 1])];
        bad |= (hi | lo) & 16U;
        d[i] = static_cast<std::uint8_t>((hi << 4U) | (lo & 15U));
    }
    if (bad != 0) {
        return std::nullopt;
    }
    return d;
}

/// A percent-encoded identifier: only %20 and %25 are escapes; a bare space or '%' is not read.
[[nodiscard]] inline std::optional<actor_id> read_id(std::string_view t) {
    if (t.find('%') == std::string_view::npos) {  // nothing escaped: the text as it is
        auto id = actor_id::make(t);
        return id ? std::optional<actor_id>(*id) : std::nullopt;
    }
    std::string plain;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '%') {
            const std::string_view esc = t.substr(i, 3);
            if (esc == "%20") {
                plain += ' ';
            } else if (esc == "%25") {
                plain += '%';
            } else {
                return std::nullopt;
            }
            i += 2;
        } else {
            plain += t[i];
        }
    }
    auto id = actor_id::make(plain);
    return id ? std::optional<actor_id>(*id) : std::nullopt;
}

template <class E>
[[nodiscard]] std::optional<E> read_enum(std::string_view t) {
    for (const E e : hsct::values<E>()) {
        if (hsct::id(e) == t) {
            return e;
        }
    }
    return std::nullopt;
}

/// The event's data from its tokens; false if they are not exactly what the writer writes.
[[nodiscard]] inline bool read_data(std::string_view& rest, episode_record& r) {
    const auto kv = [&](std::string_view key) { return value_of(next_token(rest), key); };
    switch (r.event) {
        case episode_event::complete_evaluation: {
            const auto h = kv("hct_ci");
            const auto risk = kv("hct_ci_risk");
            const auto k = kv("kps");
            if (!h || !risk || !k) {
                return false;
            }
            const auto hn = read_uint(*h);
            const auto kn = read_uint(*k);
            const auto rg = read_enum<patient::hct_ci_risk_group>(*risk);
            if (!hn || !kn || !rg || *hn > 1000 || *kn > 1000 ||
                !patient::hct_ci_points::accepts(static_cast<std::int64_t>(*hn)) ||
                !patient::karnofsky_score::accepts(static_cast<std::int64_t>(*kn))) {
                return false;
            }
            r.evaluation.hct_ci = *patient::hct_ci_points::make(static_cast<std::int64_t>(*hn));
            r.evaluation.karnofsky = *patient::karnofsky_score::make(static_cast<std::int64_t>(*kn));
            r.evaluation.hct_ci_risk = *rg;
            return true;
        }
        case episode_event::select_donor: {
            const auto k = kv("donor");
            const auto m = kv("match");
            if (!k || !m) {
                return false;
            }
            const auto kind = read_enum<donor::donor_kind>(*k);
            const auto slash = m->find('/');
            if (!kind || slash == std::string_view::npos) {
                return false;
            }
            const auto a = read_uint(m->substr(0, slash));
            const auto b = read_uint(m->substr(slash + 1));
            if (!a || !b || *a > 255 || *b > 255) {
                return false;
            }
            r.donor = donor_data{*kind, static_cast<std::uint8_t>(*a), static_cast<std::uint8_t>(*b)};
            return true;
        }
        case episode_event::start_conditioning: {
            const auto i = kv("intensity");
            const auto p = kv("planned_day0");
            if (!i || !p) {
                return false;
            }
            const auto intensity = read_enum<conditioning::conditioning_intensity>(*i);
            const auto day = read_day(*p);
            if (!intensity || !day) {
                return false;
            }
            r.conditioning = conditioning_data{*intensity, *day};
            return true;
        }
        case episode_event::collect_product:
        case episode_event::infuse: {
            const auto d = kv("din");
            const auto c = kv("custody");
            const auto dose = kv("cd34");
            if (!d || !c || !dose || d->size() != 13) {
                return false;
            }
            auto product = graft::parse_din(*d);
            const auto custody = read_enum<graft::custody_state>(*c);
            double v = 0.0;
            const auto res = std::from_chars(dose->data(), dose->data() + dose->size(), v);
            if (!product || product->text() != *d || !custody || res.ec != std::errc{} ||
                res.ptr != dose->data() + dose->size()) {
                return false;
            }
            std::string again;
            put_double(again, v);
            if (again != *dose) {
                return false;  // one canonical spelling of the number
            }
            r.product = product_data{*product, *custody, cell_dose(v, units::e6_per_kg)};
            return true;
        }
        case episode_event::acute_gvhd: {
            const auto g = kv("grade");
            const auto grade = g ? read_enum<follow_up::acute_gvhd_grade>(*g) : std::nullopt;
            if (!grade) {
                return false;
            }
            r.gvhd.acute = *grade;
            return true;
        }
        case episode_event::chronic_gvhd: {
            const auto s = kv("severity");
            const auto sys = kv("systemic");
            const auto sev = s ? read_enum<follow_up::chronic_gvhd_severity>(*s) : std::nullopt;
            if (!sev || !sys || (*sys != "yes" && *sys != "no")) {
                return false;
            }
            r.gvhd.chronic = *sev;
            r.gvhd.systemic_therapy = *sys == "yes";
            return true;
        }
        case episode_event::death: {
            const auto c = kv("cause");
            const auto cause = c ? read_enum<follow_up::death_cause>(*c) : std::nullopt;
            if (!cause) {
                return false;
            }
            r.cause = *cause;
            return true;
        }
        default: return true;
    }
}

/// Reads the log into `out` (if given), checking everything; the first problem stops it.
template <class = void>
log_check read(std::string_view text, const log_read_options& opt, std::optional<episode_log>* out) {
    log_check check;
    std::size_t line_no = 0;
    const auto fail = [&](log_fault f, std::size_t entry, std::string detail, const char* req) {
        check.problem = log_problem{f, entry, line_no, std::move(detail), std::nullopt, req};
        return check;
    };
    // Lines, LF or CRLF; a final newline is optional.
    const auto next_line = [&](std::string_view& rest, std::string_view& line) {
        if (rest.empty()) {
            return false;
        }
        const auto nl = rest.find('\n');
        line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        ++line_no;
        return true;
    };
    std::string_view rest = text;
    std::string_view l1;
    std::string_view l2;
    if (!next_line(rest, l1)) {
        return fail(log_fault::syntax, 0, "empty: no version line", "WF-LOG-002");
    }
    {
        std::string_view t = l1;
        const auto m = next_token(t);
        const auto v = read_uint(t);
        if (m != magic || !v) {
            return fail(log_fault::syntax, 0, "the first line is not 'hsct-episode-log <version>'", "WF-LOG-002");
        }
        if (*v < 1 || *v > static_cast<std::uint64_t>(episode_log_version)) {
            return fail(log_fault::unsupported_version, 0,
                        hsct::detail::concat({"version ", t, "; this reader reads 1 to 2"}), "WF-LOG-006");
        }
        check.version = static_cast<int>(*v);
    }
    const int version = check.version;
    if (!next_line(rest, l2)) {
        return fail(log_fault::truncated, 0, "no episode line", "WF-LOG-003");
    }
    log_header h;
    {
        std::string_view t = l2;
        const auto word = next_token(t);
        const auto idv = value_of(next_token(t), "id");
        const auto kv = value_of(next_token(t), "kind");
        const auto rv = value_of(next_token(t), "referred");
        const auto id = idv ? read_id(*idv) : std::nullopt;
        const auto kind = kv ? read_enum<transplant_kind>(*kv) : std::nullopt;
        const auto ref = rv ? read_time(*rv) : std::nullopt;
        if (word != "episode" || !id || !kind || !ref || !t.empty()) {
            return fail(log_fault::syntax, 0, "the episode line is not 'episode id=... kind=... referred=...'",
                        "WF-LOG-002");
        }
        h = log_header{*id, *kind, *ref};
    }
    if (l1.size() + l2.size() + 1 > max_line) {
        return fail(log_fault::syntax, 0, "header over 4096 bytes", "WF-LOG-007");
    }
    sha256_hasher hasher;
    hasher.update(l1);
    hasher.update(std::string_view("\n"));
    hasher.update(l2);
    sha256_digest prev = hasher.finish();
    const bool keyed = !opt.key.bytes.empty();
    const keyed_mac macs(opt.key.bytes);
    check.macs_checked = keyed;

    std::optional<episode_log> built;
    built.emplace(h);
    // Room for every entry at once (an entry line is over 100 bytes, so a hostile text of bare
    // newlines cannot make this reserve more than about its own size).
    const auto newlines = static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '\n'));
    built->reserve(std::min(newlines, rest.size() / 100U));
    std::string_view line;
    std::size_t n = 0;
    bool ended = false;
    while (next_line(rest, line)) {
        if (ended) {
            return fail(log_fault::after_end, n, "a line after the end line", "WF-LOG-003");
        }
        if (line.size() > max_line) {
            return fail(log_fault::syntax, n + 1, "a line over 4096 bytes", "WF-LOG-007");
        }
        // Split off the MAC (version 2).
        std::string_view body = line;
        std::optional<sha256_digest> mac;
        // A MAC is the last 69 characters (" mac=" and 64 hex digits), or the line has none.
        const auto mpos = line.size() >= 69 && line.substr(line.size() - 69, 5) == " mac=" ? line.size() - 69
                          : line.find(" mac=") != std::string_view::npos             ? line.find(" mac=")
                                                                                      : std::string_view::npos;
        if (mpos != std::string_view::npos) {
            if (version < 2) {
                return fail(log_fault::syntax, n + 1, "a MAC in a version 1 log", "WF-LOG-006");
            }
            mac = read_hex(line.substr(mpos + 5));
            if (!mac) {
                return fail(log_fault::syntax, n + 1, "a MAC that is not 64 lower-case hex digits", "WF-LOG-002");
            }
            body = line.substr(0, mpos);
        }
        std::string_view t = body;
        const auto first = next_token(t);
        if (first == "end") {
            const auto en = value_of(next_token(t), "entries");
            const auto hd = value_of(next_token(t), "head");
            const auto count = en ? read_uint(*en) : std::nullopt;
            const auto head = hd ? read_hex(*hd) : std::nullopt;
            if (!count || !head || !t.empty()) {
                return fail(log_fault::syntax, 0, "the end line is not 'end entries=<n> head=<sha256>'", "WF-LOG-002");
            }
            if (*count != n) {
                return fail(log_fault::truncated, 0,
                            hsct::detail::concat({"the end line states ", *en, " entries; ",
                                                  std::to_string(n), " were read"}),
                            "WF-LOG-003");
            }
            if (!digest_equal(*head, prev)) {
                return fail(log_fault::head_mismatch, n, "the end line's hash is not the last entry's: it was changed",
                            "WF-LOG-003");
            }
            if (keyed) {
                if (!mac) {
                    return fail(log_fault::mac_missing, 0, "the end line has no MAC", "WF-LOG-004");
                }
                if (!digest_equal(*mac, macs.mac(body))) {
                    return fail(log_fault::mac_mismatch, 0, "the end line's MAC does not match", "WF-LOG-004");
                }
            }
            ended = true;
            continue;
        }
        const std::size_t expected = n + 1;
        const auto number = read_uint(first);
        if (!number) {
            return fail(log_fault::syntax, expected, "an entry line does not start with its number", "WF-LOG-002");
        }
        if (*number != expected) {
            return fail(log_fault::out_of_sequence, expected,
                        hsct::detail::concat({"entry number ", first, " where ", std::to_string(expected),
                                              " was expected (reordered, inserted or removed)"}),
                        "WF-LOG-003");
        }
        episode_record r;
        const auto ev = read_enum<episode_event>(next_token(t));
        const auto at = value_of(next_token(t), "at");
        const auto at_t = at ? read_time(*at) : std::nullopt;
        std::optional<std::chrono::sys_seconds> rec_t = at_t;
        if (version >= 2) {
            const auto rec = value_of(next_token(t), "recorded");
            rec_t = rec ? read_time(*rec) : std::nullopt;
        }
        const auto by = value_of(next_token(t), "by");
        const auto who = by ? read_id(*by) : std::nullopt;
        if (!ev || !at_t || !rec_t || !who) {
            return fail(log_fault::syntax, expected, "an entry's event, times or author cannot be read", "WF-LOG-002");
        }
        r.event = *ev;
        r.at = *at_t;
        r.recorded_at = *rec_t;
        r.by = *who;
        if (!read_data(t, r)) {
            return fail(log_fault::syntax, expected,
                        hsct::detail::concat({"the data of a ", hsct::id(r.event), " entry cannot be read"}),
                        "WF-LOG-002");
        }
        const auto pv = value_of(next_token(t), "prev");
        const auto p = pv ? read_hex(*pv) : std::nullopt;
        if (!p || !t.empty()) {
            return fail(log_fault::syntax, expected, "an entry does not end with prev=<sha256>", "WF-LOG-002");
        }
        if (!digest_equal(*p, prev)) {
            return fail(log_fault::broken_link, expected,
                        expected == 1 ? std::string("the header's hash does not match: the header was changed")
                                      : hsct::detail::concat({"entry ", std::to_string(n),
                                                              "'s hash does not match: entry ", std::to_string(n),
                                                              " (or this link) was changed, or an entry was inserted or removed"}),
                        "WF-LOG-003");
        }
        if (keyed) {
            if (!mac) {
                return fail(log_fault::mac_missing, expected, "an entry has no MAC", "WF-LOG-004");
            }
            if (!digest_equal(*mac, macs.mac(body))) {
                return fail(log_fault::mac_mismatch, expected,
                            "the MAC does not match: the entry was changed, or the key is not the writer's",
                            "WF-LOG-004");
            }
        }
        if (auto rejected = built->append(r)) {
            check.problem = log_problem{log_fault::refused, expected, line_no,
                                        hsct::detail::concat({"the episode machine refuses it: ",
                                                              hsct::label(rejected->reason)}),
                                        rejected, "WF-LOG-005"};
            return check;
        }
        prev = sha256(body);
        n = expected;
        check.entries = n;
    }
    if (!ended) {
        return fail(log_fault::truncated, n,
                    hsct::detail::concat({"no end line after entry ", std::to_string(n), ": the log was cut short"}),
                    "WF-LOG-003");
    }
    if (out != nullptr) {
        *out = std::move(built);
    }
    return check;
}

}  // namespace detail::log_text

/// WF-LOG-002..004: the log as text, in the current version, with MACs if a key is given. Ends
/// with a newline.
template <class = void>
[[nodiscard]] std::string write_episode_log(const episode_log& log, const log_write_options& opt = {}) {
    namespace t = detail::log_text;
    std::string out = t::header_text(log.header(), episode_log_version);
    out.reserve(out.size() + 170U * (log.records().size() + 1U));
    sha256_hasher hasher;
    hasher.update(std::string_view(out));
    sha256_digest prev = hasher.finish();
    out += '\n';
    const t::keyed_mac macs(opt.key.bytes);
    std::string line;
    const auto finish_line = [&](std::string& l) {
        if (!macs.empty()) {
            const auto mac = macs.mac(l);
            l += " mac=";
            t::put_hex(l, mac);
        }
        out += l;
        out += '\n';
    };
    std::size_t n = 0;
    for (const auto& r : log.records()) {
        line.clear();
        t::entry_body(line, ++n, r, episode_log_version);
        line += " prev=";
        t::put_hex(line, prev);
        prev = sha256(std::string_view(line));
        finish_line(line);
    }
    line = "end entries=";
    t::put_uint(line, n);
    line += " head=";
    t::put_hex(line, prev);
    finish_line(line);
    return out;
}

/// WF-LOG-002..007: checks a log's text (format, chain, MACs under the key, end line, and the
/// machine's replay) and reports the first problem with its entry and line.
template <class = void>
[[nodiscard]] log_check verify_episode_log(std::string_view text, const log_read_options& opt = {}) {
    return detail::log_text::read(text, opt, nullptr);
}

/// WF-LOG-002..007: the log read from its text, every check passed, its state replayed; or an
/// error naming the entry (field "log.entry[n]", 0 for the header or end line), the line and
/// what failed (the requirement ID says which check).
template <class = void>
[[nodiscard]] result<episode_log> read_episode_log(std::string_view text, const log_read_options& opt = {}) {
    std::optional<episode_log> log;
    log_check c = detail::log_text::read(text, opt, &log);
    if (c.problem) {
        const auto& p = *c.problem;
        const errc code = p.fault == log_fault::syntax || p.fault == log_fault::unsupported_version ? errc::syntax
                          : p.fault == log_fault::refused                                              ? errc::not_allowed
                                                                                                       : errc::inconsistent;
        return error(code, hsct::detail::concat({"log.entry[", std::to_string(p.entry), "]"}),
                     hsct::detail::concat({"line ", std::to_string(p.line), ": ", hsct::label(p.fault), ": ", p.detail}),
                     "a log as write_episode_log writes it, unchanged", p.requirement);
    }
    return std::move(*log);
}

}  // namespace hsct::workflow

#endif  // HSCT_WORKFLOW_EPISODE_LOG_HPP
