// Tests for include/hsct/workflow/episode_log.hpp: the append-only log, its text format, the
// hash chain and MACs (edit, reorder, insert, truncate, wrong key, each reported with its
// entry), replay on load equal to the live state, version 1 still read, hostile text refused.
#include <hsct/workflow/episode_log.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include "workflow/episode_fixture.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_workflow_episode_log_test {

namespace w = hsct::workflow;
using namespace hsct_test_workflow_fixture;
using E = w::episode_event;
using K = w::transplant_kind;
using F = w::log_fault;

const std::vector<std::uint8_t> key = {'c', 'l', 'i', 'n', 'i', 'c', '-', 's', 'e', 'c', 'r', 'e', 't'};
const std::vector<std::uint8_t> other_key = {'n', 'o', 't', '-', 'i', 't'};

w::log_header header(K kind) { return w::log_header{*w::actor_id::make("EP 2025/001"), kind, referral}; }

/// The allogeneic journey with every kind of data, one late entry, and an end.
w::episode_log allo_log() {
    w::episode_log log(header(K::allogeneic));
    auto records = journey(K::allogeneic, {E::platelet_engraftment, E::acute_gvhd, E::chronic_gvhd, E::follow_up_visit,
                                           E::relapse, E::death});
    records[4] = records[4].recorded(records[4].at + std::chrono::hours(50));  // a late entry
    for (const auto& r : records) {
        REQUIRE_FALSE(log.append(r));
    }
    return log;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
        out.push_back(l);
    }
    return out;
}
std::string join(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) {
        s += l;
        s += '\n';
    }
    return s;
}
std::string hex(const hsct::workflow::sha256_digest& d) { return w::to_hex(d); }

/// Recomputes every link and the end line (no MACs): what someone without a key can do.
std::string rechain(std::vector<std::string> lines) {
    std::string prev = hex(w::sha256(lines[0] + "\n" + lines[1]));
    for (std::size_t i = 2; i < lines.size(); ++i) {
        auto& l = lines[i];
        if (l.rfind("end ", 0) == 0) {
            l = "end entries=" + std::to_string(i - 2) + " head=" + prev;
            break;
        }
        l = l.substr(0, l.find(" prev=")) + " prev=" + prev;
        prev = hex(w::sha256(l));
    }
    return join(lines);
}

w::log_check check(const std::string& text, const std::vector<std::uint8_t>& k = {}) {
    return w::verify_episode_log(text, w::log_read_options{w::log_key{k}});
}

TEST_CASE("the log keeps only accepted events and folds to the live state", "[workflow][WF-LOG-001]") {
    w::episode_log log(header(K::allogeneic));
    CHECK(log.state() == w::start_episode(K::allogeneic, referral));
    const auto no = log.append(well_formed(log.state(), E::admit));
    REQUIRE(no.has_value());
    CHECK(log.records().empty());
    auto full = allo_log();
    CHECK(full.state().state == w::episode_state::died);
    const auto again = w::replay(full);
    CHECK_FALSE(again.refused_at.has_value());
    CHECK(again.state == full.state());
}

TEST_CASE("write then read gives the same log, state and text", "[workflow][WF-LOG-002][WF-LOG-005]") {
    for (const bool keyed : {false, true}) {
        CAPTURE(keyed);
        for (const auto& log : {allo_log(), [] {
                                    w::episode_log a(header(K::autologous));
                                    for (const auto& r : journey(K::autologous, {E::platelet_engraftment, E::lose_to_follow_up})) {
                                        (void)a.append(r);
                                    }
                                    return a;
                                }()}) {
            const w::log_write_options wo{w::log_key{keyed ? std::span<const std::uint8_t>(key) : std::span<const std::uint8_t>{}}};
            const std::string text = w::write_episode_log(log, wo);
            const auto back = w::read_episode_log(text, w::log_read_options{wo.key});
            REQUIRE(back.has_value());
            CHECK(back->header() == log.header());
            CHECK(back->records() == log.records());
            CHECK(back->state() == log.state());  // replay equals live
            CHECK(w::write_episode_log(*back, wo) == text);
            const auto c = check(text, keyed ? key : std::vector<std::uint8_t>{});
            CHECK(c.ok());
            CHECK(c.version == 2);
            CHECK(c.entries == log.records().size());
            CHECK(c.macs_checked == keyed);
            // CRLF line ends read the same.
            std::string crlf;
            for (const char ch : text) {
                crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
            }
            const auto b2 = w::read_episode_log(crlf, w::log_read_options{wo.key});
            REQUIRE(b2.has_value());
            CHECK(b2->state() == log.state());
        }
    }
}

