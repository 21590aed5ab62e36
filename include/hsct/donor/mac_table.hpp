// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// NMDP multiple allele codes (MACs) with a table the caller supplies (DON-MAC-001): hsct ships
// no MAC table (NMDP publishes it, and it changes often). The table is read in NMDP's published
// format (numer.v3.txt: optional header lines, then "CODE<TAB>SUBTYPE" lines):
//
//   auto macs = hsct::donor::load_mac_table("/data/nmdp/numer.v3.txt");   // result<mac_table>
//   auto names = macs->expand(hsct::donor::parse_hla_name("A*01:AB").value());
//   // result<std::vector<hla_name>>: A*01:01, A*01:02
//
// A generic code lists second fields (AB = 01/02: A*01:AB is A*01:01/A*01:02); an
// allele-specific code lists whole 2-field names and can cross allele groups (BYHR =
// 25:01/26:01: A*25:BYHR is A*25:01/A*26:01). For an allele-specific code the first field
// written must be the one most of its names share (the lowest on a tie), as NMDP defines the
// code; DRB1*07:DFJR for a code of DRB1*15 names is refused. reduce_gl takes a table to reduce
// MAC names inside GL Strings (names the release does not know are left out, as py-ard does).
#ifndef HSCT_DONOR_MAC_TABLE_HPP
#define HSCT_DONOR_MAC_TABLE_HPP

#include <cstddef>
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hsct/core/result.hpp"
#include "hsct/donor/detail/read_file.hpp"
#include "hsct/donor/hla_name.hpp"

namespace hsct::donor {

/// A table of NMDP multiple allele codes: code -> its subtypes, as the file lists them.
class mac_table {
public:
    /// The number of codes.
    [[nodiscard]] std::size_t size() const noexcept { return codes_.size(); }
    /// The subtypes of a code ("01/02", "25:01/26:01") as the file writes them; empty if the
    /// table does not have it.
    [[nodiscard]] std::string_view subtypes(std::string_view code) const {
        const auto* e = find(code);
        return e == nullptr ? std::string_view{} : std::string_view(e->second);
    }

    /// DON-MAC-001: the 2-field names a MAC name stands for, with the name's prefix ("HLA-")
    /// and locus. Errors (field "mac"): not a MAC name (errc::inconsistent); a code the table
    /// does not have (errc::missing); an allele-specific code written under another first field
    /// than the one most of its names share (errc::inconsistent).
    [[nodiscard]] result<std::vector<hla_name>> expand(const hla_name& mac) const {
        if (mac.kind() != hla_name_kind::mac) {
            return error(errc::inconsistent, "mac", to_string(mac),
                         "a multiple allele code such as A*01:AB", "DON-MAC-001");
        }
        const std::string_view code = mac.code();
        const auto* it = find(code);
        if (it == nullptr) {
            return error(errc::missing, "mac", to_string(mac),
                         "a code of the MAC table (" + std::to_string(codes_.size()) + " codes)",
                         "DON-MAC-001");
        }
        std::vector<hla_name> out;
        const std::string locus(mac.locus());
        const std::string group = field_text(mac);
        std::vector<std::pair<std::string, std::size_t>> first_fields;  // allele-specific
        for (const auto sub : detail::split_keep_empty(it->second, '/')) {
            const bool specific = sub.find(':') != std::string_view::npos;
            std::string text = locus + "*";
            if (specific) {
                text += sub;
                const std::string f(sub.substr(0, sub.find(':')));
                const auto at = std::find_if(first_fields.begin(), first_fields.end(),
                                             [&f](const auto& p) { return p.first == f; });
                if (at == first_fields.end()) {
                    first_fields.emplace_back(f, 1);
                } else {
                    ++at->second;
                }
            } else {
                text += group + ":" + std::string(sub);
            }
            auto n = parse_hla_name(text);
            if (!n || n->kind() != hla_name_kind::allele) {
                return error(errc::syntax, "mac", to_string(mac),
                             "subtypes that make allele names (the table has '" + it->second + "')",
                             "DON-MAC-001");
            }
            out.push_back(mac.has_prefix() ? n->with_prefix() : *n);
        }
        if (!first_fields.empty()) {
            // the first field most names share, the lowest on a tie (text order: fields of one
            // locus have the same number of digits)
            std::sort(first_fields.begin(), first_fields.end());
            std::string best;
            std::size_t most = 0;
            for (const auto& [f, count] : first_fields) {
                if (count > most) {
                    best = f;
                    most = count;
                }
            }
            if (best != group) {
                return error(errc::inconsistent, "mac", to_string(mac),
                             locus + "*" + best + ":" + std::string(code) +
                                 " (an allele-specific code is written under the first field "
                                 "most of its names share)",
                             "DON-MAC-001");
            }
        }
        return out;
    }

private:
    friend result<mac_table> parse_mac_table(std::string_view text);

    /// The first field as written ("01" of A*01:AB).
    static std::string field_text(const hla_name& mac) {
        const std::string t = to_string(mac.without_prefix());
        const auto star = t.find('*');
        return t.substr(star + 1, t.find(':', star) - star - 1);
    }