TEST_CASE("the text format as documented", "[workflow][WF-LOG-002][WF-LOG-003][WF-HASH-001]") {
    w::episode_log log(header(K::allogeneic));
    REQUIRE_FALSE(log.append(well_formed(log.state(), E::begin_evaluation)));
    REQUIRE_FALSE(log.append(well_formed(log.state(), E::complete_evaluation)));
    const auto lines = lines_of(w::write_episode_log(log));
    REQUIRE(lines.size() == 5U);
    CHECK(lines[0] == "hsct-episode-log 2");
    CHECK(lines[1] == "episode id=EP%202025/001 kind=allogeneic referred=2025-01-06T09:00:00Z");
    const std::string h0 = hex(w::sha256(lines[0] + "\n" + lines[1]));
    CHECK(lines[2] == "1 begin_evaluation at=2025-01-07T09:00:00Z recorded=2025-01-07T09:00:00Z by=dr.ayla prev=" + h0);
    const std::string h1 = hex(w::sha256(lines[2]));
    CHECK(lines[3] == "2 complete_evaluation at=2025-01-08T09:00:00Z recorded=2025-01-08T09:00:00Z by=dr.ayla "
                      "hct_ci=3 hct_ci_risk=high kps=90 prev=" + h1);
    CHECK(lines[4] == "end entries=2 head=" + hex(w::sha256(lines[3])));
    // With a key: each line's MAC is HMAC-SHA-256 of the line before " mac=".
    const auto keyed = lines_of(w::write_episode_log(log, w::log_write_options{w::log_key{key}}));
    REQUIRE(keyed.size() == 5U);
    const std::string body = lines[2];
    const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(body.data()), body.size());
    CHECK(keyed[2] == body + " mac=" + hex(w::hmac_sha256(key, bytes)));
}

TEST_CASE("every kind of event data is written and read back", "[workflow][WF-LOG-002][WF-EP-005]") {
    const auto text = w::write_episode_log(allo_log());
    for (const char* token : {" donor=matched_unrelated match=8/8", " intensity=myeloablative planned_day0=",
                              " din=A999921123456 custody=verified_at_bedside cd34=5.2", " grade=grade_2",
                              " severity=moderate systemic=no", " cause=non_relapse"}) {
        CAPTURE(token);
        CHECK(text.find(token) != std::string::npos);
    }
    w::episode_log a(header(K::autologous));
    for (const auto& r : journey(K::autologous)) {
        REQUIRE_FALSE(a.append(r));
    }
    const auto at = w::write_episode_log(a);
    CHECK(at.find(" collect_product ") != std::string::npos);
    CHECK(at.find(" din=A999921123456 custody=collected cd34=5.2") != std::string::npos);
    CHECK(w::read_episode_log(at)->state() == a.state());
}

TEST_CASE("an edited entry is found: at the next link without a key, at the entry with one", "[workflow][WF-LOG-003][WF-LOG-004]") {
    const auto log = allo_log();
    const std::size_t n = log.records().size();
    for (const bool keyed : {false, true}) {
        const std::string text = w::write_episode_log(log, w::log_write_options{w::log_key{keyed ? std::span<const std::uint8_t>(key) : std::span<const std::uint8_t>{}}});
        auto lines = lines_of(text);
        for (std::size_t k = 1; k <= n; ++k) {  // entry k is line k + 2 (1-based)
            CAPTURE(keyed, k);
            auto edited = lines;
            auto& l = edited[k + 1];
            l[l.find(" by=") + 4] = 'D';  // who recorded it: "dr.ayla" becomes "Dr.ayla"
            const auto c = check(join(edited), keyed ? key : std::vector<std::uint8_t>{});
            REQUIRE(c.problem.has_value());
            if (keyed) {
                CHECK(c.problem->fault == F::mac_mismatch);
                CHECK(c.problem->entry == k);
                CHECK(std::string_view(c.problem->requirement) == "WF-LOG-004");
            } else if (k < n) {
                CHECK(c.problem->fault == F::broken_link);
                CHECK(c.problem->entry == k + 1);
                CHECK(c.problem->detail.find("entry " + std::to_string(k) + "'s hash") != std::string::npos);
            } else {
                CHECK(c.problem->fault == F::head_mismatch);
                CHECK(c.problem->entry == n);
            }
            CHECK(c.problem->line == (keyed ? k + 2 : k + 3));
        }
    }
}

TEST_CASE("a reordered, inserted or removed entry is found", "[workflow][WF-LOG-003]") {
    const auto lines = lines_of(w::write_episode_log(allo_log()));
    SECTION("two entries swapped") {
        auto x = lines;
        std::swap(x[5], x[6]);  // entries 4 and 5
        const auto c = check(join(x));
        REQUIRE(c.problem.has_value());
        CHECK(c.problem->fault == F::out_of_sequence);
        CHECK(c.problem->entry == 4U);
    }
    SECTION("two entries swapped and renumbered") {
        auto x = lines;
        std::swap(x[5], x[6]);
        x[5].replace(0, 1, "4");
        x[6].replace(0, 1, "5");
        const auto c = check(join(x));
        REQUIRE(c.problem.has_value());
        CHECK(c.problem->fault == F::broken_link);
        CHECK(c.problem->entry == 4U);
    }
    SECTION("an entry inserted (a copy of another)") {
        auto x = lines;
        x.insert(x.begin() + 6, x[5]);
        const auto c = check(join(x));
        REQUIRE(c.problem.has_value());
        CHECK(c.problem->fault == F::out_of_sequence);
        CHECK(c.problem->entry == 5U);
    }
    SECTION("an entry removed") {
        auto x = lines;
        x.erase(x.begin() + 5);
        const auto c = check(join(x));
        REQUIRE(c.problem.has_value());
        CHECK(c.problem->fault == F::out_of_sequence);
        CHECK(c.problem->entry == 4U);
    }
    SECTION("the header changed") {
        auto x = lines;
        x[1].replace(x[1].find("allogeneic"), 10, "autologous");
        const auto c = check(join(x));
        REQUIRE(c.problem.has_value());
        CHECK(c.problem->fault == F::broken_link);
        CHECK(c.problem->entry == 1U);
    }
}