    /// The code's entry, or nullptr (codes_ is sorted by code).
    [[nodiscard]] const std::pair<std::string, std::string>* find(std::string_view code) const {
        const auto it = std::lower_bound(codes_.begin(), codes_.end(), code,
                                         [](const auto& e, std::string_view c) { return e.first < c; });
        return it != codes_.end() && it->first == code ? &*it : nullptr;
    }

    std::vector<std::pair<std::string, std::string>> codes_;  ///< by code
};

/// DON-MAC-001: reads a MAC table in NMDP's format: lines before the first code line (a date,
/// "*CODE<TAB>SUBTYPE", blank lines) are skipped; then each line is CODE (2-5 capital letters),
/// a TAB, and subtypes separated by '/' (each a second field of 2-3 digits with an optional
/// expression suffix, or a 2-field name "25:01"). Blank lines are skipped. Errors
/// (errc::syntax or errc::inconsistent, field "mac_table:<line>"): a line of another shape, a
/// code listed twice, no code at all.
[[nodiscard]] inline result<mac_table> parse_mac_table(std::string_view text) {
    mac_table t;
    std::vector<std::size_t> lines;  ///< the line of each code, in file order
    std::size_t line_no = 0;
    std::size_t start = 0;
    const auto fail = [&line_no](errc code, std::string_view line, const char* valid) {
        return error(code, field_ref("mac_table:" + std::to_string(line_no)), std::string(line),
                     valid, "DON-MAC-001");
    };
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        const std::size_t tab = line.find('\t');
        const bool header = t.codes_.empty() && (tab == std::string_view::npos || line.front() == '*' ||
                                                 line.rfind("LAST", 0) == 0);
        if (line.empty() || header) {
            if (start > text.size()) {
                break;
            }
            continue;
        }
        if (tab == std::string_view::npos || tab < 2 || tab > 5) {
            return fail(errc::syntax, line, "CODE<TAB>SUBTYPE/SUBTYPE...");
        }
        const std::string_view code = line.substr(0, tab);
        const std::string_view subs = line.substr(tab + 1);
        for (const char c : code) {
            if (c < 'A' || c > 'Z') {
                return fail(errc::syntax, line, "a code of 2-5 capital letters");
            }
        }
        if (subs.empty()) {
            return fail(errc::syntax, line, "CODE<TAB>SUBTYPE/SUBTYPE...");
        }
        for (const auto sub : detail::split_keep_empty(subs, '/')) {
            // "01", "101", "43N", "25:01"
            std::size_t i = 0;
            std::size_t digits = 0;
            bool colon = false;
            for (; i < sub.size(); ++i) {
                const char c = sub[i];
                if (c >= '0' && c <= '9') {
                    ++digits;
                } else if (c == ':' && !colon && digits >= 2) {
                    colon = true;
                    digits = 0;
                } else {
                    break;
                }
            }
            const bool suffix = i + 1 == sub.size() && std::string_view("NLSCAQ").find(sub[i]) !=
                                                           std::string_view::npos;
            if (digits < 2 || digits > 4 || (i != sub.size() && !suffix)) {
                return fail(errc::syntax, line,
                            "subtypes such as 01, 43N or 25:01, separated by '/'");
            }
        }
        t.codes_.emplace_back(std::string(code), std::string(subs));
        lines.push_back(line_no);
        if (start > text.size()) {
            break;
        }
    }
    // sorted by code; a code listed twice is refused at its second line
    std::vector<std::size_t> order(t.codes_.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&t](std::size_t a, std::size_t b) {
        return t.codes_[a].first < t.codes_[b].first;
    });
    for (std::size_t k = 1; k < order.size(); ++k) {
        const auto& prev = t.codes_[order[k - 1]];
        const auto& cur = t.codes_[order[k]];
        if (prev.first == cur.first) {
            line_no = lines[order[k]];
            return fail(errc::inconsistent, cur.first + "\t" + cur.second, "each code listed once");
        }
    }
    std::vector<std::pair<std::string, std::string>> sorted;
    sorted.reserve(order.size());
    for (const auto i : order) {
        sorted.push_back(std::move(t.codes_[i]));
    }
    t.codes_ = std::move(sorted);
    if (t.codes_.empty()) {
        return error(errc::missing, "mac_table", "(no code line)", "CODE<TAB>SUBTYPE lines",
                     "DON-MAC-001");
    }
    return t;
}

/// DON-MAC-001: reads the MAC table in the file at `path` (NMDP's numer.v3.txt format, as
/// parse_mac_table). A file that cannot be read is errc::missing naming it.
[[nodiscard]] inline result<mac_table> load_mac_table(const std::string& path) {
    auto text = detail::read_whole_file(path);
    if (!text) {
        return error(errc::missing, "mac_table", path, "a readable MAC table file", "DON-MAC-001");
    }
    return parse_mac_table(*text);
}

}  // namespace hsct::donor

#endif  // HSCT_DONOR_MAC_TABLE_HPP