TEST_CASE("a truncated log is found", "[workflow][WF-LOG-003][WF-LOG-004]") {
    const auto log = allo_log();
    const std::size_t n = log.records().size();
    const auto lines = lines_of(w::write_episode_log(log));
    SECTION("the end line removed") {
        auto x = lines;
        x.pop_back();
        const auto c = check(join(x));
        REQUIRE(c.problem.has_value());
        CHECK(c.problem->fault == F::truncated);
        CHECK(c.problem->entry == n);
    }
    SECTION("the last two entries and the end line removed") {
        auto x = lines;
        x.resize(x.size() - 3);
        const auto c = check(join(x));
        REQUIRE(c.problem.has_value());
        CHECK(c.problem->fault == F::truncated);
        CHECK(c.problem->entry == n - 2);
    }
    SECTION("the last entry removed, the end line kept") {
        auto x = lines;
        x.erase(x.end() - 2);
        const auto c = check(join(x));
        REQUIRE(c.problem.has_value());
        CHECK(c.problem->fault == F::truncated);
    }
    SECTION("cut in the middle of a line") {
        const auto text = join(lines);
        const auto c = check(text.substr(0, text.size() / 2));
        REQUIRE(c.problem.has_value());
        CHECK((c.problem->fault == F::syntax || c.problem->fault == F::truncated));
    }
    SECTION("with a key, a tail removed and the end line rewritten is still found") {
        auto x = lines_of(w::write_episode_log(log, w::log_write_options{w::log_key{key}}));
        x.pop_back();
        x.pop_back();
        const std::string last = x.back().substr(0, x.back().find(" mac="));
        x.push_back("end entries=" + std::to_string(n - 1) + " head=" + hex(w::sha256(last)));  // no MAC: no key
        const auto c = check(join(x), key);
        REQUIRE(c.problem.has_value());
        CHECK(c.problem->fault == F::mac_missing);
        CHECK(c.problem->entry == 0U);
        CHECK(check(join(x)).ok());  // without the key the chain alone cannot tell (docs: limits)
    }
}

TEST_CASE("MACs: the wrong key, no key, and stripped MACs", "[workflow][WF-LOG-004]") {
    const auto log = allo_log();
    const auto keyed = w::write_episode_log(log, w::log_write_options{w::log_key{key}});
    const auto wrong = check(keyed, other_key);
    REQUIRE(wrong.problem.has_value());
    CHECK(wrong.problem->fault == F::mac_mismatch);
    CHECK(wrong.problem->entry == 1U);
    const auto no_key = check(keyed);
    CHECK(no_key.ok());
    CHECK_FALSE(no_key.macs_checked);
    const auto plain = w::write_episode_log(log);
    const auto need = check(plain, key);
    REQUIRE(need.problem.has_value());
    CHECK(need.problem->fault == F::mac_missing);
    CHECK(need.problem->entry == 1U);
    // An empty log's MAC is on its end line.
    const auto empty = w::write_episode_log(w::episode_log(header(K::allogeneic)), w::log_write_options{w::log_key{key}});
    CHECK(check(empty, key).ok());
    const auto e2 = check(empty, other_key);
    REQUIRE(e2.problem.has_value());
    CHECK(e2.problem->fault == F::mac_mismatch);
    CHECK(e2.problem->entry == 0U);
}

TEST_CASE("a consistent chain the machine refuses is an error naming the entry", "[workflow][WF-LOG-005]") {
    auto lines = lines_of(w::write_episode_log(allo_log()));
    // Entry 3 (select_donor) removed and the rest renumbered and re-chained: the chain verifies,
    // the machine refuses clear_donor (now entry 3) in donor_search.
    lines.erase(lines.begin() + 4);
    for (std::size_t i = 4; i + 1 < lines.size(); ++i) {
        lines[i] = std::to_string(i - 1) + lines[i].substr(lines[i].find(' '));
    }
    const auto text = rechain(lines);
    const auto c = check(text);
    REQUIRE(c.problem.has_value());
    CHECK(c.problem->fault == F::refused);
    CHECK(c.problem->entry == 3U);
    REQUIRE(c.problem->rejection.has_value());
    CHECK(c.problem->rejection->reason == w::episode_refusal::not_allowed_here);
    CHECK(c.problem->rejection->state == w::episode_state::donor_search);
    const auto r = w::read_episode_log(text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "log.entry[3]");
    CHECK(r.error().requirement() == "WF-LOG-005");
    CHECK(r.error().code() == hsct::errc::not_allowed);
}

TEST_CASE("read_episode_log's error names the entry, the line and the check", "[workflow][WF-LOG-003]") {
    auto lines = lines_of(w::write_episode_log(allo_log()));
    lines[6][lines[6].find("by=") + 3] = 'X';
    const auto r = w::read_episode_log(join(lines));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "log.entry[6]");
    CHECK(r.error().code() == hsct::errc::inconsistent);
    CHECK(r.error().requirement() == "WF-LOG-003");
    CHECK(r.error().value().find("line 8") == 0U);
}

TEST_CASE("version 1 logs are still read; an unknown version is refused", "[workflow][WF-LOG-006]") {
    std::ifstream f(HSCT_SOURCE_DIR "/tests/data/workflow/episode_v1.log", std::ios::binary);
    REQUIRE(f.good());
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string v1 = ss.str();
    const auto c = check(v1);
    CHECK(c.ok());
    CHECK(c.version == 1);
    const auto back = w::read_episode_log(v1);
    REQUIRE(back.has_value());
    // The same journey as allo_log(), which version 1 cannot say was entered late.
    auto live = allo_log();
    CHECK(back->state() == live.state());
    REQUIRE(back->records().size() == live.records().size());
    for (std::size_t i = 0; i < live.records().size(); ++i) {
        CHECK(back->records()[i].recorded_at == back->records()[i].at);
    }
    // Rewritten, it is a version 2 log of the same state.
    const auto v2 = w::write_episode_log(*back);
    CHECK(v2.rfind("hsct-episode-log 2\n", 0) == 0U);
    CHECK(w::read_episode_log(v2)->state() == live.state());
    // A MAC has no place in version 1; a version 3 is not read.
    auto lines = lines_of(v1);
    auto with_mac = lines;
    with_mac[2] += " mac=" + std::string(64, 'a');
    CHECK(check(join(with_mac)).problem->fault == F::syntax);
    auto v3 = lines;
    v3[0] = "hsct-episode-log 3";
    const auto c3 = check(join(v3));
    REQUIRE(c3.problem.has_value());
    CHECK(c3.problem->fault == F::unsupported_version);
    CHECK(std::string_view(c3.problem->requirement) == "WF-LOG-006");
}

TEST_CASE("hostile text is an error naming the line, never a crash", "[workflow][WF-LOG-007]") {
    const auto text = w::write_episode_log(allo_log());
    const auto lines = lines_of(text);
    const auto fault_of = [](const std::string& t) {
        const auto c = check(t);
        return c.problem ? std::optional<F>(c.problem->fault) : std::nullopt;
    };
    CHECK(fault_of("") == F::syntax);
    CHECK(fault_of("hsct-episode-log\n") == F::syntax);
    CHECK(fault_of("hsct-episode-log 0\n") == F::unsupported_version);
    CHECK(fault_of("hsct-episode-log 99999999999999999999999\n") == F::syntax);
    CHECK(fault_of(lines[0] + "\n") == F::truncated);
    CHECK(fault_of(lines[0] + "\n" + lines[1] + "\n") == F::truncated);
    CHECK(fault_of(text + "more\n") == F::after_end);
    auto x = lines;
    x[2] = std::string(5000, '1');
    CHECK(fault_of(join(x)) == F::syntax);
    x = lines;
    x[2].replace(0, 1, "01");  // a leading zero
    CHECK(fault_of(join(x)) == F::syntax);
    x = lines;
    for (auto& ch : x[3]) {  // upper-case hex: not the canonical form
        if (ch >= 'a' && ch <= 'f') {
            ch = static_cast<char>(ch - 'a' + 'A');
        }
    }
    CHECK(fault_of(join(x)) == F::syntax);
    x = lines;
    x[3] += " extra=1";
    CHECK(fault_of(join(x)) == F::syntax);
    x = lines;
    x[1].replace(x[1].find("%20"), 3, "%2");
    CHECK(fault_of(join(x)) == F::syntax);
    x = lines;
    const auto d = x[10].find("cd34=5.2");
    if (d != std::string::npos) {
        x[10].replace(d, 8, "cd34=5.20");  // not the shortest spelling
        CHECK(fault_of(join(x)) == F::syntax);
    }
    x = lines;
    x[2].replace(x[2].find("T09:00:00Z"), 10, "T24:00:00Z");
    CHECK(fault_of(join(x)) == F::syntax);
}

}  // namespace hsct_test_workflow_episode_log_test
